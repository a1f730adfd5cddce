# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.srm_ai import engine


class SrmConsultationTheme(models.Model):
    """The tone of a theme: the average sentiment of its answers."""

    _inherit = "srm.consultation.theme"

    srm_ai_sentiment = fields.Float(
        string="Sentiment",
        readonly=True,
        aggregator="avg",
        help="Average sentiment of the answers of this theme, from -1 (negative) to 1 (positive), "
        "computed when the answers are grouped into themes.",
    )
    srm_ai_sentiment_label = fields.Selection(
        [("negative", "Negative"), ("neutral", "Neutral"), ("positive", "Positive")],
        string="Tone",
        compute="_compute_srm_ai_sentiment_label",
    )

    @api.depends("srm_ai_sentiment", "count")
    def _compute_srm_ai_sentiment_label(self):
        for theme in self:
            theme.srm_ai_sentiment_label = engine.sentiment.label_of(theme.srm_ai_sentiment) if theme.count else False
