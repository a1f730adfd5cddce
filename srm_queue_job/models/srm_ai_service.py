# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from odoo.addons.srm_ai.models.srm_ai_sentiment_mixin import BATCH_SIZE, EMBED_BATCH_SIZE

from ..jobs import retry_on_concurrency

AI_CHANNEL = "root.srm.ai"
# what an AI job may run: the batch methods of srm_ai's scheduled job
AI_BATCH_METHODS = {"_srm_ai_score_batch", "_srm_ai_embed_batch", "_srm_ai_model_batch"}


class SrmAiService(models.AbstractModel):
    _inherit = "srm.ai.service"

    @api.model
    def _cron_srm_ai_score(self, batch_size=BATCH_SIZE, max_jobs=100):
        """Hand the scoring backlog to job workers on root.srm.ai, a job per batch; once
        nothing is left to score, the embedding backlog (texts saved since, scored again with
        the model) the same way. Each batch claims its rows (FOR UPDATE SKIP LOCKED), so
        workers never take the same ones; a batch still waiting is not enqueued again, so a
        scheduled run every few minutes does not pile jobs up behind a long backlog."""
        if self.env.context.get("srm_ai_no_queue") or not self.env["srm.cron.batch"]._srm_queue_batches():
            return super()._cron_srm_ai_score(batch_size=batch_size, max_jobs=max_jobs)
        models_ = self._srm_ai_scored_models()
        plan = [(model, "_srm_ai_score_batch", model._srm_ai_count_stale(), batch_size) for model in models_]
        if not any(count for _model, _method, count, _size in plan) and self._srm_ai_use_embeddings():
            plan = [
                (model, "_srm_ai_embed_batch", model._srm_ai_count_missing_vectors(), EMBED_BATCH_SIZE)
                for model in models_[:2]
            ] + [(models_[2], "_srm_ai_model_batch", models_[2]._srm_ai_count_unmodelled(), EMBED_BATCH_SIZE)]
        enqueued = 0
        for model, method, count, size in plan:
            for index in range(min(-(-count // size), max_jobs - enqueued)):
                self.with_delay(
                    channel=AI_CHANNEL,
                    description=f"{model._description}: {method} ({index + 1})",
                    identity_key=f"srm_ai:{model._name}:{method}:{index}",
                )._srm_job_ai_batch(model._name, method, size)
                enqueued += 1
        self.env["ir.cron"]._notify_progress(done=enqueued, remaining=0)
        return enqueued

    @api.model
    def _srm_job_ai_batch(self, model_name, method, limit):
        """One batch of srm_ai's scheduled work (a job): claims up to ``limit`` records and
        scores or embeds them; a conflict with another worker is retried later."""
        models_ = {model._name: model for model in self._srm_ai_scored_models()}
        if model_name not in models_ or method not in AI_BATCH_METHODS:
            raise ValueError(f"not a batch of srm_ai's scheduled work: {model_name}.{method}")
        # the stakeholders of the batch are refreshed by jobs of their own (see res.partner)
        model = models_[model_name].with_context(srm_queue_job_defer_stakeholders=True)
        with retry_on_concurrency(self.env, f"{model_name}.{method}"):
            done = getattr(model, method)(limit)
        return f"{done} {model_name} records"
