# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime
import re

from odoo import Command
from odoo.tests import tagged
from odoo.tests.common import HttpCase, new_test_user

from .print_tools import PT_PER_MM, check_print_tools, pdf_page_fill, pdf_pages, unpatched_qt_notices_muted

ROWS = 90
HEADER = ["Reference", "Received", "Category", "Subject"]
MARKER = re.compile(r"\bR(\d{3})-(begin|end)\b")


@tagged("post_install", "-at_install")
class TestReportPrintPages(HttpCase):
    """A grievance log of several pages, printed by the wkhtmltopdf of the server,
    reads as people expect: every page of the log starts with the header row, no
    grievance is cut in two by the end of a page, no page is left half empty."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tz="UTC", tracking_disable=True))
        cls.manager = new_test_user(
            cls.env, login="srm_print_pages", groups="srm_base.group_srm_manager", tz="UTC", name="Print Pages"
        )
        cls.project = cls.env["srm.project"].create({"name": "Long Valley", "code": "LGV", "user_id": cls.manager.id})
        complainant = cls.env["res.partner"].create({"name": "Ana Flores", "is_stakeholder": True})
        category = cls.env.ref("srm_issues.srm_issue_category_water")
        start = datetime.datetime(2026, 1, 1, 8, 0)
        vals = []
        for index in range(ROWS):
            # resolutions of 2 to 5 lines, whose first and last lines name the grievance
            lines = [f"R{index:03d}-begin samples taken"] + ["tanker checked at school"] * (index % 4)
            lines.append(f"R{index:03d}-end village told")
            vals.append(
                {
                    "name": f"Water supply cut {index:03d}",
                    "category_id": category.id,
                    "severity": "2",
                    "date_received": start + datetime.timedelta(hours=7 * index),
                    "channel": "in_person",
                    "partner_ids": [Command.set(complainant.ids)],
                    "complainant_id": complainant.id,
                    "project_id": cls.project.id,
                    "resolution": "<p>" + "<br/>".join(lines) + "</p>",
                }
            )
        cls.env["srm.issue"].with_context(mail_create_nosubscribe=True).create(vals)

    def test_long_grievance_log_pages(self):
        check_print_tools(self)
        filters = {
            "kind": "grievance_log",
            "project_ids": self.project.ids,
            "date_from": "2026-01-01",
            "date_to": "2026-01-31",
        }
        Log = self.env["srm.report.log"].with_user(self.manager).with_context(force_report_rendering=True)
        with unpatched_qt_notices_muted():
            log = Log._generate(filters, "pdf")
        content = log.sudo().attachment_id.raw
        self.assertEqual(content[:5], b"%PDF-")
        pages = pdf_pages(content, "-layout")
        self.assertGreaterEqual(len(pages), 4, "the test needs a log of several pages")

        where = {"begin": {}, "end": {}}
        for number, text in enumerate(pages):
            for row, edge in MARKER.findall(text):
                self.assertNotIn(row, where[edge], f"grievance {row} printed twice")
                where[edge][row] = number
        expected = [f"{index:03d}" for index in range(ROWS)]
        self.assertEqual(sorted(where["begin"]), expected)
        self.assertEqual(sorted(where["end"]), expected)
        cut = [
            f"grievance {row}: pages {where['begin'][row] + 1} and {where['end'][row] + 1}"
            for row in expected
            if where["begin"][row] != where["end"][row]
        ]
        self.assertFalse(cut, "grievances cut by the end of a page")

        log_pages = sorted(set(where["begin"].values()))
        self.assertGreaterEqual(len(log_pages), 4)
        for number in log_pages:
            lines = [line.split() for line in pages[number].splitlines() if line.strip()]
            header = next(i for i, words in enumerate(lines) if words[: len(HEADER)] == HEADER)
            first_row = next(i for i, words in enumerate(lines) if MARKER.search(" ".join(words)))
            if number == log_pages[0]:
                self.assertLess(header, first_row)
            else:
                self.assertEqual(header, 0, f"page {number + 1} does not start with the header row")
        # the total once, under the last grievance
        totals = [number for number, text in enumerate(pages) if f"Total: {ROWS}" in text]
        self.assertEqual(totals, [log_pages[-1]])

        paper = self.env.ref("srm_reporting.paperformat_srm_landscape")
        top, bottom = paper.margin_top * PT_PER_MM, paper.margin_bottom * PT_PER_MM
        fills = pdf_page_fill(content)
        self.assertEqual(len(fills), len(pages))
        for number, (height, text_bottom) in enumerate(fills[:-1]):
            filled = (text_bottom - top) / (height - top - bottom)
            self.assertGreaterEqual(filled, 0.5, f"page {number + 1} is {filled:.0%} full")
