# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import hashlib
import hmac
import logging
import secrets
from collections import defaultdict
from datetime import datetime, timedelta
from typing import NamedTuple

import pytz
from dateutil.relativedelta import relativedelta
from markupsafe import Markup, escape

from odoo import Command, api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import LazyTranslate, get_lang

from odoo.addons.srm_base.tools.links import check_readable_links

from .srm_issue_sla import SEVERITIES

_logger = logging.getLogger(__name__)
_lt = LazyTranslate(__name__)

KINDS = [
    ("concern", "Concern"),
    ("issue", "Issue"),
    ("grievance", "Grievance"),
    ("incident", "Incident"),
    ("enquiry", "Enquiry"),
]

CHANNELS = [
    ("email", "Email"),
    ("phone", "Phone"),
    ("web_form", "Web form"),
    ("in_person", "In person"),
    ("letter", "Letter"),
    ("sms", "SMS"),
    ("social_media", "Social media"),
    ("portal", "Portal"),
]

LIKELIHOODS = [
    ("1", "Unlikely"),
    ("2", "Possible"),
    ("3", "Likely"),
    ("4", "Almost certain"),
]

PRIORITIES = [
    ("0", "Low"),
    ("1", "Medium"),
    ("2", "High"),
    ("3", "Critical"),
]

ACCEPTANCE = [
    ("pending", "Pending"),
    ("accepted", "Accepted"),
    ("rejected", "Rejected"),
]

OUTCOMES = [
    ("resolved_accepted", "Resolved with acceptance"),
    ("upheld", "Upheld"),
    ("partially_upheld", "Partially upheld"),
    ("rejected", "Rejected"),
    ("withdrawn", "Withdrawn"),
    ("referred", "Referred"),
    ("unresolved", "Unresolved"),
]

SATISFACTION = [
    ("1", "Very dissatisfied"),
    ("2", "Dissatisfied"),
    ("3", "Neutral"),
    ("4", "Satisfied"),
    ("5", "Very satisfied"),
]

APPEAL_OUTCOMES = [
    ("confirmed", "Original decision confirmed"),
    ("revised", "Decision revised"),
    ("partially_revised", "Decision partially revised"),
    ("withdrawn", "Appeal withdrawn"),
]

SCOPES = [
    ("community", "Community"),
    ("worker", "Worker"),
]

IDENTITY_STATES = [
    ("unverified", "Unverified"),
    ("verified", "Verified"),
    ("disputed", "Disputed"),
]

REVIEW_REASONS = [
    ("contact", "Many grievances with the same contact details"),
    ("session", "Many grievances from the same browser"),
    ("address", "Many grievances from the same connection"),
    ("disputed", "The owner of the address did not send it"),
]

# scope of the signed tokens of the links that confirm an address
IDENTITY_SCOPE = "srm_issues.identity"

# whole quarters shown on the public summary, the last complete one first
PUBLIC_SUMMARY_QUARTERS = 8


class Deadline(NamedTuple):
    """One deadline of the service levels, and the fields that state it."""

    key: str
    delay_field: str  # on srm.issue.sla: how long after receipt...
    unit_field: str  # ...in which unit
    due_field: str  # when it is due (stored, computed from the service level)
    done_field: str  # when it was met
    revised_field: str | None  # a revised date announced to the complainant replaces the computed one
    breached_field: str  # passed before it was met (refreshed by the hourly job)
    escalated_field: str  # escalated once to the team leader
    label: object  # summary of the escalation activity (translated when used)


# The three deadlines of a grievance, in their order: they drive the due dates, the
# breach flags, the hourly job's searches and the escalation.
DEADLINES = (
    Deadline(
        "ack",
        "ack_delay",
        "ack_unit",
        "date_ack_due",
        "date_acknowledged",
        None,
        "is_ack_breached",
        "ack_escalated",
        _lt("Acknowledgement deadline passed"),
    ),
    Deadline(
        "investigation",
        "investigation_delay",
        "investigation_unit",
        "date_investigation_due",
        "date_investigated",
        "date_investigation_revised",
        "is_investigation_breached",
        "investigation_escalated",
        _lt("Investigation deadline passed"),
    ),
    Deadline(
        "resolution",
        "resolution_delay",
        "resolution_unit",
        "date_resolution_due",
        "date_resolved",
        "date_resolution_revised",
        "is_resolution_breached",
        "resolution_escalated",
        _lt("Resolution deadline passed"),
    ),
)
DUE_FIELDS = [deadline.due_field for deadline in DEADLINES]
# fields of the SLA status, refreshed together by _compute_sla_status
SLA_STATUS_FIELDS = [deadline.breached_field for deadline in DEADLINES] + ["is_sla_breached", "date_next_due"]
# issues per batch of the hourly job (one transaction each)
SLA_BATCH_SIZE = 500
# issues listed in the escalation digest of a person
DIGEST_LINES = 30

# engagement type code -> intake channel
ENGAGEMENT_CHANNELS = {
    "call": "phone",
    "email": "email",
    "letter": "letter",
    "social_media": "social_media",
}


def k_anonymous_cells(rows, min_count, other_label):
    """The cells of one published table, none smaller than ``min_count``.

    :param list rows: [(label, count)] in the order to show
    :return: [{"name", "count"}] adding up to the same total: cells under ``min_count``
        are added up under ``other_label``; while that sum is itself under
        ``min_count``, the smallest shown cell joins it (complementary suppression), so
        that no hidden cell can be worked out by subtracting from the total
    """
    rows = [(label, count) for label, count in rows if count > 0]
    shown = [(label, count) for label, count in rows if count >= min_count]
    other = sum(count for __, count in rows if count < min_count)
    while 0 < other < min_count and shown:
        smallest = min(range(len(shown)), key=lambda index: (shown[index][1], -index))
        other += shown.pop(smallest)[1]
    cells = [{"name": label, "count": count} for label, count in shown]
    if other:
        cells.append({"name": other_label, "count": other})
    return cells


def _priority_from_score(score):
    if score >= 12:
        return "3"
    if score >= 6:
        return "2"
    if score >= 3:
        return "1"
    return "0"


# the fields naming who raised an issue
COMPLAINANT_FIELDS = ("complainant_id", "complainant_partner_id")


def is_staff(partner):
    """Whether ``partner`` belongs to the organisation: an internal user's partner
    (Odoo's ``partner_share`` is False for them), as opposed to a complainant."""
    return bool(partner) and not partner.partner_share


class SrmIssue(models.Model):
    """A concern, grievance or incident raised by stakeholders, workers or the public.

    The complainant's identity is stored in ``complainant_partner_id``, readable only
    by Confidential access users. ``complainant_id`` mirrors it for everybody else,
    except on sensitive or anonymous issues where it stays empty; searching, reading
    or exporting the protected field without the group raises an access error.
    """

    _name = "srm.issue"
    _description = "Stakeholder Issue"
    _inherit = [
        "srm.secured.mixin",
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "priority desc, date_received desc, id desc"
    _mail_post_access = "read"
    _rec_names_search = ["reference", "name"]

    reference = fields.Char(
        required=True, readonly=True, copy=False, index="trigram", default="/", tracking=True
    )
    name = fields.Char(string="Subject", required=True, tracking=True)
    active = fields.Boolean(default=True)
    kind = fields.Selection(KINDS, required=True, default="grievance", tracking=True)
    grievance_scope = fields.Selection(
        SCOPES,
        string="Audience",
        required=True,
        default="community",
        index=True,
        tracking=True,
        help="Worker grievances are kept apart: only Worker grievance officers see them.",
    )
    category_id = fields.Many2one(
        "srm.issue.category", index=True, tracking=True
    )
    partner_ids = fields.Many2many(
        "res.partner",
        "srm_issue_partner_rel",
        "issue_id",
        "partner_id",
        string="Stakeholders",
        help="Stakeholders concerned by the issue (villages, households, organisations...).",
    )
    complainant_partner_id = fields.Many2one(
        "res.partner",
        string="Complainant Identity",
        index="btree_not_null",
        copy=False,
        groups="srm_base.group_srm_confidential",
        help="Who raised the issue. Readable only with Confidential access.",
    )
    complainant_id = fields.Many2one(
        "res.partner",
        compute="_compute_complainant_id",
        inverse="_inverse_complainant_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        copy=False,
        help="Who raised the issue; empty for anonymous issues and hidden on sensitive ones.",
    )
    complainant_display = fields.Char(
        string="Complainant Name", compute="_compute_complainant_display"
    )
    is_anonymous = fields.Boolean(
        string="Anonymous", tracking=True, help="The complainant chose not to give their identity."
    )
    is_sensitive = fields.Boolean(
        string="Sensitive",
        tracking=True,
        help="Protect the complainant's identity: only Confidential access users see who "
        "raised this issue. Only they can lift the protection.",
    )
    lang = fields.Selection(
        selection="_lang_get",
        string="Language",
        default=lambda self: self.env.lang,
        help="Language of the messages to the complainant when they have no contact record.",
    )
    channel = fields.Selection(CHANNELS, required=True, default="in_person", tracking=True)
    date_received = fields.Datetime(
        string="Received On", required=True, default=fields.Datetime.now, index=True, tracking=True
    )
    description = fields.Html(sanitize=True)
    location = fields.Char()
    severity = fields.Selection(SEVERITIES, required=True, default="2", tracking=True)
    likelihood = fields.Selection(
        LIKELIHOODS, required=True, default="2", help="Likelihood that the impact happens or recurs."
    )
    priority_score = fields.Integer(compute="_compute_priority", store=True)
    priority = fields.Selection(
        PRIORITIES, compute="_compute_priority", store=True, index=True, tracking=True
    )
    stage_id = fields.Many2one(
        "srm.issue.stage",
        index=True,
        tracking=True,
        copy=False,
        ondelete="restrict",
        default=lambda self: self._default_stage_id(),
        group_expand="_read_group_stage_ids",
    )
    public_stage_name = fields.Char(compute="_compute_public_stage_name")
    is_closed = fields.Boolean(related="stage_id.is_closed", store=True, index=True)
    color = fields.Integer()
    user_id = fields.Many2one(
        "res.users",
        string="Assigned To",
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
        default=lambda self: self.env.user if not self.env.user.share else False,
    )
    team_id = fields.Many2one(
        "srm.issue.team",
        index=True,
        tracking=True,
        check_company=True,
        compute="_compute_team_id",
        store=True,
        readonly=False,
    )
    engagement_ids = fields.Many2many(
        "srm.engagement",
        "srm_issue_engagement_rel",
        "issue_id",
        "engagement_id",
        string="Engagements",
        check_company=True,
    )
    engagement_count = fields.Integer(compute="_compute_engagement_count")
    # investigation and response
    action_ids = fields.One2many("srm.issue.action", "issue_id", string="Actions Taken")
    investigation_notes = fields.Html(help="Findings of the investigation (internal).")
    proposed_response = fields.Html(help="The response proposed to the complainant.")
    date_response_proposed = fields.Datetime(string="Response Proposed On", copy=False)
    response_acceptance = fields.Selection(
        ACCEPTANCE, string="Complainant Acceptance", copy=False, tracking=True
    )
    resolution = fields.Html(copy=False)
    outcome = fields.Selection(OUTCOMES, string="Close-out Outcome", copy=False, tracking=True)
    satisfaction = fields.Selection(
        SATISFACTION, string="Complainant Satisfaction", copy=False, tracking=True
    )
    # appeal
    date_appeal = fields.Datetime(string="Appealed On", copy=False, tracking=True)
    appeal_reason = fields.Text(copy=False)
    appeal_reviewer_id = fields.Many2one(
        "res.partner",
        string="Independent Reviewer",
        copy=False,
        tracking=True,
        help="Person or body, independent from the team, who reviews the appeal.",
    )
    appeal_outcome = fields.Selection(APPEAL_OUTCOMES, copy=False, tracking=True)
    appeal_decision = fields.Text(copy=False)
    date_appeal_decided = fields.Date(string="Appeal Decided On", copy=False)
    # service levels
    sla_id = fields.Many2one(
        "srm.issue.sla",
        string="Service Level",
        compute="_compute_sla_id",
        store=True,
        readonly=False,
        ondelete="set null",
    )
    date_acknowledged = fields.Datetime(string="Acknowledged On", copy=False, tracking=True)
    date_investigated = fields.Datetime(string="Investigation Completed On", copy=False)
    date_resolved = fields.Datetime(string="Resolved On", copy=False, tracking=True)
    date_closed = fields.Datetime(string="Closed On", copy=False, index=True)
    date_ack_due = fields.Datetime(
        string="Acknowledgement Due", compute="_compute_due_dates", store=True
    )
    date_investigation_due = fields.Datetime(
        string="Investigation Due", compute="_compute_due_dates", store=True
    )
    date_resolution_due = fields.Datetime(
        string="Resolution Due", compute="_compute_due_dates", store=True, tracking=True
    )
    date_investigation_revised = fields.Datetime(
        string="Revised Investigation Date", copy=False, tracking=True
    )
    date_resolution_revised = fields.Datetime(
        string="Revised Resolution Date", copy=False, tracking=True
    )
    deadline_revision_date = fields.Datetime(
        string="Last Revised Date", copy=False, help="Last revised date announced to the complainant."
    )
    deadline_revision_reason = fields.Text(
        string="Reason for the Revised Date", copy=False,
        help="Last reason given to the complainant for a revised date.",
    )
    is_ack_breached = fields.Boolean(
        string="Acknowledgement Late", compute="_compute_sla_status", store=True
    )
    is_investigation_breached = fields.Boolean(
        string="Investigation Late", compute="_compute_sla_status", store=True
    )
    is_resolution_breached = fields.Boolean(
        string="Resolution Late", compute="_compute_sla_status", store=True
    )
    is_sla_breached = fields.Boolean(
        string="Service Level Breached", compute="_compute_sla_status", store=True, index=True
    )
    date_next_due = fields.Datetime(
        string="Next Deadline", compute="_compute_sla_status", store=True, index=True
    )
    ack_escalated = fields.Boolean(copy=False)
    investigation_escalated = fields.Boolean(copy=False)
    resolution_escalated = fields.Boolean(copy=False)
    sla_digest_pending = fields.Boolean(
        string="Escalation Digest Pending",
        copy=False,
        help="Escalated, and not yet listed in the digest sent to the team leader.",
    )
    ack_hours = fields.Float(
        string="Hours to Acknowledge", compute="_compute_kpis", store=True, aggregator="avg"
    )
    ack_on_time_rate = fields.Float(
        string="Acknowledged on Time (%)",
        compute="_compute_kpis",
        store=True,
        aggregator="avg",
        help="100 for an issue acknowledged by its deadline, 0 otherwise. Averaged over "
        "acknowledged issues, it gives the share acknowledged on time.",
    )
    resolve_days = fields.Float(
        string="Days to Resolve", compute="_compute_kpis", store=True, aggregator="avg"
    )
    close_days = fields.Float(
        string="Days to Close", compute="_compute_kpis", store=True, aggregator="avg"
    )
    # public intake
    tracking_code_hash = fields.Char(copy=False, index=True, groups="base.group_system")
    submission_token = fields.Char(copy=False, groups="base.group_system")
    identity_state = fields.Selection(
        IDENTITY_STATES,
        string="Contact Verification",
        copy=False,
        index="btree_not_null",
        tracking=True,
        help="Sent from the public form or by email with the address of an existing contact: "
        "the issue is linked to that contact only once the owner of the address confirms it "
        "(a link sent to the address) or the mail server authenticated the email.",
    )
    claimed_name = fields.Char(
        string="Name Given", copy=False, groups="srm_base.group_srm_confidential",
        help="Name typed by the sender of an unverified grievance. The contact is not changed.",
    )
    claimed_email = fields.Char(
        string="Email Given", copy=False, groups="srm_base.group_srm_confidential",
        help="Address given by the sender of an unverified grievance; the confirmation link goes there.",
    )
    claimed_phone = fields.Char(
        string="Phone Given", copy=False, groups="srm_base.group_srm_confidential",
        help="Phone number typed by the sender of an unverified grievance.",
    )
    intake_review = fields.Boolean(
        string="To Review",
        copy=False,
        index=True,
        tracking=True,
        help="Received past the public form's limits (many grievances from one connection, "
        "browser or contact within minutes), or disputed by the owner of the address given: "
        "check that it is genuine, then untick. It is stored and followed like any grievance.",
    )
    intake_review_reason = fields.Selection(REVIEW_REASONS, string="Why to Review", copy=False)

    _sql_constraints = [
        ("submission_token_uniq", "unique(submission_token)", "This form was already submitted."),
    ]

    # ------------------------------------------------------------------
    # Defaults and computes
    # ------------------------------------------------------------------

    @api.model
    def _lang_get(self):
        return self.env["res.lang"].get_installed()

    @api.model
    def _default_stage_id(self):
        return self.env["srm.issue.stage"].search([], limit=1)

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        # stage names are not confidential; portal users group their issues by stage too
        return stages.sudo().search([], order=stages._order)

    @api.depends("reference", "name")
    def _compute_display_name(self):
        for issue in self:
            if issue.reference and issue.reference != "/":
                issue.display_name = f"{issue.reference} {issue.name or ''}".strip()
            else:
                issue.display_name = issue.name

    def _compute_access_url(self):
        super()._compute_access_url()
        for issue in self:
            issue.access_url = f"/my/issues/{issue.id}"

    @api.depends("complainant_partner_id", "is_sensitive", "is_anonymous")
    def _compute_complainant_id(self):
        for issue in self:
            if issue.is_sensitive or issue.is_anonymous:
                issue.complainant_id = False
            else:
                issue.complainant_id = issue.sudo().complainant_partner_id.id

    def _inverse_complainant_id(self):
        for issue in self:
            if issue.is_sensitive or issue.is_anonymous:
                continue
            if issue.sudo().complainant_partner_id != issue.complainant_id:
                # the projects are linked by the write of complainant_id, as its writer
                issue.sudo().with_context(srm_issue_no_complainant_link=True).complainant_partner_id = (
                    issue.complainant_id
                )

    @api.depends_context("uid")
    @api.depends("complainant_id", "is_sensitive", "is_anonymous")
    def _compute_complainant_display(self):
        can_see = self.env.su or self.env.user.has_group("srm_base.group_srm_confidential")
        for issue in self:
            if issue.is_anonymous:
                issue.complainant_display = self.env._("Anonymous")
            elif issue.is_sensitive and not can_see:
                issue.complainant_display = self.env._("Protected")
            else:
                issue.complainant_display = issue.sudo().complainant_partner_id.display_name or ""

    def _srm_linked_record_fields(self):
        return [*super()._srm_linked_record_fields(), "engagement_ids"]

    @api.model
    def _srm_searched_link_fields(self):
        # its engagements and stakeholders: a confidential engagement, or another
        # project's, and another project's stakeholders are not every reader's
        return (*super()._srm_searched_link_fields(), "engagement_ids", "partner_ids")

    @api.model
    def _srm_masked_link_field(self, fname):
        # who raised an issue is part of the issue: whoever may read it (and, on a sensitive
        # one, has Confidential access) reads the complainant's name, even of a contact they
        # may not open; only contacts the writer may read can be named complainant
        return fname not in COMPLAINANT_FIELDS and super()._srm_masked_link_field(fname)

    @api.depends("severity", "likelihood")
    def _compute_priority(self):
        for issue in self:
            score = int(issue.severity or 1) * int(issue.likelihood or 1)
            issue.priority_score = score
            issue.priority = _priority_from_score(score)

    @api.depends("stage_id")
    def _compute_public_stage_name(self):
        for issue in self:
            issue.public_stage_name = issue.stage_id._get_public_name() if issue.stage_id else ""

    @api.depends("category_id")
    def _compute_team_id(self):
        for issue in self:
            if not issue.team_id and issue.category_id.team_id:
                issue.team_id = issue.category_id.team_id

    def _compute_engagement_count(self):
        for issue in self:
            issue.engagement_count = len(issue.engagement_ids)

    @api.depends("severity", "category_id", "company_id")
    def _compute_sla_id(self):
        matches = self.env["srm.issue.sla"]._srm_match(self)
        for issue in self:
            issue.sla_id = matches[issue]

    @api.depends(
        "sla_id", "date_received", *(deadline.revised_field for deadline in DEADLINES if deadline.revised_field)
    )
    def _compute_due_dates(self):
        """Due dates of the issues' service levels, computed together: the working
        calendars are read once for all the issues (see ``srm.issue.sla._srm_add_delays``).
        A revised date, once announced, replaces the computed one."""
        requests = []
        for issue in self:
            sla = issue.sla_id.sudo()
            calendar = issue.company_id.sudo().resource_calendar_id
            for deadline in DEADLINES:
                revised = deadline.revised_field and issue[deadline.revised_field]
                if revised or not sla or not issue.date_received:
                    issue[deadline.due_field] = revised or False
                else:
                    delay, unit = sla[deadline.delay_field], sla[deadline.unit_field]
                    requests.append((issue, deadline, (issue.date_received, delay, unit, calendar)))
        dues = self.env["srm.issue.sla"]._srm_add_delays([request for _i, _d, request in requests])
        for (issue, deadline, _request), due in zip(requests, dues, strict=True):
            issue[deadline.due_field] = due

    @api.depends(*(fname for deadline in DEADLINES for fname in (deadline.due_field, deadline.done_field)))
    def _compute_sla_status(self):
        """Breach flags depend on the current time too: ``_cron_srm_sla_check`` refreshes
        them for open deadlines that passed since the last computation."""
        now = fields.Datetime.now()
        for issue in self:
            open_dues = []
            for deadline in DEADLINES:
                due, done = issue[deadline.due_field], issue[deadline.done_field]
                issue[deadline.breached_field] = bool(due) and (done or now) > due
                if due and not done:
                    open_dues.append(due)
            issue.is_sla_breached = any(issue[deadline.breached_field] for deadline in DEADLINES)
            issue.date_next_due = min(open_dues) if open_dues else False

    @api.depends("date_received", "date_acknowledged", "date_ack_due", "date_resolved", "date_closed")
    def _compute_kpis(self):
        for issue in self:
            received = issue.date_received
            if received and issue.date_acknowledged:
                issue.ack_hours = (issue.date_acknowledged - received).total_seconds() / 3600
                on_time = not issue.date_ack_due or issue.date_acknowledged <= issue.date_ack_due
                issue.ack_on_time_rate = 100.0 if on_time else 0.0
            else:
                issue.ack_hours = 0.0
                issue.ack_on_time_rate = 0.0
            issue.resolve_days = (
                (issue.date_resolved - received).total_seconds() / 86400
                if received and issue.date_resolved
                else 0.0
            )
            issue.close_days = (
                (issue.date_closed - received).total_seconds() / 86400
                if received and issue.date_closed
                else 0.0
            )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("stage_id", "outcome")
    def _check_outcome(self):
        for issue in self:
            if issue.stage_id.is_closed and not issue.outcome:
                raise ValidationError(
                    self.env._(
                        "Choose the close-out outcome of %s before closing it.", issue.display_name
                    )
                )

    @api.constrains("date_received")
    def _check_date_received(self):
        limit = fields.Datetime.now() + timedelta(minutes=10)
        for issue in self:
            if issue.date_received and issue.date_received > limit:
                raise ValidationError(
                    self.env._("The issue %s cannot be received in the future.", issue.display_name)
                )

    @api.constrains("response_acceptance", "proposed_response")
    def _check_acceptance(self):
        for issue in self:
            if issue.response_acceptance in ("accepted", "rejected") and tools.is_html_empty(
                issue.proposed_response
            ):
                raise ValidationError(
                    self.env._(
                        "Record the proposed response of %s before the complainant's answer to it.",
                        issue.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model
    def _srm_next_reference(self, company, date):
        """The next reference of ``company``'s register, from a sequence without gaps:
        the number is taken in the transaction that stores the issue, so a refused
        create gives it back (an auditor reads a gap as a deleted grievance)."""
        Sequence = self.env["ir.sequence"].sudo()
        sequence = Sequence.search(
            [("code", "=", "srm.issue"), ("company_id", "=", company.id)], limit=1
        )
        if not sequence:
            template = self.env.ref("srm_issues.seq_srm_issue", raise_if_not_found=False)
            if template and not template.company_id:
                sequence = template.sudo().copy({"company_id": company.id, "name": f"{template.name} ({company.name})"})
            else:
                sequence = Sequence.create(
                    {
                        "name": f"Issues ({company.name})",
                        "code": "srm.issue",
                        "prefix": "GRV-%(range_year)s-",
                        "padding": 4,
                        "use_date_range": True,
                        "implementation": "no_gap",
                        "company_id": company.id,
                    }
                )
        return sequence.next_by_id(sequence_date=fields.Date.to_date(date))

    @api.model
    def _srm_sequences_without_gaps(self):
        """Turn the issue sequences into sequences without gaps, keeping their next
        numbers (run at each update of the module; nothing to do once done)."""
        sequences = self.env["ir.sequence"].sudo().search(
            [("code", "=", "srm.issue"), ("implementation", "!=", "no_gap")]
        )
        for sequence in sequences:
            next_numbers = {date_range: date_range.number_next_actual for date_range in sequence.date_range_ids}
            sequence.write({"implementation": "no_gap", "number_next": sequence.number_next_actual})
            for date_range, number in next_numbers.items():
                date_range.number_next = number

    @api.model_create_multi
    def create(self, vals_list):
        check_readable_links(self, vals_list, COMPLAINANT_FIELDS, create=True)
        Project = self.env["srm.project"]
        for vals in vals_list:
            if vals.get("project_id") and not vals.get("company_id"):
                vals["company_id"] = Project.browse(vals["project_id"]).sudo().company_id.id
            if vals.get("is_anonymous"):
                vals.pop("complainant_id", None)
                vals.pop("complainant_partner_id", None)
            if not vals.get("reference") or vals["reference"] == "/":
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                vals["reference"] = self._srm_next_reference(
                    company, vals.get("date_received") or fields.Datetime.now()
                )
        issues = super().create(vals_list)
        # given in the values or as a default (context, user's defaults)
        if not self.env.su and any(issues.mapped("identity_state")):
            issues._srm_refuse_identity_state()
        issues._srm_apply_stage(issues.env["srm.issue.stage"], notify=False)
        issues._srm_subscribe_complainant()
        issues._srm_link_complainant_projects()
        return issues

    def write(self, vals):
        check_readable_links(self, [vals], COMPLAINANT_FIELDS)
        if "identity_state" in vals and not self.env.su:
            if any(issue.identity_state != (vals["identity_state"] or False) for issue in self):
                self._srm_refuse_identity_state()
        confidential = self.env.su or self.env.user.has_group("srm_base.group_srm_confidential")
        if vals.get("is_sensitive") is False and not confidential:
            if any(self.mapped("is_sensitive")):
                raise UserError(
                    self.env._(
                        "Only users with Confidential access can lift the protection of a "
                        "complainant's identity."
                    )
                )
        old_stages = {issue.id: issue.stage_id for issue in self} if "stage_id" in vals else None
        res = super().write(vals)
        if vals.get("proposed_response") and "date_response_proposed" not in vals:
            self.filtered(
                lambda i: not i.date_response_proposed and not tools.is_html_empty(i.proposed_response)
            ).write({"date_response_proposed": fields.Datetime.now()})
        if vals.get("is_anonymous"):
            self.sudo().complainant_partner_id = False
        if vals.get("is_sensitive"):
            for issue in self:
                partner = issue.sudo().complainant_partner_id
                if partner:
                    issue.sudo().message_unsubscribe(partner_ids=partner.ids)
        if old_stages is not None:
            moved = self.filtered(lambda i: i.stage_id != old_stages[i.id])
            for old_stage, issues in moved.grouped(lambda i: old_stages[i.id]).items():
                issues._srm_apply_stage(old_stage)
        if {"project_id", "complainant_id", "complainant_partner_id", "is_sensitive", "is_anonymous"} & set(vals):
            self._srm_link_complainant_projects()
        return res

    def _srm_refuse_identity_state(self):
        """The verification of the contact details given (``identity_state``) is the
        intake's: the public form and the mail gateway mark a grievance sent with the
        address of an existing contact unverified, the owner of the address confirms or
        disputes it by the link emailed to them (all as superuser). Users never set or
        change it, by hand or over RPC: it would offer to link the grievance to a contact
        of their choice, or say verified what nobody verified."""
        raise UserError(
            self.env._(
                "Only the public form, the mail gateway and the owner of the address given (by "
                "the confirmation link) set the verification of a grievance's contact: it "
                "cannot be changed by hand."
            )
        )

    @api.model
    def _srm_reader_fields(self):
        # a grievance becoming a worker's is read by worker grievance officers only; its
        # complainant, and whether it is sensitive or anonymous, decide which portal logins
        # read it
        return super()._srm_reader_fields() | {
            "grievance_scope",
            "is_sensitive",
            "is_anonymous",
            *COMPLAINANT_FIELDS,
        }

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        return [
            dict(vals, name=self.env._("%s (copy)", issue.name))
            for issue, vals in zip(self, vals_list, strict=True)
        ]

    def _srm_link_complainant_projects(self):
        """A stakeholder who raises an issue about a project becomes a stakeholder of that
        project: its team, project-restricted members included, finds them among the
        project's stakeholders and opens their contact.

        Only complainants the current user may read are linked (a link would otherwise open
        another project's stakeholder to this one), and never the complainant of a sensitive,
        anonymous, confidential or worker grievance: the project's stakeholders are listed to
        its whole team, who would see that complainant join them the day it came in.
        """
        if self.env.context.get("srm_issue_no_complainant_link"):
            return
        issues = self.filtered(
            lambda i: i.project_id
            and not i.is_sensitive
            and not i.is_anonymous
            and not i.is_confidential
            and i.grievance_scope != "worker"
        )
        # superuser: the identity field is readable only with Confidential access; the
        # partners are then checked against the current user's own access
        complainants = issues.sudo().complainant_partner_id.filtered("is_stakeholder")
        if not self.env.su:
            complainants = complainants.with_env(self.env).with_context(active_test=False)._filtered_access("read")
        by_project = defaultdict(set)
        for issue in issues.sudo():
            partner = issue.complainant_partner_id
            if partner in complainants and issue.project_id not in partner.srm_project_ids:
                by_project[issue.project_id.id].add(partner.id)
        for project_id, partner_ids in by_project.items():
            # superuser: the user may read these stakeholders and the issue's project (a
            # move to a project they may not read is refused, srm.secured.mixin.write);
            # adding the project to them is what raising the issue means, whether or not
            # the user may edit stakeholders
            self.env["res.partner"].sudo().browse(partner_ids).write({"srm_project_ids": [Command.link(project_id)]})

    def _srm_subscribe_complainant(self):
        for issue in self:
            if issue.is_sensitive or issue.is_anonymous:
                continue
            partner = issue.sudo().complainant_partner_id
            if partner:
                issue.sudo().message_subscribe(partner_ids=partner.ids)

    def _srm_apply_stage(self, old_stage, notify=True):
        """Stamp the service-level dates of the issues' new stage and tell the complainant.

        The acknowledgement and investigation dates are set once; the resolution and
        closing dates follow the stage (an issue reopened on appeal is no longer closed).
        """
        now = fields.Datetime.now()
        ack_template = self.env.ref(
            "srm_issues.mail_template_issue_acknowledged", raise_if_not_found=False
        )
        by_vals = defaultdict(lambda: self.browse())
        newly_acknowledged = self.browse()
        for issue in self:
            stage = issue.stage_id
            vals = {}
            if stage.is_acknowledged and not issue.date_acknowledged:
                vals["date_acknowledged"] = now
                newly_acknowledged |= issue
            if stage.is_investigated and not issue.date_investigated:
                vals["date_investigated"] = now
            if stage.is_resolved and not issue.date_resolved:
                vals["date_resolved"] = now
            elif not stage.is_resolved and not stage.is_appeal and issue.date_resolved:
                vals["date_resolved"] = False
            if stage.is_closed and not issue.date_closed:
                vals["date_closed"] = now
            elif not stage.is_closed and issue.date_closed:
                vals["date_closed"] = False
            if stage.is_appeal and not issue.date_appeal:
                vals["date_appeal"] = now
            if vals:
                by_vals[tuple(sorted(vals.items()))] |= issue
        for vals, issues in by_vals.items():
            super(SrmIssue, issues).write(dict(vals))
        escalated = self.filtered(lambda i: i.stage_id.is_escalated and i.stage_id != old_stage)
        escalated._srm_schedule_escalation(
            self.env._("Issue escalated: review and decide"),
        )
        if not notify:
            return
        for issue in self:
            template = issue.stage_id.mail_template_id
            if not template and issue in newly_acknowledged:
                template = ack_template
            if template:
                issue._srm_notify_complainant(template)

    # ------------------------------------------------------------------
    # Communication with the complainant
    # ------------------------------------------------------------------

    def _srm_notify_complainant(self, template):
        """Send ``template`` to the complainant in their language.

        The message is posted on the issue as a message (not a note), which makes it
        visible on the public status page and in the portal. On sensitive and
        confidential issues the email goes out without naming the complainant among the
        message's recipients: people without Confidential access cannot learn who they
        are, and the complainant gets no access to the record from being a recipient.
        Complainants who asked not to be contacted get no email.
        """
        if not template or self.env.context.get("srm_issue_no_notify"):
            return self.env["mail.message"]
        template = template.sudo()
        subtype = self.env.ref("mail.mt_comment")
        messages = self.env["mail.message"]
        for issue in self:
            partner = issue.sudo().complainant_partner_id
            rendered = template._generate_template(issue.ids, ("subject", "body_html"))[issue.id]
            reachable = bool(partner.email) and not issue.is_anonymous and not partner.srm_do_not_contact
            direct = issue.is_sensitive or issue.is_confidential
            message = issue.with_context(mail_post_autofollow=False).message_post(
                body=rendered.get("body_html") or "",
                subject=rendered.get("subject"),
                message_type="comment",
                subtype_id=subtype.id,
                partner_ids=partner.ids if reachable and not direct else [],
                email_layout_xmlid="mail.mail_notification_light",
            )
            if reachable and direct:
                self.env["mail.mail"].sudo().create(
                    {
                        "mail_message_id": message.id,
                        "email_to": partner.email_formatted,
                        "body_html": rendered.get("body_html") or "",
                        "auto_delete": True,
                    }
                )
            messages |= message
        return messages

    def _srm_public_messages(self):
        """Messages sent to the complainant by the team: never notes or internal messages."""
        self.ensure_one()
        subtype = self.env.ref("mail.mt_comment")
        messages = self.env["mail.message"].sudo().search(
            [
                ("model", "=", self._name),
                ("res_id", "=", self.id),
                ("message_type", "in", ("comment", "email_outgoing")),
                ("subtype_id", "=", subtype.id),
                ("is_internal", "=", False),
            ],
            order="date desc, id desc",
            limit=50,
        )
        return messages.filtered(lambda m: is_staff(m.author_id))

    def _srm_confidential_group(self):
        """Confidential worker grievances are read by worker grievance officers."""
        if self and all(issue.grievance_scope == "worker" for issue in self):
            return self.env.ref("srm_issues.group_srm_issue_worker")
        return super()._srm_confidential_group()

    def _message_auto_subscribe_notify(self, partner_ids, template):
        # an officer who may not read a confidential issue is not told about it
        partner_ids = self._srm_filter_confidential_partner_ids(partner_ids)
        if not partner_ids:
            return
        return super()._message_auto_subscribe_notify(partner_ids, template)

    def message_post(self, **kwargs):
        """On a sensitive or anonymous issue, an author from outside (the complainant
        writing again by email or on the portal) is not made a follower: the list
        of followers would show them to everybody."""
        issues = self
        if len(self) == 1 and (self.sudo().is_sensitive or self.sudo().is_anonymous):
            author = self.env["res.partner"].sudo().browse(kwargs.get("author_id") or self.env.user.partner_id.id)
            if not is_staff(author):
                issues = self.with_context(mail_create_nosubscribe=True)
        return super(SrmIssue, issues).message_post(**kwargs)

    def _notify_get_recipients(self, message, msg_vals, **kwargs):
        """A message from outside on a sensitive or anonymous issue (the complainant's
        email or portal reply) is emailed only to Confidential access users: the
        notification would show who wrote it. The others read it in the chatter,
        where the author is hidden from them."""
        recipients = super()._notify_get_recipients(message, msg_vals, **kwargs)
        if not any(issue.is_sensitive or issue.is_anonymous for issue in self.sudo()):
            return recipients
        author = self.env["res.partner"].sudo().browse((msg_vals or {}).get("author_id") or message.author_id.id)
        if is_staff(author):
            return recipients  # staff messages: nothing to hide
        group_id = self.env.ref("srm_base.group_srm_confidential").id
        return [
            rdata for rdata in recipients if not rdata.get("share") and group_id in (rdata.get("groups") or [])
        ]

    def _mail_get_partner_fields(self, introspect_fields=False):
        return ["complainant_id"]

    def _track_subtype(self, init_values):
        self.ensure_one()
        if "stage_id" in init_values:
            return self.env.ref("srm_issues.mt_issue_stage")
        return super()._track_subtype(init_values)

    def _creation_subtype(self):
        return self.env.ref("srm_issues.mt_issue_new")

    # ------------------------------------------------------------------
    # Mail gateway: an email to the alias becomes an issue
    # ------------------------------------------------------------------

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """An email to the alias becomes an issue.

        A sender unknown so far becomes a stakeholder and the complainant. A sender
        whose address belongs to an existing contact is linked to that contact only when
        the mail server authenticated the email; otherwise the issue is "unverified":
        it keeps the name and address of the email, the contact is neither changed,
        nor made a follower or the author of the email, and a confirmation link is
        sent to the address.
        """
        custom_values = dict(custom_values or {})
        Partner = self.env["res.partner"].sudo()
        name, email = tools.parse_contact_from_email(msg_dict.get("email_from") or msg_dict.get("from") or "")
        email = tools.email_normalize(email) or email
        partner = Partner.browse(msg_dict.get("author_id")).exists() or self._srm_existing_contact(email)
        unverified = bool(partner) and not self._srm_mail_authenticated(email)
        defaults = {
            "name": msg_dict.get("subject") or self.env._("Email from %s", name or email or msg_dict.get("from")),
            "channel": "email",
            "description": msg_dict.get("body") or "",
        }
        if unverified:
            defaults.update(
                {
                    "identity_state": "unverified",
                    "claimed_name": (name or "")[:100] or False,
                    "claimed_email": email or False,
                    "lang": self.env.lang,
                }
            )
            # the email is not attributed to the contact: it would make them its author
            # and a follower of the issue
            msg_dict["author_id"] = False
        else:
            if not partner and email:
                partner = Partner.create({"name": name or email, "email": email, "is_stakeholder": True})
            defaults.update({"complainant_id": partner.id, "lang": partner.lang or self.env.lang})
            if partner and not partner.is_stakeholder and not partner.user_ids.filtered(lambda u: not u.share):
                partner.is_stakeholder = True
            if partner.srm_main_project_id:
                defaults["project_id"] = partner.srm_main_project_id.id
                defaults["company_id"] = partner.srm_main_project_id.company_id.id
        defaults.update(custom_values)
        issue = super(SrmIssue, self.with_context(mail_create_nosubscribe=True)).message_new(
            msg_dict, custom_values=defaults
        )
        if unverified:
            issue._srm_send_identity_confirmation()
        return issue

    def message_update(self, msg_dict, update_vals=None):
        res = super().message_update(msg_dict, update_vals=update_vals)
        for issue in self.filtered("is_closed"):
            issue._srm_schedule_activity(
                issue.user_id or issue.team_id.user_id,
                self.env._("Message received on a closed issue"),
            )
        return res

    # ------------------------------------------------------------------
    # Public intake (called by the controller with a narrow sudo)
    # ------------------------------------------------------------------

    @api.model
    def _srm_normalize_code(self, code):
        return "".join(ch for ch in (code or "").upper() if ch.isalnum())[:64]

    @api.model
    def _srm_hash_code(self, code):
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret") or ""
        normalized = self._srm_normalize_code(code)
        return hmac.new(secret.encode(), normalized.encode(), hashlib.sha256).hexdigest()

    @api.model
    def _srm_new_tracking_code(self):
        raw = base64.b32encode(secrets.token_bytes(10)).decode()
        return "-".join(raw[i : i + 4] for i in range(0, 16, 4))

    def _srm_set_tracking_code(self, code=None):
        """Give the issue a (new) tracking code and return it; only its hash is kept."""
        self.ensure_one()
        code = code or self._srm_new_tracking_code()
        if len(self._srm_normalize_code(code)) != 16:
            raise UserError(self.env._("A tracking code has 16 letters or digits."))
        self.sudo().tracking_code_hash = self._srm_hash_code(code)
        return code

    @api.model
    def _srm_find_by_code(self, code):
        normalized = self._srm_normalize_code(code)
        if len(normalized) != 16:
            return self.browse()
        return self.sudo().search(
            [("tracking_code_hash", "=", self._srm_hash_code(normalized))], limit=1
        )

    @api.model
    def _srm_existing_contact(self, email):
        """The contact that already uses ``email`` (normalized), if any."""
        email = tools.email_normalize(email or "")
        if not email:
            return self.env["res.partner"]
        return self.env["res.partner"].sudo().search([("email_normalized", "=", email)], limit=1)

    @api.model
    def _srm_public_submit(self, values, files, submission_token=None, review=None):
        """Create an issue from the public form. ``values`` were validated by the caller.

        Contact details with the email address of an existing contact are kept on the
        issue only ("unverified") and a confirmation link is emailed to that address;
        other contact details make a new stakeholder, the complainant.

        :param dict values: name, description (plain text), category_id, project_id,
            kind, location, is_anonymous, contact_name, contact_email, contact_phone, lang
        :param list files: [(filename, mimetype, data bytes)]
        :param str review: why the submission must be reviewed (a key of REVIEW_REASONS:
            it came past a soft limit of the public form), or None
        :returns: (issue, tracking code); the code is shown once and only its hash is kept
        """
        project = self.env["srm.project"].sudo().browse(values.get("project_id")).exists()
        company = project.company_id or self.env.company
        code = self._srm_new_tracking_code()
        vals = {
            "name": values["name"],
            "description": tools.plaintext2html(values["description"]),
            "kind": values.get("kind") or "grievance",
            "category_id": values.get("category_id") or False,
            "project_id": project.id or False,
            "company_id": company.id,
            "location": values.get("location") or False,
            "channel": "web_form",
            "is_anonymous": bool(values.get("is_anonymous")),
            "lang": values.get("lang"),
            "user_id": False,
            "tracking_code_hash": self._srm_hash_code(code),
            "submission_token": submission_token or False,
        }
        if review:
            vals.update({"intake_review": True, "intake_review_reason": review})
        unverified = False
        if not vals["is_anonymous"]:
            email = tools.email_normalize(values.get("contact_email") or "")
            if self._srm_existing_contact(email):
                unverified = True
                vals.update(
                    {
                        "identity_state": "unverified",
                        "claimed_name": values["contact_name"],
                        "claimed_email": email,
                        "claimed_phone": values.get("contact_phone") or False,
                    }
                )
            else:
                partner = self.env["res.partner"].sudo().create(
                    {
                        "name": values["contact_name"],
                        "email": email or False,
                        "phone": values.get("contact_phone") or False,
                        "lang": values.get("lang"),
                        "is_stakeholder": True,
                    }
                )
                vals["complainant_partner_id"] = partner.id
        issue = (
            self.sudo()
            .with_company(company)
            .with_context(mail_create_nosubscribe=True, srm_issue_no_notify=True)
            .create(vals)
        )
        if files:
            attachments = self.env["ir.attachment"].sudo().create(
                [
                    {
                        "name": filename,
                        "raw": data,
                        "mimetype": mimetype,
                        "res_model": self._name,
                        "res_id": issue.id,
                    }
                    for filename, mimetype, data in files
                ]
            )
            issue.message_post(
                body=self.env._("Documents attached to the public form."),
                attachment_ids=attachments.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
                author_id=self.env.ref("base.partner_root").id,
            )
        if unverified:
            # past a limit of one browser or one contact, the address is not written to
            # again: the team sends the link from the issue once it is reviewed
            if review in ("contact", "session"):
                issue._srm_log_note(
                    self.env._(
                        "The address given belongs to an existing contact. No confirmation link "
                        "was sent, as the grievance came past the form's limits: send it from "
                        "the issue once reviewed."
                    )
                )
            else:
                issue._srm_send_identity_confirmation()
        return issue, code

    # ------------------------------------------------------------------
    # Verification of the address given (public form and mail gateway)
    # ------------------------------------------------------------------

    def _srm_log_note(self, body):
        """An internal note of the system on each issue (sudo: the public pages and the
        mail gateway log what they did; nobody outside the team reads notes)."""
        partner_root = self.env.ref("base.partner_root").id
        for issue in self.sudo():
            issue.message_post(body=body, message_type="comment", subtype_xmlid="mail.mt_note", author_id=partner_root)

    @api.model
    def _srm_identity_hours(self):
        value = self.env["ir.config_parameter"].sudo().get_param("srm_issues.identity_confirmation_hours", "72")
        try:
            return max(1, int(value))
        except ValueError:
            return 72

    def _srm_identity_token(self):
        """A signed token for the link that confirms the address given on the issue;
        it expires after ``srm_issues.identity_confirmation_hours`` (72 by default)."""
        self.ensure_one()
        email = self.sudo().claimed_email or ""
        return tools.hash_sign(
            self.sudo().env,
            IDENTITY_SCOPE,
            {"issue": self.id, "email": email},
            expiration_hours=self._srm_identity_hours(),
        )

    @api.model
    def _srm_identity_issue(self, token):
        """The unverified, disputed or verified issue a confirmation token is for (sudo),
        or an empty recordset when the token is forged, expired, or the address of the
        issue changed since it was sent."""
        # sudo: visitors have no access to issues; the signed token checked below is the access
        Issue = self.sudo().with_context(active_test=False)
        if not isinstance(token, str) or not token or len(token) > 1024:
            return Issue
        try:
            payload = tools.verify_hash_signed(self.sudo().env, IDENTITY_SCOPE, token)
        except (ValueError, TypeError, UnicodeError):
            return Issue
        if not isinstance(payload, dict) or not isinstance(payload.get("issue"), int):
            return Issue
        issue = Issue.browse(payload["issue"]).exists()
        if not issue or not issue.identity_state or issue.claimed_email != payload.get("email"):
            return Issue
        return issue

    def action_srm_send_identity_confirmation(self):
        """Button of the issue: send (again) the link that confirms the address given."""
        self.check_access("write")
        issues = self.filtered(lambda issue: issue.identity_state == "unverified")
        if not issues:
            raise UserError(self.env._("Only an issue whose address is not verified yet needs a confirmation link."))
        # sudo: the address given is read by the system only, access checked above
        if any(not issue.sudo().claimed_email for issue in issues):
            raise UserError(self.env._("No email address was given: the link cannot be sent."))
        issues._srm_send_identity_confirmation()
        return True

    def _srm_send_identity_confirmation(self):
        """Email the address given on each unverified issue a link to confirm that its
        owner sent the grievance. The email is not part of the issue's messages: the
        link must reach the owner of the address only, not whoever holds the tracking
        code or reads the chatter."""
        template = self.env.ref("srm_issues.public_identity_confirmation_email")
        mails = []
        # sudo: the address given and the contact are read by the system only
        for issue in self.sudo().filtered(lambda issue: issue.identity_state == "unverified" and issue.claimed_email):
            contact = self._srm_existing_contact(issue.claimed_email)
            lang = contact.lang or issue.lang or self.env.lang
            env = issue.with_context(lang=lang).env
            url = f"{issue.get_base_url()}/grievance/confirm?token={issue._srm_identity_token()}"
            body = env["ir.qweb"]._render(
                template.id,
                {
                    "reference": issue.reference,
                    "date_received": issue.date_received,
                    "url": url,
                    "hours": self._srm_identity_hours(),
                    "company": issue.company_id,
                },
            )
            mails.append(
                {
                    "subject": env._("Did you send grievance %s?", issue.reference),
                    "body_html": body,
                    "email_to": issue.claimed_email,
                    "email_from": issue.company_id.email_formatted or False,
                    "auto_delete": True,
                }
            )
        if not mails:
            return
        self.env["mail.mail"].sudo().create(mails)
        self.env.ref("mail.ir_cron_mail_scheduler_action").sudo()._trigger()
        self._srm_log_note(
            self.env._(
                "The address given belongs to an existing contact: a link to confirm the grievance "
                "was sent to it. The issue is linked to the contact once the link is used."
            )
        )

    def _srm_confirm_identity(self, sent_it):
        """The owner of the address answered the confirmation link: ``sent_it`` True
        links the issue to their contact (a new one if it was removed meanwhile) and
        makes them a follower, as any complainant; False marks the issue disputed and
        to review. Called with sudo by the public page, which checked the token."""
        self.ensure_one()
        issue = self.sudo()
        if issue.identity_state != "unverified":
            return False
        if sent_it and issue.is_anonymous:
            # made anonymous by the team meanwhile: nobody is linked to it
            issue.identity_state = "verified"
        elif sent_it:
            partner = self._srm_existing_contact(issue.claimed_email) or self.env["res.partner"].sudo().create(
                {
                    "name": issue.claimed_name or issue.claimed_email,
                    "email": issue.claimed_email,
                    "phone": issue.claimed_phone or False,
                    "lang": issue.lang,
                    "is_stakeholder": True,
                }
            )
            issue.write({"identity_state": "verified", "complainant_partner_id": partner.id})
            issue._srm_subscribe_complainant()
            issue._srm_log_note(
                self.env._(
                    "The owner of the address given confirmed sending this grievance: it is now "
                    "linked to their contact."
                )
            )
        else:
            issue.write({"identity_state": "disputed", "intake_review": True, "intake_review_reason": "disputed"})
            issue._srm_log_note(
                self.env._(
                    "The owner of the address given says they did not send this grievance. It stays "
                    "unlinked from their contact; check who sent it before answering."
                )
            )
        return True

    def _srm_public_status(self):
        """What the status page may show: nothing that names anyone or is internal."""
        self.ensure_one()
        issue = self.sudo()
        return {
            "reference": issue.reference,
            "date_received": issue.date_received,
            "stage": issue.stage_id._get_public_name() if issue.stage_id else "",
            "is_closed": issue.is_closed,
            "date_resolution_due": False if issue.is_closed else issue.date_resolution_due,
            "messages": [
                {"date": message.date, "body": message.body}
                for message in issue._srm_public_messages()
            ],
        }

    # ------------------------------------------------------------------
    # Service levels: escalation cron and figures
    # ------------------------------------------------------------------

    def _srm_refresh_sla_status(self):
        for fname in SLA_STATUS_FIELDS:
            self.env.add_to_compute(self._fields[fname], self)
        self.flush_recordset(SLA_STATUS_FIELDS)

    def _srm_escalation_assignees(self):
        """{issue: user} an escalation of each issue goes to: the team leader, else the
        project manager, else the officer (an empty user when there is nobody), the first
        of them who may read the issue (of its project and company; for a confidential
        issue, with Confidential access)."""
        group = self.env.ref("srm_base.group_srm_confidential")
        candidates = {
            issue: [user for user in (issue.team_id.user_id, issue.project_id.user_id, issue.user_id) if user]
            for issue in self
        }
        # one check per person, whatever the number of issues
        people = {user for users in candidates.values() for user in users}
        readable = {user: set(self._srm_readable_by(user).ids) for user in people}
        assignees = {}
        for issue in self:
            users = [user for user in candidates[issue] if issue.id in readable[user]]
            if issue.is_confidential:
                users = [user for user in users if group in user.groups_id]
            assignees[issue] = users[0] if users else self.env["res.users"]
        return assignees

    def _srm_schedule_activity(self, user, summary, note=None):
        """Schedule a to-do for ``user`` (else the issue's officer, team leader or project
        manager) on each issue, with one ``mail.activity`` create for all of them."""
        return self._srm_create_activities(
            [
                (issue, user or issue.user_id or issue.team_id.user_id or issue.project_id.user_id, summary, note)
                for issue in self
            ]
        )

    def _srm_schedule_escalation(self, summary, note=None):
        """Schedule a to-do for the team leader (else the project manager, else the officer)."""
        assignees = self._srm_escalation_assignees()
        return self._srm_create_activities([(issue, assignees[issue], summary, note) for issue in self])

    @api.model
    def _srm_activity_type(self):
        return self.env.ref("srm_issues.mail_activity_type_issue_escalation", raise_if_not_found=False) or self.env.ref(
            "mail.mail_activity_data_todo"
        )

    @api.model
    def _srm_subscribe_assignees(self, todo):
        """The assignees of ``[(issue, assignee, ...)]`` follow their issues: subscribed
        once per assignee, as mail.activity's create would subscribe an issue twice to a
        user given two of its activities in one create."""
        issues_by_assignee = defaultdict(set)
        for issue, assignee, *_rest in todo:
            issues_by_assignee[assignee].add(issue.id)
        for assignee, issue_ids in issues_by_assignee.items():
            # sudo: called by the system only (the mail gateway, the scheduled job), for the
            # assignees it chose among those who may read the issue, as mail.activity's
            # create subscribes them
            self.sudo().browse(sorted(issue_ids)).message_subscribe(partner_ids=assignee.sudo().partner_id.ids)

    @api.model
    def _srm_create_activities(self, todo):
        """Create the activities ``[(issue, assignee, summary, note)]`` with one
        ``mail.activity`` create: the values ``activity_schedule`` gives (automated, due
        today), issues without an assignee, or whose assignee may not read them, skipped.
        Each assignee is notified as usual."""
        # sudo: the system schedules these to-dos (mail gateway, scheduled job), for whoever it
        # chose; nobody calls this on a user's behalf
        Activity = self.env["mail.activity"].sudo()
        todo = [(issue, assignee, summary, note) for issue, assignee, summary, note in todo if assignee]
        # nor those whose assignee may not read the issue (another project or company), whom
        # mail.activity refuses
        todo = self.env["srm.cron.batch"]._srm_activities_readable(self._name, todo)
        if not todo or self.env.context.get("mail_activity_automation_skip"):
            return Activity
        activity_type = self._srm_activity_type()
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        self._srm_subscribe_assignees(todo)
        activities = Activity.create(
            [
                {
                    "activity_type_id": activity_type.id,
                    "summary": summary or activity_type.summary,
                    "automated": True,
                    "note": note or activity_type.default_note,
                    "date_deadline": today,
                    "res_model_id": model_id,
                    "res_id": issue.id,
                    "user_id": assignee.id,
                }
                for issue, assignee, summary, note in todo
            ]
        )
        # mail.activity's create tells one assignee of the batch (the last) that an activity
        # due today was created, for the counter of their activity menu: tell the others too,
        # once per activity, as one create per activity did
        if today <= fields.Date.today():
            for activity in activities[:-1]:
                activity.user_id._bus_send("mail.activity/updated", {"activity_created": True})
        return activities

    @api.model
    def _srm_stale_status_domain(self, now):
        """Open issues with a deadline not met that passed since their flags were computed."""
        return expression.AND(
            [
                [("is_closed", "=", False)],
                expression.OR(
                    [
                        [
                            (deadline.done_field, "=", False),
                            (deadline.due_field, "<", now),
                            (deadline.breached_field, "=", False),
                        ]
                        for deadline in DEADLINES
                    ]
                ),
            ]
        )

    @api.model
    def _srm_to_escalate_domain(self):
        """Open issues with a deadline passed, not met and not escalated yet."""
        return expression.AND(
            [
                [("is_closed", "=", False)],
                expression.OR(
                    [
                        [
                            (deadline.breached_field, "=", True),
                            (deadline.done_field, "=", False),
                            (deadline.escalated_field, "=", False),
                        ]
                        for deadline in DEADLINES
                    ]
                ),
            ]
        )

    @api.model
    def _cron_srm_sla_check(self, batch_size=SLA_BATCH_SIZE):
        """Refresh breach flags that turned true as time passed, escalate once per
        passed deadline, then send each person one message listing the issues escalated
        to them. Runs in batches (see ``srm.cron.batch``); safe to run again: a deadline
        is escalated once, a digest lists what was not listed yet."""
        now = fields.Datetime.now()
        # sudo: the scheduled job goes over the issues of every company and project
        Issue = self.sudo().with_context(active_test=False, tracking_disable=True)
        Batch = self.env["srm.cron.batch"]
        stale = Issue.search(self._srm_stale_status_domain(now), order="id")
        done = Batch._srm_process(stale, "_srm_refresh_sla_status", batch_size, description="Issues: breach flags")
        to_escalate = Issue.search(self._srm_to_escalate_domain(), order="id")
        done += Batch._srm_process(to_escalate, "_srm_escalate_breaches", batch_size, description="Issues: escalation")
        Issue._srm_send_escalation_digests()
        return done

    def _srm_escalate_breaches(self):
        """Escalate each passed deadline of the issues once: an activity for the team
        leader per deadline, all created together, the deadline marked escalated and the
        issue kept for the leader's digest (assignees are not notified of each activity).
        Deadlines already escalated or met are skipped, so a batch may run twice."""
        assignees = self._srm_escalation_assignees()
        labels = {deadline.key: self.env._(deadline.label) for deadline in DEADLINES}
        # the due dates in the formats of the language and the time zone of the job's user, read once
        lang = get_lang(self.env)
        date_format = f"{lang.date_format} {lang.time_format}"
        tz = pytz.timezone(self.env.user.tz or "UTC")
        note_text = self.env._(
            "%(ref)s was due on %(due)s. Act now or send the complainant an interim notice with a revised date."
        )
        todo = []
        escalated = defaultdict(list)  # escalated flags -> issue ids
        for issue in self:
            flags = []
            for deadline in DEADLINES:
                if not issue[deadline.breached_field] or issue[deadline.done_field] or issue[deadline.escalated_field]:
                    continue
                due = pytz.utc.localize(issue[deadline.due_field]).astimezone(tz)
                note = Markup("<p>%s</p>") % (note_text % {"ref": issue.reference, "due": due.strftime(date_format)})
                todo.append((issue, assignees[issue], labels[deadline.key], note, False))
                flags.append(deadline.escalated_field)
            if flags:
                escalated[tuple(flags)].append(issue.id)
        # one digest per person tells the assignees (see _srm_send_escalation_digests)
        self.env["srm.cron.batch"]._srm_schedule_activities(self._name, todo, self._srm_activity_type())
        for flags, issue_ids in escalated.items():
            self.browse(issue_ids).with_context(tracking_disable=True).write(
                dict.fromkeys(flags, True) | {"sla_digest_pending": True}
            )

    @api.model
    def _srm_send_escalation_digests(self):
        """One message per person listing the issues escalated to them since the last
        digest; the issues are then marked as listed."""
        # sudo: the scheduled job; each person's list is filtered by what they may read
        pending = self.sudo().with_context(active_test=False).search([("sla_digest_pending", "=", True)], order="id")
        if not pending:
            return
        by_user = defaultdict(list)
        for issue, user in pending._srm_escalation_assignees().items():
            if user:
                by_user[user].append(issue.id)
        for user, issue_ids in by_user.items():
            pending.browse(issue_ids)._srm_notify_escalation_digest(user)
        pending.with_context(tracking_disable=True).write({"sla_digest_pending": False})

    def _srm_notify_escalation_digest(self, user):
        """One message to ``user`` listing these escalated issues, in their language: the
        issues they may read, the first ``DIGEST_LINES`` of them (a link opens the list)."""
        as_user = self.browse().with_user(user).with_context(active_test=False)
        if not self or not as_user.has_access("read"):  # the access rights of the model (no record given)
            return
        # one search applying the user's record rules, however many issues were escalated
        readable = set(as_user.search([("id", "in", self.ids)]).ids)
        issues = self.filtered(lambda i: i.id in readable)
        if not issues:
            return
        env = self.with_context(lang=user.lang or self.env.lang).env
        issues = issues.sorted(lambda i: (i.date_next_due or datetime.max, i.id))
        items = Markup("").join(
            Markup('<li><a href="/odoo/%s/%s">%s</a> — %s</li>')
            % (
                self._name,
                issue.id,
                issue.display_name,
                ", ".join(
                    env._(deadline.label)
                    for deadline in DEADLINES
                    if issue[deadline.escalated_field] and not issue[deadline.done_field]
                ),
            )
            for issue in issues[:DIGEST_LINES]
        )
        intro = env._(
            "These issues passed a service-level deadline and are escalated to you. Act now, "
            "or send the complainants an interim notice with a revised date:"
        )
        body = Markup("<p>%s</p><ul>%s</ul>") % (escape(intro), items)
        if len(issues) > DIGEST_LINES:
            body += Markup('<p><a href="/odoo/action-srm_issues.srm_issue_action">%s</a></p>') % env._(
                "… and %s more in the issues list.", len(issues) - DIGEST_LINES
            )
        self.env["srm.issue"].message_notify(
            partner_ids=user.partner_id.ids,
            subject=env._("Issues escalated to you"),
            body=body,
            email_layout_xmlid="mail.mail_notification_light",
        )

    @api.model
    def get_sla_figures(self, domain=None, groupby=("category_id", "date_received:month")):
        """Service-level figures an auditor asks for, per category and month of receipt.

        Returns a list of dicts: the groupby values, ``received``, ``acknowledged``,
        ``acknowledged_on_time``, ``ack_on_time_share`` (percent, None when nothing was
        acknowledged), ``closed``, ``avg_days_to_close`` (None when nothing was closed),
        ``breached``. Records are read with the caller's access rights.
        """
        domain = list(domain or [])
        groupby = list(groupby)

        def grouped(extra, aggregates):
            return {
                tuple(row[: len(groupby)]): row[len(groupby) :]
                for row in self._read_group(domain + extra, groupby, aggregates)
            }

        received = grouped([], ["__count"])
        acked = grouped([("date_acknowledged", "!=", False)], ["__count", "ack_on_time_rate:sum"])
        closed = grouped([("date_closed", "!=", False)], ["__count", "close_days:avg"])
        breached = grouped([("is_sla_breached", "=", True)], ["__count"])
        figures = []
        for key, (count,) in received.items():
            ack_count, on_time_sum = acked.get(key, (0, 0.0))
            closed_count, avg_close = closed.get(key, (0, None))
            on_time = int(round((on_time_sum or 0.0) / 100))
            row = {}
            for name, value in zip(groupby, key, strict=True):
                if isinstance(value, datetime):
                    value = value.date()
                row[name.split(":")[0]] = value
            row.update(
                {
                    "received": count,
                    "acknowledged": ack_count,
                    "acknowledged_on_time": on_time,
                    "ack_on_time_share": round(100.0 * on_time / ack_count, 1) if ack_count else None,
                    "closed": closed_count,
                    "avg_days_to_close": round(avg_close, 1) if closed_count else None,
                    "breached": breached.get(key, (0,))[0],
                }
            )
            figures.append(row)
        return figures

    @api.model
    def _srm_public_min_count(self):
        """Smallest count the public summary shows (system parameter
        ``srm_issues.public_summary_min_count``, 3 by default): in a small community,
        "1 grievance about cultural heritage" can point at one person."""
        value = self.env["ir.config_parameter"].sudo().get_param("srm_issues.public_summary_min_count", "3")
        try:
            return max(1, int(value))
        except ValueError:
            return 3

    @api.model
    def _srm_public_quarters(self):
        """The whole quarters the public summary covers: [(first day, first day of the
        next quarter)], the last complete quarter first. The current quarter is left
        out: its figures would change with each new grievance, and comparing two days
        would tell what the last grievance was about."""
        today = fields.Date.today()
        start = today.replace(month=3 * ((today.month - 1) // 3) + 1, day=1)
        quarters = []
        for __ in range(PUBLIC_SUMMARY_QUARTERS):
            previous = start - relativedelta(months=3)
            quarters.append((previous, start))
            start = previous
        return quarters

    @api.model
    def _srm_public_summary(self):
        """Aggregate counts for the public, per whole past quarter, that name nobody.

        Counted: community grievances of the projects on the public form that are not
        confidential and not waiting for an intake review. Every figure shown counts
        at least the minimum count (``_srm_public_min_count``): a quarter with fewer
        grievances shows no figure; in each quarter, topics, statuses and projects
        with fewer are added up under "Other", and when that sum is itself too small
        the next smallest join it, so that nothing hidden can be found back by
        subtracting from the quarter's total or comparing dimensions. Dimensions are
        never crossed (no topic per project) and quarters never overlap.

        Private, without parameters: the figures are the ones of the public page,
        computed with sudo on the fixed quarters, never on periods or projects a caller
        would choose.
        """
        min_count = self._srm_public_min_count()
        quarters = self._srm_public_quarters()
        # sudo: aggregate counts of public projects only, for anonymous visitors
        Issue = self.sudo().with_context(tz="UTC", active_test=True)
        domain = [
            ("grievance_scope", "=", "community"),
            ("is_confidential", "=", False),
            ("intake_review", "=", False),
            ("project_id.srm_issue_public", "=", True),
            ("date_received", ">=", fields.Datetime.to_datetime(quarters[-1][0])),
            ("date_received", "<", fields.Datetime.to_datetime(quarters[0][1])),
        ]

        def counts(groupby):
            """{quarter start: [(group, count)]}"""
            result = defaultdict(list)
            for quarter, group, count in Issue._read_group(domain, ["date_received:quarter", groupby], ["__count"]):
                result[quarter.date() if isinstance(quarter, datetime) else quarter].append((group, count))
            return result

        categories = counts("category_id")
        stages = counts("stage_id")
        projects = counts("project_id")
        periods = []
        for date_from, date_to in quarters:
            total = sum(count for __, count in categories.get(date_from, []))
            period = {
                "date_from": date_from,
                "date_to": date_to - timedelta(days=1),
                "shown": total >= min_count,
                "total": total if total >= min_count else None,
                "by_category": [],
                "by_status": [],
                "by_project": [],
            }
            periods.append(period)
            if not period["shown"]:
                continue
            by_category = [
                (category.name if category else self.env._("Uncategorised"), count)
                for category, count in sorted(
                    categories[date_from], key=lambda row: (-row[1], row[0].name or "")
                )
            ]
            by_status = defaultdict(int)
            for stage, count in sorted(stages[date_from], key=lambda row: (row[0].sequence, row[0].id)):
                by_status[stage._get_public_name() if stage else self.env._("New")] += count
            by_project = [
                (project.name, count)
                for project, count in sorted(projects[date_from], key=lambda row: (-row[1], row[0].name or ""))
            ]
            period["by_category"] = k_anonymous_cells(by_category, min_count, self.env._("Other topics"))
            period["by_status"] = k_anonymous_cells(list(by_status.items()), min_count, self.env._("Other stages"))
            period["by_project"] = k_anonymous_cells(by_project, min_count, self.env._("Other projects"))
        return {"min_count": min_count, "periods": periods}

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_open_deadline_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Interim Notice"),
            "res_model": "srm.issue.deadline.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_issue_id": self.id},
        }

    def action_view_engagements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_base.srm_engagement_action")
        action["domain"] = [("id", "in", self.engagement_ids.ids)]
        action["context"] = {"default_project_id": self.project_id.id}
        return action

    def action_set_acceptance(self):
        """Buttons of the form: record the complainant's answer to the proposed response."""
        self.ensure_one()
        value = self.env.context.get("srm_acceptance")
        if value not in dict(ACCEPTANCE):
            raise UserError(self.env._("Unknown answer to the proposed response."))
        self.response_acceptance = value
        return True
