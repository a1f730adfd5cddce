# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..models.srm_report_builder import LAND_REPORT_KINDS, LAND_REPORT_KINDS_ONDELETE


class SrmReportWizard(models.TransientModel):
    _inherit = "srm.report.wizard"

    report_kind = fields.Selection(selection_add=LAND_REPORT_KINDS, ondelete=LAND_REPORT_KINDS_ONDELETE)
