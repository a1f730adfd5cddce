# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class SrmReportKindMonthlySummary(models.AbstractModel):
    """Key figures of a month."""

    _name = "srm.report.kind.monthly_summary"
    _inherit = "srm.report.builder"
    _description = "SRM Report: Monthly Summary"
    _report_kind = "monthly_summary"

    @api.model
    def _build_report(self, filters):
        return self._build_monthly_summary(filters)
