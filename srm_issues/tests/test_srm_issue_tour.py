# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestSrmIssueTour(HttpCase):
    def test_stages_tour(self):
        complainant = self.env["res.partner"].create(
            {"name": "Tour Complainant", "email": "tour.complainant@example.com", "is_stakeholder": True}
        )
        issue = self.env["srm.issue"].create(
            {
                "name": "Tour: fence blocks the path",
                "complainant_id": complainant.id,
                "severity": "3",
                "user_id": self.env.ref("base.user_admin").id,
            }
        )
        self.start_tour("/odoo/action-srm_issues.srm_issue_action_all", "srm_issue_stages_tour", login="admin")
        self.assertEqual(issue.stage_id, self.env.ref("srm_issues.srm_issue_stage_closed"))
        self.assertEqual(issue.outcome, "upheld")
        self.assertTrue(issue.date_acknowledged)
        self.assertTrue(issue.date_investigated)
        self.assertTrue(issue.date_closed)
        self.assertEqual(issue.message_partner_ids & complainant, complainant)
