# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io

import openpyxl

from odoo.tests import tagged

from .test_report_company import SrmReportCompanyCommon


@tagged("post_install", "-at_install")
class TestReportLinkNames(SrmReportCompanyCommon):
    """A stakeholder the author of a report reads may be related to a contact they may not
    read (a stakeholder of a company they do not work in): the profile is produced in every
    format, and names that contact "Restricted"."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = cls.env.ref("srm_base.srm_relationship_type_member")
        cls.env["srm.relationship"].create(
            {"partner_id": cls.alice.id, "type_id": cls.member.id, "related_partner_id": cls.erin.id}
        )

    def profile(self, output, user):
        # as in a new request: nothing read while setting the test up is left in memory
        self.env.invalidate_all()
        return self.content(self.generate("stakeholder_profile", output, user=user, partner_ids=self.alice.ids))

    def test_profile_names_a_related_contact_of_another_company_restricted(self):
        expected = f"Alice Farmer {self.member.name} Restricted"
        for output in ("xlsx", "pdf", "odt"):
            with self.subTest(output=output):
                content = self.profile(output, self.srm_user)
                if output == "xlsx":
                    book = openpyxl.load_workbook(io.BytesIO(content))
                    items = {row[0]: row[1] for row in book["Profile"].iter_rows(values_only=True)}
                    self.assertEqual(items["Relationships"], expected)
                    texts = [str(value) for sheet in book for row in sheet.iter_rows(values_only=True) for value in row]
                elif output == "pdf":
                    texts = [" ".join(self.html_tree(content).text_content().split())]
                else:
                    texts = self.odt_text(content)
                text = " ".join(texts)
                self.assertIn(expected, text)
                self.assertNotIn("Erin", text)

    def test_profile_names_a_related_contact_its_author_reads(self):
        """The author who may read the related contact reads their name."""
        book = openpyxl.load_workbook(io.BytesIO(self.profile("xlsx", None)))
        items = {row[0]: row[1] for row in book["Profile"].iter_rows(values_only=True)}
        self.assertEqual(items["Relationships"], f"Alice Farmer {self.member.name} Erin Northfield")
