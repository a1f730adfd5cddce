# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from .srm_report_builder import column


class SrmReportKindEngagementLog(models.AbstractModel):
    """Every engagement of the period, with totals by type, month and project."""

    _name = "srm.report.kind.engagement_log"
    _inherit = "srm.report.builder"
    _description = "SRM Report: Engagement Log"
    _report_kind = "engagement_log"
    _report_landscape = True

    @api.model
    def _report_base_domains(self, filters):
        return [("srm.engagement", self._engagement_domain(filters))]

    @api.model
    def _build_report(self, filters):
        _ = self.env._
        Engagement = self.env["srm.engagement"]
        domain = self._engagement_domain(filters)
        count = Engagement.search_count(domain)
        [(duration,)] = Engagement._read_group(domain, [], ["duration:sum"])
        duration = duration or 0.0
        stakeholders = self.env["res.partner"].search_count([("srm_engagement_ids", "any", domain)])
        return {
            "title": _("Engagement log"),
            "record_count": count,
            "confidential_count": self._confidential_count("srm.engagement", domain),
            "sections": [
                self._section(
                    "engagements",
                    _("Engagements"),
                    self._engagement_columns(),
                    lambda: self._iter_engagement_rows(domain),
                    count=count,
                    totals={"subject": _("Total: %s engagements", count), "duration": duration},
                ),
                self._log_by_type(domain, count, duration),
                self._log_by_month(domain, count),
                self._log_by_project(domain, count),
            ],
            "highlights": [
                {"label": _("Engagements"), "value": count, "type": "integer"},
                {"label": _("Stakeholders engaged"), "value": stakeholders, "type": "integer"},
                {"label": _("Hours of engagement"), "value": duration, "type": "float"},
            ],
        }

    @api.model
    def _log_by_type(self, domain, count, duration):
        _ = self.env._
        by_type = self.env["srm.engagement"]._read_group(domain, ["engagement_type_id"], ["__count", "duration:sum"])
        return self._section(
            "by_type",
            _("By type"),
            self._count_columns(column("engagement_type", _("Type"), "char", 25), _("Engagements"))
            + [column("duration", _("Duration (h)"), "float", 14)],
            [
                [etype.name, n, self._share(n, count), dur or 0.0]
                for etype, n, dur in sorted(by_type, key=lambda g: -g[1])
            ],
            totals=self._count_totals("engagement_type", count, duration=duration),
        )

    @api.model
    def _log_by_month(self, domain, count):
        _ = self.env._
        by_month = self.env["srm.engagement"]._read_group(domain, ["date:month"], ["__count"], order="date:month")
        sentiment = self._sentiment_by_month(domain)
        return self._section(
            "by_month",
            _("By month"),
            self._count_columns(column("month", _("Month"), "month", 16), _("Engagements"), share=False)
            + [column("sentiment", _("Average sentiment"), "float", 16)],
            [[self._month_key(month), n, sentiment.get(self._month_key(month), (0, None))[1]] for month, n in by_month],
            totals=self._count_totals("month", count, share=False),
        )

    @api.model
    def _log_by_project(self, domain, count):
        _ = self.env._
        by_project = self.env["srm.engagement"]._read_group(domain, ["project_id"], ["__count"])
        return self._section(
            "by_project",
            _("By project"),
            self._count_columns(column("project", _("Project"), "char", 30), _("Engagements")),
            [
                [project.display_name or _("No project"), n, self._share(n, count)]
                for project, n in sorted(by_project, key=lambda g: -g[1])
            ],
            totals=self._count_totals("project", count),
        )
