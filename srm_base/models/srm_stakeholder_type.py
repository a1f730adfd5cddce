# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SrmStakeholderType(models.Model):
    _name = "srm.stakeholder.type"
    _description = "Stakeholder Type"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="Stable technical key, used by imports and integrations.")
    sequence = fields.Integer(default=10)
    is_organisation = fields.Boolean(
        string="Organisation",
        help="Stakeholders of this type are companies, groups or institutions "
        "rather than individuals.",
    )
    color = fields.Integer()
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a stakeholder type must be unique."),
    ]
