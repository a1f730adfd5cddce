# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .srm_report_log import DEFAULT_REPORT_ROW_THRESHOLD


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    srm_queue_job_report_row_threshold = fields.Integer(
        string="Rows of a Report Produced in the Background",
        config_parameter="srm_queue_job.report_row_threshold",
        default=DEFAULT_REPORT_ROW_THRESHOLD,
        help="A report with more rows than this is produced by a background job: the user is "
        "notified with a link to the archived file when it is ready. Smaller reports are "
        "downloaded at once.",
    )
