# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

ASSET_CATEGORIES = [
    ("structure", "Structure"),
    ("crop", "Crop"),
    ("tree", "Tree"),
    ("business", "Business"),
    ("other", "Other"),
]


class SrmLandAsset(models.Model):
    """An asset counted on a parcel by the census: a house, a field of maize, fruit trees, a shop."""

    _name = "srm.land.asset"
    _inherit = ["srm.land.link.mixin"]
    _description = "Census Asset"
    _order = "parcel_id, category, id"
    _check_company_auto = True

    parcel_id = fields.Many2one("srm.land.parcel", required=True, index=True, ondelete="cascade", check_company=True)
    household_id = fields.Many2one(
        "srm.land.household",
        string="Owner Household",
        index="btree_not_null",
        ondelete="set null",
        check_company=True,
        domain="[('project_id', '=', project_id)]",
    )
    project_id = fields.Many2one(related="parcel_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="parcel_id.company_id", store=True, index=True)
    category = fields.Selection(ASSET_CATEGORIES, required=True, default="structure")
    name = fields.Char(string="Description", required=True)
    quantity = fields.Float(default=1.0, digits=(16, 2))
    unit = fields.Char(help="e.g. m², tree, ha, unit")
    currency_id = fields.Many2one(related="company_id.currency_id", string="Currency")
    entitlement_id = fields.Many2one(
        "srm.land.entitlement",
        index="btree_not_null",
        ondelete="set null",
        domain="[('project_id', '=', project_id)]",
        help="The entitlement of the matrix this asset is valued with.",
    )
    unit_rate = fields.Monetary(compute="_compute_unit_rate", store=True, readonly=False, precompute=True)
    amount = fields.Monetary(compute="_compute_amount", store=True)
    date_counted = fields.Date(
        string="Counted On",
        required=True,
        default=fields.Date.context_today,
        help="Date of the census visit that counted the asset; on or before the project's cut-off date.",
    )
    user_id = fields.Many2one(
        "res.users", string="Counted By", default=lambda self: self.env.user, domain="[('share', '=', False)]"
    )
    note = fields.Char()

    @api.depends("entitlement_id")
    def _compute_unit_rate(self):
        for asset in self:
            if asset.entitlement_id.unit_rate:
                asset.unit_rate = asset.entitlement_id.unit_rate

    @api.depends("quantity", "unit_rate")
    def _compute_amount(self):
        for asset in self:
            asset.amount = (
                asset.currency_id.round(asset.quantity * asset.unit_rate)
                if asset.currency_id
                else (asset.quantity * asset.unit_rate)
            )

    @api.constrains("quantity", "unit_rate")
    def _check_values(self):
        for asset in self:
            if asset.quantity < 0 or asset.unit_rate < 0:
                raise ValidationError(
                    self.env._(
                        "The quantity and unit rate of %(asset)s on parcel %(parcel)s cannot be negative.",
                        asset=asset.name,
                        parcel=asset.parcel_id.name,
                    )
                )

    @api.constrains("date_counted", "parcel_id")
    def _check_cutoff(self):
        for asset in self:
            cutoff = asset.parcel_id.project_id.land_cutoff_date
            if cutoff and asset.date_counted and asset.date_counted > cutoff:
                raise ValidationError(
                    self.env._(
                        "%(asset)s on parcel %(parcel)s was counted on %(date)s, after the census "
                        "cut-off date of %(project)s (%(cutoff)s): assets established after the "
                        "cut-off are not eligible and are not counted.",
                        asset=asset.name,
                        parcel=asset.parcel_id.name,
                        date=format_date(self.env, asset.date_counted),
                        project=asset.parcel_id.project_id.display_name,
                        cutoff=format_date(self.env, cutoff),
                    )
                )

    @api.constrains("household_id", "parcel_id")
    def _check_household_project(self):
        for asset in self.filtered("household_id"):
            if asset.household_id.project_id != asset.parcel_id.project_id:
                raise ValidationError(
                    self.env._(
                        "%(asset)s is on parcel %(parcel)s: its household must be of the same project.",
                        asset=asset.name,
                        parcel=asset.parcel_id.name,
                    )
                )
