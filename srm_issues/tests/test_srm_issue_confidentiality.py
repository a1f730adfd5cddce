# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SrmIssueCase


@tagged("post_install", "-at_install")
class TestSrmIssueConfidentiality(SrmIssueCase):
    """Who raised a sensitive grievance is known only to Confidential access users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sensitive = cls._issue(name="Harassment by a security guard", is_sensitive=True)
        cls.plain = cls._issue(name="Dust on the market", complainant_partner_id=cls.other_complainant.id)

    def test_normal_user_cannot_read_search_or_export_identity(self):
        Issue = self.env["srm.issue"].with_user(self.user_user)
        sensitive = Issue.browse(self.sensitive.id)
        self.assertEqual(sensitive.name, "Harassment by a security guard", "the issue itself is readable")
        self.assertFalse(sensitive.complainant_id)
        self.assertEqual(sensitive.complainant_display, "Protected")
        self.assertEqual(Issue.browse(self.plain.id).complainant_id, self.other_complainant)
        self.assertEqual(Issue.browse(self.plain.id).complainant_display, "Koffi Mensah")
        self.assertNotIn("complainant_partner_id", Issue.fields_get())
        self.assertNotIn("complainant_partner_id", sensitive.read()[0])
        with mute_logger("odoo.models"):
            with self.assertRaises(AccessError):
                sensitive.read(["complainant_partner_id"])
            with self.assertRaises(AccessError):
                Issue.search([("complainant_partner_id", "=", self.complainant.id)])
            with self.assertRaises(AccessError):
                sensitive.export_data(["complainant_partner_id/id"])
            with self.assertRaises(AccessError):
                Issue.read_group([], ["complainant_partner_id"], ["complainant_partner_id"])
        # the visible field does not give it away either
        self.assertFalse(Issue.search([("complainant_id", "=", self.complainant.id), ("id", "=", sensitive.id)]))
        exported = sensitive.export_data(["reference", "complainant_id", "complainant_display"])["datas"]
        self.assertEqual(exported[0][0], sensitive.reference)
        self.assertFalse(exported[0][1])
        self.assertEqual(exported[0][2], "Protected")
        spec = {"complainant_display": {}, "complainant_id": {"fields": {"display_name": {}}}}
        self.assertNotIn("Awa", repr(sensitive.web_read(spec)))
        # nor the stakeholder's issue count
        self.assertEqual(self.complainant.with_user(self.user_user).srm_issue_count, 0)
        self.assertEqual(self.complainant.srm_issue_count, 0, "counted on the visible field for everyone")

    def test_confidential_user_sees_identity(self):
        sensitive = self.sensitive.with_user(self.user_confidential)
        self.assertEqual(sensitive.complainant_partner_id, self.complainant)
        self.assertEqual(sensitive.complainant_display, "Awa Traoré")
        found = self.env["srm.issue"].with_user(self.user_confidential).search(
            [("complainant_partner_id", "=", self.complainant.id)]
        )
        self.assertEqual(found, self.sensitive)
        exported = sensitive.export_data(["complainant_partner_id/name"])["datas"]
        self.assertEqual(exported, [["Awa Traoré"]])

    def test_only_confidential_users_lift_protection(self):
        with self.assertRaises(UserError):
            self.sensitive.with_user(self.user_user).is_sensitive = False
        # anybody may protect an identity
        self.plain.with_user(self.user_user).is_sensitive = True
        self.assertFalse(self.plain.complainant_id)
        self.assertNotIn(self.other_complainant, self.plain.message_partner_ids, "no longer a visible follower")
        self.sensitive.with_user(self.user_confidential).is_sensitive = False
        self.assertEqual(self.sensitive.complainant_id, self.complainant)

    def test_messages_to_protected_complainant_do_not_name_them(self):
        self.assertNotIn(self.complainant, self.sensitive.message_partner_ids)
        self.sensitive.with_user(self.user_user).stage_id = self.stage_ack
        message = self.sensitive.message_ids.filtered(lambda m: m.subtype_id == self.env.ref("mail.mt_comment"))
        self.assertEqual(len(message), 1)
        self.assertFalse(message.partner_ids)
        self.assertFalse(message.notification_ids.res_partner_id & self.complainant)
        self.assertNotIn("Awa", message.body)
        mail = self.env["mail.mail"].search([("mail_message_id", "=", message.id)])
        self.assertEqual(mail.email_to, '"Awa Traoré" <awa.traore@example.com>')

    def test_anonymous_issue_keeps_no_identity(self):
        issue = self._issue(is_anonymous=True)
        self.assertFalse(issue.complainant_partner_id)
        self.assertEqual(issue.complainant_display, "Anonymous")
        self.plain.is_anonymous = True
        self.assertFalse(self.plain.complainant_partner_id)
