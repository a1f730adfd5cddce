# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields
from odoo.tests import tagged

from .common import CommitmentCase


@tagged("post_install", "-at_install")
class TestCommitmentLinkSearch(CommitmentCase):
    """Searching engagements by the id of a commitment, or by whether they have any,
    finds nothing through a confidential commitment for a user without Confidential
    access: they do not learn at which meeting it was made."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meeting = cls.env["srm.engagement"].create(
            {
                "name": "LS water committee meeting",
                "engagement_type_id": cls.env.ref("srm_base.srm_engagement_type_meeting").id,
                "date": fields.Datetime.now(),
                "partner_ids": [Command.set(cls.council.ids)],
                "project_id": cls.project.id,
            }
        )
        cls.secret = cls._commitment(
            name="LS secret promise", visibility="confidential", user_id=cls.lawyer.id, engagement_id=cls.meeting.id
        )

    def _found(self, user, domain):
        Engagement = self.env["srm.engagement"].with_user(user)
        full = [*domain, ("id", "=", self.meeting.id)]
        found = Engagement.search(full)
        self.assertEqual(Engagement.search_count(full), len(found), domain)
        return found

    def test_engagements_by_confidential_commitment(self):
        self.assertFalse(self.env["srm.commitment"].with_user(self.officer).search([("id", "=", self.secret.id)]))
        self.assertEqual(self._found(self.officer, []), self.meeting)
        for domain in (
            [("commitment_ids", "in", self.secret.ids)],
            [("commitment_ids", "=", self.secret.id)],
            [("commitment_ids", "!=", False)],
        ):
            with self.subTest(domain=domain):
                self.assertFalse(self._found(self.officer, domain))
                self.assertEqual(self._found(self.lawyer, domain), self.meeting)
        self.assertEqual(self._found(self.officer, [("commitment_ids", "=", False)]), self.meeting)
