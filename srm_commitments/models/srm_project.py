# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class SrmProject(models.Model):
    _inherit = "srm.project"

    commitment_count = fields.Integer(compute="_compute_commitment_counts")
    commitment_overdue_count = fields.Integer(compute="_compute_commitment_counts")

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_commitment_counts(self):
        counts = {
            (project, overdue): count
            for project, overdue, count in self.env["srm.commitment"]._read_group(
                [("project_id", "in", self.ids)], ["project_id", "is_overdue"], ["__count"]
            )
        }
        for project in self:
            overdue = counts.get((project, True), 0)
            project.commitment_overdue_count = overdue
            project.commitment_count = overdue + counts.get((project, False), 0)

    def action_view_commitments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_commitments.srm_commitment_action")
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id, "default_company_id": self.company_id.id}
        return action
