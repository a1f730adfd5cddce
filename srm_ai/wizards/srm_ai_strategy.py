# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import Counter

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import plaintext2html

from .. import engine


class SrmAiStrategy(models.TransientModel):
    """Suggested engagement strategy for a stakeholder or a segment, private to
    its author unless shared (see srm.ai.output.mixin)."""

    _name = "srm.ai.strategy"
    _inherit = ["srm.ai.output.mixin"]
    _description = "Engagement Strategy Suggestion"
    _srm_link_fields = ("partner_id", "segment_id")

    partner_id = fields.Many2one("res.partner", string="Stakeholder", domain=[("is_stakeholder", "=", True)])
    segment_id = fields.Many2one("srm.segment")
    # built from escaped lines and stored sanitized: nothing typed in is rendered as HTML
    body = fields.Html(string="Suggested Strategy", readonly=True, sanitize=True, sanitize_overridable=False)
    mode = fields.Selection(
        [("offline", "Offline (rules)"), ("provider", "Written by the AI provider")], readonly=True, default="offline"
    )
    provider_message = fields.Char(readonly=True)

    @api.model
    def _quadrant_advice(self):
        return {
            "manage_closely": self.env._(
                "Manage closely: involve them in decisions that affect them (IAP2 'involve' or "
                "'collaborate'), meet in person regularly, share drafts before decisions and agree "
                "on follow-up dates."
            ),
            "keep_satisfied": self.env._(
                "Keep satisfied: consult them on the decisions that matter to them, brief them before "
                "announcements and keep messages short and focused on their concerns."
            ),
            "keep_informed": self.env._(
                "Keep informed: inform them regularly (community meetings, notice boards, newsletters), "
                "invite them to consultations and make it easy to raise concerns."
            ),
            "monitor": self.env._(
                "Monitor: inform them through general channels and review their interest and influence "
                "when the project changes."
            ),
        }

    def _stakeholders(self):
        self.ensure_one()
        if self.partner_id:
            return self.partner_id
        if self.segment_id:
            return self.segment_id.partner_ids.filtered("is_stakeholder")
        raise UserError(self.env._("Choose a stakeholder or a segment."))

    def write(self, vals):
        res = super().write(vals)
        if {"partner_id", "segment_id"} & set(vals):
            # sudo: another target, so the suggestion and what it quoted are cleared
            # (by the analysis, see srm.ai.output.mixin)
            self.sudo().write(dict(self._srm_ai_sources(), body=False, mode="offline", provider_message=False))
        return res

    def _srm_ai_engagements(self, partners, limit=50):
        return self.env["srm.engagement"].search([("partner_ids", "in", partners.ids)], order="date desc", limit=limit)

    def _offline_lines(self, partners, engagements):
        """The offline suggestion, from these stakeholders and engagements only."""
        advice = self._quadrant_advice()
        quadrants = Counter(partners.mapped("srm_quadrant"))
        # the figures the user reads: computed from what they may read when some of a
        # stakeholder's records are not theirs to read (srm.scoped.figures.mixin)
        figures = partners._srm_scoped_read(
            ["srm_ai_sentiment", "srm_ai_sentiment_label", "srm_ai_sentiment_trend", "srm_ai_health_score"]
        )
        lines = []
        for quadrant, count in quadrants.most_common():
            if quadrant:
                prefix = "" if len(partners) == 1 else f"{count} × "
                lines.append(prefix + advice[quadrant])
        scored = partners.filtered(lambda p: figures[p.id]["srm_ai_sentiment_label"])
        if scored:
            average = sum(figures[p.id]["srm_ai_sentiment"] for p in scored) / len(scored)
            if average <= -0.05:
                lines.append(
                    self.env._(
                        "Sentiment is negative (%.2f): start by listening, acknowledge concerns, and "
                        "answer open issues before presenting new plans.",
                        average,
                    )
                )
            elif average >= 0.05:
                lines.append(self.env._("Sentiment is positive (%.2f): keep the rhythm and ask for feedback.", average))
        falling = partners.filtered(lambda p: figures[p.id]["srm_ai_sentiment_trend"] == "falling")
        if falling:
            lines.append(
                self.env._(
                    "Sentiment is falling for %s: plan a contact soon.", ", ".join(falling.mapped("display_name")[:5])
                )
            )
        at_risk = partners.filtered(
            lambda p: figures[p.id]["srm_ai_health_score"] and figures[p.id]["srm_ai_health_score"] < 50
        )
        if at_risk:
            lines.append(
                self.env._(
                    "Relationship health below 50 for %s: see the reasons on their form.",
                    ", ".join(at_risk.mapped("display_name")[:5]),
                )
            )
        terms = []
        if engagements:
            terms = engine.summary.key_terms([e._srm_ai_similarity_text() for e in engagements], top=5)
        if terms:
            lines.append(self.env._("Recurring subjects to prepare: %s.", ", ".join(terms)))
        do_not_contact = partners.filtered("srm_do_not_contact")
        if do_not_contact:
            lines.append(
                self.env._(
                    "Do not contact: %s (respond only when they reach out).",
                    ", ".join(do_not_contact.mapped("display_name")[:5]),
                )
            )
        return lines

    def action_prepare(self):
        self._srm_ai_check_author()
        for wizard in self:
            partners = wizard._stakeholders()
            partners.check_access("read")
            engagements = wizard._srm_ai_engagements(partners)
            lines = wizard._offline_lines(partners, engagements)
            body = Markup("<ul>%s</ul>") % Markup("").join(Markup("<li>%s</li>") % line for line in lines)
            vals = {
                "body": body,
                "mode": "offline",
                "provider_message": False,
                **wizard._srm_ai_sources(partners, engagements),
            }
            service = self.env["srm.ai.service"]
            if service._srm_ai_provider_enabled():

                def build(sendable, wizard=wizard, partners=partners):
                    # everything sent is built from the sendable engagements only
                    segment = wizard.segment_id.name
                    target = segment and f"the segment {segment}" or partners.display_name
                    facts = [
                        f"Suggest an engagement strategy (5 to 8 bullet points) for {target}.",
                        "Offline analysis: " + " | ".join(wizard._offline_lines(partners, sendable)),
                    ]
                    facts += [f"- {(e._srm_ai_similarity_text() or '')[:400]}" for e in sendable[:15]]
                    return [{"role": "user", "content": "\n".join(facts)}]

                result = service._srm_ai_provider_call("strategy", engagements[:30], build, partners=partners)
                if result and result["text"]:
                    vals.update(body=plaintext2html(result["text"]), mode="provider")
                elif result:
                    vals["provider_message"] = self.env._(
                        "The offline suggestion is shown: %s The failure was logged.", result["error"]
                    )
            # sudo: the text and what it quotes are written by the analysis only (the
            # author's right to prepare it was checked above)
            wizard.sudo().write(vals)
        return self[:1]._srm_ai_reopen() if len(self) == 1 else True

    def _srm_ai_reopen(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Engagement Strategy"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
