# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from datetime import date, datetime

import xlsxwriter

from odoo.tests import tagged
from odoo.tools.misc import file_open

from .common import SrmCase

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

HEADERS = ["Name", "Email", "Phone", "Reference", "Stakeholder Type", "Influence", "City", "Consent Date"]

MESSY_ROWS = [
    # matches Ana by email, whatever the case and the spaces
    ["Ana Pérez Núñez", "  ANA.Perez@Example.com ", "", "", "Individual / resident", 4, "Río Claro",
     date(2025, 3, 1)],
    # matches Estrella by reference
    ["Estrella Quispe Mamani", "", "", "STK-042", "Landowner", 5, "", ""],
    # matches Carlos by phone, written another way
    ["Carlos Müller", "", "56987654321", "", "", " ", "", ""],
    [],
    ["王小明", "wang.xiaoming@example.cn", "+86 138 0013 8000", "", "Investor or lender", 3, "上海", ""],
    ["François Lefèvre-Côté", "francois.lefevre@example.fr", "", "", "NGO / civil society", 2, "Montréal", ""],
    ["", "", "", "", "", "", "", ""],
    # the same person again, further down the file
    ["Wang Xiaoming", "Wang.Xiaoming@example.cn", "", "", "", "", "", ""],
]

OPTIONS = {
    "import_skip_records": [],
    "import_set_empty_fields": [],
    "fallback_values": {},
    "name_create_enabled_fields": {},
    "encoding": "",
    "separator": "",
    "quoting": '"',
    "date_format": "%Y-%m-%d",
    "datetime_format": "%Y-%m-%d %H:%M:%S",
    "float_thousand_separator": ",",
    "float_decimal_separator": ".",
    "advanced": False,
    "has_headers": True,
    "keep_matches": False,
    "limit": 2000,
    "skip": 0,
    "tracking_disable": True,
}


def make_xlsx(headers, rows):
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("Stakeholders")
    date_format = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(0, 0, headers)
    for index, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            if isinstance(value, datetime):
                sheet.write_datetime(index, col, value, book.add_format({"num_format": "yyyy-mm-dd hh:mm"}))
            elif isinstance(value, date):
                sheet.write_datetime(index, col, datetime.combine(value, datetime.min.time()), date_format)
            elif value != "":
                sheet.write(index, col, value)
    book.close()
    return buffer.getvalue()


@tagged("post_install", "-at_install")
class TestImport(SrmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.ana = Partner.create({
            "name": "Ana Perez", "email": "ana.perez@example.com", "is_stakeholder": True, "srm_influence": 2,
        })
        cls.estrella = Partner.create({"name": "E. Quispe", "ref": "STK-042", "is_stakeholder": True})
        cls.carlos = Partner.create({"name": "Carlos Muller", "phone": "+56 9 8765 4321", "is_stakeholder": True})
        cls.user = cls._new_user("srm_import_user", "srm_base.group_srm_user,base.group_partner_manager")

    def _import(self, model, content, dryrun, context=None):
        wizard = self.env["base_import.import"].with_user(self.user).create(
            {"res_model": model, "file": content, "file_type": XLSX}
        )
        context = dict(context or {})
        wizard = wizard.with_context(**context)
        preview = wizard.parse_preview(dict(OPTIONS))
        self.assertFalse(preview.get("error"), preview.get("error"))
        headers = preview["headers"]
        fields = ["/".join(preview["matches"].get(index, [])) or False for index in range(len(headers))]
        return wizard.execute_import(fields, headers, dict(OPTIONS), dryrun=dryrun), fields

    def _import_stakeholders(self, rows, dryrun=False):
        return self._import(
            "res.partner", make_xlsx(HEADERS, rows), dryrun, context={"default_is_stakeholder": True}
        )

    def _stakeholder_count(self):
        return self.env["res.partner"].search_count([("is_stakeholder", "=", True)])

    def _errors(self, result):
        return [m for m in result.get("messages", []) if m["type"] == "error"]

    def test_reimport_updates_known_stakeholders(self):
        before = self._stakeholder_count()
        result, fields = self._import_stakeholders(MESSY_ROWS, dryrun=True)
        self.assertEqual(
            fields,
            ["name", "email", "phone", "ref", "stakeholder_type_id", "srm_influence", "city",
             "srm_consent_date"],
        )
        self.assertFalse(self._errors(result), result)
        self.env.invalidate_all()
        self.assertEqual(self._stakeholder_count(), before, "a test import writes nothing")
        self.assertEqual(self.ana.name, "Ana Perez")

        result, __ = self._import_stakeholders(MESSY_ROWS)
        self.assertFalse(self._errors(result), result)
        self.assertEqual(self._stakeholder_count(), before + 2)
        self.env.invalidate_all()
        self.assertEqual(self.ana.name, "Ana Pérez Núñez")
        self.assertEqual(self.ana.srm_influence, 4)
        self.assertEqual(self.ana.city, "Río Claro")
        self.assertEqual(self.ana.srm_consent_date, date(2025, 3, 1))
        self.assertEqual(self.ana.stakeholder_type_id, self.type_individual)
        self.assertEqual(self.estrella.name, "Estrella Quispe Mamani")
        self.assertEqual(self.estrella.stakeholder_type_id, self.type_landowner)
        self.assertEqual(self.carlos.name, "Carlos Müller")

        Partner = self.env["res.partner"]
        wang = Partner.search([("email_normalized", "=", "wang.xiaoming@example.cn")])
        self.assertEqual(len(wang), 1, "the second row of the same person updates the first one")
        self.assertEqual(wang.name, "Wang Xiaoming")
        self.assertEqual(wang.city, "上海")
        self.assertEqual(wang.phone, "+86 138 0013 8000")
        self.assertTrue(wang.is_stakeholder)
        francois = Partner.search([("email_normalized", "=", "francois.lefevre@example.fr")])
        self.assertEqual(francois.name, "François Lefèvre-Côté")
        self.assertEqual(francois.city, "Montréal")
        self.assertTrue(francois.is_stakeholder)

        # importing the same file again changes nothing and creates nobody
        result, __ = self._import_stakeholders(MESSY_ROWS)
        self.assertFalse(self._errors(result), result)
        self.assertEqual(self._stakeholder_count(), before + 2)

    def test_bad_date_imports_nothing(self):
        before = self._stakeholder_count()
        rows = MESSY_ROWS + [["Zoë Bad Date", "zoe@example.com", "", "", "", 3, "", "31/02/2025"]]
        for dryrun in (True, False):
            with self.subTest(dryrun=dryrun):
                result, __ = self._import_stakeholders(rows, dryrun=dryrun)
                errors = self._errors(result)
                self.assertTrue(errors)
                self.assertIn("31/02/2025", errors[0]["message"])
                self.env.invalidate_all()
                self.assertEqual(self._stakeholder_count(), before)
                self.assertEqual(self.ana.name, "Ana Perez")
                self.assertFalse(self.env["res.partner"].search([("email", "=", "zoe@example.com")]))

    def test_bad_row_rolls_back_the_whole_file(self):
        before = self._stakeholder_count()
        rows = MESSY_ROWS + [["Zoë Too Influent", "zoe@example.com", "", "", "", 9, "", ""]]
        result, __ = self._import_stakeholders(rows)
        errors = self._errors(result)
        self.assertEqual(len(errors), 1)
        self.assertIn("Influence of Zoë Too Influent must be between 1 and 5", errors[0]["message"])
        self.assertEqual(errors[0]["rows"]["from"], len(rows) - 1 - 2, "blank rows are not counted")
        self.env.invalidate_all()
        self.assertEqual(self._stakeholder_count(), before)
        self.assertEqual(self.ana.name, "Ana Perez")
        self.assertFalse(self.env["res.partner"].search([("email_normalized", "=", "wang.xiaoming@example.cn")]))

    def test_plain_contact_import_is_unchanged(self):
        """Outside the stakeholder list, importing contacts keeps Odoo's behaviour."""
        before = self.env["res.partner"].search_count([])
        result, __ = self._import(
            "res.partner", make_xlsx(["Name", "Email"], [["Ana Perez", "ana.perez@example.com"]]), False
        )
        self.assertFalse(self._errors(result), result)
        self.assertEqual(self.env["res.partner"].search_count([]), before + 1)
        templates = self.env["res.partner"].get_import_templates()
        self.assertNotIn("/srm_base/static/xls/srm_stakeholders.xlsx", [t["template"] for t in templates])

    def test_engagement_import(self):
        headers = ["Subject", "Type", "Date", "Stakeholders", "Direction", "Project", "Summary"]
        rows = [
            ["Reunión con la junta", "Meeting", datetime(2025, 5, 6, 18, 30), "Elena Ríos,Junta de Vecinos Test",
             "We reached out", "Test Mine", "Preocupación por el polvo; piden riego del camino."],
            ["Appel de l'ONG", "Phone call", datetime(2025, 5, 7, 10, 0), "Tomás Reyes", "They reached out",
             "Test Mine", "Il demande les résultats du suivi de l'eau."],
        ]
        result, fields = self._import("srm.engagement", make_xlsx(headers, rows), False)
        self.assertEqual(
            fields, ["name", "engagement_type_id", "date", "partner_ids", "direction", "project_id", "summary"]
        )
        self.assertFalse(self._errors(result), result)
        meeting = self.env["srm.engagement"].search([("name", "=", "Reunión con la junta")])
        self.assertEqual(meeting.partner_ids, self.stakeholder | self.community)
        self.assertEqual(meeting.direction, "outbound")
        self.assertEqual(meeting.date, datetime(2025, 5, 6, 18, 30))
        self.assertEqual(meeting.participant_ids.partner_id, self.stakeholder | self.community)

        # an outbound engagement with a do-not-contact stakeholder: clear error, nothing imported
        rows = [
            ["Llamada de seguimiento", "Phone call", datetime(2025, 6, 1, 9, 0), "Elena Ríos", "We reached out",
             "Test Mine", ""],
            ["Invitación", "Letter", datetime(2025, 6, 2, 9, 0), "Tomás Reyes", "We reached out", "Test Mine", ""],
        ]
        result, __ = self._import("srm.engagement", make_xlsx(headers, rows), False)
        errors = self._errors(result)
        self.assertTrue(errors)
        for error in errors:
            self.assertIn("Tomás Reyes asked not to be contacted", error["message"])
        self.assertIn(1, [error["rows"]["from"] for error in errors], "the second row is pointed at")
        self.assertFalse(self.env["srm.engagement"].search([("name", "in", ["Llamada de seguimiento", "Invitación"])]))

    def test_templates(self):
        templates = self.env["res.partner"].with_context(default_is_stakeholder=True).get_import_templates()
        self.assertEqual(templates[0]["template"], "/srm_base/static/xls/srm_stakeholders.xlsx")
        templates = self.env["srm.engagement"].get_import_templates()
        self.assertEqual(templates[0]["template"], "/srm_base/static/xls/srm_engagements.xlsx")
        # every column of the templates is recognised, and the samples import
        for model, path, context in (
            ("res.partner", "srm_base/static/xls/srm_stakeholders.xlsx", {"default_is_stakeholder": True}),
            ("srm.engagement", "srm_base/static/xls/srm_engagements.xlsx", {}),
        ):
            with self.subTest(template=path), file_open(path, "rb") as template:
                result, fields = self._import(model, template.read(), False, context=context)
                self.assertTrue(all(fields), fields)
                self.assertFalse(self._errors(result), result)
        lucia = self.env["res.partner"].search([("email_normalized", "=", "lucia.fernandez@example.com")])
        self.assertEqual(len(lucia), 1)
        self.assertTrue(lucia.is_stakeholder)
        self.assertEqual(lucia.stakeholder_type_id, self.type_landowner)
        self.assertTrue(self.env["srm.engagement"].search([("name", "=", "Site visit to the northern boundary")]))
