# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, fields
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

    def test_stakeholder_timeline_tour(self):
        """The engagement timeline of a stakeholder is read when its page is opened."""
        stakeholder = self.env["res.partner"].create({"name": "Timeline Stakeholder", "is_stakeholder": True})
        now = fields.Datetime.now()
        self.env["srm.engagement"].create([
            {
                "name": f"Timeline meeting {index:02d}",
                "partner_ids": [Command.set(stakeholder.ids)],
                "date": now - timedelta(days=30 - index),
            }
            for index in range(1, 23)
        ])
        self.start_tour(
            f"/odoo/action-srm_base.res_partner_action_stakeholder/{stakeholder.id}",
            "srm_stakeholder_timeline_tour",
            login="admin",
        )

    def test_stakeholder_relationships_tour(self):
        """The relationships of a stakeholder are read when their page is opened; a
        relationship is added from there."""
        Partner = self.env["res.partner"]
        stakeholder = Partner.create({"name": "Relationship Stakeholder", "is_stakeholder": True})
        cooperative, chief, council = Partner.create([
            {"name": "Relationship Cooperative", "is_stakeholder": True},
            {"name": "Relationship Chief", "is_stakeholder": True},
            {"name": "Relationship Council", "is_stakeholder": True},
        ])
        member = self.env.ref("srm_base.srm_relationship_type_member")
        Relationship = self.env["srm.relationship"]
        existing = Relationship.create([
            {"partner_id": stakeholder.id, "type_id": member.id, "related_partner_id": cooperative.id},
            {"partner_id": chief.id, "type_id": member.id, "related_partner_id": stakeholder.id},
        ])
        self.start_tour(
            f"/odoo/action-srm_base.res_partner_action_stakeholder/{stakeholder.id}",
            "srm_stakeholder_relationships_tour",
            login="admin",
        )
        added = Relationship.search([("partner_id", "=", stakeholder.id)]) - existing
        self.assertEqual(added.related_partner_id, council)
        self.assertEqual(added.type_id, self.env.ref("srm_base.srm_relationship_type_represents"))
