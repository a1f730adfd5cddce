# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common import SrmIssueCommon


@tagged("post_install", "-at_install")
class TestSrmIssuePortalLinks(HttpCase, SrmIssueCommon):
    """The link emailed to a complainant opens their grievance to whoever holds it, with
    no login: it shows what the complainant may see, and stops opening it when the
    grievance is protected afterwards."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._srm_issue_setup()
        cls.grievance = cls._issue(name="Cracks in our house after the blasts")
        cls.token = cls.grievance._portal_ensure_token()
        cls.file = cls.env["ir.attachment"].create(
            {
                "name": "offer.txt",
                "raw": b"Settlement offer: 20,000",
                "res_model": "srm.issue",
                "res_id": cls.grievance.id,
            }
        )
        cls.file.generate_access_token()

    def _fetch(self, issue, **params):
        return self.make_jsonrpc_request(
            "/mail/chatter_fetch", {"thread_model": "srm.issue", "thread_id": issue.id, "limit": 30, **params}
        )

    def _page(self, issue, token):
        return self.url_open(f"/my/issues/{issue.id}?access_token={token}", allow_redirects=False)

    def _file(self, token):
        return self.url_open(f"/web/content/{self.file.id}?access_token={token}&download=true")

    def test_link_opens_the_grievance_of_its_complainant(self):
        page = self._page(self.grievance, self.token)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Cracks in our house", page.text)
        self.assertEqual(self._file(self.file.access_token).content, b"Settlement offer: 20,000")
        # the team's answer to her, and not what it wrote to a neighbour it asked
        neighbour = self.env["res.partner"].create({"name": "Ousmane Diallo", "email": "ousmane@example.com"})
        self.grievance.with_user(self.user_user).message_post(
            body="<p>Dear Awa, an engineer visits on Monday.</p>",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.complainant.ids,
        )
        self.grievance.with_user(self.user_user).message_post(
            body="<p>Mr Diallo, did you hear the blasts at night?</p>",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=neighbour.ids,
        )
        fetched = repr(self._fetch(self.grievance, token=self.token))
        self.assertIn("engineer visits", fetched)
        self.assertNotIn("Diallo", fetched)

    def test_link_stops_opening_a_grievance_made_confidential(self):
        self.grievance.with_user(self.user_confidential).write(
            {"is_confidential": True, "resolution": "<p>SECRET settlement of 50,000</p>"}
        )
        self.assertFalse(self.grievance.access_token)
        page = self._page(self.grievance, self.token)
        self.assertNotIn("SECRET", page.text)
        self.assertNotEqual(page.status_code, 200)
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self._fetch(self.grievance, token=self.token)
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self.make_jsonrpc_request(
                "/mail/message/post",
                {
                    "thread_model": "srm.issue",
                    "thread_id": self.grievance.id,
                    "post_data": {"body": "I accept", "message_type": "comment"},
                    "token": self.token,
                },
            )
        self.assertFalse(self.grievance.message_ids.filtered(lambda m: "I accept" in (m.body or "")))
        self.assertNotEqual(self._file(self.token).content, b"Settlement offer: 20,000")
        self.assertFalse(self.file.access_token)
        # a confidential grievance gets no new link: its notifications carry none
        self.assertFalse(self.grievance._portal_ensure_token())
        self.assertFalse(self.grievance.access_token)

    def test_confidential_grievance_refuses_a_link_left_from_before(self):
        # data from before links were ended on confidential grievances
        self.grievance.with_user(self.user_confidential).write({"is_confidential": True})
        self.env.cr.execute("UPDATE srm_issue SET access_token = %s WHERE id = %s", [self.token, self.grievance.id])
        self.grievance.invalidate_recordset(["access_token"])
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self._fetch(self.grievance, token=self.token)
        data = self.make_jsonrpc_request(
            "/mail/thread/data",
            {"thread_model": "srm.issue", "thread_id": self.grievance.id, "request_list": [], "token": self.token},
        )
        self.assertIn("'hasReadAccess': False", repr(data))
        self.assertNotIn("Cracks", repr(data))

    def test_link_gives_the_messages_only(self):
        self.grievance.activity_schedule(
            "mail.mail_activity_data_todo", summary="Ask the blasting log", user_id=self.user_user.id
        )
        witness = self.env["res.partner"].create({"name": "Ousmane Diallo", "email": "ousmane@example.com"})
        self.grievance.message_subscribe(partner_ids=witness.ids)
        data = repr(
            self.make_jsonrpc_request(
                "/mail/thread/data",
                {
                    "thread_model": "srm.issue",
                    "thread_id": self.grievance.id,
                    "request_list": ["activities", "attachments", "followers", "suggestedRecipients"],
                    "token": self.token,
                },
            )
        )
        for secret in ("blasting log", "offer.txt", "Diallo", "ousmane@"):
            self.assertNotIn(secret, data)
        # a partner's signed link without the grievance's token opens nothing
        self.grievance.sudo().access_token = False
        Issue = self.env["srm.issue"].with_user(self.env.ref("base.public_user"))
        other = self._issue(name="Noise at night")
        other.sudo().access_token = False
        signature = other._sign_token(self.complainant.id)
        self.assertFalse(Issue._get_thread_with_access(self.grievance.id, hash=signature, pid=self.complainant.id))

    def test_pictures_inside_messages_keep_showing(self):
        picture = self.env["ir.attachment"].create(
            {"name": "crack.png", "raw": b"png", "res_model": "srm.issue", "res_id": self.grievance.id}
        )
        picture.generate_access_token()
        self.grievance.message_post(
            body=f'<p>See the crack <img src="/web/image/{picture.id}?access_token={picture.access_token}"></p>',
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        kept = picture.access_token
        self.grievance.with_user(self.user_confidential).write({"is_sensitive": True})
        self.assertEqual(picture.access_token, kept)
        self.assertFalse(self.file.access_token)

    def test_link_renewed_when_the_complainant_is_protected(self):
        old_file_token = self.file.access_token
        self.grievance.with_user(self.user_confidential).write({"is_sensitive": True})
        self.assertEqual(self._page(self.grievance, self.token).status_code, 303)
        self.assertNotEqual(self._file(old_file_token).content, b"Settlement offer: 20,000")
        # the complainant's next notification carries a link that opens it
        new_token = self.grievance._portal_ensure_token()
        self.assertNotEqual(new_token, self.token)
        self.assertEqual(self._page(self.grievance, new_token).status_code, 200)
        # a change that does not touch who follows the grievance keeps the link
        self.grievance.write({"name": "Cracks in our house after the night blasts"})
        self.assertEqual(self.grievance.access_token, new_token)

    def test_portal_chatter_hides_protected_complainant(self):
        sensitive = self._issue(name="Harassment at the camp", is_sensitive=True)
        sensitive.message_post(
            body="<p>He followed me home again.</p>",
            author_id=self.complainant.id,
            message_type="email",
            subtype_xmlid="mail.mt_comment",
        )
        for login in ("iss_user", "iss_auditor"):
            with self.subTest(login=login):
                self.authenticate(login, login)
                fetched = self._fetch(sensitive)
                self.assertIn("followed me home", repr(fetched))
                self.assertNotIn("Awa", repr(fetched))
        self.authenticate("iss_confidential", "iss_confidential")
        self.assertIn("Awa", repr(self._fetch(sensitive)))

    def test_worker_grievance_concerns_nobody_on_the_portal_but_its_complainant(self):
        contractor = self.env["res.partner"].create(
            {"name": "Fast Drilling Ltd", "is_company": True, "is_stakeholder": True}
        )
        new_test_user(
            self.env,
            "iss_contractor",
            "base.group_portal",
            partner_id=contractor.id,
            context={"no_reset_password": True},
        )
        worker = self._issue(
            name="Unpaid overtime at Fast Drilling", grievance_scope="worker", partner_ids=[(6, 0, contractor.ids)]
        )
        self.authenticate("iss_contractor", "iss_contractor")
        self.assertNotIn(worker.reference, self.url_open("/my/issues").text)
        self.assertEqual(self.url_open(f"/my/issues/{worker.id}", allow_redirects=False).status_code, 303)

    def test_emails_carry_a_link_only_while_it_opens(self):
        def emailed(issue, text):
            issue.with_user(self.user_confidential).with_context(mail_notify_force_send=False).message_post(
                body=f"<p>{text}</p>",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=self.complainant.ids,
            )
            mails = self.env["mail.mail"].search(
                [("model", "=", "srm.issue"), ("res_id", "=", issue.id), ("recipient_ids", "in", self.complainant.ids)]
            )
            return "".join(mail.body_html for mail in mails if text in mail.body_html)

        self.assertIn(f"access_token={self.token}", emailed(self.grievance, "An engineer visits on Monday."))
        self.grievance.with_user(self.user_confidential).write({"is_confidential": True})
        # the complainant of a confidential grievance gets no email from the team's
        # messages; an email Odoo would build for them gives no link to open it
        self.assertFalse(emailed(self.grievance, "The engineer found two cracks."))
        message = self.grievance.message_ids[:1]
        groups = self.grievance._notify_get_recipients_groups(message, "Issue")
        self.assertNotIn("portal_customer", [group[0] for group in groups])
        self.assertFalse(self.grievance.access_token)

    def test_which_changes_end_the_links(self):
        Issue = self.grievance.with_user(self.user_confidential)
        # the same values, or another field: the link still opens the grievance
        Issue.write({"is_sensitive": False, "grievance_scope": self.grievance.grievance_scope, "severity": "3"})
        self.assertEqual(self.grievance.access_token, self.token)
        # another complainant: the first one's link ends
        Issue.write({"complainant_partner_id": self.other_complainant.id})
        self.assertFalse(self.grievance.access_token)
        worker = self._issue(name="Night shifts without pay")
        token = worker._portal_ensure_token()
        worker.with_user(self.user_confidential).write({"grievance_scope": "worker"})
        self.assertNotEqual(worker._portal_ensure_token(), token)
