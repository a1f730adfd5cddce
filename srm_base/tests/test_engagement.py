# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import SrmCase


@tagged("post_install", "-at_install")
class TestEngagement(SrmCase):
    def test_engagement_needs_a_stakeholder(self):
        with self.assertRaisesRegex(ValidationError, "must involve at least one stakeholder"):
            self.env["srm.engagement"].create({"name": "Nobody", "engagement_type_id": self.type_call.id})
        with self.assertRaisesRegex(ValidationError, "must involve at least one stakeholder"):
            self.env["srm.engagement"].create({"name": "Nobody", "partner_ids": []})
        engagement = self._engagement(self.stakeholder)
        with self.assertRaisesRegex(ValidationError, "must involve at least one stakeholder"):
            engagement.partner_ids = [Command.clear()]

    def test_negative_duration_refused(self):
        with self.assertRaises(ValidationError):
            self._engagement(self.stakeholder, duration=-1)

    def test_do_not_contact_only_inbound(self):
        with self.assertRaisesRegex(ValidationError, "Tomás Reyes asked not to be contacted"):
            self._engagement(self.do_not_contact, direction="outbound")
        with self.assertRaisesRegex(ValidationError, "asked not to be contacted"):
            self._engagement(self.stakeholder | self.do_not_contact, direction="outbound")
        # they reached out: recording it is allowed
        inbound = self._engagement(self.do_not_contact, direction="inbound")
        self.assertEqual(inbound.partner_ids, self.do_not_contact)
        with self.assertRaisesRegex(ValidationError, "asked not to be contacted"):
            inbound.direction = "outbound"
        outbound = self._engagement(self.stakeholder, direction="outbound")
        with self.assertRaisesRegex(ValidationError, "asked not to be contacted"):
            outbound.partner_ids = [Command.link(self.do_not_contact.id)]

    def test_iap2_level_defaults_from_type(self):
        engagement = self._engagement(self.stakeholder, engagement_type_id=self.type_letter.id)
        self.assertEqual(engagement.iap2_level, "inform")
        engagement.engagement_type_id = self.env.ref("srm_base.srm_engagement_type_public_meeting")
        self.assertEqual(engagement.iap2_level, "consult")
        # a type without default keeps the level chosen
        engagement.iap2_level = "involve"
        engagement.engagement_type_id = self.type_call
        self.assertEqual(engagement.iap2_level, "involve")
        explicit = self._engagement(self.stakeholder, engagement_type_id=self.type_letter.id, iap2_level="empower")
        self.assertEqual(explicit.iap2_level, "empower")

    def test_last_engagement_date_and_days_since_contact(self):
        now = fields.Datetime.now()
        self.assertFalse(self.stakeholder.srm_last_engagement_date)
        old = self._engagement(self.stakeholder, days_ago=40)
        self.assertEqual(self.stakeholder.srm_last_engagement_date, old.date)
        self.assertEqual(self.stakeholder.srm_days_since_contact, 40)

        recent = self._engagement(self.stakeholder | self.community, days_ago=5)
        self.assertEqual(self.stakeholder.srm_last_engagement_date, recent.date)
        self.assertEqual(self.stakeholder.srm_days_since_contact, 5)
        self.assertEqual(self.community.srm_days_since_contact, 5)

        recent.date = now - timedelta(days=12)
        self.assertEqual(self.stakeholder.srm_days_since_contact, 12)

        # the community leaves the engagement: back to no contact at all
        recent.partner_ids = [Command.unlink(self.community.id)]
        self.assertFalse(self.community.srm_last_engagement_date)
        self.assertFalse(self.community.srm_days_since_contact)

        recent.unlink()
        self.assertEqual(self.stakeholder.srm_last_engagement_date, old.date)
        self.assertEqual(self.stakeholder.srm_days_since_contact, 40)

        # the "no contact in 90 days" filter of the stakeholder list
        old.date = now - timedelta(days=120)
        self.assertIn(self.stakeholder, self._no_contact_in_90_days())
        self._engagement(self.stakeholder, days_ago=2)
        self.assertNotIn(self.stakeholder, self._no_contact_in_90_days())

    def test_confidential_engagements_do_not_move_the_last_contact(self):
        """The last engagement date is on the stakeholder, which every SRM user
        reads: a confidential meeting must not show there."""
        user = self._new_user("srm_last_contact_user", "base.group_user,srm_base.group_srm_user")
        confidential_user = self._new_user(
            "srm_last_contact_conf", "base.group_user,srm_base.group_srm_user,srm_base.group_srm_confidential"
        )
        public = self._engagement(self.stakeholder, days_ago=30)
        secret = self._engagement(self.stakeholder | self.community, days_ago=2, is_confidential=True)
        for reader in (user, confidential_user):
            stakeholder = self.stakeholder.with_user(reader)
            self.assertEqual(stakeholder.srm_last_engagement_date, public.date)
            self.assertEqual(stakeholder.srm_days_since_contact, 30)
        self.assertFalse(self.community.with_user(user).srm_last_engagement_date)
        # the filter of the list does not give it away either
        self.assertIn(self.community, self._no_contact_in_90_days())

        # declassified: it counts; classified again: it no longer does
        secret.is_confidential = False
        self.assertEqual(self.stakeholder.with_user(user).srm_last_engagement_date, secret.date)
        self.assertEqual(self.community.srm_days_since_contact, 2)
        secret.is_confidential = True
        self.assertEqual(self.stakeholder.with_user(user).srm_last_engagement_date, public.date)
        self.assertFalse(self.community.srm_last_engagement_date)

    def test_confidential_access_sees_the_confidential_last_contact(self):
        """Users with Confidential access also see when a stakeholder was last met,
        confidential meetings included; nobody else can read, search, group or export it."""
        user = self._new_user("srm_last_all_user", "base.group_user,srm_base.group_srm_user")
        confidential_user = self._new_user(
            "srm_last_all_conf", "base.group_user,srm_base.group_srm_user,srm_base.group_srm_confidential"
        )
        public = self._engagement(self.stakeholder, days_ago=30)
        secret = self._engagement(self.stakeholder | self.community, days_ago=2, is_confidential=True)
        Partner = self.env["res.partner"].with_user(confidential_user)
        self.assertEqual(
            Partner.browse(self.stakeholder.id).read(["srm_last_engagement_date_all", "srm_last_engagement_date"]),
            [{"id": self.stakeholder.id, "srm_last_engagement_date_all": secret.date,
              "srm_last_engagement_date": public.date}],
        )  # fmt: skip
        self.assertEqual(Partner.browse(self.community.id).srm_last_engagement_date_all, secret.date)
        self.assertEqual(
            Partner.search([("srm_last_engagement_date_all", "=", secret.date)]), self.stakeholder | self.community
        )
        secret.date = secret.date - timedelta(days=60)
        self.env.invalidate_all()
        self.assertEqual(Partner.browse(self.stakeholder.id).srm_last_engagement_date_all, public.date)
        secret.partner_ids = self.community
        self.env.invalidate_all()
        self.assertEqual(Partner.browse(self.community.id).srm_last_engagement_date_all, secret.date)

        Partner = self.env["res.partner"].with_user(user)
        stakeholder = Partner.browse(self.stakeholder.id)
        with self.assertRaises(AccessError):
            stakeholder.read(["srm_last_engagement_date_all"])
        with self.assertRaises(AccessError):
            Partner.search([("srm_last_engagement_date_all", "!=", False)])
        with self.assertRaises(AccessError):
            Partner.read_group([], ["srm_last_engagement_date_all:max"], [])
        self.assertNotIn("srm_last_engagement_date_all", Partner.fields_get())
        form = Partner.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertNotIn("srm_last_engagement_date_all", form)

    def _no_contact_in_90_days(self):
        view = self.env.ref("srm_base.res_partner_view_search_stakeholder")
        self.assertIn('name="no_contact_90"', view.arch)
        limit = fields.Date.to_string(fields.Date.context_today(self.env.user) - timedelta(days=90))
        return self.env["res.partner"].search([
            ("is_stakeholder", "=", True),
            "|", ("srm_last_engagement_date", "=", False), ("srm_last_engagement_date", "<", limit),
        ])

    def test_days_since_contact_move_on_with_the_cron(self):
        self._engagement(self.stakeholder, days_ago=3)
        self.assertEqual(self.stakeholder.srm_days_since_contact, 3)
        with freeze_time(datetime.now() + timedelta(days=30)):
            self.env["res.partner"]._cron_srm_refresh_days_since_contact()
            self.assertEqual(self.stakeholder.srm_days_since_contact, 33)
        cron = self.env.ref("srm_base.ir_cron_srm_days_since_contact")
        self.assertEqual(cron.code, "model._cron_srm_refresh_days_since_contact()")

    def test_participants_synced_with_stakeholders(self):
        engagement = self._engagement(self.stakeholder | self.community)
        self.assertEqual(engagement.participant_ids.partner_id, self.stakeholder | self.community)
        line = engagement.participant_ids.filtered(lambda p: p.partner_id == self.stakeholder)
        self.assertEqual(line.capacity_type_id, self.type_landowner)
        # a mayor speaking as landowner: the capacity is kept when others join
        line.capacity_type_id = self.type_individual
        engagement.partner_ids = [Command.link(self.do_not_contact.id)]
        self.assertEqual(len(engagement.participant_ids), 3)
        self.assertEqual(line.capacity_type_id, self.type_individual)
        engagement.partner_ids = [Command.unlink(self.community.id)]
        self.assertEqual(engagement.participant_ids.partner_id, self.stakeholder | self.do_not_contact)
        self.assertEqual(engagement.stakeholder_count, 2)

    def test_stakeholders_linked_to_the_project(self):
        self.assertNotIn(self.road_stakeholder, self.project.stakeholder_ids)
        engagement = self._engagement(self.road_stakeholder)
        self.assertIn(self.road_stakeholder, self.project.stakeholder_ids)
        self.assertIn(self.project, self.road_stakeholder.srm_project_ids)
        newcomer = self.env["res.partner"].create({"name": "Newcomer", "is_stakeholder": True})
        engagement.partner_ids = [Command.link(newcomer.id)]
        self.assertIn(self.project, newcomer.srm_project_ids)
        engagement.project_id = self.other_project
        self.assertIn(self.other_project, newcomer.srm_project_ids)
        self.assertNotIn(self.other_project, self.stakeholder.srm_project_ids)

    def test_contacts_become_stakeholders(self):
        contact = self.env["res.partner"].create({"name": "Plain Contact"})
        self.assertFalse(contact.is_stakeholder)
        self._engagement(contact)
        self.assertTrue(contact.is_stakeholder)

    def test_log_engagement_from_calendar_event(self):
        user = self._new_user("srm_cal_user", "srm_base.group_srm_user")
        start = datetime(2026, 3, 10, 14, 0)
        event = self.env["calendar.event"].with_context(no_mail_to_attendees=True).create({
            "name": "Water committee",
            "start": start,
            "stop": start + timedelta(hours=1, minutes=30),
            "location": "Sede social",
            "description": "<p>Quarterly <b>water</b> results</p>",
            "user_id": user.id,
            "partner_ids": [Command.set([user.partner_id.id, self.stakeholder.id, self.community.id])],
        })
        action = event.with_user(user).action_srm_log_engagement()
        self.assertEqual(action["res_model"], "srm.engagement")
        ctx = action["context"]
        self.assertEqual(ctx["default_name"], "Water committee")
        self.assertEqual(ctx["default_calendar_event_id"], event.id)
        self.assertEqual(sorted(ctx["default_partner_ids"]), sorted((self.stakeholder | self.community).ids))
        self.assertEqual(ctx["default_attendee_user_ids"], user.ids)
        # what the user sees when the action opens
        form = Form(self.env["srm.engagement"].with_user(user).with_context(**ctx))
        self.assertEqual(form.name, "Water committee")
        self.assertEqual(form.date, start)
        self.assertEqual(form.duration, 1.5)
        self.assertEqual(form.location, "Sede social")
        self.assertEqual(form.engagement_type_id, self.type_meeting)
        self.assertIn("water", form.summary)
        engagement = form.save()
        self.assertEqual(engagement.partner_ids, self.stakeholder | self.community)
        self.assertEqual(event.srm_engagement_ids, engagement)
        # once logged, the button opens the engagement
        again = event.with_user(user).action_srm_log_engagement()
        self.assertEqual(again["res_id"], engagement.id)


@tagged("post_install", "-at_install")
class TestEngagementLocalDate(SrmCase):
    """The stored local day of an engagement, in its company's time zone."""

    def test_local_day_in_company_time_zone(self):
        self.company.partner_id.tz = "Asia/Shanghai"
        late = self._engagement(self.stakeholder, date=datetime(2026, 1, 31, 20, 0))
        self.assertEqual(str(late.date_local), "2026-02-01")  # 04:00 the next day in Shanghai
        late.date = datetime(2026, 1, 31, 10, 0)
        self.assertEqual(str(late.date_local), "2026-01-31")
        # the company moves: the day of its engagements follows
        self.company.partner_id.tz = "America/Santiago"
        late.invalidate_recordset()
        self.assertEqual(str(late.date_local), "2026-01-31")
        late.date = datetime(2026, 2, 1, 2, 0)  # 23:00 on 31 January in Santiago
        self.assertEqual(str(late.date_local), "2026-01-31")
        self.company.partner_id.tz = "UTC"
        late.invalidate_recordset()
        self.assertEqual(str(late.date_local), "2026-02-01")
        self.assertEqual(
            self.env["srm.engagement"].search_count([("id", "=", late.id), ("date_local", "=", "2026-02-01")]), 1
        )
