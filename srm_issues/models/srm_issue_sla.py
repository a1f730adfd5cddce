# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from bisect import bisect_right
from collections import defaultdict
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
        * working_hours: the calendar's working time, holidays excluded (as
          ``resource.calendar.plan_hours`` counts it);
        * working_days: the end of the N-th working day after the day of receipt,
          in the calendar's time zone (received on a Monday, 1 working day is due on
          Tuesday evening; received on a Saturday, on Monday evening).

        Without a working calendar, working time falls back to calendar time.
        ``cache`` ({calendar id: working time}) keeps the calendars' work intervals
        between calls; :meth:`_srm_add_delays` computes many deadlines at once.
        """
        if not start or not delay:
            return False
        if unit == "hours" or (unit == "working_hours" and not calendar):
            return start + timedelta(hours=delay)
        if unit == "days" or (unit == "working_days" and not calendar):
            return start + timedelta(days=delay)
        if cache is None:
            cache = {}
        if calendar.id not in cache:
            cache[calendar.id] = WorkingTime(calendar)
        working_time = cache[calendar.id]
        if unit == "working_hours":
            return working_time.add_hours(start, delay) or start + timedelta(hours=delay)
        days = int(round(delay)) or 1
        return working_time.add_days(start, days) or start + timedelta(days=days)

    @api.model
    def _srm_add_delays(self, requests):
        """Deadlines of many ``(start, delay, unit, calendar)`` at once, in the same order.

        The work intervals of each calendar are read once for the span all its
        deadlines need (extended if some deadline lies further), instead of once per
        deadline: the number of queries does not depend on the number of deadlines.
        """
        cache = {}
        spans = defaultdict(list)
        for start, delay, unit, calendar in requests:
            if start and delay and calendar and unit in ("working_hours", "working_days"):
                spans[calendar].append((start, delay, unit))
        for calendar, items in spans.items():
            cache[calendar.id] = WorkingTime(calendar)
            cache[calendar.id].prefetch(items)
        return [
            self._srm_add_delay(start, delay, unit, calendar, cache)
            for start, delay, unit, calendar in requests
        ]


class WorkingTime:
    """Work intervals of a resource calendar (attendances minus public holidays, from
    ``resource.calendar._work_intervals_batch``), read for whole days of the calendar's
    time zone over the span the deadlines need, and extended on demand.

    Gives the same deadlines as walking the calendar fortnight by fortnight from each
    start, as ``plan_hours`` does and as the service levels did before, without a query
    per deadline.
    """

    STEP = timedelta(days=14)  # the fortnights of plan_hours and of the working-day walk

    def __init__(self, calendar):
        self.calendar = calendar
        self.tz = pytz.timezone(calendar.tz or "UTC")
        self.first = self.end = None  # local days read: [first, end)
        self.intervals = []  # sorted (start, stop), aware
        self.stops = []  # their stops
        self.days = []  # sorted local days with work
        self.day_intervals = {}  # local day -> its intervals (a day is the day of an interval's stop)

    def _midnight(self, day):
        return self.tz.localize(datetime.combine(day, time.min))

    def _local_day(self, start):
        return pytz.utc.localize(start).astimezone(self.tz).date()

    def _read(self, first, end):
        intervals = self.calendar._work_intervals_batch(self._midnight(first), self._midnight(end))[False]
        return [(start, stop) for start, stop, _meta in intervals]

    def cover(self, first, end):
        """Read the work intervals of the local days [first, end) not read yet."""
        if self.first is None:
            self.intervals = self._read(first, end)
            self.first, self.end = first, end
        elif first < self.first or end > self.end:
            before = self._read(first, self.first) if first < self.first else []
            after = self._read(self.end, end) if end > self.end else []
            self.intervals = before + self.intervals + after
            self.first, self.end = min(first, self.first), max(end, self.end)
        else:
            return
        # attendances do not cross midnight: reading whole days splits no interval
        self.stops = [stop for _start, stop in self.intervals]
        self.day_intervals = defaultdict(list)
        for start, stop in self.intervals:
            self.day_intervals[stop.astimezone(self.tz).date()].append((start, stop))
        self.days = sorted(self.day_intervals)

    def _extend(self, until):
        """Read further, at least a fortnight and at least as much as was read."""
        if self.end >= until:
            return False
        self.cover(self.first, min(until, self.end + max(self.STEP, self.end - self.first)))
        return True

    def prefetch(self, items):
        """Read at once the span that ``[(start, delay, unit)]`` need, estimated."""
        hours_per_day = self.calendar.hours_per_day or 8
        first = end = None
        for start, delay, unit in items:
            day = self._local_day(start)
            days = delay if unit == "working_days" else delay / hours_per_day
            until = day + timedelta(days=int(days * 1.5) + 16)
            first = min(first, day) if first else day
            end = max(end, until) if end else until
        self.cover(first, end)

    def add_days(self, start, days):
        """End of the ``days``-th working day after the local day of ``start`` (naive UTC),
        looked up to 60 fortnights ahead; False when there are not that many."""
        local_day = self._local_day(start)
        first = local_day + timedelta(days=1)
        walk_start = self._midnight(first)
        limit = walk_start + 60 * self.STEP
        self.cover(first, first + timedelta(days=int(days * 1.5) + 15))
        while True:
            index = bisect_right(self.days, local_day)
            if len(self.days) - index >= days or not self._extend(limit.astimezone(self.tz).date() + timedelta(days=1)):
                break
        if len(self.days) - index < days:
            return False
        intervals = self.day_intervals[self.days[index + days - 1]]
        # the deadlines were always found reading fortnights from the first day and the
        # day ends, for them, at its last stop read in the fortnight where it begins:
        # fortnights end at midnight unless the UTC offset changed since the first day,
        # when a night or round-the-clock shift can be cut; the deadline stays the cut
        fortnight = (max(intervals[0][0], walk_start) - walk_start) // self.STEP
        if fortnight >= 60:
            return False
        bound = walk_start + (fortnight + 1) * self.STEP
        due = max(min(stop, bound) for interval_start, stop in intervals if interval_start < bound)
        return due.astimezone(pytz.utc).replace(tzinfo=None)

    def add_hours(self, start, hours):
        """``start`` (naive UTC) plus ``hours`` of work, counted fortnight by fortnight over
        100 fortnights as ``resource.calendar.plan_hours`` does; False beyond."""
        start = pytz.utc.localize(start)
        end = start + 100 * self.STEP
        self.cover(start.astimezone(self.tz).date(), start.astimezone(self.tz).date() + timedelta(days=15))
        index = bisect_right(self.stops, start)
        while index < len(self.intervals) or self._extend(end.astimezone(self.tz).date() + timedelta(days=1)):
            if index >= len(self.intervals):
                continue
            interval_start, interval_stop = self.intervals[index]
            index += 1
            piece_start = max(interval_start, start)
            while piece_start < min(interval_stop, end):
                # plan_hours reads fortnights from the start: an interval across two is two pieces
                fortnight_end = start + ((piece_start - start) // self.STEP + 1) * self.STEP
                piece_stop = min(interval_stop, fortnight_end)
                piece_hours = (piece_stop - piece_start).total_seconds() / 3600
                if hours <= piece_hours:
                    return (piece_start + timedelta(hours=hours)).astimezone(pytz.utc).replace(tzinfo=None)
                hours -= piece_hours
                piece_start = piece_stop
            if interval_stop >= end:
                return False
        return False
