# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io

import openpyxl
from lxml import html

from odoo import Command
from odoo.tests import tagged

from .common import LandReportCase


@tagged("post_install", "-at_install")
class TestLandReportLeaveOut(LandReportCase):
    """The other project's parcel RPT-C and its lease in negotiation are not confidential;
    its household and a side payment signed with it are. A land officer (Confidential
    access) who leaves confidential records out produces a report filed for every user:
    it shows what a user without Confidential access reads, and nothing of the household
    or the payment (no name, no count, no amount)."""

    SECRET_AMOUNT = 7777.0

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.h3.with_user(cls.officer).is_confidential = True
        cls.side_payment = cls._agreement(
            name="SECRET side payment for RPT-C",
            project_id=cls.other_project.id,
            partner_id=cls.rosa.id,
            household_id=cls.h3.id,
            parcel_ids=[Command.set(cls.pc.ids)],
            date_signed=cls.today,
            lines=[("payment", "Side payment", cls.SECRET_AMOUNT, 5)],
        )
        cls.side_payment.action_sign()
        cls.secret_names = [cls.h3.name, cls.h3.display_name, cls.side_payment.name, cls.side_payment.reference]

    def workbook(self, kind, user, **filters):
        log = self.generate(kind, "xlsx", user=user, project_ids=self.other_project.ids, **filters)
        return log, openpyxl.load_workbook(io.BytesIO(self.content(log)))

    def data_sheets(self, book):
        """Every cell of every sheet but the cover (its author, date and options)."""
        return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets[1:]}

    def assertNothingConfidential(self, sheets):
        cells = [cell for rows in sheets.values() for row in rows for cell in row if cell not in (None, "")]
        for secret in self.secret_names:
            self.assertFalse([cell for cell in cells if isinstance(cell, str) and secret in cell], secret)
        numbers = [cell for cell in cells if isinstance(cell, int | float) and not isinstance(cell, bool)]
        self.assertNotIn(self.SECRET_AMOUNT, numbers)

    def test_officer_reads_the_confidential_household_and_payment(self):
        """Without leaving them out, the report counts the household and adds up the payment
        (it is filed for Confidential access)."""
        report = self.build("land_status", project_ids=self.other_project.ids)
        parcel = self.by_first(report, "parcels")["RPT-C"]
        self.assertEqual((parcel["households"], parcel["agreed"]), (1, self.SECRET_AMOUNT))

    def test_land_status_leaving_confidential_records_out(self):
        log, book = self.workbook("land_status", self.officer, exclude_confidential=True)
        self.assertFalse(log.contains_confidential)
        sheets = self.data_sheets(book)
        header, *rows = sheets["Parcels"]
        parcel = dict(zip(header, next(row for row in rows if row[0] == "RPT-C"), strict=True))
        self.assertEqual((parcel["Households"], parcel["Compensation agreed"]), (0, 0))
        self.assertNothingConfidential(sheets)
        self.assertEqual(sheets, self.data_sheets(self.workbook("land_status", self.user)[1]))

    def test_land_agreements_leaving_confidential_records_out(self):
        """The lease names its household, which is confidential: "Restricted"."""
        log, book = self.workbook("land_agreements", self.officer, exclude_confidential=True)
        self.assertFalse(log.contains_confidential)
        sheets = self.data_sheets(book)
        header, *rows = sheets["Agreements"]
        lease = dict(zip(header, next(row for row in rows if row[0] == self.ag3.reference), strict=True))
        self.assertEqual(lease["Household"], "Restricted")
        self.assertNothingConfidential(sheets)
        self.assertEqual(sheets, self.data_sheets(self.workbook("land_agreements", self.user)[1]))
        # the printed report says the same
        pdf = self.generate(
            "land_agreements", "pdf", user=self.officer, project_ids=self.other_project.ids, exclude_confidential=True
        )
        text = " ".join(html.fromstring(self.content(pdf)).text_content().split())
        self.assertIn("Lease of RPT-C", text)
        for secret in self.secret_names:
            self.assertNotIn(secret, text)

    def test_land_households_leaving_confidential_records_out(self):
        """A household shared with the team takes its step from the agreements its reader
        may read: the lease in negotiation, not the confidential payment signed with it."""
        self.h3.with_user(self.officer).is_confidential = False
        self.secret_names = [self.side_payment.name, self.side_payment.reference]
        report = self.build("land_households", project_ids=self.other_project.ids)
        self.assertEqual(
            self.by_first(report, "households")[self.h3.name]["step"], "Agreement signed, compensation under way"
        )
        log, book = self.workbook("land_households", self.officer, exclude_confidential=True)
        self.assertFalse(log.contains_confidential)
        sheets = self.data_sheets(book)
        header, *rows = sheets["Households"]
        household = dict(zip(header, next(row for row in rows if row[0] == self.h3.name), strict=True))
        self.assertEqual(household["Step"], "Agreement in negotiation")
        self.assertNothingConfidential(sheets)
        self.assertEqual(sheets, self.data_sheets(self.workbook("land_households", self.user)[1]))
