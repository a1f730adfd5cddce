# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.osv import expression

from .srm_report_builder import NOT_CONTACTED_DAYS, column

NO_SLA = [None, 0, 0, 0, None, 0, 0, None, 0, None, 0]


class SrmReportKindMonthlySummary(models.AbstractModel):
    """Key figures of a period (usually a month) and what needs attention."""

    _name = "srm.report.kind.monthly_summary"
    _inherit = "srm.report.builder"
    _description = "SRM Report: Monthly Summary"
    _report_kind = "monthly_summary"

    @api.model
    def _report_base_domains(self, filters):
        """The engagements of the period and the follow-ups due, the commitments and
        grievances of the key figures (and of the lists of overdue commitments and open
        grievances, which they include)."""
        return [
            ("srm.engagement", self._engagement_domain(filters)),
            ("srm.engagement", self._monthly_follow_up_domain(filters)),
        ] + [
            (model, expression.OR(list(domains.values())))
            for model, domains in self._monthly_figure_domains(filters).items()
        ]

    @api.model
    def _build_report(self, filters):
        _ = self.env._
        Engagement = self.env["srm.engagement"]
        domain = self._engagement_domain(filters)
        count = Engagement.search_count(domain)
        items = self._monthly_items(filters, domain, count) + self._monthly_extra_items(filters)
        by_type = Engagement._read_group(domain, ["engagement_type_id"], ["__count"])
        topics = Engagement._read_group(domain, ["topic_ids"], ["__count"])
        follow_ups = self._monthly_follow_ups(filters)
        extra = self._monthly_extra_sections(filters)
        return {
            "title": _("Monthly summary"),
            "record_count": count,
            # the engagements of the period, the follow-ups listed, and the commitments and
            # grievances the key figures count
            "confidential_count": self._confidential_count("srm.engagement", domain)
            + self._sections_confidential_count([follow_ups, *extra])
            + self._monthly_figures_confidential_count(filters),
            "sections": [
                self._fields_section("key_figures", _("Key figures"), items),
                self._section(
                    "by_type",
                    _("Engagements by type"),
                    self._count_columns(
                        column("engagement_type", _("Type"), "char", 25), _("Engagements"), share=False
                    ),
                    [[etype.name, n] for etype, n in sorted(by_type, key=lambda g: -g[1])],
                    totals=self._count_totals("engagement_type", count, share=False),
                ),
                self._section(
                    "topics",
                    _("Topics raised"),
                    self._count_columns(column("topic", _("Topic"), "char", 25), _("Times raised"), share=False),
                    [[topic.name, n] for topic, n in sorted(topics, key=lambda g: -g[1]) if topic],
                ),
                follow_ups,
                *extra,
            ],
            "highlights": [{"label": label, "value": value, "type": ctype} for label, value, ctype in items],
        }

    @api.model
    def _monthly_items(self, filters, domain, count):
        """(label, value, type) of the engagement and stakeholder figures."""
        _ = self.env._
        Partner = self.env["res.partner"]
        engaged = Partner.search_count([("srm_engagement_ids", "any", domain)])
        sentiment = self._sentiment_by_month(domain)
        rated = sum(total for total, _avg in sentiment.values())
        avg = sum(total * avg for total, avg in sentiment.values()) / rated if rated else None
        stakeholder_domain = self._stakeholder_domain(dict(filters, partner_ids=[]))
        not_contacted = Partner.search_count(expression.AND([stakeholder_domain, self._not_contacted_domain()]))
        start, end = self._period_bounds(filters)
        created = [
            ("create_date", ">=", fields.Datetime.to_string(start)),
            ("create_date", "<", fields.Datetime.to_string(end)),
        ]
        return [
            (_("Engagements"), count, "integer"),
            (_("Stakeholders engaged"), engaged, "integer"),
            (_("New stakeholders"), Partner.search_count(expression.AND([stakeholder_domain, created])), "integer"),
            (_("Average sentiment"), avg, "float"),
            (_("Stakeholders not contacted in %s days", NOT_CONTACTED_DAYS), not_contacted, "integer"),
        ]

    @api.model
    def _monthly_follow_up_domain(self, filters):
        """Engagements whose follow-up is due by the end of the period."""
        due = [
            ("follow_up_needed", "=", True),
            ("follow_up_date", "!=", False),
            ("follow_up_date", "<=", filters["date_to"]),
        ]
        return expression.AND([self._secured_domain(filters), due])

    @api.model
    def _monthly_follow_ups(self, filters):
        """Engagements whose follow-up is due by the end of the period (the first 200)."""
        _ = self.env._
        follow_ups = self.env["srm.engagement"].search(
            self._monthly_follow_up_domain(filters), order="follow_up_date, id", limit=200
        )
        return self._records_section(
            "follow_ups",
            _("Follow-ups due"),
            self._columns(
                "engagement",
                ["follow_up_date", "subject", "stakeholders", "responsible"],
                subject={"label": _("Engagement"), "width": 30},
                stakeholders={"width": 30},
            ),
            follow_ups,
            lambda eng: [
                eng.follow_up_date,
                eng.name,
                ", ".join(eng.partner_ids.mapped("display_name")),
                eng.user_id.name or "",
            ],
        )

    @api.model
    def _monthly_figure_domains(self, filters):
        """{model: {figure: domain}} of the commitment and grievance figures: the commitments
        due and fulfilled in the period and overdue today, the grievances received in the
        period and open today."""
        project_domain = self._secured_domain(dict(filters, partner_ids=[]))
        period = [filters["date_from"], filters["date_to"]]
        fulfilled = [
            ("state", "=", "fulfilled"),
            ("date_fulfilled", ">=", period[0]),
            ("date_fulfilled", "<=", period[1]),
        ]
        return {
            "srm.commitment": {
                "due": expression.AND([project_domain, [("date_due", ">=", period[0]), ("date_due", "<=", period[1])]]),
                "fulfilled": expression.AND([project_domain, fulfilled]),
                "overdue": expression.AND([project_domain, [("is_overdue", "=", True)]]),
            },
            "srm.issue": {
                "received": self._issue_domain(filters),
                "open": expression.AND([project_domain, [("is_closed", "=", False)]]),
            },
        }

    @api.model
    def _monthly_extra_items(self, filters):
        """(label, value, type) of the commitment and grievance figures."""
        _ = self.env._
        Issue = self.env["srm.issue"]
        Commitment = self.env["srm.commitment"]
        figures = self._monthly_figure_domains(filters)
        commitments, issues = figures["srm.commitment"], figures["srm.issue"]
        [sla] = self._sla_rows(issues["received"]) or [NO_SLA]
        return [
            (_("Commitments due in the period"), Commitment.search_count(commitments["due"]), "integer"),
            (_("Commitments fulfilled in the period"), Commitment.search_count(commitments["fulfilled"]), "integer"),
            (_("Commitments overdue today"), Commitment.search_count(commitments["overdue"]), "integer"),
            (_("Grievances received"), sla[1], "integer"),
            (_("Acknowledged on time"), sla[4], "percent"),
            (_("Resolved on time"), sla[7], "percent"),
            (_("Grievances open today"), Issue.search_count(issues["open"]), "integer"),
            (
                _("Open grievances past a deadline"),
                Issue.search_count(expression.AND([issues["open"], [("is_sla_breached", "=", True)]])),
                "integer",
            ),
        ]

    @api.model
    def _monthly_figures_confidential_count(self, filters):
        """Confidential commitments and grievances the key figures count."""
        return sum(
            self._confidential_count(model, expression.OR(list(domains.values())))
            for model, domains in self._monthly_figure_domains(filters).items()
        )

    @api.model
    def _monthly_extra_sections(self, filters):
        """Overdue commitments and open grievances (the first 200 of each)."""
        _ = self.env._
        project_domain = self._secured_domain(dict(filters, partner_ids=[]))
        issues = self.env["srm.issue"].search(
            expression.AND([project_domain, [("is_closed", "=", False)]]), order="date_next_due, id", limit=200
        )
        overdue = self.env["srm.commitment"].search(
            expression.AND([project_domain, [("is_overdue", "=", True)]]), order="date_due, id", limit=200
        )
        return [
            self._records_section(
                "overdue_commitments",
                _("Overdue commitments"),
                self._columns("commitment", ["reference", "title", "owner", "due_date"]),
                overdue,
                lambda commitment: [
                    commitment.reference or "",
                    commitment.name,
                    commitment.user_id.name or "",
                    commitment.date_due,
                ],
            ),
            self._records_section(
                "open_grievances",
                _("Open grievances"),
                self._columns("issue", ["reference", "received", "subject", "stage", "next_due", "sla_breached"]),
                issues,
                lambda issue: [
                    issue.reference,
                    self._to_local(issue.date_received),
                    issue.name,
                    issue.stage_id.name or "",
                    self._to_local(issue.date_next_due),
                    issue.is_sla_breached,
                ],
            ),
        ]
