# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .srm_ai_sentiment_mixin import commit_if_allowed

RULE_TYPES = [
    ("no_contact", "High influence, no contact in N days"),
    ("falling_sentiment", "Falling sentiment"),
    ("overdue_commitment", "Overdue commitment to a key stakeholder"),
    ("repeated_grievances", "Repeated grievances from one community in N days"),
]


class SrmAiRecommendationRule(models.Model):
    """A condition, tuned by managers, that proposes an action to a relationship owner."""

    _name = "srm.ai.recommendation.rule"
    _description = "Recommendation Rule"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True, help="Leave empty for every company.")
    rule_type = fields.Selection(RULE_TYPES, required=True)
    min_influence = fields.Integer(
        string="Minimum Influence", default=4, help="Only stakeholders with at least this influence (1-5)."
    )
    days = fields.Integer(
        default=60,
        help="No contact in: days without engagement; repeated grievances: period counted.",
    )
    min_count = fields.Integer(
        string="Minimum Grievances", default=3, help="Repeated grievances: how many in the period."
    )
    cooldown_days = fields.Integer(
        string="Do Not Repeat Within (days)", default=30,
        help="After a recommendation for a stakeholder, no new one from this rule in this many days.",
    )
    activity_type_id = fields.Many2one("mail.activity.type")
    deadline_days = fields.Integer(string="Due In (days)", default=7)
    advice = fields.Text(translate=True, help="Suggested action added to the activity.")
    recommendation_count = fields.Integer(compute="_compute_recommendation_count")

    @api.constrains("min_influence", "days", "min_count", "cooldown_days", "deadline_days")
    def _check_numbers(self):
        for rule in self:
            if not 1 <= rule.min_influence <= 5:
                raise ValidationError(self.env._("The minimum influence must be between 1 and 5."))
            if rule.days <= 0 or rule.min_count <= 0 or rule.cooldown_days < 0 or rule.deadline_days < 0:
                raise ValidationError(self.env._("Days and counts of a recommendation rule must be positive."))

    def _compute_recommendation_count(self):
        data = dict(
            self.env["srm.ai.recommendation"]._read_group([("rule_id", "in", self.ids)], ["rule_id"], ["__count"])
        )
        for rule in self:
            rule.recommendation_count = data.get(rule, 0)

    # ------------------------------------------------------------------
    # Matching
    # ------------------------------------------------------------------

    def _stakeholder_domain(self, company):
        return [
            ("is_stakeholder", "=", True),
            ("srm_influence", ">=", self.min_influence),
            "|", ("company_id", "=", False), ("company_id", "=", company.id),
        ]

    def _match(self, company):
        """Stakeholders matching the rule: {partner: (reason text, confidential)};
        confidential when the reason counts confidential records."""
        self.ensure_one()
        # sudo: rules run for the whole company (scheduled job, or a manager's "Run Now")
        partners = self.env["res.partner"].sudo()
        now = fields.Datetime.now()
        if self.rule_type == "no_contact":
            limit = now - timedelta(days=self.days)
            found = partners.search(
                self._stakeholder_domain(company)
                + ["|", ("srm_last_engagement_date", "=", False), ("srm_last_engagement_date", "<", limit)]
            )
            return {
                p: (
                    self.env._(
                        "Influence %(influence)s/5 and no engagement for %(days)s days or more (last: %(last)s).",
                        influence=p.srm_influence,
                        days=self.days,
                        last=p.srm_last_engagement_date and fields.Date.to_string(p.srm_last_engagement_date.date())
                        or self.env._("never"),
                    ),
                    False,
                )
                for p in found
            }
        if self.rule_type == "falling_sentiment":
            found = partners.search(self._stakeholder_domain(company) + [("srm_ai_sentiment_trend", "=", "falling")])
            return {
                p: (
                    self.env._(
                        "Sentiment is falling: now %(current).2f, forecast %(forecast).2f next month.",
                        current=p.srm_ai_sentiment,
                        forecast=p.srm_ai_sentiment_forecast,
                    ),
                    False,
                )
                for p in found
            }
        if self.rule_type == "overdue_commitment":
            key = partners.search(self._stakeholder_domain(company))
            counts = key._srm_ai_overdue_commitment_counts(confidential=True)
            public = key._srm_ai_overdue_commitment_counts()
            return {
                p: (
                    self.env._("%(count)s overdue commitment(s) to this key stakeholder.", count=counts[p.id]),
                    counts[p.id] > public.get(p.id, 0),
                )
                for p in key
                if counts.get(p.id)
            }
        if self.rule_type == "repeated_grievances":
            since = now - timedelta(days=self.days)
            issues = self.env["srm.issue"].sudo().search(  # sudo: as above, every community grievance
                [
                    ("company_id", "=", company.id),
                    ("kind", "=", "grievance"),
                    ("grievance_scope", "!=", "worker"),
                    ("date_received", ">=", since),
                ]
            )
            counts = defaultdict(int)
            confidential = set()
            for issue in issues:
                # the community: the stakeholders concerned, and the organisation of the complainant
                communities = issue.partner_ids | issue.complainant_id.parent_id
                for partner in communities.filtered("is_stakeholder"):
                    counts[partner] += 1
                    if issue.is_confidential:
                        confidential.add(partner)
            return {
                p: (
                    self.env._(
                        "%(count)s grievances from or about this community in the last %(days)s days.",
                        count=count,
                        days=self.days,
                    ),
                    p in confidential,
                )
                for p, count in counts.items()
                if count >= self.min_count
            }
        return {}

    # ------------------------------------------------------------------
    # Running
    # ------------------------------------------------------------------

    def _run(self, company=None):
        """Create recommendations and activities; idempotent thanks to the cooldown
        and to the one-open-recommendation-per-rule-and-stakeholder check."""
        company = company or self.env.company
        # sudo: recommendations and their activities are created for the relationship
        # owners (callers check the rights: action_run_now, the scheduled job)
        Recommendation = self.env["srm.ai.recommendation"].sudo()
        created = Recommendation
        for rule in self:
            if rule.company_id and rule.company_id != company:
                continue
            matches = rule._match(company)
            if not matches:
                continue
            partner_ids = [p.id for p in matches]
            since = fields.Datetime.now() - timedelta(days=rule.cooldown_days)
            recent = Recommendation.search(
                [
                    ("rule_id", "=", rule.id),
                    ("partner_id", "in", partner_ids),
                    "|", ("state", "=", "open"), ("create_date", ">=", since),
                ]
            )
            skip = set(recent.mapped("partner_id").ids)
            for partner, (reason, confidential) in matches.items():
                if partner.id in skip:
                    continue
                created |= Recommendation._srm_ai_create_for(rule, partner, reason, company, confidential)
        return created

    def action_run_now(self):
        # creates recommendations and activities: refused to whoever may not create
        # recommendations (SRM managers may; auditors are read-only)
        self.check_access("read")
        self.env["srm.ai.recommendation"].check_access("create")
        created = self._run(self.env.company)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Recommendations"),
                "message": self.env._("%s new recommendation(s).", len(created)),
                "type": "info",
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    @api.model
    def _cron_srm_ai_recommendations(self):
        companies = self.env["res.company"].search([])
        rules = self.search([])
        for done, company in enumerate(companies, start=1):
            rules.with_company(company)._run(company)
            self.env["ir.cron"]._notify_progress(done=done, remaining=len(companies) - done)
            commit_if_allowed(self.env)
