# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields
from odoo.tests import tagged

from .common import LandCase


@tagged("post_install", "-at_install")
class TestLandLinkSearch(LandCase):
    """Searching engagements by the id of a parcel or a household, or by whether they
    have any, finds nothing through a confidential one for a user without Confidential
    access: they do not learn which meeting was about a confidential parcel."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.secret = cls._parcel("P-LS-SECRET")
        cls.household = (
            cls.env["srm.land.household"]
            .with_user(cls.officer)
            .create({"project_id": cls.project.id, "head_partner_id": cls.ines.id})
        )
        cls.engagement = cls.env["srm.engagement"].create(
            {
                "name": "LS boundary walk",
                "engagement_type_id": cls.env.ref("srm_base.srm_engagement_type_site_visit").id,
                "date": fields.Datetime.now(),
                "partner_ids": [Command.set(cls.ines.ids)],
                "project_id": cls.project.id,
                "land_parcel_ids": [Command.set(cls.secret.ids)],
                "land_household_ids": [Command.set(cls.household.ids)],
            }
        )

    def _found(self, user, domain):
        Engagement = self.env["srm.engagement"].with_user(user)
        full = [*domain, ("id", "=", self.engagement.id)]
        found = Engagement.search(full)
        self.assertEqual(Engagement.search_count(full), len(found), domain)
        return found

    def test_engagements_by_confidential_parcel_or_household(self):
        self.assertTrue(self.secret.is_confidential and self.household.is_confidential)
        self.assertFalse(self.env["srm.land.parcel"].with_user(self.user).search([("id", "=", self.secret.id)]))
        self.assertEqual(self._found(self.user, []), self.engagement)
        domains = (
            [("land_parcel_ids", "in", self.secret.ids)],
            [("land_parcel_ids", "!=", False)],
            [("land_household_ids", "=", self.household.id)],
            [("land_household_ids", "!=", False)],
        )
        for domain in domains:
            with self.subTest(domain=domain):
                self.assertFalse(self._found(self.user, domain))
                self.assertEqual(self._found(self.officer, domain), self.engagement)
        self.assertEqual(self._found(self.user, [("land_parcel_ids", "=", False)]), self.engagement)

    def test_payments_by_confidential_commitment(self):
        """Searching an agreement's payments by the id of their commitment, or by whether
        they have any, finds nothing through a commitment the user may not read."""
        agreement = self._agreement(lines=[("payment", "LS first", 100.0, 5)], is_confidential=False)
        agreement.date_signed = self.today
        agreement.action_sign()
        line = agreement.line_ids
        commitment = line.commitment_ids
        commitment.is_confidential = True

        def found(user, domain):
            Line = self.env["srm.land.agreement.line"].with_user(user)
            full = [*domain, ("id", "=", line.id)]
            lines = Line.search(full)
            self.assertEqual(Line.search_count(full), len(lines), domain)
            groups = Line.read_group(full, ["__count"], [])
            self.assertEqual(sum(group["__count"] for group in groups), len(lines), domain)
            return lines

        self.assertEqual(len(commitment), 1)
        self.assertFalse(self.env["srm.commitment"].with_user(self.user).search([("id", "=", commitment.id)]))
        self.assertEqual(found(self.user, []), line)
        for domain in (
            [("commitment_ids", "in", commitment.ids)],
            [("commitment_ids", "=", commitment.id)],
            [("commitment_ids", "!=", False)],
        ):
            with self.subTest(domain=domain):
                self.assertFalse(found(self.user, domain))
                self.assertEqual(found(self.officer, domain), line)
        self.assertEqual(found(self.user, [("commitment_ids", "=", False)]), line)
