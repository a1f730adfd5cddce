# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import tagged

from odoo.addons.mail.tools.discuss import Store

from .common import SrmIssueCase

PROTECTED = "Protected complainant"


@tagged("post_install", "-at_install")
class TestSrmIssueMailPrivacy(SrmIssueCase):
    """Who wrote to a sensitive grievance, to whom the team answered and who follows
    it: users without Confidential access learn it from no mail path."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.comment = cls.env.ref("mail.mt_comment")
        cls.lawyer = cls.env["res.partner"].create({"name": "Maître Diallo", "email": "diallo@example.com"})
        cls.issue = cls._issue(name="A guard threatened me")
        # the complainant wrote by email before the issue was found to be sensitive
        cls.email = cls.env["mail.message"].create(
            {
                "model": "srm.issue",
                "res_id": cls.issue.id,
                "message_type": "email",
                "subtype_id": cls.comment.id,
                "author_id": cls.complainant.id,
                "email_from": '"Awa Traoré" <awa.traore@example.com>',
                "reply_to": "awa.traore@example.com",
                "body": "<p>He was at the gate again this morning.</p>",
            }
        )
        # the team answered her, by name
        cls.answer = cls.issue.with_user(cls.user_confidential).message_post(
            body="<p>We are looking into it.</p>",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=cls.complainant.ids,
        )
        # and she sent a photo from the portal
        cls.photo = (
            cls.env["ir.attachment"]
            .with_user(cls.user_portal)
            .sudo()
            .create({"name": "gate.jpg", "raw": b"jpeg", "res_model": "srm.issue", "res_id": cls.issue.id})
        )
        cls.portal_post = cls.issue.with_user(cls.user_portal).message_post(
            body="<p>Here is the photo of the gate.</p>",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            attachment_ids=cls.photo.ids,
        )
        cls.note = cls.issue.message_post(body="<p>Check the guard roster</p>", subtype_xmlid="mail.mt_note")
        # a former complainant recorded on the issue (tracked change)
        col_info = cls.issue.fields_get(["complainant_id"])["complainant_id"]
        tracking = cls.env["mail.tracking.value"]._create_tracking_values(
            cls.complainant, cls.env["res.partner"], "complainant_id", col_info, cls.issue
        )
        cls.tracked = cls.issue._message_log(body="", tracking_value_ids=[Command.create(tracking)])
        cls.activity = cls.issue.activity_schedule(
            "mail.mail_activity_data_todo",
            summary="Call back",
            user_id=cls.user_user.id,
            request_partner_id=cls.complainant.id,
        )
        cls.issue.with_user(cls.user_confidential).is_sensitive = True
        # her lawyer follows the issue, on the team's invitation
        cls.issue.with_user(cls.user_confidential).message_subscribe(partner_ids=cls.lawyer.ids)
        cls.issue_messages = cls.email | cls.answer | cls.portal_post | cls.note | cls.tracked

    def _messages(self, user):
        return (
            self.env["mail.message"]
            .with_user(user)
            .search([("model", "=", "srm.issue"), ("res_id", "=", self.issue.id)])
        )

    def _chatter(self, user):
        store = Store()
        self._messages(user)._to_store(store, for_current_user=True)
        return repr(store.get_result())

    def test_message_reads_hide_the_complainant(self):
        messages = self._messages(self.user_user)
        self.assertEqual(messages & self.issue_messages, self.issue_messages, "the messages stay readable")
        fields = ["author_id", "email_from", "reply_to", "partner_ids", "notification_ids", "create_uid", "body"]
        for values in messages.read(fields) + messages.search_read([("id", "in", messages.ids)], fields):
            self.assertNotEqual(values["author_id"] and values["author_id"][0], self.complainant.id)
            self.assertNotIn(self.complainant.id, values["partner_ids"])
            self.assertNotIn("awa", (values["email_from"] or "").lower())
            self.assertNotIn("awa", (values["reply_to"] or "").lower())
            self.assertNotEqual(values["create_uid"] and values["create_uid"][0], self.user_portal.id)
        email = self.email.with_user(self.user_user).read(["author_id", "email_from", "body"])[0]
        self.assertEqual(email["email_from"], PROTECTED)
        self.assertFalse(email["author_id"])
        self.assertIn("at the gate again", email["body"])
        answer = self.answer.with_user(self.user_user).read(["author_id", "partner_ids", "notification_ids"])[0]
        self.assertEqual(answer["author_id"][0], self.user_confidential.partner_id.id, "staff keep their name")
        self.assertFalse(answer["partner_ids"])
        to_complainant = self.answer.notification_ids.filtered(lambda n: n.res_partner_id == self.complainant)
        self.assertTrue(to_complainant, "she was emailed the answer")
        self.assertTrue(answer["notification_ids"], "the team's notifications stay")
        self.assertNotIn(to_complainant.id, answer["notification_ids"])
        spec = {
            "author_id": {"fields": {"display_name": {}, "email": {}}},
            "partner_ids": {"fields": {"display_name": {}}},
            "notification_ids": {"fields": {"res_partner_id": {"fields": {"display_name": {}}}}},
            "create_uid": {"fields": {"display_name": {}}},
            "email_from": {},
        }
        self.assertNotIn("Awa", repr(messages.web_read(spec)))
        chatter = self._chatter(self.user_user)
        self.assertNotIn("Awa", chatter)
        self.assertNotIn("awa.traore", chatter)
        self.assertIn(PROTECTED, chatter)
        self.assertIn("Here is the photo of the gate.", chatter)
        self.assertIn("Iss Confidential", chatter, "staff keep their name")

    def test_searching_messages_by_person_finds_nothing(self):
        Message = self.env["mail.message"].with_user(self.user_user)
        for domain in (
            [("author_id", "=", self.complainant.id)],
            [("author_id.name", "ilike", "Awa")],
            [("email_from", "ilike", "awa.traore")],
            [("partner_ids", "in", self.complainant.ids)],
            [("notification_ids.res_partner_id", "=", self.complainant.id)],
            [("create_uid", "=", self.user_portal.id)],
        ):
            with self.subTest(domain=domain):
                self.assertFalse(Message.search(domain + [("model", "=", "srm.issue")]))
        groups = Message.read_group([("model", "=", "srm.issue")], ["author_id"], ["author_id"])
        self.assertNotIn(self.complainant.id, [group["author_id"] and group["author_id"][0] for group in groups])
        # nor through the issues
        Issue = self.env["srm.issue"].with_user(self.user_user)
        self.assertFalse(Issue.search([("message_ids.author_id", "=", self.complainant.id)]))
        # searching on staff and on oneself still works
        self.assertIn(self.answer, Message.search([("author_id", "=", self.user_confidential.partner_id.id)]))
        mine = self.issue.with_user(self.user_user).message_post(body="Seen", subtype_xmlid="mail.mt_note")
        self.assertEqual(
            Message.search([("author_id", "=", self.user_user.partner_id.id)]) & self.issue.message_ids, mine
        )

    def test_notifications_followers_attachments_activities_tracking(self):
        notification = self.answer.notification_ids.filtered(lambda n: n.res_partner_id == self.complainant)
        self.assertTrue(notification, "the complainant was emailed the answer")
        Notification = self.env["mail.notification"].with_user(self.user_user)
        self.assertFalse(Notification.search([("res_partner_id", "=", self.complainant.id)]))
        self.assertFalse(notification.with_user(self.user_user).read(["res_partner_id"])[0]["res_partner_id"])
        # followers: the complainant never follows a sensitive issue, her lawyer is hidden
        self.issue.with_user(self.user_confidential).message_subscribe(partner_ids=self.complainant.ids)
        self.assertNotIn(self.complainant, self.issue.message_partner_ids)
        self.assertIn(self.lawyer, self.issue.message_partner_ids)
        Followers = self.env["mail.followers"].with_user(self.user_user)
        domain = [("res_model", "=", "srm.issue"), ("res_id", "=", self.issue.id)]
        self.assertNotIn(self.lawyer, Followers.search(domain).partner_id)
        self.assertTrue(Followers.search(domain), "the team's followers are listed")
        self.assertFalse(Followers.search([("partner_id", "=", self.lawyer.id)]))
        # a stakeholder's chatter lists its followers without looking at the issues'
        chatter_domain = [("res_model", "=", "res.partner"), ("res_id", "=", self.complainant.id)]
        self.assertNotIn('"srm_issue"', Followers._search(chatter_domain).select().code)
        lawyer_follower = self.env["mail.followers"].search(domain + [("partner_id", "=", self.lawyer.id)])
        self.assertEqual(
            lawyer_follower.with_user(self.user_user).read(["partner_id", "name", "email"])[0],
            {"id": lawyer_follower.id, "partner_id": False, "name": False, "email": False},
        )
        # the photo stays, without who uploaded it
        photo = self.photo.with_user(self.user_user).read(["name", "create_uid", "write_uid"])[0]
        self.assertEqual(photo["name"], "gate.jpg")
        self.assertFalse(photo["create_uid"])
        self.assertFalse(
            self.env["ir.attachment"].with_user(self.user_user).search([("create_uid", "=", self.user_portal.id)])
        )
        # the activity, without the partner who asked for it
        activity = self.activity.with_user(self.user_user).read(["summary", "request_partner_id"])[0]
        self.assertEqual(activity["summary"], "Call back")
        self.assertFalse(activity["request_partner_id"])
        # nor do searches and groupings on these people find them
        Activity = self.env["mail.activity"].with_user(self.user_user)
        self.assertFalse(Activity.search([("request_partner_id", "=", self.complainant.id)]))
        groupings = [
            (Notification, "res_partner_id", self.complainant.id),
            (Followers, "partner_id", self.lawyer.id),
            (self.env["ir.attachment"].with_user(self.user_user), "create_uid", self.user_portal.id),
            (Activity, "request_partner_id", self.complainant.id),
        ]
        for Model, fname, hidden_id in groupings:
            with self.subTest(model=Model._name, groupby=fname):
                groups = Model.read_group([], [fname], [fname])
                self.assertNotIn(hidden_id, [group[fname] and group[fname][0] for group in groups])
        # the tracked complainant is not shown
        chatter = self._chatter(self.user_user)
        self.assertNotIn("complainant_id", chatter)

    def test_confidential_access_sees_everything(self):
        email = self.email.with_user(self.user_confidential).read(["author_id", "email_from"])[0]
        self.assertEqual(email["author_id"][0], self.complainant.id)
        self.assertIn("awa.traore@example.com", email["email_from"])
        answer = self.answer.with_user(self.user_confidential).read(["partner_ids"])[0]
        self.assertEqual(answer["partner_ids"], self.complainant.ids)
        Followers = self.env["mail.followers"].with_user(self.user_confidential)
        self.assertIn(
            self.lawyer, Followers.search([("res_id", "=", self.issue.id), ("res_model", "=", "srm.issue")]).partner_id
        )
        self.assertEqual(
            self.env["mail.message"]
            .with_user(self.user_confidential)
            .search([("author_id", "=", self.complainant.id)]),
            self.email | self.portal_post,
        )
        self.assertEqual(
            self.photo.with_user(self.user_confidential).read(["create_uid"])[0]["create_uid"][0], self.user_portal.id
        )
        chatter = self._chatter(self.user_confidential)
        self.assertIn("Awa", chatter)
        self.assertIn("complainant_id", chatter)

    def test_complainant_sees_own_messages(self):
        messages = self._messages(self.user_portal)
        self.assertEqual(messages & self.issue_messages, self.email | self.answer | self.portal_post, "no note")
        formatted = messages.portal_message_format()
        own = [values for values in formatted if values["id"] == self.portal_post.id][0]
        self.assertEqual(own["author_id"][0], self.complainant.id)
        staff = [values for values in formatted if values["id"] == self.answer.id][0]
        self.assertEqual(staff["author_id"][0], self.user_confidential.partner_id.id)
