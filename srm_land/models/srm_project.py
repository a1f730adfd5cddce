# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date


class SrmProject(models.Model):
    _inherit = "srm.project"

    land_cutoff_date = fields.Date(
        string="Census Cut-off Date",
        tracking=True,
        help="Date of the census and asset inventory of the project's land. People settling and "
        "assets established after it are not eligible to compensation (IFC Performance "
        "Standard 5): no asset can be counted after it.",
    )
    land_cutoff_note = fields.Text(
        string="Cut-off Announcement",
        help="How and where the cut-off date was announced (meetings, notices, radio...).",
    )
    land_entitlement_ids = fields.One2many("srm.land.entitlement", "project_id", string="Entitlement Matrix")
    land_parcel_count = fields.Integer(string="Parcel Count", compute="_compute_land_counts")
    land_household_count = fields.Integer(string="Household Count", compute="_compute_land_counts")
    land_agreement_count = fields.Integer(string="Agreement Count", compute="_compute_land_counts")

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_land_counts(self):
        counts = {}
        for model in ("srm.land.parcel", "srm.land.household", "srm.land.agreement"):
            counts[model] = dict(
                self.env[model]._read_group([("project_id", "in", self.ids)], ["project_id"], ["__count"])
            )
        for project in self:
            project.land_parcel_count = counts["srm.land.parcel"].get(project, 0)
            project.land_household_count = counts["srm.land.household"].get(project, 0)
            project.land_agreement_count = counts["srm.land.agreement"].get(project, 0)

    @api.constrains("land_cutoff_date")
    def _check_land_cutoff_date(self):
        projects = self.filtered("land_cutoff_date")
        if not projects:
            return
        # every asset counts, also those the user may not read: only a date is shown
        late = (
            self.env["srm.land.asset"]
            .sudo()
            ._read_group([("project_id", "in", projects.ids)], ["project_id"], ["date_counted:max"])
        )
        for project, last_count in late:
            if last_count and last_count > project.land_cutoff_date:
                raise ValidationError(
                    self.env._(
                        "The cut-off date of %(project)s cannot be %(cutoff)s: assets were counted "
                        "until %(date)s. The census cut-off comes after the last count.",
                        project=project.display_name,
                        cutoff=format_date(self.env, project.land_cutoff_date),
                        date=format_date(self.env, last_count),
                    )
                )

    def _srm_land_action(self, xmlid):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id, "default_company_id": self.company_id.id}
        return action

    def action_view_land_parcels(self):
        return self._srm_land_action("srm_land.srm_land_parcel_action")

    def action_view_land_households(self):
        return self._srm_land_action("srm_land.srm_land_household_action")

    def action_view_land_agreements(self):
        return self._srm_land_action("srm_land.srm_land_agreement_action")
