# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.tests import tagged

from odoo.addons.srm_ai import engine

from .common import SrmAiCase, recording_embeddings


@tagged("post_install", "-at_install")
class TestEmbeddingBacklog(SrmAiCase):
    """Saving never waits for the embedding model: the scheduled job embeds the
    new texts in batches, once per distinct text, and scores them again."""

    def setUp(self):
        super().setUp()
        # the best mode when installed (the suite's tests run without it by default)
        self.company.srm_ai_use_embeddings = engine.embeddings.available()

    def test_saving_never_embeds(self):
        with patch.object(engine.embeddings, "embed", wraps=engine.embeddings.embed) as embed:
            engagement = self._engagement("The villagers thanked us, the meeting was excellent.")
            engagement.summary = "Les villageois sont furieux : la poussière est insupportable."
            engagement.flush_recordset()
            self.farmer.message_post(
                body="Gracias por la visita, todo salió muy bien.",
                author_id=self.farmer.id,
                message_type="email",
                subtype_xmlid="mail.mt_comment",
            )
        self.assertEqual(embed.call_count, 0)
        # scored at once all the same (lexicons), the job will score it with the model
        self.assertEqual(engagement.ai_sentiment_label, "negative")
        self.assertFalse(engagement.sudo().ai_embedding)

    def test_job_embeds_each_distinct_text_once(self):
        if not self.env["srm.ai.service"]._srm_ai_use_embeddings():
            self.skipTest("multilingual embeddings not installed")
        text = "Trucks drive through the village at night and the dust covers our houses."
        first = self._engagement(text, name="Dust")
        second = self._engagement(text, name="Dust")
        other = self._engagement("Merci pour la réunion, elle était très utile.", name="Thanks")
        Engagement = self.env["srm.engagement"]
        self.assertGreaterEqual(Engagement._srm_ai_count_missing_vectors(), 3)
        with recording_embeddings() as embedded:
            # the newest records first: these three, in one batch
            self.assertEqual(Engagement._srm_ai_embed_batch(limit=3), 3)
        self.assertEqual(len(embedded), 2, "the same text is embedded once")
        records = (first | second | other).sudo()
        records.invalidate_recordset()
        self.assertTrue(all(records.mapped("ai_embedding")))
        self.assertEqual(first.sudo().ai_text_hash, second.sudo().ai_text_hash)
        self.assertEqual(other.ai_sentiment_label, "positive")
        # an unchanged text is not embedded again when the record is saved
        with recording_embeddings() as embedded_again:
            first.write({"summary": text, "name": "Dust"})
            first.invalidate_recordset()
            self.assertTrue(first.sudo().ai_embedding)
        self.assertFalse(embedded_again)

    def test_long_text_embedded_once_in_pieces(self):
        if not self.env["srm.ai.service"]._srm_ai_use_embeddings():
            self.skipTest("multilingual embeddings not installed")
        engagement = self._engagement(
            "Trucks drive through the village at night and the dust covers our houses and gardens. "
            "The families asked for the road to be watered twice a day and for a speed limit near the school. "
            "The contractor agreed to send a water truck from next week.",
            name="Dust on the village road",
        )
        text = engagement._srm_ai_similarity_text()
        pieces = engine.embeddings.pieces(text)
        self.assertGreater(len(pieces), 1)
        model = engine.embeddings.get_model()
        with (
            recording_embeddings() as embedded,
            patch.object(model, "passage", wraps=model.passage) as passage,
        ):
            self.assertEqual(self.env["srm.engagement"]._srm_ai_embed_batch(limit=1), 1)
        self.assertEqual(embedded, [text], "the record's text, once")
        # the model reads the text's pieces (the name and the first sentences on one
        # line), each once, and nothing else
        run = [piece for call in passage.call_args_list for piece in call.args[0]]
        self.assertEqual(sorted(run), sorted(pieces))

    def test_themes_reuse_the_stored_embeddings(self):
        """Finding themes embeds only the texts it shortened (boilerplate left out),
        never again a text the job embedded whose sentences were only set apart."""
        if not self.env["srm.ai.service"]._srm_ai_use_embeddings():
            self.skipTest("multilingual embeddings not installed")
        company = self.env["res.company"].create({"name": "Themes Embedding Co", "srm_ai_use_embeddings": True})
        project = self.env["srm.project"].create({"name": "Themes", "company_id": company.id})
        self.env.user.company_ids |= company
        scope = {"company_id": company.id, "project_id": project.id}
        # two sentences on a line: the themes set them apart, the model reads them the same
        notes = [
            ("Night trucks", "Trucks drive through the village at night. The dust covers our houses."),
            ("Poussière", "La poussière des camions recouvre nos maisons. Les enfants toussent."),
            ("Polvo", "El polvo de los camiones cubre nuestras casas. Pedimos regar el camino."),
            ("Land", "The compensation for our land has still not been paid. We waited a year."),
            ("Terres", "L'indemnisation pour nos terres n'a toujours pas été payée. Nous attendons."),
        ]
        engagements = self.env["srm.engagement"]
        for days, (name, summary) in enumerate(notes, start=1):
            engagements |= self._engagement(summary, name=name, days_ago=days, **scope)
        # the same sentence closes every grievance: left out of the themes' texts
        boilerplate = "Reported by the complainant; details recorded by the community liaison officer."
        issues = self.env["srm.issue"]
        for name in ("Dust on the school road", "Land compensation unpaid", "Trucks speeding at night"):
            issues |= self._issue(name, boilerplate, days_ago=2, **scope)
        records = len(engagements) + len(issues)
        self.assertEqual(self.env["srm.engagement"]._srm_ai_embed_batch(limit=len(engagements)), len(engagements))
        self.assertEqual(self.env["srm.issue"]._srm_ai_embed_batch(limit=len(issues)), len(issues))
        self.assertEqual(len(engagements.sudo()._srm_ai_vectors()) + len(issues.sudo()._srm_ai_vectors()), records)
        with recording_embeddings() as embedded:
            themes = self.env["srm.ai.theme"]._srm_ai_analyse(company)
        self.assertEqual(sorted(embedded), sorted(issues.mapped("name")), "the grievances without the boilerplate")
        # the same themes as with every text embedded now
        Theme = self.env["srm.ai.theme"]
        today = fields.Date.context_today(Theme)
        start = today - timedelta(days=(company.srm_ai_theme_days or 30) - 1)
        documents, _previous, _changed = engine.themes.prepare(Theme._srm_ai_period_documents(company, start, today))
        expected, _method = engine.themes.find_themes([(k, t) for k, t in documents if t.strip()], lang="en")
        self.assertTrue(themes)
        self.assertEqual(
            sorted(sorted(theme.engagement_ids.ids) + sorted(theme.issue_ids.ids) for theme in themes),
            sorted(
                sorted(k[1] for k in theme["keys"] if k[0] == "srm.engagement")
                + sorted(k[1] for k in theme["keys"] if k[0] == "srm.issue")
                for theme in expected
            ),
        )
