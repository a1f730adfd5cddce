# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Public intake: identity of the sender, floods and bot trap of the public form, public
figures without small counts, and grievance references without gaps."""

import re
import time
from datetime import date, datetime, timedelta
from urllib.parse import parse_qs, urlparse

from dateutil.relativedelta import relativedelta
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, JsonRpcException, tagged
from odoo.tests.common import TEST_CURSOR_COOKIE_NAME, Opener
from odoo.tools import hash_sign, mute_logger

from odoo.addons.mail.tests.common import MailCommon
from odoo.addons.srm_base.tools.mail_auth import authenticated_sender
from odoo.addons.srm_issues.models.srm_issue import k_anonymous_cells

from .common import SrmIssueCase, SrmIssueCommon

CODE_RE = re.compile(r'o_srm_tracking_code">([A-Z2-7-]+)<')


def _quarter_start(day, back=0):
    """First day of the quarter of ``day``, ``back`` quarters earlier."""
    start = day.replace(month=3 * ((day.month - 1) // 3) + 1, day=1)
    return start - relativedelta(months=3 * back)


class PublicFormMixin:
    """Drive the public form like a browser: its hidden fields, its own session."""

    def _form(self, url="/grievance"):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        fields = {
            name: re.search(rf'name="{name}" value="([^"]*)"', response.text).group(1)
            for name in ("csrf_token", "submission_token", "form_ts")
        }
        return response, fields

    def _data(self, **overrides):
        data = {
            "kind": "grievance",
            "project_id": str(self.project_a.id),
            "category_id": str(self.cat_dust.id),
            "name": "Dust from the haul road",
            "description": "Every afternoon the trucks cover our houses with dust.",
            "location": "Tessa, near the school",
            "contact_name": "Fatou Ndiaye",
            "contact_email": "fatou.ndiaye@example.com",
            "contact_phone": "+221 77 123 45 67",
            "consent": "on",
        }
        data.update(overrides)
        return data

    def _send(self, data, waited=60, **hidden):
        """Open the form, fill it in for ``waited`` seconds (the signed time the form was
        shown is moved back accordingly) and send it."""
        __, fields = self._form()
        if waited:
            fields["form_ts"] = self.env["srm.issue.flood"]._srm_sign_form(
                fields["submission_token"], time.time() - waited
            )
        fields.update(hidden)
        return self.url_open("/grievance/submit", data=dict(data, **fields))

    def setUp(self):
        super().setUp()
        # requests logged before the test, from the same address, would count in its window
        self.env["srm.issue.flood"].sudo().search([]).unlink()

    def _new_browser(self):
        """Another browser behind the same connection: a new session, same address."""
        test_cookie = self.opener.cookies.get(TEST_CURSOR_COOKIE_NAME)
        self.opener = Opener(self.cr)
        self.opener.cookies[TEST_CURSOR_COOKIE_NAME] = test_cookie

    def _last_issue(self):
        return self.env["srm.issue"].with_context(active_test=False).search([], order="id desc", limit=1)

    def _count(self):
        return self.env["srm.issue"].with_context(active_test=False).search_count([])


@tagged("post_install", "-at_install")
class TestSrmIssuePublicIdentity(HttpCase, SrmIssueCommon, PublicFormMixin):
    """A grievance sent with the address of an existing contact is not theirs until
    the owner of the address confirms it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._srm_issue_setup()
        cls.env["srm.project"].search([("srm_issue_public", "=", True)]).srm_issue_public = False
        cls.project_a.srm_issue_public = True
        cls.complainant.phone = "+221 70 000 00 00"

    def _confirmation_mail(self, email):
        mail = self.env["mail.mail"].sudo().search([("email_to", "=", email)], order="id desc", limit=1)
        self.assertTrue(mail, f"a confirmation link is emailed to {email}")
        return mail, re.search(r'href="([^"]*/grievance/confirm\?token=[^"]+)"', mail.body_html).group(1)

    def test_grievance_in_someone_elses_name_is_not_theirs(self):
        # someone types the name and address of Awa, who has a portal login
        response = self._send(
            self._data(contact_name="Awa T.", contact_email="Awa.Traore@Example.com", contact_phone="+1 555 0100")
        )
        self.assertEqual(response.status_code, 200)
        code = CODE_RE.search(response.text).group(1)
        issue = self._last_issue()
        self.assertEqual(issue.identity_state, "unverified")
        self.assertFalse(issue.sudo().complainant_partner_id, "not linked to the contact")
        self.assertFalse(issue.complainant_id)
        self.assertEqual(
            (issue.sudo().claimed_name, issue.sudo().claimed_email, issue.sudo().claimed_phone),
            ("Awa T.", "awa.traore@example.com", "+1 555 0100"),
            "what was typed stays on the issue",
        )
        self.assertEqual(
            (self.complainant.name, self.complainant.phone), ("Awa Traoré", "+221 70 000 00 00"), "contact unchanged"
        )
        self.assertNotIn(self.complainant, issue.message_partner_ids)
        Portal = self.env["srm.issue"].with_user(self.user_portal)
        self.assertNotIn(issue, Portal.search([]), "not in Awa's portal")
        with self.assertRaises(AccessError):
            issue.with_user(self.user_portal).read(["name"])
        # the page answers as for any grievance: it does not tell that the address is known
        self.assertNotIn("awa.traore", response.text.lower())
        mail, link = self._confirmation_mail("awa.traore@example.com")
        self.assertIn(issue.reference, mail.subject)
        self.assertFalse(mail.model, "the link is not a message of the issue")
        token = parse_qs(urlparse(link).query)["token"][0]
        for message in issue.sudo().message_ids:
            self.assertNotIn(token, message.body or "")
        status = self.url_open("/grievance/status", data={"code": code, "csrf_token": self._form()[1]["csrf_token"]})
        self.assertNotIn(token, status.text, "whoever holds the tracking code cannot confirm")

        # a mail scanner opening the link confirms nothing
        page = self.url_open(f"/grievance/confirm?token={token}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(issue.reference, page.text)
        self.assertNotIn("Dust from the haul road", page.text)
        self.assertEqual(issue.identity_state, "unverified")
        csrf = re.search(r'name="csrf_token" value="([^"]*)"', page.text).group(1)
        # Awa confirms
        done = self.url_open("/grievance/confirm", data={"token": token, "answer": "yes", "csrf_token": csrf})
        self.assertEqual(done.status_code, 200)
        self.assertIn("is now linked to your contact details", done.text)
        issue.invalidate_recordset()
        self.assertEqual(issue.identity_state, "verified")
        self.assertEqual(issue.sudo().complainant_partner_id, self.complainant)
        self.assertIn(self.complainant, issue.message_partner_ids)
        self.assertIn(issue, Portal.search([]))
        self.assertEqual(self.complainant.phone, "+221 70 000 00 00", "the contact is still not changed")
        again = self.url_open("/grievance/confirm", data={"token": token, "answer": "no", "csrf_token": csrf})
        self.assertIn("already used", again.text)
        self.assertEqual(issue.identity_state, "verified")

    def test_owner_of_the_address_says_no(self):
        self._send(self._data(contact_email="awa.traore@example.com"))
        issue = self._last_issue()
        __, link = self._confirmation_mail("awa.traore@example.com")
        token = parse_qs(urlparse(link).query)["token"][0]
        csrf = self._form()[1]["csrf_token"]
        page = self.url_open("/grievance/confirm", data={"token": token, "answer": "no", "csrf_token": csrf})
        self.assertIn("stays unlinked", page.text)
        self.assertEqual(issue.identity_state, "disputed")
        self.assertTrue(issue.intake_review)
        self.assertEqual(issue.intake_review_reason, "disputed")
        self.assertFalse(issue.sudo().complainant_partner_id)
        self.assertIn(issue, self.env["srm.issue"].search([("intake_review", "=", True)]))

    def test_forged_expired_or_stale_links_do_nothing(self):
        self._send(self._data(contact_email="awa.traore@example.com"))
        issue = self._last_issue()
        csrf = self._form()[1]["csrf_token"]
        tokens = {
            "forged": "AQAAAAAAAAAA" + "x" * 60,
            "garbage": "%%%",
            "expired": hash_sign(
                self.env(su=True),
                "srm_issues.identity",
                {"issue": issue.id, "email": "awa.traore@example.com"},
                expiration=datetime.now() - timedelta(hours=1),
            ),
            "other scope": hash_sign(
                self.env(su=True), "srm_issues.grievance_form", {"issue": issue.id, "email": "awa.traore@example.com"}
            ),
        }
        for label, token in tokens.items():
            with self.subTest(label):
                page = self.url_open("/grievance/confirm", data={"token": token, "answer": "yes", "csrf_token": csrf})
                self.assertEqual(page.status_code, 404)
                self.assertIn("not valid or has expired", page.text)
        valid = issue._srm_identity_token()
        issue.sudo().claimed_email = "someone.else@example.com"
        page = self.url_open("/grievance/confirm", data={"token": valid, "answer": "yes", "csrf_token": csrf})
        self.assertEqual(page.status_code, 404, "the link was for another address")
        self.assertEqual(issue.identity_state, "unverified")
        self.assertFalse(issue.sudo().complainant_partner_id)

    def test_new_address_still_makes_a_new_stakeholder(self):
        self._send(self._data(contact_email="new.person@example.org", contact_name="New Person"))
        issue = self._last_issue()
        self.assertFalse(issue.identity_state)
        self.assertEqual(issue.sudo().complainant_partner_id.email, "new.person@example.org")
        self.assertFalse(self.env["mail.mail"].sudo().search([("email_to", "=", "new.person@example.org")]))

    def test_staff_resend_the_link(self):
        self._send(self._data(contact_email="awa.traore@example.com"))
        issue = self._last_issue()
        before = self.env["mail.mail"].sudo().search_count([("email_to", "=", "awa.traore@example.com")])
        issue.with_user(self.user_user).action_srm_send_identity_confirmation()
        after = self.env["mail.mail"].sudo().search_count([("email_to", "=", "awa.traore@example.com")])
        self.assertEqual(after, before + 1)
        with self.assertRaises(AccessError):
            issue.with_user(self.user_auditor).action_srm_send_identity_confirmation()


@tagged("post_install", "-at_install")
class TestSrmIssueIdentityByHand(SrmIssueCase):
    """The verification of the contact details of a grievance is the intake's: users,
    even of the issue, never set or change it (the form shows it read-only)."""

    def _assert_refused(self, call):
        with self.assertRaises(UserError) as catcher:
            call()
        self.assertIn("cannot be changed by hand", str(catcher.exception))

    def test_users_cannot_set_the_verification(self):
        issue = self._issue(name="Dust on the road")
        Issue = self.env["srm.issue"].with_user(self.user_manager)
        mine = issue.with_user(self.user_manager)
        for state in ("unverified", "verified", "disputed"):
            self._assert_refused(lambda state=state: mine.write({"identity_state": state}))
            self._assert_refused(lambda state=state: Issue.create({"name": "Mine", "identity_state": state}))
            self._assert_refused(
                lambda state=state: Issue.with_context(default_identity_state=state).create({"name": "Mine"})
            )
        self.assertFalse(issue.identity_state)
        self.assertTrue(Issue.create({"name": "Mine"}), "the rest of the grievance is theirs")

    def test_users_cannot_clear_an_unverified_grievance(self):
        issue = self._issue(name="Fence on the path")
        issue.write({"identity_state": "unverified", "claimed_email": "awa.traore@example.com"})
        officer = issue.with_user(self.user_confidential)
        self._assert_refused(lambda: officer.write({"identity_state": "verified"}))
        self._assert_refused(lambda: officer.write({"identity_state": False}))
        self.assertEqual(issue.identity_state, "unverified")
        # other changes of the grievance are theirs
        issue.with_user(self.user_confidential).write({"name": "Fence across the path"})

    def test_refusal_in_the_users_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.user_manager.lang = "fr_FR"
        issue = self._issue(name="Noise").with_user(self.user_manager).with_context(lang="fr_FR")
        with self.assertRaises(UserError) as catcher:
            issue.write({"identity_state": "verified"})
        self.assertIn("confirmation", str(catcher.exception))
        self.assertIn("ne peut pas être modifiée à la main", str(catcher.exception))


RAW_EMAIL = """Return-Path: <{email}>
To: {to}
From: {sender}
Subject: {subject}
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit
Date: Fri, 10 Aug 2026 14:16:26 +0000
Message-ID: <{msg_id}@example.com>
{headers}
{body}
"""


@tagged("post_install", "-at_install")
class TestSrmIssueMailIdentity(MailCommon):
    """The mail gateway does not trust ``From:``: an email with the address of an
    existing contact is theirs only when the mail server authenticated it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alias = cls.env.ref("srm_issues.mail_alias_srm_issue")
        cls.alias.alias_domain_id = cls.mail_alias_domain
        cls.alias_email = f"grievances@{cls.alias_domain}"
        cls.known = cls.env["res.partner"].create(
            {"name": "Ama Boateng", "email": "ama.boateng@example.com", "is_stakeholder": True, "phone": "+233 1"}
        )
        cls.env["ir.config_parameter"].sudo().set_param("srm_base.mail_trusted_authserv_ids", "mx.srm.test")

    def _receive(self, subject, headers="", sender='"Ama Boateng" <ama.boateng@example.com>'):
        email = sender.split("<")[-1].rstrip(">")
        raw = RAW_EMAIL.format(
            email=email,
            to=self.alias_email,
            sender=sender,
            subject=subject,
            msg_id=f"{subject.replace(' ', '-')}-{time.time()}",
            headers=headers + "\n" if headers else "",
            body="The well water smells of fuel.",
        )
        with self.mock_mail_gateway():
            self.env["mail.thread"].sudo().message_process(None, raw)
        return self.env["srm.issue"].search([("name", "=", subject)])

    def test_from_alone_links_nobody(self):
        issue = self._receive("Water smells of fuel")
        self.assertEqual(len(issue), 1)
        self.assertEqual(issue.identity_state, "unverified")
        self.assertFalse(issue.complainant_id)
        self.assertEqual(issue.sudo().claimed_email, "ama.boateng@example.com")
        self.assertEqual(issue.sudo().claimed_name, "Ama Boateng")
        self.assertNotIn(self.known, issue.message_partner_ids, "not made a follower")
        incoming = issue.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(len(incoming), 1)
        self.assertFalse(incoming.author_id, "the email is not attributed to the contact")
        self.assertIn("ama.boateng@example.com", incoming.email_from)
        self.assertEqual((self.known.name, self.known.phone), ("Ama Boateng", "+233 1"))
        mail = self.env["mail.mail"].sudo().search([("email_to", "=", "ama.boateng@example.com")])
        self.assertEqual(len(mail), 1)
        self.assertIn("/grievance/confirm?token=", mail.body_html)

    def test_authentication_results_of_an_untrusted_server_are_ignored(self):
        issue = self._receive(
            "Forged results",
            "Authentication-Results: mx.attacker.test; dkim=pass header.d=example.com; spf=pass "
            "smtp.mailfrom=ama.boateng@example.com; dmarc=pass header.from=example.com",
        )
        self.assertEqual(issue.identity_state, "unverified")
        self.assertFalse(issue.complainant_id)

    def test_results_for_another_domain_prove_nothing(self):
        issue = self._receive(
            "Signed by someone else",
            "Authentication-Results: mx.srm.test; dkim=pass header.d=attacker.test; spf=pass "
            "smtp.mailfrom=bounce@attacker.test",
        )
        self.assertEqual(issue.identity_state, "unverified")

    def test_authenticated_email_is_linked(self):
        issue = self._receive(
            "Authenticated email",
            "Authentication-Results: mx.srm.test;\n dkim=pass (2048-bit key) header.d=example.com header.s=s1;\n"
            " spf=pass smtp.mailfrom=ama.boateng@example.com",
        )
        self.assertFalse(issue.identity_state)
        self.assertEqual(issue.complainant_id, self.known)
        self.assertIn(self.known, issue.message_partner_ids)
        self.assertFalse(self.env["mail.mail"].sudo().search([("email_to", "=", "ama.boateng@example.com")]))

    def test_new_sender_becomes_a_stakeholder(self):
        issue = self._receive("From a new sender", sender='"Kojo Mensah" <kojo@example.net>')
        self.assertFalse(issue.identity_state)
        self.assertEqual(issue.complainant_id.email, "kojo@example.net")

    def test_authentication_results_parsing(self):
        trusted = {"mx.srm.test"}
        cases = [
            (["mx.srm.test; dkim=pass header.d=example.com"], "a@example.com", True),
            (["mx.srm.test; dkim=pass header.d=example.com"], "a@mail.example.com", True),
            (["mx.srm.test; dkim=pass header.d=mail.example.com"], "a@example.com", False),
            (["mx.srm.test; dkim=pass header.d=notexample.com"], "a@example.com", False),
            (["mx.srm.test; dkim=fail header.d=example.com; spf=softfail smtp.mailfrom=example.com"],
             "a@example.com", False),
            (["mx.srm.test; spf=pass smtp.mailfrom=b@example.com"], "a@example.com", True),
            (["mx.srm.test; dmarc=fail header.from=example.com; dkim=pass header.d=example.com"],
             "a@example.com", False),
            (["mx.srm.test 1; dmarc=pass header.from=example.com"], "a@example.com", True),
            (["MX.SRM.TEST; DKIM=PASS header.d=EXAMPLE.COM"], "a@example.com", True),
            (["other.test; dkim=pass header.d=example.com"], "a@example.com", False),
            (["mx.srm.test; none"], "a@example.com", False),
            ([], "a@example.com", False),
            (["mx.srm.test; dkim=pass header.d=example.com"], "not an address", False),
        ]
        for headers, email, expected in cases:
            with self.subTest(headers=headers, email=email):
                self.assertEqual(authenticated_sender(headers, trusted, email), expected)


@tagged("post_install", "-at_install")
class TestSrmIssuePublicFlood(HttpCase, SrmIssueCommon, PublicFormMixin):
    """Nobody blocks a village behind a shared connection, scripts are stopped, and a
    refused visitor is told how else to reach the team."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._srm_issue_setup()
        cls.env["srm.project"].search([("srm_issue_public", "=", True)]).srm_issue_public = False
        cls.project_a.srm_issue_public = True
        Param = cls.env["ir.config_parameter"].sudo()
        Param.set_param("srm_issues.public_contact_phone", "+221 33 800 00 00")
        Param.set_param("srm_issues.public_contact_email", "grievances@northpit.example")
        Param.set_param("srm_issues.public_contact_office", "Site office, Tessa road")

    def _set(self, **params):
        for key, value in params.items():
            self.env["ir.config_parameter"].sudo().set_param(f"srm_issues.{key}", str(value))

    def test_a_village_behind_one_connection_is_not_blocked(self):
        self._set(flood_max_submit=2)
        before = self._count()
        codes = []
        for index in range(5):
            self._new_browser()
            response = self._send(
                self._data(name=f"Villager {index}", contact_name=f"Villager {index}",
                           contact_email=f"villager{index}@example.org")
            )
            self.assertEqual(response.status_code, 200, f"villager {index} is not refused")
            codes.append(CODE_RE.search(response.text).group(1))
        self.assertEqual(self._count(), before + 5, "every grievance is stored")
        issues = self.env["srm.issue"].search([("name", "like", "Villager")], order="id")
        self.assertEqual(issues.mapped("intake_review"), [False, False, True, True, True])
        self.assertEqual(set(issues[2:].mapped("intake_review_reason")), {"address"})
        self.assertEqual(len(set(codes)), 5)
        for issue, code in zip(issues, codes, strict=True):
            self.assertEqual(self.env["srm.issue"]._srm_find_by_code(code), issue)
        to_review = self.env["srm.issue"].with_user(self.user_user).search([("intake_review", "=", True)])
        self.assertEqual(to_review, issues[2:], "staff find them with the To Review filter")

    def test_one_person_blocks_only_themselves(self):
        self._set(flood_max_submit_session=1, flood_ceiling_submit_session=3)
        statuses = []
        for index in range(4):
            statuses.append(self._send(self._data(name=f"Same browser {index}")))
        self.assertEqual([r.status_code for r in statuses], [200, 200, 200, 429])
        issues = self.env["srm.issue"].search([("name", "like", "Same browser")], order="id")
        self.assertEqual(len(issues), 3)
        self.assertEqual(issues.mapped("intake_review"), [False, True, True])
        self.assertEqual(issues[1].intake_review_reason, "session")
        refused = statuses[-1].text
        self.assertIn("Too many grievances were sent from your connection", refused)
        self.assertIn('value="Same browser 3"', refused, "what was typed is kept")
        for contact in ("+221 33 800 00 00", "grievances@northpit.example", "Site office, Tessa road"):
            self.assertIn(contact, refused, "the page says how else to reach the team")
        # the neighbour on the same connection still gets through
        self._new_browser()
        neighbour = self._send(self._data(name="Neighbour", contact_email="neighbour@example.org"))
        self.assertEqual(neighbour.status_code, 200)
        self.assertTrue(CODE_RE.search(neighbour.text))

    def test_same_contact_is_reviewed_and_not_mailed_again(self):
        self._set(flood_max_submit_contact=1)
        for index in range(3):
            self._new_browser()
            self._send(self._data(name=f"Same contact {index}", contact_email="awa.traore@example.com"))
        issues = self.env["srm.issue"].search([("name", "like", "Same contact")], order="id")
        self.assertEqual(len(issues), 3)
        self.assertEqual(issues.mapped("intake_review_reason"), [False, "contact", "contact"])
        mails = self.env["mail.mail"].sudo().search([("email_to", "=", "awa.traore@example.com")])
        self.assertEqual(len(mails), 1, "the owner of the address is not flooded with links")

    def test_machine_ceiling_of_an_address_refuses(self):
        self._set(flood_max_submit=1, flood_ceiling_submit=3)
        statuses = []
        for index in range(4):
            self._new_browser()
            statuses.append(self._send(self._data(name=f"Bot {index}", contact_email=f"bot{index}@example.org")))
        self.assertEqual([r.status_code for r in statuses], [200, 200, 200, 429])
        self.assertIn("+221 33 800 00 00", statuses[-1].text)
        self.assertEqual(self.env["srm.issue"].search_count([("name", "like", "Bot ")]), 3)

    def test_other_ways_to_reach_the_team_in_the_visitors_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(["srm_issues"], ["fr_FR"], overwrite=True)
        self._set(flood_max_attempt=1)
        self._send(self._data(lang="fr_FR"))
        refused = self._send(self._data(lang="fr_FR", name="Encore"))
        self.assertEqual(refused.status_code, 429)
        self.assertIn("Vous pouvez aussi joindre", refused.text)
        self.assertIn("Téléphone", refused.text)
        self.assertIn("+221 33 800 00 00", refused.text)

    def test_bot_trap(self):
        before = self._count()
        # a script fills in the hidden field
        trapped = self._send(self._data(name="Honeypot"), srm_website="http://spam.example")
        self.assertEqual(trapped.status_code, 200)
        self.assertNotIn("o_srm_tracking_code", trapped.text)
        self.assertIn("press “Send” again", trapped.text)
        self.assertIn('value="Honeypot"', trapped.text, "a person who got there keeps what they typed")
        self.assertNotIn("spam.example", trapped.text)
        # a script sends the form as soon as it gets it, or without the signed time
        fast = self._send(self._data(name="Too fast"), waited=0)
        self.assertNotIn("o_srm_tracking_code", fast.text)
        __, fields = self._form()
        bare = self.url_open(
            "/grievance/submit",
            data=dict(self._data(name="No time"), csrf_token=fields["csrf_token"],
                      submission_token=fields["submission_token"]),
        )
        self.assertNotIn("o_srm_tracking_code", bare.text)
        forged = self._send(self._data(name="Forged time"), waited=0, form_ts=f"{int(time.time()) - 600}")
        self.assertNotIn("o_srm_tracking_code", forged.text)
        other_form = self.env["srm.issue.flood"]._srm_sign_form("another-form-token-1234567890", time.time() - 600)
        stolen = self._send(self._data(name="Stolen time"), waited=0, form_ts=other_form)
        self.assertNotIn("o_srm_tracking_code", stolen.text)
        self.assertEqual(self._count(), before)
        # the person sends the form again from the page: the time it was first shown counts
        form_ts = re.search(r'name="form_ts" value="([^"]*)"', fast.text).group(1)
        token = re.search(r'name="submission_token" value="([^"]*)"', fast.text).group(1)
        shown_at = self.env["srm.issue.flood"]._srm_form_shown_at(form_ts, token)
        self.assertIsNotNone(shown_at)
        self.env["ir.config_parameter"].sudo().set_param("srm_issues.public_min_fill_seconds", "0")
        again = self.url_open(
            "/grievance/submit",
            data=dict(self._data(name="Too fast"), csrf_token=fields["csrf_token"], submission_token=token,
                      form_ts=form_ts),
        )
        self.assertIn("o_srm_tracking_code", again.text)
        self.assertEqual(self._count(), before + 1)


@tagged("post_install", "-at_install")
class TestSrmIssuePublicSummary(HttpCase, SrmIssueCommon):
    """Public figures: whole past quarters, public projects, no count under the minimum."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._srm_issue_setup()
        cls.env["srm.project"].search([("srm_issue_public", "=", True)]).srm_issue_public = False
        cls.project_a.srm_issue_public = True
        cls.project_b.srm_issue_public = True
        cls.private_project = cls.env["srm.project"].create({"name": "Hidden Quarry", "code": "TST-HQ"})
        cls.cat_noise = cls.env.ref("srm_issues.srm_issue_category_noise")
        today = date.today()
        cls.q1 = _quarter_start(today, back=1)  # last complete quarter
        cls.q2 = _quarter_start(today, back=2)
        cls.q3 = _quarter_start(today, back=3)

        def at(quarter, days):
            return datetime.combine(quarter + timedelta(days=days), datetime.min.time()) + timedelta(hours=9)

        issue = cls._issue
        # last complete quarter: 4 dust and 1 water in North Pit, 2 noise in South Port
        for n in range(4):
            issue(name=f"Dust {n}", date_received=at(cls.q1, 3 + 10 * n))
        issue(name="Lonely water", category_id=cls.cat_water.id, date_received=at(cls.q1, 20))
        issue(name="Noise 1", category_id=cls.cat_noise.id, project_id=cls.project_b.id, date_received=at(cls.q1, 5))
        issue(name="Noise 2", category_id=cls.cat_noise.id, project_id=cls.project_b.id, date_received=at(cls.q1, 6))
        closed = issue(name="Closed dust", date_received=at(cls.q1, 40))
        closed.write({"stage_id": cls.stage_closed.id, "outcome": "upheld"})
        # not counted: confidential, another project, worker grievance, waiting for review
        issue(name="Confidential dust", is_confidential=True, date_received=at(cls.q1, 7))
        issue(name="Private project", project_id=cls.private_project.id, date_received=at(cls.q1, 8))
        issue(name="Worker", grievance_scope="worker", date_received=at(cls.q1, 9))
        issue(name="Flood", intake_review=True, date_received=at(cls.q1, 10))
        # the quarter before: a single grievance
        issue(name="Alone in its quarter", category_id=cls.cat_water.id, date_received=at(cls.q2, 15))
        # the current quarter is not published yet
        issue(name="This quarter", date_received=datetime.now() - timedelta(minutes=5))

    def test_cells_never_under_the_minimum_on_the_page(self):
        page = self.url_open("/grievance/summary")
        self.assertEqual(page.status_code, 200)
        text = page.text
        counts = [int(n) for n in re.findall(r'<td class="text-end">(\d+)</td>', text)]
        self.assertTrue(counts, "figures are shown")
        self.assertGreaterEqual(min(counts), 3, f"a count under 3 on the public page: {counts}")
        self.assertIn('class="o_srm_total">8<', text, "8 grievances of public projects last quarter")
        for secret in ("Dust 0", "Lonely water", "Hidden Quarry", "Awa"):
            self.assertNotIn(secret, text)

    def test_summary_k_anonymous_on_every_dimension(self):
        summary = self.env["srm.issue"]._srm_public_summary()
        periods = {period["date_from"]: period for period in summary["periods"]}
        self.assertNotIn(_quarter_start(date.today()), periods, "the current quarter is not published")
        last = periods[self.q1]
        self.assertTrue(last["shown"])
        self.assertEqual(last["total"], 8, "confidential, private project, worker and reviewed ones left out")
        for dimension in ("by_category", "by_status", "by_project"):
            with self.subTest(dimension):
                cells = last[dimension]
                self.assertEqual(sum(cell["count"] for cell in cells), 8, "each table adds up to the total")
                self.assertTrue(all(cell["count"] >= 3 for cell in cells), cells)
        # Water (1) and Noise (2) are hidden together; South Port (2) would be found back
        # from the total (8 - 6), so North Pit is not named alone either
        self.assertEqual({c["name"]: c["count"] for c in last["by_category"]}, {"Dust": 5, "Other topics": 3})
        self.assertEqual([c["name"] for c in last["by_project"]], ["Other projects"])
        # 7 received and 1 closed: naming "Received: 7" would tell that 1 is closed
        self.assertEqual(last["by_status"], [{"name": "Other stages", "count": 8}])
        hidden = periods[self.q2]
        self.assertFalse(hidden["shown"])
        self.assertIsNone(hidden["total"], "a quarter with 1 grievance shows no figure")
        self.assertFalse(hidden["by_category"] or hidden["by_status"] or hidden["by_project"])

    def test_complementary_suppression(self):
        self.assertEqual(
            k_anonymous_cells([("A", 10), ("B", 4), ("C", 1)], 3, "Other"),
            [{"name": "A", "count": 10}, {"name": "Other", "count": 5}],
            "C alone under Other would be the total minus A and B: B joins it",
        )
        self.assertEqual(
            k_anonymous_cells([("A", 5), ("B", 1), ("C", 2)], 3, "Other"),
            [{"name": "A", "count": 5}, {"name": "Other", "count": 3}],
        )
        self.assertEqual(k_anonymous_cells([("A", 2)], 3, "Other"), [{"name": "Other", "count": 2}])
        self.assertEqual(k_anonymous_cells([("A", 3), ("B", 0)], 3, "Other"), [{"name": "A", "count": 3}])

    def test_not_computable_over_rpc(self):
        self.authenticate("iss_user", "iss_user")
        for method, kwargs in (
            ("get_public_summary", {"date_from": "2020-01-01", "date_to": "2030-01-01"}),
            ("_srm_public_summary", {}),
        ):
            with self.subTest(method), mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
                self.make_jsonrpc_request(
                    f"/web/dataset/call_kw/srm.issue/{method}",
                    {"model": "srm.issue", "method": method, "args": [], "kwargs": kwargs},
                )
        # the page takes no period or project of the visitor's choosing
        self.authenticate(None, None)
        plain = self.url_open("/grievance/summary").text
        chosen = self.url_open(
            f"/grievance/summary?date_from={date.today()}&date_to={date.today()}&project_ids={self.project_a.id}"
        ).text
        cells = re.compile(r'<td class="text-end">(\d+)</td>')
        self.assertEqual(cells.findall(plain), cells.findall(chosen))


@tagged("post_install", "-at_install")
class TestSrmIssueReferenceWithoutGaps(SrmIssueCase):
    """A refused grievance gives its number back: the register has no gaps."""

    def _number(self, issue):
        return int(issue.reference.rsplit("-", 1)[-1])

    def test_refused_create_leaves_no_gap(self):
        first = self._issue(name="First")
        with self.assertRaises(ValidationError):
            self._issue(name="Received tomorrow", date_received=datetime.now() + timedelta(days=1))
        second = self._issue(name="Second")
        self.assertEqual(self._number(second), self._number(first) + 1)

    def test_refused_public_submission_leaves_no_gap(self):
        Issue = self.env["srm.issue"].sudo()
        values = {
            "name": "Public",
            "description": "Text",
            "project_id": self.project_a.id,
            "is_anonymous": True,
            "lang": "en_US",
        }
        first, __ = Issue._srm_public_submit(values, [], submission_token="token-of-one-form-000001")
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            Issue._srm_public_submit(values, [], submission_token="token-of-one-form-000001")
        second, __ = Issue._srm_public_submit(values, [], submission_token="token-of-one-form-000002")
        self.assertEqual(self._number(second), self._number(first) + 1)

    def test_existing_sequences_keep_their_numbers(self):
        issue = self._issue(name="Before")
        sequence = self.env["ir.sequence"].sudo().search(
            [("code", "=", "srm.issue"), ("company_id", "=", self.env.company.id)], limit=1
        )
        self.assertEqual(sequence.implementation, "no_gap")
        # a database numbered before: standard sequence at 41
        sequence.implementation = "standard"
        sequence.date_range_ids.filtered(lambda r: r.date_from <= date.today() <= r.date_to).number_next = 41
        self.env["srm.issue"]._srm_sequences_without_gaps()
        self.assertEqual(sequence.implementation, "no_gap")
        after = self._issue(name="After")
        self.assertEqual(after.reference, issue.reference.rsplit("-", 1)[0] + "-0041")
