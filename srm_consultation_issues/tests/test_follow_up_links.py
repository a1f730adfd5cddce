# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.srm_consultation.tests.test_srm_consultation_common import SrmConsultationCase


@tagged("post_install", "-at_install")
class TestThemeIssueLinks(SrmConsultationCase):
    """The issue following a theme up is one its writer may read: a link written over RPC
    to a confidential grievance, or to one of another project, would make the theme read
    as followed, and tell its writer that the grievance exists."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.confidential_user = new_test_user(
            cls.env,
            login="cons_confidential",
            groups="srm_base.group_srm_user,srm_base.group_srm_confidential",
            name="Cons Confidential",
        )
        Issue = cls.env["srm.issue"]
        cls.shared = Issue.create({"name": "Dust on the school", "kind": "issue", "project_id": cls.project.id})
        cls.secret = Issue.create(
            {"name": "Threats to the mayor", "project_id": cls.project.id, "is_confidential": True}
        )
        cls.elsewhere = Issue.create({"name": "Noise at the port", "project_id": cls.other_project.id})
        cls.theme = cls.env["srm.consultation.theme"].create(
            {"consultation_id": cls.consultation.id, "name": "Contaminated well"}
        )

    @staticmethod
    def ref(record):
        return f"{record._name},{record.id}"

    def test_project_user_links_issues_they_may_read(self):
        theme = self.theme.with_user(self.restricted)
        for issue in self.secret | self.elsewhere:
            with self.assertRaises(AccessError):
                theme.write({"linked_record": self.ref(issue)})
            with self.assertRaises(AccessError):
                theme.create(
                    {"consultation_id": self.consultation.id, "name": "Noise", "linked_record": self.ref(issue)}
                )
        with self.assertRaises(UserError):
            theme.write({"linked_record": self.ref(self.consultation)})
        self.assertFalse(self.theme.linked_record)
        self.assertTrue(self.theme.can_create_issue)
        theme.write({"linked_record": self.ref(self.shared)})
        self.assertEqual(self.theme.linked_record, self.shared)

    def test_project_user_turns_a_theme_into_an_issue(self):
        action = self.theme.with_user(self.restricted).action_create_issue()
        issue = self.env["srm.issue"].browse(action["res_id"])
        self.assertEqual(issue.create_uid, self.restricted)
        self.assertEqual(self.theme.linked_record, issue)

    def test_confidential_issue_linked_with_confidential_access_only(self):
        with self.assertRaises(AccessError):
            self.theme.with_user(self.user).write({"linked_record": self.ref(self.secret)})
        self.assertFalse(self.theme.linked_record)
        self.theme.with_user(self.confidential_user).write({"linked_record": self.ref(self.secret)})
        self.assertEqual(self.theme.linked_record, self.secret)
        # a confidential consultation gives a confidential issue, linked by whoever may read both
        other = self.theme.copy({"name": "Threats after the meeting"})
        self.consultation.is_confidential = True
        action = other.with_user(self.confidential_user).action_create_issue()
        self.assertTrue(self.env["srm.issue"].browse(action["res_id"]).is_confidential)
        self.assertEqual(other.linked_record.id, action["res_id"])
