# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import LandReportCase

KINDS = [
    "land_status",
    "land_compensation",
    "land_agreements",
    "land_households",
    "land_grievances",
    "land_resettlement_progress",
]


@tagged("post_install", "-at_install")
class TestLandReportAccess(LandReportCase):
    """Land reports hold what their author may read: confidential land records with
    Confidential access only, the projects of a project-restricted user only."""

    def test_restricted_user_gets_the_parcels_of_their_projects_only(self):
        report = self.build("land_status", user=self.restricted)
        self.assertEqual(set(self.by_first(report, "parcels")), {"RPT-B"}, "not another project's, not confidential")
        self.assertEqual(list(self.by_first(report, "status_by_project")), [self.project.display_name])
        # with Confidential access, still not another project's
        report = self.build("land_status", user=self.contractor)
        self.assertEqual(set(self.by_first(report, "parcels")), {"RPT-A", "RPT-B"})
        report = self.build("land_status", user=self.contractor, project_ids=self.other_project.ids)
        self.assertFalse(self.rows(report, "parcels"), "asking for another project gives nothing of it")
        for kind, key, elsewhere in [
            ("land_compensation", "payments", "First rent"),
            ("land_agreements", "agreements", self.ag3.reference),
            ("land_households", "households", self.h3.name),
            ("land_grievances", "grievances_by_parcel", "RPT-C"),
        ]:
            with self.subTest(kind=kind):
                for user in (self.restricted, self.contractor):
                    cells = {cell for row in self.rows(self.build(kind, user=user), key) for cell in row}
                    self.assertNotIn(elsewhere, cells)
        report = self.build("land_resettlement_progress", user=self.contractor)
        figures = dict(self.rows(report, "key_figures"))
        self.assertEqual((figures["Parcels"], figures["Census households"]), (2, 2))
        self.assertEqual(figures["Grievances about land"], 2)

    def test_confidential_land_records_need_confidential_access(self):
        report = self.build("land_compensation", user=self.user)
        self.assertEqual(set(self.by_first(report, "by_holder")), {"Tomás Paredes"})
        self.assertEqual(report["section"]["by_holder"]["totals"]["paid"], 2000.0)
        self.assertEqual(report["confidential_count"], 0)
        self.assertNotIn("confidential", self.column_keys(report, "payments"))
        report = self.build("land_status", user=self.officer, exclude_confidential=True)
        self.assertEqual(set(self.by_first(report, "parcels")), {"RPT-B", "RPT-C"})
        self.assertEqual(report["confidential_count"], 0)

    def test_report_files_with_confidential_land_are_filed_for_confidential_access(self):
        for kind in KINDS:
            with self.subTest(kind=kind):
                log = self.generate(kind, "xlsx", project_ids=self.project.ids)
                self.assertTrue(log.contains_confidential, "the Paredes parcel, household and agreement")
                log = self.generate(kind, "xlsx", project_ids=self.project.ids, exclude_confidential=True)
                self.assertFalse(log.contains_confidential)
                log = self.generate(kind, "xlsx", user=self.user, project_ids=self.project.ids)
                self.assertFalse(log.contains_confidential)
        log = self.generate("land_status", "xlsx", user=self.restricted)
        self.assertEqual(log.record_count, 1)
        self.assertEqual(log.sudo().project_ids, self.project, "filed under the projects its author may read")
