# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from itertools import pairwise
from unittest.mock import patch

from odoo import Command
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.queue_job.exception import RetryableJobError
from odoo.addons.srm_ai import engine
from odoo.addons.srm_ai.models.srm_ai_sentiment_mixin import EMBED_BATCH_SIZE

from ..jobs import retry_on_concurrency
from .common import trap_jobs


@tagged("post_install", "-at_install")
class TestAiJob(TransactionCase):
    """srm_ai's scoring backlog runs as jobs on root.srm.ai, a batch still waiting is not
    enqueued twice, and every text is scored once the jobs have run."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.partner = partner = cls.env["res.partner"].create({"name": "Backlog stakeholder", "is_stakeholder": True})
        meeting = cls.env.ref("srm_base.srm_engagement_type_meeting")
        cls.engagements = cls.env["srm.engagement"].create(
            [
                {
                    "name": f"Backlog meeting {index}",
                    "engagement_type_id": meeting.id,
                    "date": "2026-11-20 10:00:00",
                    "partner_ids": [Command.set(partner.ids)],
                    "summary": "The new road is dangerous for the children, we are worried.",
                }
                for index in range(5)
            ]
        )
        cls.service = cls.env["srm.ai.service"].with_context(srm_queue_job_test_jobs=True)

    def stale(self):
        self.env.flush_all()
        return self.env["srm.engagement"]._srm_ai_count_stale()

    def test_scoring_backlog_is_jobs_on_the_ai_channel(self):
        # a large import left these texts unscored
        self.env.cr.execute(
            "UPDATE srm_engagement SET ai_scored_at = NULL WHERE id IN %s", [tuple(self.engagements.ids)]
        )
        self.env.invalidate_all()
        self.partner.srm_ai_updated_at = False
        backlog = self.stale()
        self.assertGreaterEqual(backlog, 5)
        with trap_jobs() as trap:
            enqueued = self.service._cron_srm_ai_score(batch_size=2)
            self.assertGreaterEqual(enqueued, 3)
            trap.assert_jobs_count(enqueued, only=self.service._srm_job_ai_batch)
            self.assertEqual({job.channel for job in trap.enqueued_jobs}, {"root.srm.ai"})
            # the next scheduled run while they wait adds nothing
            self.service._cron_srm_ai_score(batch_size=2)
            trap.assert_jobs_count(enqueued)
            self.assertEqual(self.stale(), backlog)
            trap.perform_enqueued_jobs()
            self.assertEqual(self.stale(), 0)
            self.assertTrue(all(self.engagements.mapped("ai_sentiment_label")))
            # the scoring jobs left the stakeholder to jobs of their own, run one at a time
            self.env.invalidate_all()
            self.assertFalse(self.partner.srm_ai_updated_at)
            refresh = [job for job in trap.enqueued_jobs if self.partner in job.args[0]]
            self.assertEqual({job.channel for job in refresh}, {"root.srm.ai.stakeholders"})
            trap.perform_enqueued_jobs()
        self.env.invalidate_all()
        self.assertTrue(self.partner.srm_ai_updated_at)
        self.assertTrue(self.partner.srm_ai_sentiment_label)

    def test_no_new_batches_while_earlier_ones_wait(self):
        """While the batches of a run wait or run, the next run enqueues none and looks again a
        few minutes later; batches that failed do not hold the next runs back."""
        self.env.cr.execute(
            "UPDATE srm_engagement SET ai_scored_at = NULL WHERE id IN %s", [tuple(self.engagements.ids)]
        )
        self.env.invalidate_all()
        cron = self.env.ref("srm_ai.ir_cron_srm_ai_score")
        Trigger = self.env["ir.cron.trigger"]
        triggers = Trigger.search_count([("cron_id", "=", cron.id)])
        with trap_jobs() as trap:
            enqueued = self.service._cron_srm_ai_score(batch_size=2)
            jobs = list(trap.enqueued_jobs)
        self.assertGreaterEqual(enqueued, 3)
        # the run that enqueued them looks again a few minutes later too, not an hour
        self.assertEqual(Trigger.search_count([("cron_id", "=", cron.id)]), triggers + 1)
        triggers += 1
        for job in jobs:
            job.store()
        with trap_jobs() as trap:
            self.assertEqual(self.service._cron_srm_ai_score(batch_size=2), 0)
            trap.assert_jobs_count(0)
        self.assertEqual(Trigger.search_count([("cron_id", "=", cron.id)]), triggers + 1)
        for job in jobs:
            job.set_failed(exc_info="interrupted")
            job.store()
        with trap_jobs() as trap:
            self.assertEqual(self.service._cron_srm_ai_score(batch_size=2), enqueued)

    def test_each_job_scores_ids_of_its_own(self):
        """Jobs side by side never claim the same rows: each is given a range of ids of its
        own. (Claiming from the same head of the backlog, a job whose transaction began
        before another job committed the rows it scored failed on them, at Odoo's
        REPEATABLE READ isolation, until it ran out of retries.)"""
        self.env.cr.execute("UPDATE srm_engagement SET ai_scored_at = NULL RETURNING id")
        stale = [row[0] for row in self.env.cr.fetchall()]
        self.env.invalidate_all()
        with trap_jobs() as trap:
            self.service._cron_srm_ai_score(batch_size=2, max_jobs=10**6)
            jobs = [job for job in trap.enqueued_jobs if job.args[:2] == ("srm.engagement", "_srm_ai_score_batch")]
            ranges = sorted(tuple(job.args[3]) for job in jobs)
            self.assertEqual(len(jobs), -(-len(stale) // 2))
            # the ranges do not overlap, and each holds one batch of the backlog
            for (_first, last), (following, _end) in pairwise(ranges):
                self.assertLess(last, following)
            within = [[i for i in stale if first <= i <= last] for first, last in ranges]
            self.assertEqual(sorted(i for ids in within for i in ids), sorted(stale))
            self.assertTrue(all(1 <= len(ids) <= 2 for ids in within))
            # a job scores its own range, and nothing else
            jobs[-1].perform()
            self.env.flush_all()
            self.env.cr.execute("SELECT id FROM srm_engagement WHERE ai_scored_at IS NULL")
            left = {row[0] for row in self.env.cr.fetchall()}
            self.assertEqual(set(stale) - left, set(within[ranges.index(tuple(jobs[-1].args[3]))]))

    def test_message_batches_are_ranges_of_message_ids(self):
        """The stakeholders' messages are cut into ranges of message ids (their scores do
        not exist yet), each scored by its own job."""
        messages = self.env["mail.message"]
        for engagement in self.engagements[:3]:
            messages |= engagement.message_post(
                body="Thank you for the new well, the water is clean.",
                author_id=self.partner.id,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        Score = self.env["srm.ai.message.score"]
        Score.search([("message_id", "in", messages.ids)]).unlink()
        with trap_jobs() as trap:
            self.service._cron_srm_ai_score(batch_size=1, max_jobs=10**6)
            jobs = [
                job for job in trap.enqueued_jobs if job.args[:2] == ("srm.ai.message.score", "_srm_ai_score_batch")
            ]
            ranges = [tuple(job.args[3]) for job in jobs]
            for message in messages:
                self.assertEqual(sum(first <= message.id <= last for first, last in ranges), 1)
            # the job of the middle message's range scores it, and no other
            middle = next(job for job in jobs if job.args[3][0] <= messages[1].id <= job.args[3][1])
            middle.perform()
            self.assertEqual(Score.search([("message_id", "in", messages.ids)]).message_id, messages[1])
            for job in jobs:
                if job is not middle:
                    job.perform()
        self.assertEqual(Score.search([("message_id", "in", messages.ids)]).message_id, messages)

    def test_embedding_batches_are_ranges_newest_first(self):
        """Once everything is scored, the embedding backlog is cut into ranges of ids of
        their own, the newest texts first: when a run may enqueue fewer jobs than the
        backlog needs, the texts saved last are embedded first; each job embeds its own
        range, and nothing else."""
        if not self.service._srm_ai_use_embeddings():
            self.skipTest("multilingual embeddings not installed")
        for model in self.service._srm_ai_scored_models():
            model.with_context(srm_ai_no_embeddings=True)._srm_ai_score_batch(10**6)
        # texts scored while the embedding model was off
        self.env.cr.execute(
            "UPDATE srm_engagement SET ai_embedding = NULL WHERE ai_sentiment_label IS NOT NULL RETURNING id"
        )
        missing = sorted(row[0] for row in self.env.cr.fetchall())
        self.env.invalidate_all()
        self.assertGreater(len(missing), EMBED_BATCH_SIZE)
        Engagement = self.env["srm.engagement"]
        with trap_jobs() as trap:
            self.service._cron_srm_ai_score(max_jobs=10**6)
            jobs = [job for job in trap.enqueued_jobs if job.args[:2] == ("srm.engagement", "_srm_ai_embed_batch")]
        ranges = [tuple(job.args[3]) for job in jobs]
        self.assertEqual(len(ranges), -(-len(missing) // EMBED_BATCH_SIZE))
        # enqueued newest first, the ranges do not overlap, each holds one batch of the backlog
        for (first, _last), (_following, end) in pairwise(ranges):
            self.assertGreater(first, end)
        within = [[i for i in missing if first <= i <= last] for first, last in ranges]
        self.assertEqual(sorted(i for ids in within for i in ids), missing)
        self.assertEqual(within[0], missing[-EMBED_BATCH_SIZE:])
        self.assertTrue(all(1 <= len(ids) <= EMBED_BATCH_SIZE for ids in within))
        # a run that may enqueue one job only enqueues the newest texts
        with trap_jobs() as trap:
            self.service._cron_srm_ai_score(max_jobs=1)
            trap.assert_jobs_count(1)
            job = trap.enqueued_jobs[0]
            self.assertEqual(job.args[:2], ("srm.engagement", "_srm_ai_embed_batch"))
            self.assertEqual(tuple(job.args[3]), ranges[0])
            # a job embeds its own range, and nothing else
            job.perform()
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT id FROM srm_engagement WHERE ai_embedding IS NULL AND ai_sentiment_label IS NOT NULL"
        )
        self.assertEqual(set(missing) - {row[0] for row in self.env.cr.fetchall()}, set(within[0]))
        self.assertEqual(Engagement._srm_ai_count_missing_vectors(), len(missing) - len(within[0]))

    def test_message_model_batches_are_ranges_newest_first(self):
        """Messages scored with the lexicons are scored again with the model by ranges of
        score ids of their own, the newest messages first."""
        if not self.service._srm_ai_use_embeddings():
            self.skipTest("multilingual embeddings not installed")
        Score = self.env["srm.ai.message.score"]
        messages = self.env["mail.message"]
        for engagement in self.engagements[:3]:
            messages |= engagement.message_post(
                body="Thank you for the new well, the water is clean.",
                author_id=self.partner.id,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        scores = Score.search([("message_id", "in", messages.ids)], order="id")
        self.assertEqual(scores.mapped("model_scored"), [False] * 3)
        ranges = Score._srm_ai_batch_ranges("_srm_ai_model_batch", 1, 2)
        self.assertEqual(ranges, [(scores[2].id, scores[2].id), (scores[1].id, scores[1].id)])
        with trap_jobs():
            self.service._srm_job_ai_batch("srm.ai.message.score", "_srm_ai_model_batch", 1, list(ranges[1]))
        self.assertEqual(scores.mapped("model_scored"), [False, True, False])

    def test_a_text_the_engine_fails_on_does_not_hold_the_backlog(self):
        """A job whose range holds a text the engine fails on scores the others and leaves
        that text aside: the next run does not enqueue it again, and goes on to embed the
        texts (it enqueued it again at every run, and the embedding waited behind it)."""
        bad = self.engagements[2]
        bad.with_context(srm_ai_no_score=True).summary = "Compte rendu illisible, encre effacée."
        self.env.cr.execute(
            "UPDATE srm_engagement SET ai_scored_at = NULL WHERE id IN %s", [tuple(self.engagements.ids)]
        )
        self.env.invalidate_all()
        analyse = engine.sentiment.analyse

        def analyse_or_fail(text, *args, **kwargs):
            if "illisible" in (text or ""):
                raise ValueError("the engine cannot read this text")
            return analyse(text, *args, **kwargs)

        with (
            trap_jobs() as trap,
            patch.object(engine.sentiment, "analyse", side_effect=analyse_or_fail),
            self.assertLogs("odoo.addons.srm_ai.models.srm_ai_sentiment_mixin", "WARNING") as logs,
        ):
            self.service._cron_srm_ai_score(batch_size=2, max_jobs=10**6)
            trap.perform_enqueued_jobs()
        self.assertEqual([record.getMessage().split(":")[0] for record in logs.records], [f"srm.engagement {bad.id}"])
        self.assertEqual(self.stale(), 0)
        self.assertTrue(all((self.engagements - bad).mapped("ai_sentiment_label")))
        self.assertFalse(bad.ai_sentiment_label)
        self.assertTrue(bad.sudo().ai_failed_at)
        with trap_jobs() as trap:
            self.service._cron_srm_ai_score(batch_size=2, max_jobs=10**6)
            planned = {job.args[:2] for job in trap.enqueued_jobs}
        self.assertNotIn(("srm.engagement", "_srm_ai_score_batch"), planned)
        if self.service._srm_ai_use_embeddings():
            self.assertIn(("srm.engagement", "_srm_ai_embed_batch"), planned)

    def test_same_row_created_by_two_jobs_is_retried(self):
        """The second of two jobs creating the same monthly figure of a stakeholder fails
        on the unique key: it is undone and retried, and finds the first one's row then."""
        snapshot = self.env["srm.ai.sentiment.snapshot"].search([], limit=1)
        self.assertTrue(snapshot)
        with self.assertRaises(RetryableJobError), mute_logger("odoo.sql_db"):
            with retry_on_concurrency(self.env, "test"):
                snapshot.copy({"partner_id": snapshot.partner_id.id, "month": snapshot.month})
        self.assertTrue(snapshot.exists())
