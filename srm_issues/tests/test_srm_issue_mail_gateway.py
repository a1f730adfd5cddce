# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import new_test_user, tagged

from odoo.addons.mail.tests.common import MailCommon
from odoo.addons.mail.tools.discuss import Store

RAW_EMAIL = """Return-Path: {return_path}
To: {to}
cc: {cc}
Received: by mail1.example.com (Postfix, from userid 10002)
    id 5DF9ABFB2A; Fri, 10 Aug 2026 16:16:39 +0200 (CEST)
From: {email_from}
Subject: {subject}
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit
Date: Fri, 10 Aug 2026 14:16:26 +0000
Message-ID: {msg_id}
{extra}
{body}
"""
# what the receiving mail server (trusted in setUpClass) writes for an email whose sender
# it authenticated: only then is an email linked to the existing contact of its address
AUTHENTICATED = "Authentication-Results: mx.srm.test; dkim=pass header.d=example.com\n"


@tagged("post_install", "-at_install")
class TestSrmIssueMailGateway(MailCommon):
    """An email to the grievances alias becomes an issue; replies thread onto it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alias = cls.env.ref("srm_issues.mail_alias_srm_issue")
        cls.alias.alias_domain_id = cls.mail_alias_domain
        cls.alias_email = f"grievances@{cls.alias_domain}"
        cls.known = cls.env["res.partner"].create(
            {"name": "Ama Boateng", "email": "ama.boateng@example.com", "is_stakeholder": True, "lang": "en_US"}
        )
        cls.env["ir.config_parameter"].sudo().set_param("srm_base.mail_trusted_authserv_ids", "mx.srm.test")

    def _process(self, email_from, subject, body, **kwargs):
        kwargs.setdefault("extra", AUTHENTICATED)
        return self.format_and_process(
            RAW_EMAIL, email_from, self.alias_email, subject=subject, body=body,
            target_model="srm.issue", **kwargs,
        )

    def _reply(self, parent, subject, body, email_from='"Ama Boateng" <ama.boateng@example.com>', extra=AUTHENTICATED):
        """Ama Boateng (or ``email_from``) answers ``parent`` (a message of an issue) by
        email, authenticated by the mail server unless ``extra`` says otherwise."""
        return self.format_and_process(
            RAW_EMAIL,
            email_from,
            self.alias_email,
            subject=subject,
            body=body,
            extra=f"{extra}In-Reply-To: {parent.message_id}\nReferences: {parent.message_id}",
            target_model="srm.issue",
            target_field="name",
        )

    def test_email_from_known_stakeholder_creates_issue(self):
        with self.mock_mail_gateway():
            issue = self._process(
                '"Ama Boateng" <ama.boateng@example.com>',
                "Water from my well smells of fuel",
                "Since the new generator was installed, the well water smells of fuel.",
            )
        self.assertEqual(len(issue), 1)
        self.assertEqual(issue.channel, "email")
        self.assertEqual(issue.complainant_id, self.known)
        self.assertRegex(issue.reference, r"^GRV-\d{4}-\d{4}$")
        self.assertIn("smells of fuel", issue.description)
        self.assertIn(self.known, issue.message_partner_ids)
        incoming = issue.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(len(incoming), 1)
        self.assertEqual(incoming.author_id, self.known)

    def test_email_from_unknown_sender_creates_stakeholder(self):
        with self.mock_mail_gateway():
            issue = self._process(
                '"Kwame Asante" <kwame.asante@example.org>',
                "Blasting cracked my wall",
                "The blast this morning cracked the wall of my house.",
            )
        self.assertEqual(issue.complainant_id.email, "kwame.asante@example.org")
        self.assertEqual(issue.complainant_id.name, "Kwame Asante")
        self.assertTrue(issue.complainant_id.is_stakeholder)

    def test_reply_threads_onto_issue(self):
        with self.mock_mail_gateway():
            issue = self._process(
                '"Ama Boateng" <ama.boateng@example.com>',
                "Dust on my crops",
                "The haul road dust covers my crops.",
                msg_id="<first-dust-message@example.com>",
            )
            issue.stage_id = self.env.ref("srm_issues.srm_issue_stage_acknowledged")
            count = self.env["srm.issue"].search_count([])
            ack = issue.message_ids.filtered(lambda m: m.subtype_id == self.env.ref("mail.mt_comment"))
            self.assertEqual(len(ack), 1)
            self.assertSentEmail(self.env.user.partner_id, [self.known])
            self._reply(ack, "Re: Dust on my crops", "Thank you, it is still dusty today.")
        self.assertEqual(self.env["srm.issue"].search_count([]), count, "no new issue for a reply")
        replies = issue.message_ids.filtered(lambda m: "still dusty" in (m.body or ""))
        self.assertEqual(len(replies), 1)
        self.assertEqual(replies.author_id, self.known)

    def test_reply_on_closed_issue_tells_the_officer(self):
        # an officer who may read the issue (one who may not is given no activity on it)
        self.user_employee.groups_id += self.env.ref("srm_base.group_srm_user")
        issue = self.env["srm.issue"].create(
            {
                "name": "Fence on the path",
                "complainant_id": self.known.id,
                "user_id": self.user_employee.id,
                "stage_id": self.env.ref("srm_issues.srm_issue_stage_closed").id,
                "outcome": "resolved_accepted",
            }
        )
        with self.mock_mail_gateway():
            issue.message_post(body="Closed, thank you.", message_type="comment", subtype_xmlid="mail.mt_comment",
                               partner_ids=self.known.ids)
            sent = issue.message_ids[0]
            self._reply(sent, "Re: Fence on the path", "The fence is back.")
        self.assertIn(self.user_employee, issue.activity_ids.user_id)

    def test_forged_reply_is_in_nobodys_name(self):
        """A reply with the address of the complainant or of a colleague in ``From:`` that
        the mail server did not authenticate is kept, in nobody's name, with a warning."""
        colleague = new_test_user(
            self.env, "forged_officer", "srm_base.group_srm_user", name="Grace Officer", email="grace@example.com"
        )
        with self.mock_mail_gateway():
            issue = self._process(
                '"Ama Boateng" <ama.boateng@example.com>',
                "Blocked footpath",
                "The new fence blocks the footpath to the river.",
                msg_id="<footpath-first@example.com>",
            )
            incoming = issue.message_ids.filtered(lambda m: m.message_type == "email")
            self._reply(incoming, "Re: Blocked footpath", "I withdraw my grievance.", extra="")
            self._reply(
                incoming,
                "Re: Blocked footpath",
                "We will pay for it.",
                email_from="Grace Officer <grace@example.com>",
                extra="",
            )
        for body, address in (("I withdraw", "ama.boateng@example.com"), ("We will pay", "grace@example.com")):
            reply = issue.message_ids.filtered(lambda m, body=body: body in (m.body or ""))
            self.assertEqual(len(reply), 1, "the reply is kept")
            self.assertFalse(reply.author_id, "not in the name of the owner of the address")
            self.assertIn(address, reply.email_from, "the team sees the address")
            self.assertIn("did not authenticate", reply.body)
        self.assertNotIn(colleague.partner_id, issue.message_partner_ids, "the colleague is not made a follower")

    def test_forged_reply_on_closed_issue_is_not_the_colleagues(self):
        """The officer is told of a reply on a closed issue, not by the colleague whose
        address is in ``From:``."""
        self.user_employee.groups_id += self.env.ref("srm_base.group_srm_user")
        colleague = new_test_user(
            self.env, "forged_closer", "srm_base.group_srm_user", name="Grace Closer", email="grace.closer@example.com"
        )
        issue = self.env["srm.issue"].create(
            {
                "name": "Noise at night",
                "complainant_id": self.known.id,
                "user_id": self.user_employee.id,
                "stage_id": self.env.ref("srm_issues.srm_issue_stage_closed").id,
                "outcome": "resolved_accepted",
            }
        )
        with self.mock_mail_gateway():
            issue.message_post(
                body="Closed, thank you.",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=self.known.ids,
            )
            self._reply(
                issue.message_ids[0],
                "Re: Noise at night",
                "Reopen it.",
                email_from="grace.closer@example.com",
                extra="",
            )
        reply = issue.message_ids.filtered(lambda m: "Reopen it" in (m.body or ""))
        self.assertFalse(reply.author_id)
        activity = issue.activity_ids.filtered(lambda a: a.user_id == self.user_employee)
        self.assertEqual(len(activity), 1, "the officer is told")
        self.assertNotEqual(activity.create_uid, colleague, "not by the colleague")

    def _chatter(self, issue, user):
        """What the chatter of ``issue`` receives for ``user``."""
        store = Store()
        issue.with_user(user).message_ids._to_store(store)
        return repr(store.get_result())

    def test_email_author_hidden_once_the_issue_is_sensitive(self):
        officer = new_test_user(self.env, "grievance_officer", "srm_base.group_srm_user", name="Grievance Officer")
        confidential_officer = new_test_user(
            self.env,
            "confidential_officer",
            "srm_base.group_srm_user,srm_base.group_srm_confidential",
            name="Confidential Officer",
        )
        with self.mock_mail_gateway():
            issue = self._process(
                '"Ama Boateng" <ama.boateng@example.com>',
                "A guard threatened me",
                "At the gate a guard threatened me when I asked about the water.",
            )
            issue.message_post(
                body="We will call you back.",
                author_id=officer.partner_id.id,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        self.assertIn("ama.boateng@example.com", self._chatter(issue, officer), "not sensitive yet")

        issue.with_user(confidential_officer).is_sensitive = True
        chatter = self._chatter(issue, officer)
        self.assertNotIn("Ama Boateng", chatter)
        self.assertNotIn("ama.boateng@example.com", chatter)
        self.assertIn("Protected complainant", chatter)
        self.assertIn("A guard threatened me", chatter, "the message itself stays")
        self.assertIn("Grievance Officer", chatter, "staff messages keep their author")

        chatter = self._chatter(issue, confidential_officer)
        self.assertIn("Ama Boateng", chatter)
        self.assertIn("ama.boateng@example.com", chatter)

    def test_complainant_reply_to_sensitive_issue_emails_confidential_users_only(self):
        officer = new_test_user(
            self.env, "reply_officer", "srm_base.group_srm_user", name="Reply Officer", notification_type="email"
        )
        confidential_officer = new_test_user(
            self.env,
            "reply_confidential_officer",
            "srm_base.group_srm_user,srm_base.group_srm_confidential",
            name="Reply Confidential Officer",
            notification_type="email",
        )
        with self.mock_mail_gateway():
            issue = self._process(
                '"Ama Boateng" <ama.boateng@example.com>',
                "A guard threatened me",
                "At the gate a guard threatened me.",
                msg_id="<sensitive-first@example.com>",
            )
            issue.with_user(confidential_officer).is_sensitive = True
            issue.message_subscribe(partner_ids=(officer.partner_id | confidential_officer.partner_id).ids)
            issue.message_post(
                body="We are looking into it.",
                author_id=confidential_officer.partner_id.id,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            staff_note = issue.message_ids[0]
            self._reply(staff_note, "Re: A guard threatened me", "He was there again this morning.")
        reply = issue.message_ids.filtered(lambda m: "again this morning" in (m.body or ""))
        self.assertEqual(len(reply), 1)
        notified = reply.notification_ids.res_partner_id
        self.assertIn(confidential_officer.partner_id, notified)
        self.assertNotIn(officer.partner_id, notified, "the email would tell who wrote")
        self.assertIn(officer.partner_id, staff_note.notification_ids.res_partner_id, "staff messages go to all")
        self.assertNotIn(self.known, issue.message_partner_ids, "writing again does not make them a visible follower")
