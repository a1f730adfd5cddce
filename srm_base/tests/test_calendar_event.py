# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SrmCase


@tagged("post_install", "-at_install")
class TestCalendarEventOfEngagement(SrmCase):
    """A meeting planned for, or logged as, an engagement is seen by those who may read the
    engagement, and by its organiser and attendees: the calendar does not tell the others
    the subject, place and stakeholders of a confidential negotiation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = cls._new_user("srm_cal_user", "srm_base.group_srm_user")
        cls.auditor = cls._new_user("srm_cal_auditor", "srm_base.group_srm_auditor")
        cls.lawyer = cls._new_user("srm_cal_lawyer", "srm_base.group_srm_user,srm_base.group_srm_confidential")
        cls.invited = cls._new_user("srm_cal_invited", "srm_base.group_srm_user")
        cls.restricted = cls._new_user(
            "srm_cal_restricted",
            "srm_base.group_srm_restricted",
            srm_project_ids=[Command.set(cls.other_project.ids)],
        )
        start = fields.Datetime.now() + timedelta(days=2)
        cls.Event = cls.env["calendar.event"].with_context(mail_create_nolog=True)
        cls.logged = cls.Event.create(
            {
                "name": "Buy-out offer to the Ríos family",
                "start": start,
                "stop": start + timedelta(hours=1),
                "user_id": cls.lawyer.id,
                "partner_ids": [Command.set((cls.stakeholder | cls.invited.partner_id).ids)],
            }
        )
        cls.engagement = cls._engagement(
            cls.stakeholder, name="Buy-out negotiation", is_confidential=True, calendar_event_id=cls.logged.id
        )
        # planned from the engagement (an activity of type Meeting links it so)
        cls.planned = cls.Event.create(
            {
                "name": "Second offer to the Ríos family",
                "start": start + timedelta(days=7),
                "stop": start + timedelta(days=7, hours=1),
                "user_id": cls.lawyer.id,
                "res_model_id": cls.env["ir.model"]._get_id("srm.engagement"),
                "res_id": cls.engagement.id,
            }
        )
        cls.unrelated = cls.Event.create(
            {"name": "Team lunch", "start": start, "stop": start + timedelta(hours=1), "user_id": cls.lawyer.id}
        )

    def _seen_by(self, user):
        Event = self.env["calendar.event"].with_user(user)
        return Event.search([("id", "in", (self.logged | self.planned | self.unrelated).ids)])

    def test_meetings_of_a_confidential_engagement(self):
        for user in (self.user, self.auditor):
            with self.subTest(user=user.login):
                self.assertEqual(self._seen_by(user), self.unrelated)
                Event = self.env["calendar.event"].with_user(user)
                self.assertFalse(Event.name_search("Ríos family"))
                self.assertFalse(Event.search_count([("res_id", "=", self.engagement.id)]))
                with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
                    self.logged.with_user(user).read(["name"])
        # its readers, organiser and attendees see them
        everything = self.logged | self.planned | self.unrelated
        self.assertEqual(self._seen_by(self.lawyer), everything)
        self.assertEqual(self._seen_by(self.invited), self.logged | self.unrelated)
        self.assertEqual(self.logged.with_user(self.invited).name, "Buy-out offer to the Ríos family")
        # shared with the team, the engagement's meetings are the team's
        self.engagement.is_confidential = False
        self.assertEqual(self._seen_by(self.user), everything)

    def test_meetings_of_another_project(self):
        self.engagement.is_confidential = False
        self.assertEqual(self._seen_by(self.restricted), self.unrelated)
        self.engagement.project_id = self.other_project
        self.assertEqual(self._seen_by(self.restricted), self.logged | self.planned | self.unrelated)

    def test_attendance_and_occurrences(self):
        Attendee = self.env["calendar.attendee"]
        self.assertEqual(len(Attendee.search([("event_id", "=", self.logged.id)])), 2)
        self.assertFalse(Attendee.with_user(self.user).search([("event_id", "=", self.logged.id)]))
        invited = Attendee.with_user(self.invited).search([("event_id", "=", self.logged.id)])
        self.assertEqual(invited.partner_id, self.stakeholder | self.invited.partner_id)
        # one occurrence of a recurring meeting logged as the confidential engagement
        start = fields.Datetime.now() + timedelta(days=3)
        series = self.Event.create(
            {
                "name": "Weekly talks with the Ríos family",
                "start": start,
                "stop": start + timedelta(hours=1),
                "user_id": self.lawyer.id,
                "recurrency": True,
                "rrule_type": "weekly",
                ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[start.weekday()]: True,
                "interval": 1,
                "end_type": "count",
                "count": 3,
            }
        )
        occurrences = series.recurrence_id.calendar_event_ids
        self.assertEqual(len(occurrences), 3)
        self._engagement(
            self.stakeholder, name="Weekly talks", is_confidential=True, calendar_event_id=occurrences[:1].id
        )
        self.assertFalse(self.env["calendar.event"].with_user(self.user).search([("id", "in", occurrences.ids)]))
        self.assertEqual(
            self.env["calendar.event"].with_user(self.lawyer).search([("id", "in", occurrences.ids)]), occurrences
        )

    def test_meetings_by_an_engagement_they_may_not_read(self):
        """Searching meetings by the id of the engagement logged from them, or by whether
        one was, does not tell an attendee who may not read it that it exists."""

        def found(user, domain):
            Event = self.env["calendar.event"].with_user(user)
            full = [*domain, ("id", "in", (self.logged | self.unrelated).ids)]
            events = Event.search(full)
            self.assertEqual(Event.search_count(full), len(events), domain)
            groups = Event.read_group(full, ["__count"], [])
            self.assertEqual(sum(group["__count"] for group in groups), len(events), domain)
            return events

        self.assertFalse(self.env["srm.engagement"].with_user(self.invited).search([("id", "=", self.engagement.id)]))
        self.assertEqual(found(self.invited, []), self.logged | self.unrelated)
        for domain in (
            [("srm_engagement_ids", "in", self.engagement.ids)],
            [("srm_engagement_ids", "=", self.engagement.id)],
            [("srm_engagement_ids", "!=", False)],
        ):
            with self.subTest(domain=domain):
                self.assertFalse(found(self.invited, domain))
                self.assertEqual(found(self.lawyer, domain), self.logged)
        self.assertEqual(found(self.invited, [("srm_engagement_ids", "=", False)]), self.logged | self.unrelated)

    def test_meeting_of_an_engagement_they_may_not_read(self):
        """The engagement a meeting stands for is, to an attendee who may not read it, no
        engagement: searching by its id or by whether there is one, counting, grouping,
        reading and exporting tell them neither which engagement it is nor that there is
        one; its readers find, read and group it as before."""
        meetings = self.logged | self.unrelated

        def found(user, domain):
            Event = self.env["calendar.event"].with_user(user)
            full = [*domain, ("id", "in", meetings.ids)]
            events = Event.search(full)
            self.assertEqual(Event.search_count(full), len(events), domain)
            groups = Event.read_group(full, ["__count"], [])
            self.assertEqual(sum(group["__count"] for group in groups), len(events), domain)
            return events

        self.assertEqual(self.logged.srm_engagement_id, self.engagement)
        self.assertFalse(self.env["srm.engagement"].with_user(self.invited).search([("id", "=", self.engagement.id)]))
        for domain in (
            [("srm_engagement_id", "=", self.engagement.id)],
            [("srm_engagement_id", "in", self.engagement.ids)],
            [("srm_engagement_id", "!=", False)],
            ["!", ("srm_engagement_id", "=", False)],
        ):
            with self.subTest(domain=domain):
                self.assertFalse(found(self.invited, domain))
                self.assertEqual(found(self.lawyer, domain), self.logged)
        for domain in (
            [("srm_engagement_id", "=", False)],
            [("srm_engagement_id", "!=", self.engagement.id)],
            [("srm_engagement_id", "not in", self.engagement.ids)],
        ):
            with self.subTest(domain=domain):
                self.assertEqual(found(self.invited, domain), meetings)
                self.assertEqual(found(self.lawyer, domain), self.unrelated)
        # reads, groupings and exports
        for user, shown in ((self.invited, False), (self.lawyer, self.engagement.id)):
            with self.subTest(user=user.login):
                logged = self.logged.with_user(user)
                value = logged.read(["srm_engagement_id"])[0]["srm_engagement_id"]
                self.assertEqual(value and value[0], shown)
                value = logged.web_read({"srm_engagement_id": {"fields": {"display_name": {}}}})[0]
                self.assertEqual(value["srm_engagement_id"] and value["srm_engagement_id"]["id"], shown)
                Event = self.env["calendar.event"].with_user(user)
                for orderby in (False, "srm_engagement_id desc"):
                    groups = Event.read_group(
                        [("id", "in", meetings.ids)], ["__count"], ["srm_engagement_id"], orderby=orderby
                    )
                    keys = [group["srm_engagement_id"] and group["srm_engagement_id"][0] for group in groups]
                    self.assertEqual(sorted(keys), sorted({False, shown}), orderby)
                    for group in groups:
                        self.assertEqual(Event.search_count(group["__domain"]), group["srm_engagement_id_count"])
        export = self.env.ref("base.group_allow_export")
        for user in (self.invited, self.lawyer):
            user.groups_id += export
        rows = self.logged.with_user(self.invited).export_data(["name", "srm_engagement_id", "srm_engagement_id/id"])
        self.assertEqual(rows["datas"], [["Buy-out offer to the Ríos family", "", ""]])
        rows = self.logged.with_user(self.lawyer).export_data(["name", "srm_engagement_id"])
        self.assertEqual(rows["datas"], [["Buy-out offer to the Ríos family", self.engagement.display_name]])
