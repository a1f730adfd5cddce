# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
import threading
from collections import defaultdict

from odoo import api, fields, models, modules
from odoo.tools import SQL
from odoo.tools.mail import generate_tracking_message_id

_logger = logging.getLogger(__name__)


class SrmCronBatch(models.AbstractModel):
    """Long scheduled work, done in batches.

    Every scheduled job of the suite that goes over many records hands them to
    :meth:`_srm_process`: it calls the given method on each batch, commits
    after each batch (never in tests, whose transaction must stay whole) and
    reports its progress to the running cron, so that Odoo runs the job again
    while work remains if it is interrupted. A job-queue bridge may override
    :meth:`_srm_process` to run each batch as a job on ``channel`` instead.

    The method called must be idempotent per batch: running a batch twice
    (after an interruption, or by two workers) does no harm, because it checks
    again the state of each record before acting on it.

    Jobs that schedule activities or log notes on thousands of records at once
    write them with :meth:`_srm_schedule_activities` and :meth:`_srm_log_notes`, and
    the marks of what they did with :meth:`_srm_write_marks`.
    """

    _name = "srm.cron.batch"
    _description = "Batched background work"

    @api.model
    def _srm_can_commit(self):
        """Whether finished batches may be committed: never in tests (their
        transaction is rolled back at the end)."""
        return not (
            modules.module.current_test
            or getattr(threading.current_thread(), "testing", False)
            or self.env.registry.in_test_mode()
        )

    @api.model
    def _srm_process(self, records, method, batch_size=500, channel="root.srm", description=None):
        """Call ``records[batch].<method>()`` for each batch of ``records`` (a recordset);
        outside tests commit after each batch and report progress to the running cron
        (Odoo 18's ir.cron._notify_progress(done=..., remaining=...)), so that the cron is re-run
        while work remains; returns the number of records processed.
        ``channel``/``description`` are for job-queue overrides (a bridge module runs each
        batch as a job on that channel instead)."""
        if batch_size < 1:
            raise ValueError("batch_size must be a positive integer")
        can_commit = self._srm_can_commit()
        total = len(records)
        done = 0
        for start in range(0, total, batch_size):
            # a slice prefetches its own records only: memory stays flat over large sets
            batch = records[start : start + batch_size]
            getattr(batch, method)()
            done += len(batch)
            self.env["ir.cron"]._notify_progress(done=done, remaining=total - done)
            if can_commit:
                # the batch is kept if a later one fails; the cron then runs again
                # for what remains (the method re-checks the state of each record)
                self.env.cr.commit()  # pylint: disable=invalid-commit
                # the records of the batches done are no longer needed in memory
                self.env.invalidate_all()
        if total:
            _logger.debug("%s: %s.%s over %s records", description or method, records._name, method, done)
        return done

    @api.model
    def _srm_schedule_activities(self, model_name, todo, activity_type):
        """Schedule the activities of a scheduled job, ``[(record, user, summary, note,
        date_deadline)]`` (``note``: safe HTML or False; ``date_deadline``: False for
        today), with one INSERT for the followers and one for the activities, however many
        there are; return how many were created.

        A job that escalates or reminds tens of thousands of records at once (after an
        import, or a pause of the scheduler) would spend most of its time in
        mail.activity's create: sanitizing each note again, computing each document's
        name, notifying each assignee of each activity. The rows get the values that
        create gives (document model and name, the assignee's time zone, automated,
        active) and, as with create, each assignee follows the record (default subtypes
        of an internal user) and has the activity counter of their menu refreshed.
        Not for interactive use: the caller has chosen assignees who may read the
        records (internal users) and tells them of their activities, e.g. with one
        digest per person; an activity whose assignee may not read its SRM record
        (another project or company) is left out, as create would refuse it.
        """
        todo = [activity for activity in todo if activity[1]]
        if not todo:
            return 0
        # scheduled jobs run as the superuser; anybody else must be allowed to create activities
        self.env["mail.activity"].check_access("create")
        todo = self._srm_activities_readable(model_name, todo)
        if not todo:
            return 0
        self.env.flush_all()
        cr = self.env.cr
        subtype_ids = self.env["mail.message.subtype"]._default_subtypes(model_name)[0]
        followers = sorted({(record.id, user.partner_id.id) for record, user, *_values in todo})
        cr.execute(
            SQL(
                """WITH new AS (
                       INSERT INTO mail_followers (res_model, res_id, partner_id)
                       SELECT %s, res_id, partner_id FROM unnest(%s::int[], %s::int[]) AS f(res_id, partner_id)
                       ON CONFLICT DO NOTHING
                       RETURNING id
                   )
                   INSERT INTO mail_followers_mail_message_subtype_rel (mail_followers_id, mail_message_subtype_id)
                   SELECT new.id, subtype_id FROM new CROSS JOIN unnest(%s::int[]) AS subtype_id""",
                model_name,
                [res_id for res_id, _partner_id in followers],
                [partner_id for _res_id, partner_id in followers],
                subtype_ids,
            )
        )
        now = cr.now()
        today = fields.Date.context_today(self)
        rows = [
            (
                record.id,
                record.display_name,
                summary or None,
                str(note) if note else None,
                user.id,
                user.tz or None,
                deadline or today,
            )
            for record, user, summary, note, deadline in todo
        ]
        cr.execute(
            SQL(
                """INSERT INTO mail_activity (res_model_id, res_model, activity_type_id, automated, active,
                                              create_uid, write_uid, create_date, write_date,
                                              res_id, res_name, summary, note, user_id, user_tz, date_deadline)
                   SELECT %s, %s, %s, true, true, %s, %s, %s, %s, todo.*
                     FROM unnest(%s::int[], %s::varchar[], %s::varchar[], %s::text[], %s::int[], %s::varchar[],
                                 %s::date[]) AS todo""",
                self.env["ir.model"]._get_id(model_name),
                model_name,
                activity_type.id,
                self.env.uid,
                self.env.uid,
                now,
                now,
                *(list(column) for column in zip(*rows, strict=True)),
            )
        )
        # the records' followers and activities (and what is computed from them) are read again
        self._srm_invalidate_mail(self.env[model_name].browse(sorted({record.id for record, *_values in todo})))
        for user in {user for _record, user, *_values in todo}:
            user._bus_send("mail.activity/updated", {"activity_created": True})
        return len(todo)

    @api.model
    def _srm_activities_readable(self, model_name, todo):
        """The activities of ``todo`` whose assignee may read the record, as mail.activity's
        create demands of an SRM record (``_check_srm_confidential_assignee``): one check
        per assignee, however many records."""
        Model = self.env[model_name]
        if not isinstance(Model, self.env.registry["srm.secured.mixin"]):
            return todo
        record_ids = defaultdict(set)
        for record, user, *_values in todo:
            record_ids[user].add(record.id)
        readable = {user: set(Model.browse(ids)._srm_readable_by(user).ids) for user, ids in record_ids.items()}
        return [activity for activity in todo if activity[0].id in readable[activity[1]]]

    @api.model
    def _srm_log_notes(self, records, bodies):
        """Log the note ``bodies[record.id]`` (safe HTML) on each of ``records``, with one
        INSERT however many there are; return how many were logged.

        The values are those of mail.thread's ``_message_log_batch`` (an internal note of
        the job's user, nobody notified), written without mail.message's create, which
        sanitizes and checks each message again: a job logging on tens of thousands of
        records would spend most of its time there. Not for interactive use: the
        bodies are built by the job from escaped values.
        """
        records = records.filtered(lambda record: record.id in bodies)
        if not records:
            return 0
        # scheduled jobs run as the superuser; anybody else must be allowed to log notes
        self.env["mail.message"].check_access("create")
        self.env.flush_all()
        author_id, email_from = records._message_compute_author(raise_on_email=False)
        now = self.env.cr.now()
        self.env.cr.execute(
            SQL(
                """INSERT INTO mail_message (model, message_type, subtype_id, is_internal, author_id, email_from,
                                             reply_to, email_add_signature, date, create_uid, write_uid,
                                             create_date, write_date, res_id, body, message_id)
                   SELECT %s, 'notification', %s, true, %s, %s, %s, false, %s, %s, %s, %s, %s, todo.*
                     FROM unnest(%s::int[], %s::text[], %s::varchar[]) AS todo""",
                records._name,
                self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note"),
                author_id,
                email_from,
                self.env["mail.thread"]._notify_get_reply_to(default=email_from)[False],
                now,
                self.env.uid,
                self.env.uid,
                now,
                now,
                records.ids,
                [str(bodies[record.id]) for record in records],
                [generate_tracking_message_id("message-notify") for _record in records],
            )
        )
        # the records' messages (and what is computed from them) are read again
        self._srm_invalidate_mail(records)
        return len(records)

    @api.model
    def _srm_invalidate_mail(self, records):
        """Forget what the cache holds of ``records``' messages, followers and activities
        (written in SQL above): their relational and computed fields. Their columns did not
        change, nor did other records: a batch keeps them in the cache instead of reading
        everything again."""
        records.invalidate_recordset(
            [name for name, field in records._fields.items() if not (field.store and field.column_type)], flush=False
        )

    @api.model
    def _srm_write_marks(self, records, values):
        """Write the marks of what a scheduled job did on ``records`` with one UPDATE,
        however many there are: ``values`` maps each field name to the value of every
        record, or to a dict ``{record id: value}`` (many2one fields take ids, False for
        none). ``write_uid`` and ``write_date`` are set as ``write`` sets them, and the
        fields computed from the marks are recomputed.

        For the job's bookkeeping fields only (read-only dates, flags, the user it
        escalated to), which no ``write`` override reacts to and nobody tracks: the ORM's
        ``write`` would spend more time in Python than the database in the UPDATE, and
        split it in statements of 100 rows.
        """
        if not records or not values:
            return 0
        # scheduled jobs run as the superuser; anybody else must be allowed to write the records
        records.check_access("write")
        fnames = sorted(values)
        fields_ = [records._fields[fname] for fname in fnames]
        # plain columns only: a translated or company-dependent field is a jsonb of several
        # values, a tracked one would change without its tracking
        assert all(
            field.store
            and field.column_type
            and not field.translate
            and not field.company_dependent
            and not getattr(field, "tracking", None)
            for field in fields_
        )
        records.flush_recordset([*fnames, "write_uid", "write_date"])
        records.modified(fnames, before=True)
        columns = []
        for field in fields_:
            value = values[field.name]
            if isinstance(value, dict):
                converted = {}  # few distinct values (a date, a flag, a few users): each converted once
                column = []
                for record_id in records._ids:
                    item = value[record_id]
                    if item not in converted:
                        converted[item] = field.convert_to_column(item, records)
                    column.append(converted[item])
            else:
                column = [field.convert_to_column(value, records)] * len(records)
            columns.append(column)
        now = self.env.cr.now()
        self.env.cr.execute(
            SQL(
                """UPDATE %(table)s AS t SET %(assignments)s, write_uid = %(uid)s, write_date = %(now)s
                     FROM unnest(%(ids)s::int[], %(arrays)s) AS v(id, %(names)s)
                    WHERE t.id = v.id""",
                table=SQL.identifier(records._table),
                assignments=SQL(", ").join(
                    SQL("%s = v.%s", SQL.identifier(fname), SQL.identifier(fname)) for fname in fnames
                ),
                uid=self.env.uid,
                now=now,
                ids=list(records._ids),
                arrays=SQL(", ").join(
                    SQL("%s::%s[]", column, SQL(field.column_type[1]))
                    for field, column in zip(fields_, columns, strict=True)
                ),
                names=SQL(", ").join(SQL.identifier(fname) for fname in fnames),
            )
        )
        # read again when needed, as after write()
        records.invalidate_recordset([*fnames, "write_uid", "write_date"], flush=False)
        records.modified([*fnames, "write_uid", "write_date"])
        return len(records)
