# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class SrmReportKindStakeholderRegister(models.AbstractModel):
    """Stakeholders of the projects, with their engagements over the period."""

    _name = "srm.report.kind.stakeholder_register"
    _inherit = "srm.report.builder"
    _description = "SRM Report: Stakeholder Register"
    _report_kind = "stakeholder_register"
    _report_landscape = True

    @api.model
    def _build_report(self, filters):
        return self._build_stakeholder_register(filters)
