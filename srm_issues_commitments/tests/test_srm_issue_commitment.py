# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user


@tagged("post_install", "-at_install")
class TestSrmIssueCommitment(TransactionCase):
    """A resolution commitment is created from an issue and both registers link to each other."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls.env["srm.project"].create({"name": "Bridge Pit", "code": "TST-BR"})
        cls.user = new_test_user(
            cls.env, "bridge_user", "srm_base.group_srm_user", name="Bridge User",
            context={"no_reset_password": True},
        )
        cls.complainant = cls.env["res.partner"].create(
            {"name": "Esi Badu", "email": "esi@example.com", "is_stakeholder": True}
        )
        cls.village = cls.env["res.partner"].create({"name": "Village of Obu", "is_stakeholder": True})

    def _issue(self, **values):
        vals = {
            "name": "Fence cuts the path to the river",
            "project_id": self.project.id,
            "complainant_partner_id": self.complainant.id,
            "partner_ids": [(6, 0, self.village.ids)],
            "user_id": self.user.id,
            "severity": "2",
            "date_received": datetime(2026, 6, 1, 9, 0),
            "resolution": "<p>Build a gate in the fence within a month.</p>",
        }
        vals.update(values)
        return self.env["srm.issue"].create(vals)

    @freeze_time("2026-06-03 10:00:00")
    def test_create_resolution_commitment(self):
        issue = self._issue()
        action = issue.with_user(self.user).action_create_resolution_commitment()
        commitment = self.env["srm.commitment"].browse(action["res_id"])
        self.assertEqual(commitment.issue_id, issue)
        self.assertEqual(commitment.name, f"Resolution of {issue.reference}: Fence cuts the path to the river")
        self.assertEqual(commitment.source, "grievance")
        self.assertEqual(commitment.project_id, self.project)
        self.assertEqual(commitment.user_id, self.user)
        self.assertEqual(commitment.partner_ids, self.village | self.complainant)
        self.assertEqual(commitment.date_due, issue.date_resolution_due.date())
        self.assertIn("Build a gate", commitment.description)
        self.assertEqual(issue.commitment_ids, commitment)
        self.assertEqual(issue.commitment_count, 1)
        self.assertEqual(issue.action_view_commitments()["domain"], [("issue_id", "=", issue.id)])
        self.assertTrue(issue.message_ids.filtered(lambda m: commitment.reference in (m.body or "")))

    @freeze_time("2026-09-01 10:00:00")
    def test_overdue_issue_gets_a_commitment_due_in_the_future(self):
        issue = self._issue()
        commitment = self.env["srm.commitment"].browse(issue.action_create_resolution_commitment()["res_id"])
        self.assertEqual(commitment.date_due, date(2026, 9, 15))

    @freeze_time("2026-06-03 10:00:00")
    def test_protected_complainant_and_worker_grievance_stay_out(self):
        sensitive = self._issue(is_sensitive=True)
        commitment = self.env["srm.commitment"].browse(sensitive.action_create_resolution_commitment()["res_id"])
        self.assertEqual(commitment.partner_ids, self.village, "the protected complainant is not named")
        self.assertEqual(commitment.visibility, "internal")
        worker = self._issue(grievance_scope="worker", name="Unpaid overtime at the workshop", partner_ids=False)
        commitment = self.env["srm.commitment"].browse(worker.action_create_resolution_commitment()["res_id"])
        self.assertEqual(commitment.name, f"Resolution of {worker.reference}")
        self.assertNotIn("overtime", commitment.name)
        self.assertFalse(commitment.description)
        self.assertEqual(commitment.visibility, "internal")
        confidential = self._issue(is_confidential=True)
        commitment = self.env["srm.commitment"].browse(confidential.action_create_resolution_commitment()["res_id"])
        self.assertTrue(commitment.is_confidential)
        self.assertNotEqual(commitment.user_id, self.user, "the officer may not own a confidential commitment")
        self.assertFalse(commitment.with_user(self.user).has_access("read"))

    @freeze_time("2026-06-03 10:00:00")
    def test_owner_may_read_the_commitment(self):
        """The officer owns the commitment if they may read it (its project, company and
        confidentiality, under the record rules), else the user who creates it: a worker
        grievance officer of another project reads the worker grievances of every project,
        not that project's commitments."""
        road = self.env["srm.project"].create({"name": "Bridge Road", "code": "TST-BRR"})
        officer = new_test_user(
            self.env,
            "bridge_worker_officer",
            "srm_base.group_srm_restricted,srm_issues.group_srm_issue_worker",
            name="Bridge Worker Officer",
            srm_project_ids=[(6, 0, road.ids)],
        )
        chief = new_test_user(
            self.env,
            "bridge_worker_chief",
            "srm_base.group_srm_user,srm_issues.group_srm_issue_worker",
            name="Bridge Worker Chief",
        )
        worker = self._issue(grievance_scope="worker", name="Unpaid overtime at the pit", user_id=officer.id)
        self.assertTrue(worker.with_user(officer).has_access("read"))
        commitment = self.env["srm.commitment"].browse(
            worker.with_user(chief).action_create_resolution_commitment()["res_id"]
        )
        self.assertEqual(commitment.user_id, chief)
        self.assertFalse(commitment.with_user(officer).has_access("read"))
        # once a member of the issue's project, they own it
        officer.srm_project_ids = [(4, self.project.id)]
        commitment = self.env["srm.commitment"].browse(
            worker.with_user(chief).action_create_resolution_commitment()["res_id"]
        )
        self.assertEqual(commitment.user_id, officer)

    def test_commitment_form_shows_the_issue(self):
        issue = self._issue()
        commitment = self.env["srm.commitment"].browse(issue.action_create_resolution_commitment()["res_id"])
        data = commitment.with_user(self.user).web_read({"issue_id": {"fields": {"display_name": {}}}})
        self.assertEqual(data[0]["issue_id"]["id"], issue.id)
