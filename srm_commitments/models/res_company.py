# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    srm_commitment_reminder_days = fields.Integer(
        string="Commitment Reminder (days)",
        default=7,
        help="How many days before its due date the owner of a commitment is reminded. "
        "Each commitment can override it.",
    )

    @api.constrains("srm_commitment_reminder_days")
    def _check_srm_commitment_reminder_days(self):
        if any(company.srm_commitment_reminder_days < 0 for company in self):
            raise ValidationError(self.env._("The commitment reminder cannot be a negative number of days."))
