# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestCommitmentUi(HttpCase):
    def test_create_commitment_from_engagement_tour(self):
        project = self.env["srm.project"].create({"name": "Tour Mine", "code": "TOUR-COM"})
        committee = self.env["res.partner"].create(
            {"name": "Tour Water Committee", "is_stakeholder": True, "srm_project_ids": [Command.set(project.ids)]}
        )
        engagement = self.env["srm.engagement"].create(
            {
                "name": "Tour water meeting",
                "engagement_type_id": self.env.ref("srm_base.srm_engagement_type_meeting").id,
                "partner_ids": [Command.set(committee.ids)],
                "project_id": project.id,
                "follow_up_needed": True,
                "follow_up_date": fields.Date.today() + timedelta(days=10),
            }
        )
        self.start_tour(
            f"/odoo/action-srm_base.srm_engagement_action/{engagement.id}",
            "srm_commitment_from_engagement_tour",
            login="admin",
        )
        commitment = self.env["srm.commitment"].search([("engagement_id", "=", engagement.id)])
        self.assertEqual(len(commitment), 1)
        self.assertEqual(commitment.name, "Send the well data to the committee")
        self.assertEqual(commitment.partner_ids, committee)
        self.assertEqual(commitment.project_id, project)
        self.assertEqual(commitment.category_id, self.env.ref("srm_commitments.srm_commitment_category_information"))
        self.assertEqual(commitment.date_due, engagement.follow_up_date)
        self.assertEqual(commitment.user_id, self.env.ref("base.user_admin"))
