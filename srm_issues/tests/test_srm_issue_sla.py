# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import SrmIssueCase, dt


@tagged("post_install", "-at_install")
class TestSrmIssueSla(SrmIssueCase):
    """Deadlines in calendar and working time, breach flags, escalation cron."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["srm.issue.sla"].search([]).active = False
        cls.sla_minor = cls._srm_sla("1", (5, "working_days"), (15, "working_days"), (30, "days"))
        cls.sla_severe = cls._srm_sla("4", (24, "hours"), (4, "working_hours"), (14, "days"))
        cls.sla_moderate = cls._srm_sla("2", (2, "working_days"), (10, "working_days"), (30, "days"))
        cls.sla_water_moderate = cls._srm_sla(
            "2", (1, "working_days"), (5, "working_days"), (20, "days"), category_id=cls.cat_water.id
        )

    def test_working_days_skip_weekends(self):
        issue = self._issue(severity="1", date_received=dt("2026-03-02 09:00"))  # Monday
        self.assertEqual(issue.sla_id, self.sla_minor)
        # 5 working days after Monday: Tue, Wed, Thu, Fri, Mon -> Monday 9 March, end of day
        self.assertEqual(issue.date_ack_due, dt("2026-03-09 17:00"))
        # 15 working days: three weeks later, Monday 23 March
        self.assertEqual(issue.date_investigation_due, dt("2026-03-23 17:00"))
        # calendar days
        self.assertEqual(issue.date_resolution_due, dt("2026-04-01 09:00"))

    def test_working_days_received_on_weekend_and_friday(self):
        saturday = self._issue(severity="2", date_received=dt("2026-03-07 11:00"))
        self.assertEqual(saturday.date_ack_due, dt("2026-03-10 17:00"))  # Mon, Tue
        friday = self._issue(severity="2", date_received=dt("2026-03-06 16:30"))
        self.assertEqual(friday.date_ack_due, dt("2026-03-10 17:00"))  # Mon, Tue

    def test_working_days_skip_public_holidays(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Public holiday",
                "calendar_id": self.calendar.id,
                "date_from": dt("2026-03-10 00:00"),
                "date_to": dt("2026-03-10 23:59"),
            }
        )
        issue = self._issue(severity="2", date_received=dt("2026-03-09 10:00"))
        # Tuesday is off: Wednesday and Thursday
        self.assertEqual(issue.date_ack_due, dt("2026-03-12 17:00"))

    def test_hours_and_working_hours(self):
        issue = self._issue(severity="4", date_received=dt("2026-03-06 15:00"))  # Friday
        self.assertEqual(issue.sla_id, self.sla_severe)
        self.assertEqual(issue.date_ack_due, dt("2026-03-07 15:00"), "24 clock hours, weekend or not")
        # 4 working hours: 15-17 on Friday, then 8-10 on Monday
        self.assertEqual(issue.date_investigation_due, dt("2026-03-09 10:00"))
        self.assertEqual(issue.date_resolution_due, dt("2026-03-20 15:00"))

    def test_most_specific_rule_and_changes(self):
        water = self._issue(severity="2", category_id=self.cat_water.id, date_received=dt("2026-03-02 09:00"))
        dust = self._issue(severity="2", date_received=dt("2026-03-02 09:00"))
        self.assertEqual(water.sla_id, self.sla_water_moderate)
        self.assertEqual(dust.sla_id, self.sla_moderate)
        self.assertEqual(water.date_ack_due, dt("2026-03-03 17:00"))
        self.assertEqual(dust.date_ack_due, dt("2026-03-04 17:00"))
        # a change of severity picks the rule again and moves the deadlines
        dust.severity = "4"
        self.assertEqual(dust.sla_id, self.sla_severe)
        self.assertEqual(dust.date_ack_due, dt("2026-03-03 09:00"))
        # editing a rule does not move the deadlines of issues already received
        self.sla_water_moderate.ack_delay = 3
        self.assertEqual(water.date_ack_due, dt("2026-03-03 17:00"))
        # without any rule, no deadline
        self.env["srm.issue.sla"].search([]).active = False
        lonely = self._issue(severity="3", date_received=dt("2026-03-02 09:00"))
        self.assertFalse(lonely.sla_id)
        self.assertFalse(lonely.date_ack_due)
        self.assertFalse(lonely.is_sla_breached)

    def test_breach_flags_kpis_and_escalation_cron(self):
        with freeze_time("2026-03-02 09:00:00"):
            late = self._issue(severity="2", date_received=dt("2026-03-02 09:00"))
            on_time = self._issue(severity="2", date_received=dt("2026-03-02 09:00"), name="Noise at night")
            self.assertFalse(late.is_sla_breached)
            self.assertEqual(late.date_next_due, dt("2026-03-04 17:00"))
        with freeze_time("2026-03-03 10:00:00"):
            on_time.stage_id = self.stage_ack
            self.assertEqual(on_time.date_acknowledged, dt("2026-03-03 10:00"))
            self.assertEqual(on_time.ack_on_time_rate, 100.0)
            self.assertAlmostEqual(on_time.ack_hours, 25.0)
            self.assertEqual(on_time.date_next_due, on_time.date_investigation_due)
        activity_type = self.env.ref("srm_issues.mail_activity_type_issue_escalation")
        with freeze_time("2026-03-05 08:00:00"):
            # nothing changed on the record: only the cron notices that time passed
            self.assertFalse(late.is_ack_breached)
            self.env["srm.issue"]._cron_srm_sla_check()
            self.assertTrue(late.is_ack_breached)
            self.assertTrue(late.is_sla_breached)
            self.assertFalse(on_time.is_sla_breached)
            escalations = late.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
            self.assertEqual(len(escalations), 1)
            self.assertEqual(escalations.user_id, self.user_manager, "the team leader is told")
            self.assertIn("Acknowledgement", escalations.summary)
            self.assertTrue(late.ack_escalated)
            self.assertFalse(on_time.activity_ids)
            # idempotent: a second run adds nothing
            self.env["srm.issue"]._cron_srm_sla_check()
            self.assertEqual(
                len(late.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)), 1
            )
            breached = self.env["srm.issue"].search(
                [("id", "in", (late | on_time).ids), ("is_sla_breached", "=", True)]
            )
            self.assertEqual(breached, late, "the Breached filter finds it")
        with freeze_time("2026-03-05 09:00:00"):
            late.stage_id = self.stage_ack  # late acknowledgement stays a breach
            self.assertTrue(late.is_ack_breached)
            self.assertEqual(late.ack_on_time_rate, 0.0)
            self.assertEqual(late.date_next_due, late.date_investigation_due)
        with freeze_time("2026-03-31 12:00:00"):
            self.env["srm.issue"]._cron_srm_sla_check()
            self.assertTrue(late.is_investigation_breached)
            self.assertEqual(
                len(late.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)), 2
            )
            late.write({"stage_id": self.stage_closed.id, "outcome": "upheld"})
            self.assertEqual(late.date_closed, dt("2026-03-31 12:00"))
            self.assertEqual(late.date_resolved, dt("2026-03-31 12:00"))
            self.assertAlmostEqual(late.close_days, 29.125)
            self.assertFalse(late.is_resolution_breached, "closed within 30 days")
            self.assertFalse(late.date_next_due)

    def test_due_this_week_filter_domain(self):
        with freeze_time("2026-03-02 09:00:00"):
            issue = self._issue(severity="2", date_received=dt("2026-03-02 09:00"))
            domain = [
                ("date_next_due", ">=", "2026-03-02"),
                ("date_next_due", "<", "2026-03-09"),
                ("id", "=", issue.id),
            ]
            self.assertEqual(self.env["srm.issue"].search(domain), issue)

    def test_interim_notice_revises_deadline(self):
        with freeze_time("2026-03-02 09:00:00"):
            issue = self._issue(severity="2", date_received=dt("2026-03-02 09:00"))
        with freeze_time("2026-03-30 09:00:00"):
            wizard_form = Form(
                self.env["srm.issue.deadline.wizard"].with_context(default_issue_id=issue.id)
            )
            wizard_form.deadline = "resolution"
            self.assertEqual(wizard_form.current_due, dt("2026-04-01 09:00"))
            wizard_form.new_due = dt("2026-04-20 12:00")
            wizard_form.reason = "Laboratory results are pending."
            wizard = wizard_form.save()
            wizard.action_confirm()
            self.assertEqual(issue.date_resolution_due, dt("2026-04-20 12:00"))
            self.assertEqual(issue.date_resolution_revised, dt("2026-04-20 12:00"))
            notice = issue.message_ids.filtered(
                lambda m: m.subtype_id == self.env.ref("mail.mt_comment")
            )
            self.assertEqual(len(notice), 1)
            self.assertIn("Laboratory results are pending.", notice.body)
            self.assertEqual(notice.partner_ids, self.complainant, "sent to the complainant")
            note = issue.message_ids.filtered(lambda m: m.subtype_id == self.env.ref("mail.mt_note"))
            self.assertTrue(any("Laboratory results are pending." in m.body for m in note))
            # an earlier date is refused, with a clear message
            wizard2 = self.env["srm.issue.deadline.wizard"].create(
                {
                    "issue_id": issue.id,
                    "deadline": "resolution",
                    "new_due": dt("2026-04-10 12:00"),
                    "reason": "Oops",
                }
            )
            with self.assertRaises(UserError):
                wizard2.action_confirm()
