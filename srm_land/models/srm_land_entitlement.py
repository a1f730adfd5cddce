# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .srm_land_right import HOLDER_CATEGORIES

LOSS_CATEGORIES = [
    ("land", "Land"),
    ("structure", "Structures"),
    ("crop", "Crops"),
    ("tree", "Trees"),
    ("business", "Business"),
    ("income", "Income and livelihood"),
    ("access", "Access to resources"),
    ("relocation", "Relocation"),
]

ENTITLEMENT_HOLDER_CATEGORIES = HOLDER_CATEGORIES + [("vulnerable", "Vulnerable household (in addition)")]

COMPENSATION_TYPES = [
    ("cash", "Cash at replacement cost"),
    ("in_kind", "In kind"),
    ("land_for_land", "Replacement land"),
    ("choice", "Cash or in kind, at the holder's choice"),
    ("assistance", "Assistance only"),
    ("none", "No compensation"),
]


class SrmLandEntitlement(models.Model):
    """A cell of a project's entitlement matrix: what a category of holder gets
    for a category of loss."""

    _name = "srm.land.entitlement"
    _description = "Entitlement"
    _order = "project_id, sequence, loss_category, holder_category, id"
    _check_company_auto = True

    project_id = fields.Many2one("srm.project", required=True, index=True, ondelete="cascade", check_company=True)
    company_id = fields.Many2one(related="project_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    loss_category = fields.Selection(LOSS_CATEGORIES, string="Loss", required=True)
    holder_category = fields.Selection(ENTITLEMENT_HOLDER_CATEGORIES, string="Holder", required=True)
    compensation_type = fields.Selection(COMPENSATION_TYPES, required=True, default="cash")
    compensation = fields.Text(help="What is paid or replaced, and on what basis.")
    assistance = fields.Text(help="Moving allowance, transitional support, livelihood restoration...")
    currency_id = fields.Many2one(related="company_id.currency_id", string="Currency")
    unit_rate = fields.Monetary(help="Rate per unit, proposed for the assets of this category.")
    unit = fields.Char(help="e.g. ha, m², tree, month")
    note = fields.Char()

    _sql_constraints = [
        (
            "cell_uniq",
            "unique(project_id, loss_category, holder_category)",
            "The entitlement matrix has one entitlement per loss and holder category.",
        ),
    ]

    @api.constrains("unit_rate")
    def _check_unit_rate(self):
        if any(entitlement.unit_rate < 0 for entitlement in self):
            raise ValidationError(self.env._("A unit rate cannot be negative."))

    @api.depends("loss_category", "holder_category")
    def _compute_display_name(self):
        losses = dict(self._fields["loss_category"]._description_selection(self.env))
        holders = dict(self._fields["holder_category"]._description_selection(self.env))
        for entitlement in self:
            entitlement.display_name = (
                f"{losses.get(entitlement.loss_category, '')} / {holders.get(entitlement.holder_category, '')}"
            )
