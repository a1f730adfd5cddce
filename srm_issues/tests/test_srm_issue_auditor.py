# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.http import Request
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common import SrmIssueCommon


@tagged("post_install", "-at_install")
class TestSrmIssueAuditor(HttpCase, SrmIssueCommon):
    """The auditor reads grievances through the chatter and cannot write to anybody:
    posting on an issue only needs read access, so the chatter's routes would let them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._srm_issue_setup()
        cls.issue = cls._issue(name="Dust on the market")

    def _issue_mails(self):
        return self.env["mail.mail"].search([("model", "=", "srm.issue"), ("res_id", "=", self.issue.id)])

    def test_auditor_cannot_write_to_the_complainant_through_the_chatter(self):
        self.authenticate("iss_auditor", "iss_auditor")
        data = self.make_jsonrpc_request(
            "/mail/thread/data",
            {"thread_model": "srm.issue", "thread_id": self.issue.id, "request_list": ["followers"]},
        )
        thread = [t for t in data["mail.thread"] if t["id"] == self.issue.id][0]
        self.assertTrue(thread["hasReadAccess"])
        self.assertFalse(thread["canPostOnReadonly"], "no Send message / Log note button")
        messages_before = self.issue.message_ids
        mails_before = self._issue_mails()
        for post_data in (
            {"body": "Please confirm", "message_type": "comment", "subtype_xmlid": "mail.mt_comment",
             "partner_ids": self.complainant.ids},
            {"body": "Audit remark", "message_type": "comment", "subtype_xmlid": "mail.mt_note"},
        ):  # fmt: skip
            with self.subTest(post_data=post_data), self.assertRaises(JsonRpcException) as error:
                with mute_logger("odoo.http"):
                    self.make_jsonrpc_request(
                        "/mail/message/post",
                        {"thread_model": "srm.issue", "thread_id": self.issue.id, "post_data": post_data},
                    )
            self.assertEqual(error.exception.args[0], "odoo.exceptions.AccessError")
        self.assertEqual(self.issue.message_ids, messages_before)
        self.assertEqual(self._issue_mails(), mails_before, "no email queued")
        with mute_logger("odoo.http"):
            response = self.url_open(
                "/mail/attachment/upload",
                data={"thread_id": self.issue.id, "thread_model": "srm.issue", "csrf_token": self._csrf()},
                files={"ufile": ("audit.txt", b"remarks", "text/plain")},
            )
        self.assertIn("error", response.json())
        self.assertFalse(
            self.env["ir.attachment"].search([("res_model", "=", "srm.issue"), ("res_id", "=", self.issue.id)])
        )

    def test_auditor_schedules_and_follows_nothing(self):
        issue = self.issue.with_user(self.user_auditor)
        with self.assertRaisesRegex(AccessError, "auditor access is read-only"):
            issue.activity_schedule("mail.mail_activity_data_todo", user_id=self.user_user.id)
        with self.assertRaisesRegex(AccessError, "auditor access is read-only"):
            issue.message_subscribe(partner_ids=self.user_auditor.partner_id.ids)
        self.assertNotIn(self.user_auditor.partner_id, self.issue.message_partner_ids)
        self.assertFalse(self.issue.activity_ids)

    def _csrf(self):
        return Request.csrf_token(self)
