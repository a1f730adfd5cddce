# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import models

XLSX_MAX_STRING = 32767
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


class ReportSrmXlsx(models.AbstractModel):
    """The SRM reports as Excel workbooks (OCA report_xlsx): the workbook of the report
    an ``srm.report.log`` is being produced from, by the archive
    (``srm.report.log._render_content``).

    One sheet for the report parameters and key figures, then one sheet per
    section: a header row, typed cells (dates, numbers, booleans), frozen
    header, autofilter and a totals row. The workbook is written in xlsxwriter's
    constant-memory mode and rows are read from the database in batches, so
    that a log of any length is exported with a flat memory profile.
    """

    _name = "report.srm_reporting.report_srm_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "SRM Report (XLSX)"

    def get_workbook_options(self):
        return {
            "constant_memory": True,
            # text typed by users is never turned into formulas, links or numbers
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        }

    def generate_xlsx_report(self, workbook, data, objs):
        builder = self.env["srm.report.builder"]
        # the report the log is being produced from, by the archive; a report route asked
        # for anything else is refused (see srm.report.log._srm_report_being_filed)
        logs = objs if objs._name == "srm.report.log" else self.env["srm.report.log"]
        report = logs._srm_report_being_filed()
        styles = self._srm_styles(workbook)
        self._srm_write_cover(workbook, report, styles)
        for section in report["sections"]:
            self._srm_write_section(workbook, builder, section, styles)

    # ------------------------------------------------------------------

    def _srm_styles(self, workbook):
        base = {"valign": "top"}
        formats = {
            "char": {},
            "text": {"text_wrap": True},
            "date": {"num_format": "yyyy-mm-dd"},
            "month": {"num_format": "mmm yyyy"},
            "datetime": {"num_format": "yyyy-mm-dd hh:mm"},
            "integer": {"num_format": "0"},
            "float": {"num_format": "#,##0.00"},
            "percent": {"num_format": "0.0%"},
            "boolean": {"align": "center"},
        }
        styles = {"cell": {}, "total": {}}
        for ctype, props in formats.items():
            styles["cell"][ctype] = workbook.add_format(dict(base, **props))
            styles["total"][ctype] = workbook.add_format(dict(base, bold=True, top=1, **props))
        styles["header"] = workbook.add_format(
            {"bold": True, "bg_color": "#DCE6F1", "bottom": 1, "text_wrap": True, "valign": "top"}
        )
        styles["title"] = workbook.add_format({"bold": True, "font_size": 14})
        return styles

    def _srm_sheet_name(self, title):
        return SHEET_NAME_FORBIDDEN.sub(" ", title).strip()[:31] or "Sheet"

    def _srm_write(self, sheet, row, col, value, ctype, style_set):
        self._srm_writer(sheet, ctype, style_set)(row, col, value)

    def _srm_writer(self, sheet, ctype, style_set):
        """A function writing a value of type ``ctype`` in a cell (row, col), with its
        typed xlsxwriter method and format chosen once per column rather than per cell."""
        style = style_set.get(ctype) or style_set["char"]
        if ctype == "boolean":
            write_boolean = sheet.write_boolean

            def write(row, col, value):
                if value is not None:
                    write_boolean(row, col, bool(value), style)

        elif ctype in ("date", "month", "datetime"):
            write_datetime = sheet.write_datetime

            def write(row, col, value):
                if value:
                    write_datetime(row, col, value, style)

        elif ctype in ("integer", "float", "percent"):
            write_number = sheet.write_number

            def write(row, col, value):
                if value is not None and value is not False and value != "":
                    write_number(row, col, value, style)

        else:
            write_string = sheet.write_string

            def write(row, col, value):
                if value is not None and value is not False and value != "":
                    write_string(row, col, str(value)[:XLSX_MAX_STRING], style)

        return write

    def _srm_page_setup(self, sheet, title, landscape):
        """Print as people expect: A4, one page wide, header row on every page."""
        sheet.set_paper(9)
        if landscape:
            sheet.set_landscape()
        else:
            sheet.set_portrait()
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(0)
        sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        header_title = title.replace("&", "&&")[:200]
        sheet.set_header(f"&L&B{header_title}")
        sheet.set_footer("&L&A&R&P / &N")

    def _srm_write_cover(self, workbook, report, styles):
        _ = self.env._
        sheet = workbook.add_worksheet(self._srm_sheet_name(_("Report")))
        self._srm_page_setup(sheet, report["title"], landscape=False)
        sheet.set_column(0, 0, 32)
        sheet.set_column(1, 1, 60, styles["cell"]["text"])
        sheet.write_string(0, 0, _("Item"), styles["header"])
        sheet.write_string(0, 1, _("Value"), styles["header"])
        rows = [
            (_("Title"), report["title"], "char"),
            (_("Scope"), report["subtitle"], "char"),
            (_("Note"), report["note"], "char"),
            (_("Company"), report["company"].name, "char"),
            (_("Generated by"), report["generated_by"], "char"),
            (_("Generated on"), report["generated_on"], "datetime"),
        ]
        rows += [(param["label"], param["value"], "char") for param in report["parameters"]]
        rows += [(item["label"], item["value"], item["type"]) for item in report["highlights"]]
        for index, (label, value, ctype) in enumerate(rows, start=1):
            sheet.write_string(index, 0, label, styles["cell"]["char"])
            self._srm_write(sheet, index, 1, value, "text" if ctype == "char" else ctype, styles["cell"])
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, len(rows), 1)

    def _srm_write_section(self, workbook, builder, section, styles):
        sheet = workbook.add_worksheet(self._srm_sheet_name(section.get("sheet") or section["title"]))
        columns = section["columns"]
        self._srm_page_setup(sheet, section["title"], landscape=len(columns) > 6)
        for index, col in enumerate(columns):
            sheet.set_column(index, index, col.get("width") or 16)
        for index, col in enumerate(columns):
            sheet.write_string(0, index, col["label"], styles["header"])
        sheet.freeze_panes(1, 0)
        last_row = 0
        value_types = section.get("value_types")
        if value_types:
            # a label/value section: the type of the value changes from row to row
            for last_row, row in enumerate(builder.iter_rows(section), start=1):
                for index, (col, value) in enumerate(zip(columns, row, strict=True)):
                    ctype = value_types[last_row - 1] if index == 1 else col["type"]
                    self._srm_write(sheet, last_row, index, value, ctype, styles["cell"])
        else:
            writers = list(enumerate(self._srm_writer(sheet, col["type"], styles["cell"]) for col in columns))
            width = len(writers)
            for last_row, row in enumerate(builder.iter_rows(section), start=1):
                if len(row) != width:
                    raise ValueError(f"row {last_row} has {len(row)} cells for {width} columns")
                for index, write in writers:
                    write(last_row, index, row[index])
        sheet.autofilter(0, 0, last_row, len(columns) - 1)
        totals = section.get("totals")
        if totals:
            total_row = last_row + 1
            for index, col in enumerate(columns):
                if col["key"] in totals:
                    value = totals[col["key"]]
                    ctype = "char" if isinstance(value, str) else col["type"]
                    self._srm_write(sheet, total_row, index, value, ctype, styles["total"])
