# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import datetime, time, timedelta

import babel.dates
import babel.lists
from dateutil import rrule

from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date
from odoo.tools.misc import babel_locale_parse

from .srm_commitment import PRIORITIES, SOURCES

UNITS = [
    ("day", "Days"),
    ("week", "Weeks"),
    ("month", "Months"),
    ("year", "Years"),
]
WEEKDAYS = [
    ("mon", "Monday"),
    ("tue", "Tuesday"),
    ("wed", "Wednesday"),
    ("thu", "Thursday"),
    ("fri", "Friday"),
    ("sat", "Saturday"),
    ("sun", "Sunday"),
]
RRULE_WEEKDAYS = {
    "mon": rrule.MO,
    "tue": rrule.TU,
    "wed": rrule.WE,
    "thu": rrule.TH,
    "fri": rrule.FR,
    "sat": rrule.SA,
    "sun": rrule.SU,
}
WEEKS = [
    ("1", "First"),
    ("2", "Second"),
    ("3", "Third"),
    ("4", "Fourth"),
    ("-1", "Last"),
]

# occurrences are created this many days ahead (at least the next one); the daily job extends it
HORIZON_DAYS = 60
HORIZON_PARAM = "srm_commitments.recurrence_horizon_days"

# fields copied from the series to its occurrences; editing them updates the future ones
TEMPLATE_FIELDS = (
    "name",
    "description",
    "partner_ids",
    "project_id",
    "engagement_id",
    "category_id",
    "source",
    "user_id",
    "team_id",
    "priority",
    "visibility",
    "reminder_days",
)
# fields of the rule; editing them regenerates the future occurrences
WEEKDAY_FIELDS = tuple(code for code, _label in WEEKDAYS)
RULE_FIELDS = (
    "repeat_unit",
    "repeat_interval",
    *WEEKDAY_FIELDS,
    "repeat_on_month",
    "repeat_day",
    "repeat_week",
    "repeat_weekday",
    "date_start",
    "repeat_type",
    "repeat_until",
    "repeat_count",
)
# occurrences that a change of the series may update or remove: future and not started
EDITABLE_STATES = ("draft", "open")


class SrmCommitmentRecurrence(models.Model):
    """A commitment that repeats: monthly water report, yearly community meeting...

    The series holds what every occurrence has in common and the rule giving
    their due dates; each occurrence is a commitment of its own, linked to the
    series, created ahead of time (``HORIZON_DAYS``, at least the next one).
    Editing the series updates its future occurrences that are not started yet,
    never the past or the fulfilled ones.
    """

    _name = "srm.commitment.recurrence"
    _description = "Recurring Commitment"
    _inherit = ["srm.commitment.owner.mixin", "mail.thread"]
    _order = "id desc"

    name = fields.Char(string="Title", required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    description = fields.Html()
    partner_ids = fields.Many2many(
        "res.partner",
        "srm_commitment_recurrence_partner_rel",
        "recurrence_id",
        "partner_id",
        string="Stakeholders",
        domain="[('is_stakeholder', '=', True)]",
    )
    engagement_id = fields.Many2one("srm.engagement", ondelete="set null", check_company=True)
    category_id = fields.Many2one("srm.commitment.category")
    source = fields.Selection(SOURCES, default="agreement")
    priority = fields.Selection(PRIORITIES, default="0")
    commitment_ids = fields.One2many("srm.commitment", "recurrence_id", string="Occurrences")
    commitment_count = fields.Integer(compute="_compute_commitment_count")

    @api.model
    def _srm_searched_link_fields(self):
        # its occurrences, each read by its own rules
        return (*super()._srm_searched_link_fields(), "commitment_ids")

    # the rule
    repeat_unit = fields.Selection(UNITS, string="Repeat", default="month", required=True, tracking=True)
    repeat_interval = fields.Integer(string="Repeat Every", default=1, required=True, tracking=True)
    mon = fields.Boolean(compute="_compute_weekdays", store=True, readonly=False)
    tue = fields.Boolean(compute="_compute_weekdays", store=True, readonly=False)
    wed = fields.Boolean(compute="_compute_weekdays", store=True, readonly=False)
    thu = fields.Boolean(compute="_compute_weekdays", store=True, readonly=False)
    fri = fields.Boolean(compute="_compute_weekdays", store=True, readonly=False)
    sat = fields.Boolean(compute="_compute_weekdays", store=True, readonly=False)
    sun = fields.Boolean(compute="_compute_weekdays", store=True, readonly=False)
    repeat_on_month = fields.Selection(
        [("date", "Day of the month"), ("day", "Weekday of the month")],
        string="On",
        default="date",
        required=True,
    )
    repeat_day = fields.Integer(
        string="Day of the Month",
        compute="_compute_month_rule",
        store=True,
        readonly=False,
        help="1 to 31. Months without that day use their last day (31 becomes 30 in April, 28 or 29 in February).",
    )
    repeat_week = fields.Selection(
        WEEKS, string="Week of the Month", compute="_compute_month_rule", store=True, readonly=False
    )
    repeat_weekday = fields.Selection(
        WEEKDAYS, string="Weekday", compute="_compute_month_rule", store=True, readonly=False
    )
    date_start = fields.Date(
        string="First Due Date",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
        help="The occurrences are due on the dates of the rule from this date on. "
        "A yearly series repeats on this day and month (29 February becomes 28 February "
        "in other years).",
    )
    repeat_type = fields.Selection(
        [("until", "Until a date"), ("count", "Number of times")],
        string="Ends",
        default="count",
        required=True,
        tracking=True,
    )
    repeat_until = fields.Date(string="End Date", tracking=True)
    repeat_count = fields.Integer(string="Repetitions", default=12, tracking=True)
    rule_summary = fields.Char(string="Rule", compute="_compute_rule_summary")
    date_generated_until = fields.Date(
        string="Generated Until",
        readonly=True,
        copy=False,
        help="Occurrences are created up to this date; the daily job extends it.",
    )
    is_finished = fields.Boolean(string="All Occurrences Created", readonly=True, copy=False, index=True)
    date_next = fields.Date(string="Next Due Date", compute="_compute_date_next")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("date_start", "repeat_unit")
    def _compute_weekdays(self):
        for series in self:
            if series.repeat_unit != "week" or not series.date_start:
                continue
            if not any(series[day] for day, _label in WEEKDAYS):
                series[WEEKDAYS[series.date_start.weekday()][0]] = True

    @api.depends("date_start")
    def _compute_month_rule(self):
        for series in self:
            start = series.date_start
            if not start:
                continue
            series.repeat_day = start.day
            series.repeat_weekday = WEEKDAYS[start.weekday()][0]
            week = (start.day - 1) // 7 + 1
            series.repeat_week = "-1" if week > 4 or (start + timedelta(days=7)).month != start.month else str(week)

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_commitment_count(self):
        counts = dict(
            self.env["srm.commitment"]._read_group([("recurrence_id", "in", self.ids)], ["recurrence_id"], ["__count"])
        )
        for series in self:
            series.commitment_count = counts.get(series, 0)

    def _compute_date_next(self):
        today = fields.Date.context_today(self)
        nexts = dict(
            self.env["srm.commitment"]._read_group(
                [
                    ("recurrence_id", "in", self.ids),
                    ("date_due", ">=", today),
                    ("state", "not in", ("fulfilled", "cancelled")),
                ],
                ["recurrence_id"],
                ["date_due:min"],
            )
        )
        for series in self:
            series.date_next = nexts.get(series, False)

    @api.depends(*RULE_FIELDS)
    @api.depends_context("lang")
    def _compute_rule_summary(self):
        units = {
            "day": (self.env._("Every day"), self.env._("Every %s days")),
            "week": (self.env._("Every week"), self.env._("Every %s weeks")),
            "month": (self.env._("Every month"), self.env._("Every %s months")),
            "year": (self.env._("Every year"), self.env._("Every %s years")),
        }
        locale = babel_locale_parse(self.env.lang or "en_US")
        # weekday names as the language writes them in a sentence ("vendredi", "Friday")
        day_names = babel.dates.get_day_names("wide", locale=locale)
        weekdays = {code: day_names[index] for index, (code, _label) in enumerate(WEEKDAYS)}
        weeks = dict(self._fields["repeat_week"]._description_selection(self.env))

        def join(parts):
            summary = parts[0]
            for detail in parts[1:]:
                summary = self.env._("%(summary)s, %(detail)s", summary=summary, detail=detail)
            return summary

        for series in self:
            if not series.repeat_unit or series.repeat_interval < 1:
                series.rule_summary = False
                continue
            one, many = units[series.repeat_unit]
            parts = [one if series.repeat_interval == 1 else many % series.repeat_interval]
            if series.repeat_unit == "week":
                days = [weekdays[day] for day, _label in WEEKDAYS if series[day]]
                if days:
                    parts.append(self.env._("on %s", babel.lists.format_list(days, locale=locale)))
            elif series.repeat_unit == "month":
                if series.repeat_on_month == "day" and series.repeat_week and series.repeat_weekday:
                    parts.append(
                        self.env._(
                            "on the %(week)s %(weekday)s",
                            week=weeks[series.repeat_week].lower(),
                            weekday=weekdays[series.repeat_weekday],
                        )
                    )
                elif series.repeat_day:
                    parts.append(self.env._("on day %s", series.repeat_day))
            elif series.repeat_unit == "year" and series.date_start:
                day = babel.dates.format_skeleton("MMMMd", series.date_start, locale=locale)
                parts.append(self.env._("on %s", day))
            if series.repeat_type == "count" and series.repeat_count:
                parts.append(self.env._("%s times", series.repeat_count))
            elif series.repeat_type == "until" and series.repeat_until:
                parts.append(self.env._("until %s", format_date(self.env, series.repeat_until)))
            series.rule_summary = join(parts)

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("repeat_interval")
    def _check_repeat_interval(self):
        if any(series.repeat_interval < 1 for series in self):
            raise ValidationError(
                self.env._("A recurring commitment repeats every 1 or more days, weeks, months or years.")
            )

    @api.constrains("repeat_type", "repeat_until", "repeat_count", "date_start")
    def _check_end(self):
        for series in self:
            if series.repeat_type == "until" and not series.repeat_until:
                raise ValidationError(
                    self.env._(
                        "The recurring commitment “%s” never ends: give it an end date or a number of occurrences.",
                        series.name,
                    )
                )
            if series.repeat_type == "until" and series.repeat_until < series.date_start:
                raise ValidationError(
                    self.env._("The recurring commitment “%s” ends before its first due date.", series.name)
                )
            if series.repeat_type == "count" and series.repeat_count < 1:
                raise ValidationError(
                    self.env._(
                        "The recurring commitment “%s” never ends: give it an end date or a number "
                        "of occurrences (at least 1).",
                        series.name,
                    )
                )

    @api.constrains("repeat_unit", "repeat_on_month", "repeat_day", "repeat_week", "repeat_weekday")
    def _check_month_rule(self):
        for series in self.filtered(lambda s: s.repeat_unit == "month"):
            if series.repeat_on_month == "date" and not 1 <= series.repeat_day <= 31:
                raise ValidationError(self.env._("The day of the month is a number from 1 to 31."))
            if series.repeat_on_month == "day" and not (series.repeat_week and series.repeat_weekday):
                raise ValidationError(
                    self.env._("Choose the week and the weekday of the month, e.g. the second Tuesday.")
                )

    @api.constrains("repeat_unit", *WEEKDAY_FIELDS)
    def _check_weekdays(self):
        for series in self.filtered(lambda s: s.repeat_unit == "week"):
            if not any(series[day] for day, _label in WEEKDAYS):
                raise ValidationError(self.env._("Choose at least one day of the week."))

    # ------------------------------------------------------------------
    # The rule
    # ------------------------------------------------------------------

    def _get_rrule(self):
        """The dateutil rule of the series, its dates at midnight."""
        self.ensure_one()
        start = self.date_start
        values = {
            "dtstart": datetime.combine(start, time.min),
            "interval": self.repeat_interval,
        }
        if self.repeat_type == "count":
            values["count"] = self.repeat_count
        else:
            values["until"] = datetime.combine(self.repeat_until, time.min)

        def day_of_month(day):
            # day 29 to 31 falls back on the last day of shorter months
            if day <= 28:
                return {"bymonthday": day}
            return {"bymonthday": list(range(28, day + 1)), "bysetpos": -1}

        if self.repeat_unit == "day":
            freq = rrule.DAILY
        elif self.repeat_unit == "week":
            freq = rrule.WEEKLY
            values["byweekday"] = [RRULE_WEEKDAYS[day] for day, _label in WEEKDAYS if self[day]] or None
        elif self.repeat_unit == "month":
            freq = rrule.MONTHLY
            if self.repeat_on_month == "day":
                values["byweekday"] = RRULE_WEEKDAYS[self.repeat_weekday](int(self.repeat_week))
            else:
                values.update(day_of_month(self.repeat_day))
        else:
            freq = rrule.YEARLY
            values["bymonth"] = start.month
            values.update(day_of_month(start.day))
        return rrule.rrule(freq, **values)

    def _get_dates(self, date_from, date_to):
        """Due dates of the rule from ``date_from`` to ``date_to``, both included."""
        self.ensure_one()
        rule = self._get_rrule()
        return [
            dt.date()
            for dt in rule.between(datetime.combine(date_from, time.min), datetime.combine(date_to, time.min), inc=True)
        ]

    def _get_next_date(self, after):
        """The first due date of the rule strictly after ``after``, or None."""
        self.ensure_one()
        dt = self._get_rrule().after(datetime.combine(after, time.min))
        return dt.date() if dt else None

    @api.model
    def _horizon(self, today):
        days = self.env["ir.config_parameter"].sudo().get_param(HORIZON_PARAM, HORIZON_DAYS)
        try:
            days = max(int(days), 1)
        except ValueError:
            days = HORIZON_DAYS
        return today + timedelta(days=days)

    # ------------------------------------------------------------------
    # Occurrences
    # ------------------------------------------------------------------

    def _occurrence_values(self, fnames=TEMPLATE_FIELDS):
        self.ensure_one()
        values = {}
        for fname in fnames:
            field = self._fields[fname]
            value = self[fname]
            if field.type == "many2one":
                if fname == "team_id" and not value:
                    continue  # the occurrence finds the team of its owner
                values[fname] = value.id
            elif field.type == "many2many":
                values[fname] = [Command.set(value.ids)]
            else:
                values[fname] = value
        return values

    def _generate_occurrences(self, today=None):
        """Create the occurrences due up to the horizon, at least the next one.

        Dates already generated (``date_generated_until``) are not generated again,
        so that an occurrence deleted by hand does not come back; a date that has
        an occurrence is never doubled.
        """
        today = today or fields.Date.context_today(self)
        horizon = self._horizon(today)
        series_list = self.filtered("active")
        if not series_list:
            return self.env["srm.commitment"]
        existing = defaultdict(set)
        upcoming = set()
        for commitment in self.env["srm.commitment"].search_fetch(
            [("recurrence_id", "in", series_list.ids), ("recurrence_date", "!=", False)],
            ["recurrence_id", "recurrence_date", "date_due", "state"],
        ):
            existing[commitment.recurrence_id.id].add(commitment.recurrence_date)
            if commitment.date_due >= today and commitment.state not in ("fulfilled", "cancelled"):
                upcoming.add(commitment.recurrence_id.id)
        vals_list = []
        for series in series_list:
            after = max(today - timedelta(days=1), series.date_generated_until or series.date_start - timedelta(days=1))
            dates = []
            if after < horizon:
                dates = series._get_dates(after + timedelta(days=1), horizon)
            if not dates and series.id not in upcoming:
                next_date = series._get_next_date(max(after, horizon))
                dates = [next_date] if next_date else []
            common = series._occurrence_values()
            if series.user_id and not series._srm_readable_by(series.user_id):
                # an owner who may no longer read the series (taken off its project, or
                # their Confidential access) may not own its occurrences either: they are
                # left without owner for the team to give them one
                common["user_id"] = False
            for date in dates:
                if date in existing[series.id]:
                    continue
                vals_list.append(
                    dict(
                        common,
                        recurrence_id=series.id,
                        recurrence_date=date,
                        date_due=date,
                        state="open",
                        company_id=series.company_id.id,
                    )
                )
            last = max(dates) if dates else after
            series.write(
                {
                    "date_generated_until": last,
                    "is_finished": series._get_next_date(last) is None,
                }
            )
        return (
            self.env["srm.commitment"]
            .with_context(
                srm_commitment_no_assign_activity=True,
                mail_auto_subscribe_no_notify=True,
                mail_create_nosubscribe=True,
            )
            .create(vals_list)
        )

    def _future_editable_occurrences(self, today):
        return self.env["srm.commitment"].search(
            [
                ("recurrence_id", "in", self.ids),
                ("recurrence_date", ">=", today),
                ("state", "in", EDITABLE_STATES),
            ]
        )

    def _update_future_occurrences(self, fnames, today):
        occurrences = self._future_editable_occurrences(today)
        for series in self:
            mine = occurrences.filtered(lambda c, s=series: c.recurrence_id == s)
            if mine:
                mine.with_context(srm_commitment_no_assign_activity=True, mail_auto_subscribe_no_notify=True).write(
                    series._occurrence_values(fnames)
                )

    def _regenerate_future_occurrences(self, today):
        """The rule changed: future occurrences not started follow the new dates."""
        occurrences = self._future_editable_occurrences(today)
        to_remove = self.env["srm.commitment"]
        for series in self:
            mine = occurrences.filtered(lambda c, s=series: c.recurrence_id == s)
            if not mine:
                continue
            last = max(mine.mapped("recurrence_date"))
            keep = set(series._get_dates(today, last))
            to_remove |= mine.filtered(lambda c, k=keep: c.recurrence_date not in k)
        to_remove.unlink()
        self.write({"date_generated_until": False, "is_finished": False})
        self._generate_occurrences(today)

    @api.model
    def _cron_generate_occurrences(self, today):
        """Extend the series whose occurrences do not reach the horizon yet."""
        series = self.search(
            [
                ("is_finished", "=", False),
                "|",
                ("date_generated_until", "=", False),
                ("date_generated_until", "<", self._horizon(today)),
            ]
        )
        return series._generate_occurrences(today)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        today = fields.Date.context_today(self)
        for vals in vals_list:
            self._sync_visibility_vals(vals, create=True)
            if "repeat_type" in vals and not vals["repeat_type"]:
                raise ValidationError(
                    self.env._(
                        "The recurring commitment “%s” never ends: give it an end date or a number of occurrences.",
                        vals.get("name") or "",
                    )
                )
            start = vals.get("date_start") and fields.Date.to_date(vals["date_start"])
            if start and start < today and not self.env.context.get("import_file"):
                raise ValidationError(
                    self.env._(
                        "The first due date of the new recurring commitment “%(name)s” (%(date)s) is before today.",
                        name=vals.get("name") or "",
                        date=format_date(self.env, start),
                    )
                )
        self._check_confidential_rights(vals_list)
        series = super().create(vals_list)
        origin = self.env["srm.commitment"].browse(self.env.context.get("srm_commitment_origin_id")).exists()
        if origin and len(series) == 1 and not origin.recurrence_id:
            origin.write({"recurrence_id": series.id, "recurrence_date": origin.date_due})
        series._generate_occurrences(today)
        return series

    def write(self, vals):
        if "visibility" in vals:
            self._sync_visibility_vals(vals)
            self._check_confidential_rights([vals])
        if "repeat_type" in vals and not vals["repeat_type"]:
            raise ValidationError(
                self.env._("A recurring commitment must end: give it an end date or a number of occurrences.")
            )
        res = super().write(vals)
        today = fields.Date.context_today(self)
        template = [fname for fname in TEMPLATE_FIELDS if fname in vals]
        if "is_confidential" in vals and "visibility" not in template:
            template.append("visibility")
        if template:
            self._update_future_occurrences(template, today)
        if any(fname in vals for fname in RULE_FIELDS):
            self._regenerate_future_occurrences(today)
        elif vals.get("active"):
            self._generate_occurrences(today)
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_view_commitments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_commitments.srm_commitment_action")
        action["domain"] = [("recurrence_id", "=", self.id)]
        action["context"] = {"create": False}
        return action
