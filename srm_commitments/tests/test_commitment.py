# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import CommitmentCase


@tagged("post_install", "-at_install")
class TestCommitment(CommitmentCase):
    def test_reference_numbered_per_company(self):
        first = self._commitment()
        second = self._commitment()
        year = fields.Date.context_today(first).year
        self.assertRegex(first.reference, rf"^COM-{year}-\d{{4}}$")
        self.assertEqual(int(second.reference[-4:]), int(first.reference[-4:]) + 1)
        self.assertEqual(first.display_name, f"{first.reference} Share the well monitoring results")
        other_company = self.env["res.company"].create({"name": "Nord Minerais Test"})
        elsewhere = (
            self.env["srm.commitment"]
            .with_company(other_company)
            .create(
                {
                    "name": "Publish the closure plan",
                    "company_id": other_company.id,
                    "date_due": fields.Date.context_today(first),
                }
            )
        )
        self.assertEqual(elsewhere.reference, f"COM-{year}-0001")
        self.assertEqual(
            self.env["srm.commitment"].name_search(first.reference)[0][0], first.id, "found by its reference"
        )

    def test_new_commitment_cannot_be_due_in_the_past(self):
        count = self.env["srm.commitment"].search_count([])
        with self.assertRefused("is before today: a new commitment must be due today or later"):
            self._commitment(due_in=-1)
        self.assertEqual(self.env["srm.commitment"].search_count([]), count)
        # an existing commitment can be rescheduled, and a register can be imported with its history
        commitment = self._commitment()
        commitment.date_due = fields.Date.context_today(commitment) - timedelta(days=3)
        self.assertTrue(commitment.is_overdue)
        imported = (
            self.env["srm.commitment"]
            .with_context(import_file=True)
            .create({"name": "Old promise", "date_due": "2020-05-01"})
        )
        self.assertTrue(imported.is_overdue)

    def test_fulfilling_requires_evidence(self):
        commitment = self._commitment()
        commitment.action_confirm()
        with self.assertRefused("fulfilled on evidence"):
            commitment.action_fulfill()
        self.assertEqual(commitment.state, "open")
        self.assertFalse(commitment.date_fulfilled)
        with self.assertRefused("fulfilled on evidence"):
            commitment.write({"state": "fulfilled"})
        self.assertEqual(commitment.state, "open")
        # an empty paragraph is no evidence
        commitment.evidence_note = "<p><br></p>"
        with self.assertRefused("fulfilled on evidence"):
            commitment.action_fulfill()

        commitment.evidence_note = "<p>Results handed to the committee, receipt signed.</p>"
        commitment.action_fulfill()
        self.assertEqual(commitment.state, "fulfilled")
        self.assertEqual(commitment.progress, 100)
        self.assertEqual(commitment.date_fulfilled, fields.Date.context_today(commitment))
        self.assertFalse(self._activities(commitment, "srm_commitments.mail_activity_type_commitment_assigned"))

    def test_a_document_is_evidence_enough(self):
        attachment = self.env["ir.attachment"].create(
            {
                "name": "receipt.pdf",
                "datas": base64.b64encode(b"%PDF-1.4 receipt"),
                "res_model": "srm.commitment",
                "res_id": 0,
            }
        )
        commitment = self._commitment(evidence_attachment_ids=[Command.set(attachment.ids)])
        self.assertEqual(attachment.res_id, commitment.id, "the uploaded document belongs to the commitment")
        commitment.action_fulfill()
        self.assertEqual(commitment.state, "fulfilled")

    def test_reopening_keeps_the_history(self):
        commitment = self._commitment().with_context(tracking_disable=False)
        self.flush_tracking()  # recorded earlier, in another transaction
        commitment.evidence_note = "<p>Done.</p>"
        commitment.action_fulfill()
        self.flush_tracking()
        commitment.action_reopen()
        self.flush_tracking()
        self.assertEqual(commitment.state, "open")
        self.assertFalse(commitment.date_fulfilled)
        self.assertIn("Done.", commitment.evidence_note, "the evidence stays")
        state_changes = [
            (tracking.old_value_char, tracking.new_value_char)
            for tracking in self.env["mail.tracking.value"].search(
                [
                    ("mail_message_id.model", "=", "srm.commitment"),
                    ("mail_message_id.res_id", "=", commitment.id),
                    ("field_id.name", "=", "state"),
                ],
                order="id",
            )
        ]
        self.assertEqual(state_changes, [("Draft", "Fulfilled"), ("Fulfilled", "Open")])
        self.assertTrue(
            self._activities(commitment, "srm_commitments.mail_activity_type_commitment_assigned"),
            "the owner has the commitment to fulfil again",
        )
        with self.assertRefused("not possible", UserError):
            commitment.action_reopen()

    def test_cancel_closes_the_follow_up(self):
        commitment = self._commitment()
        commitment.action_cancel()
        self.assertEqual(commitment.state, "cancelled")
        self.assertFalse(self._activities(commitment, "srm_commitments.mail_activity_type_commitment_assigned"))
        with self.assertRefused("not possible", UserError):
            commitment.action_fulfill()

    def test_owner_gets_one_activity_when_assigned(self):
        commitment = self._commitment()
        assigned = "srm_commitments.mail_activity_type_commitment_assigned"
        activity = self._activities(commitment, assigned)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.officer)
        commitment.write({"user_id": self.officer.id, "progress": 20, "name": "Share the results (v2)"})
        self.assertEqual(self._activities(commitment, assigned), activity, "not duplicated")
        commitment.with_context(tracking_disable=False).user_id = self.colleague
        self.assertEqual(self._activities(commitment, assigned), activity, "taken over, not duplicated")
        self.assertEqual(activity.user_id, self.colleague)
        self.assertIn(self.colleague.partner_id, commitment.message_partner_ids, "the new owner follows it")

    def test_visibility_and_confidentiality_are_one(self):
        commitment = self._commitment(visibility="confidential", user_id=self.lawyer.id)
        self.assertTrue(commitment.is_confidential)
        commitment.visibility = "public"
        self.assertFalse(commitment.is_confidential)
        commitment.is_confidential = True
        self.assertEqual(commitment.visibility, "confidential")
        # a default visibility (an action's context) makes the record confidential too
        from_context = (
            self.env["srm.commitment"]
            .with_context(default_visibility="confidential")
            .create({"name": "From a confidential engagement", "date_due": commitment.date_due, "user_id": False})
        )
        self.assertTrue(from_context.is_confidential)
        with self.assertRefused("Only users with Confidential access", UserError):
            self._commitment(visibility="internal").with_user(self.officer).write({"visibility": "confidential"})
        with self.assertRefused("cannot own the confidential commitment"):
            self._commitment(visibility="confidential", user_id=self.officer.id)
        with self.assertRefused("cannot own the confidential commitment"):
            commitment.user_id = self.officer

    def test_bad_numbers_refused(self):
        commitment = self._commitment()
        with self.assertRefused("percentage"):
            commitment.progress = 120
        with self.assertRefused("negative number of days"):
            commitment.reminder_days = -2

    def test_kanban_shows_every_status(self):
        self._commitment()
        groups = self.env["srm.commitment"].web_read_group(
            [("project_id", "=", self.project.id)], ["state"], ["state"]
        )["groups"]
        self.assertEqual([g["state"] for g in groups], ["draft", "open", "in_progress", "fulfilled", "cancelled"])

    def test_filter_by_stakeholder_type(self):
        commitment = self._commitment()
        landowner_one = self._commitment(partner_ids=[Command.set(self.landowner.ids)])
        found = self.env["srm.commitment"].search([("stakeholder_type_ids", "in", self.type_landowner.ids)])
        self.assertIn(landowner_one, found)
        self.assertNotIn(commitment, found)

    def test_team_proposed_from_the_owner(self):
        team = self.env["srm.commitment.team"].create(
            {
                "name": "Water Team",
                "member_ids": [Command.set(self.colleague.ids)],
                "escalation_user_id": self.lawyer.id,
            }
        )
        commitment = self._commitment(user_id=self.colleague.id)
        self.assertEqual(commitment.team_id, team)
        self.assertEqual(team.commitment_count, 1)

    def test_create_commitment_from_engagement(self):
        today = fields.Date.context_today(self.project)
        engagement = self.env["srm.engagement"].create(
            {
                "name": "Water committee meeting",
                "engagement_type_id": self.env.ref("srm_base.srm_engagement_type_meeting").id,
                "partner_ids": [Command.set((self.council | self.landowner).ids)],
                "project_id": self.project.id,
                "is_confidential": True,
                "follow_up_needed": True,
                "follow_up_date": today + timedelta(days=14),
            }
        )
        action = engagement.action_create_commitment()
        self.assertEqual(action["res_model"], "srm.commitment")
        with Form(self.env["srm.commitment"].with_context(**action["context"])) as form:
            form.name = "Send the monitoring protocol"
        commitment = form.record
        self.assertEqual(commitment.engagement_id, engagement)
        self.assertEqual(commitment.partner_ids, self.council | self.landowner)
        self.assertEqual(commitment.project_id, self.project)
        self.assertEqual(commitment.company_id, engagement.company_id)
        self.assertTrue(commitment.is_confidential)
        self.assertEqual(commitment.visibility, "confidential")
        self.assertEqual(commitment.source, "verbal")
        self.assertEqual(commitment.date_due, today + timedelta(days=14))
        # listed on the engagement, the project and the stakeholders
        self.assertEqual(engagement.commitment_count, 1)
        self.assertEqual(self.project.commitment_count, 1)
        self.assertEqual(self.council.srm_commitment_count, 1)
        for record in (engagement, self.project):
            self.assertIn(commitment, self.env["srm.commitment"].search(record.action_view_commitments()["domain"]))
        self.assertIn(
            commitment, self.env["srm.commitment"].search(self.council.action_srm_view_commitments()["domain"])
        )

    def test_copy(self):
        commitment = self._commitment()
        commitment.date_due = fields.Date.context_today(commitment) - timedelta(days=10)
        copy = commitment.copy()
        self.assertNotEqual(copy.reference, commitment.reference)
        self.assertEqual(copy.state, "draft")
        self.assertEqual(copy.date_due, fields.Date.context_today(commitment), "a copy is not born late")
