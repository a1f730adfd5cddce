# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.srm_base.tests.list_queries import ListQueriesMixin

from .common import SrmIssueCase


@tagged("post_install", "-at_install")
class TestSrmIssueListQueries(SrmIssueCase, ListQueriesMixin):
    """The grievance register costs the same queries for 3 grievances as for 30,
    protected complainants and service levels included."""

    def _issues(self, label, count):
        complainants = self.env["res.partner"].create(
            [{"name": f"{label} complainant {i}", "is_stakeholder": True} for i in range(count)]
        )
        issues = self.env["srm.issue"]
        for i in range(count):
            issues |= self._issue(
                name=f"{label} grievance {i}",
                complainant_partner_id=complainants[i].id,
                category_id=(self.cat_dust if i % 2 else self.cat_water).id,
                is_sensitive=i % 4 == 0,
                is_anonymous=i % 7 == 3,
                user_id=(self.user_user if i % 2 else self.user_manager).id,
            )
        for issue in issues[::3]:
            issue.activity_schedule("mail.mail_activity_data_todo", user_id=self.user_user.id)
        return issues

    def test_issue_list_queries_do_not_grow_with_rows(self):
        self._issues("Few", 3)
        self._issues("Many", 30)
        view = "srm_issues.srm_issue_view_list"
        few, few_page = self._list_queries("srm.issue", view, [("name", "like", "Few grievance")], self.user_user)
        many, many_page = self._list_queries("srm.issue", view, [("name", "like", "Many grievance")], self.user_user)
        self.assertEqual(few_page["length"], 3)
        self.assertEqual(many_page["length"], 30)
        # protected complainants are not named to a user without Confidential access
        names = {row["complainant_display"] for row in many_page["records"]}
        self.assertNotIn("Many complainant 0", names)
        self.assertIn("Many complainant 1", names)
        self.assertEqual(few, many, "the grievance list must not query per row")
