# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    srm_ai_provider_enabled = fields.Boolean(
        string="Use an AI Provider",
        help="Send masked, non-confidential texts to the provider below for briefs and "
        "strategies. When off, nothing leaves the server and the offline engine is used.",
    )
    srm_ai_provider_url = fields.Char(
        string="Provider URL",
        help="Base URL of an OpenAI-compatible API, e.g. https://api.example.com/v1, or "
        "http://localhost:11434/v1 for Ollama on this server (an administrator must then allow a "
        "private provider address). /chat/completions is added.",
    )
    srm_ai_provider_model = fields.Char(string="Provider Model", help="e.g. llama3.1:8b")
    srm_ai_provider_api_key = fields.Char(
        string="Provider API Key",
        groups="srm_base.group_srm_manager",
        copy=False,
        help="Sent as a Bearer token. Only SRM managers can read it.",
    )
    srm_ai_provider_timeout = fields.Integer(string="Provider Timeout (s)", default=30)
    srm_ai_use_embeddings = fields.Boolean(
        string="Use Multilingual Embeddings",
        default=True,
        help="When the optional embedding model is installed on the server, use it for "
        "similar records, themes and sentiment. It runs on this server.",
    )
    srm_ai_days_manage_closely = fields.Integer(string="Contact Every (Manage Closely)", default=30)
    srm_ai_days_keep_satisfied = fields.Integer(string="Contact Every (Keep Satisfied)", default=60)
    srm_ai_days_keep_informed = fields.Integer(string="Contact Every (Keep Informed)", default=60)
    srm_ai_days_monitor = fields.Integer(string="Contact Every (Monitor)", default=120)
    srm_ai_theme_days = fields.Integer(
        string="Theme Period (days)", default=30, help="Length of the period analysed for emerging themes."
    )

    @api.constrains(
        "srm_ai_provider_timeout",
        "srm_ai_days_manage_closely",
        "srm_ai_days_keep_satisfied",
        "srm_ai_days_keep_informed",
        "srm_ai_days_monitor",
        "srm_ai_theme_days",
    )
    def _check_srm_ai_numbers(self):
        for company in self:
            values = [
                company.srm_ai_provider_timeout,
                company.srm_ai_days_manage_closely,
                company.srm_ai_days_keep_satisfied,
                company.srm_ai_days_keep_informed,
                company.srm_ai_days_monitor,
                company.srm_ai_theme_days,
            ]
            if any(value <= 0 for value in values):
                raise ValidationError(
                    self.env._("Timeouts, contact intervals and theme periods must be positive numbers.")
                )

    def _srm_ai_expected_contact_days(self):
        self.ensure_one()
        return {
            "manage_closely": self.srm_ai_days_manage_closely or 30,
            "keep_satisfied": self.srm_ai_days_keep_satisfied or 60,
            "keep_informed": self.srm_ai_days_keep_informed or 60,
            "monitor": self.srm_ai_days_monitor or 120,
        }
