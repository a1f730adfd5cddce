# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare, float_round

from .. import geo

TENURES = [
    ("private_title", "Private title"),
    ("customary", "Customary"),
    ("communal", "Communal"),
    ("state", "State"),
    ("informal", "Informal use"),
]

LAND_USES = [
    ("cropland", "Cropland"),
    ("irrigated", "Irrigated farmland"),
    ("grazing", "Grazing"),
    ("forest", "Forest or woodland"),
    ("residential", "Residential"),
    ("commercial", "Commercial"),
    ("cultural", "Cultural or sacred site"),
    ("fallow", "Fallow or unused"),
    ("mixed", "Mixed"),
]

# the project's access process, in order
PARCEL_STATES = [
    ("identified", "Identified"),
    ("surveyed", "Surveyed"),
    ("negotiating", "Negotiating"),
    ("agreed", "Agreed"),
    ("compensated", "Compensated"),
    ("accessed", "Accessed"),
    ("restored", "Restored"),
]

SHARE_TOTAL = 100.0
SHARE_PRECISION = 2
# context key: the shares of a parcel are checked once its lines are all written
DEFER_SHARE_CHECK = "srm_land_defer_share_check"


class SrmLandParcel(models.Model):
    """A piece of land the project needs, and where its access process stands."""

    _name = "srm.land.parcel"
    _description = "Land Parcel"
    _inherit = ["srm.land.secured.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "project_id, name, id"
    _mail_post_access = "read"

    name = fields.Char(string="Reference", required=True, tracking=True, index="trigram")
    active = fields.Boolean(default=True)
    user_id = fields.Many2one(
        "res.users",
        string="Land Officer",
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    state = fields.Selection(
        PARCEL_STATES,
        string="Status",
        default="identified",
        required=True,
        index=True,
        tracking=True,
        group_expand="_read_group_expand_states",
    )
    tenure = fields.Selection(TENURES, required=True, default="private_title", tracking=True)
    land_use = fields.Selection(LAND_USES, tracking=True)
    land_use_note = fields.Char(string="Land Use Details")
    locality = fields.Char(help="Village, sector or cadastral area.")
    latitude = fields.Float(
        digits=(10, 7),
        compute="_compute_point",
        store=True,
        readonly=False,
        help="A point of the parcel (WGS84). Filled from the area when left empty.",
    )
    longitude = fields.Float(digits=(10, 7), compute="_compute_point", store=True, readonly=False)
    geojson = fields.Text(
        string="Area (GeoJSON)",
        help="The outline of the parcel, a GeoJSON Polygon or MultiPolygon in longitude/latitude "
        "(WGS84), drawn on a map or exported from a GIS or a GPS survey.",
    )
    area_ha = fields.Float(
        string="Area (ha)",
        digits=(16, 4),
        compute="_compute_area_ha",
        store=True,
        help="Computed from the GeoJSON outline, on the WGS84 sphere.",
    )
    title_reference = fields.Char(string="Title or Registry Number", tracking=True)
    right_ids = fields.One2many("srm.land.right", "parcel_id", string="Rights Holders", copy=True)
    holder_partner_ids = fields.Many2many(
        "res.partner",
        string="Holders",
        compute="_compute_holder_partner_ids",
        search="_search_holder_partner_ids",
    )
    share_total = fields.Float(
        string="Shares Allocated (%)", compute="_compute_share_total", digits=(5, SHARE_PRECISION)
    )
    household_ids = fields.Many2many(
        "srm.land.household",
        "srm_land_household_parcel_rel",
        "parcel_id",
        "household_id",
        string="Households",
        check_company=True,
    )
    asset_ids = fields.One2many("srm.land.asset", "parcel_id", string="Assets")
    agreement_ids = fields.Many2many(
        "srm.land.agreement",
        "srm_land_agreement_parcel_rel",
        "parcel_id",
        "agreement_id",
        string="Agreements",
        check_company=True,
    )
    engagement_ids = fields.Many2many(
        "srm.engagement",
        "srm_engagement_land_parcel_rel",
        "parcel_id",
        "engagement_id",
        string="Engagements",
        check_company=True,
    )
    document_ids = fields.Many2many(
        "ir.attachment",
        "srm_land_parcel_document_rel",
        "parcel_id",
        "attachment_id",
        string="Documents",
        help="Title deeds, survey plans, registry extracts, photos...",
    )
    currency_id = fields.Many2one(related="company_id.currency_id", string="Currency")
    asset_amount = fields.Monetary(string="Assets Value", compute="_compute_amounts")
    amount_agreed = fields.Monetary(compute="_compute_amounts")
    amount_paid = fields.Monetary(compute="_compute_amounts")
    household_count = fields.Integer(compute="_compute_counts")
    agreement_count = fields.Integer(compute="_compute_counts")
    engagement_count = fields.Integer(compute="_compute_counts")
    note = fields.Html(string="Notes")
    color = fields.Integer()

    _sql_constraints = [
        (
            "name_project_uniq",
            "unique(project_id, name)",
            "The reference of a parcel is unique within its project.",
        ),
    ]

    @api.model
    def _srm_searched_link_fields(self):
        # its households, agreements and engagements: a confidential one is not every
        # reader's
        return (*super()._srm_searched_link_fields(), "household_ids", "agreement_ids", "engagement_ids")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    def _read_group_expand_states(self, states, domain):
        return [key for key, _label in PARCEL_STATES]

    @api.depends("geojson")
    def _compute_area_ha(self):
        for parcel in self:
            polygons = parcel._srm_polygons()
            parcel.area_ha = geo.area_hectares(polygons) if polygons else 0.0

    @api.depends("geojson")
    def _compute_point(self):
        for parcel in self:
            if parcel.latitude or parcel.longitude:
                continue
            polygons = parcel._srm_polygons()
            if polygons:
                parcel.latitude, parcel.longitude = geo.centroid(polygons)

    def _srm_polygons(self):
        """The polygons of the area, or an empty list when there is none or it is invalid
        (the constraint refuses invalid areas)."""
        self.ensure_one()
        if not (self.geojson or "").strip():
            return []
        try:
            return geo.parse_polygons(self.geojson)
        except geo.GeoJSONError:
            return []

    @api.depends("right_ids.partner_id")
    def _compute_holder_partner_ids(self):
        for parcel in self:
            parcel.holder_partner_ids = parcel.right_ids.partner_id

    def _search_holder_partner_ids(self, operator, value):
        return [("right_ids.partner_id", operator, value)]

    @api.depends("right_ids.share")
    def _compute_share_total(self):
        for parcel in self:
            parcel.share_total = sum(parcel.right_ids.mapped("share"))

    @api.depends_context("uid", "allowed_company_ids")
    @api.depends("asset_ids.amount", "agreement_ids.amount_total", "agreement_ids.amount_paid")
    def _compute_amounts(self):
        assets = dict(
            self.env["srm.land.asset"]._read_group([("parcel_id", "in", self.ids)], ["parcel_id"], ["amount:sum"])
        )
        for parcel in self:
            agreements = parcel.agreement_ids.filtered(lambda a: a.state == "signed")
            parcel.asset_amount = assets.get(parcel, 0.0)
            parcel.amount_agreed = sum(agreements.mapped("amount_total"))
            parcel.amount_paid = sum(agreements.mapped("amount_paid"))

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_counts(self):
        for parcel in self:
            parcel.household_count = len(parcel.household_ids)
            parcel.agreement_count = len(parcel.agreement_ids)
            parcel.engagement_count = len(parcel.engagement_ids)

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("user_id", "company_id", "project_id", "is_confidential")
    def _check_user_id(self):
        """The land officer of a parcel may read it."""
        self._srm_check_responsible("user_id")

    @api.constrains("geojson")
    def _check_geojson(self):
        for parcel in self:
            if not (parcel.geojson or "").strip():
                continue
            try:
                geo.parse_polygons(parcel.geojson)
            except geo.GeoJSONError as error:
                raise ValidationError(parcel._srm_geojson_message(error)) from error

    def _srm_geojson_message(self, error):
        params = dict(error.params, parcel=self.name or "")
        code = error.code
        if code == "json":
            return self.env._("The area of parcel %(parcel)s is not valid GeoJSON: %(error)s.", **params)
        if code == "not_polygon":
            return self.env._(
                "The area of parcel %(parcel)s is a %(kind)s: an area is a Polygon or a MultiPolygon.", **params
            )
        if code == "no_polygon":
            return self.env._("The area of parcel %(parcel)s holds no polygon.", **params)
        if code == "no_coordinates":
            return self.env._(
                "The area of parcel %(parcel)s has no coordinates, or they are not lists of points.", **params
            )
        if code == "bad_position":
            return self.env._(
                "The area of parcel %(parcel)s has a point that is not [longitude, latitude]: %(position)s.",
                **params,
            )
        if code == "out_of_range":
            return self.env._(
                "The area of parcel %(parcel)s has a point out of range: %(position)s. Points are "
                "[longitude, latitude] in degrees (longitude -180 to 180, latitude -90 to 90).",
                **params,
            )
        if code == "too_few_points":
            return self.env._(
                "Ring %(ring)s of polygon %(polygon)s of parcel %(parcel)s has %(count)s points: a "
                "closed ring needs at least 4 (three corners and the first one repeated).",
                **params,
            )
        if code == "not_closed":
            return self.env._(
                "The polygon %(polygon)s of parcel %(parcel)s does not close: the last point of ring "
                "%(ring)s must repeat its first point.",
                **params,
            )
        if code == "no_area":
            return self.env._(
                "Ring %(ring)s of polygon %(polygon)s of parcel %(parcel)s has no area: its points are on a line.",
                **params,
            )
        if code == "self_intersection":
            return self.env._(
                "Ring %(ring)s of polygon %(polygon)s of parcel %(parcel)s crosses itself: redraw the outline.",
                **params,
            )
        return self.env._(
            "The area of parcel %(parcel)s is not GeoJSON: it must be an object with a "
            '"type" (Polygon, MultiPolygon, Feature or FeatureCollection).',
            **params,
        )

    @api.constrains("latitude", "longitude")
    def _check_point(self):
        for parcel in self:
            if not (-90.0 <= parcel.latitude <= 90.0 and -180.0 <= parcel.longitude <= 180.0):
                raise ValidationError(
                    self.env._(
                        "The point of parcel %(parcel)s is out of range: latitude goes from -90 to 90 "
                        "and longitude from -180 to 180 degrees.",
                        parcel=parcel.name,
                    )
                )

    def _check_shares(self):
        """The shares of the holders of a parcel add up to 100 % at most."""
        totals = dict(
            self.env["srm.land.right"]._read_group([("parcel_id", "in", self.ids)], ["parcel_id"], ["share:sum"])
        )
        for parcel in self:
            total = float_round(totals.get(parcel, 0.0), precision_digits=SHARE_PRECISION)
            if float_compare(total, SHARE_TOTAL, precision_digits=SHARE_PRECISION) > 0:
                raise ValidationError(
                    self.env._(
                        "The shares of the holders of parcel %(parcel)s add up to %(total)s %%: "
                        "together they cannot hold more than 100 %%.",
                        parcel=parcel.name,
                        total=total,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        parcels = super(SrmLandParcel, self.with_context(**{DEFER_SHARE_CHECK: True})).create(vals_list)
        parcels = parcels.with_env(self.env)
        parcels._check_shares()
        parcels._attach_documents()
        parcels._srm_land_link_stakeholders(
            {project: group.right_ids.partner_id for project, group in parcels.grouped("project_id").items()}
        )
        return parcels

    def write(self, vals):
        res = super(SrmLandParcel, self.with_context(**{DEFER_SHARE_CHECK: True})).write(vals)
        if "right_ids" in vals:
            self._check_shares()
        if "document_ids" in vals:
            self._attach_documents()
        return res

    def _attach_documents(self):
        """Documents uploaded on a parcel not saved yet belong to it once saved."""
        orphans = self.document_ids.filtered(lambda a: not a.res_id and a.res_model in (False, self._name))
        for parcel in self:
            mine = orphans & parcel.document_ids
            if mine:
                # the uploader owns these attachments; their access then follows the parcel's
                mine.sudo().write({"res_model": self._name, "res_id": parcel.id})

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_view_agreements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_land.srm_land_agreement_action")
        action["domain"] = [("parcel_ids", "in", self.ids)]
        action["context"] = {
            "default_project_id": self.project_id.id,
            "default_company_id": self.company_id.id,
            "default_parcel_ids": self.ids,
            "default_partner_id": self.right_ids[:1].partner_id.id,
        }
        return action

    def action_view_households(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_land.srm_land_household_action")
        action["domain"] = [("parcel_ids", "in", self.ids)]
        action["context"] = {
            "default_project_id": self.project_id.id,
            "default_company_id": self.company_id.id,
            "default_parcel_ids": self.ids,
        }
        return action

    def action_view_engagements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_base.srm_engagement_action")
        action["domain"] = [("land_parcel_ids", "in", self.ids)]
        action["context"] = {
            "default_project_id": self.project_id.id,
            "default_land_parcel_ids": self.ids,
            "default_partner_ids": self.right_ids.partner_id.ids,
        }
        return action
