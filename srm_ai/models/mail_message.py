# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from .srm_ai_message_score import SCORED_MODELS
from .srm_ai_sentiment_mixin import saved_without_engine_failure


class MailMessage(models.Model):
    """Messages of stakeholders are scored as they are posted (srm.ai.message.score)."""

    _inherit = "mail.message"

    @api.model_create_multi
    def create(self, vals_list):
        messages = super().create(vals_list)
        messages._srm_ai_score_messages()
        return messages

    def write(self, vals):
        res = super().write(vals)
        if "body" in vals:
            self._srm_ai_body_changed()
        return res

    def _srm_ai_body_changed(self):
        """A message whose text was edited is scored again, as when it was posted: its score
        of before goes, and with it the set-aside state of a text the engine failed on."""
        # sudo: the scores are written by the analysis only, whoever edited the message
        scores = self.env["srm.ai.message.score"].sudo().search([("message_id", "in", self.ids)])
        if not scores:
            return
        partners = scores.partner_id
        scores.unlink()
        self._srm_ai_score_messages()
        partners._srm_ai_refresh_sentiment()

    def _srm_ai_score_messages(self):
        """Score those of these messages a stakeholder may have written."""
        candidates = self.filtered(
            lambda m: m.model in SCORED_MODELS and m.message_type in ("email", "comment") and m.author_id
        )
        scored = False
        if candidates and len(candidates) <= 20:
            # sudo: the message was just posted by the user; its score is written by the analysis.
            # Posting never waits for the embedding model (lexicons now, the model in the job)
            # and never fails for the engine (left to the job then)
            Score = self.env["srm.ai.message.score"].sudo()
            scored = saved_without_engine_failure(
                lambda: Score._srm_ai_score_batch(message_ids=candidates.ids, embed=False)
            )
        if candidates and (not scored or self.env["srm.ai.service"]._srm_ai_use_embeddings()):
            cron = self.env.ref("srm_ai.ir_cron_srm_ai_score", raise_if_not_found=False)
            if cron:
                cron.sudo()._trigger()  # sudo: any poster may wake the scoring job
