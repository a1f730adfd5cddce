# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import tagged

from .test_report_access import SrmReportAccessCommon


@tagged("post_install", "-at_install")
class TestReportProjectRestriction(SrmReportAccessCommon):
    def test_restricted_user_with_confidential_access_sees_only_their_reports(self):
        self.restricted.groups_id = [Command.link(self.env.ref("srm_base.group_srm_confidential").id)]
        Log = self.env["srm.report.log"].with_user(self.restricted)
        self.assertEqual(Log.search([("id", "in", self.all_logs.ids)]), self.logs["restricted_own"])
        groups = Log.read_group([("id", "in", self.all_logs.ids)], ["user_id"], ["user_id"])
        self.assertEqual([g["user_id"][0] for g in groups], self.restricted.ids)
        # a user with Confidential access and the User group still sees every report
        self.assertEqual(
            self.env["srm.report.log"].with_user(self.manager).search([("id", "in", self.all_logs.ids)]),
            self.all_logs,
        )
