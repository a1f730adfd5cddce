# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.osv import expression

from .srm_report_builder import column


class SrmReportKindConsultationSummary(models.AbstractModel):
    """Who was engaged in the period, by which means, what they raised and how each
    topic was answered, with the concerns raised through the grievance mechanism."""

    _name = "srm.report.kind.consultation_summary"
    _inherit = "srm.report.builder"
    _description = "SRM Report: Consultation Summary"
    _report_kind = "consultation_summary"

    @api.model
    def _report_base_domains(self, filters):
        """The engagements of the period, and the grievances received in it."""
        return [("srm.engagement", self._engagement_domain(filters)), ("srm.issue", self._issue_domain(filters))]

    @api.model
    def _build_report(self, filters):
        _ = self.env._
        Engagement = self.env["srm.engagement"]
        domain = self._engagement_domain(filters)
        count = Engagement.search_count(domain)
        per_partner_type = Engagement._read_group(domain, ["partner_ids", "engagement_type_id"], ["__count"])
        who = self._consultation_who(domain, filters, count, per_partner_type)
        means = self._consultation_means(domain, count, per_partner_type)
        topic_sections, topics_raised = self._consultation_topic_sections(domain)
        answered_domain = expression.AND([domain, [("outcome", "not in", [False, ""])]])
        extra = self._consultation_extra_sections(filters)
        return {
            "title": _("Consultation summary"),
            "record_count": count,
            "confidential_count": self._confidential_count("srm.engagement", domain)
            + self._sections_confidential_count(extra),
            "sections": [who, means, self._consultation_levels(domain, count), *topic_sections, *extra],
            "highlights": [
                {"label": _("Engagements"), "value": count, "type": "integer"},
                {"label": _("Stakeholders engaged"), "value": who["count"], "type": "integer"},
                {"label": _("Means of engagement used"), "value": len(means["rows"]), "type": "integer"},
                {"label": _("Topics raised"), "value": topics_raised, "type": "integer"},
                {
                    "label": _("Engagements with a recorded answer"),
                    "value": self._share(Engagement.search_count(answered_domain), count),
                    "type": "percent",
                },
            ],
        }

    @api.model
    def _consultation_who(self, domain, filters, count, per_partner_type):
        """The stakeholders engaged: how often, when first and last, by which means."""
        _ = self.env._
        per_partner = self.env["srm.engagement"]._read_group(
            domain, ["partner_ids"], ["__count", "date:min", "date:max"]
        )
        partner_filter = self._stakeholder_subdomain(filters)
        if filters.get("partner_ids"):
            partner_filter.append(("id", "in", filters["partner_ids"]))
        wanted = None
        if partner_filter:
            engaged = [("id", "in", [p.id for p, *_r in per_partner])]
            wanted = set(self.env["res.partner"].search(expression.AND([engaged, partner_filter])).ids)
        means = {}
        for partner, etype, n in per_partner_type:
            means.setdefault(partner, []).append((n, etype.name))
        rows = []
        for partner, n, first, last in sorted(per_partner, key=lambda g: (-g[1], g[0].display_name or "")):
            if wanted is not None and partner.id not in wanted:
                continue
            rows.append(
                [
                    partner.display_name,
                    partner.stakeholder_type_id.name or "",
                    n,
                    self._to_local(first),
                    self._to_local(last),
                    ", ".join(name for _n, name in sorted(means.get(partner, []), key=lambda m: (-m[0], m[1]))),
                ]
            )
        return self._section(
            "stakeholders",
            _("Who was engaged"),
            [
                column("stakeholder", _("Stakeholder"), "char", 32),
                column("stakeholder_type", _("Type"), "char", 20),
                column("count", _("Engagements"), "integer", 12),
                column("first", _("First engagement"), "datetime", 17),
                column("last", _("Last engagement"), "datetime", 17),
                column("means", _("Means"), "char", 40),
            ],
            rows,
            count=len(rows),
            totals={"stakeholder": _("Total: %s stakeholders", len(rows)), "count": count},
        )

    @api.model
    def _consultation_means(self, domain, count, per_partner_type):
        """The engagements by type, and how many stakeholders each type reached."""
        _ = self.env._
        reach = {}
        for _partner, etype, _n in per_partner_type:
            reach[etype] = reach.get(etype, 0) + 1
        by_type = self.env["srm.engagement"]._read_group(domain, ["engagement_type_id"], ["__count"])
        return self._section(
            "means",
            _("By which means"),
            self._count_columns(column("engagement_type", _("Means"), "char", 25), _("Engagements"), count_width=12)
            + [column("stakeholders", _("Stakeholders reached"), "integer", 14)],
            [
                [etype.name, n, self._share(n, count), reach.get(etype, 0)]
                for etype, n in sorted(by_type, key=lambda g: -g[1])
            ],
            totals=self._count_totals("engagement_type", count),
        )

    @api.model
    def _consultation_levels(self, domain, count):
        """The engagements by level of participation (IAP2)."""
        _ = self.env._
        by_level = self.env["srm.engagement"]._read_group(domain, ["iap2_level"], ["__count"])
        levels = self._labels("srm.engagement", "iap2_level")
        return self._section(
            "levels",
            _("Level of participation (IAP2)"),
            self._count_columns(column("level", _("IAP2 level"), "char", 20), _("Engagements"), count_width=12),
            [
                [levels.get(level, _("Not set")), n, self._share(n, count)]
                for level, n in sorted(by_level, key=lambda g: list(levels).index(g[0]) if g[0] in levels else 99)
            ],
        )

    @api.model
    def _consultation_topic_sections(self, domain):
        """The topics raised, and each engagement that raised them with its answer;
        and how many topics were raised."""
        _ = self.env._
        Engagement = self.env["srm.engagement"]
        topics = Engagement._read_group(domain, ["topic_ids"], ["__count"])
        answered_domain = expression.AND([domain, [("outcome", "not in", [False, ""])]])
        answered = dict(Engagement._read_group(answered_domain, ["topic_ids"], ["__count"]))
        topic_partners = {}
        for topic, _partner, _n in Engagement._read_group(domain, ["topic_ids", "partner_ids"], ["__count"]):
            topic_partners[topic] = topic_partners.get(topic, 0) + 1
        topics = sorted(topics, key=lambda g: (not g[0], -g[1], g[0].name or ""))
        no_topic = _("(No topic)")
        topic_rows = [
            [
                topic.name or no_topic,
                n,
                topic_partners.get(topic, 0),
                answered.get(topic, 0),
                n - answered.get(topic, 0),
                self._share(answered.get(topic, 0), n),
            ]
            for topic, n in topics
        ]
        sections = [
            self._section(
                "topics",
                _("Topics raised"),
                [
                    column("topic", _("Topic"), "char", 28),
                    column("count", _("Times raised"), "integer", 12),
                    column("stakeholders", _("Stakeholders"), "integer", 12),
                    column("answered", _("Answered"), "integer", 12),
                    column("unanswered", _("Without recorded answer"), "integer", 14),
                    column("answered_share", _("Answered share"), "percent", 12),
                ],
                topic_rows,
            ),
            self._consultation_responses(domain, [topic for topic, _n in topics], sum(n for _t, n in topics)),
        ]
        return sections, len([topic for topic, _n in topics if topic])

    @api.model
    def _consultation_responses(self, domain, topics, count):
        """Each engagement that raised a topic (topic by topic) with how it was answered."""
        _ = self.env._
        no_topic = _("(No topic)")
        fnames = ["date", "name", "engagement_type_id", "partner_ids", "summary", "outcome", "topic_ids"]

        def rows():
            for topic in topics:
                topic_domain = expression.AND(
                    [domain, [("topic_ids", "in", topic.ids)] if topic else [("topic_ids", "=", False)]]
                )
                name = topic.name or no_topic
                for engagements in self._iter_keyset("srm.engagement", topic_domain, fnames, "date"):
                    for eng in engagements:
                        yield [
                            name,
                            self._to_local(eng.date),
                            eng.name,
                            ", ".join(eng.partner_ids.mapped("display_name")),
                            eng.engagement_type_id.name or "",
                            eng.summary or "",
                            eng.outcome or "",
                            bool(eng.outcome),
                        ]

        return self._section(
            "responses",
            _("Topics raised and how each was answered"),
            [
                column("topic", _("Topic"), "char", 20),
                *self._columns(
                    "engagement",
                    ["date", "subject", "stakeholders"],
                    subject={"label": _("Engagement"), "width": 28},
                    stakeholders={"width": 28},
                ),
                column("means", _("Means"), "char", 14),
                column("raised", _("What was raised"), "text", 45),
                column("response", _("How it was answered"), "text", 45),
                column("answered", _("Answered"), "boolean", 10),
            ],
            rows,
            count=count,
            sheet=_("Answers by topic"),
        )

    @api.model
    def _consultation_extra_sections(self, filters):
        """Sections the consultation summary adds after what the engagement log shows:
        concerns raised through the grievance mechanism and their answers (the
        consultation campaigns come with srm_reporting_consultation)."""
        _ = self.env._
        issues = self.env["srm.issue"].search(self._issue_domain(filters), order="date_received, id")
        complainants = self._protected_complainants(issues)
        keys = ["reference", "received", "category", "stakeholders", "description", "response", "stage"]
        return [
            self._records_section(
                "grievances",
                _("Grievances and responses"),
                self._columns("issue", keys, description={"label": _("Concern")}),
                issues,
                lambda issue: [
                    issue.reference,
                    self._to_local(issue.date_received),
                    issue.category_id.name or "",
                    self._issue_stakeholders(issue, complainants),
                    self._issue_text(issue.description) or issue.name,
                    self._issue_text(issue.resolution) or self._issue_text(issue.proposed_response),
                    issue.stage_id.name or "",
                ],
            )
        ]
