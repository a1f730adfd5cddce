# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged
from odoo.tools import html2plaintext

from .common import SrmAiCase


@tagged("post_install", "-at_install")
class TestBriefWords(SrmAiCase):
    def test_in_their_words_quotes_what_they_said(self):
        self._engagement(
            "How concerned are you about the project's effects on water?: Very concerned\n"
            "Which topics matter most to you?: Local jobs and suppliers, Water\n"
            "What would you like the project to do differently?: We want to monitor the river together.",
            name="Interview: Feasibility consultation",
            outcome="Answers recorded.",
        )
        for _session in range(2):
            self._engagement(
                "The council asked for a public meeting on the water of the valley.",
                name="Open council on water",
                outcome="Technical water committee with the community.",
            )
        action = self.village.with_user(self.user).action_srm_ai_briefing()
        text = html2plaintext(self.env["srm.ai.briefing"].browse(action["res_id"]).body)
        words = text.split("In their words:", 1)[1].split("\n", 1)[0]
        self.assertIn("We want to monitor the river together.", words)
        self.assertIn("The council asked for a public meeting on the water of the valley.", words)
        self.assertEqual(words.count("The council asked"), 1, "each thing said once")
        for absent in (": :", "Local jobs and suppliers", "Open council on water", "Technical water committee"):
            self.assertNotIn(absent, words)
