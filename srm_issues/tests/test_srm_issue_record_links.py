# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SrmIssueCase


@tagged("post_install", "-at_install")
class TestSrmIssueRecordLinks(SrmIssueCase):
    """A user links an issue to engagements, and an engagement to issues, they may read
    only: a link to a confidential meeting or to another project's grievance would tie
    it to theirs, and tell them it exists."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Engagement = cls.env["srm.engagement"]
        cls.meeting = Engagement.create(
            {"name": "Site visit at the school", "project_id": cls.project_a.id, "partner_ids": cls.village.ids}
        )
        cls.secret = Engagement.create(
            {
                "name": "Offer to the headmaster",
                "project_id": cls.project_a.id,
                "partner_ids": cls.village.ids,
                "is_confidential": True,
            }
        )
        cls.mine = cls._issue(name="Dust in the classrooms")
        cls.elsewhere = cls._issue(name="Noise at the port", project_id=cls.project_b.id)

    def test_links_to_records_the_user_may_read(self):
        issue = self.mine.with_user(self.user_restricted)
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            issue.write({"engagement_ids": [Command.link(self.secret.id)]})
        meeting = self.meeting.with_user(self.user_restricted)
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            meeting.write({"issue_ids": [Command.link(self.elsewhere.id)]})
        Issue = self.env["srm.issue"].with_user(self.user_restricted)
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            Issue.create(
                {
                    "name": "Cracks after the visit",
                    "project_id": self.project_a.id,
                    "engagement_ids": [Command.set(self.secret.ids)],
                }
            )
        self.assertFalse(self.secret.issue_ids)
        self.assertFalse(self.meeting.issue_ids)
        # what they may read is linked as before
        issue.write({"engagement_ids": [Command.link(self.meeting.id)]})
        self.assertEqual(self.meeting.issue_ids, self.mine)
        # with Confidential access, the meeting is linked
        self.mine.with_user(self.user_confidential).write({"engagement_ids": [Command.link(self.secret.id)]})
        self.assertEqual(self.secret.issue_ids, self.mine)

    def test_copy_leaves_out_what_the_user_may_not_read(self):
        self.mine.engagement_ids = self.meeting | self.secret
        copy = self.mine.with_user(self.user_user).copy()
        self.assertEqual(copy.engagement_ids, self.meeting)
        self.assertEqual(self.mine.with_user(self.user_confidential).copy().engagement_ids, self.meeting | self.secret)
