# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_log_engagement_tour(self):
        stakeholder = self.env["res.partner"].create({
            "name": "Tour Stakeholder Ñandú",
            "is_stakeholder": True,
            "stakeholder_type_id": self.env.ref("srm_base.srm_stakeholder_type_landowner").id,
        })
        self.start_tour("/odoo/action-srm_base.srm_engagement_action", "srm_log_engagement_tour", login="admin")
        engagement = self.env["srm.engagement"].search([("name", "=", "Tour: water committee briefing")])
        self.assertEqual(len(engagement), 1)
        self.assertEqual(engagement.partner_ids, stakeholder)
        self.assertEqual(engagement.direction, "inbound")
        self.assertEqual(engagement.summary, "The committee asked for the well monitoring data.")
        self.assertEqual(engagement.engagement_type_id, self.env.ref("srm_base.srm_engagement_type_meeting"))
        self.assertEqual(engagement.user_id, self.env.ref("base.user_admin"))
        self.assertEqual(engagement.participant_ids.partner_id, stakeholder)
        self.assertEqual(stakeholder.srm_last_engagement_date, engagement.date)
