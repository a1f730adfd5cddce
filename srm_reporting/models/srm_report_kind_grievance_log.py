# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class SrmReportKindGrievanceLog(models.AbstractModel):
    """Issues and grievances received in the period, with their service levels."""

    _name = "srm.report.kind.grievance_log"
    _inherit = "srm.report.builder"
    _description = "SRM Report: Grievance Log"
    _report_kind = "grievance_log"
    _report_landscape = True

    @api.model
    def _build_report(self, filters):
        return self._build_grievance_log(filters)
