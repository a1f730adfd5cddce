# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SrmIssueCategory(models.Model):
    _name = "srm.issue.category"
    _description = "Issue Category"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(index=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    description = fields.Text(translate=True)
    is_public = fields.Boolean(
        string="On Public Form",
        default=True,
        help="Offered to visitors of the public grievance form.",
    )
    team_id = fields.Many2one(
        "srm.issue.team",
        string="Default Team",
        help="Team assigned to new issues of this category.",
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The category code must be unique."),
    ]
