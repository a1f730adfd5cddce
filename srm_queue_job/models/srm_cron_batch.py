# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import hashlib
import logging

from odoo import api, models

from odoo.addons.queue_job.exception import RetryableJobError

from ..jobs import retry_on_concurrency

_logger = logging.getLogger(__name__)

BATCH_KEYS = "srm_queue_job.batch_keys"  # identity keys of the batches enqueued in a transaction
WAITING_STATES = ("wait_dependencies", "pending", "enqueued", "started")
AFTER_BATCHES_WAIT = 30  # seconds between two checks of a job waiting for batches

# context of the scheduled job that its batches keep when they run as jobs (queue_job keeps
# only the language, time zone, companies and active_test of the records it stores)
KEPT_CONTEXT_KEYS = {
    "active_test",
    "tracking_disable",
    "mail_notrack",
    "mail_create_nolog",
    "mail_create_nosubscribe",
    "mail_auto_subscribe_no_notify",
}


class SrmCronBatch(models.AbstractModel):
    _inherit = "srm.cron.batch"

    @api.model
    def _srm_queue_batches(self):
        """Whether batches go to the job queue. Not in a test transaction, which is never
        committed, so that no job runner would ever see its jobs: there the batches run at
        once, as without queue_job, unless the test asks for jobs (context key
        ``srm_queue_job_test_jobs``) to check them."""
        return self._srm_can_commit() or bool(self.env.context.get("srm_queue_job_test_jobs"))

    @api.model
    def _srm_process(self, records, method, batch_size=500, channel="root.srm", description=None):
        """Enqueue each batch of ``records`` as a job on ``channel`` calling ``method`` on it,
        so that job workers on any node share the work; the scheduled job is done once the
        batches are enqueued. Work that fits in one batch has nothing to share: it runs at once
        in the scheduled job, as without queue_job. Returns the number of records handed over."""
        if batch_size < 1:
            raise ValueError("batch_size must be a positive integer")
        total = len(records)
        if total <= batch_size or not self._srm_queue_batches():
            return super()._srm_process(
                records, method, batch_size=batch_size, channel=channel, description=description
            )
        getattr(records, method)  # an unknown method fails here, in the scheduled job
        count = -(-total // batch_size)
        label = description or f"{records._description}: {method}"
        context = {key: value for key, value in records.env.context.items() if key in KEPT_CONTEXT_KEYS}
        keys = self.env.cr.precommit.data.setdefault(BATCH_KEYS, [])
        for index, start in enumerate(range(0, total, batch_size), start=1):
            batch = records[start : start + batch_size]
            key = "srm_batch:" + hashlib.sha1(f"{records._name}.{method}:{batch.ids}".encode()).hexdigest()
            self.with_delay(
                channel=channel,
                description=f"{label} ({index}/{count})",
                # a batch still waiting from an earlier run is not enqueued again
                identity_key=key,
            )._srm_job_batch(batch, method, context)
            keys.append(key)
        self.env["ir.cron"]._notify_progress(done=total, remaining=0)
        _logger.debug("%s: %s batches of %s.%s enqueued on %s", label, count, records._name, method, channel)
        return total

    @api.model
    def _srm_job_batch(self, records, method, context=None):
        """One batch of scheduled work (a job): ``records.<method>()``, with the rights the
        scheduled job had. Records deleted since are skipped; the method re-checks the state
        of each record, so a batch run twice does no harm; a conflict with a concurrent
        transaction is retried later."""
        records = records.exists()
        if not records:
            return "nothing left to do"
        with retry_on_concurrency(self.env, f"{records._name}.{method}"):
            getattr(records.with_context(**(context or {})), method)()
        return f"{len(records)} {records._name} done by {method}"

    @api.model
    def _srm_after_batches(self, model_name, method, description=None):
        """Whether ``env[model_name].<method>()`` (work that needs the batches of this
        transaction done, such as the digests of a scheduled job) was handed to a job that
        runs it once those batches have run. False when no batch went to the job queue
        here: the caller then does it at once."""
        keys = self.env.cr.precommit.data.get(BATCH_KEYS)
        if not keys or self.env.context.get("srm_queue_job_now"):
            return False
        digest = hashlib.sha1(f"{model_name}.{method}:{sorted(keys)}".encode()).hexdigest()
        self.with_delay(
            description=description or f"{self.env[model_name]._description}: {method}",
            identity_key=f"srm_after:{digest}",
        )._srm_job_after_batches(model_name, method, sorted(set(keys)))
        return True

    @api.model
    def _srm_job_after_batches(self, model_name, method, keys):
        """``env[model_name].<method>()`` once the batches ``keys`` (identity keys) have run
        (a job): while one of them waits or runs, this job waits too (without using up its
        retries)."""
        # sudo: the state of the batch jobs, whoever enqueued them
        waiting = (
            self.env["queue.job"].sudo().search_count([("identity_key", "in", keys), ("state", "in", WAITING_STATES)])
        )
        if waiting:
            raise RetryableJobError(f"{waiting} batches still to run", seconds=AFTER_BATCHES_WAIT, ignore_retry=True)
        with retry_on_concurrency(self.env, f"{model_name}.{method}"):
            getattr(self.env[model_name].with_context(srm_queue_job_now=True), method)()
        return f"{model_name}.{method} done after {len(keys)} batches"
