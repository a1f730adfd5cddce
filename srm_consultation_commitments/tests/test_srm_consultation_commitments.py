# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.srm_consultation.tests.test_srm_consultation_common import SrmConsultationCase


@tagged("post_install", "-at_install")
class TestConsultationThemeCommitment(SrmConsultationCase):
    """What a consultation heard becomes a commitment of the register."""

    def setUp(self):
        super().setUp()
        self.interview(self.ana, self.yes, text="El agua del pozo está contaminada.")
        self.interview(self.ben, self.yes, text="L'eau du puits baisse en été, et la poussière aussi.")
        self.interview(self.carla, self.no, text="Too much dust from the trucks.")
        self.interview(self.dan, self.no, text="Dust everywhere when trucks pass.")
        self.theme = self.env["srm.consultation.theme"].create(
            {
                "consultation_id": self.consultation.id,
                "name": "Dust on the access road",
                "keywords": "dust, poussiere",
                "response": "<p>Water the road twice a day.</p>",
            }
        )
        self.consultation.action_extract_themes()

    def test_theme_to_commitment(self):
        self.assertTrue(self.theme.can_create_commitment)
        action = self.theme.action_create_commitment()
        commitment = self.env["srm.commitment"].browse(action["res_id"])
        self.assertEqual(self.theme.linked_record, commitment)
        self.assertEqual(self.theme.state, "actioned")
        self.assertFalse(self.theme.can_create_commitment)
        self.assertEqual(commitment.name, "Dust on the access road")
        self.assertEqual(commitment.state, "draft")
        self.assertEqual(commitment.source, "consultation")
        self.assertEqual(commitment.project_id, self.project)
        self.assertEqual(commitment.partner_ids, self.ben | self.carla | self.dan)
        self.assertIn("Raised by 3 respondents", commitment.description)
        self.assertIn("Water the road twice a day.", commitment.description)
        self.assertGreater(commitment.date_due, fields.Date.today(), "a draft due later, for its owner to adjust")
        self.assertIn("turned into", self.consultation.message_ids[0].body)
        with self.assertRaisesRegex(UserError, "already followed"):
            self.theme.action_create_commitment()
        self.assertEqual(self.env["srm.commitment"].search_count([("name", "=", "Dust on the access road")]), 1)

    def test_commitment_names_no_confidential_respondent(self):
        self.theme.line_ids.user_input_id.filtered(lambda a: a.partner_id == self.carla).srm_is_confidential = True
        commitment = self.env["srm.commitment"].browse(self.theme.action_create_commitment()["res_id"])
        self.assertEqual(commitment.partner_ids, self.ben | self.dan)

    def test_confidential_consultation_gives_a_confidential_commitment(self):
        self.consultation.is_confidential = True
        commitment = self.env["srm.commitment"].browse(self.theme.action_create_commitment()["res_id"])
        self.assertTrue(commitment.is_confidential)
        self.assertEqual(commitment.visibility, "confidential")
        self.assertFalse(self.env["srm.commitment"].with_user(self.user).search([("id", "=", commitment.id)]))

    def test_auditor_turns_nothing_into_a_commitment(self):
        with self.assertRaises(AccessError):
            self.theme.with_user(self.auditor).action_create_commitment()
        self.assertFalse(self.theme.linked_record)

    def test_user_creates_the_commitment(self):
        action = self.theme.with_user(self.user).action_create_commitment()
        commitment = self.env["srm.commitment"].browse(action["res_id"])
        self.assertEqual(commitment.create_uid, self.user)
        self.assertEqual(self.theme.linked_record, commitment)


@tagged("post_install", "-at_install")
class TestConsentConditionCommitment(SrmConsultationCase):
    """The conditions of consent are tracked as commitments owed to the community."""

    def setUp(self):
        super().setUp()
        self.nation = self.env["res.partner"].create(
            {
                "name": "Test First Nation",
                "is_company": True,
                "is_stakeholder": True,
                "srm_project_ids": [Command.set(self.project.ids)],
            }
        )
        self.record = self.env["srm.consent.record"].create(
            {
                "name": "FPIC test",
                "partner_id": self.nation.id,
                "project_id": self.project.id,
                "consultation_id": self.consultation.id,
                "condition_ids": [
                    Command.create({"name": "No works near the ceremonial site"}),
                    Command.create(
                        {
                            "name": "Yearly report to the assembly",
                            "description": "In Quechua <b>and</b> Spanish",
                        }
                    ),
                ],
            }
        )

    def test_conditions_become_commitments(self):
        self.assertTrue(self.record.can_create_commitments)
        action = self.record.action_create_commitments()
        commitments = self.env["srm.commitment"].search(action["domain"])
        self.assertEqual(len(commitments), 2)
        self.assertEqual(commitments.partner_ids, self.nation)
        self.assertEqual(set(commitments.mapped("source")), {"consultation"})
        self.assertEqual(
            set(self.record.condition_ids.mapped("linked_record")), set(commitments), "each condition is tracked"
        )
        report = commitments.filtered(lambda c: c.name == "Yearly report to the assembly")
        self.assertIn("&lt;b&gt;and&lt;/b&gt;", report.description, "the description is text, not markup")
        self.assertFalse(self.record.can_create_commitments)
        with self.assertRaisesRegex(UserError, "already tracked"):
            self.record.action_create_commitments()

    def test_condition_added_later_is_tracked_alone(self):
        first = self.record._srm_conditions_to_commitments()
        self.record.condition_ids = [Command.create({"name": "Local hiring of monitors"})]
        second = self.record._srm_conditions_to_commitments()
        self.assertEqual(len(first), 2)
        self.assertEqual(second.name, "Local hiring of monitors")

    def test_auditor_tracks_no_condition(self):
        with self.assertRaises(AccessError):
            self.record.with_user(self.auditor).action_create_commitments()
        self.assertFalse(any(self.record.condition_ids.mapped("linked_record")))
