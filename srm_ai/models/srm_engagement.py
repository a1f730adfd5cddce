# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class SrmEngagement(models.Model):
    _name = "srm.engagement"
    _inherit = ["srm.engagement", "srm.ai.sentiment.mixin"]

    _srm_ai_text_fields = ("name", "summary", "outcome")

    def _srm_ai_sentiment_text(self):
        self.ensure_one()
        # the subject is often neutral ("Meeting with..."): the notes carry the sentiment
        return "\n".join(part for part in (self.summary, self.outcome) if part) or ""

    def _srm_ai_similarity_text(self):
        self.ensure_one()
        return "\n".join(part for part in (self.name, self.summary, self.outcome) if part)

    def _srm_ai_sentiment_partners(self):
        return self.partner_ids

    def action_srm_ai_similar(self):
        self.ensure_one()
        return self.env["srm.ai.similar"]._srm_ai_open_for(self)
