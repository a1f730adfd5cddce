# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import html2plaintext

from .common import SrmAiCase

PAYLOAD = '<img src="x" onerror="alert(document.cookie)">'


class SrmAiAccessCase(SrmAiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_project = cls.env["srm.project"].create({"name": "Hill Quarry", "code": "HQY"})
        cls.insider = new_test_user(
            cls.env, login="srm_ai_insider", name="Ines Insider", groups="srm_base.group_srm_restricted"
        )
        cls.outsider = new_test_user(
            cls.env, login="srm_ai_outsider", name="Otto Outsider", groups="srm_base.group_srm_restricted"
        )
        cls.insider.srm_project_ids = cls.project
        cls.outsider.srm_project_ids = cls.other_project
        cls.colleague = new_test_user(
            cls.env, login="srm_ai_colleague", name="Carla Colleague", groups="srm_base.group_srm_user"
        )
        cls.manager2 = new_test_user(
            cls.env, login="srm_ai_manager2", name="Mona Manager", groups="srm_base.group_srm_manager"
        )
        (cls.village | cls.farmer).srm_project_ids = cls.project
        cls.quarry_village = cls.env["res.partner"].create(
            {
                "name": "Quarry Hamlet Association",
                "is_company": True,
                "is_stakeholder": True,
                "srm_influence": 5,
                "srm_interest": 5,
                "srm_project_ids": [Command.set(cls.other_project.ids)],
            }
        )

    def _brief(self, partner, user):
        action = partner.with_user(user).action_srm_ai_briefing()
        return self.env["srm.ai.briefing"].with_user(user).browse(action["res_id"])

    def _readers(self, record, users):
        """The users who find and read ``record``."""
        found = []
        for user in users:
            as_user = record.with_user(user)
            if as_user.search([("id", "=", record.id)]) and as_user.has_access("read"):
                found.append(user)
        return found


@tagged("post_install", "-at_install")
class TestAiOutputs(SrmAiAccessCase):
    """Meeting briefs and strategy suggestions: never typed-in HTML, private to
    their author unless shared, as confidential as what they quote."""

    def test_brief_text_cannot_be_typed_in(self):
        self._engagement("The council asked about the dust.", days_ago=3)
        brief = self._brief(self.village, self.user)
        with self.assertRaises(AccessError):
            brief.write({"body": PAYLOAD})
        with self.assertRaises(AccessError):
            brief.write({"is_confidential": False, "source_engagement_ids": [Command.clear()]})
        with self.assertRaises(AccessError):
            self.env["srm.ai.briefing"].with_user(self.user).create({"partner_id": self.village.id, "body": PAYLOAD})
        strategy = self.env["srm.ai.strategy"].with_user(self.user).create({"partner_id": self.village.id})
        with self.assertRaises(AccessError):
            strategy.write({"body": PAYLOAD})
        # nor through a default value of the context
        typed = (
            self.env["srm.ai.strategy"]
            .with_user(self.user)
            .with_context(default_body=PAYLOAD)
            .create({"partner_id": self.village.id})
        )
        self.assertNotIn("onerror", typed.body or "")
        # and whatever reaches the stored text is sanitized
        brief.sudo().write({"body": f"<p>Brief</p>{PAYLOAD}<script>alert(1)</script>"})
        self.assertNotIn("onerror", brief.body)
        self.assertNotIn("<script", brief.body)
        # the administrator the brief is shared with prints it: no script runs
        brief.write({"shared_user_ids": [Command.link(self.manager.id)]})
        html = (
            self.env["ir.actions.report"]
            .with_user(self.manager)
            ._render_qweb_html("srm_ai.srm_ai_briefing_report_action", brief.ids)[0]
        )
        self.assertNotIn(b"alert(document.cookie)", html)
        self.assertNotIn(b"<script>alert", html)

    def test_typed_text_is_escaped_in_briefs_and_strategies(self):
        evil = self.env["res.partner"].create(
            {
                "name": f"Evil {PAYLOAD}",
                "is_stakeholder": True,
                "srm_influence": 4,
                "srm_interest": 4,
                "srm_ai_sentiment_trend": "falling",
            }
        )
        self._engagement(f"<script>alert(1)</script> Dust again {PAYLOAD}", partners=evil, name=f"Visit {PAYLOAD}")
        self._overdue_commitment(f"Spraying {PAYLOAD}", evil)
        brief = self._brief(evil, self.user)
        strategy = self.env["srm.ai.strategy"].with_user(self.user).create({"partner_id": evil.id})
        strategy.action_prepare()
        for body in (brief.body, strategy.body):
            self.assertNotIn("<img", body)
            self.assertNotIn("<script", body)
        self.assertIn("onerror", html2plaintext(brief.body), "shown as text")

    def test_brief_private_to_its_author_unless_shared(self):
        self._engagement("The council asked about the dust on the school road.", days_ago=3)
        brief = self._brief(self.village, self.user)
        readers = (self.colleague, self.auditor, self.insider, self.outsider, self.manager)
        self.assertEqual(self._readers(brief, (self.user,) + readers), [self.user])
        Report = self.env["ir.actions.report"]
        for user in readers:
            with self.assertRaises(AccessError):
                Report.with_user(user)._render_qweb_html("srm_ai.srm_ai_briefing_report_action", brief.ids)
        # shared with colleagues: those who may read what it quotes read and print it
        brief.write({"shared_user_ids": [Command.set([u.id for u in readers])]})
        self.assertEqual(
            self._readers(brief, readers), [self.colleague, self.auditor, self.insider, self.manager]
        )
        html = Report.with_user(self.auditor)._render_qweb_html("srm_ai.srm_ai_briefing_report_action", brief.ids)[0]
        self.assertIn(b"Riverside Village Council", html)
        # the stakeholder is not in the outsider's projects: sharing shows nothing more
        with self.assertRaises(AccessError):
            Report.with_user(self.outsider)._render_qweb_html("srm_ai.srm_ai_briefing_report_action", brief.ids)
        # a colleague it is shared with reads it, and changes nothing
        with self.assertRaises(AccessError):
            brief.with_user(self.colleague).action_prepare()
        with self.assertRaises(AccessError):
            brief.with_user(self.colleague).write({"shared_user_ids": [Command.clear()]})

    def test_brief_quoting_confidential_records_is_confidential(self):
        self._engagement("Routine visit about the dust.", days_ago=5)
        self._engagement("Secret land deal negotiation.", days_ago=2, name="Land deal", is_confidential=True)
        brief = self._brief(self.village, self.manager)
        self.assertTrue(brief.is_confidential)
        self.assertIn("Land deal", html2plaintext(brief.body))
        everybody = (self.user, self.colleague, self.auditor, self.insider, self.manager2)
        brief.write({"shared_user_ids": [Command.set([u.id for u in everybody])]})
        # shared or not, only Confidential access users read it
        self.assertEqual(self._readers(brief, everybody), [self.manager2])
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.user)._render_qweb_html(
                "srm_ai.srm_ai_briefing_report_action", brief.ids
            )
        with self.assertRaises(AccessError):
            brief.with_user(self.user).read(["body"])
        # the same stakeholder prepared by a user quotes only what the user may read
        own = self._brief(self.village, self.user)
        self.assertFalse(own.is_confidential)
        self.assertNotIn("Land deal", html2plaintext(own.body))
        # strategies too
        strategy = self.env["srm.ai.strategy"].with_user(self.manager).create({"partner_id": self.village.id})
        strategy.action_prepare()
        self.assertTrue(strategy.is_confidential)
        strategy.write({"shared_user_ids": [Command.set([u.id for u in everybody])]})
        self.assertEqual(self._readers(strategy, everybody), [self.manager2])

    def test_restricted_user_brief_follows_projects(self):
        self._engagement("Dust on the road.", days_ago=3)
        self._engagement("Quarry blasting noise.", partners=self.quarry_village, days_ago=2,
                         project_id=self.other_project.id)
        brief = self._brief(self.quarry_village, self.manager)
        self.assertFalse(brief.is_confidential)
        brief.write({"shared_user_ids": [Command.set((self.insider | self.outsider).ids)]})
        self.assertEqual(self._readers(brief, (self.insider, self.outsider)), [self.outsider])
        with self.assertRaises(AccessError):
            self.quarry_village.with_user(self.insider).action_srm_ai_briefing()
