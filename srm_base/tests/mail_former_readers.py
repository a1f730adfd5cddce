# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Checks shared by the tests of the people who may no longer read an SRM record
(srm_base's engagements, srm_issues' grievances)."""

from odoo.exceptions import AccessError
from odoo.tools import mute_logger

MUTED = ("odoo.models", "odoo.addons.base.models.ir_rule")


class FormerReadersMixin:
    """Tie a user to an SRM record through mail (notified recipient, author, follower,
    assignee), and check what they still reach of it."""

    def _involve(self, record, user, author):
        """``user`` is named recipient of a message of ``author`` on ``record``, writes one,
        follows it and is assigned an activity; returns (messages, activity)."""
        told = record.with_user(author).message_post(
            body=f"Draft terms for {user.name}",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=user.partner_id.ids,
        )
        own = record.with_user(user).message_post(body=f"Notes of {user.name}", subtype_xmlid="mail.mt_note")
        record.with_user(author).message_subscribe(partner_ids=user.partner_id.ids)
        activity = record.with_user(author).activity_schedule(
            "mail.mail_activity_data_todo", summary=f"Call back ({user.login})", user_id=user.id
        )
        messages, activity = (told | own).with_env(self.env), activity.with_env(self.env)
        self._assert_reaches(record, user, messages, activity)
        return messages, activity

    def _fetch(self, user, record):
        return (
            self.env["mail.message"]
            .with_user(user)
            ._message_fetch([("model", "=", record._name), ("res_id", "=", record.id)])["messages"]
        )

    def _assert_reaches(self, record, user, messages, activity):
        Message = self.env["mail.message"].with_user(user)
        self.assertEqual(Message.search([("id", "in", messages.ids)]), messages)
        self.assertEqual(len(messages.with_user(user).read(["body", "record_name"])), len(messages))
        self.assertEqual(self._fetch(user, record) & messages, messages)
        self.assertIn(user.partner_id, record.message_partner_ids)
        Activity = self.env["mail.activity"].with_user(user)
        self.assertEqual(Activity.search([("id", "=", activity.id)]), activity)
        self.assertTrue(activity.with_user(user).read(["summary", "res_name"]))
        self.assertEqual(activity.user_id, user)

    def _assert_lost(self, record, user, messages, activity):
        Message = self.env["mail.message"].with_user(user)
        self.assertFalse(Message.search([("id", "in", messages.ids)]))
        self.assertFalse(Message.search_read([("id", "in", messages.ids)], ["body"]))
        self.assertFalse(Message.search_count([("model", "=", record._name), ("res_id", "=", record.id)]))
        self.assertFalse(self._fetch(user, record))
        self.assertFalse(Message._message_fetch([("needaction", "=", True)])["messages"] & messages)
        for message in messages:
            # notified, recipient or author: none of it opens the message any more
            with self.assertRaises(AccessError), mute_logger(*MUTED):
                message.with_user(user).read(["body", "record_name"])
            self.assertFalse(message.with_user(user).has_access("write"))
        # nor does their inbox count it
        self.assertFalse(
            messages.sudo().notification_ids.filtered(lambda n: n.res_partner_id == user.partner_id and not n.is_read)
        )
        self.assertNotIn(user.partner_id, record.message_partner_ids)
        Activity = self.env["mail.activity"].with_user(user)
        self.assertFalse(Activity.search([("id", "=", activity.id)]))
        self.assertFalse(Activity.search([("res_model", "=", record._name), ("res_id", "=", record.id)]))
        self.assertFalse(Activity.search_count([("user_id", "=", user.id), ("res_model", "=", record._name)]))
        with self.assertRaises(AccessError), mute_logger(*MUTED):
            activity.with_user(user).read(["summary", "res_name"])
        with self.assertRaises(AccessError), mute_logger(*MUTED):
            activity.with_user(user).action_feedback(feedback="Done")
        self.assertTrue(activity.exists(), "the activity is handed over, not deleted")

    def _handover_note(self, record, activity):
        return record.message_ids.filtered(
            lambda message: activity.summary in str(message.body) and "no longer read" in str(message.body)
        )
