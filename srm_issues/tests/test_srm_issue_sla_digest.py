# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from ..models.srm_issue import DEADLINES
from .common import SrmIssueCase, dt


@tagged("post_install", "-at_install")
class TestSrmIssueSlaDigest(SrmIssueCase):
    """The hourly job escalates the passed deadlines with activities, tells each team
    leader once per run with one message listing their issues (not one email per
    activity), and never does anything twice."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["srm.issue.sla"].search([]).active = False
        cls._srm_sla("1", (1, "days"), (2, "days"), (30, "days"))
        cls.activity_type = cls.env.ref("srm_issues.mail_activity_type_issue_escalation")
        # the South Port issues go to their project manager (no team)
        cls.project_b.user_id = cls.user_confidential
        with freeze_time("2026-03-02 09:00:00"):
            cls.issues = cls.Issue.create(
                [
                    {
                        "name": f"Blasting {index}",
                        "severity": "1",
                        "date_received": dt("2026-03-02 09:00") - timedelta(hours=index),
                        "project_id": cls.project_b.id if index % 3 == 2 else cls.project_a.id,
                        "team_id": False if index % 3 == 2 else cls.team.id,
                        "user_id": cls.user_user.id,
                    }
                    for index in range(7)
                ]
            )

    def _digests(self, user):
        """Escalation digests sent to ``user``."""
        return self.env["mail.message"].search(
            [
                ("model", "=", False),
                ("message_type", "=", "user_notification"),
                ("subject", "=", "Issues escalated to you"),
                ("partner_ids", "in", user.partner_id.ids),
            ]
        )

    def _escalations(self):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "srm.issue"),
                ("res_id", "in", self.issues.ids),
                ("activity_type_id", "=", self.activity_type.id),
            ]
        )

    def test_one_digest_per_person_per_run(self):
        leader, manager = self.user_manager, self.user_confidential
        for_manager = self.issues.filtered(lambda i: i.project_id == self.project_b)
        last_message = self.env["mail.message"].search([], order="id desc", limit=1).id
        with freeze_time("2026-03-05 10:00:00"):
            # acknowledgement (1 day) and investigation (2 days) deadlines passed
            self.env["srm.issue"]._cron_srm_sla_check(batch_size=2)
            self.env.flush_all()
            escalations = self._escalations()
            self.assertEqual(len(escalations), 2 * len(self.issues), "one activity per passed deadline")
            self.assertEqual(
                set(escalations.mapped("summary")),
                {"Acknowledgement deadline passed", "Investigation deadline passed"},
            )
            self.assertEqual(escalations.filtered(lambda a: a.res_id in for_manager.ids).user_id, manager)
            self.assertEqual(escalations.filtered(lambda a: a.res_id not in for_manager.ids).user_id, leader)
            # each assignee gets one message for the run, not one per activity
            activity_notices = self.env["mail.message"].search(
                [
                    ("model", "=", "srm.issue"),
                    ("res_id", "in", self.issues.ids),
                    ("message_type", "=", "user_notification"),
                    ("id", ">", last_message),
                ]
            )
            self.assertFalse(activity_notices, "no notification per activity")
            digest = self._digests(leader)
            self.assertEqual(len(digest), 1)
            for issue in self.issues - for_manager:
                self.assertIn(issue.reference, digest.body)
            self.assertIn("Investigation deadline passed", digest.body)
            for issue in for_manager:
                self.assertNotIn(issue.reference, digest.body)
            self.assertEqual(len(self._digests(manager)), 1)
            self.assertFalse(self.issues.filtered("sla_digest_pending"))
            # a second run finds nothing new: no activity, no message
            self.env["srm.issue"]._cron_srm_sla_check(batch_size=2)
            self.assertEqual(self._escalations(), escalations)
            self.assertEqual(len(self._digests(leader)), 1)
            self.assertEqual(len(self._digests(manager)), 1)

    def test_batch_run_twice_creates_nothing_twice(self):
        Issue = self.env["srm.issue"]
        with freeze_time("2026-03-05 10:00:00"):
            Issue._cron_srm_sla_check(batch_size=3)
            escalations = self._escalations()
            self.assertTrue(escalations)
            # the same batches again, as after an interruption before their commit was known
            Batch = self.env["srm.cron.batch"]
            self.assertEqual(Batch._srm_process(self.issues, "_srm_escalate_breaches", batch_size=3), 7)
            self.issues._srm_escalate_breaches()
            self.assertEqual(self._escalations(), escalations)
            for deadline in DEADLINES:
                expected = deadline.key != "resolution"
                self.assertEqual(set(self.issues.mapped(deadline.escalated_field)), {expected}, deadline.key)
        with freeze_time("2026-04-02 10:00:00"):
            # the resolution deadline passed since: escalated once, listed once
            Issue._cron_srm_sla_check(batch_size=3)
            Issue._cron_srm_sla_check(batch_size=3)
            resolution = self._escalations() - escalations
            self.assertEqual(len(resolution), len(self.issues))
            self.assertEqual(set(resolution.mapped("summary")), {"Resolution deadline passed"})
            self.assertEqual(len(self._digests(self.user_manager)), 2, "one per run that escalated something")

    def test_digest_lists_only_what_the_person_may_read(self):
        # the team leader works on North Pit only: an issue of the team moved to South Port
        # is escalated to South Port's manager instead (the leader may not read it, nor its
        # activities), and their digest does not show it
        self.team.user_id = self.user_restricted
        elsewhere = self.issues[0]
        elsewhere.project_id = self.project_b
        with freeze_time("2026-03-05 10:00:00"):
            self.env["srm.issue"]._cron_srm_sla_check()
        escalated_to = self._escalations().filtered(lambda a: a.res_id == elsewhere.id).user_id
        self.assertEqual(escalated_to, self.user_confidential)
        self.assertNotIn(self.user_restricted.partner_id, elsewhere.message_partner_ids)
        self.assertIn(elsewhere.reference, self._digests(self.user_confidential).body)
        digest = self._digests(self.user_restricted)
        self.assertEqual(len(digest), 1)
        self.assertNotIn(elsewhere.reference, digest.body)
        self.assertIn(self.issues[1].reference, digest.body)

    def test_confidential_issue_escalated_to_who_may_read_it(self):
        # the team leader has no Confidential access: the project manager, who has, is told
        self.team.user_id = self.user_user
        self.project_a.user_id = self.user_confidential
        secret = self.issues[0]
        secret.write({"is_confidential": True, "user_id": False})
        with freeze_time("2026-03-05 10:00:00"):
            self.env["srm.issue"]._cron_srm_sla_check()
        escalations = self._escalations()
        self.assertEqual(escalations.filtered(lambda a: a.res_id == secret.id).user_id, self.user_confidential)
        self.assertEqual(escalations.filtered(lambda a: a.res_id == self.issues[1].id).user_id, self.user_user)
        self.assertIn(secret.reference, self._digests(self.user_confidential).body)
        self.assertNotIn(secret.reference, self._digests(self.user_user).body)
