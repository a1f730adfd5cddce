# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import SrmCase

# what the engagement list reads of each row's activities (widget list_activity)
ACTIVITY_SPEC = {
    "activity_ids": {},
    "activity_state": {},
    "activity_exception_decoration": {},
    "activity_exception_icon": {},
    "activity_summary": {},
    "activity_type_icon": {},
    "activity_type_id": {"fields": {"display_name": {}}},
}


@tagged("post_install", "-at_install")
class TestEngagementActivities(SrmCase):
    """The engagement list shows each row's activities: a page of engagements without
    activities shows none, a page mixing both shows each engagement's own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = cls._new_user("srm_act_user", "srm_base.group_srm_user")
        cls.alert_type = cls.env["mail.activity.type"].create(
            {"name": "Site alert", "decoration_type": "warning", "icon": "fa-warning"}
        )
        cls.overdue = cls._engagement(cls.stakeholder, name="Activities: overdue reply")
        cls.alert = cls._engagement(cls.stakeholder, name="Activities: site alert")
        cls.quiet = cls._engagement(cls.stakeholder, name="Activities: nothing to do")
        cls.quiet_too = cls._engagement(cls.community, name="Activities: nothing either")
        today = fields.Date.context_today(cls.overdue)
        cls.overdue.activity_schedule(
            "mail.mail_activity_data_todo",
            date_deadline=today - timedelta(days=3),
            summary="Reply to the letter",
            user_id=cls.user.id,
        )
        cls.alert.activity_schedule(
            activity_type_id=cls.alert_type.id,
            date_deadline=today + timedelta(days=5),
            summary="Check the fence",
            user_id=cls.user.id,
        )

    def _page(self, domain):
        Engagement = self.env["srm.engagement"].with_user(self.user)
        records = Engagement.web_search_read(domain, ACTIVITY_SPEC, limit=80)["records"]
        return {record["id"]: record for record in records}

    def test_page_without_activities(self):
        page = self._page([("name", "like", "Activities: nothing")])
        self.assertEqual(set(page), {self.quiet.id, self.quiet_too.id})
        for record in page.values():
            self.assertEqual(record["activity_ids"], [])
            self.assertFalse(record["activity_state"])
            self.assertFalse(record["activity_exception_decoration"])
            self.assertFalse(record["activity_exception_icon"])
            self.assertFalse(record["activity_summary"])
            self.assertFalse(record["activity_type_id"])
            self.assertFalse(record["activity_type_icon"])

    def test_page_mixing_engagements_with_and_without_activities(self):
        page = self._page([("name", "like", "Activities:")])
        self.assertEqual(len(page), 4)
        overdue, alert, quiet = page[self.overdue.id], page[self.alert.id], page[self.quiet.id]
        self.assertEqual(overdue["activity_state"], "overdue")
        self.assertEqual(overdue["activity_summary"], "Reply to the letter")
        self.assertFalse(overdue["activity_exception_decoration"])
        self.assertEqual(alert["activity_state"], "planned")
        self.assertEqual(alert["activity_exception_decoration"], "warning")
        self.assertEqual(alert["activity_exception_icon"], "fa-warning")
        self.assertEqual(alert["activity_type_id"]["display_name"], "Site alert")
        self.assertEqual(alert["activity_type_icon"], "fa-warning")
        self.assertEqual(alert["activity_summary"], "Check the fence")
        self.assertFalse(quiet["activity_state"])
        self.assertFalse(quiet["activity_exception_decoration"])
        self.assertFalse(quiet["activity_summary"])
        self.assertFalse(quiet["activity_type_id"])

    def test_activity_done_leaves_the_engagement_without_state(self):
        self.overdue.activity_ids.action_feedback(feedback="Answered")
        page = self._page([("id", "in", (self.overdue | self.quiet).ids)])
        self.assertFalse(page[self.overdue.id]["activity_state"])
        self.assertFalse(page[self.overdue.id]["activity_summary"])
