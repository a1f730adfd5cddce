# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .srm_land_parcel import DEFER_SHARE_CHECK

RIGHT_TYPES = [
    ("owner", "Owner"),
    ("co_owner", "Co-owner"),
    ("tenant", "Tenant"),
    ("customary_user", "Customary user"),
    ("occupant", "Occupant"),
]

# the three categories of displaced persons of IFC Performance Standard 5 (para. 17)
HOLDER_CATEGORIES = [
    ("formal", "Formal legal right"),
    ("recognisable", "Recognised or recognisable claim"),
    ("none", "No recognisable right or claim"),
]


class SrmLandRight(models.Model):
    """A stakeholder's right on a parcel, formal or not.

    Performance Standard 5 counts people without formal title too: customary
    users and occupants are recorded like owners, with the category of their
    claim, which decides their entitlements.
    """

    _name = "srm.land.right"
    _inherit = ["srm.land.link.mixin"]
    _description = "Land Right Holder"
    _order = "parcel_id, share desc, id"
    _rec_name = "partner_id"

    parcel_id = fields.Many2one("srm.land.parcel", required=True, index=True, ondelete="cascade")
    project_id = fields.Many2one(related="parcel_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="parcel_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Holder",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('is_stakeholder', '=', True)]",
    )
    right_type = fields.Selection(RIGHT_TYPES, string="Right", required=True, default="owner")
    holder_category = fields.Selection(
        HOLDER_CATEGORIES,
        compute="_compute_holder_category",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
        help="Formal legal right (title, registered lease), a claim recognised or recognisable "
        "under national law (customary, communal), or no recognisable right (occupants): the "
        "categories of IFC Performance Standard 5, used by the entitlement matrix.",
    )
    share = fields.Float(
        string="Share (%)",
        digits=(5, 2),
        help="The holder's share of the parcel, in percent. The shares of a parcel add up to 100 % "
        "at most; a holder without a share of the land (an occupant) may have 0.",
    )
    household_id = fields.Many2one(
        "srm.land.household",
        index="btree_not_null",
        ondelete="set null",
        domain="[('project_id', '=', project_id)]",
    )
    proof = fields.Char(
        string="Proof of Right",
        help="Title number, lease, certificate of the community, testimony of neighbours...",
    )
    date_start = fields.Date(string="Held Since")
    note = fields.Char()

    @api.depends("right_type", "parcel_id.tenure")
    def _compute_holder_category(self):
        for right in self:
            tenure = right.parcel_id.tenure
            if right.right_type == "occupant" or tenure == "informal":
                right.holder_category = "none"
            elif right.right_type == "customary_user" or tenure in ("customary", "communal"):
                right.holder_category = "recognisable"
            else:
                right.holder_category = "formal"

    @api.constrains("share")
    def _check_share_range(self):
        for right in self:
            if not 0.0 <= right.share <= 100.0:
                raise ValidationError(
                    self.env._(
                        "The share of %(holder)s on parcel %(parcel)s is %(share)s %%: a share goes from 0 to 100 %%.",
                        holder=right.partner_id.display_name,
                        parcel=right.parcel_id.name,
                        share=right.share,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        rights = super().create(vals_list)
        if not self.env.context.get(DEFER_SHARE_CHECK):
            rights.parcel_id._check_shares()
        rights._link_holders_to_project()
        return rights

    def write(self, vals):
        parcels = self.parcel_id
        res = super().write(vals)
        if {"share", "parcel_id"} & set(vals) and not self.env.context.get(DEFER_SHARE_CHECK):
            (parcels | self.parcel_id)._check_shares()
        if {"partner_id", "parcel_id"} & set(vals):
            self._link_holders_to_project()
        return res

    def _link_holders_to_project(self):
        self.env["srm.land.parcel"]._srm_land_link_stakeholders(
            {project: rights.partner_id for project, rights in self.grouped("project_id").items()}
        )
