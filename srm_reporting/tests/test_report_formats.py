# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.base.models import ir_actions_report

from .common import PERIOD, SrmReportingCommon


@tagged("post_install", "-at_install")
class TestReportFormats(SrmReportingCommon):
    """The report wizard opens on a format this server produces: PDF needs
    wkhtmltopdf, DOCX and PDF from templates need LibreOffice."""

    def opened_on(self, **context):
        """The format the report wizard's form opens on."""
        Wizard = self.env["srm.report.wizard"].with_user(self.srm_user).with_context(**context)
        return Wizard.default_get(["output_format"])["output_format"]

    def without_libreoffice(self):
        self.env["ir.config_parameter"].sudo().set_param("py3o.conversion_command", "srm-no-such-libreoffice")

    @staticmethod
    def wkhtmltopdf(state):
        """The server looks for wkhtmltopdf once, when it starts: the test sets what it found."""
        return patch.object(ir_actions_report, "wkhtmltopdf_state", state)

    def test_pdf_when_wkhtmltopdf_is_there(self):
        with self.wkhtmltopdf("ok"):
            self.assertEqual(self.opened_on(), "pdf")
            self.assertIn("pdf", self.env["srm.report.log"]._available_output_formats())

    def test_fallback_without_wkhtmltopdf_nor_libreoffice(self):
        self.without_libreoffice()
        with self.wkhtmltopdf("install"):
            self.assertEqual(self.env["srm.report.log"]._available_output_formats(), ["xlsx", "odt"])
            self.assertEqual(self.opened_on(), "xlsx")
            # a report produced again in a format this server cannot make any more
            for fmt in ("pdf", "docx", "pdf_template"):
                with self.subTest(fmt=fmt):
                    self.assertEqual(self.opened_on(default_output_format=fmt), "xlsx")
            self.assertEqual(self.opened_on(default_output_format="odt"), "odt")
            # the wizard as opened produces the report
            wizard = (
                self.env["srm.report.wizard"]
                .with_user(self.srm_user)
                .create(dict(PERIOD, report_kind="engagement_log", project_ids=self.project.ids))
            )
            self.assertEqual(wizard.output_format, "xlsx")
            self.assertFalse(wizard.availability_warning)
            wizard.action_generate()
            log = self.env["srm.report.log"].search([("user_id", "=", self.srm_user.id)])
            self.assertTrue(log.sudo().file_name.endswith(".xlsx"))

    def test_libreoffice_formats_only_with_libreoffice(self):
        self.without_libreoffice()
        with self.wkhtmltopdf("ok"):
            self.assertEqual(self.opened_on(default_output_format="docx"), "pdf")
            self.assertEqual(self.opened_on(default_output_format="pdf_template"), "pdf")

    @freeze_time("2026-02-03 06:00:00")
    def test_monthly_summary_without_wkhtmltopdf(self):
        """A summary asked for in PDF is sent in XLSX rather than not at all."""
        self.project.write({"srm_monthly_report": True, "srm_monthly_report_format": "pdf"})
        with self.wkhtmltopdf("install"):
            self.env["srm.report.log"]._cron_send_monthly_reports()
        log = self.env["srm.report.log"].search([("scheduled_project_id", "=", self.project.id)])
        self.assertEqual(log.output_format, "xlsx")
        self.assertTrue(log.sent_on)
