# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.osv import expression

from .srm_report_builder import column


class SrmReportKindEngagementLog(models.AbstractModel):
    """Every engagement of the period, with totals by type, month and project."""

    _name = "srm.report.kind.engagement_log"
    _inherit = "srm.report.builder"
    _description = "SRM Report: Engagement Log"
    _report_kind = "engagement_log"
    _report_landscape = True

    @api.model
    def _build_report(self, filters):
        _ = self.env._
        Engagement = self.env["srm.engagement"]
        domain = self._engagement_domain(filters)
        count = Engagement.search_count(domain)
        confidential = Engagement.search_count(expression.AND([domain, [("is_confidential", "=", True)]]))
        [(duration,)] = Engagement._read_group(domain, [], ["duration:sum"])
        duration = duration or 0.0
        stakeholders = self.env["res.partner"].search_count([("srm_engagement_ids", "any", domain)])
        by_type = Engagement._read_group(domain, ["engagement_type_id"], ["__count", "duration:sum"])
        by_month = Engagement._read_group(domain, ["date:month"], ["__count"], order="date:month")
        sentiment = self._sentiment_by_month(domain)
        by_project = Engagement._read_group(domain, ["project_id"], ["__count"])
        columns = self._engagement_columns()
        sections = [
            self._section(
                "engagements",
                _("Engagements"),
                columns,
                lambda: self._iter_engagement_rows(domain),
                count=count,
                totals={"subject": _("Total: %s engagements", count), "duration": duration},
            ),
            self._section(
                "by_type",
                _("By type"),
                [
                    column("engagement_type", _("Type"), "char", 25),
                    column("count", _("Engagements"), "integer", 14),
                    column("share", _("Share"), "percent", 10),
                    column("duration", _("Duration (h)"), "float", 14),
                ],
                [
                    [etype.name, n, self._share(n, count), dur or 0.0]
                    for etype, n, dur in sorted(by_type, key=lambda g: -g[1])
                ],
                totals={
                    "engagement_type": _("Total"),
                    "count": count,
                    "share": 1.0 if count else 0.0,
                    "duration": duration,
                },
            ),
            self._section(
                "by_month",
                _("By month"),
                [
                    column("month", _("Month"), "month", 16),
                    column("count", _("Engagements"), "integer", 14),
                    column("sentiment", _("Average sentiment"), "float", 16),
                ],
                [
                    [self._month_key(month), n, sentiment.get(self._month_key(month), (0, None))[1]]
                    for month, n in by_month
                ],
                totals={"month": _("Total"), "count": count},
            ),
            self._section(
                "by_project",
                _("By project"),
                [
                    column("project", _("Project"), "char", 30),
                    column("count", _("Engagements"), "integer", 14),
                    column("share", _("Share"), "percent", 10),
                ],
                [
                    [project.display_name or _("No project"), n, self._share(n, count)]
                    for project, n in sorted(by_project, key=lambda g: -g[1])
                ],
                totals={"project": _("Total"), "count": count, "share": 1.0 if count else 0.0},
            ),
        ]
        return {
            "title": _("Engagement log"),
            "record_count": count,
            "confidential_count": confidential,
            "sections": sections,
            "highlights": [
                {"label": _("Engagements"), "value": count, "type": "integer"},
                {"label": _("Stakeholders engaged"), "value": stakeholders, "type": "integer"},
                {"label": _("Hours of engagement"), "value": duration, "type": "float"},
            ],
        }
