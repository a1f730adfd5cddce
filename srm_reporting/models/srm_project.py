# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SrmProject(models.Model):
    _inherit = "srm.project"

    srm_monthly_report = fields.Boolean(
        string="Monthly Summary by Email",
        tracking=True,
        help="Early each month, the project manager and the recipients below receive "
        "the summary of the previous month (confidential records excluded).",
    )
    srm_monthly_report_partner_ids = fields.Many2many(
        "res.partner",
        "srm_project_monthly_report_partner_rel",
        "project_id",
        "partner_id",
        string="Other Recipients",
        help="The project manager always receives the summary.",
    )
    srm_monthly_report_format = fields.Selection(
        [("pdf", "PDF"), ("xlsx", "Excel (XLSX)")],
        string="Summary Format",
        default="pdf",
    )
    srm_report_log_count = fields.Integer(string="Reports", compute="_compute_srm_report_log_count")

    def _compute_srm_report_log_count(self):
        data = dict(
            self.env["srm.report.log"]._read_group([("project_ids", "in", self.ids)], ["project_ids"], ["__count"])
        )
        for project in self:
            project.srm_report_log_count = data.get(project, 0)

    def action_srm_report_wizard(self):
        return self.env["srm.report.wizard"]._open_action(
            {"default_project_ids": self.ids, "default_report_kind": "engagement_log"}
        )

    def action_srm_view_report_logs(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_reporting.srm_report_log_action")
        action["domain"] = [("project_ids", "in", self.ids)]
        action["context"] = {}
        return action
