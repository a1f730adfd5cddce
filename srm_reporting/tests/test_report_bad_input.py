# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SrmReportingCommon, rezip_odt, standard_template


@tagged("post_install", "-at_install")
class TestReportBadInput(SrmReportingCommon):
    def wizard(self, **vals):
        return self.env["srm.report.wizard"].create(
            dict({"report_kind": "engagement_log", "output_format": "xlsx", "project_ids": self.project.ids}, **vals)
        )

    def test_empty_period(self):
        wizard = self.wizard(date_from=False, date_to=False)
        with self.assertRaisesRegex(UserError, "period of the report is empty"):
            wizard.action_generate()
        with self.assertRaisesRegex(UserError, "period of the report is empty"):
            self.wizard(date_from="2026-01-01", date_to=False).action_generate()
        self.assertFalse(self.env["srm.report.log"].search([("user_id", "=", self.env.uid)]))

    def test_period_ending_before_it_starts(self):
        wizard = self.wizard(date_from="2026-03-31", date_to="2026-01-01")
        with self.assertRaisesRegex(UserError, "ends .* before it starts"):
            wizard.action_generate()

    def test_profile_needs_one_stakeholder(self):
        with self.assertRaisesRegex(UserError, "exactly one stakeholder"):
            self.wizard(report_kind="stakeholder_profile", partner_ids=(self.alice | self.bob).ids).action_generate()

    def test_template_with_syntax_error(self):
        broken = rezip_odt(
            standard_template("engagement_log"),
            lambda xml: xml.replace(b"line in report.section.engagements.lines", b"line in in report.("),
        )
        template = self.env["py3o.template"].create(
            {"name": "Broken", "filetype": "odt", "py3o_template_data": base64.b64encode(broken)}
        )
        wizard = self.wizard(
            output_format="odt", py3o_template_id=template.id, date_from="2026-01-01", date_to="2026-03-31"
        )
        with self.assertRaisesRegex(UserError, "template could not be used"):
            wizard.action_generate()
        not_a_document = self.env["py3o.template"].create(
            {"name": "Not a document", "filetype": "odt", "py3o_template_data": base64.b64encode(b"hello")}
        )
        wizard = self.wizard(
            output_format="odt", py3o_template_id=not_a_document.id, date_from="2026-01-01", date_to="2026-03-31"
        )
        with self.assertRaisesRegex(UserError, "template could not be used"):
            wizard.action_generate()

    def test_too_many_rows_for_a_document(self):
        self.env["ir.config_parameter"].sudo().set_param("srm_reporting.document_row_limit", "2")
        wizard = self.wizard(output_format="pdf", date_from="2026-01-01", date_to="2026-03-31")
        with self.assertRaisesRegex(UserError, "Choose the Excel"):
            wizard.action_generate()
        # the spreadsheet has no such limit
        wizard.output_format = "xlsx"
        self.assertTrue(wizard.action_generate()["url"].startswith("/web/content/"))
