# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.srm_base.models.res_partner import SRM_GROUPS
from odoo.addons.srm_base.tools.links import check_readable_links


class SrmIssue(models.Model):
    _name = "srm.issue"
    _inherit = ["srm.issue", "srm.ai.sentiment.mixin"]

    _srm_ai_text_fields = ("name", "description")

    # the theme's name is made of other records' words: the team's only, never the
    # complainant's reading their issue on the portal
    srm_ai_theme_id = fields.Many2one(
        "srm.ai.theme", string="From Theme", readonly=True, copy=False, index="btree_not_null", groups=SRM_GROUPS
    )

    @api.model_create_multi
    def create(self, vals_list):
        # written by "Create Issue" of a theme: a user links only a theme they may read
        check_readable_links(self, vals_list, ("srm_ai_theme_id",), create=True)
        return super().create(vals_list)

    def write(self, vals):
        check_readable_links(self, [vals], ("srm_ai_theme_id",))
        return super().write(vals)

    def _srm_ai_leaves_themes(self, vals):
        return (
            super()._srm_ai_leaves_themes(vals)
            or bool(vals.get("is_sensitive"))
            or vals.get("grievance_scope") == "worker"
        )

    def _srm_ai_sentiment_text(self):
        self.ensure_one()
        return self._srm_ai_html_text(self.description) or self.name or ""

    def _srm_ai_similarity_text(self):
        self.ensure_one()
        return "\n".join(p for p in (self.name, self._srm_ai_html_text(self.description)) if p)

    def _srm_ai_sentiment_partners(self):
        return self.sudo().partner_ids | self.sudo().complainant_id

    def action_srm_ai_similar(self):
        self.ensure_one()
        return self.env["srm.ai.similar"]._srm_ai_open_for(self)
