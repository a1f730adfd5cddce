# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields
from odoo.tests import tagged

from .common import LandCase


@tagged("post_install", "-at_install")
class TestEngagementLinks(LandCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.secret = cls._parcel("P-SECRET", right_ids=[Command.create({"partner_id": cls.ines.id, "share": 100})])
        cls.shared = cls._parcel("P-SHARED", is_confidential=False)
        cls.household = (
            cls.env["srm.land.household"]
            .with_user(cls.officer)
            .create({"project_id": cls.project.id, "head_partner_id": cls.ines.id})
        )
        cls.engagement = cls.env["srm.engagement"].create(
            {
                "name": "Boundary walk with the owner",
                "engagement_type_id": cls.env.ref("srm_base.srm_engagement_type_site_visit").id,
                "date": fields.Datetime.now(),
                "partner_ids": [Command.set(cls.ines.ids)],
                "project_id": cls.project.id,
                "land_parcel_ids": [Command.set((cls.secret | cls.shared).ids)],
                "land_household_ids": [Command.set(cls.household.ids)],
            }
        )

    def test_engagements_shown_on_parcel_and_household(self):
        self.assertEqual(self.secret.engagement_ids, self.engagement)
        self.assertEqual(self.secret.engagement_count, 1)
        self.assertEqual(self.household.engagement_ids, self.engagement)
        self.assertEqual(self.household.engagement_count, 1)
        action = self.secret.action_view_engagements()
        self.assertEqual(self.env["srm.engagement"].search(action["domain"]), self.engagement)
        self.assertEqual(action["context"]["default_land_parcel_ids"], self.secret.ids)
        # the form of the parcel lists them (web client read)
        data = self.secret.with_user(self.officer).web_read({"engagement_ids": {"fields": {"name": {}}}})
        self.assertEqual([e["name"] for e in data[0]["engagement_ids"]], ["Boundary walk with the owner"])

    def test_engagement_shows_only_readable_land(self):
        self.env.invalidate_all()  # as in a new request of the user
        engagement = self.engagement.with_user(self.user)
        self.assertEqual(engagement.land_parcel_ids, self.shared)
        self.assertFalse(engagement.land_household_ids)
        data = engagement.web_read({"land_parcel_ids": {"fields": {"display_name": {}}}})
        self.assertEqual([p["display_name"] for p in data[0]["land_parcel_ids"]], ["P-SHARED"])
        # saving the engagement keeps the links the user does not see
        engagement.write({"land_parcel_ids": [Command.set(self.shared.ids)], "summary": "Walked the boundary."})
        self.env.invalidate_all()
        self.assertEqual(self.engagement.land_parcel_ids, self.secret | self.shared)
