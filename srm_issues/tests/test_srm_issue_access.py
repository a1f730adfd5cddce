# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SrmIssueCase


@tagged("post_install", "-at_install")
class TestSrmIssueAccess(SrmIssueCase):
    """What each group, a portal user and the public can read, count, group, export and change."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        pb = cls.project_b.id
        oc = cls.other_complainant.id
        cls.i_a = cls._issue(name="A: dust", complainant_partner_id=oc)
        cls.i_b = cls._issue(name="B: noise", project_id=pb, complainant_partner_id=cls.other_complainant.id)
        cls.i_conf = cls._issue(name="A: confidential", is_confidential=True)
        cls.i_worker = cls._issue(name="W: overtime unpaid", grievance_scope="worker", complainant_partner_id=oc)
        cls.i_worker_conf = cls._issue(
            name="W: harassment", grievance_scope="worker", is_confidential=True, complainant_partner_id=oc
        )
        cls.i_own = cls._issue(name="B: my field", project_id=pb)
        cls.i_about = cls._issue(
            name="B: about Awa", project_id=pb, complainant_partner_id=cls.other_complainant.id,
            partner_ids=[(6, 0, cls.complainant.ids)],
        )
        cls.i_about_sensitive = cls._issue(
            name="B: sensitive about Awa", project_id=pb, complainant_partner_id=cls.other_complainant.id,
            partner_ids=[(6, 0, cls.complainant.ids)], is_sensitive=True,
        )
        cls.all_issues = (
            cls.i_a | cls.i_b | cls.i_conf | cls.i_worker | cls.i_worker_conf | cls.i_own | cls.i_about
            | cls.i_about_sensitive
        )
        cls.env["srm.issue.action"].create(
            [{"issue_id": issue.id, "name": f"Visit for {issue.name}"} for issue in cls.all_issues]
        )
        community = cls.i_a | cls.i_b | cls.i_own | cls.i_about | cls.i_about_sensitive
        cls.expected = {
            cls.user_manager: community | cls.i_conf,
            cls.user_confidential: community | cls.i_conf,
            cls.user_user: community,
            cls.user_auditor: community,
            cls.user_restricted: cls.i_a,
            cls.user_worker: cls.i_worker | cls.i_worker_conf,
            # the issues that concern them without being theirs (i_about) are shown by the
            # portal pages only, with what is written for them (test_srm_issue_portal_privacy)
            cls.user_portal: cls.i_own,
        }

    def test_read_count_group_export_per_group(self):
        domain = [("id", "in", self.all_issues.ids)]
        for user, expected in self.expected.items():
            with self.subTest(user=user.login):
                Issue = self.env["srm.issue"].with_user(user)
                self.assertEqual(Issue.search(domain), expected)
                self.assertEqual(Issue.search_count(domain), len(expected))
                groups = Issue.read_group(domain, ["stage_id"], ["stage_id"])
                self.assertEqual(sum(g["stage_id_count"] for g in groups), len(expected))
                if not user.share:
                    exported = Issue.search(domain).export_data(["reference", "name"])["datas"]
                    self.assertEqual({row[1] for row in exported}, set(expected.mapped("name")))
                    actions = self.env["srm.issue.action"].with_user(user).search(
                        [("issue_id", "in", self.all_issues.ids)]
                    )
                    self.assertEqual(actions.issue_id, expected, "actions follow their issue")
                hidden = self.all_issues - expected
                if hidden:
                    with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
                        Issue.browse(hidden[0].id).name  # noqa: B018

    def test_write_and_create_rights(self):
        with mute_logger("odoo.addons.base.models.ir_rule", "odoo.models"):
            with self.assertRaises(AccessError):
                self.i_a.with_user(self.user_auditor).name = "Changed by the auditor"
            with self.assertRaises(AccessError):
                self.i_own.with_user(self.user_portal).name = "Changed by the portal user"
            with self.assertRaises(AccessError):
                self.env["srm.issue"].with_user(self.user_auditor).create({"name": "Auditor issue"})
            with self.assertRaises(AccessError):
                self.env["srm.issue"].with_user(self.user_restricted).create(
                    {"name": "Other project", "project_id": self.project_b.id}
                )
            with self.assertRaises(AccessError):
                self.i_a.with_user(self.user_user).unlink()
            with self.assertRaises(AccessError):
                self.env["srm.issue"].with_user(self.user_user).create(
                    {"name": "Sneaky worker grievance", "grievance_scope": "worker"}
                )
        mine = self.env["srm.issue"].with_user(self.user_restricted).create(
            {"name": "Seen on site", "project_id": self.project_a.id}
        )
        self.assertEqual(mine.user_id, self.user_restricted)
        self.i_a.with_user(self.user_user).write({"stage_id": self.stage_inv.id})
        self.assertEqual(self.i_a.stage_id, self.stage_inv)
        worker = self.env["srm.issue"].with_user(self.user_worker).create(
            {"name": "Unsafe scaffolding", "grievance_scope": "worker"}
        )
        self.assertEqual(worker.grievance_scope, "worker")
        self.i_b.with_user(self.user_manager).unlink()

    def test_public_user_has_no_access(self):
        public = self.env.ref("base.public_user")
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self.env["srm.issue"].with_user(public).search([])
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self.env["srm.issue.action"].with_user(public).search([])
