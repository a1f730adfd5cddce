# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import tagged
from odoo.tests.common import HttpCase, new_test_user

from .print_tools import (
    check_print_tools,
    docx_text,
    pdf_font_names,
    pdftotext,
    printed_text_pattern,
    unpatched_qt_notices_muted,
)

PERIOD = {"date_from": "2026-01-01", "date_to": "2026-01-31"}

PROJECT = "Vallée Río Claro 清水河"
ZOE = "Zoë Éléonore"
PENA = "Señora Peña"
LI = "李华"
MARY = "Mary Brown"
TOPIC = "Drinking water · Eau potable · Agua · 饮用水"
MEETING = "Réunion publique à l'école"
CALL = "Call with Mary Brown"
WORRY = "村民担心饮用水"
SAMPLING = "Se acordó un muestreo del agua."
TRUCKS = "Water trucks are late."
POLLUTION = "水质污染影响了村庄的饮用水"
DUST = "Polvo en el camino"
ANALYSIS = "Analyse de l'eau publiée."
WATERING = "Road watering twice a day."
WELL = "Nouveau puits pour l'école"
PUBLISH = "Publicar los análisis del agua"
TESTS = "Weekly water tests"
AUTHOR = "王芳"

# title (in Chinese) and texts of each report, in the PDF and the DOCX file, then texts
# of the PDF only (the topics of the profile's engagements: its DOCX template leaves them out)
EXPECTED = {
    "stakeholder_register": ("利益相关方登记册", [PROJECT, ZOE, PENA, LI, MARY], []),
    "engagement_log": (
        "互动日志",
        [PROJECT, ZOE, PENA, LI, MARY, TOPIC, MEETING, CALL, WORRY, SAMPLING, TRUCKS],
        [],
    ),
    "commitment_register": ("承诺登记册", [PROJECT, ZOE, PENA, LI, MARY, WELL, PUBLISH, TESTS], []),
    "grievance_log": ("申诉日志", [PROJECT, PENA, LI, POLLUTION, DUST, ANALYSIS, WATERING], []),
    "stakeholder_profile": (
        "利益相关方档案：李华",
        [PROJECT, LI, MARY, MEETING, CALL, WORRY, SAMPLING, TRUCKS, POLLUTION, ANALYSIS, WELL],
        [TOPIC],
    ),
    "consultation_summary": (
        "咨询总结",
        [PROJECT, ZOE, PENA, LI, MARY, TOPIC, POLLUTION, DUST, WORRY, SAMPLING, TRUCKS, ANALYSIS, WATERING],
        [],
    ),
    "monthly_summary": ("月度摘要", [PROJECT, TOPIC, POLLUTION, DUST, WELL, PUBLISH, TESTS], []),
}


@tagged("post_install", "-at_install")
class TestReportPrintLanguages(HttpCase):
    """Every report printed to PDF (wkhtmltopdf) and to DOCX (template converted by
    LibreOffice) for a user reading Chinese, about stakeholders who write English,
    French, Spanish and Chinese: every character can be read back from the file."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tz="UTC", tracking_disable=True))
        ref = cls.env.ref
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.author = new_test_user(
            cls.env, login="srm_print_zh", groups="srm_base.group_srm_manager", lang="zh_CN", tz="UTC", name=AUTHOR
        )
        cls.project = cls.env["srm.project"].create({"name": PROJECT, "code": "VRC", "user_id": cls.author.id})

        def stakeholder(name, kind):
            return cls.env["res.partner"].create(
                {
                    "name": name,
                    "is_stakeholder": True,
                    "stakeholder_type_id": ref(f"srm_base.srm_stakeholder_type_{kind}").id,
                }
            )

        zoe, pena = stakeholder(ZOE, "community"), stakeholder(PENA, "government")
        cls.li, mary = stakeholder(LI, "community"), stakeholder(MARY, "ngo")
        topic = cls.env["srm.topic"].create({"name": TOPIC})
        Engagement = cls.env["srm.engagement"]
        Engagement.create(
            {
                "name": MEETING, "engagement_type_id": ref("srm_base.srm_engagement_type_meeting").id,
                "date": "2026-01-15 10:00:00", "partner_ids": [Command.set((zoe | cls.li).ids)],
                "project_id": cls.project.id, "topic_ids": [Command.set(topic.ids)],
                "summary": WORRY, "outcome": SAMPLING,
            }
        )  # fmt: skip
        Engagement.create(
            {
                "name": CALL, "engagement_type_id": ref("srm_base.srm_engagement_type_call").id,
                "date": "2026-01-20 10:00:00", "partner_ids": [Command.set((pena | mary | cls.li).ids)],
                "project_id": cls.project.id, "topic_ids": [Command.set(topic.ids)], "summary": TRUCKS,
            }
        )  # fmt: skip
        Issue = cls.env["srm.issue"].with_context(mail_create_nosubscribe=True)
        for name, category, complainant, received, resolution in [
            (POLLUTION, "water", cls.li, "2026-01-16 08:00:00", ANALYSIS),
            (DUST, "dust", pena, "2026-01-18 08:00:00", WATERING),
        ]:
            Issue.create(
                {
                    "name": name, "category_id": ref(f"srm_issues.srm_issue_category_{category}").id,
                    "severity": "2", "date_received": received, "channel": "in_person",
                    "partner_ids": [Command.set(complainant.ids)], "complainant_id": complainant.id,
                    "project_id": cls.project.id, "resolution": f"<p>{resolution}</p>",
                }
            )  # fmt: skip
        Commitment = cls.env["srm.commitment"].with_context(import_file=True, srm_commitment_no_assign_activity=True)
        for name, category, due, partners in [
            (WELL, "community_investment", "2026-01-25", zoe | cls.li),
            (PUBLISH, "information", "2026-01-28", pena),
            (TESTS, "information", "2026-01-29", mary),
        ]:
            Commitment.create(
                {
                    "name": name, "category_id": ref(f"srm_commitments.srm_commitment_category_{category}").id,
                    "date_due": due, "partner_ids": [Command.set(partners.ids)], "project_id": cls.project.id,
                    "user_id": cls.author.id, "state": "open",
                }
            )  # fmt: skip

    def filters(self, kind):
        if kind == "stakeholder_profile":
            return {"kind": kind, "partner_ids": self.li.ids}
        return {"kind": kind, "project_ids": self.project.ids, **PERIOD}

    def print_report(self, kind, output_format):
        Log = (
            self.env["srm.report.log"]
            .with_user(self.author)
            .with_context(lang=self.author.lang, force_report_rendering=True)
        )
        with unpatched_qt_notices_muted():
            log = Log._generate(self.filters(kind), output_format)
        return log.sudo().attachment_id.raw

    def test_pdf_every_character(self):
        check_print_tools(self)
        for kind, (title, texts, pdf_texts) in EXPECTED.items():
            with self.subTest(kind=kind):
                content = self.print_report(kind, "pdf")
                self.assertEqual(content[:5], b"%PDF-")
                printed = pdftotext(content, "-raw")
                self.assertNotIn("\ufffd", printed)
                for text in [title, AUTHOR, *texts, *pdf_texts]:
                    self.assertRegex(printed, printed_text_pattern(text), f"“{text}” is not in the PDF")
                # Chinese drawn with the simplified Chinese forms of Noto Sans CJK,
                # Latin letters with a font of the report's font stack
                fonts = pdf_font_names(content)
                self.assertIn(b"NotoSansCJKsc-Regular", fonts)
                self.assertTrue(fonts & {b"LiberationSans", b"DejaVuSans"}, fonts)

    def test_docx_every_character(self):
        check_print_tools(self, libreoffice=True)
        for kind, (title, texts, _pdf_texts) in EXPECTED.items():
            with self.subTest(kind=kind):
                content = self.print_report(kind, "docx")
                written = docx_text(content)
                self.assertNotIn("\ufffd", written)
                for text in [title, AUTHOR, *texts]:
                    self.assertIn(text, written, f"“{text}” is not in the DOCX file")
                # the headings in the reader's language: "Key figure", "Value" and, in the
                # grievance log, "Subject"
                for heading in ["关键数据", "值", *(["主题"] if kind == "grievance_log" else [])]:
                    self.assertIn(heading, written, f"the heading “{heading}” is not in the DOCX file")
                self.assertNotIn("Key figure", written)
                # label/value sections (a profile, the summary's figures) have no heading row,
                # as in the PDF: no "Field" over the figures
                self.assertNotIn("字段", written)
