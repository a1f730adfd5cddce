# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import hashlib

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PERIOD, SrmReportingCommon


@tagged("post_install", "-at_install")
class TestReportAudit(SrmReportingCommon):
    def test_log_records_who_when_what(self):
        log = self.generate("engagement_log", "xlsx", user=self.srm_user)
        log = log.sudo()
        self.assertEqual(log.user_id, self.srm_user)
        self.assertTrue(log.create_date)
        self.assertEqual(log.report_kind, "engagement_log")
        self.assertEqual(log.output_format, "xlsx")
        self.assertEqual(log.project_ids, self.project)
        self.assertEqual(log.record_count, 3)
        self.assertEqual(
            self.log_filters(log),
            {
                "kind": "engagement_log",
                "date_from": PERIOD["date_from"],
                "date_to": PERIOD["date_to"],
                "project_ids": self.project.ids,
                "stakeholder_type_ids": [],
                "segment_ids": [],
                "partner_ids": [],
                "engagement_ids": [],
                "exclude_confidential": False,
            },
        )
        self.assertIn("Projects: [CR] Copper Ridge", log.filter_summary)
        content = log.attachment_id.raw
        self.assertEqual(log.digest, hashlib.sha256(content).hexdigest())
        self.assertEqual(log.file_size, len(content))
        self.assertEqual(log.attachment_id.res_model, "srm.report.log")
        self.assertEqual(log.attachment_id.res_id, log.id)
        self.assertEqual(log.file_name, f"engagement_log_CR_2026-01-01_2026-03-31_{log.id}.xlsx")

    def test_log_cannot_be_altered(self):
        log = self.generate("engagement_log", "xlsx")
        with self.assertRaises(UserError):
            log.sudo().write({"digest": "0" * 64})
        with self.assertRaises(UserError):
            log.sudo().write({"filters_json": "{}"})
        with self.assertRaises(AccessError):
            log.with_user(self.manager).write({"sent_on": "2026-01-01 00:00:00"})
        with self.assertRaises(AccessError):
            log.with_user(self.manager).unlink()

    def test_who_sees_which_log(self):
        confidential = self.generate("engagement_log", "xlsx", user=self.manager)
        self.assertTrue(confidential.sudo().contains_confidential)
        shared = self.generate("engagement_log", "xlsx", user=self.manager, exclude_confidential=True)
        self.assertFalse(shared.sudo().contains_confidential)
        own = self.generate("engagement_log", "xlsx", user=self.restricted)
        logs = confidential | shared | own
        Log = self.env["srm.report.log"]

        def visible(user):
            return Log.with_user(user).search([("id", "in", logs.ids)])

        self.assertEqual(visible(self.manager), logs)
        self.assertEqual(visible(self.srm_user), shared | own)
        self.assertEqual(visible(self.auditor), shared | own)
        self.assertEqual(visible(self.restricted), own)
        # the attachment follows the log
        with self.assertRaises(AccessError):
            confidential.attachment_id.with_user(self.srm_user).read(["raw"])
        self.assertTrue(shared.attachment_id.with_user(self.auditor).raw)

    def test_verify_matching_file(self):
        log = self.generate("consultation_summary", "odt", user=self.srm_user)
        content = self.content(log)
        wizard = (
            self.env["srm.report.verify.wizard"]
            .with_user(self.auditor)
            .create({"file": base64.b64encode(content), "file_name": "received.odt"})
        )
        wizard.action_verify()
        self.assertEqual(wizard.state, "match")
        self.assertEqual(wizard.digest, hashlib.sha256(content).hexdigest())
        self.assertEqual(wizard.log_id, log)
        self.assertEqual(wizard.matched_user, self.srm_user.name)
        self.assertEqual(wizard.matched_file_name, log.sudo().file_name)
        self.assertIn(f"report #{log.id}", wizard.result)
        self.assertIn("Authentic", wizard.result)

    def test_verify_altered_file(self):
        log = self.generate("engagement_log", "xlsx")
        content = bytearray(self.content(log))
        content[-30] ^= 0x01  # one bit changed
        wizard = (
            self.env["srm.report.verify.wizard"]
            .with_user(self.auditor)
            .create({"file": base64.b64encode(bytes(content))})
        )
        wizard.action_verify()
        self.assertEqual(wizard.state, "mismatch")
        self.assertFalse(wizard.log_id)
        self.assertIn("Not authentic", wizard.result)

    def test_verify_report_the_auditor_may_not_open(self):
        """An auditor can vouch for a confidential report without reading its content."""
        log = self.generate("engagement_log", "xlsx", user=self.manager)
        wizard = (
            self.env["srm.report.verify.wizard"]
            .with_user(self.auditor)
            .create({"file": base64.b64encode(self.content(log))})
        )
        wizard.action_verify()
        self.assertEqual(wizard.state, "match")
        self.assertFalse(wizard.log_id)
        self.assertFalse(wizard.matched_filters)
        self.assertEqual(wizard.matched_name, log.sudo().name)

    def test_verify_without_file(self):
        wizard = self.env["srm.report.verify.wizard"].create({})
        with self.assertRaises(UserError):
            wizard.action_verify()
