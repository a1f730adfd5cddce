# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import LandCase


@tagged("post_install", "-at_install")
class TestAgreement(LandCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.parcel = cls._parcel(
            right_ids=[Command.create({"partner_id": cls.ines.id, "right_type": "owner", "share": 100})]
        )
        cls.agreement = cls._agreement(
            lines=[
                ("payment", "On signature", 5000.0, 0),
                ("payment", "Second instalment", 3000.0, 90),
                ("in_kind", "Replacement fence, 400 m", 0.0, 60),
            ],
            parcel_ids=[Command.set(cls.parcel.ids)],
            witness_ids=[Command.set(cls.witness.ids)],
        )
        lines = {line.name: line for line in cls.agreement.line_ids}
        cls.signature = lines["On signature"]
        cls.second = lines["Second instalment"]
        cls.fence = lines["Replacement fence, 400 m"]
        cls.compensation = cls.env.ref("srm_commitments.srm_commitment_category_compensation")

    def _sign(self, agreement=None, date=None):
        agreement = agreement or self.agreement
        agreement.date_signed = date or self.today
        agreement.action_sign()
        return agreement.line_ids.commitment_ids

    def _pay(self, line, **values):
        wizard = (
            self.env["srm.land.payment.wizard"]
            .with_user(self.officer)
            .with_context(default_line_id=line.id)
            .create({"payment_reference": "TRF-2026-118", **values})
        )
        return wizard.action_confirm()

    def test_signature_creates_one_commitment_per_payment(self):
        self.assertEqual(self.agreement.reference[:4], "LAG-")
        self.assertTrue(self.agreement.is_confidential)
        self.assertEqual(self.agreement.amount_total, 8000.0)
        self.assertEqual(set(self.agreement.line_ids.mapped("state")), {"draft"})
        self.assertFalse(self.agreement.line_ids.commitment_ids, "nothing is promised before the signature")

        commitments = self._sign()
        self.assertEqual(self.agreement.state, "signed")
        self.assertEqual(len(commitments), 3)
        self.assertEqual(self.agreement.commitment_count, 3)
        for line in self.agreement.line_ids:
            commitment = line.commitment_id
            with self.subTest(line=line.name):
                self.assertEqual(commitment.land_agreement_line_id, line)
                self.assertEqual(commitment.land_agreement_id, self.agreement)
                self.assertRegex(commitment.reference, r"^COM-\d{4}-\d+$", "numbered by the register")
                self.assertEqual(commitment.user_id, self.officer)
                self.assertEqual(commitment.date_due, line.date_due)
                self.assertEqual(commitment.partner_ids, self.ines)
                self.assertEqual(commitment.project_id, self.project)
                self.assertEqual(commitment.category_id, self.compensation)
                self.assertEqual(commitment.source, "agreement")
                self.assertEqual(commitment.visibility, "confidential")
                self.assertEqual(commitment.state, "draft")
                self.assertEqual(line.state, "planned")
        self.assertEqual(
            self.signature.commitment_id.name,
            f"Payment 1/2 of {self.agreement.reference} to Inés Paredes: $\xa05,000.00",
        )
        self.assertIn("Replacement fence", self.fence.commitment_id.name)
        # the owner is told, like for any commitment
        activity = self.env["mail.activity"].search(
            [("res_model", "=", "srm.commitment"), ("res_id", "=", self.second.commitment_id.id)]
        )
        self.assertEqual(activity.user_id, self.officer)
        # a payment added to a signed agreement is promised at once
        self.agreement.line_ids = [
            Command.create({"name": "Bonus", "amount": 500.0, "date_due": self.today + timedelta(days=120)})
        ]
        self.assertEqual(len(self.agreement.line_ids.commitment_ids), 4)

    def test_recording_the_payment_fulfils_the_commitment(self):
        self._sign()
        receipt = (
            self.env["ir.attachment"]
            .with_user(self.officer)
            .create(
                {"name": "receipt.pdf", "raw": b"%PDF-1.4 receipt", "res_model": "srm.land.payment.wizard", "res_id": 0}
            )
        )
        self._pay(
            self.signature,
            payment_method="bank_transfer",
            attachment_ids=[Command.set(receipt.ids)],
            note="Received by <b>Inés</b> herself.",
        )
        commitment = self.signature.commitment_id
        self.assertEqual(commitment.state, "fulfilled")
        self.assertEqual(commitment.date_fulfilled, self.today)
        self.assertIn("TRF-2026-118", commitment.evidence_note)
        self.assertIn("&lt;b&gt;Inés&lt;/b&gt;", commitment.evidence_note, "what the user typed is escaped")
        self.assertEqual(commitment.evidence_attachment_ids, receipt)
        self.assertEqual((receipt.res_model, receipt.res_id), ("srm.commitment", commitment.id))
        self.assertEqual(self.signature.state, "done")
        self.assertEqual(self.signature.date_done, self.today)
        self.assertEqual(self.signature.payment_reference, "TRF-2026-118")
        self.assertEqual(self.agreement.amount_paid, 5000.0)
        self.assertEqual(self.agreement.amount_due, 3000.0)
        self.assertEqual(self.parcel.amount_paid, 5000.0)
        with self.assertRaisesRegex(UserError, "already paid"):
            self.signature.amount = 10.0
        with self.assertRaisesRegex(UserError, "not a payment or delivery still to do"):
            self._pay(self.signature)

    def test_fulfilling_the_commitment_pays_the_line(self):
        self._sign()
        commitment = self.second.commitment_id.with_user(self.officer)
        commitment.evidence_note = "<p>Cheque 0042 handed over at the community office.</p>"
        commitment.action_fulfill()
        self.assertEqual(self.second.state, "done")
        self.assertEqual(self.second.date_done, self.today)
        self.assertEqual(self.agreement.amount_paid, 3000.0)
        commitment.action_reopen()
        self.assertEqual(self.second.state, "planned")
        self.assertFalse(self.second.date_done)
        self.assertEqual(self.agreement.amount_paid, 0.0)
        # rescheduled in the register, rescheduled in the agreement, and the other way round
        commitment.date_due = self.today + timedelta(days=100)
        self.assertEqual(self.second.date_due, self.today + timedelta(days=100))
        self.second.date_due = self.today + timedelta(days=110)
        self.assertEqual(commitment.date_due, self.today + timedelta(days=110))
        self.second.user_id = self.manager
        self.assertEqual(commitment.user_id, self.manager)

    def test_payment_before_the_signature_refused(self):
        signed_on = self.today - timedelta(days=5)
        self.agreement.line_ids[0].date_due = signed_on - timedelta(days=1)
        with self.assertRefused("before the agreement was signed"):
            self._sign(date=signed_on)
        self.assertEqual(self.agreement.state, "draft")
        self.assertFalse(self.agreement.date_signed)
        self.assertFalse(self.env["srm.commitment"].search([("land_agreement_id", "=", self.agreement.id)]))

        self.agreement.line_ids[0].date_due = signed_on
        self._sign(date=signed_on)
        with self.assertRefused("before the agreement was signed"):
            self.second.date_due = signed_on - timedelta(days=2)
        with self.assertRefused("before the agreement was signed"):
            self.second.commitment_id.date_due = signed_on - timedelta(days=2)
        with self.assertRefused("cannot be paid or delivered on .*: the agreement was signed on", UserError):
            self._pay(self.second, date_done=signed_on - timedelta(days=1))
        commitment = self.second.commitment_id
        commitment.evidence_note = "<p>Paid.</p>"
        with self.assertRefused("cannot be paid or delivered on"):
            commitment.write({"date_fulfilled": signed_on - timedelta(days=1)})
            commitment.action_fulfill()
        self.assertEqual(self.second.state, "planned")
        self.assertEqual(commitment.state, "draft")
        with self.assertRefused("future date", UserError):
            self._pay(self.second, date_done=self.today + timedelta(days=1))
        with self.assertRefused("recorded on evidence", UserError):
            self._pay(self.second, payment_reference=False)
        with self.assertRefused("signed on a future date"):
            self._agreement(date_signed=self.today + timedelta(days=1))

    def test_agreement_recorded_after_the_fact_has_overdue_payments(self):
        agreement = self._agreement(lines=[("payment", "First", 1000.0, -20), ("payment", "Second", 1000.0, 40)])
        commitments = self._sign(agreement, date=self.today - timedelta(days=30))
        first = agreement.line_ids.sorted("date_due")[0]
        self.assertEqual(first.commitment_id.date_due, self.today - timedelta(days=20))
        self.assertTrue(first.commitment_id.is_overdue)
        self.assertTrue(first.is_overdue)
        self.assertEqual(agreement.payment_status, "overdue")
        # the daily follow-up escalates it like any commitment
        Commitment = self.env["srm.commitment"]
        Commitment._process_follow_up_batch(self.today)
        self.assertEqual(first.commitment_id.escalation_date, self.today)
        self.assertFalse((commitments - first.commitment_id).escalation_date)

    def test_cancel_and_delete(self):
        self._sign()
        self._pay(self.signature)
        with self.assertRaisesRegex(UserError, "cancel it instead of deleting it"):
            self.second.unlink()
        with self.assertRaisesRegex(UserError, "cancel it instead of deleting it"):
            self.second.commitment_id.with_user(self.manager).unlink()
        with self.assertRaisesRegex(UserError, "cancel the agreement instead"):
            self.agreement.with_user(self.manager).unlink()
        self.agreement.action_cancel()
        self.assertEqual(self.signature.commitment_id.state, "fulfilled", "what was paid stays paid")
        self.assertEqual(self.second.commitment_id.state, "cancelled")
        self.assertEqual(self.fence.commitment_id.state, "cancelled")
        self.assertEqual(self.agreement.line_ids.mapped("state").count("cancelled"), 2)
        self.assertEqual(self.agreement.amount_total, 5000.0)
        with self.assertRaisesRegex(UserError, "record a new agreement"):
            self.agreement.action_draft()

    def test_confidentiality_follows_the_agreement(self):
        self._sign()
        commitment = self.second.commitment_id
        with self.assertRefused("stays confidential"):
            commitment.with_user(self.officer).visibility = "internal"
        self.agreement.is_confidential = False
        self.assertEqual(commitment.visibility, "internal")
        self.assertTrue(commitment.with_user(self.user).has_access("read"))
        self.agreement.is_confidential = True
        self.assertEqual(commitment.visibility, "confidential")
        self.assertFalse(commitment.with_user(self.user).has_access("read"))

    def test_owner_of_a_confidential_payment_needs_confidential_access(self):
        agreement = self._agreement(lines=[("payment", "First", 1000.0, 10)], user_id=self.user.id)
        with self.assertRefused("has no Confidential access|they have no Confidential access"):
            self._sign(agreement)
        self.assertEqual(agreement.state, "draft")
        self.assertFalse(agreement.line_ids.commitment_ids)

    def test_sign_requires_a_date(self):
        with self.assertRaisesRegex(UserError, "Enter the signature date"):
            self.agreement.action_sign()
        with self.assertRefused("needs an amount above zero"):
            self.agreement.line_ids = [Command.create({"name": "Nothing", "amount": 0, "date_due": self.today})]
