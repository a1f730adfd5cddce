# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.srm_ai import engine

from .common import SrmAiCase

# what stakeholders wrote, and how it reads
TEXTS = [
    ("Merci pour la visite, tout va bien.", "positive"),
    ("Muy mal, nadie responde.", "negative"),
    ("We are furious: the dust is unbearable and nobody answers.", "negative"),
    ("Thank you for the meeting, the new school is wonderful.", "positive"),
]


@tagged("post_install", "-at_install")
class TestMessageModelBatch(SrmAiCase):
    """The messages of stakeholders scored with the lexicons when they were posted are
    scored again with the model by the scheduled job: each gets the score of its own text,
    and the scores of a batch are written together."""

    def setUp(self):
        super().setUp()
        if not engine.embeddings.available():
            self.skipTest("multilingual embeddings not installed")
        self.engagement = self._engagement("Site visit.", partners=self.farmer)

    def _post(self, count):
        """``count`` messages of the farmer, scored with the lexicons when posted."""
        messages = self.env["mail.message"]
        for index in range(count):
            text, _label = TEXTS[index % len(TEXTS)]
            messages |= self.engagement.message_post(
                body=f"{text} ({index})",
                author_id=self.farmer.id,
                message_type="email",
                subtype_xmlid="mail.mt_comment",
            )
        scores = self.env["srm.ai.message.score"].search([("message_id", "in", messages.ids)], order="id")
        self.assertEqual(scores.mapped("model_scored"), [False] * count)
        return scores

    def test_scores_written_together(self):
        self.company.srm_ai_use_embeddings = True
        Score = self.env["srm.ai.message.score"]
        service = self.env["srm.ai.service"]
        counts = []
        for count in (3, 12):
            scores = self._post(count)
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self.assertEqual(Score._srm_ai_model_batch(limit=count, id_range=(scores[0].id, scores[-1].id)), count)
            self.env.flush_all()
            counts.append(self.cr.sql_log_count - before)
            # each message has the model's score of its own text, as when scored alone
            expected = []
            for index in range(count):
                text = f"{TEXTS[index % len(TEXTS)][0]} ({index})"
                result = engine.sentiment.analyse(text, vector=service._srm_ai_embed([text])[0])
                self.assertEqual(result["label"], TEXTS[index % len(TEXTS)][1], text)
                expected.append(
                    {"model_scored": True, "score": result["score"], "label": result["label"], "lang": result["lang"]}
                )
            self.assertRecordValues(scores, expected)
        self.assertEqual(counts[0], counts[1])
