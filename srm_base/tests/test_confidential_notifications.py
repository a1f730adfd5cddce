# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SrmCase


@tagged("post_install", "-at_install")
class TestConfidentialNotifications(SrmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = cls._new_user("srm_notif_officer", "srm_base.group_srm_user")
        cls.counsel = cls._new_user(
            "srm_notif_counsel", "srm_base.group_srm_user,srm_base.group_srm_confidential"
        )
        cls.engagement = cls._engagement(cls.stakeholder, name="Compensation talks")
        cls.engagement.message_subscribe(
            partner_ids=(cls.officer.partner_id | cls.counsel.partner_id | cls.community).ids
        )

    def _notified(self, message):
        return message.sudo().notification_ids.res_partner_id

    def test_followers_of_open_engagement_are_notified(self):
        message = self.engagement.message_post(
            body="Next meeting on Monday", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        notified = self._notified(message)
        self.assertIn(self.officer.partner_id, notified)
        self.assertIn(self.counsel.partner_id, notified)

    def test_followers_without_access_are_not_notified(self):
        self.engagement.is_confidential = True
        message = self.engagement.message_post(
            body="The family accepts the offer", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        notified = self._notified(message)
        self.assertIn(self.counsel.partner_id, notified)
        self.assertNotIn(self.officer.partner_id, notified)
        # external followers neither: no email leaves for a confidential record
        self.assertNotIn(self.community, notified)
        self.assertFalse(self.env["mail.mail"].sudo().search([("mail_message_id", "=", message.id)]))
        with self.assertRaises(AccessError), mute_logger("odoo.models", "odoo.addons.mail.models.mail_message"):
            message.with_user(self.officer).read(["body"])
        self.assertFalse(self.env["mail.message"].with_user(self.officer).search([("id", "=", message.id)]))

    def test_explicit_recipients_without_access_are_dropped(self):
        self.engagement.is_confidential = True
        message = self.engagement.message_post(
            body="For your eyes only", message_type="comment", subtype_xmlid="mail.mt_note",
            partner_ids=(self.officer.partner_id | self.counsel.partner_id).ids,
        )
        self.assertEqual(message.partner_ids, self.counsel.partner_id)
        self.assertNotIn(self.officer.partner_id, self._notified(message))
        # being named as recipient would have opened the message to them
        self.assertFalse(self.env["mail.message"].with_user(self.officer).search([("id", "=", message.id)]))
        # activities: the assignee must be able to read the engagement
        with self.assertRaisesRegex(ValidationError, "no confidential access"):
            self.engagement.activity_schedule("mail.mail_activity_data_todo", user_id=self.officer.id)
        self.engagement.activity_schedule("mail.mail_activity_data_todo", user_id=self.counsel.id)
        self.assertEqual(self.engagement.activity_ids.user_id, self.counsel)

    def test_direct_notification_filtered(self):
        self.engagement.is_confidential = True
        message = self.engagement.message_notify(
            body="Reminder", partner_ids=(self.officer.partner_id | self.counsel.partner_id).ids,
        )
        self.assertEqual(self._notified(message), self.counsel.partner_id)

    def test_no_suggested_recipients_for_confidential(self):
        self.stakeholder.srm_consent = True
        suggested = self.engagement._message_get_suggested_recipients()
        self.assertIn(self.stakeholder.id, [s.get("partner_id") for s in suggested])
        self.engagement.is_confidential = True
        self.assertFalse(self.engagement._message_get_suggested_recipients())

    def test_writing_to_do_not_contact_stakeholder_refused(self):
        self.do_not_contact.email = "tomas.reyes@example.com"
        engagement = self._engagement(self.do_not_contact, direction="inbound")
        self.assertNotIn(
            self.do_not_contact.id,
            [s.get("partner_id") for s in engagement._message_get_suggested_recipients()],
        )
        with self.assertRaisesRegex(UserError, "asked not to be contacted"):
            engagement.message_post(
                body="Would you meet us?", message_type="comment", subtype_xmlid="mail.mt_comment",
                partner_ids=self.do_not_contact.ids,
            )
        # an internal note naming nobody is fine
        engagement.message_post(body="They called again", message_type="comment", subtype_xmlid="mail.mt_note")
