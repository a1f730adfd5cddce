# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.osv import expression

from .srm_report_builder import column

ISSUE_FIELDS = [
    "reference", "date_received", "kind", "category_id", "channel", "project_id", "name",
    "complainant_display", "is_sensitive", "is_anonymous", "partner_ids", "severity", "stage_id",
    "user_id", "date_ack_due", "date_acknowledged", "ack_on_time_rate", "date_resolution_due", "date_resolved",
    "is_resolution_breached", "date_closed", "close_days", "is_sla_breached", "outcome",
    "satisfaction", "description", "resolution", "is_confidential",
]  # fmt: skip
# keys of the totals of _sla_rows (its first value is the group)
SLA_KEYS = [
    "count", "acknowledged", "acknowledged_on_time", "acknowledged_share", "resolved",
    "resolved_on_time", "resolved_share", "closed", "days_to_close", "breached",
]  # fmt: skip
NO_SLA = [None, 0, 0, 0, None, 0, 0, None, 0, None, 0]


class SrmReportKindGrievanceLog(models.AbstractModel):
    """Issues and grievances received in the period, with their service levels."""

    _name = "srm.report.kind.grievance_log"
    _inherit = "srm.report.builder"
    _description = "SRM Report: Grievance Log"
    _report_kind = "grievance_log"
    _report_landscape = True

    @api.model
    def _report_base_domains(self, filters):
        return [("srm.issue", self._issue_domain(filters))]

    @api.model
    def _build_report(self, filters):
        _ = self.env._
        Issue = self.env["srm.issue"]
        domain = self._issue_domain(filters)
        count = Issue.search_count(domain)
        protect = self._protect_identities(filters)
        sla_total = dict(zip(SLA_KEYS, (self._sla_rows(domain) or [NO_SLA])[0][1:], strict=True))
        open_count = Issue.search_count(expression.AND([domain, [("is_closed", "=", False)]]))
        return {
            "title": _("Grievance log"),
            "note": _("Issues and grievances of every kind received in the period, with their service levels."),
            "record_count": count,
            "confidential_count": self._confidential_count("srm.issue", domain),
            "protected_count": 0 if protect else self._grievance_named_count(domain),
            "sections": [
                self._section(
                    "grievances",
                    _("Grievances"),
                    self._grievance_columns(),
                    self._grievance_rows(domain, protect),
                    count=count,
                    totals={"reference": _("Total: %s", count)},
                ),
                *self._grievance_sla_sections(domain, sla_total),
            ],
            "highlights": [
                {"label": _("Received"), "value": count, "type": "integer"},
                {"label": _("Acknowledged on time"), "value": sla_total["acknowledged_share"], "type": "percent"},
                {"label": _("Resolved on time"), "value": sla_total["resolved_share"], "type": "percent"},
                {"label": _("Average days to close"), "value": sla_total["days_to_close"], "type": "float"},
                {"label": _("Still open"), "value": open_count, "type": "integer"},
                {"label": _("Service level breached"), "value": sla_total["breached"], "type": "integer"},
            ],
        }

    @api.model
    def _grievance_named_count(self, domain):
        """Sensitive issues whose complainant the log names."""
        named = [("is_sensitive", "=", True), ("is_anonymous", "=", False), ("complainant_partner_id", "!=", False)]
        return self.env["srm.issue"].search_count(expression.AND([domain, named]))

    @api.model
    def _grievance_columns(self):
        keys = [
            "reference", "received", "kind", "category", "channel", "project", "subject", "complainant",
            "stakeholders", "severity", "stage", "assigned", "ack_due", "acknowledged", "acknowledged_on_time",
            "resolution_due", "resolved", "resolved_on_time", "closed", "days_to_close", "sla_breached",
            "outcome", "satisfaction", "description", "resolution",
        ]  # fmt: skip
        hidden = {
            "kind", "channel", "project", "stakeholders", "assigned", "ack_due", "acknowledged", "resolution_due",
            "resolved", "closed", "sla_breached", "outcome", "satisfaction", "description",
        }  # fmt: skip
        return self._columns("issue", self._with_confidential(keys), hidden=hidden)

    @api.model
    def _grievance_rows(self, domain, protect):
        """Rows of the issues (lazily, a batch at a time)."""
        kinds = self._labels("srm.issue", "kind")
        channels = self._labels("srm.issue", "channel")
        severities = self._labels("srm.issue", "severity")
        outcomes = self._labels("srm.issue", "outcome")
        satisfaction = self._labels("srm.issue", "satisfaction")
        with_confidential = self._user_sees_confidential()

        def rows():
            for issues in self._iter_keyset("srm.issue", domain, ISSUE_FIELDS, "date_received"):
                complainants = self._protected_complainants(issues)
                for issue in issues:
                    row = [
                        issue.reference,
                        self._to_local(issue.date_received),
                        kinds.get(issue.kind, ""),
                        issue.category_id.name or "",
                        channels.get(issue.channel, ""),
                        issue.project_id.display_name or "",
                        issue.name,
                        self._issue_complainant(issue, protect),
                        self._issue_stakeholders(issue, complainants),
                        severities.get(issue.severity, ""),
                        issue.stage_id.name or "",
                        issue.user_id.name or "",
                        self._to_local(issue.date_ack_due),
                        self._to_local(issue.date_acknowledged),
                        issue.ack_on_time_rate >= 100 if issue.date_acknowledged else None,
                        self._to_local(issue.date_resolution_due),
                        self._to_local(issue.date_resolved),
                        not issue.is_resolution_breached if issue.date_resolved else None,
                        self._to_local(issue.date_closed),
                        issue.close_days if issue.date_closed else None,
                        issue.is_sla_breached,
                        outcomes.get(issue.outcome, ""),
                        satisfaction.get(issue.satisfaction, ""),
                        self._issue_text(issue.description),
                        self._issue_text(issue.resolution),
                    ]
                    if with_confidential:
                        row.append(issue.is_confidential)
                    yield row

        return rows

    @api.model
    def _grievance_sla_sections(self, domain, sla_total):
        """Service levels by category and by month received."""
        _ = self.env._
        uncategorised = _("Uncategorised")
        by_category = sorted(
            ([row[0].name if row[0] else uncategorised] + row[1:] for row in self._sla_rows(domain, "category_id")),
            key=lambda row: (row[0] == uncategorised, row[0]),
        )
        by_month = sorted(
            ([self._month_key(row[0])] + row[1:] for row in self._sla_rows(domain, "date_received:month")),
            key=lambda row: row[0],
        )
        return [
            self._section(
                "sla_by_category",
                _("Service levels by category"),
                self._sla_columns(column("category", _("Category"), "char", 24)),
                by_category,
                totals=dict(sla_total, category=_("Total")),
            ),
            self._section(
                "sla_by_month",
                _("Service levels by month"),
                self._sla_columns(column("month", _("Month received"), "month", 16)),
                by_month,
                totals=dict(sla_total, month=_("Total")),
            ),
        ]
