# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime
import io

import openpyxl

from odoo.tests import tagged

from odoo.addons.srm_reporting.tests.common import SrmReportingCommon


@tagged("post_install", "-at_install")
class TestReportConsultationCampaigns(SrmReportingCommon):
    """The consultation summary lists the campaigns of the period and what was heard in them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Consultation = cls.env["srm.consultation"]
        cls.campaign = Consultation.create(
            {
                "name": "Water plan consultation",
                "project_id": cls.project.id,
                "date_start": "2026-02-01",
                "purpose": "<p>Hear the <b>farmers</b> on the water plan.</p>",
            }
        )
        cls.secret = Consultation.create(
            {"name": "SECRET relocation consultation", "project_id": cls.project.id, "date_start": "2026-01-10",
             "is_confidential": True}
        )  # fmt: skip
        cls.before = Consultation.create(
            {"name": "Old scoping consultation", "project_id": cls.project.id, "date_start": "2025-06-01",
             "date_end": "2025-07-01"}
        )  # fmt: skip
        cls.elsewhere = Consultation.create(
            {"name": "Lake consultation", "project_id": cls.project_other.id, "date_start": "2026-02-01"}
        )
        Theme = cls.env["srm.consultation.theme"]
        cls.well = Theme.create(
            {"name": "Well levels", "consultation_id": cls.campaign.id,
             "response": "<p>Monthly measurements published.</p>"}
        )  # fmt: skip
        # a suggestion of the analysis nobody reviewed yet is not reported
        Theme.create({"name": "Trucks", "consultation_id": cls.campaign.id, "origin": "keyword", "count": 3})

    def book(self, log):
        return openpyxl.load_workbook(io.BytesIO(self.content(log)))

    @staticmethod
    def rows(sheet):
        return [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)]

    def test_campaigns_and_what_was_heard(self):
        book = self.book(self.generate("consultation_summary", "xlsx", user=self.manager))
        campaigns = self.rows(book["Consultation campaigns"])
        names = [row[0] for row in campaigns]
        self.assertIn("Water plan consultation", names)
        self.assertIn("SECRET relocation consultation", names, "a manager reads confidential campaigns")
        self.assertNotIn("Old scoping consultation", names, "over before the period")
        self.assertNotIn("Lake consultation", names, "another project")
        water = campaigns[names.index("Water plan consultation")]
        self.assertEqual(water[1], "[CR] Copper Ridge")
        self.assertEqual(water[2], datetime.datetime(2026, 2, 1))
        self.assertEqual(water[4], "Planned")
        self.assertEqual(water[8], "Hear the *farmers* on the water plan.")
        themes = self.rows(book["What we heard and our response"])
        self.assertEqual([row[:2] for row in themes], [["Water plan consultation", "Well levels"]])
        self.assertEqual(themes[0][4], "Monthly measurements published.")
        self.assertEqual(themes[0][5], "Responded")

    def test_confidential_campaigns_stay_with_confidential_access(self):
        log = self.generate("consultation_summary", "xlsx", user=self.srm_user)
        names = [row[0] for row in self.rows(self.book(log)["Consultation campaigns"])]
        self.assertEqual(names, ["Water plan consultation"])
        log = self.generate("consultation_summary", "xlsx", user=self.manager, exclude_confidential=True)
        names = [row[0] for row in self.rows(self.book(log)["Consultation campaigns"])]
        self.assertEqual(names, ["Water plan consultation"])
