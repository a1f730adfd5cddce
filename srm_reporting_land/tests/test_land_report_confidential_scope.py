# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import LandReportCase


@tagged("post_install", "-at_install")
class TestLandReportConfidentialScope(LandReportCase):
    """The other project's land is not confidential: a parcel (RPT-C), its household and
    the lease in negotiation. A land report reading a confidential record for what its rows
    show (the households counted on a parcel, the agreement a household's step comes from)
    is filed for Confidential access, although none of the records it lists is confidential."""

    def report_of_other_project(self, kind, **filters):
        return self.generate(kind, "xlsx", project_ids=self.other_project.ids, **filters)

    def assertConfidential(self, log, confidential=True):
        self.assertEqual(log.contains_confidential, confidential)
        if confidential:
            with self.assertRaises(AccessError):
                log.with_user(self.user).read(["name"])
        else:
            self.assertTrue(log.with_user(self.user).read(["name"]))

    def test_other_project_land_is_shared(self):
        for kind in ("land_status", "land_households", "land_agreements"):
            with self.subTest(kind=kind):
                self.assertConfidential(self.report_of_other_project(kind), confidential=False)

    def test_parcel_counting_a_confidential_household(self):
        self.h3.with_user(self.officer).is_confidential = True
        report = self.build("land_status", project_ids=self.other_project.ids)
        self.assertEqual(self.by_first(report, "parcels")["RPT-C"]["households"], 1)
        self.assertEqual(report["confidential_count"], 0, "the parcel listed is not confidential")
        self.assertConfidential(self.report_of_other_project("land_status"))
        self.assertConfidential(
            self.report_of_other_project("land_status", exclude_confidential=True), confidential=False
        )

    def test_household_step_from_a_confidential_agreement(self):
        self.ag3.with_user(self.officer).is_confidential = True
        report = self.build("land_households", project_ids=self.other_project.ids)
        self.assertEqual(self.by_first(report, "households")[self.h3.name]["step"], "Agreement in negotiation")
        self.assertEqual(report["confidential_count"], 0, "the household listed is not confidential")
        self.assertConfidential(self.report_of_other_project("land_households"))

    def test_agreement_naming_a_confidential_parcel(self):
        self.pc.with_user(self.officer).is_confidential = True
        report = self.build("land_agreements", project_ids=self.other_project.ids)
        self.assertEqual(self.by_first(report, "agreements")[self.ag3.reference]["parcels"], "RPT-C")
        self.assertConfidential(self.report_of_other_project("land_agreements"))
