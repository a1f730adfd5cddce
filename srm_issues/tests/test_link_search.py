# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields
from odoo.tests import tagged

from .common import SrmIssueCase


@tagged("post_install", "-at_install")
class TestIssueLinkSearch(SrmIssueCase):
    """Searching engagements by the id of an issue, or issues by the id of an engagement,
    finds nothing through one the user may not read: a user without Confidential access
    does not learn which meeting a confidential issue came from, nor a project user which
    issue a worker grievance officer's engagement is linked to."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.secret_issue = cls._issue(name="LS confidential", is_confidential=True)
        cls.worker_issue = cls._issue(name="LS overtime", grievance_scope="worker")
        Engagement = cls.env["srm.engagement"]
        values = {
            "engagement_type_id": cls.env.ref("srm_base.srm_engagement_type_meeting").id,
            "date": fields.Datetime.now(),
            "partner_ids": [Command.set(cls.village.ids)],
            "project_id": cls.project_a.id,
        }
        cls.meeting = Engagement.create(
            {**values, "name": "LS meeting", "issue_ids": [Command.set((cls.secret_issue | cls.worker_issue).ids)]}
        )
        cls.secret_meeting = Engagement.create({**values, "name": "LS secret meeting", "is_confidential": True})
        cls.issue = cls._issue(name="LS dust", engagement_ids=[Command.set(cls.secret_meeting.ids)])

    def _found(self, user, model, records, domain):
        Model = self.env[model].with_user(user)
        full = [*domain, ("id", "in", records.ids)]
        found = Model.search(full)
        self.assertEqual(Model.search_count(full), len(found), domain)
        return found

    def test_engagements_by_issue(self):
        self.assertEqual(self._found(self.user_user, "srm.engagement", self.meeting, []), self.meeting)
        for domain in (
            [("issue_ids", "in", self.secret_issue.ids)],
            [("issue_ids", "=", self.worker_issue.id)],
            [("issue_ids", "!=", False)],
        ):
            with self.subTest(domain=domain):
                self.assertFalse(self._found(self.user_user, "srm.engagement", self.meeting, domain))
        # who may read the issue finds the meeting as before
        self.assertEqual(
            self._found(
                self.user_confidential, "srm.engagement", self.meeting, [("issue_ids", "in", self.secret_issue.ids)]
            ),
            self.meeting,
        )

    def test_issues_by_engagement(self):
        self.assertEqual(self._found(self.user_user, "srm.issue", self.issue, []), self.issue)
        for domain in ([("engagement_ids", "in", self.secret_meeting.ids)], [("engagement_ids", "!=", False)]):
            with self.subTest(domain=domain):
                self.assertFalse(self._found(self.user_user, "srm.issue", self.issue, domain))
        self.assertEqual(
            self._found(self.user_confidential, "srm.issue", self.issue, [("engagement_ids", "!=", False)]), self.issue
        )
