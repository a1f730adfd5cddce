# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    srm_commitment_reminder_days = fields.Integer(
        related="company_id.srm_commitment_reminder_days",
        readonly=False,
    )
