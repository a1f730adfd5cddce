# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup, escape

from odoo import Command, api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL, format_date, get_lang

STATES = [
    ("draft", "Draft"),
    ("open", "Open"),
    ("in_progress", "In Progress"),
    ("fulfilled", "Fulfilled"),
    ("cancelled", "Cancelled"),
]
# commitments still to deliver: followed up, reminded and escalated
ACTIVE_STATES = ("draft", "open", "in_progress")
CLOSED_STATES = ("fulfilled", "cancelled")

SOURCES = [
    ("verbal", "Verbal (meeting, call, visit)"),
    ("letter", "Letter or email"),
    ("agreement", "Signed agreement"),
    ("permit_condition", "Permit condition"),
    ("public_meeting", "Public meeting or hearing"),
    ("consultation", "Consultation"),
    ("grievance", "Grievance resolution"),
    ("plan", "Management plan or policy"),
    ("other", "Other"),
]

# engagement type code (srm_base) -> source of the commitments made there
SOURCE_BY_ENGAGEMENT_TYPE = {
    "meeting": "verbal",
    "call": "verbal",
    "site_visit": "verbal",
    "interview": "verbal",
    "email": "letter",
    "letter": "letter",
    "public_meeting": "public_meeting",
    "consultation": "consultation",
}

PRIORITIES = [
    ("0", "Normal"),
    ("1", "Important"),
    ("2", "Critical"),
]

SEQUENCE_CODE = "srm.commitment"
BATCH_SIZE = 500
# commitments listed in a reminder or escalation message
DIGEST_LINES = 30

# what the daily job reads of each commitment of a batch
FOLLOW_UP_FIELDS = ["reference", "name", "user_id", "date_due", "team_id", "project_id", "company_id"]

ACTIVITY_ASSIGNED = "srm_commitments.mail_activity_type_commitment_assigned"
ACTIVITY_REMINDER = "srm_commitments.mail_activity_type_commitment_reminder"
ACTIVITY_ESCALATION = "srm_commitments.mail_activity_type_commitment_escalation"
FOLLOW_UP_ACTIVITIES = (ACTIVITY_ASSIGNED, ACTIVITY_REMINDER, ACTIVITY_ESCALATION)


class SrmCommitment(models.Model):
    """A promise made to stakeholders, with an owner, a due date and evidence of fulfilment."""

    _name = "srm.commitment"
    _description = "Stakeholder Commitment"
    _inherit = ["srm.commitment.owner.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_due, id"
    _rec_names_search = ["reference", "name"]
    _mail_post_access = "read"

    reference = fields.Char(
        readonly=True,
        copy=False,
        index="trigram",
        help="Number given when the commitment is recorded, e.g. COM-2026-0001.",
    )
    name = fields.Char(string="Title", required=True, tracking=True)
    description = fields.Html(help="What exactly was promised, to whom, and how fulfilment will be shown.")
    partner_ids = fields.Many2many(
        "res.partner",
        "srm_commitment_partner_rel",
        "commitment_id",
        "partner_id",
        string="Stakeholders",
        domain="[('is_stakeholder', '=', True)]",
        tracking=True,
    )
    stakeholder_type_ids = fields.Many2many(
        "srm.stakeholder.type",
        string="Stakeholder Types",
        compute="_compute_stakeholder_type_ids",
        search="_search_stakeholder_type_ids",
    )
    engagement_id = fields.Many2one(
        "srm.engagement",
        index="btree_not_null",
        ondelete="set null",
        check_company=True,
        tracking=True,
        help="The meeting, letter or consultation where the commitment was made.",
    )
    category_id = fields.Many2one("srm.commitment.category", index=True, tracking=True)
    source = fields.Selection(SOURCES, default="verbal", tracking=True)
    priority = fields.Selection(PRIORITIES, default="0", index=True)
    date_due = fields.Date(string="Due Date", required=True, index=True, tracking=True)
    state = fields.Selection(
        STATES,
        string="Status",
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
        group_expand="_read_group_expand_states",
    )
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_is_overdue",
        store=True,
        index=True,
        help="Not fulfilled nor cancelled, and its due date has passed. Refreshed every day.",
    )
    progress = fields.Integer(tracking=True, help="Progress towards fulfilment, in percent.")
    date_fulfilled = fields.Date(string="Fulfilment Date", copy=False, tracking=True)
    evidence_note = fields.Html(
        string="Evidence",
        copy=False,
        help="How the commitment was met: what was done, when, who confirmed it.",
    )
    evidence_attachment_ids = fields.Many2many(
        "ir.attachment",
        "srm_commitment_evidence_attachment_rel",
        "commitment_id",
        "attachment_id",
        string="Evidence Documents",
        copy=False,
        help="Minutes, photos, receipts, reports... showing the commitment was fulfilled.",
    )
    has_evidence = fields.Boolean(compute="_compute_has_evidence")
    date_reminder = fields.Date(string="Reminder Date", compute="_compute_date_reminder", store=True, index=True)
    reminder_sent_date = fields.Date(string="Reminder Sent On", readonly=True, copy=False)
    escalation_date = fields.Date(string="Escalated On", readonly=True, copy=False)
    escalation_user_id = fields.Many2one("res.users", string="Escalated To", readonly=True, copy=False)
    digest_pending = fields.Boolean(
        string="To List in a Digest",
        readonly=True,
        copy=False,
        help="Reminded or escalated, and not yet listed in the message sent to the person concerned.",
    )
    recurrence_id = fields.Many2one(
        "srm.commitment.recurrence",
        string="Recurring Series",
        index="btree_not_null",
        ondelete="set null",
        check_company=True,
        copy=False,
    )
    recurrence_date = fields.Date(
        string="Date in the Series",
        readonly=True,
        copy=False,
        help="The date the series planned this occurrence for.",
    )
    color = fields.Integer(related="category_id.color")

    def init(self):
        # partial indexes for the daily follow-up: only the commitments still to remind or escalate
        active = ", ".join(f"'{state}'" for state in ACTIVE_STATES)
        tools.create_index(
            self.env.cr,
            "srm_commitment_reminder_todo_index",
            self._table,
            ["date_reminder", "id"],
            where=f"reminder_sent_date IS NULL AND state IN ({active})",
        )
        tools.create_index(
            self.env.cr,
            "srm_commitment_escalation_todo_index",
            self._table,
            ["date_due", "id"],
            where=f"escalation_date IS NULL AND state IN ({active})",
        )
        # the overview's overdue commitments per project: a few rows of a large table
        tools.create_index(
            self.env.cr,
            "srm_commitment_overdue_project_index",
            self._table,
            ["project_id", "company_id"],
            where="is_overdue",
        )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("date_due", "state")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for commitment in self:
            commitment.is_overdue = bool(
                commitment.state in ACTIVE_STATES and commitment.date_due and commitment.date_due < today
            )

    @api.depends("date_due", "reminder_days")
    def _compute_date_reminder(self):
        for commitment in self:
            commitment.date_reminder = commitment.date_due and commitment.date_due - timedelta(
                days=max(commitment.reminder_days, 0)
            )

    @api.depends("partner_ids.stakeholder_type_id")
    def _compute_stakeholder_type_ids(self):
        for commitment in self:
            commitment.stakeholder_type_ids = commitment.partner_ids.stakeholder_type_id

    def _search_stakeholder_type_ids(self, operator, value):
        return [("partner_ids.stakeholder_type_id", operator, value)]

    @api.depends("evidence_note", "evidence_attachment_ids")
    def _compute_has_evidence(self):
        for commitment in self:
            commitment.has_evidence = bool(
                commitment.evidence_attachment_ids or not tools.is_html_empty(commitment.evidence_note)
            )

    @api.depends("reference", "name")
    def _compute_display_name(self):
        for commitment in self:
            commitment.display_name = (
                f"{commitment.reference} {commitment.name}" if commitment.reference else commitment.name
            )

    def _read_group_expand_states(self, states, domain):
        return [key for key, _label in STATES]

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("state", "evidence_note", "evidence_attachment_ids")
    def _check_evidence(self):
        self.filtered(lambda c: c.state == "fulfilled")._check_has_evidence()

    def _check_has_evidence(self):
        missing = self.filtered(lambda c: not c.has_evidence)
        if missing:
            raise ValidationError(
                self.env._(
                    "A commitment is fulfilled on evidence. Describe how %(names)s was met in "
                    "the Evidence tab, or attach a document (minutes, photo, report, receipt).",
                    names=", ".join(missing.mapped("display_name")),
                )
            )

    @api.constrains("progress")
    def _check_progress(self):
        if any(not 0 <= c.progress <= 100 for c in self):
            raise ValidationError(self.env._("The progress is a percentage, from 0 to 100."))

    @api.constrains("date_fulfilled")
    def _check_date_fulfilled(self):
        today = fields.Date.context_today(self)
        if any(c.date_fulfilled and c.date_fulfilled > today for c in self):
            raise ValidationError(self.env._("A commitment cannot be fulfilled on a future date."))

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        today = fields.Date.context_today(self)
        for vals in vals_list:
            self._sync_visibility_vals(vals, create=True)
            # historical commitments can be imported; new ones cannot start late
            if (
                vals.get("date_due")
                and fields.Date.to_date(vals["date_due"]) < today
                and not self.env.context.get("import_file")
            ):
                raise ValidationError(
                    self.env._(
                        "The due date of the new commitment “%(name)s” (%(date)s) is before today: "
                        "a new commitment must be due today or later.",
                        name=vals.get("name") or "",
                        date=format_date(self.env, vals["date_due"]),
                    )
                )
        self._check_confidential_rights(vals_list)
        self._assign_references(vals_list)
        commitments = super().create(vals_list)
        commitments._attach_evidence_documents()
        if not self.env.context.get("srm_commitment_no_assign_activity"):
            commitments._schedule_assignment_activities()
        return commitments

    def write(self, vals):
        self._sync_visibility_vals(vals)
        self._check_confidential_rights([vals])
        rescheduled = owner_changed = self.browse()
        if "date_due" in vals:
            new_date = fields.Date.to_date(vals["date_due"])
            rescheduled = self.filtered(lambda c: c.date_due != new_date)
        if "user_id" in vals:
            owner_changed = self.filtered(lambda c: c.user_id.id != vals["user_id"])
        res = super().write(vals)
        if rescheduled:
            rescheduled._reset_follow_up()
        if owner_changed:
            owner_changed._reassign_owner_activities()
        if "evidence_attachment_ids" in vals:
            self._attach_evidence_documents()
        return res

    @api.model
    def _assign_references(self, vals_list):
        """COM-2026-0001: one numbering per company."""
        todo = [vals for vals in vals_list if not vals.get("reference")]
        if not todo:
            return
        company_ids = {vals.get("company_id") or self.env.company.id for vals in todo}
        sequences = self._reference_sequences(self.env["res.company"].browse(company_ids))
        for vals in todo:
            sequence = sequences[vals.get("company_id") or self.env.company.id]
            vals["reference"] = sequence.next_by_id()

    @api.model
    def _reference_sequences(self, companies):
        Sequence = self.env["ir.sequence"].sudo()
        sequences = {
            seq.company_id.id: seq
            for seq in Sequence.search([("code", "=", SEQUENCE_CODE), ("company_id", "in", companies.ids)])
        }
        missing = companies.filtered(lambda c: c.id not in sequences)
        if missing:
            model = self.env.ref("srm_commitments.seq_srm_commitment", raise_if_not_found=False)
            for company in missing:
                sequences[company.id] = Sequence.create(
                    {
                        "name": self.env._("Commitments (%s)", company.name),
                        "code": SEQUENCE_CODE,
                        "company_id": company.id,
                        "prefix": model.prefix if model else "COM-%(year)s-",
                        "padding": model.padding if model else 4,
                    }
                )
        return sequences

    def _attach_evidence_documents(self):
        """Documents uploaded on a commitment not saved yet belong to it once saved."""
        orphans = self.evidence_attachment_ids.filtered(lambda a: not a.res_id and a.res_model in (False, self._name))
        for commitment in self:
            mine = orphans & commitment.evidence_attachment_ids
            if mine:
                mine.sudo().write({"res_model": self._name, "res_id": commitment.id})

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        today = fields.Date.context_today(self)
        for commitment, vals in zip(self, vals_list, strict=True):
            if commitment.date_due and commitment.date_due < today:
                vals["date_due"] = today
        return vals_list

    # ------------------------------------------------------------------
    # Activities of the owner
    # ------------------------------------------------------------------

    def _follow_up_activity_types(self, xmlids=FOLLOW_UP_ACTIVITIES):
        return self.env["mail.activity.type"].browse(
            [self.env["ir.model.data"]._xmlid_to_res_id(xmlid) for xmlid in xmlids]
        )

    def _pending_activities(self, xmlids):
        if not self:
            return self.env["mail.activity"]
        return (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("activity_type_id", "in", self._follow_up_activity_types(xmlids).ids),
                ]
            )
        )

    def _activity_values(self, xmlid, user, date_deadline, note=None):
        self.ensure_one()
        return {
            "activity_type_id": self.env["ir.model.data"]._xmlid_to_res_id(xmlid),
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
            "user_id": user.id,
            "date_deadline": date_deadline,
            "automated": True,
            "note": note or False,
        }

    def _create_activities(self, vals_list):
        """Activities in one batch. The people concerned are told by the assignment
        notification of mail (owner) or by one digest per person (reminders, escalations),
        not by one email per activity."""
        if not vals_list:
            return self.env["mail.activity"]
        return self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(vals_list)

    def _readable_by(self, user):
        """The commitments of ``self`` that ``user`` may read: one search applying their
        access rights and record rules, whatever the number of commitments."""
        if not user or not self:
            return self.browse()
        as_user = self.browse().with_user(user).with_context(active_test=False)
        if not as_user.has_access("read"):  # the access rights of the model (no record given)
            return self.browse()
        readable = set(as_user.search([("id", "in", self.ids)]).ids)
        return self.filtered(lambda c: c.id in readable)

    def _by_owner_readable(self):
        """{owner: their commitments of ``self`` that they may read}."""
        return {
            owner: readable
            for owner, commitments in self.filtered("user_id").grouped("user_id").items()
            if (readable := commitments._readable_by(owner))
        }

    def _schedule_assignment_activities(self):
        """The owner of an open commitment has an activity to fulfil it, once."""
        todo = self.filtered(lambda c: c.user_id and c.state in ACTIVE_STATES)
        if not todo:
            return
        already = set(todo._pending_activities([ACTIVITY_ASSIGNED]).mapped("res_id"))
        today = fields.Date.context_today(self)
        todo._create_activities(
            [
                commitment._activity_values(ACTIVITY_ASSIGNED, owner, today)
                for owner, commitments in todo._by_owner_readable().items()
                for commitment in commitments
                if commitment.id not in already
            ]
        )

    def _reassign_owner_activities(self):
        """A new owner takes over the pending activities of the former one."""
        pending = self._pending_activities([ACTIVITY_ASSIGNED, ACTIVITY_REMINDER])
        for commitment in self:
            mine = pending.filtered(lambda a, c=commitment: a.res_id == c.id)
            if commitment.user_id and mine:
                mine.with_context(mail_activity_quick_update=True).write({"user_id": commitment.user_id.id})
            elif not commitment.user_id:
                mine.unlink()
        if not self.env.context.get("srm_commitment_no_assign_activity"):
            self._schedule_assignment_activities()

    def _reset_follow_up(self):
        """A new due date: remind and escalate again, drop what the old date caused."""
        self._pending_activities([ACTIVITY_REMINDER, ACTIVITY_ESCALATION]).unlink()
        self._write_follow_up_markers(
            {"reminder_sent_date": False, "escalation_date": False, "escalation_user_id": False}
        )

    def _write_follow_up_markers(self, values):
        """What the daily job did: bookkeeping, not tracked in the chatter."""
        self.with_context(tracking_disable=True).write(values)

    def _close_follow_up(self):
        self._pending_activities(FOLLOW_UP_ACTIVITIES).unlink()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _check_state(self, allowed, action):
        wrong = self.filtered(lambda c: c.state not in allowed)
        if wrong:
            states = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "%(action)s is not possible for %(name)s: it is %(state)s.",
                    action=action,
                    name=wrong[0].display_name,
                    state=states[wrong[0].state],
                )
            )

    def action_confirm(self):
        self._check_state(("draft",), self.env._("Confirming"))
        self.write({"state": "open"})
        return True

    def action_start(self):
        self._check_state(("draft", "open"), self.env._("Starting"))
        self.write({"state": "in_progress"})
        return True

    def action_fulfill(self):
        self._check_state(ACTIVE_STATES, self.env._("Fulfilling"))
        # raise before writing anything: the constraint would say the same afterwards
        self._check_has_evidence()
        today = fields.Date.context_today(self)
        dated = self.filtered("date_fulfilled")
        dated.write({"state": "fulfilled", "progress": 100})
        (self - dated).write({"state": "fulfilled", "progress": 100, "date_fulfilled": today})
        self._close_follow_up()
        return True

    def action_cancel(self):
        self._check_state(ACTIVE_STATES, self.env._("Cancelling"))
        self.write({"state": "cancelled"})
        self._close_follow_up()
        return True

    def action_reopen(self):
        """Back to open; the tracking keeps when and by whom it was fulfilled or cancelled."""
        self._check_state(CLOSED_STATES, self.env._("Reopening"))
        self.write({"state": "open", "date_fulfilled": False})
        self._reset_follow_up()
        self._schedule_assignment_activities()
        return True

    def action_draft(self):
        self._check_state(("open",), self.env._("Resetting to draft"))
        self.write({"state": "draft"})
        return True

    def action_open_recurrence(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "srm.commitment.recurrence",
            "res_id": self.recurrence_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_make_recurring(self):
        """Open a new series prefilled from this commitment, which becomes its first occurrence."""
        self.ensure_one()
        if self.recurrence_id:
            raise UserError(self.env._("%s is already part of a recurring series.", self.display_name))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Recurring Commitment"),
            "res_model": "srm.commitment.recurrence",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": {
                "srm_commitment_origin_id": self.id,
                "default_name": self.name,
                "default_description": self.description,
                "default_partner_ids": [Command.set(self.partner_ids.ids)],
                "default_project_id": self.project_id.id,
                "default_company_id": self.company_id.id,
                "default_engagement_id": self.engagement_id.id,
                "default_category_id": self.category_id.id,
                "default_source": self.source,
                "default_user_id": self.user_id.id,
                "default_team_id": self.team_id.id,
                "default_priority": self.priority,
                "default_visibility": self.visibility,
                "default_reminder_days": self.reminder_days,
                "default_date_start": self.date_due,
            },
        }

    # ------------------------------------------------------------------
    # Daily follow-up: overdue flag, reminders, escalation
    # ------------------------------------------------------------------

    @api.model
    def _cron_process_commitments(self, batch_size=BATCH_SIZE):
        """Daily job: refresh the overdue flag, extend the recurring series, remind
        the owners of commitments due soon and escalate the overdue ones.

        The commitments to remind or escalate go by batches of ``batch_size`` (see
        ``srm.cron.batch``); each batch marks what it did (``reminder_sent_date``,
        ``escalation_date``), so that running the job again, or after an interruption,
        neither repeats nor forgets anything. Each owner and manager then gets one
        message listing what concerns them.
        """
        today = fields.Date.context_today(self)
        self._refresh_overdue(today)
        self.env["srm.commitment.recurrence"]._cron_generate_occurrences(today)
        todo = self.search(self._follow_up_domain(today), order="id")
        done = self.env["srm.cron.batch"]._srm_process(
            todo, "_follow_up", batch_size, description="Commitments: reminders and escalations"
        )
        self._send_digests()
        return done

    @api.model
    def _refresh_overdue(self, today):
        """The overdue flag depends on today: set it in one query for the whole table."""
        self.flush_model(["state", "date_due", "is_overdue"])
        overdue = SQL(
            "(state IN %s AND date_due IS NOT NULL AND date_due < %s)",
            ACTIVE_STATES,
            today,
        )
        self.env.cr.execute(
            SQL(
                "UPDATE %s SET is_overdue = %s WHERE is_overdue IS DISTINCT FROM %s",
                SQL.identifier(self._table),
                overdue,
                overdue,
            )
        )
        self.invalidate_model(["is_overdue"])
        return self.env.cr.rowcount

    @api.model
    def _reminder_domain(self, today):
        return [
            ("state", "in", ACTIVE_STATES),
            ("reminder_sent_date", "=", False),
            ("date_reminder", "<=", today),
            ("date_due", ">=", today),
        ]

    @api.model
    def _escalation_domain(self, today):
        return [
            ("state", "in", ACTIVE_STATES),
            ("escalation_date", "=", False),
            ("date_due", "<", today),
        ]

    @api.model
    def _follow_up_domain(self, today):
        return expression.OR([self._reminder_domain(today), self._escalation_domain(today)])

    @api.model
    def _follow_up_remaining(self, today):
        return self.search_count(self._follow_up_domain(today))

    @api.model
    def _process_follow_up_batch(self, today, batch_size=BATCH_SIZE):
        """Remind or escalate at most ``batch_size`` commitments and tell the people
        concerned at once; return how many."""
        todo = self.search(self._follow_up_domain(today), limit=batch_size, order="id")
        todo._follow_up(today)
        self._send_digests()
        return len(todo)

    def _follow_up(self, today=None):
        """Remind or escalate the commitments that still need it, checked again here
        (a batch may run twice); their people are told by ``_send_digests``."""
        today = today or fields.Date.context_today(self)
        if not self:
            return
        # the state of each commitment read again, with only the fields the job uses
        batch = [("id", "in", self.ids)]
        to_remind = self.search_fetch(
            expression.AND([batch, self._reminder_domain(today)]), FOLLOW_UP_FIELDS, order="id"
        )
        to_escalate = self.search_fetch(
            expression.AND([batch, self._escalation_domain(today)]), FOLLOW_UP_FIELDS, order="id"
        )
        todo = to_remind | to_escalate
        if not todo:
            return
        lookups = {
            "already": todo._pending_activity_ids([ACTIVITY_REMINDER, ACTIVITY_ESCALATION]),
            "readable": {},  # user: ids of the batch they may read, looked up once per user
        }
        to_remind._send_reminders(today, todo, lookups)
        to_escalate._escalate(today, todo, lookups)

    def _pending_activity_ids(self, xmlids):
        """{activity type xmlid: ids of the commitments of ``self`` with such an activity}."""
        type_ids = {self.env["ir.model.data"]._xmlid_to_res_id(xmlid): xmlid for xmlid in xmlids}
        pending = {xmlid: set() for xmlid in xmlids}
        if not self:
            return pending
        activities = (
            self.env["mail.activity"]
            .sudo()  # sudo: which commitments already have the job's activities, whoever they are assigned to
            .search_fetch(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("activity_type_id", "in", list(type_ids)),
                ],
                ["res_id", "activity_type_id"],
            )
        )
        for activity in activities:
            pending[type_ids[activity.activity_type_id.id]].add(activity.res_id)
        return pending

    def _readable_ids(self, user, scope, lookups):
        """Ids of ``scope`` (the batch) that ``user`` may read: one search per user and batch."""
        readable = lookups["readable"]
        if user not in readable:
            readable[user] = set(scope._readable_by(user).ids)
        return readable[user]

    def _send_reminders(self, today, scope=None, lookups=None):
        """A reminder activity for the owner, who will find it in their digest."""
        if not self:
            return
        scope = scope or self
        if lookups is None:
            lookups = {"already": scope._pending_activity_ids([ACTIVITY_REMINDER]), "readable": {}}
        already = lookups["already"][ACTIVITY_REMINDER]
        # owners who may read their commitment, and have no reminder of it yet
        told = self.filtered(
            lambda c: c.user_id and c.id not in already and c.id in self._readable_ids(c.user_id, scope, lookups)
        )
        Batch = self.env["srm.cron.batch"]
        Batch._srm_schedule_activities(
            self._name,
            [(commitment, commitment.user_id, False, False, commitment.date_due) for commitment in told],
            self.env.ref(ACTIVITY_REMINDER),
        )
        Batch._srm_write_marks(told, {"reminder_sent_date": today, "digest_pending": True})
        Batch._srm_write_marks(self - told, {"reminder_sent_date": today})

    def _escalate(self, today, scope=None, lookups=None):
        """Overdue: a note on the commitment and an activity for the manager, who will
        find it in their digest."""
        if not self:
            return
        scope = scope or self
        if lookups is None:
            lookups = {"already": scope._pending_activity_ids([ACTIVITY_ESCALATION]), "readable": {}}
        targets = self._escalation_targets(scope, lookups)
        already = lookups["already"][ACTIVITY_ESCALATION]
        bodies = {}
        activities = []
        date_formats = {}  # language: its date format, read once
        for commitment in self:
            target = targets[commitment.id]
            lang_env = self.with_context(lang=target.lang or self.env.lang).env if target else self.env
            if lang_env.lang not in date_formats:
                date_formats[lang_env.lang] = get_lang(lang_env).date_format
            due = commitment.date_due.strftime(date_formats[lang_env.lang])
            if target:
                bodies[commitment.id] = Markup("<p>%s</p>") % lang_env._(
                    "Overdue since %(date)s: escalated to %(user)s.", date=due, user=target.name
                )
                if commitment.id not in already:
                    activities.append((commitment, target, False, False, today))
            else:
                bodies[commitment.id] = Markup("<p>%s</p>") % self.env._(
                    "Overdue since %(date)s, and nobody to escalate to: set an escalation user on "
                    "the team or a manager on the project.",
                    date=due,
                )
        Batch = self.env["srm.cron.batch"]
        Batch._srm_log_notes(self, bodies)
        Batch._srm_schedule_activities(self._name, activities, self.env.ref(ACTIVITY_ESCALATION))
        Batch._srm_write_marks(
            self,
            {
                "escalation_date": today,
                "escalation_user_id": {commitment_id: target.id for commitment_id, target in targets.items()},
                "digest_pending": {commitment_id: bool(target) for commitment_id, target in targets.items()},
            },
        )

    def _escalation_targets(self, scope=None, lookups=None):
        """{commitment id: user} the overdue commitment is escalated to.

        The escalation user of the team first, then the manager of the project;
        somebody else than the owner, who may read the commitment (its company,
        project and confidentiality); failing that, the owner. Who may read is looked
        up only for the people reached in that order, once per person and batch.
        """
        scope = scope or self
        lookups = {"readable": {}} if lookups is None else lookups
        nobody = self.env["res.users"]
        targets = {}
        for commitment in self:
            owner = commitment.user_id
            candidates = [
                user
                for user in (commitment.team_id.escalation_user_id, commitment.project_id.user_id, owner)
                if user and user.active and not user.share
            ]
            target = next(
                (
                    user
                    for user in candidates
                    if user != owner and commitment.id in self._readable_ids(user, scope, lookups)
                ),
                None,
            )
            if target is None:
                target = (
                    owner
                    if owner in candidates and commitment.id in self._readable_ids(owner, scope, lookups)
                    else nobody
                )
            targets[commitment.id] = target
        return targets

    @api.model
    def _send_digests(self):
        """One message per person and kind for what was reminded or escalated since the
        last digests: the owner for reminders, the manager for escalations."""
        pending = self.search_fetch(
            [("digest_pending", "=", True)], ["escalation_date", "escalation_user_id", "user_id"], order="date_due, id"
        )
        if not pending:
            return
        texts = {
            "reminder": (
                lambda env: env._("Commitments due soon"),
                lambda env: env._(
                    "These commitments you own are due soon. Fulfil them, or record their "
                    "progress and agree a new date with the stakeholders:"
                ),
            ),
            "escalation": (
                lambda env: env._("Overdue commitments escalated to you"),
                lambda env: env._(
                    "These commitments are overdue. Please check with their owners how and when they will be fulfilled:"
                ),
            ),
        }
        digests = defaultdict(list)
        for commitment in pending:
            if commitment.escalation_date:
                digests[("escalation", commitment.escalation_user_id)].append(commitment.id)
            else:
                digests[("reminder", commitment.user_id)].append(commitment.id)
        for (kind, user), ids in digests.items():
            if user:
                subject, intro = texts[kind]
                self.browse(ids)._notify_digest(user, subject, intro)
        self.env["srm.cron.batch"]._srm_write_marks(pending, {"digest_pending": False})

    def _notify_digest(self, user, subject, intro):
        """One message to ``user`` listing these commitments, in their language.

        Only the commitments the user may read are listed, the first
        ``DIGEST_LINES`` of them (a link opens them all)."""
        commitments = self._readable_by(user)
        if not commitments:
            return
        env = self.with_context(lang=user.lang or self.env.lang).env
        dates = {}
        for date_due in set(commitments[:DIGEST_LINES].mapped("date_due")):
            dates[date_due] = format_date(env, date_due)
        items = Markup("").join(
            Markup('<li><a href="/odoo/%s/%s">%s</a> — %s</li>')
            % (self._name, commitment.id, commitment.display_name, dates[commitment.date_due])
            for commitment in commitments[:DIGEST_LINES]
        )
        body = Markup("<p>%s</p><ul>%s</ul>") % (escape(intro(env)), items)
        if len(commitments) > DIGEST_LINES:
            body += Markup('<p><a href="/odoo/action-srm_commitments.srm_commitment_action">%s</a></p>') % env._(
                "… and %s more in the commitments register.", len(commitments) - DIGEST_LINES
            )
        self.env["srm.commitment"].message_notify(
            partner_ids=user.partner_id.ids,
            subject=subject(env),
            body=body,
            email_layout_xmlid="mail.mail_notification_light",
        )
