# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo import fields
from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user


@tagged("post_install", "-at_install")
class TestIssueCommitmentLinkSearch(TransactionCase):
    """Searching issues by the id of a commitment, or by whether they have any, finds
    nothing through a confidential commitment for a user without Confidential access."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls.env["srm.project"].create({"name": "LS Bridge Pit", "code": "LS-BR"})
        cls.user = new_test_user(cls.env, "ls_bridge_user", "srm_base.group_srm_user")
        cls.lawyer = new_test_user(
            cls.env, "ls_bridge_lawyer", "srm_base.group_srm_user,srm_base.group_srm_confidential"
        )
        village = cls.env["res.partner"].create({"name": "LS Village of Obu", "is_stakeholder": True})
        cls.issue = cls.env["srm.issue"].create(
            {
                "name": "LS fence cuts the path",
                "project_id": cls.project.id,
                "partner_ids": [(6, 0, village.ids)],
                "date_received": datetime(2026, 6, 1, 9, 0),
            }
        )
        cls.secret = cls.env["srm.commitment"].create(
            {
                "name": "LS secret settlement",
                "project_id": cls.project.id,
                "issue_id": cls.issue.id,
                "visibility": "confidential",
                "user_id": cls.lawyer.id,
                "date_due": fields.Date.today() + timedelta(days=30),
            }
        )

    def _found(self, user, domain):
        Issue = self.env["srm.issue"].with_user(user)
        full = [*domain, ("id", "=", self.issue.id)]
        found = Issue.search(full)
        self.assertEqual(Issue.search_count(full), len(found), domain)
        return found

    def test_issues_by_confidential_commitment(self):
        self.assertFalse(self.env["srm.commitment"].with_user(self.user).search([("id", "=", self.secret.id)]))
        self.assertEqual(self._found(self.user, []), self.issue)
        for domain in ([("commitment_ids", "in", self.secret.ids)], [("commitment_ids", "!=", False)]):
            with self.subTest(domain=domain):
                self.assertFalse(self._found(self.user, domain))
                self.assertEqual(self._found(self.lawyer, domain), self.issue)
