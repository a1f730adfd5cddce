# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import SrmAiCase


@tagged("post_install", "-at_install")
class TestThemesSimilar(SrmAiCase):
    def test_themes_group_across_languages_and_grow(self):
        # a company of its own, so that only these records are analysed
        company = self.env["res.company"].create({"name": "Themes Test Co"})
        project = self.env["srm.project"].create({"name": "Themes", "company_id": company.id})
        self.env.user.company_ids |= company
        scope = {"company_id": company.id, "project_id": project.id}
        self._engagement = lambda text, **kw: type(self)._engagement(text, **dict(scope, **kw))
        self._issue = lambda name, text, **kw: type(self)._issue(name, text, **dict(scope, **kw))
        dust = [
            "Dust from the trucks covers our houses and the road.",
            "La poussière des camions recouvre nos maisons et la route.",
            "El polvo de los camiones cubre nuestras casas y el camino.",
            "卡车扬起的灰尘盖满了我们的房子和道路。",
        ]
        for text in dust:
            self._engagement(text, days_ago=3)
        self._issue("Polvo", "Mucho polvo de los camiones en las casas del camino.", days_ago=2)
        compensation = [
            "The compensation for our land has still not been paid.",
            "L'indemnisation pour nos terres n'a toujours pas été payée.",
            "La compensación por nuestras tierras todavía no ha sido pagada.",
        ]
        for text in compensation:
            self._engagement(text, days_ago=5)
        # previous period: compensation was already discussed, dust was not
        for text in compensation[:2]:
            self._engagement(text, days_ago=40)
        # confidential notes never feed themes
        self._engagement("Confidential: dust dust dust trucks houses road", days_ago=1, is_confidential=True)
        themes = self.env["srm.ai.theme"]._srm_ai_analyse(company)
        dust_theme = themes.filtered(lambda t: "dust" in t.key_terms)
        self.assertEqual(len(dust_theme), 1, themes.mapped("key_terms"))
        self.assertEqual(dust_theme.size, 5)
        self.assertEqual(len(dust_theme.engagement_ids), 4)
        self.assertEqual(len(dust_theme.issue_ids), 1)
        self.assertFalse(dust_theme.engagement_ids.filtered("is_confidential"))
        self.assertTrue(dust_theme.is_growing)
        self.assertEqual(set(dust_theme.languages.split(", ")), {"en", "es", "fr", "zh"})
        money = themes.filtered(lambda t: "compensation" in t.key_terms)
        self.assertEqual(money.size, 3)
        self.assertEqual(money.previous_size, 2)
        self.assertFalse(money.is_growing)
        # a user turns the theme into an issue
        action = dust_theme.action_create_issue()
        issue = self.env["srm.issue"].browse(action["res_id"])
        self.assertEqual(issue.srm_ai_theme_id, dust_theme)
        self.assertEqual(dust_theme.state, "converted")
        self.assertEqual(issue.engagement_ids, dust_theme.engagement_ids)
        self.assertIn("dust", issue.name.lower())
        # a new run replaces unreviewed themes but keeps the converted one
        again = self.env["srm.ai.theme"]._srm_ai_analyse(company)
        self.assertTrue(dust_theme.exists())
        self.assertFalse(money.exists())
        self.assertTrue(again)
        # a meeting made confidential, a grievance made sensitive, leave every theme
        # (whoever knows their ids would find them there)
        Theme = self.env["srm.ai.theme"]
        secret, protected = dust_theme.engagement_ids[:1], dust_theme.issue_ids
        self.assertTrue(Theme.search_count([("engagement_ids", "in", secret.ids)]))
        secret.is_confidential = True
        protected.is_sensitive = True
        self.assertFalse(Theme.search_count([("engagement_ids", "in", secret.ids)]))
        self.assertFalse(Theme.search_count([("issue_ids", "in", protected.ids)]))
        self.assertEqual((len(dust_theme.engagement_ids), len(dust_theme.issue_ids), dust_theme.size), (3, 0, 3))

    def test_analyse_now_button(self):
        action = self.env["srm.ai.theme"].with_user(self.user).action_srm_ai_analyse_now()
        self.assertEqual(action["res_model"], "srm.ai.theme")

    def test_similar_records_across_languages(self):
        source = self._engagement("The well water is polluted since the mine opened, families are worried.")
        french = self._engagement("L'eau du puits est polluée depuis l'ouverture de la mine.", days_ago=30)
        issue = self._issue("Agua contaminada", "El agua del pozo está contaminada por la mina.", days_ago=20)
        unrelated = self._engagement("Scholarship ceremony at the school, students were proud.", days_ago=10)
        action = source.with_user(self.user).action_srm_ai_similar()
        results = self.env["srm.ai.similar"].with_user(self.user).search(action["domain"])
        found = [r.engagement_id or r.issue_id for r in results]
        self.assertIn(french, found[:2])
        self.assertIn(issue, found[:2])
        self.assertNotIn(unrelated, found[:2])
        self.assertIn("water", results[0].shared_terms + results[1].shared_terms)
        # from an issue as well
        action = issue.with_user(self.user).action_srm_ai_similar()
        results = self.env["srm.ai.similar"].with_user(self.user).search(action["domain"])
        self.assertIn(results[0].engagement_id, source | french)
        self.assertEqual(results[0].action_open()["res_model"], "srm.engagement")

    def test_similar_records_with_embeddings(self):
        from .. import engine

        if not engine.embeddings.available():
            self.skipTest("multilingual embeddings not installed")
        self.company.srm_ai_use_embeddings = True
        # no word nor concept in common: only the multilingual embeddings can match them
        source = self._engagement("The families are exhausted, they cannot sleep because the machines run all night.")
        chinese = self._engagement("机器整夜轰鸣，居民们无法入睡，非常疲惫。", days_ago=10)
        unrelated = self._engagement("Scholarship ceremony at the school, students were proud.", days_ago=10)
        self.assertFalse(source.sudo()._srm_ai_vectors(), "saving does not wait for the embedding model")
        # the scheduled job embeds them (newest first) and stores the embeddings
        self.assertEqual(self.env["srm.engagement"]._srm_ai_embed_batch(limit=3), 3)
        self.assertTrue(source.sudo()._srm_ai_vectors(), "the embedding is stored with the score")
        action = source.with_user(self.user).action_srm_ai_similar()
        results = self.env["srm.ai.similar"].with_user(self.user).search(action["domain"])
        ranked = list(results.engagement_id)
        self.assertIn(chinese, ranked)
        self.assertIn("embeddings", results.filtered(lambda r: r.engagement_id == chinese).method)
        if unrelated in ranked:
            self.assertLess(ranked.index(chinese), ranked.index(unrelated))
        # records scored while embeddings were off get theirs from the scheduled job
        late = self.env["srm.engagement"].with_context(srm_ai_no_embeddings=True).create(
            {"name": "Late", "engagement_type_id": self.meeting_type.id,
             "partner_ids": [(6, 0, self.village.ids)], "summary": "Thank you for the new well."}
        )
        self.assertFalse(late.sudo()._srm_ai_vectors())
        # (the job runs batches of 200, newest first; a small batch here)
        self.assertGreaterEqual(self.env["srm.engagement"]._srm_ai_embed_batch(limit=3), 1)
        self.assertTrue(late.sudo()._srm_ai_vectors())

    def test_similar_records_respect_confidentiality(self):
        source = self._engagement("Dust from trucks on the road to the village.")
        secret = self._engagement("Dust from trucks on the road to the village again.", is_confidential=True)
        action = source.with_user(self.user).action_srm_ai_similar()
        results = self.env["srm.ai.similar"].with_user(self.user).search(action["domain"])
        self.assertNotIn(secret, results.engagement_id)
        action = source.with_user(self.manager).action_srm_ai_similar()
        results = self.env["srm.ai.similar"].with_user(self.manager).search(action["domain"])
        self.assertIn(secret, results.engagement_id)
