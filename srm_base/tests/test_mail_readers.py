# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SrmCase


@tagged("post_install", "-at_install")
class TestMailReaders(SrmCase):
    """Recipients, followers and activity assignees of an SRM record are users who may read
    it: Confidential access is not enough for a confidential record of another project or
    company, and a project user of another project reads no record of this one through a
    message or an activity."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.counsel = cls._new_user("srm_mr_counsel", "srm_base.group_srm_user,srm_base.group_srm_confidential")
        # project users of the road, one with Confidential access
        cls.road_counsel = cls._new_user(
            "srm_mr_road_counsel",
            "srm_base.group_srm_restricted,srm_base.group_srm_confidential",
            srm_project_ids=[Command.set(cls.other_project.ids)],
        )
        cls.road_counsel.notification_type = "email"
        cls.road_user = cls._new_user(
            "srm_mr_road_user", "srm_base.group_srm_restricted", srm_project_ids=[Command.set(cls.other_project.ids)]
        )
        # a project user of the mine with Confidential access: may read both engagements
        cls.mine_counsel = cls._new_user(
            "srm_mr_mine_counsel",
            "srm_base.group_srm_restricted,srm_base.group_srm_confidential",
            srm_project_ids=[Command.set(cls.project.ids)],
        )
        # Confidential access in another company only
        cls.other_company = cls.env["res.company"].create({"name": "SRM Other Company"})
        cls.foreign_counsel = cls._new_user(
            "srm_mr_foreign_counsel",
            "srm_base.group_srm_user,srm_base.group_srm_confidential",
            company_id=cls.other_company.id,
            company_ids=[Command.set(cls.other_company.ids)],
        )
        cls.secret = cls._engagement(cls.stakeholder, name="Relocation terms", is_confidential=True)
        cls.public = cls._engagement(cls.stakeholder, name="Dust monitoring")

    def _notified(self, message):
        return message.sudo().notification_ids.res_partner_id

    def _assert_cannot_read(self, user, message):
        Message = self.env["mail.message"].with_user(user)
        self.assertFalse(Message.search([("id", "=", message.id)]))
        with self.assertRaises(AccessError), mute_logger("odoo.models", "odoo.addons.base.models.ir_rule"):
            Message.browse(message.id).read(["body", "record_name"])

    def test_confidential_recipients_who_may_not_read_are_dropped(self):
        message = self.secret.with_user(self.counsel).message_post(
            body="The family accepts the new house",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=(self.road_counsel | self.road_user | self.foreign_counsel | self.mine_counsel).partner_id.ids,
        )
        self.assertEqual(message.sudo().partner_ids, self.mine_counsel.partner_id)
        self.assertEqual(self._notified(message), self.mine_counsel.partner_id)
        for user in self.road_counsel | self.road_user | self.foreign_counsel:
            self._assert_cannot_read(user, message)
        self.assertFalse(
            self.env["mail.mail"].sudo().search([("recipient_ids", "in", self.road_counsel.partner_id.ids)])
        )
        self.assertTrue(message.with_user(self.mine_counsel).read(["body"]))

    def test_followers_are_users_who_may_read(self):
        readers = (self.counsel | self.mine_counsel).partner_id
        outsiders = (self.road_counsel | self.foreign_counsel).partner_id
        self.secret.with_user(self.counsel).message_subscribe(partner_ids=(readers | outsiders).ids)
        self.assertEqual(self.secret.message_partner_ids & (readers | outsiders), readers)
        # on several records at once: each keeps the users who may read it
        road = self._engagement(self.road_stakeholder, name="Road works", project_id=self.other_project.id)
        (self.public | road).message_subscribe(partner_ids=(self.road_user | self.mine_counsel).partner_id.ids)
        self.assertIn(self.mine_counsel.partner_id, self.public.message_partner_ids)
        self.assertNotIn(self.road_user.partner_id, self.public.message_partner_ids)
        self.assertIn(self.road_user.partner_id, road.message_partner_ids)
        self.assertNotIn(self.mine_counsel.partner_id, road.message_partner_ids)
        # a stakeholder still follows an engagement (their emails are theirs to read)
        self.public.message_subscribe(partner_ids=self.community.ids)
        self.assertIn(self.community, self.public.message_partner_ids)

    def test_followers_from_before_are_not_told(self):
        """A follower who may not read the record (subscribed before, or since moved to
        another project) is not notified of its messages, nor emailed."""
        self.env["mail.followers"]._insert_followers(
            "srm.engagement", self.secret.ids, (self.road_counsel | self.mine_counsel).partner_id.ids
        )
        message = self.secret.with_user(self.counsel).message_post(
            body="Next offer on Monday", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertEqual(self._notified(message), self.mine_counsel.partner_id)
        self._assert_cannot_read(self.road_counsel, message)
        self.assertFalse(
            self.env["mail.mail"].sudo().search([("recipient_ids", "in", self.road_counsel.partner_id.ids)])
        )
        notice = self.secret.with_user(self.counsel).message_notify(
            body="Reminder", partner_ids=(self.road_counsel | self.mine_counsel).partner_id.ids
        )
        self.assertEqual(self._notified(notice), self.mine_counsel.partner_id)

    def test_open_record_recipients_who_may_not_read_are_dropped(self):
        message = self.public.with_user(self.counsel).message_post(
            body="Dust readings attached",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=(self.road_user.partner_id | self.mine_counsel.partner_id | self.stakeholder).ids,
        )
        # stakeholders keep being written to: only users who may not read the record are dropped
        self.assertEqual(message.sudo().partner_ids, self.mine_counsel.partner_id | self.stakeholder)
        self._assert_cannot_read(self.road_user, message)

    def test_activities_go_to_users_who_may_read(self):
        secret = self.secret.with_user(self.counsel)
        for user in self.road_counsel | self.foreign_counsel:
            with self.assertRaisesRegex(ValidationError, "may not read it"):
                secret.activity_schedule("mail.mail_activity_data_todo", summary="Call the family", user_id=user.id)
        with self.assertRaisesRegex(ValidationError, "may not read it"):
            self.public.with_user(self.counsel).activity_schedule(
                "mail.mail_activity_data_todo", summary="Check the gauges", user_id=self.road_user.id
            )
        activity = secret.activity_schedule(
            "mail.mail_activity_data_todo", summary="Call the family", user_id=self.mine_counsel.id
        )
        # nor may an activity be handed over to them afterwards
        with self.assertRaisesRegex(ValidationError, "may not read it"):
            activity.write({"user_id": self.road_counsel.id})
        for user in self.road_counsel | self.road_user | self.foreign_counsel:
            Activity = self.env["mail.activity"].with_user(user)
            self.assertFalse(Activity.search([("res_model", "=", "srm.engagement")]))
            with self.assertRaises(AccessError), mute_logger("odoo.models", "odoo.addons.base.models.ir_rule"):
                Activity.browse(activity.id).read(["summary", "res_name"])
        self.assertEqual(activity.with_user(self.mine_counsel).summary, "Call the family")
        self.assertEqual(self.secret.message_partner_ids & self.mine_counsel.partner_id, self.mine_counsel.partner_id)
