# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools import SQL
from odoo.tools.misc import format_date

from .srm_report_builder import NOT_CONTACTED_DAYS

# power/interest grid, as drawn: high power on top, high interest on the right
GRID = [
    ["keep_satisfied", "manage_closely"],
    ["monitor", "keep_informed"],
]


class SrmDashboard(models.AbstractModel):
    """Figures of the SRM Overview client action.

    ``get_data`` is the only entry point of the dashboard; every figure is a
    ``_read_group`` made as the current user (record rules apply) and carries
    the model and domain of the records behind it, which the client opens
    when the figure is clicked.
    """

    _name = "srm.dashboard"
    _description = "SRM Overview"

    @api.model
    def _dashboard_filters(self, filters):
        filters = filters or {}
        today = fields.Date.context_today(self)
        try:
            date_from = fields.Date.to_date(filters.get("date_from")) if filters.get("date_from") else None
            date_to = fields.Date.to_date(filters.get("date_to")) if filters.get("date_to") else None
        except ValueError as exc:
            raise UserError(self.env._("The period of the overview is not a valid date.")) from exc
        if not date_from and not date_to:
            date_to = today
            date_from = (today - relativedelta(months=11)).replace(day=1)
        if date_from and date_to and date_to < date_from:
            raise UserError(
                self.env._(
                    "The period ends (%(end)s) before it starts (%(start)s): swap the dates.",
                    start=format_date(self.env, date_from),
                    end=format_date(self.env, date_to),
                )
            )
        return {
            "project_ids": sorted({int(pid) for pid in filters.get("project_ids") or []}),
            "date_from": fields.Date.to_string(date_from) if date_from else False,
            "date_to": fields.Date.to_string(date_to) if date_to else False,
        }

    @api.model
    def _figure(self, key, label, value, model, domain, **extra):
        return dict(key=key, label=label, value=value, model=model, domain=domain, **extra)

    @api.model
    def _count(self, model, domain):
        [(count,)] = self.env[model]._read_group(domain, [], ["__count"])
        return count

    @api.model
    def get_data(self, filters=None):
        """All the figures of the overview for ``filters`` (project_ids, date_from, date_to)."""
        builder = self.env["srm.report.builder"]
        tz = builder._tz().zone
        self = self.with_context(tz=tz)
        builder = builder.with_context(tz=tz)
        flt = self._dashboard_filters(filters)
        _ = self.env._
        day_field = self._engagement_day_field(tz)
        eng_domain = self._engagement_period_domain(builder, flt, day_field)
        stk_domain = builder._stakeholder_domain(flt)
        not_contacted_domain = expression.AND([stk_domain, builder._not_contacted_domain()])
        projects = self.env["srm.project"].search_fetch([], ["display_name"])
        # one grouping of the engagements gives the months, the types and the
        # sentiment; one per stakeholder domain gives the grid and its total
        eng_groups = self._engagement_groups(eng_domain, day_field)
        by_quadrant, not_contacted_by_quadrant = self._stakeholders_by_quadrant(stk_domain)
        grid = self._power_interest_grid(stk_domain, by_quadrant)
        not_contacted_grid = self._power_interest_grid(not_contacted_domain, not_contacted_by_quadrant)
        data = {
            "filters": flt,
            "projects": [{"id": p.id, "name": p.display_name} for p in projects],
            "views": self._views(),
            "kpis": [
                self._figure(
                    "engagements",
                    _("Engagements"),
                    sum(count for _month, _etype, count, _rated, _total in eng_groups),
                    "srm.engagement",
                    eng_domain,
                ),
                self._figure(
                    "stakeholders",
                    _("Stakeholders"),
                    sum(cell["value"] for row in grid for cell in row),
                    "res.partner",
                    stk_domain,
                ),
                self._figure(
                    "not_contacted",
                    _("Not contacted in %s days", NOT_CONTACTED_DAYS),
                    sum(cell["value"] for row in not_contacted_grid for cell in row),
                    "res.partner",
                    not_contacted_domain,
                ),
            ],
            "engagements_by_month": self._engagements_by_month(builder, eng_domain, eng_groups, day_field),
            "sentiment": self._sentiment_trend(builder, eng_domain, eng_groups, day_field),
            "grid": grid,
            "not_contacted_by_quadrant": not_contacted_grid,
        }
        self._add_extra_figures(data, builder, flt)
        return data

    @api.model
    def _engagement_day_field(self, tz):
        """The field to group engagements by month on in time zone ``tz``.

        ``date_local`` (the stored day of each engagement in its company's time
        zone, indexed) when every company shown keeps it in ``tz``; otherwise
        the engagement's datetime, converted to ``tz`` row by row.
        """
        if all(company.partner_id._srm_timezone().zone == tz for company in self.env.companies):
            return "date_local"
        return "date"

    @api.model
    def _engagement_period_domain(self, builder, flt, day_field):
        if day_field == "date":
            return builder._engagement_domain(flt)
        domain = builder._engagement_domain(dict(flt, date_from=False, date_to=False))
        period = []
        if flt["date_from"]:
            period.append((day_field, ">=", flt["date_from"]))
        if flt["date_to"]:
            period.append((day_field, "<=", flt["date_to"]))
        return period + domain

    @api.model
    def _month_domain(self, builder, day_field, month):
        if day_field == "date":
            return builder._month_domain("date", month)
        return [
            (day_field, ">=", fields.Date.to_string(month)),
            (day_field, "<", fields.Date.to_string(month + relativedelta(months=1))),
        ]

    @api.model
    def _engagement_groups(self, domain, day_field):
        """[(month, engagement type, engagements, rated, sum of sentiments)] of the
        engagements of ``domain``, from one grouping by month and type.

        The engagements are selected by the ORM (``_search``: record rules and
        companies apply); the sentiment is summed in the same pass instead of being a
        third grouping key, so the database returns a row per month and type and can
        share the scan between its workers as a hand-written query would.
        """
        Engagement = self.env["srm.engagement"]
        query = Engagement._search(domain)
        month = Engagement._read_group_groupby(f"{day_field}:month", query)
        etype = Engagement._read_group_groupby("engagement_type_id", query)
        sentiment = SQL("NULLIF(%s, '')::int", Engagement._field_to_sql(query.table, "sentiment", query))
        query.groupby = SQL("%s, %s", month, etype)
        rows = self.env.execute_query(
            query.select(month, etype, SQL("COUNT(*)"), SQL("COUNT(%s)", sentiment), SQL("SUM(%s)", sentiment))
        )
        if not rows:
            return []
        months, etypes, counts, rated, sums = zip(*rows, strict=True)
        months = Engagement._read_group_postprocess_groupby(f"{day_field}:month", months)
        etypes = Engagement._read_group_postprocess_groupby("engagement_type_id", etypes)
        builder = self.env["srm.report.builder"]
        return [
            (builder._month_key(m), t, count, n_rated, total or 0)
            for m, t, count, n_rated, total in zip(months, etypes, counts, rated, sums, strict=True)
        ]

    @api.model
    def _count(self, model, domain):
        [(count,)] = self.env[model]._read_group(domain, [], ["__count"])
        return count

    @api.model
    def _views(self):
        partner_list = self.env.ref("srm_base.res_partner_view_list_stakeholder", raise_if_not_found=False)
        return {
            "res.partner": [[partner_list.id if partner_list else False, "list"], [False, "form"]],
            "srm.engagement": [[False, "list"], [False, "form"]],
        }

    @api.model
    def _add_extra_figures(self, data, builder, flt):
        """Issue and commitment figures: the state today of the chosen projects."""
        data["issues"] = self._issue_figures(builder, flt)
        data["commitments"] = self._commitment_figures(flt)

    @api.model
    def _commitment_figures(self, flt):
        """Commitments overdue today, in total and per project."""
        domain = [("is_overdue", "=", True)]
        if flt["project_ids"]:
            domain.append(("project_id", "in", flt["project_ids"]))
        groups = self.env["srm.commitment"]._read_group(domain, ["project_id"], ["__count"])
        no_project = self.env._("No project")
        by_project = [
            self._figure(
                f"commitments_overdue_{project.id or 0}",
                project.display_name or no_project,
                count,
                "srm.commitment",
                expression.AND([domain, [("project_id", "=", project.id or False)]]),
            )
            for project, count in sorted(groups, key=lambda g: (-g[1], g[0].display_name or ""))
        ]
        return {
            "overdue": self._figure(
                "commitments_overdue",
                self.env._("Overdue commitments"),
                sum(count for _project, count in groups),
                "srm.commitment",
                domain,
            ),
            "by_project": by_project,
        }

    @api.model
    def _issue_figures(self, builder, flt):
        """Open issues by severity (rows, most severe first) and service-level status."""
        _ = self.env._
        Issue = self.env["srm.issue"]
        domain = [("is_closed", "=", False)]
        if flt["project_ids"]:
            domain.append(("project_id", "in", flt["project_ids"]))
        soon = fields.Datetime.to_string(fields.Datetime.now() + relativedelta(days=7))
        statuses = [
            ("breached", _("Past a deadline"), [("is_sla_breached", "=", True)]),
            (
                "due_soon",
                _("Due within 7 days"),
                [("is_sla_breached", "=", False), ("date_next_due", "!=", False), ("date_next_due", "<=", soon)],
            ),
            (
                "on_track",
                _("On track"),
                [("is_sla_breached", "=", False), "|", ("date_next_due", "=", False), ("date_next_due", ">", soon)],
            ),
        ]
        severities = Issue._fields["severity"]._description_selection(self.env)
        # one pass over the open issues: the statuses split them, so each severity's
        # breached and due-soon issues are counted together and the rest is on track
        counts = {key: defaultdict(int) for key, _label, _domain in statuses}
        by_severity = defaultdict(int)
        query = Issue._search(domain)
        severity_sql = Issue._field_to_sql(query.table, "severity", query)
        breached = SQL("COALESCE(%s, FALSE)", Issue._field_to_sql(query.table, "is_sla_breached", query))
        next_due = Issue._field_to_sql(query.table, "date_next_due", query)
        query.groupby = severity_sql
        rows = self.env.execute_query(
            query.select(
                severity_sql,
                SQL("COUNT(*)"),
                SQL("COUNT(*) FILTER (WHERE %s)", breached),
                SQL("COUNT(*) FILTER (WHERE NOT %s AND %s <= %s)", breached, next_due, soon),
            )
        )
        for severity, total, n_breached, n_due_soon in rows:
            by_severity[severity] = total
            counts["breached"][severity] = n_breached
            counts["due_soon"][severity] = n_due_soon
            counts["on_track"][severity] = total - n_breached - n_due_soon
        rows = []
        for severity, label in reversed(severities):
            if not by_severity.get(severity):
                continue
            rows.append(
                {
                    "label": label,
                    "cells": [
                        self._figure(
                            f"issue_{severity}_{key}",
                            f"{label} — {status_label}",
                            counts[key].get(severity, 0),
                            "srm.issue",
                            expression.AND([domain, status_domain, [("severity", "=", severity)]]),
                        )
                        for key, status_label, status_domain in statuses
                    ],
                    "total": self._figure(
                        f"issue_{severity}",
                        label,
                        by_severity[severity],
                        "srm.issue",
                        expression.AND([domain, [("severity", "=", severity)]]),
                    ),
                }
            )
        return {
            "open": self._figure("open_issues", _("Open issues"), sum(by_severity.values()), "srm.issue", domain),
            "sla_labels": [label for _key, label, _domain in statuses],
            "rows": rows,
        }

    @api.model
    def _engagements_by_month(self, builder, domain, groups, day_field):
        counts = defaultdict(int)
        for month, etype, n, _rated, _total in groups:
            counts[month, etype] += n
        months = sorted({month for month, _etype in counts})
        types = sorted({etype for _month, etype in counts}, key=lambda t: (t.sequence, t.name))
        month_domains = {month: self._month_domain(builder, day_field, month) for month in months}
        datasets = []
        for etype in types:
            datasets.append(
                {
                    "label": etype.name,
                    "type_id": etype.id,
                    "color": etype.color or 0,
                    "cells": [
                        self._figure(
                            f"eng_{month}_{etype.id}",
                            f"{etype.name} — {format_date(self.env, month, date_format='MMMM y')}",
                            counts.get((month, etype), 0),
                            "srm.engagement",
                            expression.AND([domain, month_domains[month], [("engagement_type_id", "=", etype.id)]]),
                        )
                        for month in months
                    ],
                }
            )
        return {
            "labels": [format_date(self.env, month, date_format="MMM y") for month in months],
            "months": [fields.Date.to_string(month) for month in months],
            "datasets": datasets,
            "totals": [
                self._figure(
                    f"eng_{month}",
                    format_date(self.env, month, date_format="MMMM y"),
                    sum(counts.get((month, etype), 0) for etype in types),
                    "srm.engagement",
                    expression.AND([domain, month_domains[month]]),
                )
                for month in months
            ],
        }

    @api.model
    def _sentiment_trend(self, builder, domain, groups, day_field):
        by_month = defaultdict(lambda: [0, 0])
        for month, _etype, _count, rated, total in groups:
            if rated:
                by_month[month][0] += rated
                by_month[month][1] += total
        points = []
        for month in sorted(by_month):
            count, weighted = by_month[month]
            points.append(
                self._figure(
                    f"sentiment_{month}",
                    format_date(self.env, month, date_format="MMM y"),
                    round(weighted / count, 2) if count else None,
                    "srm.engagement",
                    expression.AND(
                        [domain, self._month_domain(builder, day_field, month), [("sentiment", "!=", False)]]
                    ),
                    count=count,
                )
            )
        return points

    @api.model
    def _stakeholders_by_quadrant(self, domain):
        """({quadrant: stakeholders}, {quadrant: those not contacted lately}) of ``domain``
        in one pass: the stakeholders are selected by the ORM (``_search``: record rules
        and companies apply), the two counts are taken together."""
        # the last engagement the user reads: from the engagements they may read
        # (srm.scoped.figures.mixin)
        Partner = self.env["res.partner"]._srm_scoped_for_domain(domain, ["srm_last_engagement_date"])
        query = Partner._search(domain)
        limit = fields.Datetime.now() - relativedelta(days=NOT_CONTACTED_DAYS)
        last = Partner._field_to_sql(query.table, "srm_last_engagement_date", query)
        quadrant = Partner._field_to_sql(query.table, "srm_quadrant", query)
        rows = self.env.execute_query(
            SQL(
                "SELECT %s, COUNT(*), COUNT(*) FILTER (WHERE %s IS NULL OR %s < %s) FROM %s WHERE %s GROUP BY 1",
                quadrant,
                last,
                last,
                limit,
                query.from_clause,
                query.where_clause or SQL("TRUE"),
            )
        )
        return {row[0]: row[1] for row in rows}, {row[0]: row[2] for row in rows}

    @api.model
    def _power_interest_grid(self, domain, counts):
        Partner = self.env["res.partner"]
        labels = dict(Partner._fields["srm_quadrant"]._description_selection(self.env))
        return [
            [
                self._figure(
                    quadrant,
                    labels[quadrant],
                    counts.get(quadrant, 0),
                    "res.partner",
                    expression.AND([domain, [("srm_quadrant", "=", quadrant)]]),
                )
                for quadrant in row
            ]
            for row in GRID
        ]
