# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import os

import polib

from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import (
    JAVASCRIPT_TRANSLATION_COMMENT,
    PYTHON_TRANSLATION_COMMENT,
    TranslationModuleReader,
)

# the languages the suite is translated into, by file
LANGUAGE_FILES = ("fr.po", "es.po", "zh_CN.po")


class CodeTermsReader(TranslationModuleReader):
    """Odoo's own extraction of the terms of code (``_()``, ``_lt()`` and ``env._()`` in
    Python, ``_t()`` and the templates of static/src), as ``odoo i18n export`` writes
    them with their ``odoo-python`` or ``odoo-javascript`` comment; records are left out,
    and only the folders holding the modules asked for are scanned."""

    def _export_translatable_records(self):
        return

    def _export_translatable_resources(self):
        self._path_list = [
            (folder, True) for folder in sorted({os.path.dirname(get_module_path(m)) for m in self._modules})
        ]
        return super()._export_translatable_resources()


@tagged("post_install", "-at_install")
class TestCodeTranslations(TransactionCase):
    """Odoo translates a string of Python code only from the entries of a module's .po
    file marked ``#. odoo-python`` (``#. odoo-javascript`` for the web client): an entry
    without its mark is never shown, however well translated."""

    def test_every_code_string_is_marked_and_translated(self):
        modules = (
            self.env["ir.module.module"]
            .search([("name", "=like", "srm\\_%"), ("state", "=", "installed")])
            .mapped("name")
        )
        self.assertIn("srm_base", modules)
        terms = {}
        for module, ttype, _name, _line, source, _value, comments in CodeTermsReader(self.env.cr, modules):
            if ttype == "code":
                terms.setdefault(module, {}).setdefault(source, set()).update(
                    {PYTHON_TRANSLATION_COMMENT, JAVASCRIPT_TRANSLATION_COMMENT} & set(comments)
                )
        self.assertIn("Restricted", terms["srm_base"])
        problems = []
        for module in modules:
            i18n = os.path.join(get_module_path(module), "i18n")
            for filename in (f"{module}.pot", *LANGUAGE_FILES):
                path = os.path.join(i18n, filename)
                if not os.path.isfile(path):
                    if terms.get(module):
                        problems.append(f"{module}/i18n/{filename}: missing")
                    continue
                entries = {entry.msgid: entry for entry in polib.pofile(path) if not entry.obsolete}
                for source, marks in sorted(terms.get(module, {}).items()):
                    entry = entries.get(source)
                    if entry is None:
                        problems.append(f"{module}/i18n/{filename}: no entry for {source!r}")
                        continue
                    for mark in sorted(marks - set(entry.comment.split("\n"))):
                        problems.append(f"{module}/i18n/{filename}: {source!r} is not marked {mark}")
                    if filename in LANGUAGE_FILES and (not entry.msgstr or entry.fuzzy):
                        problems.append(f"{module}/i18n/{filename}: {source!r} is not translated")
        if problems:
            self.fail("\n".join(problems))
