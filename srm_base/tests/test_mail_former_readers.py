# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common import SrmCase
from .mail_former_readers import MUTED, FormerReadersMixin


@tagged("post_install", "-at_install")
class TestMailFormerReaders(FormerReadersMixin, SrmCase):
    """Whoever was notified of an engagement's message, wrote one, followed it or was
    assigned one of its activities before it became confidential, or moved to a project
    or company they do not work in, loses all of it: they no longer read its messages or
    the activity, no longer follow it, and the activity goes to someone who may read it.
    Whoever still may read it keeps everything."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.counsel = cls._new_user("srm_fr_counsel", "srm_base.group_srm_user,srm_base.group_srm_confidential")
        cls.manager = cls._new_user("srm_fr_manager", "srm_base.group_srm_manager,srm_base.group_srm_confidential")
        # an SRM user without Confidential access
        cls.colleague = cls._new_user("srm_fr_colleague", "srm_base.group_srm_user")
        # project users of the mine, one with Confidential access
        cls.mine_user = cls._new_user(
            "srm_fr_mine_user", "srm_base.group_srm_restricted", srm_project_ids=[Command.set(cls.project.ids)]
        )
        cls.mine_counsel = cls._new_user(
            "srm_fr_mine_counsel",
            "srm_base.group_srm_restricted,srm_base.group_srm_confidential",
            srm_project_ids=[Command.set(cls.project.ids)],
        )
        # a project user of the mine and of the road
        cls.both_user = cls._new_user(
            "srm_fr_both_user",
            "srm_base.group_srm_restricted",
            srm_project_ids=[Command.set((cls.project | cls.other_project).ids)],
        )

    def test_made_confidential(self):
        engagement = self._engagement(self.stakeholder, name="Water rights", user_id=self.colleague.id)
        lost = {user: self._involve(engagement, user, self.counsel) for user in self.colleague | self.mine_user}
        kept = self._involve(engagement, self.mine_counsel, self.counsel)

        engagement.with_user(self.counsel).is_confidential = True

        for user, (messages, activity) in lost.items():
            self._assert_lost(engagement, user, messages, activity)
            # the responsible (the colleague) may not read it either: the writer takes it over
            self.assertEqual(activity.user_id, self.counsel)
            self.assertTrue(self._handover_note(engagement, activity))
            self.assertIn(self.counsel.partner_id, engagement.message_partner_ids)
        self._assert_reaches(engagement, self.mine_counsel, *kept)
        self.assertFalse(self._handover_note(engagement, kept[1]))

    def test_moved_to_another_project(self):
        engagement = self._engagement(self.stakeholder, name="Blasting schedule", user_id=self.counsel.id)
        lost = {user: self._involve(engagement, user, self.counsel) for user in self.mine_user | self.mine_counsel}
        kept = {user: self._involve(engagement, user, self.counsel) for user in self.colleague | self.both_user}

        engagement.with_user(self.manager).project_id = self.other_project

        for user, (messages, activity) in lost.items():
            self._assert_lost(engagement, user, messages, activity)
            # the responsible may read it: they take it over rather than the manager
            self.assertEqual(activity.user_id, self.counsel)
            note = self._handover_note(engagement, activity)
            self.assertEqual(note.author_id, self.manager.partner_id)
            self.assertIn(user.name, str(note.body))
        for user, (messages, activity) in kept.items():
            self._assert_reaches(engagement, user, messages, activity)

    def test_moved_to_another_company(self):
        other_company = self.env["res.company"].create({"name": "SRM Former Readers Co"})
        both = self._new_user(
            "srm_fr_both_companies",
            "srm_base.group_srm_user",
            company_ids=[Command.set((self.company | other_company).ids)],
        )
        engagement = self._engagement(self.stakeholder, name="Shared road", project_id=False, user_id=both.id)
        messages, activity = self._involve(engagement, self.colleague, self.counsel)
        kept = self._involve(engagement, both, self.counsel)

        engagement.company_id = other_company

        self._assert_lost(engagement, self.colleague, messages, activity)
        self.assertEqual(activity.user_id, both, "the responsible works in both companies")
        # read in any of their companies, whichever they are working in (here the first)
        self._assert_reaches(engagement, both, *kept)

    def test_a_page_is_full_of_what_they_may_read(self):
        """A search of the first messages, followers or activities, some of them of
        records the user may not read, is filled from the next ones: the web client stops
        loading a list (the inbox, starred messages, the activities) at a page that is
        not full."""
        engagements = [self._engagement(self.stakeholder, name=f"Site visit {i}") for i in range(9)]
        posted = self.env["mail.message"].browse()
        for engagement in engagements:
            # written by the colleague: Odoo opens a message to its author, whatever the record
            posted |= engagement.with_user(self.colleague).message_post(
                body="Minutes of the visit", subtype_xmlid="mail.mt_note"
            )
            engagement.message_subscribe(partner_ids=self.colleague.partner_id.ids)
            engagement.activity_schedule("mail.mail_activity_data_todo", user_id=self.colleague.id)
        posted.sudo().write({"starred_partner_ids": [Command.link(self.colleague.partner_id.id)]})
        # the six newest become confidential (the colleague has no Confidential access),
        # in SQL: what the search finds, not the handing over on such a change, is tested
        hidden = [engagement.id for engagement in engagements[3:]]
        self.env.cr.execute("UPDATE srm_engagement SET is_confidential = TRUE WHERE id = ANY(%s)", [hidden])
        self.env.invalidate_all()
        readable = sorted(engagement.id for engagement in engagements[:3])

        Message = self.env["mail.message"].with_user(self.colleague)
        self.assertEqual(Message.search([("starred", "=", True)], limit=3), posted[:3])
        self.assertEqual(Message.search_count([("starred", "=", True)]), 3)
        followers = (
            self.env["mail.followers"]
            .with_user(self.colleague)
            .search([("partner_id", "=", self.colleague.partner_id.id)], limit=3, order="id desc")
        )
        self.assertEqual(sorted(followers.mapped("res_id")), readable)
        activities = (
            self.env["mail.activity"]
            .with_user(self.colleague)
            .search([("user_id", "=", self.colleague.id)], limit=3, order="id desc")
        )
        self.assertEqual(sorted(activities.mapped("res_id")), readable)

    def test_activity_nobody_may_take_over_stays_and_is_noted(self):
        """The responsible, without Confidential access, makes their engagement confidential:
        the write goes through, though they may no longer read it; neither they nor anybody
        else may take over a project user's activity, which keeps its assignee (who cannot
        open it), and the note asks the record's readers to reassign it."""
        engagement = self._engagement(self.stakeholder, name="Grave relocation", user_id=self.colleague.id)
        messages, activity = self._involve(engagement, self.mine_user, self.colleague)

        engagement.with_user(self.colleague).write({"is_confidential": True})

        self.assertTrue(engagement.is_confidential)
        self._assert_lost(engagement, self.mine_user, messages, activity)
        self.assertEqual(activity.user_id, self.mine_user)
        note = self._handover_note(engagement, activity)
        self.assertIn("reassign it", str(note.body))
        self.assertEqual(note.author_id, self.colleague.partner_id)
        self.assertEqual(engagement.with_user(self.counsel).activity_ids, activity)


@tagged("post_install", "-at_install")
class TestMailFormerReadersRoutes(FormerReadersMixin, HttpCase):
    """The web client's routes (the chatter, the inbox, reactions) agree."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        project = cls.env["srm.project"].create({"name": "Routes Mine", "code": "TST-RTE"})
        stakeholder = cls.env["res.partner"].create(
            {"name": "Route Stakeholder", "is_stakeholder": True, "srm_project_ids": [Command.set(project.ids)]}
        )
        cls.counsel = new_test_user(
            cls.env, "srm_frr_counsel", "srm_base.group_srm_user,srm_base.group_srm_confidential"
        )
        cls.colleague = new_test_user(cls.env, "srm_frr_colleague", "srm_base.group_srm_user")
        cls.engagement = cls.env["srm.engagement"].create(
            {
                "name": "Routes: relocation",
                "engagement_type_id": cls.env.ref("srm_base.srm_engagement_type_meeting").id,
                "partner_ids": [Command.set(stakeholder.ids)],
                "project_id": project.id,
            }
        )

    def test_routes_after_made_confidential(self):
        messages, _activity = self._involve(self.engagement, self.colleague, self.counsel)
        self.authenticate(self.colleague.login, self.colleague.login)
        thread = {"thread_model": "srm.engagement", "thread_id": self.engagement.id}
        before = self.make_jsonrpc_request("/mail/thread/messages", thread)["messages"]
        self.assertEqual(set(before) & set(messages.ids), set(messages.ids))

        self.engagement.with_user(self.counsel).is_confidential = True

        self.assertFalse(self.make_jsonrpc_request("/mail/thread/messages", thread)["messages"])
        inbox = self.make_jsonrpc_request("/mail/inbox/messages", {})["messages"]
        self.assertFalse(set(inbox) & set(messages.ids))
        for message in messages:
            with self.assertRaises(JsonRpcException), mute_logger("odoo.http", *MUTED):
                self.make_jsonrpc_request(
                    "/mail/message/reaction", {"message_id": message.id, "content": "👍", "action": "add"}
                )
        self.assertFalse(messages.sudo().reaction_ids)
