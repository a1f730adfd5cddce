# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

RELATIONSHIPS = [
    ("head", "Head of household"),
    ("spouse", "Spouse or partner"),
    ("child", "Child"),
    ("parent", "Parent"),
    ("relative", "Other relative"),
    ("other", "Other"),
]


class SrmLandHouseholdMember(models.Model):
    """A person of a census household, and whether they were there at the cut-off."""

    _name = "srm.land.household.member"
    _inherit = ["srm.land.link.mixin"]
    _description = "Household Member"
    _order = "household_id, sequence, id"

    household_id = fields.Many2one("srm.land.household", required=True, index=True, ondelete="cascade")
    project_id = fields.Many2one(related="household_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="household_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        index="btree_not_null",
        ondelete="set null",
        help="The member's contact, when they have one (a holder, a signatory...).",
    )
    relationship = fields.Selection(RELATIONSHIPS, default="relative", required=True)
    present_at_cutoff = fields.Boolean(
        string="Present at Cut-off",
        default=True,
        help="The person lived in the household at the census cut-off date.",
    )
    is_vulnerable = fields.Boolean(string="Vulnerable")
    note = fields.Char()
