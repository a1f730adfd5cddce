# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Reading printed reports back: text of PDF files (pdftotext, from poppler-utils)
and of DOCX files, as a reader searching or copying them gets it."""

import io
import logging
import re
import shutil
import subprocess
import unicodedata
import zipfile
from contextlib import contextmanager

from lxml import etree

WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PT_PER_MM = 72 / 25.4

# What the wkhtmltopdf package of Debian and Ubuntu (Qt without wkhtmltopdf's patches)
# writes on every run: Odoo logs it as a warning, it says nothing about the report.
UNPATCHED_QT_NOTICES = re.compile(
    r"The switch --[\w-]+, is not support using unpatched qt, and will be ignored\."
    r"|QStandardPaths: XDG_RUNTIME_DIR not set, defaulting to '[^']*'"
)


class _UnpatchedQtNotices(logging.Filter):
    def filter(self, record):
        message = record.getMessage()
        if not message.startswith("wkhtmltopdf:"):
            return True
        return bool(UNPATCHED_QT_NOTICES.sub("", message[len("wkhtmltopdf:") :]).strip())


@contextmanager
def unpatched_qt_notices_muted():
    """Silence wkhtmltopdf's notices about its own build, and nothing else."""
    logger = logging.getLogger("odoo.addons.base.models.ir_actions_report")
    notices = _UnpatchedQtNotices()
    logger.addFilter(notices)
    try:
        yield
    finally:
        logger.removeFilter(notices)


def check_print_tools(case, libreoffice=False):
    """Fail (not skip) when a program the product needs to print is missing.

    ``case`` is an HttpCase: wkhtmltopdf loads the report's style sheets and
    scripts from the server, which answers HTTP requests during HttpCase tests."""
    Report = case.env["ir.actions.report"]
    case.assertEqual(
        Report.get_wkhtmltopdf_state(), "ok", "PDF reports need wkhtmltopdf: it is missing or broken on this server"
    )
    if libreoffice:
        case.assertTrue(
            case.env["srm.report.log"]._libreoffice_bin(),
            "DOCX reports are converted by LibreOffice: it is missing on this server",
        )
    case.assertTrue(shutil.which("pdftotext"), "reading PDF files back needs pdftotext (poppler-utils)")


def pdftotext(content, *options):
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *options, "-", "-"], input=content, capture_output=True, check=True
    )
    return result.stdout.decode()


def pdf_pages(content, *options):
    """Text of each page of a PDF file."""
    pages = pdftotext(content, *options).split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


def pdf_page_fill(content):
    """For each page: how far down the printable area (0 to 1) its text goes."""
    tree = etree.fromstring(pdftotext(content, "-bbox").encode(), etree.HTMLParser())
    fills = []
    for page in tree.iter("page"):
        bottoms = [float(word.get("ymax")) for word in page.iter("word")]
        fills.append((float(page.get("height")), max(bottoms) if bottoms else 0.0))
    return fills


def pdf_font_names(content):
    """Names of the fonts embedded in a PDF file."""
    return set(re.findall(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?([^\s/<>\[\]()]+)", content))


def docx_text(content):
    """Paragraph texts of a DOCX file (word/document.xml)."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return "\n".join(
        "".join(node.text or "" for node in paragraph.iter(f"{WORD_NS}t")) for paragraph in root.iter(f"{WORD_NS}p")
    )


def _radicals_of(char):
    """Kangxi radicals that stand for a CJK ideograph (they decompose to it)."""
    return "".join(chr(code) for code in range(0x2F00, 0x2FD6) if unicodedata.normalize("NFKC", chr(code)) == char)


def printed_text_pattern(text):
    """Regular expression finding ``text`` in the text of a PDF printed by wkhtmltopdf.

    Lines of a table cell may wrap anywhere. Qt names each glyph in the PDF by the
    first character the font draws with it, and Noto Sans CJK draws a few ideographs
    with the glyph of a CJK radical (水 and ⽔, 民 and ⺠): such an ideograph comes
    back as that radical. Anything else (a missing glyph, a '?') does not match.
    """
    parts = []
    for char in text:
        if char.isspace():
            continue
        if "\u3400" <= char <= "\u9fff":
            parts.append(f"[{char}{_radicals_of(char)}\u2e80-\u2eff]")
        else:
            parts.append(re.escape(char))
    return re.compile(r"\s*".join(parts))
