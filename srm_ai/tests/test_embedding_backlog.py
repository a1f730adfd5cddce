# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from unittest.mock import patch

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
