# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import SrmIssueCommon


@tagged("post_install", "-at_install")
class TestSrmIssuePortal(HttpCase, SrmIssueCommon):
    """A stakeholder with a portal login follows their own issues, and only those."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._srm_issue_setup()
        cls.own = cls._issue(
            name="My field was flooded",
            proposed_response="<p>We will dig a drain along your field.</p>",
            investigation_notes="<p>Internal: drain budget not approved yet</p>",
        )
        cls.own.message_post(body="Internal: check the land title", subtype_xmlid="mail.mt_note")
        cls.other = cls._issue(name="Someone else's grievance", complainant_partner_id=cls.other_complainant.id)
        cls.confidential = cls._issue(name="My confidential matter", is_confidential=True)

    def test_portal_user_sees_own_issues_only(self):
        self.authenticate("iss_portal", "iss_portal")
        listing = self.url_open("/my/issues")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(self.own.reference, listing.text)
        self.assertNotIn(self.other.reference, listing.text)
        self.assertNotIn(self.confidential.reference, listing.text)
        page = self.url_open(f"/my/issues/{self.own.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("My field was flooded", page.text)
        self.assertIn("We will dig a drain along your field.", page.text)
        self.assertNotIn("drain budget", page.text)
        self.assertNotIn("land title", page.text)
        # someone else's issue: back to the portal home
        response = self.url_open(f"/my/issues/{self.other.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertNotIn("Someone else", response.text)
        home = self.url_open("/my/home")
        self.assertIn("/my/issues", home.text)

    def test_portal_messages_are_replies_in_their_own_name(self):
        """Whatever the call asks, a complainant writes in the open conversation
        of their grievance, as themselves, to its followers: not an internal note
        among the team's, not in an officer's name, not to other contacts."""
        self.own.message_subscribe(partner_ids=self.user_user.partner_id.ids)
        self.authenticate("iss_portal", "iss_portal")
        self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": "srm.issue",
                "thread_id": self.own.id,
                "post_data": {"body": "Posted as a note", "message_type": "comment", "subtype_xmlid": "mail.mt_note"},
            },
        )
        over_rpc = self.own.with_user(self.user_portal).message_post(
            body="Posted in the officer's name",
            subtype_xmlid="mail.mt_note",
            subtype_id=self.env.ref("mail.mt_note").id,
            author_id=self.user_manager.partner_id.id,
            email_from="manager@example.com",
            is_internal=True,
            message_type="notification",
            partner_ids=(self.other_complainant | self.user_user.partner_id).ids,
        )
        comment = self.env.ref("mail.mt_comment")
        for body in ("Posted as a note", "Posted in the officer's name"):
            message = self.own.message_ids.filtered(lambda m, body=body: body in (m.body or ""))
            self.assertEqual(len(message), 1)
            self.assertEqual(message.subtype_id, comment, body)
            self.assertEqual(message.message_type, "comment")
            self.assertFalse(message.is_internal)
            self.assertEqual(message.author_id, self.complainant)
        self.assertIn("awa.traore@example.com", over_rpc.email_from)
        self.assertEqual(over_rpc.partner_ids, self.user_user.partner_id, "followers only")
        self.assertNotIn(self.other_complainant, over_rpc.notification_ids.res_partner_id)
        # nor a notification to whomever she likes
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.own.with_user(self.user_portal).message_notify(
                partner_ids=self.other_complainant.ids, body="Notified by the complainant", subject="Hello"
            )
        self.assertFalse(
            self.env["mail.message"].search([("body", "ilike", "Notified by the complainant")]), "nothing sent"
        )
        # the complainant reads her own messages back in the chatter of her page
        fetched = repr(
            self.make_jsonrpc_request("/mail/chatter_fetch", {"thread_model": "srm.issue", "thread_id": self.own.id})
        )
        self.assertIn("Posted as a note", fetched)
        self.assertIn("Posted in the officer", fetched)
        self.assertNotIn("land title", fetched)

    def test_public_visitor_is_sent_to_login(self):
        response = self.url_open(f"/my/issues/{self.own.id}", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertNotIn("My field was flooded", response.text)
        listing = self.url_open("/my/issues", allow_redirects=False)
        self.assertIn(listing.status_code, (302, 303))
