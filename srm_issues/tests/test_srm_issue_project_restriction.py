# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import SrmIssueCase


@tagged("post_install", "-at_install")
class TestSrmIssueProjectRestriction(SrmIssueCase):
    """Confidential access or worker grievance duties do not open other projects' grievances
    to a project-restricted user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        pb = cls.project_b.id
        oc = cls.other_complainant.id
        cls.i_a = cls._issue(name="PR A: dust", complainant_partner_id=oc)
        cls.i_a_conf = cls._issue(name="PR A: confidential", is_confidential=True, complainant_partner_id=oc)
        cls.i_b = cls._issue(name="PR B: noise", project_id=pb, complainant_partner_id=oc)
        cls.i_b_conf = cls._issue(
            name="PR B: confidential", project_id=pb, is_confidential=True, complainant_partner_id=oc
        )
        cls.i_worker_b = cls._issue(
            name="PR W: overtime", project_id=pb, grievance_scope="worker", complainant_partner_id=oc
        )
        cls.i_own = cls._issue(name="PR B: my field", project_id=pb)
        cls.issues = cls.i_a | cls.i_a_conf | cls.i_b | cls.i_b_conf | cls.i_worker_b | cls.i_own
        cls.env["srm.issue.action"].create([{"issue_id": i.id, "name": f"Visit for {i.name}"} for i in cls.issues])
        cls.contractor = new_test_user(
            cls.env,
            "iss_pr_contractor",
            "srm_base.group_srm_restricted,srm_base.group_srm_confidential",
            context={"no_reset_password": True},
            srm_project_ids=[Command.set(cls.project_a.ids)],
        )
        cls.worker_officer = new_test_user(
            cls.env,
            "iss_pr_worker",
            "srm_issues.group_srm_issue_worker,srm_base.group_srm_confidential",
            context={"no_reset_password": True},
            srm_project_ids=[Command.set(cls.project_a.ids)],
        )

    def _assert_sees(self, user, expected):
        Issue = self.env["srm.issue"].with_user(user)
        domain = [("id", "in", self.issues.ids)]
        self.assertEqual(Issue.search(domain), expected)
        groups = Issue.read_group(domain, ["project_id"], ["project_id"])
        self.assertEqual(sum(g["project_id_count"] for g in groups), len(expected))
        names = {name for _id, name in Issue.name_search("PR ", limit=None)}
        self.assertEqual(names & set(self.issues.mapped("display_name")), set(expected.mapped("display_name")))
        actions = self.env["srm.issue.action"].with_user(user).search([("issue_id", "in", self.issues.ids)])
        self.assertEqual(actions.issue_id, expected, "actions follow their issue")
        for hidden in self.issues - expected:
            with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
                Issue.browse(hidden.id).read(["name"])

    def test_restricted_user_with_confidential_access(self):
        self._assert_sees(self.contractor, self.i_a | self.i_a_conf)

    def test_worker_officer_keeps_to_the_community_grievances_of_their_projects(self):
        # worker grievances are their company-wide duty; community ones stay within their projects
        self._assert_sees(self.worker_officer, self.i_a | self.i_a_conf | self.i_worker_b)

    def test_others_unaffected(self):
        self._assert_sees(self.user_confidential, self.issues - self.i_worker_b)
        self._assert_sees(self.user_worker, self.i_worker_b)
        self.assertEqual(
            self.env["srm.issue"].with_user(self.user_portal).search([("id", "in", self.issues.ids)]), self.i_own
        )

    def test_no_message_follower_or_activity_of_another_project(self):
        """Confidential access does not make the contractor a recipient, follower or
        assignee of a confidential grievance of South Port, which they may not read."""
        secret = self.i_b_conf.with_user(self.user_confidential)
        message = secret.message_post(
            body="The port agreed to pay",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
            partner_ids=(self.contractor | self.user_manager).partner_id.ids,
        )
        self.assertEqual(message.sudo().partner_ids, self.user_manager.partner_id)
        self.assertNotIn(self.contractor.partner_id, message.sudo().notification_ids.res_partner_id)
        with self.assertRaises(AccessError), mute_logger("odoo.models", "odoo.addons.base.models.ir_rule"):
            message.with_user(self.contractor).read(["body", "record_name"])
        secret.message_subscribe(partner_ids=self.contractor.partner_id.ids)
        self.assertNotIn(self.contractor.partner_id, self.i_b_conf.message_partner_ids)
        with self.assertRaises(ValidationError):
            secret.activity_schedule("mail.mail_activity_data_todo", summary="Pay", user_id=self.contractor.id)
        # their own project's confidential grievance: all three
        self.i_a_conf.with_user(self.user_confidential).activity_schedule(
            "mail.mail_activity_data_todo", summary="Visit", user_id=self.contractor.id
        )
        self.assertIn(self.contractor.partner_id, self.i_a_conf.message_partner_ids)
