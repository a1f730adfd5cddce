# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import tagged

from .common import SrmCase
from .list_queries import ListQueriesMixin


@tagged("post_install", "-at_install")
class TestEngagementListQueries(SrmCase, ListQueriesMixin):
    """The engagement list costs the same queries for 10 engagements as for 30."""

    def _engagements(self, label, count):
        partners = self.env["res.partner"].create(
            [{"name": f"{label} stakeholder {i}", "is_stakeholder": True} for i in range(count)]
        )
        users = [self._new_user(f"srm_list_{label}_{i}", "srm_base.group_srm_user") for i in range(2)]
        engagements = self.env["srm.engagement"].create(
            [
                {
                    "name": f"{label} engagement {i}",
                    "engagement_type_id": (self.type_meeting if i % 2 else self.type_call).id,
                    "partner_ids": [Command.set([partners[i].id, self.community.id])],
                    "project_id": (self.project if i % 3 else self.other_project).id,
                    "user_id": users[i % 2].id,
                    "is_confidential": i % 5 == 0,
                    "sentiment": "-1" if i % 4 == 0 else "0",
                }
                for i in range(count)
            ]
        )
        for engagement in engagements.filtered(lambda e: not e.is_confidential)[::2]:
            engagement.activity_schedule("mail.mail_activity_data_todo", user_id=users[0].id)
        return engagements

    def test_engagement_list_queries_do_not_grow_with_rows(self):
        user = self._new_user("srm_list_reader", "srm_base.group_srm_user")
        self._engagements("Few", 10)
        self._engagements("Many", 30)
        view = "srm_base.srm_engagement_view_list"
        many, many_page = self._list_queries("srm.engagement", view, [("name", "like", "Many engagement")], user)
        few, few_page = self._list_queries("srm.engagement", view, [("name", "like", "Few engagement")], user)
        # the confidential ones are not listed for a user without Confidential access
        self.assertEqual(few_page["length"], 8)
        self.assertEqual(many_page["length"], 24)
        self.assertEqual(few, many, "the engagement list must not query per row")
