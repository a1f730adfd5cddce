# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io

import openpyxl
from lxml import html

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.srm_reporting.tests.print_tools import check_print_tools, docx_text

from .common import LandReportCase

# kind: (title, a value of the report, the sheet holding it)
EXPECTED = {
    "land_status": ("Land access status", "RPT-A", "Parcels"),
    "land_compensation": ("Compensation paid and due", "Replacement house of 60 m2", "Payments and deliveries"),
    "land_agreements": ("Land agreements", "Compensation of the Paredes household", "Agreements"),
    "land_households": ("Households by resettlement step", "Agreement signed, compensation under way",
                        "Households by resettlement step"),
    "land_grievances": ("Grievances per parcel", "Dust on RPT-A and RPT-B", "Grievances about land"),
    "land_resettlement_progress": ("Resettlement progress report", "Compensation still to pay", "Key figures"),
}  # fmt: skip


@tagged("post_install", "-at_install")
class TestLandReportFormats(LandReportCase):
    """Every land report as a spreadsheet (XLSX), a printed document (PDF; in tests Odoo
    hands back the HTML wkhtmltopdf prints) and from its ODT template."""

    def test_xlsx(self):
        for kind, (title, value, sheet) in EXPECTED.items():
            with self.subTest(kind=kind):
                log = self.generate(kind, "xlsx")
                self.assertTrue(log.file_name.startswith(kind) and log.file_name.endswith(".xlsx"))
                book = openpyxl.load_workbook(io.BytesIO(self.content(log)))
                cells = {cell for row in book[sheet].iter_rows(values_only=True) for cell in row}
                self.assertIn(value, cells)
                cover = {cell for row in book.worksheets[0].iter_rows(values_only=True) for cell in row}
                self.assertIn(title, cover)

    def test_pdf(self):
        for kind, (title, value, _sheet) in EXPECTED.items():
            with self.subTest(kind=kind):
                log = self.generate(kind, "pdf")
                self.assertTrue(log.file_name.endswith(".html"), "tests get the HTML that wkhtmltopdf would print")
                tree = html.fromstring(self.content(log))
                self.assertEqual(tree.xpath("string(//h2[hasclass('o_srm_title')])"), title)
                self.assertIn(value, " ".join(tree.text_content().split()))
        # the progress report: its key figures and the compensation per holder
        tree = html.fromstring(self.content(self.generate("land_resettlement_progress", "pdf")))
        rows = tree.xpath("//div[@data-section='by_holder']//tbody/tr")
        cells = [[" ".join(cell.text_content().split()) for cell in row.xpath("./td")] for row in rows]
        self.assertIn(["Inés Paredes", "1", "8,000.00", "5,000.00", "3,000.00", "3,000.00", "1"], cells)

    def test_odt(self):
        for kind, (title, value, _sheet) in EXPECTED.items():
            with self.subTest(kind=kind):
                log = self.generate(kind, "odt")
                self.assertTrue(log.file_name.endswith(".odt"))
                texts = self.odt_text(self.content(log))
                self.assertIn(title, texts)
                self.assertIn(value, texts)
                self.assertIn(f"Report reference {log.id}", texts[-1])
                self.assertFalse([text for text in texts if "py3o" in text or 'for="' in text])

    def test_documents_without_confidential_access(self):
        texts = self.odt_text(self.content(self.generate("land_compensation", "odt", user=self.user)))
        self.assertIn("Full price", texts)
        self.assertNotIn("Replacement house of 60 m2", texts)
        tree = html.fromstring(self.content(self.generate("land_status", "pdf", user=self.user)))
        text = " ".join(tree.text_content().split())
        self.assertIn("RPT-B", text)
        self.assertNotIn("RPT-A", text)

    def test_progress_report_as_docx(self):
        check_print_tools(self, libreoffice=True)
        log = self.generate("land_resettlement_progress", "docx")
        self.assertTrue(log.file_name.endswith(".docx"))
        text = docx_text(self.content(log))
        for expected in ("Resettlement progress report", "Compensation per rights holder", "Inés Paredes", "8,000.00"):
            self.assertIn(expected, text)

    def test_archive_kept_when_the_module_is_removed(self):
        """Removing the land reports' module keeps their archived reports (the audit
        trail) as reports of a removed module; only the wizard forgets the kinds."""
        log = self.generate("land_status", "xlsx")
        digest, content = log.digest, self.content(log)
        values = self.env["ir.model.fields.selection"].search(
            [
                ("field_id.model", "=", "srm.report.log"),
                ("field_id.name", "=", "report_kind"),
                ("value", "in", [kind for kind in EXPECTED]),
            ]
        )
        self.assertEqual(len(values), len(EXPECTED))
        # what the uninstallation of the module does with the values it added
        values._process_ondelete()
        self.assertTrue(log.exists())
        self.assertEqual(log.report_kind, "removed")
        self.assertEqual((log.digest, self.content(log)), (digest, content))
        with self.assertRaisesRegex(UserError, "no longer installed"):
            log.action_generate_again()
