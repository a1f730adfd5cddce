# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
import zipfile
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SrmReportingCommon, rezip_odt, standard_template, with_paragraph


@tagged("post_install", "-at_install")
class TestReportPdf(SrmReportingCommon):
    """PDF reports are QWeb documents: the tests read the HTML that wkhtmltopdf
    prints (in test mode Odoo hands the HTML back instead of calling it)."""

    def render_html(self, kind, user=None, **extra):
        log = self.generate(kind, "pdf", user=user, **extra)
        self.assertTrue(log.file_name.endswith(".html"), "tests get the HTML that wkhtmltopdf would print")
        return log, self.html_tree(self.content(log))

    def test_engagement_log_html(self):
        log, tree = self.render_html("engagement_log", user=self.manager)
        self.assertEqual(tree.xpath("string(//h2[hasclass('o_srm_title')])"), "Engagement log")
        params = {
            " ".join(tr[0].text_content().split()): " ".join(tr[1].text_content().split())
            for tr in tree.xpath("//table[hasclass('o_srm_parameters')]//tr")
        }
        self.assertEqual(params["Projects"], "[CR] Copper Ridge")
        self.assertEqual(params["Period"], "01/01/2026 to 03/31/2026")
        header = [" ".join(th.text_content().split()) for th in tree.xpath("//div[@data-section='engagements']//th")]
        # the printed table keeps the columns a reader needs; the spreadsheet has them all
        self.assertEqual(
            header,
            ["Date", "Subject", "Type", "Project", "Stakeholders", "Topics", "Sentiment", "Summary", "Outcome",
             "Confidential"],
        )  # fmt: skip
        rows = self.section_rows(tree, "engagements")
        self.assertEqual(len(rows), 4)
        self.assertEqual(rows[0][0], "01/15/2026 10:00")
        self.assertEqual(rows[0][1], "Village meeting on dust")
        self.assertEqual(rows[0][4], "Alice Farmer, Bob Mayor")
        self.assertEqual(rows[0][8], "Water trucks twice a day.")
        self.assertIn("SECRET land negotiation", [row[1] for row in rows])
        total = tree.xpath("//div[@data-section='engagements']//tfoot//td")
        self.assertEqual(" ".join(total[1].text_content().split()), "Total: 4 engagements")
        by_type = {row[0]: row[1] for row in self.section_rows(tree, "by_type")}
        self.assertEqual(by_type["Meeting"], "1")
        # provenance printed on the document refers to the log
        self.assertIn(f"Report reference {log.id}", tree.text_content())

    def test_engagement_log_html_without_confidential_access(self):
        _log, tree = self.render_html("engagement_log", user=self.srm_user)
        rows = self.section_rows(tree, "engagements")
        self.assertEqual(
            [row[1] for row in rows], ["Village meeting on dust", "Call about the well", "Site visit with the mayor"]
        )
        self.assertNotIn("SECRET", tree.text_content())
        self.assertIn("Not included (no access)", tree.text_content())

    def test_filed_report_is_not_printed_again(self):
        """A filed report is downloaded from the archive, whose digest matches its file: it
        is not printed again (a new report, with the reference of the filed one)."""
        log = self.generate("stakeholder_register", "xlsx")
        Report = self.env["ir.actions.report"]
        with self.assertRaises(UserError) as refused:
            Report._render_qweb_html("srm_reporting.srm_report_stakeholder_register_pdf", log.ids)
        self.assertIn("report audit trail", str(refused.exception))

    def test_each_kind_renders(self):
        expected = {
            "stakeholder_register": ("Stakeholder register", "stakeholders", 3),
            "engagement_log": ("Engagement log", "engagements", 4),
            "consultation_summary": ("Consultation summary", "stakeholders", 3),
            "monthly_summary": ("Monthly summary", "by_type", 4),
        }
        for kind, (title, section, count) in expected.items():
            with self.subTest(kind=kind):
                _log, tree = self.render_html(kind)
                self.assertEqual(tree.xpath("string(//h2[hasclass('o_srm_title')])"), title)
                self.assertEqual(len(self.section_rows(tree, section)), count)

    def test_stakeholder_profile_html(self):
        log = self.env["srm.report.log"]._generate(
            {"kind": "stakeholder_profile", "partner_ids": self.alice.ids}, "pdf"
        )
        tree = self.html_tree(self.content(log))
        self.assertEqual(tree.xpath("string(//h2[hasclass('o_srm_title')])"), "Stakeholder profile: Alice Farmer")
        profile = {row[0]: row[1] for row in self.section_rows(tree, "profile")}
        self.assertEqual(profile["Email"], "alice@example.com")
        self.assertEqual(profile["Segments"], "Water users")
        self.assertEqual(len(self.section_rows(tree, "engagements")), 3)


@tagged("post_install", "-at_install")
class TestReportTemplates(SrmReportingCommon):
    """ODT (and DOCX/PDF through LibreOffice) from the editable py3o templates."""

    def test_engagement_log_odt(self):
        log = self.generate("engagement_log", "odt", user=self.manager)
        self.assertTrue(log.file_name.endswith(".odt"))
        texts = self.odt_text(self.content(log))
        self.assertIn("Engagement log", texts)
        self.assertIn(f"Report reference {log.id}", texts[-1])
        self.assertIn("Village meeting on dust", texts)
        self.assertIn("Water trucks twice a day.", texts)
        self.assertIn("SECRET land negotiation", texts)
        self.assertIn("[CR] Copper Ridge", texts)
        # no py3o instruction left in the output
        self.assertFalse([text for text in texts if "py3o" in text or 'for="' in text])

    def test_each_format_reads_the_data_once(self):
        """Producing a report reads its records once, whatever the format: the file is
        printed from the report its log was made from (a 100,000-row log read twice
        took twice as long)."""
        Builder = type(self.env["srm.report.builder"])
        for fmt in ("pdf", "odt", "xlsx"):
            with (
                self.subTest(fmt=fmt),
                patch.object(Builder, "_build", autospec=True, side_effect=Builder._build) as build,
            ):
                log = self.generate("engagement_log", fmt, user=self.manager)
                self.assertEqual(build.call_count, 1)
                if fmt == "odt":
                    self.assertIn("Village meeting on dust", self.odt_text(self.content(log)))
                elif fmt == "pdf":
                    self.assertIn(b"Village meeting on dust", self.content(log))

    def test_engagement_log_odt_without_confidential_access(self):
        texts = self.odt_text(self.content(self.generate("engagement_log", "odt", user=self.srm_user)))
        self.assertIn("Village meeting on dust", texts)
        self.assertFalse([text for text in texts if "SECRET" in text])

    def test_each_template_renders(self):
        checks = {
            "stakeholder_register": "Carol Green",
            "consultation_summary": "Dust on the crops near the haul road.",
            "monthly_summary": "Dust (report test)",
        }
        for kind, expected in checks.items():
            with self.subTest(kind=kind):
                texts = self.odt_text(self.content(self.generate(kind, "odt")))
                self.assertIn(expected, texts)
        log = self.env["srm.report.log"]._generate({"kind": "stakeholder_profile", "partner_ids": self.bob.ids}, "odt")
        texts = self.odt_text(self.content(log))
        self.assertIn("Stakeholder profile: Bob Mayor", texts)
        self.assertIn("Site visit with the mayor", texts)

    def test_custom_template(self):
        """An organisation's own template replaces the standard one."""
        data = rezip_odt(standard_template("engagement_log"), with_paragraph(b"Regulator key figure"))
        template = self.env["py3o.template"].create(
            {"name": "Regulator layout", "filetype": "odt", "py3o_template_data": base64.b64encode(data)}
        )
        log = self.generate("engagement_log", "odt", template=template)
        texts = self.odt_text(self.content(log))
        self.assertIn("Regulator key figure", texts)
        self.assertIn("Key figure", self.odt_text(self.content(self.generate("engagement_log", "odt"))))
        self.assertIn("Village meeting on dust", texts)
        self.assertEqual(log.template_name, "Regulator layout")

    def test_docx_and_pdf_through_libreoffice(self):
        if not self.env["srm.report.log"]._libreoffice_bin():
            self.skipTest("LibreOffice is not installed")
        log = self.generate("engagement_log", "docx")
        self.assertTrue(log.file_name.endswith(".docx"))
        with zipfile.ZipFile(io.BytesIO(self.content(log))) as archive:
            document = archive.read("word/document.xml").decode()
        self.assertIn("Village meeting on dust", document)
        self.assertIn("Water trucks twice a day.", document)
        log = self.generate("consultation_summary", "pdf_template")
        self.assertTrue(log.file_name.endswith(".pdf"))
        self.assertEqual(self.content(log)[:5], b"%PDF-")
