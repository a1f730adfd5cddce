# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class SrmReportKindConsultationSummary(models.AbstractModel):
    """Who was engaged, by which means, what was raised and how it was answered."""

    _name = "srm.report.kind.consultation_summary"
    _inherit = "srm.report.builder"
    _description = "SRM Report: Consultation Summary"
    _report_kind = "consultation_summary"

    @api.model
    def _build_report(self, filters):
        return self._build_consultation_summary(filters)
