# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io

import openpyxl
from lxml import html

from odoo import Command
from odoo.tests import tagged

from .common import LandReportCase


@tagged("post_install", "-at_install")
class TestLandReportLinks(LandReportCase):
    """A parcel of the project is also held by a stakeholder of the other project only: a
    user restricted to the project reads the parcel, not that holder. Their land status
    report is produced in every format, and names the holder "Restricted"."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tenant = cls.env["res.partner"].create(
            {"name": "Hidden Tenant Quispe", "is_stakeholder": True, "stakeholder_type_id": cls.landowner_type.id}
        )
        cls.pb.right_ids = [Command.create({"partner_id": cls.tenant.id, "right_type": "tenant", "share": 0})]
        cls.tenant.srm_project_ids = [Command.set(cls.other_project.ids)]

    def land_status(self, output, user):
        # as in a new request: nothing read while setting the test up is left in memory
        self.env.invalidate_all()
        return self.content(self.generate("land_status", output, user=user, project_ids=self.project.ids))

    def test_restricted_user_reads_a_hidden_holder_restricted(self):
        self.assertFalse(self.tenant.with_user(self.contractor)._filtered_access("read"))
        book = openpyxl.load_workbook(io.BytesIO(self.land_status("xlsx", self.contractor)))
        header, *rows = [list(row) for row in book["Parcels"].iter_rows(values_only=True)]
        parcels = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
        self.assertEqual(parcels["RPT-B"]["Rights holders"], "Tomás Paredes, Restricted")
        self.assertEqual(parcels["RPT-A"]["Rights holders"], "Inés Paredes")
        cells = [str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row if cell]
        self.assertFalse([cell for cell in cells if "Quispe" in cell])
        text = " ".join(html.fromstring(self.land_status("pdf", self.contractor)).text_content().split())
        self.assertIn("Tomás Paredes, Restricted", text)
        self.assertNotIn("Quispe", text)
        odt = " ".join(self.odt_text(self.land_status("odt", self.contractor)))
        self.assertIn("Tomás Paredes, Restricted", odt)
        self.assertNotIn("Quispe", odt)

    def test_user_of_every_project_reads_the_holder(self):
        book = openpyxl.load_workbook(io.BytesIO(self.land_status("xlsx", self.officer)))
        header, *rows = [list(row) for row in book["Parcels"].iter_rows(values_only=True)]
        parcels = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
        self.assertEqual(parcels["RPT-B"]["Rights holders"], "Tomás Paredes, Hidden Tenant Quispe")
