# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class SrmReportKindStakeholderProfile(models.AbstractModel):
    """One stakeholder: profile, engagements, commitments and issues."""

    _name = "srm.report.kind.stakeholder_profile"
    _inherit = "srm.report.builder"
    _description = "SRM Report: Stakeholder Profile"
    _report_kind = "stakeholder_profile"
    _report_period_optional = True

    @api.model
    def _build_report(self, filters):
        return self._build_stakeholder_profile(filters)
