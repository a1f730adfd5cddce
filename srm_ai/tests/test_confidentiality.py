# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields
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


@tagged("post_install", "-at_install")
class TestAiDataRules(SrmAiAccessCase):
    """Scores, monthly figures, themes and recommendations follow the rules of
    the records they come from."""

    def _email(self, record, author, body):
        record.message_post(body=body, author_id=author.id, message_type="email", subtype_xmlid="mail.mt_comment")
        return self.env["srm.ai.message.score"].search([("res_model", "=", record._name), ("res_id", "=", record.id)])

    def test_protected_complainant_hidden_from_message_scores(self):
        complainant = self.env["res.partner"].create(
            {"name": "Li Wei", "is_stakeholder": True, "srm_project_ids": [Command.set(self.project.ids)]}
        )
        sensitive = self._issue(
            "Harassment by a guard", "A guard harassed me.", partners=self.village, is_sensitive=True,
            complainant_partner_id=complainant.id,
        )
        anonymous = self._issue("Night noise", "Noise every night.", partners=self.village, is_anonymous=True)
        public = self._issue("Dust", "Dust on the road.", partners=self.village)
        sensitive_score = self._email(sensitive, complainant, "We are furious and scared.")
        anonymous_score = self._email(anonymous, complainant, "Nobody listens, this is terrible.")
        public_score = self._email(public, complainant, "Thank you for the quick answer.")
        self.assertTrue(sensitive_score.is_protected and anonymous_score.is_protected)
        Score = self.env["srm.ai.message.score"]
        for user in (self.user, self.auditor, self.insider, self.outsider):
            found = Score.with_user(user).search([("partner_id", "=", complainant.id)])
            self.assertNotIn(sensitive_score, found, user.login)
            self.assertNotIn(anonymous_score, found, user.login)
            groups = Score.with_user(user)._read_group([("res_model", "=", "srm.issue")], ["partner_id"], ["__count"])
            counts = dict(groups)
            self.assertLessEqual(counts.get(complainant, 0), 1, user.login)
        self.assertIn(public_score, Score.with_user(self.user).search([("partner_id", "=", complainant.id)]))
        self.assertIn(public_score, Score.with_user(self.insider).search([("partner_id", "=", complainant.id)]))
        self.assertNotIn(public_score, Score.with_user(self.outsider).search([]), "not the outsider's project")
        self.assertEqual(
            len(Score.with_user(self.manager).search([("partner_id", "=", complainant.id)])), 3
        )
        # a grievance protected later hides what was already scored
        public.is_sensitive = True
        self.assertNotIn(public_score, Score.with_user(self.user).search([]))
        # and the complainant's sentiment is not told by the protected messages
        complainant._srm_ai_refresh_sentiment()
        self.assertFalse(complainant.srm_ai_sentiment_label)

    def test_restricted_users_see_insights_of_their_projects_only(self):
        self._engagement("Excellent meeting, thank you.", days_ago=3)
        quarry = self._engagement(
            "Angry about the blasting.", partners=self.quarry_village, days_ago=2, project_id=self.other_project.id
        )
        mine_score = self._email(self._engagement("Notes.", days_ago=1), self.village, "Great answer, thanks!")
        quarry_score = self._email(quarry, self.quarry_village, "The blasting is terrible.")
        Snapshot = self.env["srm.ai.sentiment.snapshot"].with_user(self.insider)
        self.assertTrue(Snapshot.search([("partner_id", "=", self.village.id)]))
        self.assertFalse(Snapshot.search([("partner_id", "=", self.quarry_village.id)]))
        snapshots = self.env["srm.ai.sentiment.snapshot"].with_user(self.user)
        self.assertTrue(snapshots.search([("partner_id", "=", self.quarry_village.id)]))
        Score = self.env["srm.ai.message.score"]
        both = [("id", "in", (mine_score | quarry_score).ids)]
        self.assertEqual(Score.with_user(self.insider).search(both), mine_score)
        self.assertEqual(Score.with_user(self.outsider).search(both), quarry_score)
        # recommendations: those of the stakeholders of the user's projects
        rule = self.env.ref("srm_ai.srm_ai_recommendation_rule_no_contact")
        Recommendation = self.env["srm.ai.recommendation"]
        recommendations = Recommendation.browse()
        for partner in (self.village, self.quarry_village):
            recommendations |= Recommendation._srm_ai_create_for(rule, partner, "No contact.", self.company)
        self.assertEqual(
            Recommendation.with_user(self.insider).search([("id", "in", recommendations.ids)]).partner_id, self.village
        )
        # themes: their key terms come from the records they group
        no_project = self._engagement("Dust in the valley.", project_id=False, days_ago=1)
        mine = self._engagement("Dust on the road again.", days_ago=1)
        Theme = self.env["srm.ai.theme"]
        today = fields.Date.today()
        base = {"period_start": today, "period_end": today, "company_id": self.company.id}
        theme_mine = Theme.create(dict(base, name="dust", key_terms="dust, road",
                                       engagement_ids=[Command.set(mine.ids)]))
        theme_quarry = Theme.create(dict(base, name="blasting", key_terms="blasting, quarry",
                                         engagement_ids=[Command.set((mine | quarry).ids)]))
        theme_unscoped = Theme.create(dict(base, name="valley", key_terms="valley",
                                           engagement_ids=[Command.set(no_project.ids)]))
        themes = theme_mine | theme_quarry | theme_unscoped
        self.assertEqual(Theme.with_user(self.insider).search([("id", "in", themes.ids)]), theme_mine)
        with self.assertRaises(AccessError):
            theme_quarry.with_user(self.insider).read(["key_terms"])
        self.assertEqual(Theme.with_user(self.user).search([("id", "in", themes.ids)]), themes)
        # the village now has an engagement of no project, which they may not read: its
        # recommendations may count it, and are not theirs any more
        self.assertFalse(Recommendation.with_user(self.insider).search([("id", "in", recommendations.ids)]))

    def test_stakeholder_figures_leave_out_confidential_records(self):
        self._engagement("We are furious, this is a disaster.", is_confidential=True, days_ago=2)
        self._overdue_commitment("Secret compensation", self.village).is_confidential = True
        self._issue("Secret grievance", "Angry about the deal.", is_confidential=True)
        self.village._srm_ai_refresh_sentiment()
        self.assertFalse(self.village.srm_ai_sentiment_label)
        self.assertFalse(self.village.srm_ai_snapshot_ids.filtered("has_sentiment"))
        self.assertNotIn("open issue", self.village.srm_ai_health_reasons)
        self.assertNotIn("overdue commitment", self.village.srm_ai_health_reasons)

    def test_recommendation_from_confidential_records_is_confidential(self):
        self._overdue_commitment("Secret compensation", self.village, days_late=3).is_confidential = True
        created = self.env.ref("srm_ai.srm_ai_recommendation_rule_overdue")._run(self.company)
        mine = created.filtered(lambda r: r.partner_id == self.village)
        self.assertTrue(mine.is_confidential)
        self.assertFalse(self.env["srm.ai.recommendation"].with_user(self.user).search([("id", "=", mine.id)]))
        self.assertTrue(self.env["srm.ai.recommendation"].with_user(self.manager).search([("id", "=", mine.id)]))
        self.assertNotIn("overdue", mine.activity_id.note or "")


@tagged("post_install", "-at_install")
class TestAuditorReadOnly(SrmAiAccessCase):
    def test_auditor_changes_nothing(self):
        engagement = self._engagement("Routine meeting.", days_ago=90)
        Theme = self.env["srm.ai.theme"]
        themes_before = Theme.search_count([])
        with self.assertRaises(AccessError):
            Theme.with_user(self.auditor).action_srm_ai_analyse_now()
        self.assertEqual(Theme.search_count([]), themes_before)
        rule = self.env.ref("srm_ai.srm_ai_recommendation_rule_no_contact")
        Recommendation = self.env["srm.ai.recommendation"]
        recommendations_before = Recommendation.search_count([])
        activities_before = self.env["mail.activity"].search_count([])
        for user in (self.auditor, self.user):
            with self.assertRaises(AccessError):
                rule.with_user(user).action_run_now()
        self.assertFalse(Recommendation.search([("partner_id", "=", self.village.id)]))
        self.assertEqual(Recommendation.search_count([]), recommendations_before)
        self.assertEqual(self.env["mail.activity"].search_count([]), activities_before)
        with self.assertRaises(AccessError):
            self.village.with_user(self.auditor).action_srm_ai_refresh()
        with self.assertRaises(AccessError):
            engagement.with_user(self.auditor).action_srm_ai_score()
        # reading stays possible, and the others still work
        self.assertTrue(self.village.with_user(self.auditor).action_srm_ai_trend())
        self.assertEqual(Theme.with_user(self.user).action_srm_ai_analyse_now()["res_model"], "srm.ai.theme")
        rule.with_user(self.manager).action_run_now()
        self.assertTrue(Recommendation.search([("partner_id", "=", self.village.id)]))

    def test_similar_records_of_an_unreadable_record_refused(self):
        secret = self._engagement("Secret dust deal.", is_confidential=True)
        with self.assertRaises(AccessError):
            secret.with_user(self.user).action_srm_ai_similar()
