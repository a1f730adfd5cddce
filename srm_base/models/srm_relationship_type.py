# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SrmRelationshipType(models.Model):
    """How two stakeholders relate, read from each side.

    "member of" is read "has member" from the other side.
    """

    _name = "srm.relationship.type"
    _description = "Stakeholder Relationship Type"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    name_inverse = fields.Char(
        string="Inverse Name",
        required=True,
        translate=True,
        help="How the relationship reads from the other stakeholder's side.",
    )
    active = fields.Boolean(default=True)
