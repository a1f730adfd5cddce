# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import SrmCase


@tagged("post_install", "-at_install")
class TestProjectRestriction(SrmCase):
    """A project-restricted user keeps to their projects whatever other group they are given."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine_public = cls._engagement(cls.stakeholder, name="PR mine public")
        cls.mine_secret = cls._engagement(cls.stakeholder, name="PR mine secret", is_confidential=True)
        cls.road_public = cls._engagement(cls.road_stakeholder, name="PR road public", project_id=cls.other_project.id)
        cls.road_secret = cls._engagement(
            cls.road_stakeholder, name="PR road secret", project_id=cls.other_project.id, is_confidential=True
        )
        cls.no_project_secret = cls._engagement(
            cls.community, name="PR no project secret", project_id=False, is_confidential=True
        )
        cls.engagements = cls.mine_public | cls.mine_secret | cls.road_public | cls.road_secret | cls.no_project_secret
        cls.contractor = cls._new_user(
            "srm_pr_contractor",
            "srm_base.group_srm_restricted,srm_base.group_srm_confidential",
            srm_project_ids=[Command.set(cls.project.ids)],
        )
        cls.restricted = cls._new_user(
            "srm_pr_restricted", "srm_base.group_srm_restricted", srm_project_ids=[Command.set(cls.project.ids)]
        )
        cls.officer = cls._new_user("srm_pr_officer", "srm_base.group_srm_user,srm_base.group_srm_confidential")
        cls.auditor = cls._new_user("srm_pr_auditor", "srm_base.group_srm_restricted,srm_base.group_srm_auditor")
        cls.portal = new_test_user(cls.env, "srm_pr_portal", "base.group_portal", notification_type="email")

    def test_recipients_out_of_reach_are_refused_without_their_name(self):
        """Writing to a contact of another project who asked not to be contacted is
        refused for lack of access, without telling the writer who it is."""
        self.road_stakeholder.srm_do_not_contact = True
        with self.assertRaises(AccessError) as refused, mute_logger("odoo.addons.base.models.ir_rule"):
            self.mine_public.with_user(self.restricted).message_post(
                body="Hello", message_type="comment", partner_ids=self.road_stakeholder.ids
            )
        self.assertNotIn("Transportes Test", str(refused.exception))
        self.assertNotIn("asked not to be contacted", str(refused.exception))

    def test_who_is_project_restricted(self):
        self.assertTrue(self.contractor.srm_project_restricted)
        self.assertTrue(self.restricted.srm_project_restricted)
        self.assertFalse(self.officer.srm_project_restricted)
        self.assertFalse(self.auditor.srm_project_restricted, "an auditor reads every project")
        self.assertFalse(self.portal.srm_project_restricted)
        self.assertFalse(self.env.ref("base.user_admin").srm_project_restricted)

    def test_confidential_access_stays_within_the_projects(self):
        Engagement = self.env["srm.engagement"].with_user(self.contractor)
        domain = [("id", "in", self.engagements.ids)]
        self.assertEqual(Engagement.search(domain), self.mine_public | self.mine_secret)
        self.assertEqual(Engagement.search_count(domain), 2)
        groups = Engagement.read_group(domain, ["project_id"], ["project_id"])
        self.assertEqual({g["project_id"][0]: g["project_id_count"] for g in groups}, {self.project.id: 2})
        names = {name for _id, name in Engagement.name_search("PR ", limit=None)}
        self.assertIn("PR mine secret", names)
        self.assertFalse(names & {"PR road public", "PR road secret", "PR no project secret"})
        self.assertEqual(Engagement.browse(self.mine_secret.id).read(["name"])[0]["name"], "PR mine secret")
        for hidden in self.road_secret | self.road_public | self.no_project_secret:
            with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
                Engagement.browse(hidden.id).read(["name"])
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            Engagement.browse(self.road_secret.id).write({"name": "Changed by a contractor"})
        participants = (
            self.env["srm.engagement.participant"]
            .with_user(self.contractor)
            .search([("engagement_id", "in", self.engagements.ids)])
        )
        self.assertEqual(participants.engagement_id, self.mine_public | self.mine_secret)
        # stakeholders and projects too
        Partner = self.env["res.partner"].with_user(self.contractor)
        self.assertFalse(Partner.search([("id", "=", self.road_stakeholder.id)]))
        self.assertFalse(Partner.name_search("Transportes Test"))
        self.assertEqual(
            self.env["srm.project"]
            .with_user(self.contractor)
            .search([("id", "in", (self.project | self.other_project).ids)]),
            self.project,
        )

    def test_restricted_user_without_other_group_unchanged(self):
        Engagement = self.env["srm.engagement"].with_user(self.restricted)
        self.assertEqual(Engagement.search([("id", "in", self.engagements.ids)]), self.mine_public)

    def test_company_wide_users_still_see_everything(self):
        Engagement = self.env["srm.engagement"].with_user(self.officer)
        self.assertEqual(Engagement.search([("id", "in", self.engagements.ids)]), self.engagements)
        self.assertEqual(
            Engagement.search_count([("id", "in", self.engagements.ids), ("is_confidential", "=", True)]), 3
        )
        self.assertIn(
            self.road_stakeholder,
            self.env["res.partner"].with_user(self.officer).search([("is_stakeholder", "=", True)]),
        )
        self.assertEqual(
            self.env["srm.engagement"].with_user(self.auditor).search([("id", "in", self.engagements.ids)]),
            self.mine_public | self.road_public,
        )

    def test_stakeholders_of_the_restricted_group(self):
        """Who may read and change which stakeholders, for each kind of member of the
        restricted group: restricted to their projects (alone or with confidential
        access), or also an auditor (not restricted: reads every stakeholder, changes
        only those of their projects)."""
        both = self.stakeholder | self.road_stakeholder
        for user in (self.restricted, self.contractor):
            with self.subTest(user=user.login):
                Partner = self.env["res.partner"].with_user(user)
                self.assertEqual(Partner.search([("id", "in", both.ids)]), self.stakeholder)
                Partner.browse(self.stakeholder.id).write({"comment": f"Seen by {user.login}"})
                with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
                    Partner.browse(self.road_stakeholder.id).read(["name"])
        auditor = self._new_user(
            "srm_pr_auditor_mine",
            "srm_base.group_srm_restricted,srm_base.group_srm_auditor",
            srm_project_ids=[Command.set(self.project.ids)],
        )
        self.assertFalse(auditor.srm_project_restricted)
        Partner = self.env["res.partner"].with_user(auditor)
        self.assertEqual(Partner.search([("id", "in", both.ids)]), both)
        self.assertTrue(Partner.browse().has_access("write"))
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            Partner.browse(self.road_stakeholder.id).write({"comment": "Changed by an auditor"})
        self.assertFalse(self.road_stakeholder.comment)

    def test_membership_changes_apply_at_once(self):
        Engagement = self.env["srm.engagement"].with_user(self.contractor)
        domain = [("id", "in", self.engagements.ids)]
        self.assertNotIn(self.road_secret, Engagement.search(domain))
        self.other_project.member_ids = [Command.link(self.contractor.id)]
        self.assertEqual(
            Engagement.search(domain), self.mine_public | self.mine_secret | self.road_public | self.road_secret
        )
        self.contractor.srm_project_ids = [Command.unlink(self.project.id)]
        self.assertEqual(Engagement.search(domain), self.road_public | self.road_secret)
        # given the User group, they are no longer project-restricted
        self.contractor.groups_id = [Command.link(self.env.ref("srm_base.group_srm_user").id)]
        self.assertEqual(Engagement.search(domain), self.engagements)
