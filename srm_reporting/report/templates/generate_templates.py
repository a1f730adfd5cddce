#!/usr/bin/env python3
# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Write the sample py3o templates (ODT) of the SRM reports.

The templates are ordinary OpenDocument text files: open one in LibreOffice
(or any ODF editor), change the layout, fonts, logo and wording, keep the py3o
fields (user fields named ``py3o.…``) and the py3o instructions (hyperlinks
``py3o://for=…`` / ``py3o:///for``), and upload it as a py3o template. This
script only produces the starting point shipped with the module:

    python3 generate_templates.py            # rewrites the *.odt next to it

Data available in every template (all values are display strings):
  report.title, report.subtitle, report.note, report.kind_label, report.generated_by,
  report.provenance (who produced the file, when, and its reference in the audit trail),
  report.parameters[] (label, value), report.highlights[] (label, display),
  report.highlight_labels (label, display: the headings of the key figures),
  report.section.<key>.title / .lines[] (one entry per column key) /
  .labels (the column headings, by column key) /
  .line_count_display / .total_line (or None)
"""

import os
import zipfile
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))

# kind: (landscape, [(section key, [(column key, column label, relative width)], optional)])
SPEC = {
    "stakeholder_register": (
        True,
        [
            (
                "stakeholders",
                [
                    ("ref", "Ref.", 6),
                    ("name", "Stakeholder", 18),
                    ("stakeholder_type", "Type", 10),
                    ("segments", "Segments", 12),
                    ("projects", "Projects", 12),
                    ("quadrant", "Power/Interest", 10),
                    ("channel", "Preferred channel", 9),
                    ("consent", "Consent", 6),
                    ("engagements", "Engagements", 7),
                    ("last_engagement", "Last engagement", 10),
                ],
                False,
            ),
            (
                "by_type",
                [("stakeholder_type", "Type", 50), ("count", "Stakeholders", 25), ("share", "Share", 25)],
                False,
            ),
            (
                "by_quadrant",
                [("quadrant", "Quadrant", 50), ("count", "Stakeholders", 25), ("share", "Share", 25)],
                False,
            ),
        ],
    ),
    "engagement_log": (
        True,
        [
            (
                "engagements",
                [
                    ("date", "Date", 9),
                    ("subject", "Subject", 14),
                    ("engagement_type", "Type", 8),
                    ("stakeholders", "Stakeholders", 14),
                    ("project", "Project", 9),
                    ("topics", "Topics", 10),
                    ("summary", "Summary", 18),
                    ("outcome", "Outcome", 18),
                ],
                False,
            ),
            (
                "by_type",
                [
                    ("engagement_type", "Type", 40),
                    ("count", "Engagements", 20),
                    ("share", "Share", 20),
                    ("duration", "Duration (h)", 20),
                ],
                False,
            ),
            (
                "by_month",
                [("month", "Month", 40), ("count", "Engagements", 30), ("sentiment", "Average sentiment", 30)],
                False,
            ),
        ],
    ),
    "commitment_register": (
        True,
        [
            (
                "commitments",
                [
                    ("reference", "Ref.", 8),
                    ("title", "Commitment", 18),
                    ("stakeholders", "Stakeholders", 14),
                    ("project", "Project", 10),
                    ("category", "Category", 9),
                    ("owner", "Owner", 9),
                    ("due_date", "Due", 8),
                    ("status", "Status", 8),
                    ("overdue", "Overdue", 6),
                    ("evidence", "Fulfilment evidence", 20),
                ],
                False,
            ),
            ("by_status", [("status", "Status", 40), ("count", "Commitments", 30), ("overdue", "Overdue", 30)], False),
            (
                "by_category",
                [
                    ("category", "Category", 32),
                    ("count", "Commitments", 17),
                    ("fulfilled", "Fulfilled", 17),
                    ("on_time_share", "Fulfilled on time", 17),
                    ("overdue", "Overdue", 17),
                ],
                False,
            ),
        ],
    ),
    "grievance_log": (
        True,
        [
            (
                "grievances",
                [
                    ("reference", "Ref.", 8),
                    ("received", "Received", 8),
                    ("category", "Category", 8),
                    ("subject", "Subject", 16),
                    ("complainant", "Complainant", 10),
                    ("severity", "Severity", 7),
                    ("stage", "Stage", 8),
                    ("acknowledged_on_time", "Ack. on time", 6),
                    ("resolved_on_time", "Resolved on time", 6),
                    ("days_to_close", "Days to close", 5),
                    ("resolution", "Resolution", 18),
                ],
                False,
            ),
            (
                "sla_by_category",
                [
                    ("category", "Category", 30),
                    ("count", "Received", 14),
                    ("acknowledged_share", "Acknowledged on time", 19),
                    ("resolved_share", "Resolved on time", 19),
                    ("days_to_close", "Average days to close", 18),
                ],
                False,
            ),
            (
                "sla_by_month",
                [
                    ("month", "Month", 30),
                    ("count", "Received", 14),
                    ("acknowledged_share", "Acknowledged on time", 19),
                    ("resolved_share", "Resolved on time", 19),
                    ("days_to_close", "Average days to close", 18),
                ],
                False,
            ),
        ],
    ),
    "stakeholder_profile": (
        False,
        [
            ("profile", [("label", "Field", 30), ("value", "Value", 70)], False),
            (
                "engagements",
                [
                    ("date", "Date", 14),
                    ("subject", "Subject", 20),
                    ("engagement_type", "Type", 12),
                    ("sentiment", "Sentiment", 8),
                    ("summary", "Summary", 23),
                    ("outcome", "Outcome", 23),
                ],
                False,
            ),
            (
                "commitments",
                [
                    ("reference", "Ref.", 12),
                    ("title", "Commitment", 34),
                    ("due_date", "Due", 14),
                    ("status", "Status", 14),
                    ("overdue", "Overdue", 10),
                    ("evidence", "Evidence", 16),
                ],
                True,
            ),
            (
                "issues",
                [
                    ("reference", "Ref.", 12),
                    ("received", "Received", 12),
                    ("subject", "Subject", 24),
                    ("category", "Category", 12),
                    ("stage", "Stage", 12),
                    ("resolution", "Resolution", 28),
                ],
                True,
            ),
            (
                "sentiment",
                [("month", "Month", 40), ("count", "Engagements", 30), ("sentiment", "Average sentiment", 30)],
                False,
            ),
        ],
    ),
    "consultation_summary": (
        False,
        [
            (
                "stakeholders",
                [
                    ("stakeholder", "Stakeholder", 26),
                    ("stakeholder_type", "Type", 14),
                    ("count", "Engagements", 10),
                    ("first", "First", 13),
                    ("last", "Last", 13),
                    ("means", "Means", 24),
                ],
                False,
            ),
            (
                "means",
                [
                    ("engagement_type", "Means", 40),
                    ("count", "Engagements", 20),
                    ("share", "Share", 20),
                    ("stakeholders", "Stakeholders reached", 20),
                ],
                False,
            ),
            ("levels", [("level", "IAP2 level", 50), ("count", "Engagements", 25), ("share", "Share", 25)], False),
            (
                "topics",
                [
                    ("topic", "Topic", 36),
                    ("count", "Times raised", 16),
                    ("stakeholders", "Stakeholders", 16),
                    ("answered", "Answered", 16),
                    ("unanswered", "Without answer", 16),
                ],
                False,
            ),
            (
                "responses",
                [
                    ("topic", "Topic", 14),
                    ("date", "Date", 13),
                    ("stakeholders", "Stakeholders", 17),
                    ("raised", "What was raised", 28),
                    ("response", "How it was answered", 28),
                ],
                False,
            ),
            (
                "grievances",
                [
                    ("reference", "Ref.", 14),
                    ("received", "Received", 14),
                    ("category", "Category", 16),
                    ("description", "Concern", 28),
                    ("response", "Response", 28),
                ],
                True,
            ),
            (
                "consultations",
                [
                    ("display_name", "Consultation", 30),
                    ("date_start", "Start", 14),
                    ("date_end", "End", 14),
                    ("state", "Status", 14),
                    ("respondent_count", "Respondents", 14),
                    ("iap2_level", "IAP2 level", 14),
                ],
                True,
            ),
            (
                "consultation_themes",
                [
                    ("consultation_id", "Consultation", 22),
                    ("name", "Theme", 22),
                    ("count", "Mentions", 10),
                    ("response", "Response", 46),
                ],
                True,
            ),
        ],
    ),
    "monthly_summary": (
        False,
        [
            ("key_figures", [("label", "Figure", 60), ("value", "Value", 40)], False),
            ("by_type", [("engagement_type", "Type", 60), ("count", "Engagements", 40)], False),
            ("topics", [("topic", "Topic", 60), ("count", "Times raised", 40)], False),
            (
                "follow_ups",
                [
                    ("follow_up_date", "Follow-up date", 18),
                    ("subject", "Engagement", 32),
                    ("stakeholders", "Stakeholders", 32),
                    ("responsible", "Responsible", 18),
                ],
                False,
            ),
            (
                "overdue_commitments",
                [
                    ("reference", "Ref.", 15),
                    ("title", "Commitment", 45),
                    ("owner", "Owner", 20),
                    ("due_date", "Due", 20),
                ],
                True,
            ),
            (
                "open_grievances",
                [
                    ("reference", "Ref.", 16),
                    ("received", "Received", 18),
                    ("subject", "Subject", 32),
                    ("stage", "Stage", 16),
                    ("next_due", "Next deadline", 18),
                ],
                True,
            ),
        ],
    ),
}

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" '
    'office:version="1.3"'
)


class OdtWriter:
    def __init__(self):
        self.fields = []
        self.body = []

    def field(self, expr):
        """A py3o user field showing the value of ``expr``."""
        name = f"py3o.{expr}"
        if name not in self.fields:
            self.fields.append(name)
        return f"<text:user-field-get text:name={quoteattr(name)}>{escape(expr)}</text:user-field-get>"

    @staticmethod
    def link(instruction):
        href = f"py3o://{instruction}"
        return f'<text:a xlink:type="simple" xlink:href={quoteattr(href)}>{escape(instruction)}</text:a>'

    def para(self, content, style="P_Body"):
        self.body.append(f'<text:p text:style-name="{style}">{content}</text:p>')

    def block_start(self, instruction):
        self.para(self.link(instruction), "P_Body")

    def block_end(self, keyword):
        self.para(self.link(f"/{keyword}"), "P_Body")

    def table(self, name, columns, loop_var, loop_expr, header=True, labels=None):
        """A table with a header row and one row repeated for each item of loop_expr.
        With ``labels`` (an expression of the data), the headings are its values for
        the column keys, in the language of the report; else the columns' labels."""
        total = sum(width for _key, _label, width in columns) or 1
        ncols = len(columns)
        out = [f'<table:table table:name="{name}" table:style-name="T_Table">']
        for index, (_key, _label, width) in enumerate(columns):
            out.append(f'<table:table-column table:style-name="{name}.C{index}"/>')
            self.col_styles.append((f"{name}.C{index}", width * 10000 // total))
        if header:
            out.append("<table:table-header-rows><table:table-row>")
            for key, label, _width in columns:
                heading = self.field(f"{labels}.{key}") if labels else escape(label)
                out.append(
                    '<table:table-cell table:style-name="T_Head" office:value-type="string">'
                    f'<text:p text:style-name="P_TH">{heading}</text:p></table:table-cell>'
                )
            out.append("</table:table-row></table:table-header-rows>")

        def instruction_row(instruction):
            cells = [
                '<table:table-cell table:style-name="T_Cell" office:value-type="string">'
                f'<text:p text:style-name="P_TD">{self.link(instruction)}</text:p></table:table-cell>'
            ]
            cells += [
                '<table:table-cell table:style-name="T_Cell" office:value-type="string">'
                '<text:p text:style-name="P_TD"/></table:table-cell>'
            ] * (ncols - 1)
            return "<table:table-row>" + "".join(cells) + "</table:table-row>"

        out.append(instruction_row(f'for="{loop_var} in {loop_expr}"'))
        out.append("<table:table-row>")
        for key, _label, _width in columns:
            out.append(
                '<table:table-cell table:style-name="T_Cell" office:value-type="string">'
                f'<text:p text:style-name="P_TD">{self.field(f"{loop_var}.{key}")}</text:p></table:table-cell>'
            )
        out.append("</table:table-row>")
        out.append(instruction_row("/for"))
        out.append("</table:table>")
        self.body.append("".join(out))

    def content_xml(self):
        decls = "".join(
            f'<text:user-field-decl office:value-type="string" office:string-value={quoteattr(name[5:])} '
            f"text:name={quoteattr(name)}/>"
            for name in self.fields
        )
        col_styles = "".join(
            f'<style:style style:name="{name}" style:family="table-column">'
            f'<style:table-column-properties style:rel-column-width="{width}*"/></style:style>'
            for name, width in self.col_styles
        )
        return (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {NS}>'
            "<office:automatic-styles>"
            '<style:style style:name="T_Table" style:family="table">'
            '<style:table-properties style:rel-width="100%" table:align="margins" '
            'fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/>'
            "</style:style>"
            f"{col_styles}"
            '<style:style style:name="T_Head" style:family="table-cell">'
            '<style:table-cell-properties fo:background-color="#dce6f1" fo:padding="0.05cm" '
            'fo:border="0.5pt solid #808080"/>'
            "</style:style>"
            '<style:style style:name="T_Cell" style:family="table-cell">'
            '<style:table-cell-properties fo:padding="0.05cm" fo:border="0.5pt solid #808080"/>'
            "</style:style>"
            "</office:automatic-styles>"
            "<office:body><office:text>"
            f"<text:user-field-decls>{decls}</text:user-field-decls>"
            + "".join(self.body)
            + "</office:text></office:body></office:document-content>"
        )


def styles_xml(landscape):
    width, height = ("29.7cm", "21cm") if landscape else ("21cm", "29.7cm")
    orientation = "landscape" if landscape else "portrait"
    para = (
        '<style:style style:name="{name}" style:family="paragraph"{extra}>'
        '<style:paragraph-properties fo:margin-top="{top}" fo:margin-bottom="{bottom}"/>'
        '<style:text-properties style:font-name="Liberation Sans" fo:font-family="\'Liberation Sans\'" '
        'fo:font-size="{size}" fo:font-weight="{weight}" fo:color="{color}"/>'
        "</style:style>"
    )
    styles = "".join(
        para.format(name=name, extra=extra, top=top, bottom=bottom, size=size, weight=weight, color=color)
        for name, extra, top, bottom, size, weight, color in [
            ("P_Body", "", "0cm", "0.1cm", "9pt", "normal", "#000000"),
            ("P_Title", "", "0cm", "0.1cm", "16pt", "bold", "#1f3864"),
            ("P_Subtitle", "", "0cm", "0.3cm", "10pt", "normal", "#595959"),
            ("P_Heading", ' style:default-outline-level="2"', "0.3cm", "0.1cm", "12pt", "bold", "#1f3864"),
            ("P_TH", "", "0cm", "0cm", "8pt", "bold", "#000000"),
            ("P_TD", "", "0cm", "0cm", "8pt", "normal", "#000000"),
            ("P_Small", "", "0.3cm", "0cm", "7pt", "normal", "#7f7f7f"),
        ]
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {NS}>'
        '<office:font-face-decls><style:font-face style:name="Liberation Sans" '
        'svg:font-family="\'Liberation Sans\'" style:font-family-generic="swiss"/></office:font-face-decls>'
        f"<office:styles>{styles}</office:styles>"
        "<office:automatic-styles>"
        '<style:page-layout style:name="PL1">'
        f'<style:page-layout-properties fo:page-width="{width}" fo:page-height="{height}" '
        f'style:print-orientation="{orientation}" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" '
        'fo:margin-left="1.5cm" fo:margin-right="1.5cm"/>'
        "</style:page-layout>"
        "</office:automatic-styles>"
        '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL1"/>'
        "</office:master-styles></office:document-styles>"
    )


MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
    '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" '
    'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def meta_xml(kind):
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta {NS}><office:meta>'
        f"<dc:title>SRM {kind.replace('_', ' ')} template</dc:title>"
        "<meta:generator>SRM Suite</meta:generator>"
        "</office:meta></office:document-meta>"
    )


def build(kind, landscape, sections):
    doc = OdtWriter()
    doc.col_styles = []
    doc.para(doc.field("report.title"), "P_Title")
    doc.para(doc.field("report.subtitle"), "P_Subtitle")
    doc.para(doc.field("report.note"), "P_Body")
    doc.table(
        "Parameters",
        [("label", "Parameter", 30), ("value", "Value", 70)],
        "param",
        "report.parameters",
        header=False,
    )
    doc.table(
        "KeyFigures",
        [("label", "Key figure", 60), ("display", "Value", 40)],
        "item",
        "report.highlights",
        labels="report.highlight_labels",
    )
    for index, (key, columns, optional) in enumerate(sections):
        section = f"report.section.{key}"
        if optional:
            doc.block_start(f"if=\"'{key}' in report.section\"")
        doc.para(doc.field(f"{section}.title"), "P_Heading")
        # a label/value section has no heading row, as in the PDF
        fields = [column[0] for column in columns] == ["label", "value"]
        doc.table(
            f"S{index}_{key}", columns, "line", f"{section}.lines", header=not fields, labels=f"{section}.labels"
        )
        if optional:
            doc.block_end("if")
    doc.para(doc.field("report.provenance"), "P_Small")
    path = os.path.join(HERE, f"{kind}.odt")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("META-INF/manifest.xml", MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", doc.content_xml(), compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("styles.xml", styles_xml(landscape), compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("meta.xml", meta_xml(kind), compress_type=zipfile.ZIP_DEFLATED)
    return path


if __name__ == "__main__":
    for kind, (landscape, sections) in SPEC.items():
        print(build(kind, landscape, sections))
