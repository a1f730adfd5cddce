# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import contextmanager

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .common import CommitmentCase

REMINDER = "srm_commitments.mail_activity_type_commitment_reminder"
ESCALATION = "srm_commitments.mail_activity_type_commitment_escalation"


@tagged("post_install", "-at_install")
class TestFollowUpBatches(CommitmentCase):
    """The daily job goes by batches that may run twice (an interrupted run, a job
    retried): nothing is created twice, and each person still gets one message for
    what was done, even when the run stopped before sending it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["srm.commitment"].search([("state", "in", ("draft", "open", "in_progress"))]).write(
            {"state": "cancelled"}
        )
        cls.env["srm.commitment.recurrence"].search([]).active = False
        cls.team = cls.env["srm.commitment.team"].create(
            {"name": "Water Team", "member_ids": [Command.set(cls.colleague.ids)], "escalation_user_id": cls.lawyer.id}
        )
        with freeze_time("2027-03-01"):
            cls.soon = cls._commitment(due_in=9) | cls._commitment(due_in=10, user_id=cls.colleague.id)
            cls.late = (
                cls._commitment(due_in=2)
                | cls._commitment(due_in=3)
                | cls._commitment(due_in=4, user_id=cls.colleague.id)
            )

    def _digests(self, user):
        return self.env["mail.message"].search(
            [
                ("model", "=", False),
                ("message_type", "=", "user_notification"),
                ("partner_ids", "in", user.partner_id.ids),
            ]
        )

    def _count(self, xmlid):
        return len(self._activities(self.soon | self.late, xmlid))

    def test_a_batch_run_twice_creates_nothing_twice(self):
        Commitment = self.env["srm.commitment"]
        with freeze_time("2027-03-08"):
            todo = Commitment.search(Commitment._follow_up_domain(self.d("2027-03-08")), order="id")
            self.assertEqual(todo, self.soon | self.late)
            Batch = self.env["srm.cron.batch"]
            self.assertEqual(Batch._srm_process(todo, "_follow_up", batch_size=2), 5)
            self.assertEqual((self._count(REMINDER), self._count(ESCALATION)), (2, 3))
            notes = self.env["mail.message"].search_count(
                [("model", "=", "srm.commitment"), ("res_id", "in", self.late.ids)]
            )
            # the same batches again, as when a run is retried
            Batch._srm_process(todo, "_follow_up", batch_size=2)
            todo._follow_up()
            self.assertEqual((self._count(REMINDER), self._count(ESCALATION)), (2, 3))
            self.assertEqual(
                self.env["mail.message"].search_count(
                    [("model", "=", "srm.commitment"), ("res_id", "in", self.late.ids)]
                ),
                notes,
                "one escalation note per commitment",
            )
            # the run stopped before its messages: the next run sends them, once
            self.assertFalse(self._digests(self.officer))
            self._run_job()
            self._run_job()
            self.assertEqual(len(self._digests(self.officer)), 1, "the reminder of their commitment")
            self.assertEqual(len(self._digests(self.colleague)), 1, "the reminder of their commitment")
            self.assertEqual(len(self._digests(self.manager)), 1, "the escalation of the project's commitments")
            self.assertEqual(len(self._digests(self.lawyer)), 1, "the escalation of the team's commitment")
            self.assertEqual((self._count(REMINDER), self._count(ESCALATION)), (2, 3))
            self.assertFalse((self.soon | self.late).filtered("digest_pending"))

    def test_one_digest_per_person_per_run_of_small_batches(self):
        with freeze_time("2027-03-08"):
            done = self._run_job(batch_size=1)
            self.assertEqual(done, 5)
            self.assertEqual(len(self._digests(self.manager)), 1)
            digest = self._digests(self.manager)
            for commitment in self.late - self.late.filtered(lambda c: c.team_id == self.team):
                self.assertIn(commitment.reference, digest.body)
            self.assertEqual(len(self._digests(self.lawyer)), 1)
            self.assertEqual(len(self._digests(self.colleague)), 1)
            self.assertEqual(len(self._digests(self.officer)), 1, "their reminder; the escalation went to the manager")

    def test_who_may_read_is_asked_once_per_person_reached(self):
        """A batch asks who may read its commitments once per person it reaches: the
        owners of the commitments to remind, the team's escalation user and the project's
        manager of the overdue ones; not their owners, as somebody else may read them.
        The marks are written in one statement per kind, each commitment with its own
        escalation user."""
        Commitment = self.env["srm.commitment"]
        with freeze_time("2027-03-08"):
            todo = Commitment.search(Commitment._follow_up_domain(self.d("2027-03-08")), order="id")
            self.env.invalidate_all()
            # the marks read before the run are in the cache: the run must replace them there too
            self.assertFalse(any(self.late.mapped("escalation_date")))
            self.assertFalse(any(self.soon.mapped("reminder_sent_date")))
            queries = []
            with contextmanager(self._patchExecute)(queries):
                todo._follow_up()
            access_searches = [query for query in queries if query.startswith('SELECT "srm_commitment"."id" FROM')]
            self.assertEqual(len(access_searches), 4, "officer, colleague, lawyer, manager")
            updates = [query for query in queries if query.startswith('UPDATE "srm_commitment"')]
            self.assertEqual(len(updates), 2, "the reminders' marks, the escalations' marks")
            team_late = self.late.filtered(lambda c: c.team_id == self.team)
            self.assertEqual(
                [c.escalation_user_id for c in self.late],
                [self.lawyer if c in team_late else self.manager for c in self.late],
            )
            self.assertEqual(set(self.late.mapped("escalation_date")), {self.d("2027-03-08")})
            self.assertEqual(set(self.soon.mapped("reminder_sent_date")), {self.d("2027-03-08")})
            self.assertTrue(all((self.soon | self.late).mapped("digest_pending")))

    def _run_job(self, batch_size=500):
        return self.env["srm.commitment"]._cron_process_commitments(batch_size=batch_size)
