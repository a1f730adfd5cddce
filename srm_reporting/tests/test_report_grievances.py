# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime
import io

import openpyxl

from odoo.tests import new_test_user, tagged

from .common import SrmReportingCommon


@tagged("post_install", "-at_install")
class TestReportGrievances(SrmReportingCommon):
    def rows(self, sheet):
        return [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)]

    def book(self, log):
        return openpyxl.load_workbook(io.BytesIO(self.content(log)))

    def test_issue_flags(self):
        """The test data means what the assertions below assume."""
        self.assertEqual(self.g1.ack_on_time_rate, 100.0)
        self.assertFalse(self.g1.is_resolution_breached)
        self.assertFalse(self.g1.is_sla_breached)
        self.assertTrue(self.g1.is_closed)
        self.assertAlmostEqual(self.g1.close_days, 10.0)
        self.assertEqual(self.g2.ack_on_time_rate, 0.0)
        self.assertTrue(self.g2.is_sla_breached)
        self.assertTrue(self.g3.is_sla_breached)

    def test_grievance_log_xlsx(self):
        book = self.book(self.generate("grievance_log", "xlsx", user=self.manager))
        self.assertEqual(
            book.sheetnames, ["Report", "Grievances", "Service levels by category", "Service levels by month"]
        )
        sheet = book["Grievances"]
        header = [cell.value for cell in sheet[1]]
        col = {name: index for index, name in enumerate(header)}
        rows = self.rows(sheet)
        data = rows[:-1]
        self.assertEqual(
            [row[col["Reference"]] for row in data], [self.g1.reference, self.g2.reference, self.g3.reference]
        )
        self.assertEqual(rows[-1][0], "Total: 3")
        first = data[0]
        self.assertEqual(first[col["Received"]], datetime.datetime(2026, 1, 12, 8, 0))
        self.assertEqual(first[col["Category"]], "Dust")
        self.assertEqual(first[col["Complainant"]], "Alice Farmer")
        self.assertIs(first[col["Acknowledged on time"]], True)
        self.assertIs(first[col["Resolved on time"]], True)
        self.assertAlmostEqual(first[col["Days to close"]], 10.0)
        self.assertEqual(first[col["Description"]], "Dust covers the laundry.")
        self.assertEqual(first[col["Resolution"]], "Road watering increased.")
        self.assertIs(data[1][col["Acknowledged on time"]], False)
        self.assertIsNone(data[1][col["Resolved on time"]])
        self.assertIs(data[2][col["Confidential"]], True)
        self.assertTrue(sheet.cell(row=2, column=col["Received"] + 1).is_date)
        self.assertEqual(sheet.freeze_panes, "A2")
        self.assertEqual(sheet.auto_filter.ref, f"A1:{openpyxl.utils.get_column_letter(len(header))}4")
        # service levels by category: received, acknowledged, on time, share, resolved, on time, share,
        # closed, average days to close, breached
        by_category = {row[0]: row[1:] for row in self.rows(book["Service levels by category"])}
        self.assertEqual(by_category["Dust"], [1, 1, 1, 1.0, 1, 1, 1.0, 1, 10.0, 0])
        self.assertEqual(by_category["Water"][:4], [1, 1, 0, 0.0])
        self.assertEqual(by_category["Land and access"][:3], [1, 0, 0])
        self.assertEqual(by_category["Total"], [3, 2, 1, 0.5, 1, 1, 1.0, 1, 10.0, 2])
        by_month = self.rows(book["Service levels by month"])
        self.assertEqual(
            [(row[0].date(), row[1]) for row in by_month[:2]],
            [(datetime.date(2026, 1, 1), 2), (datetime.date(2026, 2, 1), 1)],
        )
        self.assertEqual(by_month[0][3], 1)  # January: one acknowledged on time
        self.assertTrue(book["Service levels by month"].cell(row=2, column=5).number_format.endswith("%"))
        cover = {row[0]: row[1] for row in self.rows(book["Report"])}
        self.assertEqual(cover["Received"], 3)
        self.assertEqual(cover["Acknowledged on time"], 0.5)
        self.assertEqual(cover["Still open"], 2)

    def test_grievance_log_without_confidential_access(self):
        log = self.generate("grievance_log", "xlsx", user=self.srm_user)
        book = self.book(log)
        rows = self.rows(book["Grievances"])
        self.assertEqual([row[0] for row in rows[:-1]], [self.g1.reference, self.g2.reference])
        self.assertNotIn("Confidential", [cell.value for cell in book["Grievances"][1]])
        by_category = {row[0]: row[1] for row in self.rows(book["Service levels by category"])}
        self.assertNotIn("Land and access", by_category)
        self.assertEqual(by_category["Total"], 2)
        self.assertFalse(log.sudo().contains_confidential)

    def test_grievance_log_html(self):
        log = self.generate("grievance_log", "pdf", user=self.manager)
        tree = self.html_tree(self.content(log))
        rows = self.section_rows(tree, "grievances")
        self.assertEqual([row[0] for row in rows], [self.g1.reference, self.g2.reference, self.g3.reference])
        by_category = {row[0]: row for row in self.section_rows(tree, "sla_by_category")}
        self.assertEqual(by_category["Dust"][4], "100.0 %")
        total = [
            " ".join(td.text_content().split())
            for td in tree.xpath("//div[@data-section='sla_by_category']//tfoot//td")
        ]
        self.assertEqual(total[:5], ["Total", "3", "2", "1", "50.0 %"])

    def test_grievance_log_odt(self):
        texts = self.odt_text(self.content(self.generate("grievance_log", "odt", user=self.srm_user)))
        self.assertIn(self.g1.reference, texts)
        # the grievance's subject, under the column headings of the report
        self.assertIn(self.g1.name, texts)
        self.assertIn("Subject", texts)
        self.assertIn("Road watering increased.", texts)
        self.assertFalse([text for text in texts if "SECRET" in text])

    def test_profile_and_consultation_include_issues(self):
        log = self.env["srm.report.log"]._generate(
            {"kind": "stakeholder_profile", "partner_ids": self.alice.ids}, "xlsx"
        )
        issues = self.rows(self.book(log)["Issues and grievances"])
        self.assertEqual([row[0] for row in issues], [self.g_before.reference, self.g1.reference, self.g2.reference])
        book = self.book(self.generate("consultation_summary", "xlsx"))
        concerns = self.rows(book["Grievances and responses"])
        self.assertEqual([row[0] for row in concerns], [self.g1.reference, self.g2.reference, self.g3.reference])
        self.assertEqual(concerns[0][5], "Road watering increased.")

    def test_monthly_summary_grievance_figures(self):
        book = self.book(self.generate("monthly_summary", "xlsx", date_from="2026-01-01", date_to="2026-01-31"))
        figures = {row[0]: row[1] for row in self.rows(book["Key figures"])}
        self.assertEqual(figures["Grievances received"], 2)
        self.assertEqual(figures["Acknowledged on time"], 0.5)
        self.assertEqual(figures["Resolved on time"], 1.0)
        # open today on the project, whenever received
        self.assertEqual(figures["Grievances open today"], 3)
        open_refs = [row[0] for row in self.rows(book["Open grievances"])]
        self.assertEqual(sorted(open_refs), sorted((self.g_before | self.g2 | self.g3).mapped("reference")))

    def test_worker_grievances_stay_out_of_reports(self):
        """A worker grievance officer's report leaves worker grievances out: the archived
        file is read by people who may not know of them."""
        officer = new_test_user(
            self.env,
            login="srm_rep_worker_officer",
            groups="srm_base.group_srm_user,srm_issues.group_srm_issue_worker",
            tz="UTC",
        )
        worker = self.env["srm.issue"].create(
            {
                "name": "WORKER overtime complaint",
                "grievance_scope": "worker",
                "date_received": "2026-01-20 08:00:00",
                "project_id": self.project.id,
                "channel": "in_person",
            }
        )
        self.assertIn(worker, self.env["srm.issue"].with_user(officer).search([]))
        log = self.generate("grievance_log", "xlsx", user=officer)
        references = [row[0] for row in self.rows(self.book(log)["Grievances"])]
        self.assertIn(self.g1.reference, references)
        self.assertNotIn(worker.reference, references)
        self.assertIn(log, self.env["srm.report.log"].with_user(self.srm_user).search([]))
