# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .test_confidentiality import SrmAiAccessCase


@tagged("post_install", "-at_install")
class TestAiLinks(SrmAiAccessCase):
    """Odoo shows the name of a linked record to whoever may read the record linking
    it (as superuser): a user may link only records they may read themselves, or a
    link typed over RPC would tell them the name of a confidential record or of a
    stakeholder of another project."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.secret = cls._engagement(
            "Offer of 2 million to the council", name="Secret offer to the council", is_confidential=True
        )
        cls.secret_issue = cls._issue(
            "Harassment by the security contractor", "They threatened us.", is_confidential=True
        )

    def _linked_name(self, record, fname):
        """The name of the record linked by ``fname``, as the web client reads it."""
        return record.web_read({fname: {"fields": {"display_name": {}}}})[0][fname]

    def test_similar_records_link_readable_records_only(self):
        Similar = self.env["srm.ai.similar"].with_user(self.user)
        for fname, target in (("engagement_id", self.secret), ("issue_id", self.secret_issue)):
            with self.assertRaises(AccessError):
                Similar.create(
                    {"source_model": "srm.engagement", "source_id": 1, "record_type": "issue", fname: target.id}
                )
        own = Similar.create({"source_model": "srm.engagement", "source_id": 1, "name": "mine"})
        with self.assertRaises(AccessError):
            own.write({"engagement_id": self.secret.id})
        # the similar records found for a readable record are listed as before
        public = self._engagement("Dust on the school road, children cough.", name="Dust meeting")
        self._engagement("Dust from the trucks on the school road again.", name="Dust again")
        action = public.with_user(self.user).action_srm_ai_similar()
        found = Similar.search(action["domain"])
        self.assertIn("Dust again", found.mapped("name"))
        self.assertEqual(self._linked_name(found[:1], "engagement_id")["display_name"], found[:1].name)

    def test_links_given_as_defaults_are_checked_too(self):
        """A link passed as a default in the context (or set as the user's own default)
        reaches the record as well as a value would."""
        Similar = self.env["srm.ai.similar"].with_user(self.user)
        values = {"source_model": "srm.engagement", "source_id": 1, "record_type": "engagement"}
        with self.assertRaises(AccessError):
            Similar.with_context(default_engagement_id=self.secret.id).create(values)
        for model in ("srm.ai.briefing", "srm.ai.strategy"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.outsider).with_context(default_partner_id=self.village.id).create({})
        self.env["ir.default"].set("srm.ai.similar", "issue_id", self.secret_issue.id, user_id=self.user.id)
        with self.assertRaises(AccessError):
            Similar.create(values)

    def test_brief_and_strategy_about_readable_stakeholders_only(self):
        # the outsider works on the Hill Quarry project: the village is not theirs
        for model in ("srm.ai.briefing", "srm.ai.strategy"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.outsider).create({"partner_id": self.village.id})
        strategy = self.env["srm.ai.strategy"].with_user(self.outsider).create({"partner_id": self.quarry_village.id})
        with self.assertRaises(AccessError):
            strategy.write({"partner_id": self.village.id})
        self.assertEqual(self._linked_name(strategy, "partner_id")["display_name"], "Quarry Hamlet Association")
        # their own stakeholder's brief is prepared as before
        brief = self._brief(self.quarry_village, self.outsider)
        self.assertIn("Quarry Hamlet Association", brief.body)

    def test_theme_links_readable_issues_only(self):
        theme = self.env["srm.ai.theme"].create(
            {"name": "Dust", "period_start": "2026-01-01", "period_end": "2026-01-31"}
        )
        as_user = theme.with_user(self.user)
        with self.assertRaises(AccessError):
            as_user.write({"issue_id": self.secret_issue.id})
        with self.assertRaises(AccessError):
            as_user.write({"engagement_ids": [Command.link(self.secret.id)]})
        # a project user may not link their issue to a theme of another project's records
        other_theme = self.env["srm.ai.theme"].create(
            {
                "name": "Quarry blasting",
                "period_start": "2026-01-01",
                "period_end": "2026-01-31",
                "issue_ids": [Command.link(self._issue("Blasting", "Cracks", project_id=self.other_project.id).id)],
            }
        )
        own_issue = self._issue("Dust", "Dust on the road").with_user(self.insider)
        with self.assertRaises(AccessError):
            own_issue.write({"srm_ai_theme_id": other_theme.id})
        own_issue.write({"location": "School road"})
        # users still review themes and turn them into issues
        as_user.write({"name": "Dust on the school road"})
        as_user.action_create_issue()
        self.assertEqual(theme.state, "converted")
        self.assertTrue(as_user.issue_id.display_name)

    def test_recommendation_links_readable_records_only(self):
        rule = self.env.ref("srm_ai.srm_ai_recommendation_rule_no_contact")
        recommendation = (
            self.env["srm.ai.recommendation"]
            .sudo()
            ._srm_ai_create_for(rule, self.village, "No contact for 90 days.", self.company)
        )
        # an activity on a confidential engagement, whose summary names what it is about
        secret_activity = self.secret.activity_schedule(
            "mail.mail_activity_data_todo", summary="Pay the council before the vote", user_id=self.manager.id
        )
        for user in (self.user, self.insider):
            with self.assertRaises(AccessError):
                recommendation.with_user(user).write({"activity_id": secret_activity.id})
        # the insider may not move it to a stakeholder of another project either
        with self.assertRaises(AccessError):
            recommendation.with_user(self.insider).write({"partner_id": self.quarry_village.id})
        # its owner still closes it, which marks its activity done
        recommendation.with_user(self.user).action_done()
        self.assertEqual(recommendation.state, "done")

    def test_portal_complainant_does_not_read_the_theme_of_their_issue(self):
        portal = new_test_user(self.env, login="srm_ai_portal", name="Paula Portal", groups="base.group_portal")
        issue = self._issue("Dust on my field", "The dust covers my crops.")
        issue.sudo().complainant_partner_id = portal.partner_id
        theme = self.env["srm.ai.theme"].create(
            {
                "name": "Guards threaten the night shift",
                "period_start": "2026-01-01",
                "period_end": "2026-01-31",
                "issue_ids": [Command.link(self.secret_issue.id)],
            }
        )
        issue.srm_ai_theme_id = theme
        as_portal = issue.with_user(portal)
        # they read their own issue, not the theme (made of other people's words)
        self.assertEqual(as_portal.search([("id", "=", issue.id)]), issue)
        self.assertEqual(as_portal.read(["name"])[0]["name"], "Dust on my field")
        with self.assertRaises(AccessError):
            as_portal.read(["srm_ai_theme_id"])
        self.assertNotIn("srm_ai_theme_id", as_portal.fields_get())
        # the team reads it as before
        self.assertEqual(issue.with_user(self.user).srm_ai_theme_id, theme)

    def test_stakeholder_does_not_read_the_team_insights_on_them(self):
        self._engagement("The council is furious about the dust, very angry.", days_ago=5)
        self.village._srm_ai_refresh_sentiment()
        self.village._srm_ai_refresh_health()
        self.assertTrue(self.village.srm_ai_health_reasons)
        # a member of the village council with a portal login reads the council's contact
        member = self.env["res.partner"].create({"name": "Council secretary", "parent_id": self.village.id})
        portal = new_test_user(self.env, login="srm_ai_council", groups="base.group_portal", partner_id=member.id)
        council = self.village.with_user(portal)
        self.assertEqual(council.read(["name"])[0]["name"], "Riverside Village Council")
        for fname in ("srm_ai_sentiment", "srm_ai_sentiment_label", "srm_ai_health_score", "srm_ai_health_reasons"):
            with self.subTest(field=fname), self.assertRaises(AccessError):
                council.read([fname])
        with self.assertRaises(AccessError):
            council.search([("srm_ai_sentiment_label", "=", "negative")])
        # the team reads them as before
        self.assertEqual(self.village.with_user(self.user).srm_ai_health_score, self.village.srm_ai_health_score)
        self.assertTrue(self.village.with_user(self.auditor).srm_ai_health_reasons)

    def test_auditor_does_not_follow_themes(self):
        theme = self.env["srm.ai.theme"].create(
            {"name": "Dust", "period_start": "2026-01-01", "period_end": "2026-01-31"}
        )
        with self.assertRaises(AccessError):
            theme.with_user(self.auditor).message_subscribe(partner_ids=self.auditor.partner_id.ids)
        self.assertNotIn(self.auditor.partner_id, theme.message_partner_ids)
        # the team follows it as before
        theme.with_user(self.user).message_subscribe(partner_ids=self.user.partner_id.ids)
        self.assertIn(self.user.partner_id, theme.message_partner_ids)
