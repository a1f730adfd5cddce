# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SrmIssue(models.Model):
    _name = "srm.issue"
    _inherit = ["srm.issue", "srm.field.capture.mixin"]

    srm_field_consent = fields.Boolean(
        string="Consent Recorded in the Field",
        copy=False,
        readonly=True,
        help="When the grievance was heard, the complainant agreed that their identity and contact "
        "details are recorded to handle it and to answer them.",
    )
