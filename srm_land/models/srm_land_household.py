# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

DISPLACEMENTS = [
    ("none", "Not displaced"),
    ("economic", "Economic (loss of assets or livelihood)"),
    ("physical", "Physical (relocation)"),
    ("both", "Physical and economic"),
]

# follow-up status of livelihood restoration, worst first
LIVELIHOOD_STATUSES = [
    ("at_risk", "At risk"),
    ("delayed", "Delayed"),
    ("on_track", "On track"),
    ("restored", "Restored"),
]

SEQUENCE_CODE = "srm.land.household"


class SrmLandHousehold(models.Model):
    """A household of the census: who lives on or uses the project's land, what they
    own there and how their livelihood is restored."""

    _name = "srm.land.household"
    _description = "Census Household"
    _inherit = ["srm.land.secured.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "project_id, name, id"
    _mail_post_access = "read"

    name = fields.Char(string="Reference", required=True, copy=False, default="/", tracking=True, index="trigram")
    active = fields.Boolean(default=True)
    head_partner_id = fields.Many2one(
        "res.partner",
        string="Head of Household",
        required=True,
        index=True,
        tracking=True,
        domain="[('is_stakeholder', '=', True)]",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Land Officer",
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    member_ids = fields.One2many("srm.land.household.member", "household_id", string="Members")
    size = fields.Integer(
        string="Household Size",
        compute="_compute_size",
        store=True,
        readonly=False,
        help="Number of people in the household; the number of members listed, when they are.",
    )
    census_date = fields.Date(tracking=True, help="When the household was enumerated.")
    present_at_cutoff = fields.Boolean(
        string="Present at Cut-off",
        default=True,
        tracking=True,
        help="The household lived on or used the land at the census cut-off date. Households "
        "arriving later are recorded (for grievances) but not eligible to compensation.",
    )
    cutoff_date = fields.Date(related="project_id.land_cutoff_date", string="Cut-off Date")
    displacement = fields.Selection(DISPLACEMENTS, default="economic", required=True, tracking=True)
    is_vulnerable = fields.Boolean(
        string="Vulnerable",
        tracking=True,
        help="Elderly or disabled heads, single-parent households, very poor households, Indigenous "
        "people...: they get the additional assistance of the entitlement matrix.",
    )
    vulnerability_note = fields.Char(string="Vulnerability")
    parcel_ids = fields.Many2many(
        "srm.land.parcel",
        "srm_land_household_parcel_rel",
        "household_id",
        "parcel_id",
        string="Parcels",
        check_company=True,
        domain="[('project_id', '=', project_id)]",
    )
    asset_ids = fields.One2many("srm.land.asset", "household_id", string="Assets")
    agreement_ids = fields.One2many("srm.land.agreement", "household_id", string="Agreements")
    measure_ids = fields.One2many("srm.land.livelihood.measure", "household_id", string="Livelihood Measures")
    engagement_ids = fields.Many2many(
        "srm.engagement",
        "srm_engagement_land_household_rel",
        "household_id",
        "engagement_id",
        string="Engagements",
        check_company=True,
    )
    livelihood_baseline = fields.Text(help="Main sources of food and income at the census.")
    currency_id = fields.Many2one(related="company_id.currency_id", string="Currency")
    baseline_income = fields.Monetary(
        string="Monthly Income at Census", help="Estimated monthly income of the household at the census."
    )
    livelihood_status = fields.Selection(
        LIVELIHOOD_STATUSES,
        compute="_compute_livelihood_status",
        store=True,
        help="The status of the latest follow-up of the household's livelihood measures.",
    )
    asset_amount = fields.Monetary(string="Assets Value", compute="_compute_asset_amount")
    engagement_count = fields.Integer(compute="_compute_engagement_count")
    note = fields.Html(string="Notes")

    @api.model
    def _srm_searched_link_fields(self):
        # its parcels, agreements and engagements: a confidential one is not every reader's
        return (*super()._srm_searched_link_fields(), "parcel_ids", "agreement_ids", "engagement_ids")

    @api.depends("member_ids")
    def _compute_size(self):
        for household in self:
            if household.member_ids:
                household.size = len(household.member_ids)

    @api.depends("measure_ids.followup_ids.date", "measure_ids.followup_ids.status", "measure_ids.state")
    def _compute_livelihood_status(self):
        for household in self:
            followups = household.measure_ids.filtered(lambda m: m.state != "cancelled").followup_ids
            latest = followups.sorted(lambda f: (f.date, f.id))[-1:]
            household.livelihood_status = latest.status or False

    @api.depends("asset_ids.amount")
    def _compute_asset_amount(self):
        for household in self:
            household.asset_amount = sum(household.asset_ids.mapped("amount"))

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_engagement_count(self):
        for household in self:
            household.engagement_count = len(household.engagement_ids)

    @api.constrains("user_id", "company_id", "project_id", "is_confidential")
    def _check_user_id(self):
        """The land officer of a household, and the colleague responsible for each of its
        livelihood measures, may read it."""
        self._srm_check_responsible("user_id")
        self.measure_ids._check_user_id()

    @api.constrains("size")
    def _check_size(self):
        for household in self:
            if household.size < 0:
                raise ValidationError(self.env._("The size of household %s cannot be negative.", household.name))

    @api.constrains("parcel_ids", "project_id")
    def _check_parcel_project(self):
        for household in self:
            others = household.parcel_ids.filtered(lambda p, h=household: p.project_id != h.project_id)
            if others:
                raise ValidationError(
                    self.env._(
                        "Household %(household)s belongs to %(project)s: parcel %(parcel)s is of another project.",
                        household=household.name,
                        project=household.project_id.display_name,
                        parcel=others[0].name,
                    )
                )

    @api.depends("name", "head_partner_id")
    def _compute_display_name(self):
        for household in self:
            household.display_name = (
                f"{household.name} {household.head_partner_id.name}" if household.head_partner_id else household.name
            )

    @api.model_create_multi
    def create(self, vals_list):
        todo = [vals for vals in vals_list if vals.get("name", "/") in ("/", False, "")]
        if todo:
            # numbering only, for households the user may create
            self._srm_land_check_create_rights()
            sequence = self.env["ir.sequence"].sudo()
            for vals in todo:
                vals["name"] = sequence.next_by_code(SEQUENCE_CODE) or "/"
        households = super().create(vals_list)
        households._link_heads_to_project()
        return households

    def write(self, vals):
        res = super().write(vals)
        if {"head_partner_id", "project_id"} & set(vals):
            self._link_heads_to_project()
        return res

    def _link_heads_to_project(self):
        self._srm_land_link_stakeholders(
            {project: households.head_partner_id for project, households in self.grouped("project_id").items()}
        )

    def action_view_engagements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_base.srm_engagement_action")
        action["domain"] = [("land_household_ids", "in", self.ids)]
        action["context"] = {
            "default_project_id": self.project_id.id,
            "default_land_household_ids": self.ids,
            "default_partner_ids": self.head_partner_id.ids,
        }
        return action
