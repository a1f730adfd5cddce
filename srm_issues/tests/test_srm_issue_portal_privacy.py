# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.http import Request
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common import SrmIssueCommon


@tagged("post_install", "-at_install")
class TestSrmIssuePortalPrivacy(HttpCase, SrmIssueCommon):
    """A stakeholder named in a grievance, with a portal login, sees of it only what
    is written for them: never who raised it, what they wrote or the investigation,
    and they answer only when the team invites them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._srm_issue_setup()
        cls.guard = cls.env["res.partner"].create(
            {"name": "Jean Garde", "email": "jean.garde@example.com", "is_stakeholder": True}
        )
        cls.user_guard = new_test_user(
            cls.env,
            "iss_guard",
            "base.group_portal",
            name="Jean Garde",
            partner_id=cls.guard.id,
            context={"no_reset_password": True},
        )
        cls.grievance = cls._issue(
            name="Threats by the guard Jean at the gate",
            description="<p>Jean Garde shouted that my family would regret it.</p>",
            investigation_notes="<p>Two witnesses confirm the threats.</p>",
            proposed_response="<p>The guard will be moved to another site.</p>",
            partner_ids=[(6, 0, cls.guard.ids)],
        )
        # the team writes to the complainant, and logs a note
        cls.to_complainant = cls.grievance.with_user(cls.user_user).message_post(
            body="<p>Dear Awa, we registered your grievance about the threats.</p>",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=cls.complainant.ids,
        )
        cls.grievance.with_user(cls.user_user).message_post(
            body="<p>Internal: guard on probation</p>", subtype_xmlid="mail.mt_note"
        )
        cls.sensitive = cls._issue(name="Harassment by Jean", is_sensitive=True, partner_ids=[(6, 0, cls.guard.ids)])

    def _csrf(self):
        return Request.csrf_token(self)

    def test_concerned_stakeholder_reads_nothing_over_rpc(self):
        Issue = self.env["srm.issue"].with_user(self.user_guard)
        self.assertFalse(Issue.search([("id", "in", (self.grievance | self.sensitive).ids)]))
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            self.grievance.with_user(self.user_guard).read(["name", "complainant_id", "investigation_notes"])
        Message = self.env["mail.message"].with_user(self.user_guard)
        self.assertFalse(Message.search([("model", "=", "srm.issue"), ("res_id", "=", self.grievance.id)]))
        # the complainant reads her issue, not the investigation
        own = self.grievance.with_user(self.user_portal)
        self.assertEqual(own.name, "Threats by the guard Jean at the gate")
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            own.read(["investigation_notes"])

    def test_concerned_stakeholder_portal_pages(self):
        self.authenticate("iss_guard", "iss_guard")
        listing = self.url_open("/my/issues")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(self.grievance.reference, listing.text)
        self.assertNotIn(self.sensitive.reference, listing.text, "sensitive grievances concern only their complainant")
        page = self.url_open(f"/my/issues/{self.grievance.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.grievance.reference, page.text)
        self.assertIn(self.grievance.public_stage_name, page.text)
        for secret in ("Threats by", "Awa", "shouted", "witnesses", "moved to another site", "probation"):
            self.assertFalse(secret in listing.text + page.text, f"{secret!r} is shown")
        self.assertNotIn("/reply", page.text, "not invited: no answer form")
        response = self.url_open(f"/my/issues/{self.sensitive.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        # the chatter's routes give nothing and take nothing
        fetched = self.make_jsonrpc_request(
            "/mail/chatter_fetch", {"thread_model": "srm.issue", "thread_id": self.grievance.id}
        )
        self.assertNotIn("Awa", repr(fetched))
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self.make_jsonrpc_request(
                "/mail/message/post",
                {
                    "thread_model": "srm.issue",
                    "thread_id": self.grievance.id,
                    "post_data": {"body": "I never threatened anybody", "message_type": "comment"},
                },
            )
        self.url_open(
            f"/my/issues/{self.grievance.id}/reply", data={"message": "I never did", "csrf_token": self._csrf()}
        )
        self.assertFalse(self.grievance.message_ids.filtered(lambda m: "never" in (m.body or "")))

    def test_invited_stakeholder_answers_the_team_only(self):
        # the team writes to the guard and invites him to answer
        to_guard = self.grievance.with_user(self.user_user).message_post(
            body="<p>Mr Garde, please tell us your side of the events.</p>",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.guard.ids,
        )
        self.grievance.with_user(self.user_user).message_subscribe(partner_ids=self.guard.ids)
        self.assertNotIn(self.complainant, to_guard.notification_ids.res_partner_id, "not emailed to her")
        self.authenticate("iss_guard", "iss_guard")
        page = self.url_open(f"/my/issues/{self.grievance.id}")
        self.assertIn("please tell us your side", page.text)
        self.assertNotIn("we registered your grievance", page.text)
        self.assertIn(f"/my/issues/{self.grievance.id}/reply", page.text)
        self.url_open(
            f"/my/issues/{self.grievance.id}/reply",
            data={"message": "I was not on duty that <b>day</b>.", "csrf_token": self._csrf()},
        )
        answer = self.grievance.message_ids.filtered(lambda m: "not on duty" in (m.body or ""))
        self.assertEqual(answer.author_id, self.guard)
        self.assertEqual(answer.subtype_id, self.env.ref("mail.mt_note"), "a note for the team")
        self.assertIn(self.user_user.partner_id, answer.notification_ids.res_partner_id, "the officer is told")
        self.assertNotIn("<b>", answer.body)
        page = self.url_open(f"/my/issues/{self.grievance.id}")
        self.assertIn("I was not on duty that", page.text)
        # a message to the complainant is not emailed to the invited guard
        later = self.grievance.with_user(self.user_user).message_post(
            body="<p>Awa, the guard was moved.</p>",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.complainant.ids,
        )
        self.assertNotIn(self.guard, later.notification_ids.res_partner_id)
        # the complainant sees neither the message to the guard nor his answer,
        # on the portal or on the status page of her tracking code
        status = repr(self.grievance._srm_public_status())
        self.assertIn("we registered your grievance", status)
        self.assertNotIn("your side", status)
        self.assertNotIn("not on duty", status)
        self.authenticate("iss_portal", "iss_portal")
        fetched = repr(
            self.make_jsonrpc_request(
                "/mail/chatter_fetch", {"thread_model": "srm.issue", "thread_id": self.grievance.id}
            )
        )
        self.assertIn("we registered your grievance", fetched)
        self.assertNotIn("your side", fetched)
        self.assertNotIn("not on duty", fetched)
        Message = self.env["mail.message"].with_user(self.user_portal)
        self.assertFalse(Message.search([("id", "=", to_guard.id)]))
        with self.assertRaises(AccessError), mute_logger("odoo.addons.mail.models.mail_message", "odoo.models"):
            to_guard.with_user(self.user_portal).read(["body"])
