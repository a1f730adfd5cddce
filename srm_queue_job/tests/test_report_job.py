# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.srm_reporting.tests.common import PERIOD, SrmReportingCommon
from odoo.addons.srm_reporting.tests.test_report_company import SrmReportCompanyCommon

from .common import trap_jobs


@tagged("post_install", "-at_install")
class TestReportJob(SrmReportingCommon):
    """Reports above the size threshold are produced by a job on root.srm, as their
    author, into the report archive; the author is notified with a link."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the engagement log of the project holds about ten rows (engagements and totals)
        cls.env["ir.config_parameter"].sudo().set_param("srm_queue_job.report_row_threshold", "5")
        cls.Log = cls.env["srm.report.log"]

    def wizard(self, user, **vals):
        return (
            self.env["srm.report.wizard"]
            .with_user(user)
            .create(
                {
                    "report_kind": "engagement_log",
                    "output_format": "xlsx",
                    "date_from": PERIOD["date_from"],
                    "date_to": PERIOD["date_to"],
                    "project_ids": [(6, 0, self.project.ids)],
                    **vals,
                }
            )
        )

    def logs_of(self, user):
        return self.Log.sudo().search([("user_id", "=", user.id)])

    def inbox(self, user, log=None):
        """Messages notified to the user (about ``log`` when given)."""
        domain = [("partner_ids", "in", user.partner_id.ids), ("message_type", "=", "user_notification")]
        if log:
            domain += [("model", "=", "srm.report.log"), ("res_id", "=", log.id)]
        return self.env["mail.message"].sudo().search(domain)

    def test_large_report_is_a_job_filed_for_its_author(self):
        with trap_jobs() as trap:
            action = self.wizard(self.manager).action_generate()
            # the user is told, nothing is produced yet
            self.assertEqual(action["tag"], "display_notification")
            self.assertIn("We will notify you when it is ready", action["params"]["message"])
            self.assertFalse(self.logs_of(self.manager))
            trap.assert_jobs_count(1, only=self.Log._srm_job_generate_report)
            job = trap.enqueued_jobs[0]
            self.assertEqual(job.channel, "root.srm")
            # run as the author, never as superuser
            self.assertEqual(job.recordset.env.uid, self.manager.id)
            self.assertFalse(job.recordset.env.su)
            trap.perform_enqueued_jobs()

        log = self.logs_of(self.manager)
        self.assertEqual(len(log), 1)
        self.assertEqual(log.record_count, 4)
        self.assertTrue(log.contains_confidential)
        # the author reads the archived file
        self.assertTrue(log.with_user(self.manager).attachment_id.with_user(self.manager).raw)
        # a user who may not read the confidential engagement may open neither the log nor its file
        with self.assertRaises(AccessError):
            log.with_user(self.srm_user).read(["name"])
        with self.assertRaises(AccessError):
            log.attachment_id.with_user(self.srm_user).read(["raw"])
        # the author got a message with a link to the archived report; nobody else sees it
        message = self.inbox(self.manager, log)
        self.assertEqual(len(message), 1)
        self.assertIn(f"/odoo/srm.report.log/{log.id}", message.body)
        self.assertIn("is ready", message.body)
        self.assertFalse(self.env["mail.message"].with_user(self.srm_user).search([("id", "=", message.id)]))

    def notification_of(self, user, message):
        """The notification of ``message`` to ``user``, as the job left it."""
        return (
            self.env["mail.notification"]
            .sudo()
            .search([("res_partner_id", "=", user.partner_id.id), ("mail_message_id", "=", message.id)])
        )

    def run_report_job(self, user, **vals):
        with trap_jobs() as trap:
            self.wizard(user, **vals).action_generate()
            trap.perform_enqueued_jobs()
        return self.logs_of(user)

    def test_author_finds_the_ready_report_unread_in_their_inbox(self):
        """The job runs as the author: they are still notified of their report, although
        the message reaches them while they are the current user."""
        self.manager.notification_type = "inbox"
        log = self.run_report_job(self.manager)
        message = self.inbox(self.manager, log)
        notification = self.notification_of(self.manager, message)
        self.assertEqual(len(notification), 1, "the author is notified, not only named on the message")
        self.assertEqual(notification.notification_type, "inbox")
        self.assertFalse(notification.is_read)
        # what the author's inbox shows: the message waits for them
        unread = self.env["mail.message"].with_user(self.manager).search([("needaction", "=", True)])
        self.assertIn(message, unread)

    def test_author_who_chose_email_receives_the_ready_report_by_email(self):
        self.manager.notification_type = "email"
        log = self.run_report_job(self.manager)
        message = self.inbox(self.manager, log)
        notification = self.notification_of(self.manager, message)
        self.assertEqual(len(notification), 1)
        self.assertEqual(notification.notification_type, "email")
        self.assertEqual(notification.notification_status, "sent")

    def test_job_reads_what_its_author_may_read(self):
        """The job is not a way around record rules: a user without Confidential access
        gets the report they would get at once, without the confidential engagement."""
        with trap_jobs() as trap:
            self.wizard(self.srm_user).action_generate()
            trap.perform_enqueued_jobs()
        log = self.logs_of(self.srm_user)
        self.assertEqual(log.record_count, 3)
        self.assertFalse(log.contains_confidential)
        self.assertEqual(len(self.inbox(self.srm_user, log)), 1)

    def test_job_run_twice_files_one_report(self):
        with trap_jobs() as trap:
            self.wizard(self.manager).action_generate()
            job = trap.enqueued_jobs[0]
            job.perform()
            job.perform()
        self.assertEqual(len(self.logs_of(self.manager)), 1)
        self.assertEqual(len(self.inbox(self.manager)), 1)

    def test_same_request_waiting_is_enqueued_once(self):
        with trap_jobs() as trap:
            self.wizard(self.manager).action_generate()
            self.wizard(self.manager).action_generate()
            self.assertEqual(trap.jobs_count(only=self.Log._srm_job_generate_report), 1)

    def test_small_report_is_downloaded_at_once(self):
        self.env["ir.config_parameter"].sudo().set_param("srm_queue_job.report_row_threshold", "1000")
        with trap_jobs() as trap:
            action = self.wizard(self.manager).action_generate()
            trap.assert_jobs_count(0)
        self.assertEqual(action["type"], "ir.actions.act_url")
        log = self.logs_of(self.manager)
        self.assertEqual(len(log), 1)
        self.assertIn(f"/web/content/{log.attachment_id.id}", action["url"])
        self.assertFalse(self.inbox(self.manager))

    def test_report_the_failed_job_is_notified_to_its_author(self):
        """The job that cannot produce a report, run as its author, tells them in their
        inbox, or by email when they chose it."""
        bad = {"kind": "engagement_log", "date_from": "2026-03-31", "date_to": "2026-01-01"}
        for notification_type in ("inbox", "email"):
            with self.subTest(notification_type=notification_type):
                self.srm_user.notification_type = notification_type
                before = self.inbox(self.srm_user)
                with trap_jobs() as trap:
                    self.Log.with_user(self.srm_user).with_delay(channel="root.srm")._srm_job_generate_report(
                        bad, "xlsx", request_key=f"bad-period-{notification_type}"
                    )
                    trap.perform_enqueued_jobs()
                message = self.inbox(self.srm_user) - before
                self.assertEqual(len(message), 1)
                self.assertIn("could not be produced", message.body)
                notification = self.notification_of(self.srm_user, message)
                self.assertEqual(len(notification), 1)
                self.assertEqual(notification.notification_type, notification_type)
                if notification_type == "inbox":
                    self.assertFalse(notification.is_read)
                else:
                    self.assertEqual(notification.notification_status, "sent")

    def test_report_the_job_cannot_produce_is_explained_to_its_author(self):
        """A report refused while the job runs (here a period that ends before it starts,
        which the wizard would have refused too) is not retried: its author is told why."""
        bad = {"kind": "engagement_log", "date_from": "2026-03-31", "date_to": "2026-01-01"}
        result = self.Log.with_user(self.manager)._srm_job_generate_report(bad, "xlsx", request_key="bad-period")
        self.assertIn("not produced", result)
        self.assertFalse(self.logs_of(self.manager))
        message = self.inbox(self.manager)
        self.assertEqual(len(message), 1)
        self.assertIn("could not be produced", message.body)


@tagged("post_install", "-at_install")
class TestReportJobCompany(SrmReportCompanyCommon):
    """A large report asked for by a user of two companies is produced by a job in the
    company current when it was asked for, alone, as it is at once: the file holds that
    company's records only, and is filed under it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param("srm_queue_job.report_row_threshold", "5")

    def test_job_builds_the_report_in_its_company_alone(self):
        wizard = self.in_companies("srm.report.wizard", self.two_companies, self.company | self.company_b).create(
            {
                "report_kind": "engagement_log",
                "output_format": "xlsx",
                "date_from": PERIOD["date_from"],
                "date_to": PERIOD["date_to"],
            }
        )
        with trap_jobs() as trap:
            action = wizard.action_generate()
            self.assertEqual(action["tag"], "display_notification")
            trap.assert_jobs_count(1)
            self.assertEqual(trap.enqueued_jobs[0].recordset.env.context["allowed_company_ids"], self.company.ids)
            trap.perform_enqueued_jobs()
        log = self.env["srm.report.log"].sudo().search([("user_id", "=", self.two_companies.id)])
        self.assertEqual(len(log), 1)
        self.assertEqual(log.company_id, self.company)
        content = self.content(log)
        self.assertMentions(content, "Village meeting on dust")
        self.assertMentions(content, "Northern Pit", mentioned=False)
