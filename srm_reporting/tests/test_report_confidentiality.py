# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
import re
import zipfile

import openpyxl

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import SrmReportingCommon

MARCH = {"date_from": "2026-03-01", "date_to": "2026-03-31"}


class SrmProtectedComplainantCommon(SrmReportingCommon):
    """Two more grievances on the project in March 2026: a sensitive one, whose
    complainant (Sofia) a staff member also listed among the stakeholders concerned,
    and an anonymous one. No confidential record was received in March."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.confidential_user = new_test_user(
            cls.env,
            login="srm_rep_confidential",
            groups="srm_base.group_srm_user,srm_base.group_srm_confidential",
            tz="UTC",
            name="Srm Rep Confidential",
        )
        cls.sofia = cls.env["res.partner"].create(
            {
                "name": "Sofia Whistleblower",
                "email": "sofia.whistle@example.com",
                "phone": "+56 9 5555 0101",
                "is_stakeholder": True,
            }
        )
        Issue = cls.env["srm.issue"].with_context(mail_create_nosubscribe=True)
        common = {
            "category_id": cls.env.ref("srm_issues.srm_issue_category_dust").id,
            "project_id": cls.project.id,
            "channel": "in_person",
        }
        cls.g_sensitive = Issue.create(
            dict(
                common,
                name="Harassment by a contractor",
                date_received="2026-03-05 08:00:00",
                is_sensitive=True,
                complainant_partner_id=cls.sofia.id,
                partner_ids=[Command.set((cls.sofia | cls.bob).ids)],
            )
        )
        cls.g_anonymous = Issue.create(
            dict(common, name="Night blasting", date_received="2026-03-08 08:00:00", is_anonymous=True)
        )
        cls.identity = ("Sofia Whistleblower", "sofia.whistle@example.com", "5555 0101")

    def file_text(self, log):
        """Every text of a report file, whatever its format."""
        content = self.content(log)
        name = log.sudo().file_name
        if name.endswith(".xlsx"):
            book = openpyxl.load_workbook(io.BytesIO(content))
            return "\n".join(
                str(value) for sheet in book for row in sheet.iter_rows(values_only=True) for value in row if value
            )
        if name.endswith(".html"):
            return self.html_tree(content).text_content()
        if name.endswith(".odt"):
            return "\n".join(self.odt_text(content))
        if name.endswith(".docx"):
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                return re.sub(r"<[^>]+>", " ", archive.read("word/document.xml").decode())
        raise AssertionError(f"no text extraction for {name}")

    def assertNoIdentity(self, log, msg=""):
        text = self.file_text(log)
        for item in self.identity:
            self.assertNotIn(item, text, f"{msg}: {log.sudo().file_name} names the protected complainant")

    def sheet_rows(self, log, sheet):
        book = openpyxl.load_workbook(io.BytesIO(self.content(log)))
        rows = list(book[sheet].iter_rows(values_only=True))
        header = rows[0]
        return [dict(zip(header, row, strict=True)) for row in rows[1:]]


@tagged("post_install", "-at_install")
class TestReportProtectedComplainants(SrmProtectedComplainantCommon):
    def formats(self):
        formats = ["pdf", "xlsx", "odt"]
        if self.env["srm.report.log"]._libreoffice_bin():
            formats.append("docx")
        return formats

    def test_leave_out_confidential_protects_complainants_in_every_format(self):
        for fmt in self.formats():
            with self.subTest(fmt=fmt):
                log = self.generate("grievance_log", fmt, user=self.manager, exclude_confidential=True, **MARCH)
                self.assertNoIdentity(log, fmt)
                text = self.file_text(log)
                self.assertIn(self.g_sensitive.reference, text)
                self.assertIn("Protected complainant", text)
                self.assertIn("Anonymous", text)
                self.assertFalse(log.sudo().contains_confidential, "nothing confidential is left in the file")

    def test_grievance_rows_with_confidential_access(self):
        log = self.generate("grievance_log", "xlsx", user=self.manager, **MARCH)
        rows = {row["Reference"]: row for row in self.sheet_rows(log, "Grievances")}
        self.assertEqual(rows[self.g_sensitive.reference]["Complainant"], "Sofia Whistleblower")
        self.assertEqual(rows[self.g_anonymous.reference]["Complainant"], "Anonymous")
        # the stakeholders concerned never name the complainant of a protected issue
        self.assertEqual(rows[self.g_sensitive.reference]["Stakeholders"], "Bob Mayor")
        shared = self.generate("grievance_log", "xlsx", user=self.manager, exclude_confidential=True, **MARCH)
        rows = {row["Reference"]: row for row in self.sheet_rows(shared, "Grievances")}
        self.assertEqual(rows[self.g_sensitive.reference]["Complainant"], "Protected complainant")

    def test_report_naming_a_protected_complainant_is_filed_confidential(self):
        """No record of March is flagged confidential, yet the log names Sofia."""
        log = self.generate("grievance_log", "xlsx", user=self.manager, **MARCH)
        self.assertIn("Sofia Whistleblower", self.file_text(log))
        self.assertTrue(log.sudo().contains_confidential)
        for user in (self.srm_user, self.auditor, self.restricted):
            with self.subTest(user=user.login):
                self.assertFalse(self.env["srm.report.log"].with_user(user).search([("id", "=", log.id)]))
                with self.assertRaises(AccessError):
                    log.with_user(user).read(["name"])
                with self.assertRaises(AccessError):
                    log.sudo().attachment_id.with_user(user).read(["raw"])
        Log = self.env["srm.report.log"].with_user(self.confidential_user)
        self.assertEqual(Log.search([("id", "=", log.id)]), log)

    def test_profile_of_a_protected_complainant(self):
        """With confidential access, Sofia's profile lists the grievance she raised (and
        is filed confidential); without it, or leaving confidential records out, it
        does not link her to it."""
        profile = {"kind": "stakeholder_profile", "partner_ids": self.sofia.ids}
        Log = self.env["srm.report.log"]
        log = Log.with_user(self.manager)._generate(profile, "xlsx")
        refs = [row["Reference"] for row in self.sheet_rows(log, "Issues and grievances")]
        self.assertEqual(refs, [self.g_sensitive.reference])
        self.assertTrue(log.sudo().contains_confidential)
        for user, exclude in ((self.manager, True), (self.srm_user, False), (self.auditor, False)):
            with self.subTest(user=user.login, exclude=exclude):
                log = Log.with_user(user)._generate(dict(profile, exclude_confidential=exclude), "xlsx")
                self.assertFalse(self.sheet_rows(log, "Issues and grievances"))
                self.assertNotIn(self.g_sensitive.reference, self.file_text(log))
                self.assertFalse(log.sudo().contains_confidential)

    def test_users_without_confidential_access_never_get_protected_identities(self):
        """Whatever report and options they ask for (over RPC, the wizard hides the
        option), users without confidential access get no protected identity."""
        kinds = [
            "grievance_log",
            "consultation_summary",
            "monthly_summary",
            "engagement_log",
            "commitment_register",
            "stakeholder_register",
        ]
        for user in (self.srm_user, self.auditor, self.restricted):
            for kind in kinds:
                for exclude in (False, True):
                    with self.subTest(user=user.login, kind=kind, exclude=exclude):
                        wizard = (
                            self.env["srm.report.wizard"]
                            .with_user(user)
                            .create(
                                dict(
                                    MARCH,
                                    report_kind=kind,
                                    output_format="xlsx",
                                    project_ids=self.project.ids,
                                    exclude_confidential=exclude,
                                )
                            )
                        )
                        self.assertNoIdentity(wizard._generate_log(), kind)
        # the HTML report route renders no report of filters of the caller's choosing
        log = self.generate("grievance_log", "xlsx", user=self.srm_user, **MARCH)
        with self.assertRaises(UserError) as refused:
            self.env["ir.actions.report"].with_user(self.srm_user)._render_qweb_html(
                "srm_reporting.srm_report_grievance_log_pdf",
                log.ids,
                data={"filters": dict(self.filters("grievance_log", **MARCH), exclude_confidential=False)},
            )
        self.assertIn("report audit trail", str(refused.exception))
