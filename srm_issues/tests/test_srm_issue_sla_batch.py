# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

import pytz
from freezegun import freeze_time

from odoo.tests import tagged

from .common import SrmIssueCase, dt

DUE_FIELDS = ["date_ack_due", "date_investigation_due", "date_resolution_due"]
DEADLINES = ["ack", "investigation", "resolution"]


@tagged("post_install", "-at_install")
class TestSrmIssueSlaBatch(SrmIssueCase):
    """Service levels of many issues at once: the due dates of a batch equal those of
    each issue alone, their queries do not grow with the issues, and the cron escalates
    many issues in batches."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["srm.issue.sla"].search([]).active = False
        cls.sla_minor = cls._srm_sla("1", (5, "working_days"), (15, "working_days"), (30, "days"))
        cls.sla_moderate = cls._srm_sla("2", (2, "working_days"), (12, "working_hours"), (20, "working_days"))
        cls.sla_severe = cls._srm_sla("4", (24, "hours"), (4, "working_hours"), (14, "days"))
        # a second company working in Paris time (summer time from 29 March 2026)
        cls.company_fr = cls.env["res.company"].create({"name": "Site de Lyon"})
        cls.calendar_fr = cls._srm_calendar("Bureau (Paris)", "Europe/Paris", cls.company_fr, ((8.5, 12), (13.5, 17.5)))
        cls.company_fr.resource_calendar_id = cls.calendar_fr
        cls.env["resource.calendar.leaves"].create(
            [
                {
                    "name": "Easter Monday",
                    "calendar_id": cls.calendar_fr.id,
                    "date_from": dt("2026-04-05 22:00"),
                    "date_to": dt("2026-04-06 21:59"),
                },
                {
                    "name": "Public holiday",
                    "calendar_id": cls.calendar.id,
                    "date_from": dt("2026-03-10 00:00"),
                    "date_to": dt("2026-03-10 23:59"),
                },
                {
                    "name": "Afternoon off, every site",
                    "calendar_id": False,
                    "date_from": dt("2026-03-18 12:00"),
                    "date_to": dt("2026-03-18 18:00"),
                },
            ]
        )

    def _create_issues(self, count, first=None):
        """``count`` issues received over about ``count`` days, severities and
        companies mixed, created together."""
        first = first or dt("2026-03-02 09:00")
        vals_list = []
        for index in range(count):
            french = index % 3 == 1
            vals_list.append(
                {
                    "name": f"Issue {index}",
                    "severity": ["1", "2", "4", "2", "1"][index % 5],
                    "date_received": first + timedelta(days=index, hours=(5 * index) % 24),
                    "company_id": self.company_fr.id if french else self.company.id,
                    "project_id": False if french else self.project_a.id,
                    "team_id": False if french else self.team.id,
                    "category_id": self.cat_dust.id,
                }
            )
        with freeze_time("2026-06-01 12:00:00"):
            return self.Issue.create(vals_list)

    def _recompute(self, issues):
        """Recompute the due dates of ``issues`` as a fresh transaction would: return the
        number of queries."""
        self.env.flush_all()
        self.env.invalidate_all()
        for fname in DUE_FIELDS:
            self.env.add_to_compute(issues._fields[fname], issues)
        before = self.env.cr.sql_log_count
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    @staticmethod
    def _end_of_working_day(calendar, received, days):
        """The end of the ``days``-th day with work after the day of receipt, reading the
        calendar day by day."""
        tz = pytz.timezone(calendar.tz)
        day = pytz.utc.localize(received).astimezone(tz).date()
        while days:
            day += timedelta(days=1)
            intervals = calendar._work_intervals_batch(
                tz.localize(datetime.combine(day, time.min)),
                tz.localize(datetime.combine(day + timedelta(days=1), time.min)),
            )[False]
            if intervals:
                days -= 1
                end = max(stop for _start, stop, _meta in intervals)
        return end.astimezone(pytz.utc).replace(tzinfo=None)

    def _expected_due(self, issue, deadline):
        sla = issue.sla_id
        delay, unit = sla[f"{deadline}_delay"], sla[f"{deadline}_unit"]
        calendar = issue.company_id.resource_calendar_id
        if unit == "hours":
            return issue.date_received + timedelta(hours=delay)
        if unit == "days":
            return issue.date_received + timedelta(days=delay)
        if unit == "working_hours":
            return calendar.plan_hours(delay, issue.date_received, compute_leaves=True)
        return self._end_of_working_day(calendar, issue.date_received, int(delay))

    def test_due_dates_of_many_issues_equal_each_alone(self):
        issues = self._create_issues(45)
        self.assertEqual(set(issues.company_id.resource_calendar_id), {self.calendar, self.calendar_fr})
        self.assertEqual(set(issues.sla_id), {self.sla_minor, self.sla_moderate, self.sla_severe})
        together = {issue: [issue[fname] for fname in DUE_FIELDS] for issue in issues}
        for issue in issues:
            expected = [self._expected_due(issue, deadline) for deadline in DEADLINES]
            self.assertEqual(together[issue], expected, f"{issue.name}, received {issue.date_received}")
            self._recompute(issue)
            self.assertEqual([issue[fname] for fname in DUE_FIELDS], together[issue], issue.name)
        # a few known values: received on Monday 2 March, 5 working days in UTC; received
        # on Tuesday 3 March 14:00 UTC in Paris (15:00), 2 working days: Thursday 5 March
        # 17:30 Paris time, 16:30 UTC
        self.assertEqual(issues[0].date_ack_due, dt("2026-03-09 17:00"))
        self.assertEqual(issues[1].date_received, dt("2026-03-03 14:00"))
        self.assertEqual(issues[1].date_ack_due, dt("2026-03-05 16:30"))

    def test_due_dates_queries_do_not_grow_with_issues(self):
        few = self._create_issues(5)
        many = self._create_issues(60, first=dt("2026-01-05 10:00"))
        self.assertGreater(len(set(many.mapped(lambda i: i.date_received.date()))), 40)
        few_queries, many_queries = self._recompute(few), self._recompute(many)
        self.assertLessEqual(
            many_queries,
            few_queries + 2,
            f"recomputing the due dates of 60 issues takes {many_queries} queries, of 5: {few_queries}",
        )

    def test_cron_escalates_many_issues_once_per_deadline(self):
        activity_type = self.env.ref("srm_issues.mail_activity_type_issue_escalation")
        leader = self.user_manager
        self.project_b.user_id = self.user_confidential
        with freeze_time("2026-03-02 09:00:00"):
            issues = self.Issue.create(
                [
                    {
                        "name": f"Blasting {index}",
                        "severity": "1",
                        "date_received": dt("2026-03-02 09:00") - timedelta(hours=index),
                        "project_id": self.project_b.id if index % 4 == 3 else self.project_a.id,
                        "team_id": False if index % 4 == 3 else self.team.id,
                        "user_id": self.user_user.id,
                    }
                    for index in range(9)
                ]
            )
            lonely = self._issue(
                severity="1", date_received=dt("2026-03-02 08:00"), team_id=False, user_id=False, project_id=False
            )
        acknowledged = issues[0]
        with freeze_time("2026-03-03 10:00:00"):
            acknowledged.stage_id = self.stage_ack
        with freeze_time("2026-03-31 12:00:00"):
            # acknowledgement (5 working days) and investigation (15) deadlines passed
            self.env["srm.issue"]._cron_srm_sla_check(batch_size=4)
            for issue in issues | lonely:
                escalations = issue.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
                expected = 1 if issue == acknowledged else 2
                if issue == lonely:
                    expected = 0
                self.assertEqual(len(escalations), expected, issue.name)
                assignee = self.user_confidential if issue.project_id == self.project_b else leader
                self.assertEqual(escalations.user_id, assignee if expected else self.env["res.users"])
                if expected:
                    self.assertIn(assignee.partner_id, issue.message_partner_ids, "the assignee follows the issue")
                    self.assertEqual(
                        sorted(escalations.mapped("summary")),
                        sorted(
                            ["Investigation deadline passed"]
                            + (["Acknowledgement deadline passed"] if expected == 2 else [])
                        ),
                    )
                self.assertTrue(issue.investigation_escalated and issue.is_investigation_breached)
                self.assertEqual(issue.ack_escalated, issue != acknowledged)
                self.assertFalse(issue.resolution_escalated)
            count = self.env["mail.activity"].search_count([("res_model", "=", "srm.issue")])
            self.env["srm.issue"]._cron_srm_sla_check(batch_size=4)
            self.assertEqual(self.env["mail.activity"].search_count([("res_model", "=", "srm.issue")]), count)
