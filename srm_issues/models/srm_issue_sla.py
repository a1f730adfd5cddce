# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError

SEVERITIES = [
    ("1", "Minor"),
    ("2", "Moderate"),
    ("3", "Major"),
    ("4", "Severe"),
]

DELAY_UNITS = [
    ("hours", "Hours"),
    ("working_hours", "Working hours"),
    ("days", "Calendar days"),
    ("working_days", "Working days"),
]


class SrmIssueSla(models.Model):
    """Service level of the grievance procedure for a severity (and optionally a category).

    The rule applying to an issue is the most specific one: a rule of the issue's
    category wins over a rule for every category, a rule of the issue's company over
    a rule for every company. Due dates are computed once, when the rule is chosen:
    editing a rule does not move the deadlines of issues already received.
    """

    _name = "srm.issue.sla"
    _description = "Issue Service Level"
    _order = "severity desc, category_id, sequence, id"

    name = fields.Char(compute="_compute_name", store=True, readonly=False, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", index=True, help="Leave empty for a rule used by every company."
    )
    category_id = fields.Many2one(
        "srm.issue.category",
        ondelete="cascade",
        help="Leave empty for a rule used by every category.",
    )
    severity = fields.Selection(SEVERITIES, required=True, default="2")
    ack_delay = fields.Float(string="Acknowledge Within", required=True, default=5)
    ack_unit = fields.Selection(DELAY_UNITS, required=True, default="working_days")
    investigation_delay = fields.Float(string="Investigate Within", required=True, default=15)
    investigation_unit = fields.Selection(DELAY_UNITS, required=True, default="working_days")
    resolution_delay = fields.Float(string="Resolve Within", required=True, default=30)
    resolution_unit = fields.Selection(DELAY_UNITS, required=True, default="days")

    @api.depends("severity", "category_id")
    def _compute_name(self):
        severities = dict(self._fields["severity"]._description_selection(self.env))
        for sla in self:
            if sla.name:
                continue
            sla.name = " / ".join(
                filter(None, [sla.category_id.name, severities.get(sla.severity)])
            )

    @api.constrains("ack_delay", "investigation_delay", "resolution_delay")
    def _check_delays(self):
        for sla in self:
            if min(sla.ack_delay, sla.investigation_delay, sla.resolution_delay) <= 0:
                raise ValidationError(
                    self.env._("The delays of the service level “%s” must be positive.", sla.display_name)
                )

    # ------------------------------------------------------------------
    # Rule selection
    # ------------------------------------------------------------------

    @api.model
    def _srm_match(self, issues):
        """Return {issue: rule} for the given issues, reading the rules once."""
        rules = self.sudo().search([])
        result = {}
        for issue in issues:
            best, best_score = self.browse(), -1
            for rule in rules:
                if rule.severity != issue.severity:
                    continue
                if rule.category_id and rule.category_id != issue.category_id:
                    continue
                if rule.company_id and rule.company_id != issue.company_id:
                    continue
                score = (2 if rule.category_id else 0) + (1 if rule.company_id else 0)
                if score > best_score:
                    best, best_score = rule, score
            result[issue] = best.with_env(self.env)
        return result

    # ------------------------------------------------------------------
    # Deadline arithmetic
    # ------------------------------------------------------------------

    @api.model
    def _srm_add_delay(self, start, delay, unit, calendar, cache=None):
        """Return ``start`` (naive UTC) plus ``delay`` in ``unit``, as a naive UTC datetime.

        * hours / days: plain calendar time;
        * working_hours: the calendar's working time, holidays excluded;
        * working_days: the end of the N-th working day after the day of receipt,
          in the calendar's time zone (received on a Monday, 1 working day is due on
          Tuesday evening; received on a Saturday, on Monday evening).

        Without a working calendar, working time falls back to calendar time.
        """
        if not start or not delay:
            return False
        if unit == "hours" or (unit == "working_hours" and not calendar):
            return start + timedelta(hours=delay)
        if unit == "days" or (unit == "working_days" and not calendar):
            return start + timedelta(days=delay)
        if unit == "working_hours":
            due = calendar.plan_hours(delay, start, compute_leaves=True)
            return due.replace(tzinfo=None) if due else start + timedelta(hours=delay)
        return self._srm_add_working_days(start, int(round(delay)) or 1, calendar, cache)

    @api.model
    def _srm_add_working_days(self, start, days, calendar, cache=None):
        tz = pytz.timezone(calendar.tz or "UTC")
        local_day = pytz.utc.localize(start).astimezone(tz).date()
        key = (calendar.id, local_day, days)
        if cache is not None and key in cache:
            return cache[key]
        window_start = tz.localize(datetime.combine(local_day + timedelta(days=1), time.min))
        day_ends = {}
        due = False
        for _step in range(60):  # at most 60 fortnights ahead
            window_end = window_start + timedelta(days=14)
            intervals = calendar._work_intervals_batch(window_start, window_end)[False]
            for _start, stop, _meta in intervals:
                day = stop.astimezone(tz).date()
                if day not in day_ends or stop > day_ends[day]:
                    day_ends[day] = stop
            if len(day_ends) >= days:
                due_aware = day_ends[sorted(day_ends)[days - 1]]
                due = due_aware.astimezone(pytz.utc).replace(tzinfo=None)
                break
            window_start = window_end
        if not due:
            due = start + timedelta(days=days)
        if cache is not None:
            cache[key] = due
        return due
