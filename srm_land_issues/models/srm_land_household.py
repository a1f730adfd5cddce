# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class SrmLandHousehold(models.Model):
    _inherit = "srm.land.household"

    issue_ids = fields.Many2many(
        "srm.issue",
        "srm_issue_land_household_rel",
        "household_id",
        "issue_id",
        string="Grievances",
        check_company=True,
        help="The issues and grievances about this household.",
    )
    issue_count = fields.Integer(compute="_compute_issue_count")

    @api.model
    def _srm_searched_link_fields(self):
        # its grievances: a confidential one, or another project's, is not every reader's
        return (*super()._srm_searched_link_fields(), "issue_ids")

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_issue_count(self):
        counts = dict(
            self.env["srm.issue"]._read_group(
                [("land_household_ids", "in", self.ids)], ["land_household_ids"], ["__count"]
            )
        )
        for record in self:
            record.issue_count = counts.get(record, 0)

    def action_view_issues(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_issues.srm_issue_action")
        action["domain"] = [("land_household_ids", "in", self.ids)]
        action["context"] = {
            "default_project_id": self.project_id.id,
            "default_company_id": self.company_id.id,
            "default_land_household_ids": self.ids,
            "default_partner_ids": self.head_partner_id.ids,
        }
        return action
