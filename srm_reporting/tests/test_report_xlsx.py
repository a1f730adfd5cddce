# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime
import io

import openpyxl

from odoo.tests import tagged

from .common import SrmReportingCommon


@tagged("post_install", "-at_install")
class TestReportXlsx(SrmReportingCommon):
    def open(self, log):
        self.assertEqual(log.file_name[-5:], ".xlsx")
        return openpyxl.load_workbook(io.BytesIO(self.content(log)))

    def rows(self, sheet):
        return [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)]

    def header(self, sheet):
        return [cell.value for cell in sheet[1]]

    def test_engagement_log(self):
        book = self.open(self.generate("engagement_log", "xlsx", user=self.manager))
        self.assertEqual(book.sheetnames, ["Report", "Engagements", "By type", "By month", "By project"])
        sheet = book["Engagements"]
        header = self.header(sheet)
        self.assertEqual(header[:3], ["ID", "Date", "Subject"])
        self.assertEqual(header[-1], "Confidential")
        self.assertEqual(sheet.freeze_panes, "A2")
        self.assertEqual(sheet.auto_filter.ref, f"A1:{openpyxl.utils.get_column_letter(len(header))}5")
        rows = self.rows(sheet)
        data, total = rows[:4], rows[4]
        self.assertEqual([row[0] for row in data], (self.e1 | self.e2 | self.e3 | self.e4).ids)
        col = {name: index for index, name in enumerate(header)}
        first = data[0]
        self.assertEqual(first[col["Date"]], datetime.datetime(2026, 1, 15, 10, 0))
        self.assertIn("Alice Farmer", first[col["Stakeholders"]])
        self.assertIn("Bob Mayor", first[col["Stakeholders"]])
        self.assertEqual(first[col["Sentiment"]], 1)
        self.assertEqual(first[col["Duration (h)"]], 1.5)
        self.assertIs(data[2][col["Confidential"]], True)
        cell = sheet.cell(row=2, column=col["Date"] + 1)
        self.assertTrue(cell.is_date)
        self.assertEqual(sheet.cell(row=2, column=col["Duration (h)"] + 1).data_type, "n")
        # totals row: count and hours, typed
        self.assertEqual(total[col["Subject"]], "Total: 4 engagements")
        self.assertEqual(total[col["Duration (h)"]], 4.0)
        # summaries
        by_type = {row[0]: row[1] for row in self.rows(book["By type"])}
        self.assertEqual(by_type, {"Meeting": 1, "Phone call": 1, "Email": 1, "Site visit": 1, "Total": 4})
        by_month = self.rows(book["By month"])
        self.assertEqual(
            [(row[0].date(), row[1]) for row in by_month[:2]],
            [(datetime.date(2026, 1, 1), 2), (datetime.date(2026, 2, 1), 2)],
        )
        self.assertTrue(book["By month"].cell(row=2, column=1).is_date)
        # the cover sheet records the filters and the key figures
        cover = {row[0]: row[1] for row in self.rows(book["Report"])}
        self.assertEqual(cover["Projects"], "[CR] Copper Ridge")
        self.assertEqual(cover["Engagements"], 4)
        self.assertEqual(cover["Hours of engagement"], 4.0)
        self.assertEqual(cover["Confidential records"], "Included")

    def test_engagement_log_without_confidential_access(self):
        log = self.generate("engagement_log", "xlsx", user=self.srm_user)
        book = self.open(log)
        sheet = book["Engagements"]
        header = self.header(sheet)
        self.assertNotIn("Confidential", header)
        rows = self.rows(sheet)
        self.assertEqual([row[0] for row in rows[:3]], (self.e1 | self.e2 | self.e4).ids)
        self.assertEqual(rows[3][header.index("Subject")], "Total: 3 engagements")
        self.assertNotIn(b"SECRET", self.content(log))
        for sheet in book.worksheets:
            for row in sheet.iter_rows(values_only=True):
                self.assertFalse(any("SECRET" in str(value) for value in row if value))
        self.assertFalse(log.sudo().contains_confidential)

    def test_engagement_log_restricted_user_sees_own_projects(self):
        log = self.generate("engagement_log", "xlsx", user=self.restricted, project_ids=[])
        rows = self.rows(self.open(log)["Engagements"])
        self.assertEqual([row[0] for row in rows[:-1]], (self.e1 | self.e2 | self.e4).ids)

    def test_stakeholder_register(self):
        book = self.open(self.generate("stakeholder_register", "xlsx", user=self.manager))
        self.assertEqual(book.sheetnames, ["Report", "Stakeholders", "By type", "Power interest grid"])
        sheet = book["Stakeholders"]
        header = self.header(sheet)
        rows = self.rows(sheet)
        names = [row[header.index("Stakeholder")] for row in rows]
        self.assertEqual(names, ["Alice Farmer", "Bob Mayor", "Carol Green"])
        engagements = {row[1]: row[header.index("Engagements in period")] for row in rows}
        self.assertEqual(engagements, {"Alice Farmer": 2, "Bob Mayor": 2, "Carol Green": 1})
        self.assertEqual(rows[0][header.index("Power/Interest")], "Manage closely")
        self.assertIs(rows[0][header.index("Consents to contact")], False)
        self.assertTrue(sheet.cell(row=2, column=header.index("Last engagement") + 1).is_date)
        self.assertEqual(sheet.freeze_panes, "A2")
        quadrants = {row[0]: row[1] for row in self.rows(book["Power interest grid"])}
        self.assertEqual(quadrants["Manage closely"], 1)
        self.assertEqual(quadrants["Keep satisfied"], 1)
        self.assertEqual(quadrants["Keep informed"], 1)
        self.assertEqual(quadrants["Total"], 3)
        # a user without confidential access does not count the confidential engagement
        book = self.open(self.generate("stakeholder_register", "xlsx", user=self.srm_user))
        rows = self.rows(book["Stakeholders"])
        self.assertEqual({row[1]: row[header.index("Engagements in period")] for row in rows}["Carol Green"], 0)

    def test_stakeholder_register_filtered_by_type_and_segment(self):
        book = self.open(self.generate("stakeholder_register", "xlsx", stakeholder_type_ids=self.type_community.ids))
        self.assertEqual([row[1] for row in self.rows(book["Stakeholders"])], ["Alice Farmer"])
        book = self.open(self.generate("stakeholder_register", "xlsx", segment_ids=self.segment_water.ids))
        self.assertEqual([row[1] for row in self.rows(book["Stakeholders"])], ["Alice Farmer"])
        cover = {row[0]: row[1] for row in self.rows(book["Report"])}
        self.assertEqual(cover["Segments"], "Water users")

    def test_consultation_summary(self):
        book = self.open(self.generate("consultation_summary", "xlsx", user=self.manager))
        who = self.rows(book["Who was engaged"])
        self.assertEqual(
            [(row[0], row[2]) for row in who[:3]], [("Alice Farmer", 2), ("Bob Mayor", 2), ("Carol Green", 1)]
        )
        self.assertEqual(who[0][5], "Meeting, Phone call")
        topics = {row[0]: row[1:5] for row in self.rows(book["Topics raised"])}
        # times raised, stakeholders, answered, unanswered
        self.assertEqual(topics["Dust (report test)"], [2, 3, 2, 0])
        self.assertEqual(topics["Water (report test)"], [1, 1, 0, 1])
        self.assertEqual(topics["(No topic)"], [1, 1, 0, 1])
        responses = self.rows(book["Answers by topic"])
        dust = [row for row in responses if row[0] == "Dust (report test)"]
        self.assertEqual([row[2] for row in dust], ["Village meeting on dust", "SECRET land negotiation"])
        self.assertEqual(dust[0][6], "Water trucks twice a day.")
        self.assertIs(dust[0][7], True)

    def test_stakeholder_profile(self):
        log = self.env["srm.report.log"]._generate(
            {"kind": "stakeholder_profile", "partner_ids": self.alice.ids}, "xlsx"
        )
        book = self.open(log)
        profile = {row[0]: row[1] for row in self.rows(book["Profile"])}
        self.assertEqual(profile["Name"], "Alice Farmer")
        self.assertEqual(profile["Power/Interest"], "Manage closely")
        self.assertEqual(profile["Influence (1-5)"], 5)
        engagements = self.rows(book["Engagements"])
        # whole history: the meeting before the period too
        self.assertEqual(
            [row[1] for row in engagements[:-1]], ["Old meeting", "Village meeting on dust", "Call about the well"]
        )
        sentiment = self.rows(book["Sentiment by month"])
        self.assertEqual([(row[0].date(), row[1], row[2]) for row in sentiment], [(datetime.date(2026, 1, 1), 2, 0.0)])

    def test_monthly_summary(self):
        book = self.open(self.generate("monthly_summary", "xlsx", date_from="2026-01-01", date_to="2026-01-31"))
        figures = {row[0]: row[1] for row in self.rows(book["Key figures"])}
        self.assertEqual(figures["Engagements"], 2)
        self.assertEqual(figures["Stakeholders engaged"], 2)
        self.assertEqual(figures["Average sentiment"], 0.0)
