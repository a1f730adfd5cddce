# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SrmEngagement(models.Model):
    _inherit = "srm.engagement"

    def action_srm_report_wizard(self):
        """Report on the selected engagements, over the period they span."""
        context = {"default_engagement_ids": self.ids, "default_report_kind": "engagement_log"}
        dates = self.mapped("date")
        if dates:
            builder = self.env["srm.report.builder"]
            context["default_date_from"] = fields.Date.to_string(builder._to_local(min(dates)).date())
            context["default_date_to"] = fields.Date.to_string(builder._to_local(max(dates)).date())
        return self.env["srm.report.wizard"]._open_action(context)
