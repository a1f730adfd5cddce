# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.srm_consultation.tests.test_srm_consultation_common import SrmConsultationCase


@tagged("post_install", "-at_install")
class TestConsultationAnalysis(SrmConsultationCase):
    """With srm_ai, consultation answers are grouped by meaning and get a tone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.write({"srm_ai_provider_enabled": False, "srm_ai_use_embeddings": False})

    def test_themes_get_the_tone_of_their_answers(self):
        self.interview(self.ana, self.yes, text="The water of the well is terrible, polluted and dirty. We are angry.")
        self.interview(self.ben, self.yes, text="El agua está contaminada, es horrible y peligrosa.")
        self.interview(self.dan, self.no, text="Thank you for the good local jobs, excellent training, we are happy.")
        self.interview(self.eva, self.no, text="Merci pour les emplois, très bonne formation, excellent travail.")
        Theme = self.env["srm.consultation.theme"]
        water = Theme.create({"consultation_id": self.consultation.id, "name": "Water", "keywords": "water, agua"})
        jobs = Theme.create({"consultation_id": self.consultation.id, "name": "Jobs", "keywords": "jobs, emplois"})
        self.consultation.action_extract_themes()
        self.assertEqual(water.count, 2)
        self.assertLess(water.srm_ai_sentiment, -0.05)
        self.assertEqual(water.srm_ai_sentiment_label, "negative")
        self.assertEqual(jobs.count, 2)
        self.assertGreater(jobs.srm_ai_sentiment, 0.05)
        self.assertEqual(jobs.srm_ai_sentiment_label, "positive")
        negative = Theme.search([("consultation_id", "=", self.consultation.id), ("srm_ai_sentiment", "<=", -0.05)])
        self.assertEqual(negative, water, "the Negative Tone filter finds the theme people are unhappy about")

    def test_answers_no_theme_covers_are_grouped_across_languages(self):
        self.interview(self.ana, self.yes, text="The water of the well is dirty.")
        self.interview(self.carla, self.no, text="The compensation for our land has still not been paid.")
        self.interview(self.dan, self.no, text="L'indemnisation pour nos terres n'a toujours pas été versée.")
        self.interview(self.eva, self.no, text="La compensación por nuestras tierras todavía no ha sido pagada.")
        water = self.env["srm.consultation.theme"].create(
            {"consultation_id": self.consultation.id, "name": "Water", "keywords": "water"}
        )
        self.consultation.action_extract_themes()
        self.assertEqual(water.count, 1)
        found = self.consultation.theme_ids.filtered(lambda theme: theme.origin == "ai")
        self.assertEqual(len(found), 1, found.mapped("name"))
        self.assertEqual(found.count, 3)
        self.assertEqual(found.line_ids.user_input_id.partner_id, self.carla | self.dan | self.eva)
        self.assertTrue(found.keywords)
        self.assertNotIn(self.ana, found.line_ids.user_input_id.partner_id)

        # the analysis runs again: the theme nobody worked on is replaced, not duplicated
        self.consultation.action_extract_themes()
        self.assertEqual(len(self.consultation.theme_ids.filtered(lambda theme: theme.origin == "ai")), 1)

    def test_answers_grouped_under_a_theme_name_join_that_theme(self):
        """The analysis groups the answers about water that the team's keywords missed
        and names them "Water", as the team named its theme: they join it."""
        self.interview(self.ana, self.yes, text="El agua del pozo está sucia.")
        self.interview(self.carla, self.no, text="L'eau du puits est sale.")
        self.interview(self.dan, self.no, text="Water from the well is dirty.")
        self.interview(self.eva, self.no, text="井里的水很脏。")
        water = self.env["srm.consultation.theme"].create(
            {"consultation_id": self.consultation.id, "name": "WATER", "keywords": "agua"}
        )
        self.consultation.action_extract_themes()
        self.assertEqual(water.count, 4)
        self.assertEqual(water.line_ids.user_input_id.partner_id, self.ana | self.carla | self.dan | self.eva)
        self.assertEqual(self.consultation.theme_ids, water, "no second theme of the same name")
        self.assertLess(water.srm_ai_sentiment, 0, "the tone of all four answers")
