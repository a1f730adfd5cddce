# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class SrmReportKindCommitmentRegister(models.AbstractModel):
    """Commitments due in the period and those still outstanding."""

    _name = "srm.report.kind.commitment_register"
    _inherit = "srm.report.builder"
    _description = "SRM Report: Commitments Register"
    _report_kind = "commitment_register"
    _report_landscape = True

    @api.model
    def _build_report(self, filters):
        return self._build_commitment_register(filters)
