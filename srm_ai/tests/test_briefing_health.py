# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields
from odoo.tests import tagged
from odoo.tools import html2plaintext

from .common import SrmAiCase


@tagged("post_install", "-at_install")
class TestBriefingHealth(SrmAiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._engagement("The council complained about dust from the trucks on the school road.", days_ago=100,
                        name="Dust complaint")
        cls._engagement("The council is angry about the dust and the noise near the school.", days_ago=95,
                        name="Follow-up on dust")
        cls.issue = cls._issue("Dust on the school road", "Dust from trucks covers the school every day.")
        cls.commitment = cls._overdue_commitment("Water spraying on the school road", cls.village)
        cls.village._srm_ai_refresh_sentiment()

    def test_health_score_and_reasons(self):
        village = self.village
        self.assertEqual(village.srm_quadrant, "manage_closely")
        reasons = village.srm_ai_health_reasons
        self.assertIn("expected every 30 days", reasons)
        self.assertIn("Manage closely", reasons)
        self.assertIn("1 open issue(s)", reasons)
        self.assertIn("1 overdue commitment(s)", reasons)
        self.assertIn("Negative sentiment", reasons)
        self.assertLess(village.srm_ai_health_score, 50)
        this_month = fields.Date.today().replace(day=1)
        snapshot = village.srm_ai_snapshot_ids.filtered(lambda s: s.month == this_month)
        self.assertEqual(snapshot.health_score, village.srm_ai_health_score)
        # a recent positive meeting and a fulfilled commitment improve health
        self._engagement("Excellent meeting, the council thanked us for the water spraying.")
        self.commitment.write({"state": "cancelled", "is_overdue": False})
        self.issue.action_archive()
        before = village.srm_ai_health_score
        village._srm_ai_refresh_sentiment()
        self.assertGreater(village.srm_ai_health_score, before)
        self.assertIn("within the 30 days expected", village.srm_ai_health_reasons)

    def test_contact_interval_is_configurable(self):
        self.company.srm_ai_days_manage_closely = 200
        self.village._srm_ai_refresh_health()
        self.assertIn("within the 200 days expected", self.village.srm_ai_health_reasons)

    def test_briefing_offline(self):
        action = self.village.with_user(self.user).action_srm_ai_briefing()
        brief = self.env["srm.ai.briefing"].browse(action["res_id"])
        self.assertEqual(brief.mode, "offline")
        text = html2plaintext(brief.body)
        for expected in (
            "Riverside Village Council",
            "Manage closely",
            "Dust complaint",
            "Water spraying on the school road",
            "(overdue)",
            "Dust on the school road",
            "Relationship health",
            "dust",
            "Suggested talking points",
            "Give an honest update on the overdue commitment",
            "Report progress on the open issue",
        ):
            self.assertIn(expected, text)
        html = self.env["ir.actions.report"]._render_qweb_html("srm_ai.srm_ai_briefing_report_action", brief.ids)[0]
        self.assertIn(b"Riverside Village Council", html)
        self.assertTrue(brief.action_print())

    def test_strategy_offline_for_stakeholder_and_segment(self):
        action = self.village.with_user(self.user).action_srm_ai_strategy()
        strategy = self.env["srm.ai.strategy"].browse(action["res_id"])
        self.assertIn("Manage closely", html2plaintext(strategy.body))
        segment = self.env["srm.segment"].create(
            {"name": "Road users", "partner_ids": [Command.set((self.village | self.farmer).ids)]}
        )
        wizard = self.env["srm.ai.strategy"].with_user(self.user).create({"segment_id": segment.id})
        wizard.action_prepare()
        body = html2plaintext(wizard.body)
        self.assertIn("Manage closely", body)
        self.assertIn("Keep informed", body)
