# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .srm_consent_step import STEP_TYPES


class SrmConsentRecord(models.Model):
    """Free, prior and informed consent of an Indigenous nation or community.

    Each step of the process (information shared, consultation, negotiation,
    decision) is dated and backed by evidence; the decision is recorded with its
    outcome and, when consent comes with conditions, the conditions to honour.
    """

    _name = "srm.consent.record"
    _description = "Free, Prior and Informed Consent Record"
    _inherit = ["srm.secured.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _mail_post_access = "read"

    name = fields.Char(required=True, tracking=True)
    project_id = fields.Many2one(required=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Nation / Community",
        required=True,
        index=True,
        tracking=True,
        domain="[('is_stakeholder', '=', True)]",
        help="The Indigenous nation or community whose consent is sought.",
    )
    representative_ids = fields.Many2many(
        "res.partner",
        "srm_consent_record_representative_rel",
        "record_id",
        "partner_id",
        string="Representatives",
        help="The people the community chose to speak and decide for it.",
    )
    consultation_id = fields.Many2one(
        "srm.consultation", index="btree_not_null", check_company=True, tracking=True
    )
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, tracking=True,
        domain="[('share', '=', False)]",
    )
    subject = fields.Text(
        string="Consent Sought For", help="The activity, project phase or change consent is sought for."
    )
    decision_process = fields.Text(
        help="How the community reaches its decision (assembly, council of elders, vote...), "
        "as the community itself defined it."
    )
    step_ids = fields.One2many("srm.consent.step", "record_id", string="Steps", copy=False)
    condition_ids = fields.One2many("srm.consent.condition", "record_id", string="Conditions", copy=False)
    outcome = fields.Selection(
        [
            ("pending", "Pending"),
            ("given", "Consent given"),
            ("given_conditions", "Consent given with conditions"),
            ("withheld", "Consent withheld"),
        ],
        default="pending",
        required=True,
        tracking=True,
        copy=False,
    )
    outcome_date = fields.Date(string="Decision Date", tracking=True, copy=False)
    notes = fields.Html()
    current_step = fields.Selection(
        STEP_TYPES, string="Reached Step", compute="_compute_current_step", store=True
    )
    last_step_date = fields.Date(compute="_compute_current_step", store=True)
    condition_count = fields.Integer(compute="_compute_condition_count")
    open_condition_count = fields.Integer(compute="_compute_condition_count")

    @api.depends("step_ids.step_type", "step_ids.date")
    def _compute_current_step(self):
        order = [key for key, _label in STEP_TYPES]
        for record in self:
            steps = record.step_ids
            record.current_step = (
                max(steps.mapped("step_type"), key=order.index) if steps else False
            )
            record.last_step_date = max(steps.mapped("date")) if steps else False

    def _compute_condition_count(self):
        for record in self:
            record.condition_count = len(record.condition_ids)
            record.open_condition_count = len(record.condition_ids.filtered(lambda c: c.state == "open"))

    @api.constrains("user_id", "company_id", "project_id", "is_confidential")
    def _check_user_id(self):
        """The colleague responsible for a consent record may read it."""
        self._srm_check_responsible("user_id")

    @api.constrains("outcome", "outcome_date", "step_ids", "condition_ids")
    def _check_outcome(self):
        for record in self:
            if record.outcome == "pending":
                continue
            decisions = record.step_ids.filtered(lambda s: s.step_type == "decision")
            if not decisions:
                raise ValidationError(
                    self.env._(
                        "Record the decision step of “%s”, with its date and evidence, before "
                        "recording the outcome.",
                        record.name,
                    )
                )
            if not record.outcome_date:
                raise ValidationError(self.env._("Give the date of the decision of “%s”.", record.name))
            if record.outcome == "given_conditions" and not record.condition_ids:
                raise ValidationError(
                    self.env._(
                        "Consent of “%s” was given with conditions: list the conditions.", record.name
                    )
                )

    @api.constrains("step_ids")
    def _check_prior_and_informed(self):
        for record in self:
            informed = record.step_ids.filtered(lambda s: s.step_type == "information")
            decisions = record.step_ids.filtered(lambda s: s.step_type == "decision")
            if decisions and not informed:
                raise ValidationError(
                    self.env._(
                        "Consent must be informed: record when information was shared with %s "
                        "before the decision.",
                        record.partner_id.display_name,
                    )
                )
            if decisions and min(decisions.mapped("date")) < min(informed.mapped("date")):
                raise ValidationError(
                    self.env._(
                        "Consent must be prior and informed: the decision of %s cannot be dated "
                        "before the information was shared.",
                        record.partner_id.display_name,
                    )
                )

    def _srm_linked_record_fields(self):
        # the community, its representatives and the consultation: records the writer reads
        return [*super()._srm_linked_record_fields(), "partner_id", "representative_ids", "consultation_id"]

    @api.model
    def _srm_searched_link_fields(self):
        # its representatives: another project's stakeholders are not every reader's
        return (*super()._srm_searched_link_fields(), "representative_ids")

    @api.constrains("consultation_id", "project_id")
    def _check_consultation_project(self):
        for record in self:
            if record.consultation_id and record.consultation_id.project_id != record.project_id:
                raise ValidationError(
                    self.env._(
                        "The consent record “%(name)s” and its consultation “%(consultation)s” must "
                        "belong to the same project.",
                        name=record.name,
                        consultation=record.consultation_id.name,
                    )
                )

    @api.onchange("consultation_id")
    def _onchange_consultation_id(self):
        if self.consultation_id:
            self.project_id = self.consultation_id.project_id
            self.company_id = self.consultation_id.company_id
