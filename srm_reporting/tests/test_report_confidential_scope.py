# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import SrmReportingCommon


class SrmReportScopeCommon(SrmReportingCommon):
    """A user with Confidential access (and no other privilege than a user's) produces the
    reports; a plain user and an auditor try to read them from the archive."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.confidential_user = new_test_user(
            cls.env,
            login="srm_rep_scope_conf",
            groups="srm_base.group_srm_user,srm_base.group_srm_confidential",
            tz="UTC",
            name="Srm Rep Scope Conf",
        )

    def produce(self, kind, exclude=False, **extra):
        wizard = (
            self.env["srm.report.wizard"]
            .with_user(self.confidential_user)
            .create(
                {
                    "report_kind": kind,
                    "output_format": "xlsx",
                    "date_from": extra.pop("date_from", "2026-01-01"),
                    "date_to": extra.pop("date_to", "2026-03-31"),
                    "project_ids": [(6, 0, self.project.ids)],
                    "exclude_confidential": exclude,
                    **extra,
                }
            )
        )
        return wizard._generate_log()

    def book(self, log):
        return openpyxl.load_workbook(io.BytesIO(self.content(log)))

    @staticmethod
    def sheet_rows(book, name):
        return [list(row) for row in book[name].iter_rows(values_only=True)]

    def cover(self, book):
        return {row[0]: row[1] for row in self.sheet_rows(book, "Report")[1:]}

    def assertFiledConfidential(self, log):
        self.assertTrue(log.sudo().contains_confidential)
        for user in (self.srm_user, self.auditor):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                log.with_user(user).read(["name"])
            with self.subTest(user=user.login, path="file"), self.assertRaises(AccessError):
                log.sudo().attachment_id.with_user(user).read(["raw"])

    def assertFiledShared(self, log):
        self.assertFalse(log.sudo().contains_confidential)
        for user in (self.srm_user, self.auditor):
            with self.subTest(user=user.login):
                self.assertTrue(log.with_user(user).read(["name"]))
                self.assertTrue(log.sudo().attachment_id.with_user(user).read(["raw"])[0]["raw"])


@tagged("post_install", "-at_install")
class TestStakeholderRegisterConfidentiality(SrmReportScopeCommon):
    """The register counts the engagements of each stakeholder in the period: those
    counts include the confidential engagements its author may read."""

    def engagements_per_stakeholder(self, book):
        header, *rows = self.sheet_rows(book, "Stakeholders")
        column = header.index("Engagements in period")
        return {row[header.index("Stakeholder")]: row[column] for row in rows}

    def test_register_counting_confidential_engagements_is_confidential(self):
        log = self.produce("stakeholder_register")
        book = self.book(log)
        # Carol was met only at the confidential negotiation: the register tells it
        self.assertEqual(self.engagements_per_stakeholder(book)["Carol Green"], 1)
        self.assertEqual(self.cover(book)["Engagements in period"], 4)
        self.assertFiledConfidential(log)

    def test_register_leaving_confidential_records_out_is_shared(self):
        log = self.produce("stakeholder_register", exclude=True)
        book = self.book(log)
        self.assertEqual(self.engagements_per_stakeholder(book)["Carol Green"], 0)
        self.assertEqual(self.cover(book)["Engagements in period"], 3)
        self.assertFiledShared(log)
