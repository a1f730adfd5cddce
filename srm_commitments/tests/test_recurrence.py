# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .common import CommitmentCase


@tagged("post_install", "-at_install")
class TestRecurrence(CommitmentCase):
    def _series(self, **values):
        vals = {
            "name": "Monthly water quality report",
            "partner_ids": [Command.set(self.council.ids)],
            "project_id": self.project.id,
            "category_id": self.category_env.id,
            "user_id": self.officer.id,
            "repeat_unit": "month",
            "repeat_type": "count",
            "repeat_count": 12,
        }
        vals.update(values)
        return self.env["srm.commitment.recurrence"].create(vals)

    def _due_dates(self, series):
        return sorted(series.commitment_ids.mapped("date_due"))

    # ------------------------------------------------------------------
    # The rule
    # ------------------------------------------------------------------

    @freeze_time("2027-01-10")
    def test_monthly_on_the_31st_uses_the_last_day_of_short_months(self):
        series = self._series(date_start="2027-01-31", repeat_day=31, repeat_count=6)
        self.assertEqual(
            series._get_dates(self.d("2027-01-01"), self.d("2027-12-31")),
            [self.d(d) for d in ("2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31", "2027-06-30")],
        )
        self.assertEqual(series.rule_summary, "Every month, on day 31, 6 times")

    @freeze_time("2027-12-20")
    def test_monthly_on_the_30th_in_a_leap_february(self):
        series = self._series(date_start="2028-01-30", repeat_count=3)
        self.assertEqual(series.repeat_day, 30, "the day of the month comes from the first due date")
        self.assertEqual(
            series._get_dates(self.d("2028-01-01"), self.d("2028-12-31")),
            [self.d("2028-01-30"), self.d("2028-02-29"), self.d("2028-03-30")],
        )

    @freeze_time("2028-02-01")
    def test_yearly_on_29_february_falls_on_28_february_in_other_years(self):
        series = self._series(repeat_unit="year", date_start="2028-02-29", repeat_count=5)
        self.assertEqual(
            series._get_dates(self.d("2028-01-01"), self.d("2040-12-31")),
            [self.d(d) for d in ("2028-02-29", "2029-02-28", "2030-02-28", "2031-02-28", "2032-02-29")],
        )

    @freeze_time("2027-01-01")
    def test_weekly_on_chosen_weekdays_every_two_weeks(self):
        series = self._series(
            repeat_unit="week", repeat_interval=2, date_start="2027-01-04", mon=True, thu=True, repeat_count=5
        )
        self.assertEqual(
            self._due_dates(series),
            [self.d(d) for d in ("2027-01-04", "2027-01-07", "2027-01-18", "2027-01-21", "2027-02-01")],
        )
        self.assertEqual(series.rule_summary, "Every 2 weeks, on Monday and Thursday, 5 times")

    @freeze_time("2027-01-01")
    def test_weekly_without_weekday_uses_the_first_due_date(self):
        series = self._series(repeat_unit="week", date_start="2027-01-06", repeat_count=2)
        self.assertTrue(series.wed)
        self.assertEqual(self._due_dates(series), [self.d("2027-01-06"), self.d("2027-01-13")])

    @freeze_time("2027-01-01")
    def test_monthly_on_the_nth_weekday(self):
        second_tuesday = self._series(
            date_start="2027-01-01", repeat_on_month="day", repeat_week="2", repeat_weekday="tue", repeat_count=4
        )
        self.assertEqual(
            second_tuesday._get_dates(self.d("2027-01-01"), self.d("2027-12-31")),
            [self.d(d) for d in ("2027-01-12", "2027-02-09", "2027-03-09", "2027-04-13")],
        )
        self.assertEqual(second_tuesday.rule_summary, "Every month, on the second Tuesday, 4 times")
        last_friday = self._series(
            date_start="2027-01-01", repeat_on_month="day", repeat_week="-1", repeat_weekday="fri", repeat_count=4
        )
        self.assertEqual(
            last_friday._get_dates(self.d("2027-01-01"), self.d("2027-12-31")),
            [self.d(d) for d in ("2027-01-29", "2027-02-26", "2027-03-26", "2027-04-30")],
        )

    @freeze_time("2027-01-10")
    def test_daily_until_a_date(self):
        series = self._series(
            repeat_unit="day",
            repeat_interval=3,
            date_start="2027-01-10",
            repeat_type="until",
            repeat_until="2027-01-20",
        )
        self.assertEqual(
            self._due_dates(series),
            [self.d(d) for d in ("2027-01-10", "2027-01-13", "2027-01-16", "2027-01-19")],
        )
        self.assertTrue(series.is_finished)

    # ------------------------------------------------------------------
    # Occurrences
    # ------------------------------------------------------------------

    @freeze_time("2027-01-10")
    def test_occurrences_are_commitments_of_the_series(self):
        series = self._series(date_start="2027-01-31", repeat_count=6)
        occurrences = series.commitment_ids
        # 60 days ahead: January and February
        self.assertEqual(self._due_dates(series), [self.d("2027-01-31"), self.d("2027-02-28")])
        self.assertEqual(set(occurrences.mapped("state")), {"open"})
        self.assertEqual(occurrences.partner_ids, self.council)
        self.assertEqual(occurrences.project_id, self.project)
        self.assertEqual(occurrences.user_id, self.officer)
        self.assertEqual(occurrences.category_id, self.category_env)
        self.assertTrue(all(c.reference.startswith("COM-") for c in occurrences))
        self.assertEqual(len(set(occurrences.mapped("reference"))), 2)
        self.assertEqual(series.date_next, self.d("2027-01-31"))

    @freeze_time("2027-01-10")
    def test_the_next_occurrence_exists_even_beyond_the_horizon(self):
        series = self._series(repeat_unit="year", date_start="2027-06-15", repeat_count=3)
        self.assertEqual(self._due_dates(series), [self.d("2027-06-15")])
        self.env["srm.commitment"]._cron_process_commitments()
        self.assertEqual(len(series.commitment_ids), 1, "the daily job does not add the next one already")

    def test_daily_job_extends_a_series_up_to_its_count(self):
        with freeze_time("2027-01-10"):
            series = self._series(date_start="2027-01-31", repeat_count=3)
            self.assertEqual(len(series.commitment_ids), 2)
        with freeze_time("2027-02-15"):
            self.env["srm.commitment"]._cron_process_commitments()
            self.assertEqual(
                self._due_dates(series), [self.d("2027-01-31"), self.d("2027-02-28"), self.d("2027-03-31")]
            )
            self.assertTrue(series.is_finished)
        with freeze_time("2027-06-15"):
            self.env["srm.commitment"]._cron_process_commitments()
            self.assertEqual(len(series.commitment_ids), 3, "a series of 3 stops at 3")

    def test_deleted_occurrence_does_not_come_back(self):
        with freeze_time("2027-01-10"):
            series = self._series(date_start="2027-01-15", repeat_count=12)
            february = series.commitment_ids.filtered(lambda c: c.date_due == self.d("2027-02-15"))
            february.unlink()
        with freeze_time("2027-01-20"):
            self.env["srm.commitment"]._cron_process_commitments()
            self.assertNotIn(self.d("2027-02-15"), series.commitment_ids.mapped("date_due"))
            self.assertIn(self.d("2027-03-15"), series.commitment_ids.mapped("date_due"))

    def test_editing_the_series_updates_only_future_occurrences(self):
        self.env["ir.config_parameter"].sudo().set_param("srm_commitments.recurrence_horizon_days", 120)
        with freeze_time("2027-01-10"):
            series = self._series(date_start="2027-01-15", repeat_count=12)
            self.assertEqual(
                self._due_dates(series),
                [self.d(d) for d in ("2027-01-15", "2027-02-15", "2027-03-15", "2027-04-15")],
            )
            by_date = {c.date_due: c for c in series.commitment_ids}
            by_date[self.d("2027-01-15")].write({"evidence_note": "<p>Report handed over.</p>"})
            by_date[self.d("2027-01-15")].action_fulfill()
            by_date[self.d("2027-04-15")].action_start()
        with freeze_time("2027-02-20"):
            # January fulfilled, February overdue, March open, April in progress
            series.write(
                {
                    "name": "Monthly water quality report (signed)",
                    "user_id": self.colleague.id,
                    "description": "<p>Signed by the laboratory.</p>",
                }
            )
            self.assertEqual(by_date[self.d("2027-03-15")].name, "Monthly water quality report (signed)")
            self.assertEqual(by_date[self.d("2027-03-15")].user_id, self.colleague)
            for past_or_started in ("2027-01-15", "2027-02-15", "2027-04-15"):
                commitment = by_date[self.d(past_or_started)]
                self.assertEqual(commitment.name, "Monthly water quality report", past_or_started)
                self.assertEqual(commitment.user_id, self.officer, past_or_started)

            # a new rule: the future open occurrences move to the 20th
            series.write({"repeat_day": 20})
            self.assertFalse(by_date[self.d("2027-03-15")].exists(), "replaced by the 20 March one")
            for kept in ("2027-01-15", "2027-02-15", "2027-04-15"):
                self.assertTrue(by_date[self.d(kept)].exists(), kept)
            dates = self._due_dates(series)
            self.assertIn(self.d("2027-03-20"), dates)
            self.assertIn(self.d("2027-04-20"), dates)
            self.assertNotIn(self.d("2027-03-15"), dates)
            new_march = series.commitment_ids.filtered(lambda c: c.date_due == self.d("2027-03-20"))
            self.assertEqual(new_march.user_id, self.colleague)
            self.assertEqual(new_march.name, "Monthly water quality report (signed)")

    @freeze_time("2027-01-10")
    def test_make_recurring_from_a_commitment(self):
        commitment = self._commitment(due_in=5, name="Quarterly dust report")
        action = commitment.action_make_recurring()
        series = (
            self.env["srm.commitment.recurrence"]
            .with_context(**action["context"])
            .create({"repeat_unit": "month", "repeat_interval": 3, "repeat_type": "count", "repeat_count": 4})
        )
        self.assertEqual(commitment.recurrence_id, series)
        self.assertEqual(series.name, "Quarterly dust report")
        self.assertEqual(series.date_start, self.d("2027-01-15"))
        self.assertEqual(series.commitment_ids, commitment, "its date is not doubled")

    # ------------------------------------------------------------------
    # Bad input
    # ------------------------------------------------------------------

    @freeze_time("2027-01-10")
    def test_a_series_must_end(self):
        Series = self.env["srm.commitment.recurrence"]
        before = Series.search_count([]), self.env["srm.commitment"].search_count([])
        with self.assertRefused("never ends"):
            self._series(date_start="2027-02-01", repeat_type=False)
        with self.assertRefused("never ends"):
            self._series(date_start="2027-02-01", repeat_type="until", repeat_until=False)
        with self.assertRefused("never ends"):
            self._series(date_start="2027-02-01", repeat_count=0)
        with self.assertRefused("ends before its first due date"):
            self._series(date_start="2027-02-01", repeat_type="until", repeat_until="2027-01-20")
        with self.assertRefused("every 1 or more"):
            self._series(date_start="2027-02-01", repeat_interval=0)
        with self.assertRefused("before today"):
            self._series(date_start="2027-01-01")
        self.assertEqual((Series.search_count([]), self.env["srm.commitment"].search_count([])), before)

    @freeze_time("2027-01-10")
    def test_an_existing_series_cannot_become_endless(self):
        series = self._series(date_start="2027-02-01")
        with self.assertRefused("must end"):
            series.write({"repeat_type": False})
        with self.assertRefused("every 1 or more"):
            series.write({"repeat_interval": -1})
        with self.assertRefused("1 to 31"):
            series.write({"repeat_day": 32})
