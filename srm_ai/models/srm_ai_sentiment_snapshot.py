# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SrmAiSentimentSnapshot(models.Model):
    """Monthly figures of a stakeholder: average sentiment and relationship health."""

    _name = "srm.ai.sentiment.snapshot"
    _description = "Stakeholder Monthly Insight"
    _order = "month desc"
    _rec_name = "month"

    partner_id = fields.Many2one("res.partner", string="Stakeholder", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="partner_id.company_id", store=True)
    month = fields.Date(required=True, index=True, help="First day of the month.")
    sentiment = fields.Float(string="Average Sentiment", digits=(3, 2), aggregator="avg")
    item_count = fields.Integer(string="Texts Scored", aggregator="sum")
    has_sentiment = fields.Boolean()
    health_score = fields.Integer(string="Relationship Health", aggregator="avg")

    _sql_constraints = [
        ("partner_month_uniq", "unique(partner_id, month)", "One snapshot per stakeholder and month."),
    ]
