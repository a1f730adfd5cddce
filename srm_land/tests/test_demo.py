# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemo(TransactionCase):
    """The demo of the Río Claro Copper Project, when the database has demo data."""

    def setUp(self):
        super().setUp()
        self.lot17 = self.env.ref("srm_land.srm_land_parcel_lot17_demo", raise_if_not_found=False)
        if not self.lot17:
            self.skipTest("no demo data")
        self.project = self.lot17.project_id

    def test_demo_land_of_the_project(self):
        parcels = self.env["srm.land.parcel"].search([("project_id", "=", self.project.id)])
        self.assertEqual(len(parcels), 30)
        self.assertTrue(all(parcel.area_ha > 10 for parcel in parcels), "every parcel has its area")
        self.assertTrue(all(parcel.share_total <= 100 for parcel in parcels))
        self.assertEqual(len(self.env["srm.land.household"].search([("project_id", "=", self.project.id)])), 20)
        self.assertTrue(self.project.land_cutoff_date)
        assets = self.env["srm.land.asset"].search([("project_id", "=", self.project.id)])
        self.assertTrue(assets)
        self.assertLessEqual(max(assets.mapped("date_counted")), self.project.land_cutoff_date)
        self.assertGreaterEqual(len(self.project.land_entitlement_ids), 15)
        self.assertIn(self.env.ref("srm_base.res_partner_landowner_fernandez_demo"), self.lot17.holder_partner_ids)
        self.assertTrue(self.lot17.engagement_ids, "the engagements with its owner are linked")

    def test_demo_payments_are_commitments(self):
        lines = self.env["srm.land.agreement.line"].search([("project_id", "=", self.project.id)])
        signed = lines.filtered(lambda line: line.agreement_id.state == "signed")
        self.assertTrue(all(line.commitment_id for line in signed))
        self.assertFalse((lines - signed).commitment_ids, "no commitment before the signature")
        paid = signed.filtered(lambda line: line.state == "done")
        self.assertTrue(paid)
        self.assertTrue(all(line.commitment_id.has_evidence for line in paid))
        self.assertTrue(signed.filtered("is_overdue"), "some payments are overdue")
        self.assertTrue(all(line.date_done >= line.agreement_id.date_signed for line in paid))
