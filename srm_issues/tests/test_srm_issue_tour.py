# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, fields
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

    def test_stakeholder_issues_page_tour(self):
        """The Issues page of a stakeholder lists, when it is opened, its issues and its contacts'."""
        village = self.env["res.partner"].create({"name": "Issues Village", "is_company": True, "is_stakeholder": True})
        resident = self.env["res.partner"].create({"name": "Issues Resident", "parent_id": village.id})
        other = self.env["res.partner"].create({"name": "Issues Other", "is_stakeholder": True})
        now = fields.Datetime.now()
        self.env["srm.issue"].create(
            [
                {
                    "name": "Tour: noise at night",
                    "complainant_id": resident.id,
                    "date_received": now - timedelta(days=3),
                },
                {
                    "name": "Tour: borehole dry",
                    "partner_ids": [Command.set(village.ids)],
                    "complainant_id": other.id,
                    "date_received": now - timedelta(days=1),
                },
                {"name": "Tour: someone else", "complainant_id": other.id, "date_received": now},
            ]
        )
        self.start_tour(
            f"/odoo/action-srm_base.res_partner_action_stakeholder/{village.id}",
            "srm_stakeholder_issues_tour",
            login="admin",
        )
