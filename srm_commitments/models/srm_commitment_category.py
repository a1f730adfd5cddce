# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SrmCommitmentCategory(models.Model):
    """What a commitment is about: compensation, environment, employment..."""

    _name = "srm.commitment.category"
    _description = "Commitment Category"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    description = fields.Text(translate=True)

    _sql_constraints = [
        ("name_uniq", "unique(name)", "A commitment category with this name already exists."),
    ]
