# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.queue_job.exception import RetryableJobError
from odoo.addons.queue_job.job import Job

from .common import trap_jobs


@tagged("post_install", "-at_install")
class TestCronBatchJob(TransactionCase):
    """Scheduled work handed to srm.cron.batch runs as one job per batch on the channel the
    caller names; a batch run twice does no harm; a conflict with another transaction is
    retried."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        Partner = cls.env["res.partner"]
        cls.partners = Partner.create(
            [{"name": f"Batch stakeholder {index}", "is_stakeholder": True} for index in range(5)]
        )
        meeting = cls.env.ref("srm_base.srm_engagement_type_meeting")
        cls.env["srm.engagement"].create(
            [
                {
                    "name": f"Meeting {partner.name}",
                    "engagement_type_id": meeting.id,
                    "date": "2026-11-20 10:00:00",
                    "partner_ids": [Command.set(partner.ids)],
                    "summary": "We are very happy with the new water supply, thank you."
                    if index % 2
                    else "The dust is terrible and nobody listens to our complaints.",
                }
                for index, partner in enumerate(cls.partners)
            ]
        )
        # the jobs of the tests (outside tests the batches always go to the queue)
        cls.Batch = cls.env["srm.cron.batch"].with_context(srm_queue_job_test_jobs=True)

    def process(self, records, batch_size=2, **kw):
        return self.Batch._srm_process(
            records, "_srm_ai_refresh_sentiment", batch_size=batch_size, description="Stakeholder sentiment", **kw
        )

    def state(self):
        snapshots = self.env["srm.ai.sentiment.snapshot"].search([("partner_id", "in", self.partners.ids)])
        return (
            self.partners.mapped("srm_ai_sentiment_label"),
            [(s.partner_id.id, s.month, s.sentiment, s.item_count) for s in snapshots.sorted("id")],
        )

    def test_batches_are_jobs_on_the_channel_asked_for(self):
        self.partners.write({"srm_ai_sentiment_label": False})
        with trap_jobs() as trap:
            self.assertEqual(self.process(self.partners, channel="root.srm.ai"), 5)
            trap.assert_jobs_count(3, only=self.Batch._srm_job_batch)
            jobs = list(trap.enqueued_jobs)
            self.assertEqual({job.channel for job in jobs}, {"root.srm.ai"})
            self.assertEqual(sorted(len(job.args[0]) for job in jobs), [1, 2, 2])
            self.assertEqual(jobs[0].description, "Stakeholder sentiment (1/3)")
            # nothing is done before the jobs run
            self.assertFalse(any(self.partners.mapped("srm_ai_sentiment_label")))
            trap.perform_enqueued_jobs()
            done = self.state()
            self.assertTrue(all(done[0]))
            self.assertTrue(done[1])
            # a batch run again (a worker died before it was marked done) changes nothing
            for job in jobs:
                job.perform()
            self.assertEqual(self.state(), done)

    def test_default_channel_and_waiting_batches_enqueued_once(self):
        with trap_jobs() as trap:
            self.process(self.partners)
            self.process(self.partners)
            self.assertEqual(trap.jobs_count(only=self.Batch._srm_job_batch), 3)
            self.assertEqual({job.channel for job in trap.enqueued_jobs}, {"root.srm"})

    def test_one_batch_runs_at_once(self):
        with trap_jobs() as trap:
            self.process(self.partners, batch_size=10)
            trap.assert_jobs_count(0)
        self.assertTrue(all(self.partners.mapped("srm_ai_sentiment_label")))

    def test_test_transactions_of_other_modules_run_batches_at_once(self):
        """Another module's test runs its scheduled job and checks the outcome: the batches
        run in its transaction, as without queue_job."""
        with trap_jobs() as trap:
            self.env["srm.cron.batch"]._srm_process(self.partners, "_srm_ai_refresh_sentiment", batch_size=2)
            trap.assert_jobs_count(0)
        self.assertTrue(all(self.partners.mapped("srm_ai_sentiment_label")))

    def test_serialization_failure_is_retried(self):
        """A batch whose record another transaction changed since this one began is undone
        and postponed by queue_job (RetryableJobError), not failed."""
        stakeholder = self.env.ref("srm_base.res_partner_mayor_demo")
        batch = self.partners[:1] | stakeholder
        with trap_jobs() as trap:
            self.process(batch, batch_size=1)
            job = next(job for job in trap.enqueued_jobs if stakeholder in job.args[0])
            # another worker commits a change of the stakeholder after this transaction began
            with self.env.registry.cursor() as other:
                other.execute("SET LOCAL lock_timeout = '5s'")
                other.execute("UPDATE res_partner SET write_date = write_date WHERE id = %s", [stakeholder.id])
            with self.assertRaises(RetryableJobError), mute_logger("odoo.sql_db"):
                job.perform()
            self.assertEqual(job.retry, 1)
            self.assertLess(job.retry, job.max_retries)
        # the transaction is still usable: the other batches go on
        self.partners[:1].write({"srm_ai_sentiment_label": False})
        self.assertFalse(self.partners[:1].srm_ai_sentiment_label)

    def test_digests_wait_for_the_batches(self):
        """The digests of a scheduled job list what its batches did: when the batches went to
        job workers, the digests are a job that runs once every batch has run."""
        Job_ = self.env["queue.job"]
        before = Job_.search([])
        self.process(self.partners)
        batches = Job_.search([("method_name", "=", "_srm_job_batch")]) - before
        self.assertEqual(len(batches), 3)
        Commitment = self.env["srm.commitment"].with_context(srm_queue_job_test_jobs=True)
        self.assertIsNone(Commitment._send_digests())
        after = Job_.search([("method_name", "=", "_srm_job_after_batches")]) - before
        self.assertEqual(len(after), 1)
        self.assertEqual(after.channel, "root.srm")
        digests = Job.load(self.env, after.uuid)
        # batches still to run: the digests wait, without using up their retries
        with self.assertRaises(RetryableJobError) as waiting:
            digests.perform()
        self.assertTrue(waiting.exception.ignore_retry)
        for batch in batches:
            job = Job.load(self.env, batch.uuid)
            job.perform()
            job.set_done()
            job.store()
        self.assertIn("srm.commitment._send_digests done after 3 batches", Job.load(self.env, after.uuid).perform())
        # no batch in the job queue: the digests are sent at once, as without queue_job
        self.assertFalse(
            self.env["srm.cron.batch"]
            .with_context(srm_queue_job_now=True)
            ._srm_after_batches("srm.commitment", "_send_digests")
        )
