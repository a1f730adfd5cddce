# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    srm_ai_provider_enabled = fields.Boolean(related="company_id.srm_ai_provider_enabled", readonly=False)
    srm_ai_provider_url = fields.Char(related="company_id.srm_ai_provider_url", readonly=False)
    srm_ai_provider_model = fields.Char(related="company_id.srm_ai_provider_model", readonly=False)
    srm_ai_provider_api_key = fields.Char(
        related="company_id.srm_ai_provider_api_key", readonly=False, groups="srm_base.group_srm_manager"
    )
    srm_ai_provider_timeout = fields.Integer(related="company_id.srm_ai_provider_timeout", readonly=False)
    srm_ai_provider_allow_private = fields.Boolean(
        string="Allow a Private Provider Address",
        config_parameter="srm_ai.provider_allow_private",
        groups="base.group_system",
        help="By default the provider must be on the public internet: addresses of this server "
        "(localhost), of its private network or link-local ones (cloud metadata) are refused. "
        "Allow them for a provider you host yourself, e.g. Ollama on this server.",
    )
    srm_ai_use_embeddings = fields.Boolean(related="company_id.srm_ai_use_embeddings", readonly=False)
    srm_ai_days_manage_closely = fields.Integer(related="company_id.srm_ai_days_manage_closely", readonly=False)
    srm_ai_days_keep_satisfied = fields.Integer(related="company_id.srm_ai_days_keep_satisfied", readonly=False)
    srm_ai_days_keep_informed = fields.Integer(related="company_id.srm_ai_days_keep_informed", readonly=False)
    srm_ai_days_monitor = fields.Integer(related="company_id.srm_ai_days_monitor", readonly=False)
    srm_ai_theme_days = fields.Integer(related="company_id.srm_ai_theme_days", readonly=False)
    srm_ai_engine_mode = fields.Char(string="Analysis Engine", compute="_compute_srm_ai_engine_mode")

    def _compute_srm_ai_engine_mode(self):
        service = self.env["srm.ai.service"]
        text = service._srm_ai_mode_description()
        for settings in self:
            settings.srm_ai_engine_mode = text
            # only a count: the records are named in the server log
            failed = service._srm_ai_count_failed(settings.company_id)
            if failed:
                settings.srm_ai_engine_mode += self.env._(
                    "; texts the engine failed on: %(count)s (left aside until they are changed; "
                    "the server log names their records)",
                    count=failed,
                )

    def action_srm_ai_test_provider(self):
        self.ensure_one()
        return self.env["srm.ai.service"]._srm_ai_test_provider(self.company_id)
