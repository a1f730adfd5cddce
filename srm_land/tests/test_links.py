# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import LandCase


@tagged("post_install", "-at_install")
class TestLinks(LandCase):
    """What a user links to a land record tells them nothing they may not read:
    neither the amount and holder of a confidential payment, nor the stakeholders of
    another project."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ines.srm_project_ids = cls.project
        cls.rosa.srm_project_ids = cls.other_project
        cls.secret_agreement = cls._agreement(lines=[("payment", "First", 1000.0, 5)])
        cls.shared_agreement = cls._agreement(
            lines=[("payment", "First", 200.0, 5)], partner_id=cls.tomas.id, is_confidential=False
        )
        for agreement in cls.secret_agreement | cls.shared_agreement:
            agreement.date_signed = cls.today
            agreement.action_sign()
        cls.shared = cls._parcel("LINK-SHARED", is_confidential=False)

    def test_payment_wizard_of_a_readable_payment_only(self):
        Wizard = self.env["srm.land.payment.wizard"].with_user(self.user)
        secret_line = self.secret_agreement.line_ids
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            wizard = Wizard.create({"line_id": secret_line.id, "payment_reference": "X"})
            # what the wizard would have shown of the confidential payment
            self.assertNotEqual(wizard.amount, 1000.0)
        # a payment of an agreement shared with the team is recorded as before
        wizard = Wizard.create({"line_id": self.shared_agreement.line_ids.id, "payment_reference": "TR-1"})
        self.assertEqual((wizard.amount, wizard.partner_id), (200.0, self.tomas))
        wizard.action_confirm()
        self.assertEqual(self.shared_agreement.line_ids.state, "done")

    def test_holders_of_other_projects_not_linked(self):
        # a contractor of the project adds a holder to a parcel shared with the team
        Right = self.env["srm.land.right"].with_user(self.restricted)
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            Right.create({"parcel_id": self.shared.id, "partner_id": self.rosa.id, "share": 10})
        # the stakeholder of the other project did not become one of theirs
        self.assertEqual(self.rosa.srm_project_ids, self.other_project)
        self.assertFalse(self.env["res.partner"].with_user(self.restricted).search([("id", "=", self.rosa.id)]))
        right = Right.create({"parcel_id": self.shared.id, "partner_id": self.ines.id, "share": 10})
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            right.write({"partner_id": self.rosa.id})
        self.assertEqual(self.shared.right_ids.partner_id, self.ines)
        # a person of the project who was not a stakeholder becomes one, as before
        neighbour = self.env["res.partner"].create({"name": "Neighbour"})
        right.write({"partner_id": neighbour.id})
        self.assertIn(self.project, neighbour.srm_project_ids)

    def test_confidential_records_not_linked(self):
        household = (
            self.env["srm.land.household"]
            .with_user(self.officer)
            .create({"project_id": self.project.id, "head_partner_id": self.ines.id})
        )
        agreement = self.shared_agreement.with_user(self.user)
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            agreement.write({"household_id": household.id})
            # what the form would have shown of the confidential household: its head
            self.assertNotIn("Inés", agreement.read(["household_id"])[0]["household_id"][1])
        secret_engagement = self.env["srm.engagement"].create(
            {
                "name": "Offer to the Paredes family",
                "engagement_type_id": self.env.ref("srm_base.srm_engagement_type_meeting").id,
                "project_id": self.project.id,
                "partner_ids": [Command.set(self.ines.ids)],
                "is_confidential": True,
            }
        )
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            agreement.write({"engagement_id": secret_engagement.id})
        # what they may read is linked as before
        agreement.write({"witness_ids": [Command.link(self.witness.id)], "engagement_id": False})
        self.assertEqual(agreement.witness_ids, self.witness)

    def test_commitment_records_a_readable_payment_only(self):
        # a land officer of the road project, not of the mine's
        contractor = new_test_user(
            self.env,
            "land_link_contractor",
            "srm_base.group_srm_restricted,srm_base.group_srm_confidential",
            srm_project_ids=[Command.set(self.other_project.ids)],
        )
        draft = self._agreement(lines=[("payment", "Advance", 5000.0, 5)], name="Paredes buy-out")
        Commitment = self.env["srm.commitment"].with_user(contractor)
        values = {
            "name": "Road works",
            "project_id": self.other_project.id,
            "is_confidential": True,
            "date_due": self.today,
        }
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            commitment = Commitment.create(dict(values, land_agreement_line_id=draft.line_ids.id))
            # what the commitment would have shown of the mine's confidential agreement
            self.assertNotIn("Paredes", commitment.read(["land_agreement_id"])[0]["land_agreement_id"][1])
        # nor as a default given in the context
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            Commitment.with_context(default_land_agreement_line_id=draft.line_ids.id).create(values)
        commitment = Commitment.create(values)
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            commitment.write({"land_agreement_line_id": draft.line_ids.id})
        self.assertFalse(draft.line_ids.commitment_ids)

    def test_names_of_confidential_records_linked_by_shared_ones_hidden(self):
        # the agreement is shared with the team; the meeting where it was signed, and the
        # household of its holder, stay confidential
        household = (
            self.env["srm.land.household"]
            .with_user(self.officer)
            .create({"project_id": self.project.id, "head_partner_id": self.ines.id, "name": "HH-PAREDES"})
        )
        meeting = self.env["srm.engagement"].create(
            {
                "name": "Offer of three times the market rate",
                "engagement_type_id": self.env.ref("srm_base.srm_engagement_type_meeting").id,
                "project_id": self.project.id,
                "partner_ids": [Command.set(self.ines.ids)],
                "is_confidential": True,
            }
        )
        shared = self.shared_agreement.with_user(self.officer)
        shared.write({"engagement_id": meeting.id, "household_id": household.id})
        right = (
            self.env["srm.land.right"]
            .with_user(self.officer)
            .create(
                {"parcel_id": self.shared.id, "partner_id": self.ines.id, "share": 10, "household_id": household.id}
            )
        )
        secrets = ("three times", "HH-PAREDES")
        for user in (self.user, self.restricted, self.auditor):
            with self.subTest(user=user.login):
                agreement = shared.with_user(user)
                values = agreement.read(["engagement_id", "household_id", "partner_id"])[0]
                self.assertEqual(values["engagement_id"], (meeting.id, "Restricted"))
                self.assertEqual(values["household_id"][1], "Restricted")
                self.assertEqual(values["partner_id"], (self.tomas.id, "Tomás Paredes"))
                web = agreement.web_read({"engagement_id": {"fields": {"display_name": {}}}})[0]
                self.assertEqual(web["engagement_id"], {"id": meeting.id, "display_name": "Restricted"})
                found = agreement.search_read([("id", "=", shared.id)], ["engagement_id"])
                self.assertEqual(found[0]["engagement_id"][1], "Restricted")
                groups = (
                    self.env["srm.land.right"]
                    .with_user(user)
                    .read_group([("id", "=", right.id)], ["share:sum"], ["household_id"])
                )
                self.assertEqual(groups[0]["household_id"][1], "Restricted")
                form = self.shared.with_user(user).web_read(
                    {"right_ids": {"fields": {"household_id": {"fields": {"display_name": {}}}}}}
                )
                shown = str(values) + str(web) + str(found) + str(groups) + str(form)
                self.assertFalse([secret for secret in secrets if secret in shown])
        # the land officer reads them
        values = shared.read(["engagement_id", "household_id"])[0]
        self.assertEqual(values["engagement_id"][1], "Offer of three times the market rate")
        self.assertIn("HH-PAREDES", values["household_id"][1])

    def test_copy_leaves_out_links_its_user_may_not_read(self):
        household = (
            self.env["srm.land.household"]
            .with_user(self.officer)
            .create({"project_id": self.project.id, "head_partner_id": self.ines.id, "name": "HH-PAREDES"})
        )
        right = (
            self.env["srm.land.right"]
            .with_user(self.officer)
            .create(
                {"parcel_id": self.shared.id, "partner_id": self.ines.id, "share": 10, "household_id": household.id}
            )
        )
        # a community officer duplicates the holding: the copy keeps what they may read
        copy = right.with_user(self.user).copy()
        self.assertEqual((copy.parcel_id, copy.partner_id, copy.share), (self.shared, self.ines, 10))
        self.assertFalse(copy.sudo().household_id)
        # the land officer, who may read the household, copies it with the holding
        self.assertEqual(right.with_user(self.officer).copy().household_id, household)
        # a link given for the copy is checked as written
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            right.with_user(self.user).copy({"household_id": household.id})

    def test_engagement_links_households_its_user_may_read(self):
        household = (
            self.env["srm.land.household"]
            .with_user(self.officer)
            .create({"project_id": self.project.id, "head_partner_id": self.ines.id})
        )
        meeting = self.env["srm.engagement"].create(
            {"name": "Census visit", "project_id": self.project.id, "partner_ids": self.ines.ids}
        )
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            meeting.with_user(self.user).write({"land_household_ids": [Command.link(household.id)]})
        self.assertFalse(meeting.land_household_ids)
        meeting.with_user(self.user).write({"land_parcel_ids": [Command.link(self.shared.id)]})
        self.assertEqual(meeting.land_parcel_ids, self.shared)
        meeting.with_user(self.officer).write({"land_household_ids": [Command.link(household.id)]})
        self.assertEqual(meeting.land_household_ids, household)
