# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestReportScopedContact(TransactionCase):
    """A stakeholder shared by two projects was last met on the other project: for a
    user restricted to the first one, the dashboard, the register and the profile say
    when it was last met on their project (not contacted for 90 days)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tz="UTC", tracking_disable=True))
        cls.restricted = new_test_user(
            cls.env, login="srm_rep_scoped_restricted", groups="srm_base.group_srm_restricted", tz="UTC"
        )
        cls.user = new_test_user(cls.env, login="srm_rep_scoped_user", groups="srm_base.group_srm_user", tz="UTC")
        cls.mine = cls.env["srm.project"].create(
            {"name": "Scoped Mine", "code": "SCM", "member_ids": [Command.link(cls.restricted.id)]}
        )
        cls.road = cls.env["srm.project"].create({"name": "Scoped Road", "code": "SCR"})
        cls.council = cls.env["res.partner"].create(
            {
                "name": "Scoped Council",
                "is_stakeholder": True,
                "srm_influence": 5,
                "srm_interest": 5,
                "srm_project_ids": [Command.set((cls.mine | cls.road).ids)],
            }
        )
        meeting = cls.env.ref("srm_base.srm_engagement_type_meeting")
        now = fields.Datetime.now().replace(microsecond=0)
        cls.mine_meeting, cls.road_meeting = cls.env["srm.engagement"].create(
            [
                {
                    "name": name,
                    "engagement_type_id": meeting.id,
                    "date": now - relativedelta(days=days),
                    "partner_ids": [Command.set(cls.council.ids)],
                    "project_id": project.id,
                }
                for name, days, project in (("Mine meeting", 200, cls.mine), ("Road meeting", 5, cls.road))
            ]
        )

    def test_dashboard_register_and_profile(self):
        builder = self.env["srm.report.builder"]
        domain = builder._stakeholder_domain({"project_ids": self.mine.ids})
        not_contacted = builder._not_contacted_domain()
        Partner = self.env["res.partner"]
        self.assertEqual(Partner.with_user(self.user).search_count(domain + not_contacted), 0)
        self.assertEqual(Partner.with_user(self.restricted).search_count(domain + not_contacted), 1)
        Dashboard = self.env["srm.dashboard"]
        _counts, stored = Dashboard.with_user(self.user)._stakeholders_by_quadrant(domain)
        _counts, theirs = Dashboard.with_user(self.restricted)._stakeholders_by_quadrant(domain)
        self.assertEqual(stored.get("manage_closely"), 0)
        self.assertEqual(theirs.get("manage_closely"), 1)
        Register = self.env["srm.report.kind.stakeholder_register"].with_user(self.restricted)
        keys = [column["key"] for column in Register._register_columns()]
        (row,) = list(Register._register_rows(domain, [])())
        self.assertEqual(row[keys.index("last_engagement")], self.mine_meeting.date)
        self.assertEqual(row[keys.index("days_since_contact")], 200)
        Profile = self.env["srm.report.kind.stakeholder_profile"].with_user(self.restricted)
        items = {
            label: value for label, value, _type in Profile._profile_items(self.council.with_user(self.restricted))
        }
        self.assertEqual(items["Last engagement"], self.mine_meeting.date)
        # the other users read the stored date
        Register = Register.with_user(self.user)
        (row,) = list(Register._register_rows(domain, [])())
        self.assertEqual(row[keys.index("last_engagement")], self.road_meeting.date)
