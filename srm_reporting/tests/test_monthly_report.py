# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .common import SrmReportingCommon


@tagged("post_install", "-at_install")
class TestMonthlyReport(SrmReportingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.recipient = cls.env["res.partner"].create({"name": "Lender Monitor", "email": "monitor@example.com"})
        cls.manager.email = "manager@example.com"
        cls.project.write(
            {
                "srm_monthly_report": True,
                "srm_monthly_report_format": "xlsx",
                "srm_monthly_report_partner_ids": [Command.link(cls.recipient.id)],
            }
        )

    def run_cron(self):
        return self.env["srm.report.log"]._cron_send_monthly_reports()

    def scheduled_logs(self):
        return self.env["srm.report.log"].search([("is_scheduled", "=", True)])

    @freeze_time("2026-02-03 06:00:00")
    def test_summary_sent_once_per_month(self):
        self.assertEqual(self.run_cron(), self.project)
        log = self.scheduled_logs()
        self.assertEqual(len(log), 1)
        self.assertEqual(log.scheduled_project_id, self.project)
        self.assertEqual(log.period_key, "2026-01")
        self.assertEqual((log.date_from.isoformat(), log.date_to.isoformat()), ("2026-01-01", "2026-01-31"))
        self.assertEqual(log.user_id, self.manager, "produced with the project manager's access rights")
        self.assertEqual(log.recipient_partner_ids, self.manager.partner_id | self.recipient)
        self.assertTrue(log.sent_on)
        self.assertEqual(log.record_count, 2)
        self.assertFalse(log.contains_confidential)
        self.assertTrue(self.log_filters(log)["exclude_confidential"])
        mail = self.env["mail.mail"].search([("model", "=", "srm.report.log"), ("res_id", "=", log.id)])
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, self.manager.partner_id | self.recipient)
        self.assertEqual(mail.attachment_ids, log.attachment_id)
        self.assertIn("Copper Ridge", mail.body_html)
        # a second run the same month (or a day later) sends nothing more
        self.assertFalse(self.run_cron())
        with freeze_time("2026-02-04 06:00:00"):
            self.assertFalse(self.run_cron())
        self.assertEqual(self.scheduled_logs(), log)
        self.assertEqual(self.env["mail.mail"].search_count([("model", "=", "srm.report.log")]), 1)

    @freeze_time("2026-03-02 06:00:00")
    def test_next_month_and_opt_out(self):
        self.project_other.srm_monthly_report = False
        self.run_cron()
        log = self.scheduled_logs()
        self.assertEqual(log.period_key, "2026-02")
        # February: the site visit; the confidential email is left out of emailed summaries
        self.assertEqual(log.record_count, 1)
        self.project.srm_monthly_report = False
        with freeze_time("2026-04-02 06:00:00"):
            self.assertFalse(self.run_cron())
