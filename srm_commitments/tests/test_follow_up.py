# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .common import CommitmentCase

ASSIGNED = "srm_commitments.mail_activity_type_commitment_assigned"
REMINDER = "srm_commitments.mail_activity_type_commitment_reminder"
ESCALATION = "srm_commitments.mail_activity_type_commitment_escalation"


@tagged("post_install", "-at_install")
class TestFollowUp(CommitmentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a register of its own: the commitments already in the database (demo data) are closed
        cls.env["srm.commitment"].search([("state", "in", ("draft", "open", "in_progress"))]).write(
            {"state": "cancelled"}
        )
        cls.env["srm.commitment.recurrence"].search([]).active = False
        cls.team = cls.env["srm.commitment.team"].create(
            {
                "name": "Land Team",
                "member_ids": [Command.set(cls.colleague.ids)],
                "escalation_user_id": cls.lawyer.id,
            }
        )

    def _run(self, batch_size=500):
        return self.env["srm.commitment"]._cron_process_commitments(batch_size=batch_size)

    def _snapshot(self):
        """Everything the daily job may write: activities and messages."""
        self.env.flush_all()
        return (
            self.env["mail.activity"].search_count([("res_model", "=", "srm.commitment")]),
            self.env["mail.message"].search_count([("model", "=", "srm.commitment")]),
            self.env["mail.message"].search_count([("message_type", "=", "user_notification")]),
        )

    def test_reminder_then_escalation(self):
        with freeze_time("2027-03-01"):
            commitment = self._commitment(due_in=19)  # due 20 March, reminded 7 days before
            self.assertEqual(commitment.date_reminder, self.d("2027-03-13"))
        with freeze_time("2027-03-12"):
            self._run()
            self.assertFalse(self._activities(commitment, REMINDER))
            self.assertFalse(commitment.reminder_sent_date)
        with freeze_time("2027-03-13"):
            self._run()
            reminder = self._activities(commitment, REMINDER)
            self.assertEqual(len(reminder), 1)
            self.assertEqual(reminder.user_id, self.officer)
            self.assertEqual(reminder.date_deadline, self.d("2027-03-20"))
            self.assertEqual(commitment.reminder_sent_date, self.d("2027-03-13"))
            digest = self._digests(self.officer)
            self.assertEqual(len(digest), 1)
            self.assertEqual(digest.subject, "Commitments due soon")
            self.assertIn(commitment.reference, digest.body)
            self.assertFalse(commitment.is_overdue)
        with freeze_time("2027-03-21"):
            self._run()
            self.assertTrue(commitment.is_overdue)
            escalation = self._activities(commitment, ESCALATION)
            self.assertEqual(len(escalation), 1)
            self.assertEqual(escalation.user_id, self.manager, "the manager of the project")
            self.assertEqual(escalation.date_deadline, self.d("2027-03-21"))
            self.assertEqual(commitment.escalation_user_id, self.manager)
            note = commitment.message_ids.filtered(lambda m: "Overdue since" in (m.body or ""))
            self.assertEqual(len(note), 1)
            self.assertIn("escalated to Olga Manager", note.body)
            digest = self._digests(self.manager)
            self.assertEqual(len(digest), 1)
            self.assertEqual(digest.subject, "Overdue commitments escalated to you")
            self.assertIn(commitment.reference, digest.body)
            self.assertEqual(
                self.env["srm.commitment"].search([("is_overdue", "=", True), ("id", "=", commitment.id)]),
                commitment,
                "the stored flag serves the Overdue filter",
            )

    def test_reminder_days_of_the_commitment_override_the_company(self):
        with freeze_time("2027-03-01"):
            self.env.company.srm_commitment_reminder_days = 10
            default = self._commitment(due_in=15)
            short = self._commitment(due_in=15, reminder_days=2)
            self.assertEqual(default.reminder_days, 10)
        with freeze_time("2027-03-06"):
            self._run()
            self.assertTrue(default.reminder_sent_date)
            self.assertFalse(short.reminder_sent_date)
        with freeze_time("2027-03-14"):
            self._run()
            self.assertEqual(short.reminder_sent_date, self.d("2027-03-14"))

    def test_escalation_goes_to_the_team_escalation_user(self):
        with freeze_time("2027-03-01"):
            commitment = self._commitment(due_in=3, user_id=self.colleague.id)
            self.assertEqual(commitment.team_id, self.team)
        with freeze_time("2027-03-10"):
            self._run()
            self.assertEqual(self._activities(commitment, ESCALATION).user_id, self.lawyer)
            self.assertEqual(len(self._digests(self.lawyer)), 1)
            self.assertFalse(self._digests(self.manager))

    def test_confidential_escalation_only_to_who_may_read_it(self):
        self.team.escalation_user_id = self.colleague
        with freeze_time("2027-03-01"):
            secret = self._commitment(due_in=3, user_id=self.lawyer.id, team_id=self.team.id, visibility="confidential")
        with freeze_time("2027-03-10"):
            self._run()
            self.assertEqual(
                self._activities(secret, ESCALATION).user_id,
                self.manager,
                "the escalation user of the team has no confidential access: the project manager",
            )
            self.assertFalse(self._digests(self.colleague))

    def test_owner_managing_the_project_is_escalated_to_themselves(self):
        with freeze_time("2027-03-01"):
            commitment = self._commitment(due_in=3, user_id=self.manager.id)
        with freeze_time("2027-03-10"):
            self._run()
            self.assertEqual(self._activities(commitment, ESCALATION).user_id, self.manager)

    def test_closed_commitments_are_left_alone(self):
        with freeze_time("2027-03-01"):
            fulfilled = self._commitment(due_in=3, evidence_note="<p>Done at the meeting.</p>")
            fulfilled.action_fulfill()
            cancelled = self._commitment(due_in=3)
            cancelled.action_cancel()
        with freeze_time("2027-03-10"):
            self._run()
            for commitment in fulfilled | cancelled:
                self.assertFalse(commitment.is_overdue)
                self.assertFalse(commitment.escalation_date)
                self.assertFalse(self._activities(commitment, ESCALATION))

    def test_running_twice_creates_nothing_twice(self):
        with freeze_time("2027-03-01"):
            commitments = self.env["srm.commitment"]
            for due_in in (2, 3, 5, 9, 20, 30):
                commitments |= self._commitment(due_in=due_in)
            commitments |= self._commitment(due_in=4, user_id=self.colleague.id)
            commitments |= self._commitment(due_in=4, visibility="confidential", user_id=self.lawyer.id)
            self.env["srm.commitment.recurrence"].create(
                {
                    "name": "Weekly road watering log",
                    "project_id": self.project.id,
                    "user_id": self.officer.id,
                    "repeat_unit": "week",
                    "date_start": "2027-03-02",
                    "repeat_type": "count",
                    "repeat_count": 20,
                }
            )
        with freeze_time("2027-03-08"):
            first = self._snapshot()
            self._run(batch_size=2)
            after_first = self._snapshot()
            self.assertGreater(after_first[0], first[0], "reminders and escalations were created")
            self.assertGreater(after_first[2], first[2], "owners and managers were told")
            # batches of 2, yet one message per person for the run
            self.assertEqual(len(self._digests(self.manager)), 1)
            self.assertEqual(len(self._digests(self.officer)), 1)
            self.assertEqual(len(self._digests(self.lawyer)), 1)
            occurrences = self.env["srm.commitment"].search_count([])
            self._run(batch_size=2)
            self.assertEqual(self._snapshot(), after_first)
            self.assertEqual(self.env["srm.commitment"].search_count([]), occurrences)
            self.assertEqual(
                self.env["srm.commitment"]._follow_up_remaining(self.d("2027-03-08")), 0, "nothing left to do"
            )
            # one reminder or escalation per commitment, never two
            for xmlid in (REMINDER, ESCALATION):
                activities = self._activities(self.env["srm.commitment"].search([]), xmlid)
                self.assertEqual(len(activities), len(set(activities.mapped("res_id"))))

    def test_batches_report_their_progress_to_the_cron(self):
        with freeze_time("2027-03-01"):
            for _index in range(5):
                self._commitment(due_in=2)
        with freeze_time("2027-03-05"):
            cron = self.env.ref("srm_commitments.ir_cron_srm_commitment_follow_up")
            _cron, progress = cron._add_progress()
            done = (
                self.env["srm.commitment"]
                .with_context(ir_cron_progress_id=progress.id)
                ._cron_process_commitments(batch_size=2)
            )
            self.assertEqual(done, 5)
            self.assertEqual((progress.done, progress.remaining), (5, 0))

    def test_new_due_date_reminds_and_escalates_again(self):
        with freeze_time("2027-03-01"):
            commitment = self._commitment(due_in=3)
        with freeze_time("2027-03-06"):
            self._run()
            self.assertTrue(self._activities(commitment, ESCALATION))
            commitment.date_due = self.d("2027-03-20")
            self.assertFalse(commitment.is_overdue)
            self.assertFalse(commitment.escalation_date)
            self.assertFalse(self._activities(commitment, ESCALATION), "the escalation no longer applies")
        with freeze_time("2027-03-13"):
            self._run()
            self.assertEqual(len(self._activities(commitment, REMINDER)), 1)

    def test_fulfilling_closes_reminders_and_escalations(self):
        with freeze_time("2027-03-01"):
            commitment = self._commitment(due_in=3)
        with freeze_time("2027-03-06"):
            self._run()
            commitment.evidence_note = "<p>Delivered late, with apologies.</p>"
            commitment.action_fulfill()
            for xmlid in (ASSIGNED, REMINDER, ESCALATION):
                self.assertFalse(self._activities(commitment, xmlid))
            self.assertFalse(commitment.is_overdue)

    def test_queries_do_not_grow_with_the_number_of_commitments(self):
        def queries_for(count, day):
            with freeze_time("2027-03-01"):
                for _index in range(count):
                    self._commitment(due_in=2)
                    self._commitment(due_in=2, user_id=self.colleague.id)
            with freeze_time(day):
                self.env.flush_all()
                self.env.invalidate_all()
                before = self.env.cr.sql_log_count
                self._run()
                self.env.flush_all()
                return self.env.cr.sql_log_count - before

        few = queries_for(2, "2027-03-05")
        many = queries_for(15, "2027-03-06")
        self.assertLessEqual(many, few + 10, f"{few} queries for 4 commitments, {many} for 30")
