# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.queue_job.job import ENQUEUED, PENDING, STARTED, WAIT_DEPENDENCIES
from odoo.addons.srm_ai.models.srm_ai_sentiment_mixin import BATCH_SIZE, EMBED_BATCH_SIZE

from ..jobs import retry_on_concurrency

AI_CHANNEL = "root.srm.ai"
# batches enqueued by one run of the hourly scheduled action: two million texts to score
# (1,000 a batch), or 25,600 to embed (128 a batch, a few minutes of two job workers), so
# that texts saved in bulk meanwhile do not wait behind hours of embedding
MAX_JOBS = 2000
MAX_EMBED_JOBS = 200
# while jobs of a run still wait or run, the scheduled action looks again this often
RECHECK_MINUTES = 5
# what an AI job may run: the batch methods of srm_ai's scheduled job
AI_BATCH_METHODS = {"_srm_ai_score_batch", "_srm_ai_embed_batch", "_srm_ai_model_batch"}


class SrmAiService(models.AbstractModel):
    _inherit = "srm.ai.service"

    @api.model
    def _cron_srm_ai_score(self, batch_size=BATCH_SIZE, max_jobs=MAX_JOBS):
        """Hand the scoring backlog to job workers on root.srm.ai, a job per batch; once
        nothing is left to score, the embedding backlog (texts saved since, scored again with
        the model) the same way. Each job is given a range of ids of its own, so jobs never
        compete for rows; while jobs of an earlier run are still waiting or running, nothing
        is enqueued (jobs do not pile up behind a long backlog) and the scheduled action
        looks again a few minutes later, to take what is left once they end."""
        if self.env.context.get("srm_ai_no_queue") or not self.env["srm.cron.batch"]._srm_queue_batches():
            return super()._cron_srm_ai_score(batch_size=batch_size)
        enqueued = 0
        unfinished = self._srm_ai_jobs_unfinished()
        if not unfinished:
            models_ = self._srm_ai_scored_models()
            enqueued = self._srm_ai_enqueue_ranges(
                [(model, "_srm_ai_score_batch", batch_size) for model in models_], max_jobs
            )
            if not enqueued and self._srm_ai_use_embeddings():
                # nothing left to score: the embedding backlog
                plan = [(model, "_srm_ai_embed_batch", EMBED_BATCH_SIZE) for model in models_[:2]]
                plan.append((models_[2], "_srm_ai_model_batch", EMBED_BATCH_SIZE))
                enqueued = self._srm_ai_enqueue_ranges(plan, min(max_jobs, MAX_EMBED_JOBS))
        if unfinished or enqueued:
            # the next batches are enqueued soon after these end, not an hour later
            cron = self.env.ref("srm_ai.ir_cron_srm_ai_score", raise_if_not_found=False)
            if cron:
                cron._trigger(at=fields.Datetime.now() + timedelta(minutes=RECHECK_MINUTES))
        self.env["ir.cron"]._notify_progress(done=enqueued, remaining=0)
        return enqueued

    @api.model
    def _srm_ai_enqueue_ranges(self, plan, max_jobs):
        """A job for each range of ids of the (model, method, batch size) of ``plan``, at
        most ``max_jobs`` in all; returns how many were enqueued."""
        enqueued = 0
        for model, method, size in plan:
            for first, last in model._srm_ai_batch_ranges(method, size, max_jobs - enqueued):
                self.with_delay(
                    channel=AI_CHANNEL,
                    description=f"{model._description}: {method} ({first}-{last})",
                    identity_key=f"srm_ai:{model._name}:{method}:{first}:{last}",
                )._srm_job_ai_batch(model._name, method, size, [first, last])
                enqueued += 1
        return enqueued

    @api.model
    def _srm_ai_jobs_unfinished(self):
        """Whether batches of srm_ai's scheduled work enqueued earlier still wait or run."""
        # sudo: the scheduled job only asks whether such jobs exist; it reads nothing of them
        return bool(
            self.env["queue.job"]
            .sudo()
            .search_count(
                [
                    ("channel", "=", AI_CHANNEL),
                    ("model_name", "=", self._name),
                    ("method_name", "=", "_srm_job_ai_batch"),
                    ("state", "in", (WAIT_DEPENDENCIES, PENDING, ENQUEUED, STARTED)),
                ],
                limit=1,
            )
        )

    @api.model
    def _srm_job_ai_batch(self, model_name, method, limit, id_range=None):
        """One batch of srm_ai's scheduled work (a job): claims up to ``limit`` records,
        of ids within ``id_range`` (first, last) when given, and scores or embeds them; a
        conflict with another transaction is retried later."""
        models_ = {model._name: model for model in self._srm_ai_scored_models()}
        if model_name not in models_ or method not in AI_BATCH_METHODS:
            raise ValueError(f"not a batch of srm_ai's scheduled work: {model_name}.{method}")
        # the stakeholders of the batch are refreshed by jobs of their own (see res.partner)
        model = models_[model_name].with_context(srm_queue_job_defer_stakeholders=True)
        with retry_on_concurrency(self.env, f"{model_name}.{method}"):
            done = getattr(model, method)(limit, id_range=tuple(id_range) if id_range else None)
        return f"{done} {model_name} records"
