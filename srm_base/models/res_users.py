# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    srm_project_ids = fields.Many2many(
        "srm.project",
        "srm_project_member_rel",
        "user_id",
        "project_id",
        string="SRM Projects",
        help="Projects this user works on; project-restricted users see only these.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        if any(vals.get("srm_project_ids") for vals in vals_list):
            # record rules of project-restricted users depend on membership
            self.env.registry.clear_cache()
        return users

    def write(self, vals):
        res = super().write(vals)
        if "srm_project_ids" in vals:
            self.env.registry.clear_cache()
        return res
