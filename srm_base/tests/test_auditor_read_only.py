# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SrmCase

READ_ONLY = "auditor access is read-only"


@tagged("post_install", "-at_install")
class TestAuditorReadOnly(SrmCase):
    """An auditor reads SRM records and changes nothing on them: no message, note,
    email, activity, follower or attachment, however it is asked for."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.auditor = cls._new_user("srm_ro_auditor", "srm_base.group_srm_auditor")
        cls.auditor_user = cls._new_user("srm_ro_auditor_user", "srm_base.group_srm_auditor,srm_base.group_srm_user")
        cls.auditor_confidential = cls._new_user(
            "srm_ro_auditor_confidential", "srm_base.group_srm_auditor,srm_base.group_srm_confidential"
        )
        cls.engagement = cls._engagement(cls.stakeholder, name="Water committee meeting")
        # a manager made the auditors followers (so that they see the record in their
        # feeds): following does not let them write
        cls.engagement.message_subscribe(
            partner_ids=(cls.auditor | cls.auditor_user | cls.auditor_confidential).partner_id.ids
        )
        cls.stakeholder.message_subscribe(partner_ids=cls.auditor.partner_id.ids)

    def _messages(self, record):
        return self.env["mail.message"].search([("model", "=", record._name), ("res_id", "=", record.id)])

    def test_auditor_posts_no_message_note_or_email(self):
        engagement = self.engagement.with_user(self.auditor)
        self.assertEqual(engagement.name, "Water committee meeting", "the auditor reads the engagement")
        before = self._messages(self.engagement)
        with self.assertRaisesRegex(AccessError, READ_ONLY):
            engagement.message_post(body="Noted in the audit", message_type="comment", subtype_xmlid="mail.mt_note")
        with self.assertRaisesRegex(AccessError, READ_ONLY):
            engagement.message_post(
                body="Please send us the minutes",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=self.stakeholder.ids,
            )
        # the chatter posts with sudo() once it checked the user may read the record
        with self.assertRaisesRegex(AccessError, READ_ONLY):
            engagement.sudo().message_post(body="Via the chatter", message_type="comment", subtype_xmlid="mail.mt_note")
        with self.assertRaisesRegex(AccessError, READ_ONLY):
            self.stakeholder.with_user(self.auditor).message_post(
                body="Note on a stakeholder", message_type="comment", subtype_xmlid="mail.mt_note"
            )
        self.assertEqual(self._messages(self.engagement), before)
        self.assertFalse(
            self.env["mail.mail"].search([("model", "=", "srm.engagement"), ("res_id", "=", self.engagement.id)])
        )

    def test_auditor_schedules_nothing_follows_nothing_attaches_nothing(self):
        engagement = self.engagement.with_user(self.auditor)
        with mute_logger("odoo.models", "odoo.addons.base.models.ir_rule"):
            with self.assertRaises(AccessError):
                engagement.activity_schedule("mail.mail_activity_data_todo", user_id=self.auditor.id)
            with self.assertRaisesRegex(AccessError, READ_ONLY):
                engagement.sudo().activity_schedule("mail.mail_activity_data_todo", user_id=self.auditor.id)
        self.assertFalse(self.engagement.activity_ids)
        with self.assertRaisesRegex(AccessError, READ_ONLY):
            engagement.message_unsubscribe(partner_ids=self.auditor.partner_id.ids)
        other = self._engagement(self.stakeholder, name="Road safety walk")
        with self.assertRaisesRegex(AccessError, READ_ONLY):
            other.with_user(self.auditor).message_subscribe(partner_ids=self.auditor.partner_id.ids)
        self.assertNotIn(self.auditor.partner_id, other.message_partner_ids)
        self.assertIn(self.auditor.partner_id, self.engagement.message_partner_ids, "still a follower")
        with self.assertRaisesRegex(AccessError, READ_ONLY):
            self.env["ir.attachment"].with_user(self.auditor).sudo().create(
                {"name": "audit.txt", "raw": b"findings", "res_model": "srm.engagement", "res_id": other.id}
            )
        self.assertFalse(
            self.env["ir.attachment"].search([("res_model", "=", "srm.engagement"), ("res_id", "=", other.id)])
        )

    def test_auditor_with_confidential_access_stays_read_only(self):
        with self.assertRaisesRegex(AccessError, READ_ONLY):
            self.engagement.with_user(self.auditor_confidential).message_post(
                body="Noted", message_type="comment", subtype_xmlid="mail.mt_note"
            )

    def test_auditor_who_is_also_user_works_as_user(self):
        engagement = self.engagement.with_user(self.auditor_user)
        message = engagement.message_post(body="Minutes attached", message_type="comment", subtype_xmlid="mail.mt_note")
        self.assertEqual(message.author_id, self.auditor_user.partner_id)
        engagement.activity_schedule("mail.mail_activity_data_todo", user_id=self.auditor_user.id)
        self.assertEqual(self.engagement.activity_ids.user_id, self.auditor_user)

    def test_refusal_in_the_auditors_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.auditor.lang = "fr_FR"
        engagement = self.engagement.with_user(self.auditor).with_context(lang="fr_FR")
        with self.assertRaisesRegex(AccessError, "auditeur est en lecture seule"):
            engagement.message_post(body="Noté", message_type="comment", subtype_xmlid="mail.mt_note")
