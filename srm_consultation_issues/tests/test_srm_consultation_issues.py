# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.srm_consultation.tests.test_srm_consultation_common import SrmConsultationCase


@tagged("post_install", "-at_install")
class TestConsultationThemeIssue(SrmConsultationCase):
    """What a consultation heard becomes an issue to follow up."""

    def setUp(self):
        super().setUp()
        self.interview(self.ana, self.yes, text="El agua del pozo está contaminada.")
        self.interview(self.ben, self.yes, text="L'eau du puits baisse en été.")
        self.interview(self.dan, self.no, text="Dust everywhere when trucks pass.")
        self.theme = self.env["srm.consultation.theme"].create(
            {"consultation_id": self.consultation.id, "name": "Contaminated well", "keywords": "agua, eau"}
        )
        self.consultation.action_extract_themes()

    def test_theme_to_issue(self):
        self.assertTrue(self.theme.can_create_issue)
        action = self.theme.action_create_issue()
        issue = self.env["srm.issue"].browse(action["res_id"])
        self.assertEqual(self.theme.linked_record, issue)
        self.assertEqual(self.theme.state, "actioned")
        self.assertFalse(self.theme.can_create_issue)
        self.assertEqual(issue.name, "Contaminated well")
        self.assertEqual(issue.kind, "issue")
        self.assertEqual(issue.channel, "in_person")
        self.assertEqual(issue.project_id, self.project)
        self.assertEqual(issue.partner_ids, self.ana | self.ben)
        self.assertIn("Raised by 2 respondents", issue.description)
        with self.assertRaisesRegex(UserError, "already followed"):
            self.theme.action_create_issue()

    def test_issue_names_no_confidential_respondent(self):
        self.theme.line_ids.user_input_id.filtered(lambda a: a.partner_id == self.ben).srm_is_confidential = True
        issue = self.env["srm.issue"].browse(self.theme.action_create_issue()["res_id"])
        self.assertEqual(issue.partner_ids, self.ana)

    def test_auditor_turns_nothing_into_an_issue(self):
        with self.assertRaises(AccessError):
            self.theme.with_user(self.auditor).action_create_issue()
        self.assertFalse(self.theme.linked_record)
