# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import tagged

from .common import SrmReportingCommon


@tagged("post_install", "-at_install")
class TestReportLogLinkSearch(SrmReportingCommon):
    """Searching filed reports by the id of a project, or by whether they cover any, finds
    nothing through a project the user may not read: a project-restricted user taken off
    a project does not learn through their reports that it still exists."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # filed while its author was on the other project, as the archive files it
        cls.log = cls.env["srm.report.log"].create(
            {
                "name": "LS engagement log",
                "report_kind": "engagement_log",
                "output_format": "xlsx",
                "user_id": cls.restricted.id,
                "project_ids": [Command.set(cls.project_other.ids)],
            }
        )

    def _found(self, user, domain):
        Log = self.env["srm.report.log"].with_user(user)
        full = [*domain, ("id", "=", self.log.id)]
        found = Log.search(full)
        self.assertEqual(Log.search_count(full), len(found), domain)
        groups = Log.read_group(full, ["__count"], [])
        self.assertEqual(sum(group["__count"] for group in groups), len(found), domain)
        return found

    def test_reports_by_a_project_they_may_not_read(self):
        self.assertFalse(
            self.env["srm.project"].with_user(self.restricted).search([("id", "=", self.project_other.id)])
        )
        self.assertEqual(self._found(self.restricted, []), self.log)
        for domain in (
            [("project_ids", "in", self.project_other.ids)],
            [("project_ids", "=", self.project_other.id)],
            [("project_ids", "!=", False)],
        ):
            with self.subTest(domain=domain):
                self.assertFalse(self._found(self.restricted, domain))
                self.assertEqual(self._found(self.srm_user, domain), self.log)
        self.assertEqual(self._found(self.restricted, [("project_ids", "=", False)]), self.log)
