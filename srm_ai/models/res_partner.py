# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math
from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.srm_base.models.res_partner import SRM_GROUPS

from .. import engine
from .srm_ai_sentiment_mixin import SENTIMENT_LABELS

TRENDS = [("falling", "Falling"), ("stable", "Stable"), ("rising", "Rising")]
HIGH_INFLUENCE = 4
DECAY_DAYS = 60.0  # weight of a text halves roughly every 42 days
WINDOW_DAYS = 365
TREND_MONTHS = 6
PARTNER_BATCH = 500
SENTIMENT_FIELDS = ("srm_ai_sentiment", "srm_ai_sentiment_label", "srm_ai_sentiment_trend", "srm_ai_sentiment_forecast")
HEALTH_FIELDS = ("srm_ai_health_score", "srm_ai_health_reasons")
# the figures a stakeholder's readers read computed from what they may read (srm.scoped.figures.mixin)
AI_FIELDS = SENTIMENT_FIELDS + HEALTH_FIELDS


def write_grouped(model, updates):
    """Write ``updates`` ([(record, values)], records of ``model``) with one write per set of
    equal values, through the ORM as a write each would (access rights, tracking as the
    context of ``model`` says, recomputation of what depends on the fields). Values are
    compared as the fields store them (a float rounded to its digits)."""
    groups = defaultdict(list)
    for record, vals in updates:
        key = tuple(sorted((name, model._fields[name].convert_to_cache(value, model)) for name, value in vals.items()))
        groups[key].append(record.id)
    for key, ids in groups.items():
        model.browse(ids).write(dict(key))


class ResPartner(models.Model):
    _inherit = "res.partner"

    # the team's reading of the relationship, from engagement notes, issues and
    # commitments: never shown to the stakeholder's own portal login or organisation
    srm_ai_sentiment = fields.Float(
        string="Current Sentiment",
        readonly=True,
        index=True,
        copy=False,
        digits=(3, 2),
        groups=SRM_GROUPS,
        help="Average sentiment of what the stakeholder said or wrote in the last year, "
        "recent texts weighing more (-1 to 1).",
    )
    srm_ai_sentiment_label = fields.Selection(
        SENTIMENT_LABELS, string="Sentiment", readonly=True, index=True, copy=False, groups=SRM_GROUPS
    )
    srm_ai_sentiment_trend = fields.Selection(
        TRENDS, string="Sentiment Trend", readonly=True, index=True, copy=False, groups=SRM_GROUPS
    )
    srm_ai_sentiment_forecast = fields.Float(
        string="Forecast Next Month",
        readonly=True,
        copy=False,
        digits=(3, 2),
        groups=SRM_GROUPS,
        help="Expected average sentiment next month (exponential smoothing of the monthly series).",
    )
    srm_ai_health_score = fields.Integer(
        string="Relationship Health",
        readonly=True,
        index=True,
        copy=False,
        groups=SRM_GROUPS,
        help="0 (at risk) to 100 (healthy): contact frequency against the quadrant, "
        "sentiment, open issues and overdue commitments.",
    )
    srm_ai_health_reasons = fields.Text(string="Health Reasons", readonly=True, copy=False, groups=SRM_GROUPS)
    srm_ai_updated_at = fields.Datetime(string="Insights Updated On", readonly=True, copy=False, groups=SRM_GROUPS)
    srm_ai_snapshot_ids = fields.One2many(
        "srm.ai.sentiment.snapshot",
        "partner_id",
        string="Monthly Insights",
        readonly=True,
        groups=SRM_GROUPS,
    )
    srm_ai_recommendation_ids = fields.One2many(
        "srm.ai.recommendation",
        "partner_id",
        string="Recommendations",
        readonly=True,
        groups=SRM_GROUPS,
    )

    @api.model
    def _srm_searched_link_fields(self):
        # its AI outputs, read by their rules only (another project's, a confidential one)
        return (*super()._srm_searched_link_fields(), "srm_ai_snapshot_ids", "srm_ai_recommendation_ids")

    # ------------------------------------------------------------------
    # Sentiment
    # ------------------------------------------------------------------

    @api.model
    def _srm_ai_sentiment_since(self):
        """The date from which the texts of the stakeholders are read (their last year, and
        the months before it that their trend looks at)."""
        return fields.Datetime.now() - timedelta(days=WINDOW_DAYS + 31 * TREND_MONTHS)

    def _srm_ai_sentiment_items(self, readable=False, since=None):
        """(partner_id, date, score) of the scored texts of these stakeholders since
        ``since`` (the stakeholders' last year and the months before it that their trend
        looks at, by default).

        The stakeholder's sentiment, trend and monthly figures are shown to every
        member of the team who may open the stakeholder: they are computed from what
        such users may read, never from confidential records, worker grievances or the
        messages of protected complainants. With ``readable``, only the texts of the
        records the current user may read (record rules: projects, companies) count:
        the figures of a reader who may not read every record the stored ones come
        from (``_srm_scoped_compute``).
        """
        if not self.ids:
            return []
        for model in ("srm.engagement", "srm.issue", "srm.ai.message.score"):
            self.env[model].flush_model()
        since = since or self._srm_ai_sentiment_since()
        ids = tuple(self.ids)
        engagements = scores = issues = SQL("TRUE")
        if readable:
            engagements = self._srm_ai_readable_sql("srm.engagement", [("partner_ids", "in", ids)], "e.id")
            scores = self._srm_ai_readable_sql("srm.ai.message.score", [("partner_id", "in", ids)], "s.id")
            issues = self._srm_ai_readable_sql(
                "srm.issue", ["|", ("partner_ids", "in", ids), ("complainant_id", "in", ids)], "i.id"
            )
        query = SQL(
            """
            SELECT rel.partner_id, e.date, e.ai_sentiment_score
              FROM srm_engagement e
              JOIN srm_engagement_partner_rel rel ON rel.engagement_id = e.id
             WHERE rel.partner_id IN %(ids)s AND e.ai_sentiment_label IS NOT NULL AND e.date >= %(since)s
               AND NOT COALESCE(e.is_confidential, FALSE) AND %(engagements)s
            UNION ALL
            SELECT s.partner_id, s.date, s.score
              FROM srm_ai_message_score s
             WHERE s.partner_id IN %(ids)s AND s.date >= %(since)s AND s.label IS NOT NULL
               AND NOT COALESCE(s.is_confidential, FALSE) AND NOT COALESCE(s.is_protected, FALSE)
               AND NOT COALESCE(s.is_worker, FALSE) AND %(scores)s
            UNION ALL
            SELECT p.partner_id, i.date_received, i.ai_sentiment_score
              FROM srm_issue i
              JOIN (
                    SELECT issue_id, partner_id FROM srm_issue_partner_rel
                     UNION
                    SELECT id, complainant_id FROM srm_issue WHERE complainant_id IS NOT NULL
                   ) p ON p.issue_id = i.id
             WHERE p.partner_id IN %(ids)s AND i.ai_sentiment_label IS NOT NULL AND i.date_received >= %(since)s
               AND NOT COALESCE(i.is_confidential, FALSE) AND i.grievance_scope = 'community' AND %(issues)s
            """,
            ids=ids,
            since=since,
            engagements=engagements,
            scores=scores,
            issues=issues,
        )
        self.env.cr.execute(query)
        return self.env.cr.fetchall()

    @api.model
    def _srm_ai_readable_sql(self, model, domain, column):
        """SQL condition: ``column`` is the id of a record of ``model`` among ``domain`` that
        the current user may read (record rules, archived records included)."""
        Model = self.env[model].with_context(active_test=False)
        if not Model.has_access("read"):
            return SQL("FALSE")
        return SQL("%s IN %s", SQL(column), Model._search(domain).subselect())

    def _srm_ai_sentiment_figures(self, items, now):
        """{partner id: (figures, {month: [scores]})}: the current sentiment, its label,
        trend and forecast of each of these stakeholders, and the scores of each month,
        from ``items`` ((partner id, date, score) of their texts)."""
        by_partner = defaultdict(list)
        for partner_id, date, score in items:
            if date and score is not None:
                by_partner[partner_id].append((date, score))
        first_month = fields.Date.today().replace(day=1) - relativedelta(months=TREND_MONTHS - 1)
        result = {}
        for partner_id in self.ids:
            weights = total = 0.0
            months = defaultdict(list)
            for date, score in by_partner.get(partner_id, []):
                age = (now - date).days
                if 0 <= age <= WINDOW_DAYS or age < 0:
                    weight = math.exp(-max(age, 0) / DECAY_DAYS)
                    weights += weight
                    total += weight * score
                months[date.date().replace(day=1)].append(score)
            current = total / weights if weights else 0.0
            series = [sum(months[m]) / len(months[m]) for m in sorted(months) if m >= first_month]
            prediction = engine.forecast.forecast(series, window=TREND_MONTHS)
            figures = {
                "srm_ai_sentiment": round(current, 4),
                "srm_ai_sentiment_label": engine.sentiment.label_of(current) if weights else False,
                "srm_ai_sentiment_trend": prediction["direction"] if weights else False,
                "srm_ai_sentiment_forecast": prediction["next"] if prediction["next"] is not None else 0.0,
            }
            result[partner_id] = (figures, months)
        return result

    def _srm_ai_refresh_sentiment(self, alert=True):
        """Recompute current sentiment, monthly snapshots, trend and forecast."""
        # sudo: computed figures, stored for everybody (callers check the user's rights:
        # action_srm_ai_refresh, scoring after a save, the scheduled job)
        partners = self.sudo().exists().filtered("is_stakeholder")
        if not partners:
            return
        now = fields.Datetime.now()
        figures = partners._srm_ai_sentiment_figures(partners._srm_ai_sentiment_items(), now)
        this_month = fields.Date.today().replace(day=1)
        # the first month all of whose texts were read: the figures of an earlier one are
        # kept, those of a later one without texts any more are reset
        first_read_month = (partners._srm_ai_sentiment_since() + relativedelta(months=1)).date().replace(day=1)
        snapshots = self.env["srm.ai.sentiment.snapshot"].sudo()  # sudo: written by the analysis only
        existing = {(s.partner_id.id, s.month): s for s in snapshots.search([("partner_id", "in", partners.ids)])}
        to_create = []
        # written once per set of equal values (stakeholders without texts share theirs)
        partner_updates, snapshot_updates = [], []
        months_with_texts = set()
        for partner in partners:
            vals, months = figures[partner.id]
            partner_updates.append((partner, dict(vals, srm_ai_updated_at=now)))
            months_with_texts.update((partner.id, month) for month in months)
            for month, scores in months.items():
                average = round(sum(scores) / len(scores), 4)
                snapshot = existing.get((partner.id, month))
                svals = {"sentiment": average, "item_count": len(scores), "has_sentiment": True}
                if snapshot:
                    if (snapshot.sentiment, snapshot.item_count, snapshot.has_sentiment) != (
                        average,
                        len(scores),
                        True,
                    ):
                        snapshot_updates.append((snapshot, svals))
                else:
                    to_create.append(dict(svals, partner_id=partner.id, month=month))
        # the months whose texts are gone (deleted, made confidential, moved to another
        # stakeholder) lose their sentiment: the month keeps its health score if it has one
        # (the current month's is refreshed below), else nothing is left of it
        gone = [
            (key, snapshot)
            for key, snapshot in existing.items()
            if key not in months_with_texts
            and key[1] >= first_read_month
            and (snapshot.has_sentiment or snapshot.item_count or snapshot.sentiment)
        ]
        with_health = set()
        if gone:
            # those with a health score (0 is one: the stakeholders most at risk), in one query
            snapshots.flush_model(["health_score"])
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM srm_ai_sentiment_snapshot WHERE id IN %s AND health_score IS NOT NULL",
                    tuple(snapshot.id for _key, snapshot in gone),
                )
            )
            with_health = {row[0] for row in self.env.cr.fetchall()}
        to_unlink = []
        for key, snapshot in gone:
            if snapshot.id in with_health or key[1] == this_month:
                snapshot_updates.append((snapshot, {"sentiment": 0.0, "item_count": 0, "has_sentiment": False}))
            else:
                to_unlink.append(snapshot.id)
        write_grouped(partners.with_context(tracking_disable=True), partner_updates)
        write_grouped(snapshots, snapshot_updates)
        snapshots.browse(to_unlink).unlink()
        if to_create:
            snapshots.create(to_create)
        partners._srm_ai_refresh_health()
        if alert:
            partners._srm_ai_sentiment_alert()

    def _srm_ai_sentiment_alert(self):
        """An activity for the relationship owner when a high-influence stakeholder's
        sentiment falls; never two open alerts for the same stakeholder."""
        activity_type = self.env.ref("srm_ai.mail_activity_type_srm_ai_alert", raise_if_not_found=False)
        if not activity_type:
            return
        falling = self.filtered(lambda p: p.srm_influence >= HIGH_INFLUENCE and p.srm_ai_sentiment_trend == "falling")
        if not falling:
            return
        # sudo: the alerts of every owner are looked at, not only the current user's
        open_alerts = (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_id", "in", falling.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
        )
        already = set(open_alerts.mapped("res_id"))
        for partner in falling:
            if partner.id in already:
                continue
            user = partner._srm_ai_owner()
            # sudo: the alert goes to the relationship owner, whoever triggered the refresh
            partner.sudo().activity_schedule(
                activity_type_id=activity_type.id,
                summary=self.env._("Sentiment of %s is falling", partner.display_name),
                # the stakeholder's chatter shows it to whoever reads the stakeholder, who
                # may not read every record the sentiment comes from: no figures here, the
                # Insights tab shows each reader theirs
                note=self.env._(
                    "Influence %s/5: consider getting in touch. The stakeholder's Insights tab shows "
                    "the sentiment, its trend and forecast.",
                    partner.srm_influence,
                ),
                user_id=user.id,
            )

    def _srm_ai_owner(self):
        """Who should act on this stakeholder: relationship owner, else the main
        project's manager, else the current user."""
        self.ensure_one()
        return self.user_id or self.srm_main_project_id.user_id or self.env.user

    # ------------------------------------------------------------------
    # Relationship health
    # ------------------------------------------------------------------

    def _srm_ai_open_issue_counts(self, readable=False):
        """{partner id: open issues}: the non-confidential community issues they raised or
        are concerned by (each once), in one query; with ``readable``, those the current
        user may read only."""
        if not self.ids:
            return {}
        Issue = self.env["srm.issue"]
        if readable:
            if not Issue.has_access("read"):
                return {}
        else:
            # sudo: counted for everybody; only the issues the stakeholder's readers may see
            Issue = Issue.sudo()
        ids = list(self.ids)
        issues = Issue._search(
            [
                ("is_closed", "=", False),
                ("is_confidential", "=", False),
                ("grievance_scope", "=", "community"),
                "|",
                ("partner_ids", "in", ids),
                ("complainant_id", "in", ids),
            ]
        )
        Issue.flush_model(["partner_ids", "complainant_id"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT links.partner_id, COUNT(DISTINCT links.issue_id)
                  FROM (
                        SELECT rel.partner_id, rel.issue_id
                          FROM srm_issue_partner_rel rel
                         WHERE rel.issue_id IN %(issues)s AND rel.partner_id = ANY(%(ids)s)
                         UNION ALL
                        SELECT i.complainant_id, i.id
                          FROM srm_issue i
                         WHERE i.id IN %(issues)s AND i.complainant_id = ANY(%(ids)s)
                       ) links
                 GROUP BY links.partner_id
                """,
                issues=issues.subselect(),
                ids=ids,
            )
        )
        return dict(rows)

    @api.model
    def _srm_ai_commitment_spec(self):
        """Field names of srm.commitment used here, or None when the module is absent."""
        if "srm.commitment" not in self.env:
            return None
        fields_ = self.env["srm.commitment"]._fields
        partner = next((f for f in ("partner_ids", "stakeholder_ids", "partner_id") if f in fields_), None)
        if not partner:
            return None
        spec = {"partner": partner}
        if "is_overdue" in fields_ and fields_["is_overdue"].store:
            spec["overdue"] = [("is_overdue", "=", True)]
        else:
            due = next((f for f in ("date_due", "deadline", "date_deadline", "due_date") if f in fields_), None)
            spec["overdue"] = [(due, "<", fields.Date.today())] if due else None
        if "is_closed" in fields_ and fields_["is_closed"].store:
            spec["open"] = [("is_closed", "=", False)]
        elif "state" in fields_:
            spec["open"] = [("state", "not in", ["done", "fulfilled", "cancel", "cancelled", "closed"])]
        else:
            spec["open"] = []
        return spec

    def _srm_ai_commitments(self, overdue=False, confidential=True):
        """Open (or overdue) commitments to these stakeholders, empty when srm_commitments is absent."""
        spec = self._srm_ai_commitment_spec()
        if not spec or (overdue and spec["overdue"] is None):
            return self.env["res.partner"].browse()
        domain = [(spec["partner"], "in", self.ids)] + spec["open"] + (spec["overdue"] if overdue else [])
        if not confidential:
            domain.append(("is_confidential", "=", False))
        return self.env["srm.commitment"].search(domain)

    def _srm_ai_overdue_commitment_counts(self, confidential=False, readable=False):
        """{partner id: overdue commitments}; without the confidential ones unless asked;
        with ``readable``, those the current user may read only."""
        spec = self._srm_ai_commitment_spec()
        if not spec or spec["overdue"] is None or not self.ids:
            return {}
        if readable and not self.env["srm.commitment"].has_access("read"):
            return {}
        domain = [(spec["partner"], "in", self.ids)] + spec["open"] + spec["overdue"]
        if not confidential:
            domain.append(("is_confidential", "=", False))
        # sudo: counted for everybody (health, recommendation rules), unless asked for
        # what the current user may read
        Commitment = self.env["srm.commitment"] if readable else self.env["srm.commitment"].sudo()
        wanted = set(self.ids)
        return {
            partner.id: count
            for partner, count in Commitment._read_group(domain, [spec["partner"]], ["__count"])
            if partner.id in wanted
        }

    def _srm_ai_refresh_health(self):
        partners = self.sudo().exists()  # sudo: as in _srm_ai_refresh_sentiment
        if not partners:
            return
        health = partners._srm_ai_health_values(
            {partner.id: partner.srm_last_engagement_date for partner in partners},
            {
                partner.id: (partner.srm_ai_sentiment, partner.srm_ai_sentiment_label, partner.srm_ai_sentiment_trend)
                for partner in partners
            },
            partners._srm_ai_open_issue_counts(),
            partners._srm_ai_overdue_commitment_counts(),
        )
        this_month = fields.Date.today().replace(day=1)
        snapshots = {
            s.partner_id.id: s
            # sudo: written by the analysis only
            for s in self.env["srm.ai.sentiment.snapshot"]
            .sudo()
            .search([("partner_id", "in", partners.ids), ("month", "=", this_month)])
        }
        to_create = []
        # written once per set of equal values
        partner_updates, snapshot_updates = [], []
        for partner in partners:
            score, reasons = health[partner.id]
            partner_updates.append((partner, {"srm_ai_health_score": score, "srm_ai_health_reasons": reasons}))
            snapshot = snapshots.get(partner.id)
            if snapshot:
                if snapshot.health_score != score:
                    snapshot_updates.append((snapshot, {"health_score": score}))
            else:
                to_create.append({"partner_id": partner.id, "month": this_month, "health_score": score})
        write_grouped(partners.with_context(tracking_disable=True), partner_updates)
        write_grouped(self.env["srm.ai.sentiment.snapshot"].sudo(), snapshot_updates)  # sudo: as above
        if to_create:
            self.env["srm.ai.sentiment.snapshot"].sudo().create(to_create)  # sudo: as above

    def _srm_ai_health_values(self, last_dates, sentiments, issues, commitments):
        """{partner id: (health score, reasons)} of these stakeholders, from their last
        engagement ``last_dates`` ({id: datetime or None}), ``sentiments`` ({id: (value,
        label, trend)}) and their open ``issues`` and overdue ``commitments`` ({id: count})."""
        quadrant_labels = dict(self._fields["srm_quadrant"]._description_selection(self.env))
        result = {}
        for partner in self:
            company = partner.company_id or self.env.company
            expected = company._srm_ai_expected_contact_days().get(partner.srm_quadrant or "monitor", 120)
            quadrant = quadrant_labels.get(partner.srm_quadrant or "monitor", "")
            reasons = []
            # contact frequency (35 points)
            last_date = last_dates.get(partner.id)
            if not last_date:
                contact = 0.0
                reasons.append(self.env._("No engagement recorded yet (-35)."))
            else:
                days = (fields.Datetime.now() - last_date).days
                if days > expected:
                    over = min(1.0, (days - expected) / float(expected))
                    contact = 35 * (1 - over)
                    reasons.append(
                        self.env._(
                            "Last contact %(days)s days ago, expected every %(expected)s days for "
                            "'%(quadrant)s' (-%(points)s).",
                            days=days,
                            expected=expected,
                            quadrant=quadrant,
                            points=round(35 - contact),
                        )
                    )
                else:
                    contact = 35.0
                    reasons.append(
                        self.env._(
                            "Contacted %(days)s days ago, within the %(expected)s days expected for '%(quadrant)s'.",
                            days=days,
                            expected=expected,
                            quadrant=quadrant,
                        )
                    )
            # sentiment (25 points)
            sentiment_points = 25.0
            value, label, trend = sentiments.get(partner.id, (0.0, False, False))
            if label:
                sentiment_points = 25 * min(1.0, 1 + value)
                if value < 0:
                    reasons.append(
                        self.env._(
                            "Negative sentiment (%(value).2f) (-%(points)s).",
                            value=value,
                            points=round(25 - sentiment_points),
                        )
                    )
                else:
                    reasons.append(self.env._("Sentiment %(value).2f.", value=value))
                if trend == "falling":
                    sentiment_points = max(0.0, sentiment_points - 5)
                    reasons.append(self.env._("Sentiment is falling (-5)."))
            # open issues (20 points)
            issue_count = issues.get(partner.id, 0)
            issue_points = max(0.0, 20 - 7 * issue_count)
            if issue_count:
                reasons.append(
                    self.env._(
                        "%(count)s open issue(s) (-%(points)s).", count=issue_count, points=round(20 - issue_points)
                    )
                )
            # overdue commitments (20 points)
            overdue = commitments.get(partner.id, 0)
            commitment_points = max(0.0, 20 - 10 * overdue)
            if overdue:
                reasons.append(
                    self.env._(
                        "%(count)s overdue commitment(s) (-%(points)s).",
                        count=overdue,
                        points=round(20 - commitment_points),
                    )
                )
            score = int(round(contact + sentiment_points + issue_points + commitment_points))
            result[partner.id] = (score, "\n".join(reasons))
        return result

    # ------------------------------------------------------------------
    # What each reader reads (srm.scoped.figures.mixin)
    # ------------------------------------------------------------------

    @api.model
    def _srm_scoped_fields(self):
        return (*super()._srm_scoped_fields(), *AI_FIELDS)

    @api.model
    def _srm_scoped_sources(self, fnames):
        sources = super()._srm_scoped_sources(fnames)
        if set(fnames) & set(AI_FIELDS):
            # what the stored figures count (``_srm_ai_sentiment_items``, the open issues and
            # overdue commitments, the last engagement): no confidential record, worker
            # grievance or message of a protected complainant
            public = (("is_confidential", "=", False),)
            community = (*public, ("grievance_scope", "=", "community"))
            sources |= {
                ("srm.engagement", "partner_ids", public),
                ("srm.issue", "partner_ids", community),
                ("srm.issue", "complainant_id", community),
                (
                    "srm.ai.message.score",
                    "partner_id",
                    (*public, ("is_protected", "=", False), ("is_worker", "=", False)),
                ),
            }
            spec = self._srm_ai_commitment_spec()
            if spec:
                sources.add(("srm.commitment", spec["partner"], public))
        return sources

    def _srm_scoped_compute(self, fnames):
        """The sentiment and relationship health of these stakeholders from the texts,
        engagements, issues and commitments the current user may read, computed as the
        stored ones are (the same definitions: never from confidential records, worker
        grievances or the messages of protected complainants)."""
        wanted = [fname for fname in fnames if fname in AI_FIELDS]
        others = [fname for fname in fnames if fname not in AI_FIELDS]
        with_health = bool(set(wanted) & set(HEALTH_FIELDS))
        if with_health and "srm_last_engagement_date" not in others:
            others.append("srm_last_engagement_date")
        result = super()._srm_scoped_compute(others)
        if not wanted:
            return result
        sentiments = self._srm_ai_sentiment_figures(self._srm_ai_sentiment_items(readable=True), fields.Datetime.now())
        for fname in SENTIMENT_FIELDS:
            result[fname] = {pid: sentiments[pid][0][fname] for pid in self.ids}
        if with_health:
            health = self._srm_ai_health_values(
                result["srm_last_engagement_date"],
                {
                    pid: (
                        figures["srm_ai_sentiment"],
                        figures["srm_ai_sentiment_label"],
                        figures["srm_ai_sentiment_trend"],
                    )
                    for pid, (figures, _months) in sentiments.items()
                },
                self._srm_ai_open_issue_counts(readable=True),
                self._srm_ai_overdue_commitment_counts(readable=True),
            )
            result["srm_ai_health_score"] = {pid: health[pid][0] for pid in self.ids}
            result["srm_ai_health_reasons"] = {pid: health[pid][1] for pid in self.ids}
        return {fname: result[fname] for fname in fnames}

    @api.model
    def _cron_srm_ai_refresh_insights(self):
        """Monthly (and on demand): refresh sentiment, health and snapshots of every
        stakeholder, in batches; resumes from the last stakeholder done."""
        param = self.env["ir.config_parameter"].sudo()  # sudo: the job's own bookmark
        last_id = int(param.get_param("srm_ai.insights_last_partner_id", 0) or 0)
        domain = [("is_stakeholder", "=", True), ("id", ">", last_id)]
        partners = self.search(domain, order="id", limit=PARTNER_BATCH)
        remaining = self.search_count(domain) - len(partners)
        if partners:
            partners._srm_ai_refresh_sentiment()
        param.set_param("srm_ai.insights_last_partner_id", partners[-1:].id if remaining else 0)
        # one batch per call: Odoo's cron commits it and calls again while work remains
        self.env["ir.cron"]._notify_progress(done=len(partners), remaining=remaining)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_srm_ai_refresh(self):
        # the figures are stored on the stakeholder and may alert its owner: refused
        # to whoever may not change the stakeholder (auditors are read-only)
        self.check_access("write")
        self._srm_ai_refresh_sentiment()
        return True

    def action_srm_ai_trend(self):
        self.ensure_one()
        self.check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_ai.srm_ai_sentiment_snapshot_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        action["name"] = self.env._("Trend of %s", self.display_name)
        return action

    def action_srm_ai_briefing(self):
        self.ensure_one()
        self.check_access("read")
        wizard = self.env["srm.ai.briefing"].create({"partner_id": self.id})
        wizard.action_prepare()
        return wizard._srm_ai_reopen()

    def action_srm_ai_strategy(self):
        self.ensure_one()
        self.check_access("read")
        wizard = self.env["srm.ai.strategy"].create({"partner_id": self.id})
        wizard.action_prepare()
        return wizard._srm_ai_reopen()
