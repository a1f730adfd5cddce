# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

# The groups that read beyond the projects a user is a member of
_SRM_COMPANY_WIDE_GROUPS = (
    "srm_base.group_srm_user",
    "srm_base.group_srm_auditor",
    "srm_base.group_srm_manager",
)


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
    srm_project_restricted = fields.Boolean(
        string="Restricted to Their Projects",
        compute="_compute_srm_project_restricted",
        help="An internal user of the Project User (restricted) group who is in none of the "
        "User, Auditor or Manager groups: they see only the records of the projects they are "
        "members of, whatever other group they are given (Confidential access, for example).",
    )

    @api.depends("groups_id", "share")
    def _compute_srm_project_restricted(self):
        # Read by the global record rules of every project-scoped model ("user" in their
        # domains): the project restriction is stated here once, so that the group rules
        # of another group (OR-ed with the restricted ones) cannot widen it.
        restricted = self.env.ref("srm_base.group_srm_restricted", raise_if_not_found=False)
        wide_ids = {
            group.id
            for group in (self.env.ref(xmlid, raise_if_not_found=False) for xmlid in _SRM_COMPANY_WIDE_GROUPS)
            if group
        }
        for user in self:
            group_ids = set(user._get_group_ids() if user.id else user.groups_id._origin._ids)
            user.srm_project_restricted = bool(
                restricted and not user.share and restricted.id in group_ids and not wide_ids & group_ids
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
