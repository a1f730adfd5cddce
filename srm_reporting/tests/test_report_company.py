# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io

import openpyxl

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import SrmReportingCommon


class SrmReportCompanyCommon(SrmReportingCommon):
    """A second company with a project, a stakeholder and an engagement in the period; a
    user who works in both companies. The other users of the tests work in the first one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Second Mining Co"})
        cls.project_b = cls.env["srm.project"].create(
            {"name": "Northern Pit", "code": "NP", "company_id": cls.company_b.id}
        )
        cls.erin = cls.env["res.partner"].create(
            {"name": "Erin Northfield", "is_stakeholder": True, "company_id": cls.company_b.id}
        )
        cls.e_b = (
            cls.env["srm.engagement"]
            .with_company(cls.company_b)
            .create(
                {
                    "name": "Northern Pit blasting schedule",
                    "engagement_type_id": cls.env.ref("srm_base.srm_engagement_type_meeting").id,
                    "date": "2026-02-10 10:00:00",
                    "partner_ids": [Command.set(cls.erin.ids)],
                    "project_id": cls.project_b.id,
                    "company_id": cls.company_b.id,
                }
            )
        )
        cls.two_companies = new_test_user(
            cls.env,
            login="srm_rep_two_companies",
            groups="srm_base.group_srm_user",
            tz="UTC",
            name="Srm Rep Two Companies",
            company_id=cls.company.id,
            company_ids=[Command.set((cls.company | cls.company_b).ids)],
        )

    def in_companies(self, model, user, companies):
        return self.env[model].with_user(user).with_context(allowed_company_ids=companies.ids)

    @staticmethod
    def texts(content):
        book = openpyxl.load_workbook(io.BytesIO(content))
        return {str(value) for sheet in book for row in sheet.iter_rows(values_only=True) for value in row if value}

    def assertMentions(self, content, needle, mentioned=True):
        found = [text for text in self.texts(content) if needle in text]
        if mentioned:
            self.assertTrue(found, f"{needle} is not in the file")
        else:
            self.assertFalse(found, f"{needle} is in the file")


@tagged("post_install", "-at_install")
class TestReportCompany(SrmReportCompanyCommon):
    """A report is filed under the current company, whose users read it in the archive:
    it holds the records of that company only, whatever other companies its author works in."""

    FILTERS = {"kind": "engagement_log", "date_from": "2026-01-01", "date_to": "2026-03-31"}

    def test_report_holds_the_records_of_its_company_only(self):
        Log = self.in_companies("srm.report.log", self.two_companies, self.company | self.company_b)
        log = Log._generate(self.FILTERS, "xlsx")
        self.assertEqual(log.sudo().company_id, self.company)
        content = self.content(log)
        self.assertMentions(content, "Village meeting on dust")
        for other in ("Northern Pit", "Erin Northfield", "Second Mining Co"):
            self.assertMentions(content, other, mentioned=False)
        # the users of the company read it: nothing of the other company is in it
        self.assertFalse(log.sudo().contains_confidential)
        for user in (self.srm_user, self.auditor):
            with self.subTest(user=user.login):
                self.assertEqual(log.sudo().attachment_id.with_user(user).read(["raw"])[0]["raw"], content)

    def test_report_of_the_other_company_is_filed_under_it(self):
        Log = self.in_companies("srm.report.log", self.two_companies, self.company_b | self.company)
        log = Log._generate(self.FILTERS, "xlsx")
        self.assertEqual(log.sudo().company_id, self.company_b)
        content = self.content(log)
        self.assertMentions(content, "Northern Pit blasting schedule")
        self.assertMentions(content, "Village meeting on dust", mentioned=False)
        # the users of the first company only do not read it
        with self.assertRaises(AccessError):
            log.with_user(self.srm_user).read(["name"])
        with self.assertRaises(AccessError):
            log.sudo().attachment_id.with_user(self.srm_user).read(["raw"])
