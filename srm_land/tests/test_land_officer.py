# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import contextmanager
from datetime import timedelta

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged

from .common import LandCase


@tagged("post_install", "-at_install")
class TestLandOfficer(LandCase):
    """The land officer of a parcel or a household, and the colleague responsible for a
    household's livelihood measure, may read the record: with Confidential access for a
    confidential one, a member of its project when they are project-restricted; checked
    again when its project or confidentiality changes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contractor = new_test_user(
            cls.env,
            "land_own_contractor",
            "base.group_user,srm_base.group_srm_restricted,srm_base.group_srm_confidential",
            name="Nora Contractor",
            srm_project_ids=[Command.set(cls.project.ids)],
        )

    @contextmanager
    def assertOfficerRefused(self, *parts):
        """The operation fails with a message naming each of ``parts``, and writes nothing."""
        with self.assertRaises(ValidationError) as catcher, self.env.cr.savepoint():
            yield
        for part in parts:
            self.assertIn(part, str(catcher.exception))

    def _household(self, **values):
        vals = {
            "project_id": self.project.id,
            "head_partner_id": self.ines.id,
            "census_date": self.project.land_cutoff_date - timedelta(days=10),
        }
        vals.update(values)
        return self.env["srm.land.household"].with_user(self.officer).create(vals)

    def test_land_officer_of_a_parcel(self):
        with self.assertOfficerRefused("Pablo Community Officer", "Land Officer", "no Confidential access"):
            self._parcel(user_id=self.user.id)
        with self.assertOfficerRefused("Nora Contractor", "not a member of its project", "[LAND-ROAD] Land Test Road"):
            self._parcel(user_id=self.contractor.id, project_id=self.other_project.id)
        parcel = self._parcel(user_id=self.contractor.id)
        with self.assertOfficerRefused("Nora Contractor", "not a member of its project"):
            parcel.project_id = self.other_project
        shared = self._parcel("P-002", user_id=self.user.id, is_confidential=False)
        with self.assertOfficerRefused("Pablo Community Officer", "no Confidential access"):
            shared.is_confidential = True
        self.assertFalse(shared.is_confidential)
        self.assertEqual(parcel.project_id, self.project)

    def test_land_officer_of_a_household_and_its_measures(self):
        with self.assertOfficerRefused("Pablo Community Officer", "no Confidential access"):
            self._household(user_id=self.user.id)
        household = self._household(user_id=self.contractor.id)
        Measure = self.env["srm.land.livelihood.measure"].with_user(self.officer)
        with self.assertOfficerRefused("Pablo Community Officer", "Responsible", "no Confidential access"):
            Measure.create({"household_id": household.id, "name": "Seeds and tools", "user_id": self.user.id})
        measure = Measure.create(
            {"household_id": household.id, "name": "Seeds and tools", "user_id": self.contractor.id}
        )
        with self.assertOfficerRefused("Nora Contractor", "not a member of its project"):
            household.project_id = self.other_project
        self.assertEqual(measure.user_id, self.contractor)
