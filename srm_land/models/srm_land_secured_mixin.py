# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class SrmLandSecuredMixin(models.AbstractModel):
    """Parcels, households and agreements: confidential unless decided otherwise.

    They name people and the amounts paid to them, so they are created
    confidential and only users with Confidential access may create them or
    change their confidentiality. The record rules are those of every
    ``srm.secured.mixin`` model; the lines of these records (rights holders,
    members, assets, payments, livelihood measures) follow the rules of their
    record.
    """

    _name = "srm.land.secured.mixin"
    _inherit = ["srm.secured.mixin", "srm.land.link.mixin"]
    _description = "SRM land record, confidential by default"

    project_id = fields.Many2one(required=True)
    is_confidential = fields.Boolean(
        default=True,
        help="Land records name people and what they are paid: they are confidential by default, "
        "readable only by users with Confidential access. A user with Confidential access may "
        "clear the flag to share the record, and everything recorded on it, with the project team.",
    )

    @api.model
    def _srm_land_has_confidential_access(self):
        return self.env.su or self.env.user.has_group("srm_base.group_srm_confidential")

    @api.model
    def _srm_land_check_create_rights(self):
        if not self._srm_land_has_confidential_access():
            raise UserError(
                self.env._(
                    "Land records are confidential: only users with Confidential access record "
                    "parcels, households and agreements. Ask a land officer or a manager."
                )
            )

    def _srm_land_check_confidential_change(self, vals):
        if "is_confidential" not in vals or self._srm_land_has_confidential_access():
            return
        if any(record.is_confidential != bool(vals["is_confidential"]) for record in self):
            raise UserError(
                self.env._("Only users with Confidential access can change the confidentiality of land records.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._srm_land_check_create_rights()
        return super().create(vals_list)

    def write(self, vals):
        self._srm_land_check_confidential_change(vals)
        return super().write(vals)

    @api.model
    def _srm_land_link_stakeholders(self, partners_by_project):
        """People holding rights on a project's land are stakeholders of the project.

        ``partners_by_project``: {project: partners}. The project team may not
        edit projects (managers do): the link is written as superuser, for
        records the user has just created or changed (their access is checked),
        and people the user may read: a stakeholder of a project the user is not
        on is refused, linking them would open them to the user.
        """
        if not self.env.su:
            for partners in partners_by_project.values():
                partners.check_access("read")
        for project, partners in partners_by_project.items():
            missing = partners - project.sudo().stakeholder_ids
            if project and missing:
                project.sudo().stakeholder_ids = [Command.link(partner.id) for partner in missing]
