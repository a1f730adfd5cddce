# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime
import io

import openpyxl

from odoo.tests import tagged

from .common import SrmReportingCommon


@tagged("post_install", "-at_install")
class TestReportCommitments(SrmReportingCommon):
    def rows(self, sheet):
        return [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)]

    def book(self, log):
        return openpyxl.load_workbook(io.BytesIO(self.content(log)))

    def test_commitments_register_xlsx(self):
        book = self.book(self.generate("commitment_register", "xlsx", user=self.manager))
        self.assertEqual(book.sheetnames, ["Report", "Commitments", "By status", "By category"])
        sheet = book["Commitments"]
        header = [cell.value for cell in sheet[1]]
        col = {name: index for index, name in enumerate(header)}
        rows = self.rows(sheet)
        data = rows[:-1]
        # due in the period, and the overdue one from before; ordered by due date
        self.assertEqual(
            [row[col["Reference"]] for row in data], (self.c4 | self.c1 | self.c2 | self.c3).mapped("reference")
        )
        self.assertEqual(rows[-1][0], "Total: 4")
        kept = data[1]
        self.assertEqual(kept[col["Status"]], "Fulfilled")
        self.assertEqual(kept[col["Due date"]], datetime.datetime(2026, 1, 31))
        self.assertEqual(kept[col["Fulfilled on"]], datetime.datetime(2026, 1, 28))
        self.assertIs(kept[col["Fulfilled on time"]], True)
        self.assertIs(kept[col["Overdue"]], False)
        self.assertEqual(kept[col["Fulfilment evidence"]], "Trucks log book signed by the village chief.")
        self.assertEqual(kept[col["Made during"]], "Village meeting on dust")
        self.assertEqual(kept[col["Progress"]], 1.0)
        late = data[2]
        self.assertIs(late[col["Overdue"]], True)
        self.assertEqual(late[col["Days overdue"]], (datetime.date.today() - datetime.date(2026, 2, 15)).days)
        self.assertEqual(late[col["Progress"]], 0.4)
        self.assertTrue(sheet.cell(row=2, column=col["Due date"] + 1).is_date)
        self.assertEqual(sheet.cell(row=2, column=col["Progress"] + 1).number_format, "0.0%")
        self.assertIs(data[3][col["Confidential"]], True)
        by_status = {row[0]: row[1:] for row in self.rows(book["By status"])}
        self.assertEqual(by_status["Fulfilled"], [1, 0])
        self.assertEqual(by_status["Open"], [2, 2])
        self.assertEqual(by_status["In Progress"], [1, 1])
        self.assertEqual(by_status["Total"], [4, 3])
        by_category = {row[0]: row[1:] for row in self.rows(book["By category"])}
        self.assertEqual(by_category["Total"], [4, 1, 1, 1.0, 3])
        cover = {row[0]: row[1] for row in self.rows(book["Report"])}
        self.assertEqual(cover["Overdue"], 3)
        self.assertEqual(cover["Fulfilled on time"], 1.0)

    def test_commitments_register_without_confidential_access(self):
        log = self.generate("commitment_register", "xlsx", user=self.srm_user)
        rows = self.rows(self.book(log)["Commitments"])
        self.assertEqual([row[0] for row in rows[:-1]], (self.c4 | self.c1 | self.c2).mapped("reference"))
        self.assertNotIn(b"SECRET", self.content(log))

    def test_commitments_register_documents(self):
        tree = self.html_tree(self.content(self.generate("commitment_register", "pdf")))
        rows = self.section_rows(tree, "commitments")
        self.assertEqual([row[0] for row in rows], (self.c4 | self.c1 | self.c2 | self.c3).mapped("reference"))
        self.assertIn("Trucks log book signed by the village chief.", rows[1])
        texts = self.odt_text(self.content(self.generate("commitment_register", "odt", user=self.srm_user)))
        self.assertIn("Trucks log book signed by the village chief.", texts)
        self.assertIn(self.c2.reference, texts)
        self.assertFalse([text for text in texts if "SECRET" in text])

    def test_profile_and_monthly_summary_include_commitments(self):
        log = self.env["srm.report.log"]._generate(
            {"kind": "stakeholder_profile", "partner_ids": self.alice.ids}, "xlsx"
        )
        book = self.book(log)
        self.assertEqual([row[0] for row in self.rows(book["Commitments"])], (self.c1 | self.c2).mapped("reference"))
        cover = {row[0]: row[1] for row in self.rows(book["Report"])}
        self.assertEqual(cover["Commitments overdue"], 1)
        book = self.book(self.generate("monthly_summary", "xlsx", date_from="2026-01-01", date_to="2026-01-31"))
        figures = {row[0]: row[1] for row in self.rows(book["Key figures"])}
        self.assertEqual(figures["Commitments due in the period"], 1)
        self.assertEqual(figures["Commitments fulfilled in the period"], 1)
        self.assertEqual(figures["Commitments overdue today"], 3)
        overdue = [row[0] for row in self.rows(book["Overdue commitments"])]
        self.assertEqual(overdue, (self.c4 | self.c2 | self.c3).mapped("reference"))
