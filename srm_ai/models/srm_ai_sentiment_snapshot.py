# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import datetime, time

from odoo import api, fields, models

from odoo.addons.srm_base.models.srm_scoped_figures_mixin import HIDDEN

from .res_partner import AI_FIELDS

SCOPED_FIELDS = ("sentiment", "item_count", "has_sentiment", "health_score")


class SrmAiSentimentSnapshot(models.Model):
    """Monthly figures of a stakeholder: average sentiment and relationship health.

    Like the stakeholder's current figures, they are stored from the records of every
    project and company: a reader who may not read some of a stakeholder's records reads
    its months computed from what they may read (the sentiment and number of texts of
    each month; the health of the current month, the stakeholder's as they read it; the
    health of earlier months, which cannot be computed again, not at all), and does not
    see the months left empty for them (see ``srm.scoped.figures.mixin``)."""

    _name = "srm.ai.sentiment.snapshot"
    _inherit = ["srm.scoped.figures.mixin"]
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

    @api.model
    def _srm_scoped_fields(self):
        return (*super()._srm_scoped_fields(), *SCOPED_FIELDS)

    @api.model
    def _srm_scoped_hides_rows(self):
        return True

    @api.model
    def _srm_scoped_row_fields(self):
        return ("has_sentiment", "health_score")

    def _srm_scoped_partial(self, fnames, candidates=None):
        """The months of the stakeholders whose figures the user reads computed."""
        scope = [("id", "in", self.ids if candidates is None else candidates)]
        # sudo: the stakeholders of months the user may read (``candidates``, or read by them)
        Snapshot = self.sudo()
        partners = self.env["res.partner"].browse(
            [partner.id for (partner,) in Snapshot._read_group(scope, ["partner_id"])]
        )
        partial = partners._srm_scoped_partial(AI_FIELDS)
        if not partial:
            return set()
        return set(Snapshot._search(scope + [("partner_id", "in", sorted(partial))]).get_result_ids())

    def _srm_scoped_compute(self, fnames):
        this_month = fields.Date.today().replace(day=1)
        partners = self.partner_id
        scores = defaultdict(list)
        if self:
            since = datetime.combine(min(self.mapped("month")), time.min)
            for partner_id, date, score in partners._srm_ai_sentiment_items(readable=True, since=since):
                if date and score is not None:
                    scores[(partner_id, date.date().replace(day=1))].append(score)
        health = {}
        current = self.filtered(lambda snapshot: snapshot.month == this_month).partner_id
        if "health_score" in fnames and current:
            health = current._srm_scoped_compute(["srm_ai_health_score"])["srm_ai_health_score"]
        result = {fname: {} for fname in fnames}
        for snapshot in self:
            month_scores = scores.get((snapshot.partner_id.id, snapshot.month), [])
            values = {
                "sentiment": round(sum(month_scores) / len(month_scores), 4) if month_scores else 0.0,
                "item_count": len(month_scores),
                "has_sentiment": bool(month_scores),
                # an earlier month's health counted what was open or late then: not computed again
                "health_score": health.get(snapshot.partner_id.id, HIDDEN) if snapshot.month == this_month else HIDDEN,
            }
            for fname in fnames:
                result[fname][snapshot.id] = values[fname]
        return result

    @api.model
    def _srm_scoped_hidden(self, partial, values):
        """The months left without sentiment or health for the user."""
        return {
            id_
            for id_ in partial
            if not values["has_sentiment"].get(id_) and values["health_score"].get(id_, HIDDEN) is HIDDEN
        }
