# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SrmEngagementType(models.Model):
    _name = "srm.engagement.type"
    _description = "Engagement Type"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="Stable technical key (meeting, call, email, interview...).")
    sequence = fields.Integer(default=10)
    icon = fields.Char(default="fa-comments", help="Font Awesome icon shown in the timeline.")
    color = fields.Integer()
    is_group = fields.Boolean(
        string="Group Engagement",
        help="Public meetings, consultations and workshops gather many stakeholders.",
    )
    default_iap2_level = fields.Selection(
        selection=lambda self: self.env["srm.engagement"]._fields["iap2_level"].selection,
        string="Default IAP2 Level",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of an engagement type must be unique."),
    ]
