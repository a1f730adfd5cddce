# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import SrmCase

RAW_EMAIL = """Return-Path: <{return_path}>
To: {to}
Cc: {cc}
From: {email_from}
Subject: {subject}
Message-ID: {msg_id}
{extra}Date: Tue, 14 Oct 2025 09:30:00 -0300
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

{body}
"""


@tagged("post_install", "-at_install")
class TestMailGateway(SrmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alias_domain = cls.env["mail.alias.domain"].search([("name", "=", "srm-test.example.com")])
        if not cls.alias_domain:
            cls.alias_domain = cls.env["mail.alias.domain"].create({"name": "srm-test.example.com"})
        cls.alias = cls.env.ref("srm_base.mail_alias_srm_engagement")
        cls.alias.alias_domain_id = cls.alias_domain
        cls.alias_email = "stakeholders@srm-test.example.com"
        cls.stakeholder.srm_main_project_id = cls.project
        cls.officer = cls._new_user("srm_gateway_officer", "srm_base.group_srm_user", name="Marta Officer")

    def _process(self, subject, email_from, msg_id, body="Hola", cc="", extra=""):
        raw = RAW_EMAIL.format(
            return_path=email_from, to=self.alias_email, cc=cc, email_from=email_from,
            subject=subject, msg_id=msg_id, extra=extra, body=body,
        )
        # in production the mail gateway runs as an administrator
        self.env["mail.thread"].sudo().message_process(False, raw)
        return self.env["srm.engagement"].search([("name", "=", subject)])

    def test_email_from_known_stakeholder_becomes_engagement(self):
        engagement = self._process(
            "Polvo en el camino", "Elena Ríos <elena.rios@example.com>", "<polvo-1@example.com>",
            body="Buenos días,\nel polvo de los camiones llega hasta mi casa.\nElena",
        )
        self.assertEqual(len(engagement), 1)
        self.assertEqual(engagement.partner_ids, self.stakeholder)
        self.assertEqual(engagement.direction, "inbound")
        self.assertEqual(engagement.engagement_type_id, self.env.ref("srm_base.srm_engagement_type_email"))
        self.assertEqual(engagement.project_id, self.project)
        self.assertIn("el polvo de los camiones", engagement.summary)
        self.assertEqual(str(engagement.date), "2025-10-14 12:30:00")
        self.assertEqual(self.stakeholder.srm_last_engagement_date, engagement.date)
        # the email is in the thread, authored by the stakeholder, who follows the engagement
        message = engagement.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(len(message), 1)
        self.assertEqual(message.author_id, self.stakeholder)
        self.assertIn(self.stakeholder, engagement.message_partner_ids)

        # the stakeholder replies: same engagement, one more message
        self._process(
            "Re: Polvo en el camino", "Elena Ríos <elena.rios@example.com>", "<polvo-2@example.com>",
            body="Sigue igual hoy.", extra="In-Reply-To: <polvo-1@example.com>\nReferences: <polvo-1@example.com>\n",
        )
        self.assertFalse(self.env["srm.engagement"].search([("name", "=", "Re: Polvo en el camino")]))
        emails = engagement.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(len(emails), 2)
        self.assertIn("Sigue igual hoy", emails.sorted("id")[-1].body)

    def test_email_from_unknown_sender_creates_stakeholder(self):
        engagement = self._process(
            "Question sur l'eau", "Amélie Girard <amelie.girard@example.org>", "<eau-1@example.org>",
            body="Bonjour, quelle est la consommation d'eau prévue ?",
        )
        self.assertEqual(len(engagement), 1)
        newcomer = engagement.partner_ids
        self.assertEqual(newcomer.name, "Amélie Girard")
        self.assertEqual(newcomer.email, "amelie.girard@example.org")
        self.assertTrue(newcomer.is_stakeholder)
        self.assertEqual(engagement.message_ids.filtered(lambda m: m.message_type == "email").author_id, newcomer)

    def test_email_from_do_not_contact_stakeholder_is_logged(self):
        self.do_not_contact.email = "tomas.reyes@example.com"
        engagement = self._process("Reclamo", "tomas.reyes@example.com", "<reclamo-1@example.com>")
        self.assertEqual(engagement.partner_ids, self.do_not_contact)
        self.assertEqual(engagement.direction, "inbound")

    def test_email_forwarded_by_a_colleague(self):
        engagement = self._process(
            "Fwd: invitation", "Marta Officer <srm_gateway_officer@example.com>", "<fwd-1@example.com>",
            cc="Elena Ríos <elena.rios@example.com>",
        )
        self.assertEqual(engagement.partner_ids, self.stakeholder)
        self.assertEqual(engagement.user_id, self.officer)
        self.assertFalse(self.officer.partner_id.is_stakeholder)
