# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import SrmAiCase


@tagged("post_install", "-at_install")
class TestRecommendations(SrmAiCase):
    def _rule(self, xmlid):
        return self.env.ref(f"srm_ai.{xmlid}")

    def test_no_contact_rule_is_idempotent(self):
        self._engagement("Routine meeting.", days_ago=90)
        rule = self._rule("srm_ai_recommendation_rule_no_contact")
        created = rule._run(self.company)
        mine = created.filtered(lambda r: r.partner_id == self.village)
        self.assertEqual(len(mine), 1)
        self.assertEqual(mine.user_id, self.user)
        self.assertIn("no engagement for 60 days", mine.reason)
        self.assertTrue(mine.activity_id)
        self.assertEqual(mine.activity_id.user_id, self.user)
        # the activity, which whoever reads the stakeholder reads, points to the reason
        # (which counts records some of them may not read) without quoting it
        self.assertNotIn("no engagement", mine.activity_id.note)
        self.assertIn("Insights", mine.activity_id.note)
        # running again creates nothing new for the same stakeholder
        again = rule._run(self.company)
        self.assertFalse(again.filtered(lambda r: r.partner_id == self.village))
        # low influence stakeholders are not concerned
        self.assertFalse(created.filtered(lambda r: r.partner_id == self.farmer))
        # even after the owner marked it done, the cooldown prevents a repeat
        mine.with_user(self.user).action_done()
        self.assertEqual(mine.state, "done")
        self.assertFalse(rule._run(self.company).filtered(lambda r: r.partner_id == self.village))
        # a manager tunes the rule: 120 days, the stakeholder no longer matches
        rule.with_user(self.manager).write({"days": 120, "cooldown_days": 0})
        self.assertFalse(rule._run(self.company).filtered(lambda r: r.partner_id == self.village))

    def test_repeated_grievances_rule(self):
        for index in range(3):
            self._issue(f"Noise {index}", "Noise at night again.", kind="grievance", days_ago=index)
        rule = self._rule("srm_ai_recommendation_rule_grievances")
        created = rule._run(self.company)
        village = created.filtered(lambda r: r.partner_id == self.village)
        self.assertEqual(len(village), 1)
        self.assertIn("3 grievances", village.reason)
        self.assertFalse(rule._run(self.company))

    def test_overdue_commitment_and_falling_sentiment_rules(self):
        self._overdue_commitment("New well", self.village, days_late=3)
        overdue = self._rule("srm_ai_recommendation_rule_overdue")._run(self.company)
        self.assertIn("1 overdue commitment", overdue.filtered(lambda r: r.partner_id == self.village).reason)
        for months_ago, text in ((3, "Excellent, thank you."), (2, "Some concerns."), (1, "Angry and furious.")):
            self._engagement(text, months_ago=months_ago)
        falling = self._rule("srm_ai_recommendation_rule_falling")._run(self.company)
        self.assertIn("Sentiment is falling", falling.filtered(lambda r: r.partner_id == self.village).reason)

    def test_cron_runs_every_rule(self):
        self._engagement("Routine meeting.", days_ago=90)
        self.env["srm.ai.recommendation.rule"]._cron_srm_ai_recommendations()
        count = self.env["srm.ai.recommendation"].search_count([("partner_id", "=", self.village.id)])
        self.assertGreaterEqual(count, 1)
        self.env["srm.ai.recommendation.rule"]._cron_srm_ai_recommendations()
        self.assertEqual(
            self.env["srm.ai.recommendation"].search_count([("partner_id", "=", self.village.id)]), count
        )
