# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields
from odoo.tests import tagged

from .common import SrmCase

DATES = ["srm_last_engagement_date", "srm_days_since_contact"]


@tagged("post_install", "-at_install")
class TestScopedContact(SrmCase):
    """The last engagement of a stakeholder shared by two projects is stored from the
    engagements of both: a user restricted to one of them reads it from that project's
    engagements, confidential ones included only if they may read them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stakeholder.srm_project_ids = [Command.set((cls.project | cls.other_project).ids)]
        cls.mine = cls._engagement(cls.stakeholder, days_ago=30)
        cls.mine_secret = cls._engagement(cls.stakeholder, days_ago=10, is_confidential=True)
        cls.road = cls._engagement(cls.stakeholder, days_ago=5, project_id=cls.other_project.id)
        cls.road_secret = cls._engagement(
            cls.stakeholder, days_ago=2, project_id=cls.other_project.id, is_confidential=True
        )
        cls.contractor = cls._new_user(
            "srm_scoped_contractor",
            "srm_base.group_srm_restricted,srm_base.group_srm_confidential,base.group_allow_export",
            srm_project_ids=[Command.set(cls.project.ids)],
        )
        cls.officer = cls._new_user("srm_scoped_officer", "srm_base.group_srm_user,srm_base.group_srm_confidential")

    def test_restricted_user_reads_the_last_engagement_of_their_project(self):
        stored = self.stakeholder.read([*DATES, "srm_last_engagement_date_all"])[0]
        self.assertEqual(stored["srm_last_engagement_date"], self.road.date)
        self.assertEqual(stored["srm_last_engagement_date_all"], self.road_secret.date)
        self.assertEqual(
            self.stakeholder.with_user(self.officer).read([*DATES, "srm_last_engagement_date_all"])[0], stored
        )

        stakeholder = self.stakeholder.with_user(self.contractor)
        dates = stakeholder.read([*DATES, "srm_last_engagement_date_all"])[0]
        self.assertEqual(dates["srm_last_engagement_date"], self.mine.date)
        self.assertEqual(dates["srm_days_since_contact"], (fields.Date.today() - self.mine.date.date()).days)
        # with Confidential access, the confidential meetings of their project only
        self.assertEqual(dates["srm_last_engagement_date_all"], self.mine_secret.date)
        exported = stakeholder.export_data(["srm_last_engagement_date", "srm_last_engagement_date_all"])["datas"]
        self.assertEqual(exported, [[self.mine.date, self.mine_secret.date]])
        Partner = self.env["res.partner"].with_user(self.contractor)
        this = [("id", "=", self.stakeholder.id)]
        self.assertFalse(Partner.search(this + [("srm_last_engagement_date", "=", self.road.date)]))
        self.assertFalse(Partner.search(this + [("srm_last_engagement_date_all", ">", self.mine_secret.date)]))
        self.assertEqual(Partner.search(this + [("srm_days_since_contact", ">=", 30)]), self.stakeholder)
        groups = Partner._read_group(this, ["srm_days_since_contact"], ["__count"])
        self.assertEqual(groups, [(dates["srm_days_since_contact"], 1)])
        # whoever reads next in the transaction reads the stored dates
        self.assertEqual(self.stakeholder.srm_last_engagement_date, self.road.date)
