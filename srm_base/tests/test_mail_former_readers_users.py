# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import tagged

from .common import SrmCase
from .mail_former_readers import FormerReadersMixin


@tagged("post_install", "-at_install")
class TestMailFormerReadersUsers(FormerReadersMixin, SrmCase):
    """Whoever follows an engagement, was notified of its messages or is assigned one of
    its activities, and then may no longer read it on their side (taken off its project,
    on the user or on the project, their Confidential access or SRM groups withdrawn, its
    company removed from theirs, archived), loses all of it: they stop following it, their
    notifications of it are read, and the activity goes to its responsible when they may
    read it (else it stays, with a note asking its readers to reassign it). Whoever still
    may read it keeps everything."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.confidential = cls.env.ref("srm_base.group_srm_confidential")
        cls.counsel = cls._new_user("srm_fru_counsel", "srm_base.group_srm_user,srm_base.group_srm_confidential")
        cls.colleague = cls._new_user("srm_fru_colleague", "srm_base.group_srm_user")
        cls.mine_user = cls._new_user(
            "srm_fru_mine_user", "srm_base.group_srm_restricted", srm_project_ids=[Command.set(cls.project.ids)]
        )
        cls.mine_counsel = cls._new_user(
            "srm_fru_mine_counsel",
            "srm_base.group_srm_restricted,srm_base.group_srm_confidential",
            srm_project_ids=[Command.set(cls.project.ids)],
        )
        cls.both_user = cls._new_user(
            "srm_fru_both_user",
            "srm_base.group_srm_restricted",
            srm_project_ids=[Command.set((cls.project | cls.other_project).ids)],
        )

    def _follow(self, record, user, author):
        """``user`` follows ``record`` and is sent a message of it (no activity: the checks
        of the records they lose count the activities of every record of the model)."""
        record.with_user(author).message_subscribe(partner_ids=user.partner_id.ids)
        return record.with_user(author).message_post(
            body=f"Minutes for {user.name}",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=user.partner_id.ids,
        )

    def _assert_follows(self, record, user, message):
        """``user`` still follows ``record``, reads ``message`` and has it unread."""
        self.assertIn(user.partner_id, record.message_partner_ids)
        self.assertTrue(message.with_user(user).read(["body"]))
        self.assertTrue(
            message.sudo().notification_ids.filtered(lambda n: n.res_partner_id == user.partner_id and not n.is_read)
        )

    def _assert_handed_over(self, record, user, activity, heir):
        self.assertEqual(activity.user_id, heir)
        note = self._handover_note(record, activity)
        self.assertTrue(note)
        self.assertIn(user.name, str(note.body))

    def test_taken_off_the_project_on_the_user(self):
        engagement = self._engagement(self.stakeholder, name="Fence line", user_id=self.counsel.id)
        messages, activity = self._involve(engagement, self.mine_user, self.counsel)
        kept = {user: self._involve(engagement, user, self.counsel) for user in self.both_user | self.colleague}

        self.mine_user.write({"srm_project_ids": [Command.unlink(self.project.id)]})
        self.both_user.write({"srm_project_ids": [Command.unlink(self.other_project.id)]})

        self._assert_lost(engagement, self.mine_user, messages, activity)
        self._assert_handed_over(engagement, self.mine_user, activity, self.counsel)
        for user, (kept_messages, kept_activity) in kept.items():
            self._assert_reaches(engagement, user, kept_messages, kept_activity)
            self.assertFalse(self._handover_note(engagement, kept_activity))

    def test_taken_off_the_project_on_the_project(self):
        engagement = self._engagement(
            self.stakeholder, name="Dust monitoring", user_id=self.counsel.id, is_confidential=True
        )
        messages, activity = self._involve(engagement, self.mine_counsel, self.counsel)
        keeper = self._new_user(
            "srm_fru_keeper",
            "srm_base.group_srm_restricted,srm_base.group_srm_confidential",
            srm_project_ids=[Command.set(self.project.ids)],
        )
        kept = self._involve(engagement, keeper, self.counsel)

        self.project.write({"member_ids": [Command.unlink(self.mine_counsel.id)]})

        self._assert_lost(engagement, self.mine_counsel, messages, activity)
        self._assert_handed_over(engagement, self.mine_counsel, activity, self.counsel)
        self._assert_reaches(engagement, keeper, *kept)

    def test_confidential_access_withdrawn(self):
        engagement = self._engagement(
            self.stakeholder, name="Compensation talks", user_id=self.counsel.id, is_confidential=True
        )
        open_one = self._engagement(self.stakeholder, name="Open day", user_id=self.counsel.id)
        second = self._new_user("srm_fru_second", "srm_base.group_srm_user,srm_base.group_srm_confidential")
        third = self._new_user("srm_fru_third", "srm_base.group_srm_user,srm_base.group_srm_confidential")
        keeper = self._new_user("srm_fru_keeper", "srm_base.group_srm_user,srm_base.group_srm_confidential")
        lost = {user: self._involve(engagement, user, self.counsel) for user in self.mine_counsel | second | third}
        kept_open = self._follow(open_one, self.mine_counsel, self.counsel)
        kept = self._involve(engagement, keeper, self.counsel)

        self.mine_counsel.write({"groups_id": [Command.unlink(self.confidential.id)]})
        # the user form writes the groups as one field per group
        second.write({f"in_group_{self.confidential.id}": False})
        # or taken out of the group, on the group
        self.confidential.write({"users": [Command.unlink(third.id)]})
        keeper.write({"groups_id": [Command.link(self.env.ref("base.group_allow_export").id)]})

        for user, (messages, activity) in lost.items():
            self._assert_lost(engagement, user, messages, activity)
            self._assert_handed_over(engagement, user, activity, self.counsel)
        self._assert_follows(open_one, self.mine_counsel, kept_open)
        self._assert_reaches(engagement, keeper, *kept)
        self.assertFalse(self._handover_note(engagement, kept[1]))

    def test_srm_groups_withdrawn(self):
        engagement = self._engagement(self.stakeholder, name="Water tank", user_id=self.counsel.id)
        messages, activity = self._involve(engagement, self.colleague, self.counsel)
        kept = self._involve(engagement, self.mine_user, self.counsel)

        self.colleague.write({"groups_id": [Command.unlink(self.env.ref("srm_base.group_srm_user").id)]})
        self.mine_user.write({"groups_id": [Command.link(self.env.ref("base.group_allow_export").id)]})

        self._assert_lost(engagement, self.colleague, messages, activity)
        self._assert_handed_over(engagement, self.colleague, activity, self.counsel)
        self._assert_reaches(engagement, self.mine_user, *kept)

    def test_company_removed(self):
        other_company = self.env["res.company"].create({"name": "SRM Former Readers Users Co"})
        both = self._new_user(
            "srm_fru_both_companies",
            "srm_base.group_srm_user",
            company_ids=[Command.set((self.company | other_company).ids)],
        )
        leaving = self._new_user(
            "srm_fru_leaving",
            "srm_base.group_srm_user",
            company_ids=[Command.set((self.company | other_company).ids)],
        )
        stay = self._new_user(
            "srm_fru_stay",
            "srm_base.group_srm_user",
            company_ids=[Command.set((self.company | other_company).ids)],
        )
        engagement = self._engagement(
            self.stakeholder, name="Shared quarry", project_id=False, user_id=both.id, company_id=other_company.id
        )
        here = self._engagement(self.stakeholder, name="Home quarry", project_id=False, user_id=both.id)
        messages, activity = self._involve(engagement, leaving, both)
        kept_here = self._follow(here, leaving, both)
        kept = self._involve(engagement, stay, both)

        leaving.write({"company_ids": [Command.unlink(other_company.id)]})

        self._assert_lost(engagement, leaving, messages, activity)
        self._assert_handed_over(engagement, leaving, activity, both)
        self._assert_follows(here, leaving, kept_here)
        self._assert_reaches(engagement, stay, *kept)

    def test_archived(self):
        """Odoo deletes the activities of a user it archives: those of SRM records are
        handed over first."""
        engagement = self._engagement(self.stakeholder, name="Grazing land", user_id=self.counsel.id)
        messages, activity = self._involve(engagement, self.colleague, self.counsel)

        self.colleague.action_archive()

        self.assertNotIn(self.colleague.partner_id, engagement.message_partner_ids)
        self.assertFalse(
            messages.sudo().notification_ids.filtered(
                lambda n: n.res_partner_id == self.colleague.partner_id and not n.is_read
            )
        )
        self.assertTrue(activity.exists(), "the activity is handed over, not deleted")
        self._assert_handed_over(engagement, self.colleague, activity, self.counsel)

    def test_nobody_may_take_over(self):
        """The project user who loses the engagement is its responsible: their activity
        stays with them, and the note asks its readers to reassign it."""
        engagement = self._engagement(self.stakeholder, name="Spring capture", user_id=self.mine_user.id)
        messages, activity = self._involve(engagement, self.mine_user, self.counsel)

        self.project.write({"member_ids": [Command.unlink(self.mine_user.id)]})

        self._assert_lost(engagement, self.mine_user, messages, activity)
        self.assertEqual(activity.user_id, self.mine_user)
        note = self._handover_note(engagement, activity)
        self.assertIn("reassign it", str(note.body))
        self.assertEqual(engagement.with_user(self.counsel).activity_ids, activity)

    def test_project_archived(self):
        """The members of an archived project no longer read its records: its project users
        lose them, the others keep them."""
        engagement = self._engagement(self.stakeholder, name="Tailings dam", user_id=self.counsel.id)
        messages, activity = self._involve(engagement, self.mine_user, self.counsel)
        kept = self._involve(engagement, self.colleague, self.counsel)

        self.project.action_archive()

        self._assert_lost(engagement, self.mine_user, messages, activity)
        self._assert_handed_over(engagement, self.mine_user, activity, self.counsel)
        self._assert_reaches(engagement, self.colleague, *kept)
