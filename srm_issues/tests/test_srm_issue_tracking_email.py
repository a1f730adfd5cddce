# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import tagged

from odoo.addons.mail.tools.discuss import Store

from .common import SrmIssueCase


@tagged("post_install", "-at_install")
class TestSrmIssueTrackingEmail(SrmIssueCase):
    """A notification email shows each recipient only the tracked changes they may read,
    as their chatter does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a reviewer who is a stakeholder of the other project only: project A's restricted
        # team may not read them
        cls.reviewer = cls.env["res.partner"].create(
            {"name": "Ines Port Ombudsman", "is_stakeholder": True, "srm_project_ids": [Command.set(cls.project_b.ids)]}
        )
        (cls.user_restricted | cls.user_user).write({"notification_type": "email"})
        cls.issue = cls._issue(name="Dust on the school", complainant_partner_id=False)
        cls.issue.message_subscribe(partner_ids=(cls.user_restricted | cls.user_user).partner_id.ids)

    def _write(self, vals):
        """``vals`` written by the manager; the emails are kept in the queue."""
        self.env.cr.precommit.run()  # the tracking left by the set-up is posted first
        self.issue.with_user(self.user_manager).with_context(mail_notify_force_send=False).write(vals)
        self.env.flush_all()
        self.env.cr.precommit.run()  # the tracked changes are posted

    def _emails(self):
        """The stage-change notification each follower is emailed, with its tracked changes."""
        mails = (
            self.env["mail.mail"]
            .sudo()
            .search(
                [
                    ("model", "=", "srm.issue"),
                    ("res_id", "=", self.issue.id),
                    ("mail_message_id.subtype_id", "=", self.env.ref("srm_issues.mt_issue_stage").id),
                ]
            )
        )
        return {
            partner: " ".join(mails.filtered(lambda m, p=partner: p in m.recipient_ids).mapped("body_html"))
            for partner in (self.user_restricted | self.user_user).partner_id
        }

    def test_tracked_link_left_out_for_who_may_not_read_it(self):
        self._write({"stage_id": self.stage_inv.id, "appeal_reviewer_id": self.reviewer.id})
        emails = self._emails()
        restricted, user = emails[self.user_restricted.partner_id], emails[self.user_user.partner_id]
        self.assertIn(self.stage_inv.name, restricted, "the stage change itself reaches them")
        self.assertNotIn("Ines Port Ombudsman", restricted)
        self.assertIn("Ines Port Ombudsman", user, "a user who may read the reviewer sees the change")
        self.assertIn(self.stage_inv.name, user)
        # their chatter agrees
        store = Store()
        self.issue.with_user(self.user_restricted).message_ids._to_store(store, for_current_user=True)
        self.assertNotIn("Ines Port Ombudsman", repr(store.get_result()))

    def test_emails_unchanged_without_tracked_links(self):
        self._write({"stage_id": self.stage_inv.id, "severity": "3"})
        emails = self._emails()
        self.assertEqual(emails[self.user_restricted.partner_id], emails[self.user_user.partner_id])
        self.assertIn(self.stage_inv.name, emails[self.user_user.partner_id])

    def test_author_working_in_another_company(self):
        """The author works with a second company selected, which the recipients do not
        belong to: each is checked in their own companies, and the change saves."""
        other = self.env["res.company"].create({"name": "Port Authority Ltd"})
        self.user_manager.company_ids |= other
        self.env.cr.precommit.run()
        companies = (other | self.env.company).ids
        self.issue.with_user(self.user_manager).with_context(
            allowed_company_ids=companies, mail_notify_force_send=False
        ).write({"stage_id": self.stage_inv.id, "appeal_reviewer_id": self.reviewer.id})
        self.env.flush_all()
        self.env.cr.precommit.run()
        emails = self._emails()
        self.assertIn("Ines Port Ombudsman", emails[self.user_user.partner_id])
        self.assertNotIn("Ines Port Ombudsman", emails[self.user_restricted.partner_id])
