# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from odoo import Command
from odoo.tests import tagged

from odoo.addons.srm_land.tests.common import LandCase


@tagged("post_install", "-at_install")
class TestLandIssuesLinkSearch(LandCase):
    """Searching grievances by the id of a parcel or a household, or parcels by the id of
    a grievance, finds nothing through a confidential one for a user without Confidential
    access."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.secret = cls._parcel("P-LS-SECRET")
        cls.shared = cls._parcel("P-LS-SHARED", is_confidential=False)
        cls.household = (
            cls.env["srm.land.household"]
            .with_user(cls.officer)
            .create({"project_id": cls.project.id, "head_partner_id": cls.ines.id})
        )
        values = {
            "project_id": cls.project.id,
            "partner_ids": [Command.set(cls.ines.ids)],
            "date_received": datetime(2026, 6, 1, 9, 0),
        }
        Issue = cls.env["srm.issue"]
        cls.fence = Issue.create(
            {
                **values,
                "name": "LS gate left open",
                "land_parcel_ids": [Command.set(cls.secret.ids)],
                "land_household_ids": [Command.set(cls.household.ids)],
            }
        )
        cls.payment = Issue.create(
            {
                **values,
                "name": "LS instalment",
                "is_confidential": True,
                "land_parcel_ids": [Command.set(cls.shared.ids)],
            }
        )

    def _found(self, user, model, records, domain):
        Model = self.env[model].with_user(user)
        full = [*domain, ("id", "in", records.ids)]
        found = Model.search(full)
        self.assertEqual(Model.search_count(full), len(found), domain)
        return found

    def test_grievances_by_confidential_parcel_and_back(self):
        self.assertEqual(self._found(self.user, "srm.issue", self.fence, []), self.fence)
        for domain in (
            [("land_parcel_ids", "in", self.secret.ids)],
            [("land_household_ids", "=", self.household.id)],
            [("land_parcel_ids", "!=", False)],
        ):
            with self.subTest(domain=domain):
                self.assertFalse(self._found(self.user, "srm.issue", self.fence, domain))
                self.assertEqual(self._found(self.officer, "srm.issue", self.fence, domain), self.fence)
        self.assertEqual(self._found(self.user, "srm.land.parcel", self.shared, []), self.shared)
        for domain in ([("issue_ids", "in", self.payment.ids)], [("issue_ids", "!=", False)]):
            with self.subTest(domain=domain):
                self.assertFalse(self._found(self.user, "srm.land.parcel", self.shared, domain))
                self.assertEqual(self._found(self.officer, "srm.land.parcel", self.shared, domain), self.shared)
