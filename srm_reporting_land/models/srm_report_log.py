# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .srm_report_builder import LAND_REPORT_KINDS, LAND_REPORT_LOG_ONDELETE


class SrmReportLog(models.Model):
    _inherit = "srm.report.log"

    report_kind = fields.Selection(selection_add=LAND_REPORT_KINDS, ondelete=LAND_REPORT_LOG_ONDELETE)
