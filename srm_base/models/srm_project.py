# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SrmProject(models.Model):
    """A project, site or operation around which stakeholders are engaged."""

    _name = "srm.project"
    _description = "SRM Project"
    _inherit = ["mail.thread", "mail.activity.mixin", "srm.link.search.mixin"]
    _order = "sequence, name"
    _check_company_auto = True
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(index=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users",
        string="Project Manager",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    member_ids = fields.Many2many(
        "res.users",
        "srm_project_member_rel",
        "project_id",
        "user_id",
        string="Team",
        domain="[('share', '=', False)]",
        help="Users working on the project. Project-restricted users only see "
        "the stakeholders and records of the projects they are members of.",
    )
    phase = fields.Selection(
        [
            ("exploration", "Exploration"),
            ("feasibility", "Feasibility / Permitting"),
            ("construction", "Construction"),
            ("operation", "Operation"),
            ("closure", "Closure / Rehabilitation"),
        ],
        default="exploration",
        tracking=True,
    )
    location = fields.Char()
    country_id = fields.Many2one("res.country")
    region_id = fields.Many2one("srm.region")
    latitude = fields.Float(digits=(10, 7))
    longitude = fields.Float(digits=(10, 7))
    date_start = fields.Date(string="Start Date")
    date_end = fields.Date(string="End Date")
    description = fields.Html()
    color = fields.Integer()
    stakeholder_ids = fields.Many2many(
        "res.partner",
        "srm_project_partner_rel",
        "project_id",
        "partner_id",
        string="Stakeholders",
        domain="[('is_stakeholder', '=', True)]",
    )
    stakeholder_count = fields.Integer(compute="_compute_counts")
    engagement_count = fields.Integer(compute="_compute_counts")
    stakeholder_properties_definition = fields.PropertiesDefinition(
        string="Stakeholder Attributes",
        help="Custom attributes recorded on the stakeholders whose main project is this one.",
    )

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "The project code must be unique per company."),
    ]

    @api.model
    def _srm_searched_link_fields(self):
        # a project-restricted user reads the project they manage, and the stakeholders of
        # the projects they are a member of only
        return (*super()._srm_searched_link_fields(), "stakeholder_ids")

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for project in self:
            if project.date_start and project.date_end and project.date_end < project.date_start:
                raise ValidationError(
                    self.env._("The project %s ends before it starts.", project.display_name)
                )

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_counts(self):
        engagements = dict(
            self.env["srm.engagement"]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
        )
        stakeholders = dict(
            self.env["res.partner"]._read_group(
                [("srm_project_ids", "in", self.ids)], ["srm_project_ids"], ["__count"]
            )
        )
        for project in self:
            project.engagement_count = engagements.get(project, 0)
            project.stakeholder_count = stakeholders.get(project, 0)

    @api.depends("name", "code")
    def _compute_display_name(self):
        for project in self:
            project.display_name = (
                f"[{project.code}] {project.name}" if project.code else project.name
            )

    @api.model_create_multi
    def create(self, vals_list):
        projects = super().create(vals_list)
        if any(vals.get("member_ids") for vals in vals_list):
            self.env.registry.clear_cache()
        return projects

    def write(self, vals):
        members = {}
        if {"member_ids", "active"} & set(vals):
            members = {project: project.with_context(active_test=False).member_ids for project in self}
        res = super().write(vals)
        if members:
            # record rules of project-restricted users name the active projects they are members of
            self.env.registry.clear_cache()
            # the members taken off a project, or of an archived one, lose the records they
            # may no longer read (followed, notified, assigned)
            left = self.env["res.users"]
            for project, before in members.items():
                left |= before - project.with_context(active_test=False).member_ids if project.active else before
            left._srm_drop_unreadable_records()
        return res

    def action_view_stakeholders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_base.res_partner_action_stakeholder")
        action["domain"] = [("srm_project_ids", "in", self.ids)]
        action["context"] = {"default_srm_project_ids": [self.id], "default_is_stakeholder": True}
        return action

    def action_view_engagements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_base.srm_engagement_action")
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action
