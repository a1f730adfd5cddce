# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.srm_reporting.tests.print_tools import (
    check_print_tools,
    pdftotext,
    printed_text_pattern,
    unpatched_qt_notices_muted,
)

from .common import LandReportCase

LANGS = ("fr_FR", "es_ES", "zh_CN")


@tagged("post_install", "-at_install")
class TestLandReportPrint(LandReportCase, HttpCase):
    """The resettlement progress report printed by the server's wkhtmltopdf, in the
    language of its reader."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for lang in LANGS:
            cls.env["res.lang"]._activate_lang(lang)
        cls.env["ir.module.module"]._load_module_terms(
            ["srm_land", "srm_reporting", "srm_reporting_land"], list(LANGS), overwrite=True
        )

    def test_progress_report_printed_in_the_reader_language(self):
        check_print_tools(self)
        expected = {
            "fr_FR": ["Rapport d'avancement de la réinstallation", "Indemnisation par titulaire de droits"],
            "es_ES": ["Informe de avance del reasentamiento", "Compensación por titular de derechos"],
            "zh_CN": ["安置进展报告", "按权利人统计的补偿"],
        }
        for lang, texts in expected.items():
            with self.subTest(lang=lang):
                self.officer.lang = lang
                Log = (
                    self.env["srm.report.log"]
                    .with_user(self.officer)
                    .with_context(lang=lang, force_report_rendering=True)
                )
                with unpatched_qt_notices_muted():
                    log = Log._generate(self.filters("land_resettlement_progress"), "pdf")
                content = log.sudo().attachment_id.raw
                self.assertEqual(content[:5], b"%PDF-")
                text = pdftotext(content)
                for expected_text in [*texts, "Inés Paredes"]:
                    self.assertRegex(text, printed_text_pattern(expected_text))
