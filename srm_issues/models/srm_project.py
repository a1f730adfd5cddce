# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SrmProject(models.Model):
    _inherit = "srm.project"

    srm_issue_public = fields.Boolean(
        string="On Public Grievance Form",
        help="Visitors of the public grievance form can choose this project.",
    )
    issue_count = fields.Integer(compute="_compute_issue_count", string="Issues")

    def _compute_issue_count(self):
        counts = dict(
            self.env["srm.issue"]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
        )
        for project in self:
            project.issue_count = counts.get(project, 0)

    def action_view_issues(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_issues.srm_issue_action_all")
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action
