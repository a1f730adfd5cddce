# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError
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
# what the receiving mail server (trusted in setUpClass) writes for an email whose sender
# it authenticated: only then is an email in the name of an existing contact or user theirs
AUTHENTICATED = "Authentication-Results: mx.srm-test.example.com; dkim=pass header.d=example.com\n"


class MailGatewayCase(SrmCase):
    """The engagement alias, and a way to hand it an email as the mail fetch does."""

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
        cls.env["ir.config_parameter"].sudo().set_param("srm_base.mail_trusted_authserv_ids", "mx.srm-test.example.com")

    def _process(self, subject, email_from, msg_id, body="Hola", cc="", extra=""):
        raw = RAW_EMAIL.format(
            return_path=email_from,
            to=self.alias_email,
            cc=cc,
            email_from=email_from,
            subject=subject,
            msg_id=msg_id,
            extra=extra,
            body=body,
        )
        # in production the mail gateway runs as an administrator
        self.env["mail.thread"].sudo().message_process(False, raw)
        return self.env["srm.engagement"].search([("name", "=", subject)])


@tagged("post_install", "-at_install")
class TestMailGateway(MailGatewayCase):
    def test_email_from_known_stakeholder_becomes_engagement(self):
        engagement = self._process(
            "Polvo en el camino",
            "Elena Ríos <elena.rios@example.com>",
            "<polvo-1@example.com>",
            body="Buenos días,\nel polvo de los camiones llega hasta mi casa.\nElena",
            extra=AUTHENTICATED,
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
            "Re: Polvo en el camino",
            "Elena Ríos <elena.rios@example.com>",
            "<polvo-2@example.com>",
            body="Sigue igual hoy.",
            extra=AUTHENTICATED + "In-Reply-To: <polvo-1@example.com>\nReferences: <polvo-1@example.com>\n",
        )
        self.assertFalse(self.env["srm.engagement"].search([("name", "=", "Re: Polvo en el camino")]))
        emails = engagement.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(len(emails), 2)
        self.assertIn("Sigue igual hoy", emails.sorted("id")[-1].body)

    def test_email_from_unknown_sender_creates_stakeholder(self):
        engagement = self._process(
            "Question sur l'eau",
            "Amélie Girard <amelie.girard@example.org>",
            "<eau-1@example.org>",
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
        engagement = self._process("Reclamo", "tomas.reyes@example.com", "<reclamo-1@example.com>", extra=AUTHENTICATED)
        self.assertEqual(engagement.partner_ids, self.do_not_contact)
        self.assertEqual(engagement.direction, "inbound")

    def test_email_forwarded_by_a_colleague(self):
        engagement = self._process(
            "Fwd: invitation",
            "Marta Officer <srm_gateway_officer@example.com>",
            "<fwd-1@example.com>",
            cc="Elena Ríos <elena.rios@example.com>",
            extra=AUTHENTICATED,
        )
        self.assertFalse(engagement.sender_unverified)
        self.assertEqual(engagement.partner_ids, self.stakeholder)
        self.assertEqual(engagement.user_id, self.officer)
        self.assertFalse(self.officer.partner_id.is_stakeholder)


@tagged("post_install", "-at_install")
class TestMailGatewaySender(MailGatewayCase):
    """The alias does not believe ``From:``: an email in the name of an existing contact or
    colleague is theirs only when the receiving mail server authenticated it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # her address: ana.contreras@example.com
        cls.counsel = cls._new_user(
            "ana.contreras", "srm_base.group_srm_user,srm_base.group_srm_confidential", name="Ana Contreras"
        )
        cls.neighbour = cls.env["res.partner"].create(
            {"name": "Luis Pérez", "email": "luis.perez@example.com", "is_stakeholder": True}
        )
        cls.municipality = cls.env["res.partner"].create(
            {
                "name": "Municipalidad de Río Claro",
                "email": "oficina.partes@rioclaro.example.cl",
                "is_company": True,
                "is_stakeholder": True,
                "srm_main_project_id": cls.project.id,
                "srm_project_ids": [(6, 0, cls.project.ids)],
            }
        )

    def _assert_in_nobodys_name(self, engagement, people):
        self.assertEqual(len(engagement), 1)
        self.assertFalse(engagement.partner_ids, "no stakeholder taken from the email")
        self.assertFalse(engagement.user_id, "nobody made responsible")
        self.assertTrue(engagement.sender_unverified)
        self.assertFalse(engagement.project_id)
        email = engagement.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(len(email), 1, "the email itself is kept")
        self.assertFalse(email.author_id, "attributed to nobody")
        self.assertFalse(engagement.message_partner_ids & people, "nobody made a follower")
        note = engagement.message_ids.filtered(lambda m: m.message_type == "notification" and m.is_internal)
        self.assertIn("did not authenticate", note.body)
        self.assertEqual(
            self.env["srm.engagement"].search([("sender_unverified", "=", True), ("id", "=", engagement.id)]),
            engagement,
        )
        return email

    def test_forged_colleague_names_nobody(self):
        engagement = self._process(
            "Acuerdo de compensación",
            "Ana Contreras <ana.contreras@example.com>",
            "<forged-1@example.com>",
            body="Acordamos pagar lo pedido.",
            cc="Elena Ríos <elena.rios@example.com>, Luis Pérez <luis.perez@example.com>",
        )
        email = self._assert_in_nobodys_name(engagement, self.counsel.partner_id | self.stakeholder | self.neighbour)
        self.assertIn("ana.contreras@example.com", email.email_from)
        self.assertIn("Acordamos pagar lo pedido", engagement.summary)
        self.assertFalse(self.stakeholder.srm_last_engagement_date)

    def test_forged_stakeholder_names_nobody(self):
        engagement = self._process(
            "Solicitud de la municipalidad",
            "oficina.partes@rioclaro.example.cl",
            "<forged-2@rioclaro.example.cl>",
            body="Solicitamos suspender las tronaduras.",
        )
        self._assert_in_nobodys_name(engagement, self.municipality)
        # the team checks with the municipality, then names it
        with self.assertRaises(ValidationError):
            engagement.sender_unverified = False
        engagement.write({"partner_ids": [(6, 0, self.municipality.ids)], "sender_unverified": False})
        self.assertEqual(engagement.partner_ids, self.municipality)

    def test_results_of_other_servers_or_domains_prove_nothing(self):
        forged = (
            "Authentication-Results: mx.attacker.test; dkim=pass header.d=example.com; "
            "spf=pass smtp.mailfrom=example.com\n"
        )
        other_domain = "Authentication-Results: mx.srm-test.example.com; dkim=pass header.d=attacker.test\n"
        for index, extra in enumerate((forged, other_domain)):
            engagement = self._process(
                f"Forged {index}",
                "Ana Contreras <ana.contreras@example.com>",
                f"<forged-3-{index}@example.com>",
                cc="Elena Ríos <elena.rios@example.com>",
                extra=extra,
            )
            self._assert_in_nobodys_name(engagement, self.counsel.partner_id | self.stakeholder)

    def test_authenticated_colleague_forwards(self):
        engagement = self._process(
            "Fwd: acuerdo",
            "Ana Contreras <ana.contreras@example.com>",
            "<auth-1@example.com>",
            cc="Elena Ríos <elena.rios@example.com>, Luis Pérez <luis.perez@example.com>",
            extra=AUTHENTICATED,
        )
        self.assertFalse(engagement.sender_unverified)
        self.assertEqual(engagement.user_id, self.counsel)
        self.assertEqual(engagement.partner_ids, self.stakeholder | self.neighbour)
        self.assertEqual(
            engagement.message_ids.filtered(lambda m: m.message_type == "email").author_id, self.counsel.partner_id
        )

    def test_headers_count_only_for_the_mail_gateway(self):
        """Called by anybody else than the gateway (over RPC), headers given in the
        context prove nothing."""
        Thread = self.env["mail.thread"].with_context(srm_authentication_results=[AUTHENTICATED.split(": ", 1)[1]])
        self.assertTrue(Thread.sudo()._srm_mail_authenticated("ana.contreras@example.com"))
        self.assertFalse(Thread.with_user(self.counsel)._srm_mail_authenticated("ana.contreras@example.com"))

    def test_forged_colleague_runs_nothing_as_them(self):
        """The gateway does not work as the colleague whose address is in ``From:``."""
        engagement = self._process(
            "Acta de la reunión",
            "Ana Contreras <ana.contreras@example.com>",
            "<forged-4@example.com>",
        )
        self.assertTrue(engagement.sender_unverified)
        self.assertNotEqual(engagement.create_uid, self.counsel)


@tagged("post_install", "-at_install")
class TestMailGatewayReplies(MailGatewayCase):
    """A reply to an engagement (``In-Reply-To:``/``References:``) is in the name of the
    contact or colleague of its ``From:`` only when the mail server authenticated it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # her address: ana.contreras@example.com
        cls.counsel = cls._new_user("ana.contreras", "srm_base.group_srm_user", name="Ana Contreras")

    def setUp(self):
        super().setUp()
        self.engagement = self._process(
            "Ruido nocturno",
            "Elena Ríos <elena.rios@example.com>",
            "<ruido-1@example.com>",
            body="Los camiones pasan de noche.",
            extra=AUTHENTICATED,
        )
        self.assertEqual(self.engagement.partner_ids, self.stakeholder)

    def _reply(self, email_from, msg_id, body, extra=""):
        self._process(
            "Re: Ruido nocturno",
            email_from,
            msg_id,
            body=body,
            extra=extra + "In-Reply-To: <ruido-1@example.com>\nReferences: <ruido-1@example.com>\n",
        )
        self.assertFalse(self.env["srm.engagement"].search([("name", "=", "Re: Ruido nocturno")]))
        reply = self.engagement.message_ids.filtered(lambda m: body in (m.body or ""))
        self.assertEqual(len(reply), 1, "the reply is kept on the engagement")
        return reply

    def test_forged_colleague_reply_is_in_nobodys_name(self):
        reply = self._reply("Ana Contreras <ana.contreras@example.com>", "<ruido-2@example.com>", "Pagaremos el doble.")
        self.assertFalse(reply.author_id, "not in the colleague's name")
        self.assertIn("ana.contreras@example.com", reply.email_from, "the team sees the address")
        self.assertIn("did not authenticate", reply.body)
        self.assertNotIn(self.counsel.partner_id, self.engagement.message_partner_ids, "not made a follower")

    def test_forged_stakeholder_reply_is_in_nobodys_name(self):
        reply = self._reply("Elena Ríos <elena.rios@example.com>", "<ruido-3@example.com>", "Retiro mi reclamo.")
        self.assertFalse(reply.author_id)
        self.assertIn("elena.rios@example.com", reply.email_from)
        self.assertIn("did not authenticate", reply.body)

    def test_authenticated_replies_keep_their_author(self):
        reply = self._reply(
            "Ana Contreras <ana.contreras@example.com>",
            "<ruido-4@example.com>",
            "Hablé con ella.",
            extra=AUTHENTICATED,
        )
        self.assertEqual(reply.author_id, self.counsel.partner_id)
        self.assertNotIn("did not authenticate", reply.body)
        reply = self._reply(
            "Elena Ríos <elena.rios@example.com>", "<ruido-5@example.com>", "Sigue igual.", extra=AUTHENTICATED
        )
        self.assertEqual(reply.author_id, self.stakeholder)

    def test_reply_from_an_unknown_address_is_unchanged(self):
        reply = self._reply("Pedro Soto <pedro.soto@example.org>", "<ruido-6@example.org>", "Yo también.")
        self.assertFalse(reply.author_id)
        self.assertNotIn("did not authenticate", reply.body)


@tagged("post_install", "-at_install")
class TestSenderToVerifyMark(MailGatewayCase):
    """Only the mail gateway marks an engagement "Sender to Verify"; its users may untick it."""

    def setUp(self):
        super().setUp()
        self.env["res.lang"]._activate_lang("fr_FR")
        self.engagement = self._engagement(self.stakeholder)
        self.unverified = self._process("Aviso", "elena.rios@example.com", "<aviso-1@example.com>")
        self.assertTrue(self.unverified.sender_unverified)
        self.env.cr.precommit.run()  # the email was processed in a transaction of its own

    def test_users_cannot_mark_an_engagement(self):
        Engagement = self.env["srm.engagement"].with_user(self.officer)
        values = {
            "name": "Llamada",
            "engagement_type_id": self.type_call.id,
            "partner_ids": [(6, 0, self.stakeholder.ids)],
        }
        with self.assertRaisesRegex(UserError, "Sender to Verify"):
            Engagement.create(dict(values, sender_unverified=True))
        with self.assertRaisesRegex(UserError, "Sender to Verify"):
            Engagement.with_context(default_sender_unverified=True).create(values)
        with self.assertRaisesRegex(UserError, "Sender to Verify"):
            self.engagement.with_user(self.officer).write({"sender_unverified": True})
        self.assertFalse(self.engagement.sender_unverified)

    def test_refusal_in_the_users_language(self):
        self.officer.lang = "fr_FR"
        engagement = self.engagement.with_user(self.officer).with_context(lang="fr_FR")
        with self.assertRaisesRegex(UserError, "passerelle de messagerie"):
            engagement.write({"sender_unverified": True})

    def test_users_may_untick_it(self):
        engagement = self.unverified.with_user(self.officer).with_context(tracking_disable=False)
        engagement.write({"partner_ids": [(6, 0, self.stakeholder.ids)], "sender_unverified": False})
        self.assertFalse(self.unverified.sender_unverified)
        self.env.cr.precommit.run()  # tracking values are written at the commit
        tracked = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", "srm.engagement"),
                ("mail_message_id.res_id", "=", self.unverified.id),
                ("field_id.name", "=", "sender_unverified"),
            ]
        )
        self.assertEqual(len(tracked), 1, "unticking is tracked")
        self.assertEqual(tracked.mail_message_id.author_id, self.officer.partner_id)
        with self.assertRaisesRegex(UserError, "Sender to Verify"):
            engagement.write({"sender_unverified": True})
