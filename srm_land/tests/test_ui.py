# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from .common import square


@tagged("post_install", "-at_install")
class TestLandUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the tour's admin, the browser and the test read "today" on the same calendar
        (cls.env.ref("base.user_root") | cls.env.ref("base.user_admin")).tz = "UTC"
        cls.env = cls.env(context=dict(cls.env.context, tz="UTC"))

    def test_record_agreement_and_payment_tour(self):
        project = self.env["srm.project"].create({"name": "Tour Land Mine", "code": "TOUR-LAND"})
        holder = self.env["res.partner"].create(
            {"name": "Tour Landowner Ñuñoa", "is_stakeholder": True, "srm_project_ids": [Command.set(project.ids)]}
        )
        self.env["res.partner"].create({"name": "Tour Witness"})
        self.start_tour("/odoo/action-srm_land.srm_land_agreement_action", "srm_land_agreement_tour", login="admin")

        agreement = self.env["srm.land.agreement"].search(
            [("name", "=", "Tour: compensation for the pipeline corridor")]
        )
        self.assertEqual(len(agreement), 1)
        today = fields.Date.context_today(agreement)
        self.assertEqual(agreement.partner_id, holder)
        self.assertEqual(agreement.project_id, project)
        self.assertEqual(agreement.state, "signed")
        self.assertEqual(agreement.date_signed, today)
        self.assertEqual(agreement.witness_ids.name, "Tour Witness")
        self.assertTrue(agreement.is_confidential)
        first, balance = agreement.line_ids.sorted("date_due")
        self.assertEqual((first.amount, first.date_due), (4000.0, today))
        self.assertEqual((balance.amount, balance.date_due), (2500.0, today + timedelta(days=120)))
        self.assertEqual(first.state, "done")
        self.assertEqual(first.payment_reference, "TRF-TOUR-0001")
        self.assertEqual(first.commitment_id.state, "fulfilled")
        self.assertIn("TRF-TOUR-0001", first.commitment_id.evidence_note)
        self.assertEqual(balance.state, "planned")
        self.assertEqual(balance.commitment_id.date_due, balance.date_due)
        self.assertEqual(balance.commitment_id.user_id, self.env.ref("base.user_admin"))
        self.assertEqual((agreement.amount_paid, agreement.amount_due), (4000.0, 2500.0))

    def test_parcel_and_household_forms_tour(self):
        project = self.env["srm.project"].create(
            {"name": "Tour Parcel Mine", "code": "TOUR-PARCEL", "land_cutoff_date": fields.Date.today()}
        )
        holder = self.env["res.partner"].create({"name": "Tour Holder", "is_stakeholder": True})
        parcel = self.env["srm.land.parcel"].create(
            {
                "name": "TOUR-P1",
                "project_id": project.id,
                "state": "negotiating",
                "geojson": square(0, 0),
                "right_ids": [Command.create({"partner_id": holder.id, "share": 100})],
            }
        )
        household = self.env["srm.land.household"].create(
            {"project_id": project.id, "head_partner_id": holder.id, "parcel_ids": [Command.set(parcel.ids)]}
        )
        self.env["srm.land.asset"].create(
            {"parcel_id": parcel.id, "household_id": household.id, "name": "Adobe house", "quantity": 40}
        )
        self.start_tour("/odoo/action-srm_land.srm_land_parcel_action", "srm_land_parcel_tour", login="admin")
