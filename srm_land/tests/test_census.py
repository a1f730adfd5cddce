# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import LandCase


@tagged("post_install", "-at_install")
class TestCensus(LandCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.parcel = cls._parcel()
        cls.cutoff = cls.project.land_cutoff_date
        cls.household = (
            cls.env["srm.land.household"]
            .with_user(cls.officer)
            .create(
                {
                    "project_id": cls.project.id,
                    "head_partner_id": cls.ines.id,
                    "parcel_ids": [Command.set(cls.parcel.ids)],
                    "census_date": cls.cutoff - timedelta(days=10),
                    "member_ids": [
                        Command.create({"name": "Inés Paredes", "relationship": "head", "partner_id": cls.ines.id}),
                        Command.create({"name": "Tomás Paredes", "relationship": "spouse"}),
                        Command.create({"name": "Ana Paredes", "relationship": "child", "present_at_cutoff": False}),
                    ],
                }
            )
        )
        cls.Asset = cls.env["srm.land.asset"].with_user(cls.officer)

    def test_household(self):
        self.assertRegex(self.household.name, r"^HH-\d{4}$", "numbered")
        self.assertEqual(self.household.display_name, f"{self.household.name} Inés Paredes")
        self.assertEqual(self.household.size, 3, "its members")
        self.assertEqual(
            self.household.member_ids.filtered("present_at_cutoff").mapped("name"), ["Inés Paredes", "Tomás Paredes"]
        )
        self.assertTrue(self.household.is_confidential, "confidential by default")
        self.assertIn(self.ines, self.project.stakeholder_ids)
        self.assertEqual(self.parcel.household_ids, self.household)
        self.assertEqual(self.household.cutoff_date, self.cutoff)

    def test_assets_counted_until_the_cutoff(self):
        entitlement = self.env["srm.land.entitlement"].create(
            {
                "project_id": self.project.id,
                "loss_category": "tree",
                "holder_category": "formal",
                "compensation_type": "cash",
                "unit_rate": 85.0,
                "unit": "tree",
            }
        )
        trees = self.Asset.create(
            {
                "parcel_id": self.parcel.id,
                "household_id": self.household.id,
                "category": "tree",
                "name": "Olive trees, mature",
                "quantity": 12,
                "entitlement_id": entitlement.id,
                "date_counted": self.cutoff,
            }
        )
        self.assertEqual(trees.unit_rate, 85.0, "the rate of the entitlement matrix")
        self.assertEqual(trees.amount, 1020.0)
        house = self.Asset.create(
            {
                "parcel_id": self.parcel.id,
                "household_id": self.household.id,
                "category": "structure",
                "name": "Adobe house, 60 m²",
                "quantity": 60,
                "unit": "m²",
                "unit_rate": 150.0,
                "date_counted": self.cutoff - timedelta(days=3),
            }
        )
        self.assertEqual(self.household.asset_amount, 1020.0 + 9000.0)
        self.assertEqual(self.parcel.asset_amount, 10020.0)

        with self.assertRefused("counted on .*, after the census cut-off date of"):
            self.Asset.create(
                {
                    "parcel_id": self.parcel.id,
                    "category": "crop",
                    "name": "Maize planted last week",
                    "quantity": 0.5,
                    "unit_rate": 900.0,
                    "date_counted": self.cutoff + timedelta(days=1),
                }
            )
        with self.assertRefused("after the census cut-off date"):
            house.date_counted = self.cutoff + timedelta(days=2)
        with self.assertRefused("cannot be negative"):
            house.quantity = -1
        self.assertEqual(self.Asset.search_count([("parcel_id", "=", self.parcel.id)]), 2)
        self.assertEqual(house.date_counted, self.cutoff - timedelta(days=3))

        # the cut-off cannot be moved before counts already made
        with self.assertRefused("assets were counted until"):
            self.project.land_cutoff_date = self.cutoff - timedelta(days=1)
        self.assertEqual(self.project.land_cutoff_date, self.cutoff)
        self.project.land_cutoff_date = self.cutoff + timedelta(days=5)

    def test_household_of_another_project_refused(self):
        other = self._parcel(name="ROAD-1", project_id=self.other_project.id)
        with self.assertRefused("is of another project"):
            self.household.parcel_ids = [Command.link(other.id)]

    def test_only_confidential_access_records_land(self):
        with self.assertRaisesRegex(UserError, "only users with Confidential access record"):
            self.env["srm.land.household"].with_user(self.user).create(
                {"project_id": self.project.id, "head_partner_id": self.rosa.id, "is_confidential": False}
            )
        with self.assertRaisesRegex(UserError, "Only users with Confidential access can change"):
            parcel = self._parcel(name="P-PUBLIC", is_confidential=False)
            parcel.with_user(self.user).is_confidential = True

    def test_livelihood_followup(self):
        Measure = self.env["srm.land.livelihood.measure"].with_user(self.officer)
        seeds = Measure.create(
            {"household_id": self.household.id, "name": "Seeds and irrigation kit", "measure_type": "agriculture"}
        )
        job = Measure.create(
            {"household_id": self.household.id, "name": "Driver training", "measure_type": "employment"}
        )
        self.assertFalse(self.household.livelihood_status)
        seeds.followup_ids = [
            Command.create(
                {"date": self.today - timedelta(days=60), "status": "at_risk", "indicator": "Harvest (t)", "value": 0.4}
            ),
        ]
        job.followup_ids = [Command.create({"date": self.today - timedelta(days=20), "status": "on_track"})]
        self.assertEqual(seeds.last_status, "at_risk")
        self.assertEqual(self.household.livelihood_status, "on_track", "the latest follow-up")
        seeds.followup_ids = [Command.create({"date": self.today, "status": "restored"})]
        self.assertEqual(self.household.livelihood_status, "restored")
        self.assertEqual(seeds.last_followup_date, self.today)
        with self.assertRefused("cannot be in the future"):
            seeds.followup_ids = [Command.create({"date": self.today + timedelta(days=1), "status": "on_track"})]
        with self.assertRefused("before it starts"):
            job.write({"date_start": self.today, "date_target": self.today - timedelta(days=1)})
