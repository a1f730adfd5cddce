# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.srm_land.tests.common import LandCase


@tagged("post_install", "-at_install")
class TestLandIssues(LandCase):
    """Grievances about a parcel or a household are linked to it and listed on its form."""

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
        Issue = cls.env["srm.issue"]
        values = {
            "project_id": cls.project.id,
            "partner_ids": [Command.set(cls.ines.ids)],
            "date_received": datetime(2026, 6, 1, 9, 0),
            "land_parcel_ids": [Command.set((cls.secret | cls.shared).ids)],
            "land_household_ids": [Command.set(cls.household.ids)],
        }
        cls.fence = Issue.create({"name": "Survey team left the gate open", **values})
        cls.payment = Issue.create({"name": "Second instalment not received", "is_confidential": True, **values})
        cls.portal.partner_id.is_stakeholder = True
        cls.own = Issue.create(
            {"name": "My well dried up", "complainant_partner_id": cls.portal.partner_id.id, **values}
        )

    def test_grievances_listed_on_parcel_and_household(self):
        self.assertEqual(self.secret.issue_ids, self.fence | self.payment | self.own)
        self.assertEqual(self.secret.with_user(self.officer).issue_count, 3)
        self.assertEqual(self.household.issue_ids, self.fence | self.payment | self.own)
        action = self.secret.action_view_issues()
        self.assertEqual(self.env["srm.issue"].search(action["domain"]), self.fence | self.payment | self.own)
        self.assertEqual(action["context"]["default_land_parcel_ids"], self.secret.ids)
        self.assertEqual(action["context"]["default_partner_ids"], self.ines.ids)
        action = self.household.action_view_issues()
        self.assertEqual(self.env["srm.issue"].search(action["domain"]), self.fence | self.payment | self.own)

    def test_each_side_shows_what_the_user_may_read(self):
        self.env.invalidate_all()
        # a community officer without Confidential access: the shared parcel only, and
        # not the confidential grievance on it
        shared = self.shared.with_user(self.user)
        self.assertEqual(shared.issue_ids, self.fence | self.own)
        self.assertEqual(shared.issue_count, 2)
        issue = self.fence.with_user(self.user)
        self.assertEqual(issue.land_parcel_ids, self.shared)
        self.assertFalse(issue.land_household_ids)
        data = issue.web_read({"land_parcel_ids": {"fields": {"display_name": {}}}})
        self.assertEqual([p["display_name"] for p in data[0]["land_parcel_ids"]], ["P-SHARED"])

    def test_complainants_on_the_portal_never_see_land(self):
        issue = self.own.with_user(self.portal)
        self.assertEqual(issue.name, "My well dried up")
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            issue.read(["land_parcel_ids"])
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            issue.read(["land_household_ids"])

    def test_grievance_links_land_its_user_may_read(self):
        issue = self.env["srm.issue"].create({"name": "Boundary stones moved", "project_id": self.project.id})
        for values in (
            {"land_household_ids": [Command.link(self.household.id)]},
            {"land_parcel_ids": [Command.link(self.secret.id)]},
        ):
            with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
                issue.with_user(self.user).write(values)
        self.assertFalse(issue.land_parcel_ids)
        self.assertFalse(issue.land_household_ids)
        issue.with_user(self.user).write({"land_parcel_ids": [Command.link(self.shared.id)]})
        self.assertEqual(issue.land_parcel_ids, self.shared)
