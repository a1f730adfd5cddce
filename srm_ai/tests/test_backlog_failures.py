# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import contextlib
from unittest.mock import patch

from psycopg2 import errors

from odoo import Command
from odoo.tests import tagged
from odoo.tools import SQL

from odoo.addons.srm_ai import engine
from odoo.addons.srm_ai.models.srm_ai_sentiment_mixin import EngineFailure

from .common import SrmAiCase

MIXIN_LOGGER = "odoo.addons.srm_ai.models.srm_ai_sentiment_mixin"
MESSAGE_LOGGER = "odoo.addons.srm_ai.models.srm_ai_message_score"
# a text the engine cannot read in the tests below
UNREADABLE = "Compte rendu illisible"


@contextlib.contextmanager
def failing_engine(analysis=True, embedding=False, error=ValueError):
    """The engine raises ``error`` on any text holding UNREADABLE (its analysis, its
    embedding or both); other texts are analysed and embedded as usual."""
    analyse, embed = engine.sentiment.analyse, engine.embeddings.embed

    def analyse_or_fail(text, *args, **kwargs):
        if analysis and UNREADABLE in (text or ""):
            raise error("the engine cannot read this text")
        return analyse(text, *args, **kwargs)

    def embed_or_fail(texts, *args, **kwargs):
        if embedding and any(UNREADABLE in text for text in texts):
            raise error("the engine cannot embed this text")
        return embed(texts, *args, **kwargs)

    with (
        patch.object(engine.sentiment, "analyse", side_effect=analyse_or_fail),
        patch.object(engine.embeddings, "embed", side_effect=embed_or_fail),
    ):
        yield


@tagged("post_install", "-at_install")
class TestBacklogFailures(SrmAiCase):
    """A text the engine fails on does not hold its batch nor the backlog back: the other
    texts are scored and embedded, it is left aside (and counted in the settings) until
    its record is changed. A failure of the database or of the whole engine is not the
    text's: the batch fails as before and is run again."""

    def setUp(self):
        super().setUp()
        self.Engagement = self.env["srm.engagement"]
        # the texts of a large import, to be scored by the scheduled job
        imported = self.Engagement.with_context(srm_ai_no_score=True).create(
            [
                {
                    "name": f"Visit {index}",
                    "engagement_type_id": self.meeting_type.id,
                    "partner_ids": [Command.set(self.village.ids)],
                    "project_id": self.project.id,
                    "summary": summary,
                }
                for index, summary in enumerate(
                    [
                        "Thank you for the new well, the water is clean.",
                        "We are angry, the dust is unbearable.",
                        f"{UNREADABLE} : la poussière, les camions.",
                        "Very good cooperation with the liaison officer.",
                        "Nobody answers our complaints, we are disappointed.",
                    ]
                )
            ]
        )
        self.engagements = self.Engagement.browse(imported.ids)
        self.bad = self.engagements[2]
        self.good = self.engagements - self.bad

    def _waiting(self, records, condition):
        """Those of ``records`` the scheduled job still has to score or embed."""
        records.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id IN %s AND %s", SQL.identifier(records._table), tuple(records.ids), condition
            )
        )
        return records.browse(sorted(row[0] for row in self.env.cr.fetchall()))

    def _scored_message(self):
        """The score of a farmer's email on a record scored as it should be."""
        message = self.good[0].message_post(
            body="Merci pour la visite, tout va bien.",
            author_id=self.farmer.id,
            message_type="email",
            subtype_xmlid="mail.mt_comment",
        )
        return self.env["srm.ai.message.score"].search([("message_id", "=", message.id)])

    def _settings_text(self):
        return self.env["res.config.settings"].create({}).srm_ai_engine_mode

    def test_the_rest_of_a_batch_is_scored(self):
        self.assertEqual(self._waiting(self.engagements, self.Engagement._srm_ai_stale_condition()), self.engagements)
        with failing_engine(), self.assertLogs(MIXIN_LOGGER, "WARNING") as logs:
            self.assertGreaterEqual(self.Engagement._srm_ai_score_batch(limit=1000), len(self.engagements))
        self.assertEqual(self.good.mapped("ai_sentiment_label"), ["positive", "negative", "positive", "negative"])
        self.assertFalse(self.bad.ai_sentiment_label)
        self.assertTrue(self.bad.sudo().ai_failed_at)
        self.assertFalse(any(self.good.sudo().mapped("ai_failed_at")))
        self.assertEqual(len(logs.records), 1)
        self.assertIn(f"srm.engagement {self.bad.id}: its text could not be analysed", logs.output[0])
        # the next batches do not try it again
        self.assertFalse(self._waiting(self.engagements, self.Engagement._srm_ai_stale_condition()))
        with failing_engine():
            self.assertEqual(self.Engagement._srm_ai_score_batch(limit=1000), 0)
        self.assertIn("texts the engine failed on: 1", self._settings_text())
        # saving it again, still unreadable, does not fail the save
        with failing_engine(), self.assertLogs(MIXIN_LOGGER, "WARNING"):
            self.bad.summary = f"{UNREADABLE} : les camions, la nuit."
            self.bad.flush_recordset()
        self.assertFalse(self.bad.ai_sentiment_label)
        # corrected, it is scored on save and no longer left aside
        self.bad.summary = "Les villageois sont furieux : la poussière est insupportable."
        self.bad.flush_recordset()
        self.assertEqual(self.bad.ai_sentiment_label, "negative")
        self.assertFalse(self.bad.sudo().ai_failed_at)
        self.assertNotIn("texts the engine failed on", self._settings_text())

    def test_the_backlog_goes_on_to_embedding(self):
        """Without queue_job: the scheduled job scores the backlog, then embeds it, past the
        text the engine fails on."""
        if not engine.embeddings.available():
            self.skipTest("multilingual embeddings not installed")
        self.company.srm_ai_use_embeddings = True
        service = self.env["srm.ai.service"].with_context(srm_ai_no_queue=True)
        with failing_engine(), self.assertLogs(MIXIN_LOGGER, "WARNING"):
            for _call in range(100):
                if not service._cron_srm_ai_score():
                    break
        self.assertFalse(self._waiting(self.engagements, self.Engagement._srm_ai_stale_condition()))
        self.assertFalse(self._waiting(self.engagements, self.Engagement._srm_ai_missing_vector_condition()))
        self.assertTrue(all(self.good.sudo().mapped("ai_embedding")))
        self.assertFalse(self.bad.sudo().ai_embedding)
        self.assertFalse(self.bad.ai_sentiment_label)

    def test_a_text_that_cannot_be_embedded_keeps_its_lexicon_score(self):
        if not engine.embeddings.available():
            self.skipTest("multilingual embeddings not installed")
        self.company.srm_ai_use_embeddings = True
        self.Engagement._srm_ai_score_batch(limit=1000)
        self.assertEqual(self.bad.ai_sentiment_label, "negative")
        missing = self.Engagement._srm_ai_missing_vector_condition()
        self.assertEqual(self._waiting(self.engagements, missing), self.engagements)
        with failing_engine(analysis=False, embedding=True), self.assertLogs(MIXIN_LOGGER, "WARNING") as logs:
            # the newest first: these five
            self.assertEqual(self.Engagement._srm_ai_embed_batch(limit=len(self.engagements)), len(self.engagements))
        self.assertEqual(len(logs.records), 1)
        self.assertIn(f"srm.engagement {self.bad.id}: its text could not be embedded", logs.output[0])
        self.assertTrue(all(self.good.sudo().mapped("ai_embedding")))
        self.assertFalse(self.bad.sudo().ai_embedding)
        self.assertTrue(self.bad.sudo().ai_failed_at)
        self.assertEqual(self.bad.ai_sentiment_label, "negative", "the lexicons' score stays")
        self.assertFalse(self._waiting(self.engagements, missing))
        self.assertIn("texts the engine failed on: 1", self._settings_text())

    def test_messages_the_engine_fails_on(self):
        engagement = self.good[0]
        with failing_engine(), self.assertLogs(MESSAGE_LOGGER, "WARNING") as logs:
            # posting never fails on it
            bad = engagement.message_post(
                body=f"<p>{UNREADABLE}</p>",
                author_id=self.farmer.id,
                message_type="email",
                subtype_xmlid="mail.mt_comment",
            )
        self.assertIn(f"mail.message {bad.id}: its text could not be analysed", logs.output[0])
        Score = self.env["srm.ai.message.score"]
        self.assertRecordValues(
            Score.search([("message_id", "=", bad.id)]), [{"label": False, "analysis_failed": True}]
        )
        # the scheduled job's batches score the others, and leave it aside
        messages = bad
        for body in ("Merci pour la visite, tout va bien.", f"<p>{UNREADABLE} encore</p>", "Muy mal, nadie responde."):
            messages |= engagement.message_post(
                body=body, author_id=self.farmer.id, message_type="email", subtype_xmlid="mail.mt_comment"
            )
        Score.search([("message_id", "in", messages[1:].ids)]).unlink()
        with failing_engine(), self.assertLogs(MESSAGE_LOGGER, "WARNING"):
            self.assertGreaterEqual(Score._srm_ai_score_batch(), 3)
        self.assertEqual(Score._srm_ai_count_stale(), 0)
        scores = Score.search([("message_id", "in", messages.ids)])
        self.assertEqual(
            sorted(scores.mapped(lambda s: (s.message_id.id, s.label or "", s.analysis_failed))),
            sorted(
                [
                    (messages[0].id, "", True),
                    (messages[1].id, "positive", False),
                    (messages[2].id, "", True),
                    (messages[3].id, "negative", False),
                ]
            ),
        )
        # the stakeholder's sentiment is that of the messages analysed
        self.farmer._srm_ai_refresh_sentiment()
        self.assertEqual(self.farmer.srm_ai_snapshot_ids.filtered("has_sentiment").item_count, 2)
        self.assertIn("texts the engine failed on: 2", self._settings_text())

    def test_messages_that_cannot_be_embedded(self):
        if not engine.embeddings.available():
            self.skipTest("multilingual embeddings not installed")
        self.company.srm_ai_use_embeddings = True
        Score = self.env["srm.ai.message.score"]
        messages = self.env["mail.message"]
        for body in ("Merci pour la visite, tout va bien.", f"{UNREADABLE} : furieux, la poussière est insupportable."):
            messages |= self.good[0].message_post(
                body=body, author_id=self.farmer.id, message_type="email", subtype_xmlid="mail.mt_comment"
            )
        scores = Score.search([("message_id", "in", messages.ids)])
        self.assertEqual(scores.mapped("model_scored"), [False, False])
        with failing_engine(analysis=False, embedding=True), self.assertLogs(MESSAGE_LOGGER, "WARNING"):
            self.assertEqual(Score._srm_ai_model_batch(limit=2), 2)
        good, bad = (scores.filtered(lambda s, m=message: s.message_id == m) for message in messages)
        self.assertRecordValues(
            good | bad,
            [
                {"model_scored": True, "analysis_failed": False, "label": "positive"},
                # the lexicons' score stays
                {"model_scored": False, "analysis_failed": True, "label": "negative"},
            ],
        )
        # the next batches do not try it again
        ranges = Score._srm_ai_batch_ranges("_srm_ai_model_batch", 1, 10**6)
        self.assertFalse([(first, last) for first, last in ranges if first <= bad.id <= last])
        with failing_engine(analysis=False, embedding=True):
            self.assertEqual(Score._srm_ai_model_batch(limit=10**6, id_range=(bad.id, bad.id)), 0)

    def test_database_errors_are_not_the_texts(self):
        """A conflict with a concurrent transaction fails the batch, which is run again:
        nothing is left aside for it."""
        with failing_engine(error=errors.SerializationFailure), self.assertRaises(errors.SerializationFailure):
            self.Engagement._srm_ai_score_batch(limit=1000)
        self.assertFalse(self.bad.sudo().ai_failed_at)
        self.assertIn(self.bad, self._waiting(self.engagements, self.Engagement._srm_ai_stale_condition()))

    def test_an_engine_failing_on_every_text_leaves_nothing_aside(self):
        with (
            patch.object(engine.sentiment, "analyse", side_effect=RuntimeError("the model file is damaged")),
            self.assertRaises(EngineFailure),
        ):
            self.Engagement._srm_ai_score_batch(limit=1000)
        self.assertEqual(self._waiting(self.engagements, self.Engagement._srm_ai_stale_condition()), self.engagements)
        self.assertFalse(any(self.engagements.sudo().mapped("ai_failed_at")))

    def test_saving_never_fails_for_the_engine(self):
        """Texts saved or posted together while the engine fails on all of them are saved,
        unscored, and left to the scheduled job (which fails and retries until the engine
        works again); nothing is set aside."""
        vals = {
            "engagement_type_id": self.meeting_type.id,
            "partner_ids": [Command.set(self.village.ids)],
            "project_id": self.project.id,
        }
        # work the transaction left for its commit (tracked changes, notifications) must not be lost
        pending = []
        self.env.cr.precommit.add(lambda: pending.append("done"))
        with (
            patch.object(engine.sentiment, "analyse", side_effect=RuntimeError("the model file is damaged")),
            self.assertLogs(MIXIN_LOGGER, "WARNING"),
        ):
            saved = self.Engagement.create(
                [dict(vals, name="Assembly", summary="We are angry."), dict(vals, name="Visit", summary="All good.")]
            )
            message = saved[0].message_post(
                body="Thank you for the visit.",
                author_id=self.farmer.id,
                message_type="email",
                subtype_xmlid="mail.mt_comment",
            )
        self.assertEqual(saved.mapped("name"), ["Assembly", "Visit"])
        self.env.cr.precommit.run()
        self.assertEqual(pending, ["done"], "the transaction's pending work (tracking, notifications) is kept")
        self.assertTrue(message.exists())
        self.assertFalse(any(saved.sudo().mapped("ai_failed_at")))
        self.assertEqual(self._waiting(saved, self.Engagement._srm_ai_stale_condition()), saved)
        # once the engine works again, the job scores them
        self.Engagement._srm_ai_score_batch(limit=1000)
        self.assertEqual(saved.mapped("ai_sentiment_label"), ["negative", "positive"])

    def test_server_failures_are_not_the_texts(self):
        """Running out of memory, or Odoo's CPU time limit (a bare Exception raised by the
        server), while the engine reads a text is not the text's fault: the batch fails and
        is run again, no text is left aside (nor loses its score) for it."""
        for error in (MemoryError, Exception):
            with self.subTest(error=error.__name__):
                with failing_engine(error=error), self.assertRaises(error) as raised:
                    self.Engagement._srm_ai_score_batch(limit=1000)
                self.assertEqual(str(raised.exception), "the engine cannot read this text")
                self.assertFalse(any(self.engagements.sudo().mapped("ai_failed_at")))
                waiting = self._waiting(self.engagements, self.Engagement._srm_ai_stale_condition())
                self.assertEqual(waiting, self.engagements)

    def test_a_model_failing_on_embedded_texts_leaves_nothing_aside(self):
        """A sentiment model that fails whenever it is given an embedding fails the whole
        engine, not the texts: its batches fail (and are run again), nothing is left aside and
        the lexicons' scores stay."""
        if not engine.embeddings.available():
            self.skipTest("multilingual embeddings not installed")
        self.company.srm_ai_use_embeddings = True
        self.Engagement._srm_ai_score_batch(limit=1000)
        labels = self.engagements.mapped("ai_sentiment_label")
        analyse = engine.sentiment.analyse

        def fail_with_vector(text, *args, vector=None, **kwargs):
            if vector is not None:
                raise RuntimeError("the sentiment model file is damaged")
            return analyse(text, *args, vector=vector, **kwargs)

        Score = self.env["srm.ai.message.score"]
        score = self._scored_message()
        with patch.object(engine.sentiment, "analyse", side_effect=fail_with_vector):
            # a batch of one text (the newest), then of all of them
            for limit in (1, len(self.engagements)):
                with self.subTest(limit=limit), self.assertRaises(EngineFailure):
                    self.Engagement._srm_ai_embed_batch(limit=limit)
            with self.assertRaises(EngineFailure):
                Score._srm_ai_model_batch(limit=10**6, id_range=(score.id, score.id))
        self.assertFalse(any(self.engagements.sudo().mapped("ai_failed_at")))
        self.assertEqual(self.engagements.mapped("ai_sentiment_label"), labels)
        self.assertRecordValues(score, [{"analysis_failed": False, "model_scored": False, "label": "positive"}])

    def test_messages_scored_before_the_upgrade_are_scored_by_the_model(self):
        """The messages scored with the lexicons before the module set texts aside (their
        set-aside state empty in the database) are still scored again by the model."""
        if not engine.embeddings.available():
            self.skipTest("multilingual embeddings not installed")
        self.company.srm_ai_use_embeddings = True
        Score = self.env["srm.ai.message.score"]
        score = self._scored_message()
        score.flush_recordset()
        self.env.cr.execute("UPDATE srm_ai_message_score SET analysis_failed = NULL WHERE id = %s", [score.id])
        self.env.invalidate_all()
        ranges = Score._srm_ai_batch_ranges("_srm_ai_model_batch", 1, 10**6)
        self.assertTrue([(first, last) for first, last in ranges if first <= score.id <= last])
        self.assertEqual(Score._srm_ai_model_batch(limit=10**6, id_range=(score.id, score.id)), 1)
        self.assertRecordValues(score, [{"model_scored": True, "label": "positive"}])

    def test_an_edited_message_is_scored_again(self):
        """A message the engine failed on is scored again once its text is edited."""
        engagement = self.good[0]
        Score = self.env["srm.ai.message.score"]
        with failing_engine(), self.assertLogs(MESSAGE_LOGGER, "WARNING"):
            message = engagement.message_post(
                body=f"<p>{UNREADABLE}</p>",
                author_id=self.farmer.id,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        self.assertRecordValues(
            Score.search([("message_id", "=", message.id)]), [{"label": False, "analysis_failed": True}]
        )
        self.assertIn("texts the engine failed on: 1", self._settings_text())
        engagement._message_update_content(message, "Nous sommes furieux : la poussière est insupportable.")
        self.assertRecordValues(
            Score.search([("message_id", "=", message.id)]), [{"label": "negative", "analysis_failed": False}]
        )
        self.assertNotIn("texts the engine failed on", self._settings_text())
        self.assertEqual(self.farmer.srm_ai_snapshot_ids.filtered("has_sentiment").item_count, 1)
