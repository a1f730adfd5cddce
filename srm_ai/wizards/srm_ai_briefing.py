# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import Counter

from odoo import fields, models
from odoo.exceptions import AccessError
from odoo.tools import html2plaintext, plaintext2html

from .. import engine

HISTORY_LIMIT = 20


class SrmAiBriefing(models.TransientModel):
    """One-page brief to prepare a meeting with a stakeholder, private to its
    author unless shared (see srm.ai.output.mixin)."""

    _name = "srm.ai.briefing"
    _inherit = ["srm.ai.output.mixin"]
    _description = "Meeting Brief"
    _srm_link_fields = ("partner_id",)

    partner_id = fields.Many2one("res.partner", string="Stakeholder", required=True, ondelete="cascade")
    # built from escaped facts and stored sanitized: nothing typed in is rendered as HTML
    body = fields.Html(string="Brief", readonly=True, sanitize=True, sanitize_overridable=False)
    mode = fields.Selection(
        [("offline", "Offline (extractive)"), ("provider", "Written by the AI provider")],
        readonly=True,
        default="offline",
    )
    engine_mode = fields.Char(string="Analysis Engine", readonly=True)
    provider_message = fields.Char(readonly=True)

    # ------------------------------------------------------------------
    # Facts
    # ------------------------------------------------------------------

    def _srm_ai_records(self):
        """What the current user may read about the stakeholder."""
        partner = self.partner_id
        engagements = self.env["srm.engagement"].search(
            [("partner_ids", "in", partner.ids)], order="date desc", limit=HISTORY_LIMIT
        )
        issues = self.env["srm.issue"].search(
            [
                "&",
                ("is_closed", "=", False),
                "|",
                ("partner_ids", "in", partner.ids),
                ("complainant_id", "=", partner.id),
            ]
        )
        commitments = partner._srm_ai_commitments()
        return engagements, issues, commitments

    def _srm_ai_facts(self, engagements, issues, commitments):
        partner = self.partner_id
        lang = (self.env.lang or "en")[:2]
        lang = lang if lang in engine.text.LANGUAGES else "en"

        def selection(rec, fname):
            return dict(rec._fields[fname]._description_selection(self.env)).get(rec[fname], "")

        texts = [e._srm_ai_similarity_text() for e in engagements]
        topics = Counter()
        for engagement in engagements:
            topics.update(engagement.topic_ids.mapped("name"))
        spec = partner._srm_ai_commitment_spec()
        today = fields.Date.context_today(self)
        commitment_rows = []
        for commitment in commitments:
            due_fields = ("date_due", "deadline", "date_deadline", "due_date")
            due = next((commitment[f] for f in due_fields if f in commitment._fields), False)
            overdue = bool(spec and spec["overdue"] and due and due < today) or bool(
                "is_overdue" in commitment._fields and commitment.is_overdue
            )
            commitment_rows.append({"name": commitment.display_name, "due": due, "overdue": overdue})
        history = []
        for engagement in engagements[:6]:
            summary = engine.summary.summarise([engagement.summary or ""], max_sentences=1)
            history.append(
                {
                    "date": engagement.date,
                    "type": engagement.engagement_type_id.name,
                    "name": engagement.name,
                    "summary": summary[0] if summary else "",
                    "sentiment": engagement.ai_sentiment_label and selection(engagement, "ai_sentiment_label"),
                }
            )
        all_dates = engagements.mapped("date")
        # the figures the user reads: computed from what they may read when some of the
        # stakeholder's records are not theirs to read (srm.scoped.figures.mixin)
        figures = partner._srm_scoped_read(
            [
                "srm_last_engagement_date",
                "srm_days_since_contact",
                "srm_ai_sentiment",
                "srm_ai_sentiment_label",
                "srm_ai_sentiment_trend",
                "srm_ai_sentiment_forecast",
                "srm_ai_health_score",
                "srm_ai_health_reasons",
            ]
        )[partner.id]
        snapshots = self.env["srm.ai.sentiment.snapshot"].search(
            [("partner_id", "=", partner.id), ("has_sentiment", "=", True)], order="month desc", limit=6
        )
        months = snapshots._srm_scoped_read(["month", "sentiment"])
        labels = {
            fname: dict(partner._fields[fname]._description_selection(self.env)).get(figures[fname], "")
            for fname in ("srm_ai_sentiment_label", "srm_ai_sentiment_trend")
        }
        facts = {
            "partner": partner,
            "name": partner.display_name,
            "type": partner.stakeholder_type_id.name or "",
            "quadrant": selection(partner, "srm_quadrant") if partner.srm_quadrant else "",
            "influence": partner.srm_influence,
            "interest": partner.srm_interest,
            "owner": partner.user_id.name or "",
            "region": partner.srm_region_id.name or "",
            "segments": ", ".join(partner.srm_segment_ids.mapped("name")),
            "projects": ", ".join(partner.srm_project_ids.mapped("display_name")),
            "channel": selection(partner, "srm_preferred_channel") if partner.srm_preferred_channel else "",
            "do_not_contact": partner.srm_do_not_contact,
            "engagement_count": len(engagements),
            "first_date": min(all_dates) if all_dates else False,
            "last_date": figures["srm_last_engagement_date"],
            "days_since": figures["srm_days_since_contact"],
            "history": history,
            "issues": [
                {"name": i.display_name, "date": i.date_received, "stage": i.stage_id.name or ""} for i in issues
            ],
            "commitments": commitment_rows,
            "sentiment": figures["srm_ai_sentiment"],
            "sentiment_label": figures["srm_ai_sentiment_label"] and labels["srm_ai_sentiment_label"],
            "trend": figures["srm_ai_sentiment_trend"] and labels["srm_ai_sentiment_trend"],
            "trend_code": figures["srm_ai_sentiment_trend"],
            "forecast": figures["srm_ai_sentiment_forecast"],
            "series": [
                (values["month"].strftime("%Y-%m"), values["sentiment"])
                for values in sorted(months.values(), key=lambda values: values["month"])
            ],
            "health": figures["srm_ai_health_score"],
            "health_reasons": (figures["srm_ai_health_reasons"] or "").splitlines(),
            "topics": [name for name, _count in topics.most_common(6)],
            "key_terms": engine.summary.key_terms(texts, top=8, lang=lang) if texts else [],
            # what the stakeholder said: the notes of the meetings, not their titles or outcomes
            "notes_summary": engine.summary.quotes([e.summary or "" for e in engagements[:10]]),
        }
        facts["talking_points"] = self._srm_ai_talking_points(facts)
        return facts

    def _srm_ai_talking_points(self, facts):
        points = []
        if facts["do_not_contact"]:
            points.append(self.env._("They asked not to be contacted: only meet them if they initiated it."))
        for commitment in facts["commitments"]:
            if commitment["overdue"]:
                points.append(
                    self.env._(
                        "Give an honest update on the overdue commitment “%(name)s” and a new date.",
                        name=commitment["name"],
                    )
                )
        for issue in facts["issues"][:3]:
            points.append(self.env._("Report progress on the open issue “%s”.", issue["name"]))
        concerns = ", ".join((facts["topics"] or facts["key_terms"])[:3])
        if facts["sentiment_label"] and facts["sentiment"] <= -0.05 or facts["trend_code"] == "falling":
            points.append(
                self.env._(
                    "Acknowledge their concerns%s and ask what would rebuild trust.",
                    self.env._(" about %s", concerns) if concerns else "",
                )
            )
        elif facts["sentiment_label"] and facts["sentiment"] >= 0.05:
            points.append(self.env._("Build on the good relationship: ask what they value and what could be better."))
        if facts["days_since"] and facts["days_since"] > 60:
            points.append(
                self.env._(
                    "%s days since the last contact: agree how and how often to keep in touch.",
                    facts["days_since"],
                )
            )
        if concerns and not any(concerns in p for p in points):
            points.append(self.env._("Topics they raise most: %s; prepare answers.", concerns))
        if facts["channel"]:
            points.append(self.env._("Follow up through their preferred channel: %s.", facts["channel"]))
        if not points:
            points.append(self.env._("Introduce the project's next steps and ask about their expectations."))
        return points

    def _srm_ai_prompt(self, facts):
        """Plain-text facts for the provider (built from sendable records only)."""
        lines = [
            "Write a one-page meeting brief (sections: Who they are; Relationship so far; "
            "Open commitments and issues; Mood and trend; Topics they raise; Suggested talking points) "
            f"in the language of this request's user: {self.env.lang or 'en_US'}.",
            f"Stakeholder: {facts['name']} ({facts['type']}), quadrant {facts['quadrant']}, "
            f"influence {facts['influence']}/5, interest {facts['interest']}/5.",
            f"Segments: {facts['segments']}. Projects: {facts['projects']}. Region: {facts['region']}.",
            f"Engagements: {facts['engagement_count']}, last contact {facts['days_since']} days ago.",
        ]
        for item in facts["history"]:
            lines.append(f"- {item['date'].date()} {item['type']}: {item['name']}. {item['summary']}")
        for issue in facts["issues"]:
            lines.append(f"Open issue: {issue['name']} ({issue['stage']})")
        for commitment in facts["commitments"]:
            overdue = " OVERDUE" if commitment["overdue"] else ""
            lines.append(f"Commitment: {commitment['name']}, due {commitment['due']}{overdue}")
        lines.append(
            f"Sentiment {facts['sentiment']:.2f} ({facts['sentiment_label'] or '-'}), trend {facts['trend'] or '-'}, "
            f"forecast {facts['forecast']:.2f}. Health {facts['health']}/100."
        )
        lines.append(f"Topics: {', '.join(facts['topics'])}. Key terms: {', '.join(facts['key_terms'])}.")
        lines.append("Offline talking points: " + " | ".join(facts["talking_points"]))
        return "\n".join(lines)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def write(self, vals):
        if "partner_id" in vals and not self.env.su:
            raise AccessError(self.env._("A brief stays about its stakeholder: prepare a new one for another."))
        return super().write(vals)

    def action_prepare(self):
        self._srm_ai_check_author()
        self.partner_id.check_access("read")
        for wizard in self:
            engagements, issues, commitments = wizard._srm_ai_records()
            facts = wizard._srm_ai_facts(engagements, issues, commitments)
            offline = self.env["ir.qweb"]._render("srm_ai.srm_ai_briefing_body", {"facts": facts, "narrative": False})
            vals = {
                "body": offline,
                "mode": "offline",
                "provider_message": False,
                "engine_mode": self.env["srm.ai.service"]._srm_ai_mode_description(),
                **wizard._srm_ai_sources(wizard.partner_id, engagements, issues, commitments),
            }
            service = self.env["srm.ai.service"]
            if service._srm_ai_provider_enabled():

                def build(sendable, wizard=wizard):
                    prompt_facts = wizard._srm_ai_facts(sendable[0], sendable[1], sendable[2])
                    return [{"role": "user", "content": wizard._srm_ai_prompt(prompt_facts)}]

                result = service._srm_ai_provider_call(
                    "briefing", [engagements, issues, commitments], build, partners=wizard.partner_id
                )
                if result and result["text"]:
                    narrative = plaintext2html(result["text"])
                    vals.update(
                        body=self.env["ir.qweb"]._render(
                            "srm_ai.srm_ai_briefing_body", {"facts": facts, "narrative": narrative}
                        ),
                        mode="provider",
                    )
                elif result:
                    vals["provider_message"] = self.env._(
                        "The offline brief is shown: %s The failure was logged.", result["error"]
                    )
            # sudo: the text and what it quotes are written by the analysis only (the
            # author's right to prepare it was checked above)
            wizard.sudo().write(vals)
        return True

    def _srm_ai_reopen(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Brief: %s", self.partner_id.display_name),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_print(self):
        self.ensure_one()
        self.check_access("read")
        return self.env.ref("srm_ai.srm_ai_briefing_report_action").report_action(self)

    def _srm_ai_plain(self):
        return html2plaintext(self.body or "")
