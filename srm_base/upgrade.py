# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Moving models and records from one SRM module to another, in migration scripts.

When a module stops declaring models, fields and records, the upgrade deletes them:
at the end of the loading, ``ir.model.data._process_end`` removes every record whose
XML id belongs to an upgraded module but was not loaded again, and removing the
``ir.model``/``ir.model.fields`` rows drops their tables and columns. A module that
takes them over must therefore own their XML ids before that, and be loaded in the
same upgrade: the pre-migration script of the module they leave moves the XML ids
(as openupgradelib's ``update_module_names`` does for a whole module) and marks the
module that takes them over to be loaded.
"""

import csv
import logging
from pathlib import Path

from lxml import etree

from odoo.modules.module import get_manifest, get_module_path
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

INSTALL_STATES = ("installed", "to install", "to upgrade")


def declared_xmlids(module):
    """Names of the XML ids the data and demo files of ``module`` declare (records,
    templates, menus, access rights), without the module prefix."""
    path = get_module_path(module, display_warning=False)
    manifest = get_manifest(module)
    if not path or not manifest:
        return set()
    names = set()
    for filename in manifest.get("data", []) + manifest.get("demo", []):
        file = Path(path, filename)
        if file.suffix == ".xml":
            for node in etree.parse(str(file)).iter("record", "template", "menuitem"):
                xmlid = node.get("id")
                if xmlid and ("." not in xmlid or xmlid.startswith(f"{module}.")):
                    names.add(xmlid.split(".", 1)[-1])
        elif file.suffix == ".csv":
            with file.open(newline="", encoding="utf-8") as rows:
                names |= {row["id"].split(".", 1)[-1] for row in csv.DictReader(rows) if row.get("id")}
    return names


def move_xmlids(env, old, new, names):
    """Give ``new`` the XML ids ``old.<name>`` (and those Odoo gave to their ``_inherits``
    parents, such as the server action of a scheduled action).

    :return: number of XML ids moved
    """
    cr = env.cr
    names = set(names)
    if not names:
        return 0
    cr.execute(
        SQL(
            "SELECT name, model FROM ir_model_data WHERE module = %s AND name IN %s",
            old,
            tuple(names),
        )
    )
    for name, model in cr.fetchall():
        if model in env.registry:
            names |= {f"{name}_{parent.replace('.', '_')}" for parent in env.registry[model]._inherits}
    cr.execute(
        SQL(
            """
            UPDATE ir_model_data SET module = %(new)s
             WHERE module = %(old)s AND name IN %(names)s
               AND name NOT IN (SELECT name FROM ir_model_data WHERE module = %(new)s)
            """,
            old=old,
            new=new,
            names=tuple(names),
        )
    )
    return cr.rowcount


def rename_xmlids(cr, module, renames):
    """Rename XML ids of ``module`` (``{old name: new name}``) before its data files are
    loaded again, so that the records keep their ids (a view renamed to follow the
    ``<model>_view_<type>`` convention stays the same view, with whatever inherits it).
    A name already taken is left alone.

    :return: number of XML ids renamed
    """
    renamed = 0
    for old, new in renames.items():
        cr.execute(
            SQL(
                """
                UPDATE ir_model_data SET name = %(new)s
                 WHERE module = %(module)s AND name = %(old)s
                   AND NOT EXISTS (SELECT 1 FROM ir_model_data WHERE module = %(module)s AND name = %(new)s)
                """,
                module=module,
                old=old,
                new=new,
            )
        )
        renamed += cr.rowcount
    return renamed


def move_models(env, old, new, models, fields=None, extended=()):
    """Give ``new`` what ``old`` owns of the models ``models`` (that ``new`` now defines)
    and of the fields ``fields`` ({model: field names} that ``new`` now adds to models
    of other modules): XML ids of the models, their fields, selection values,
    inheritance and SQL constraints, records of those models, and the ownership of
    their constraints and many2many tables (dropped when their module is removed).
    ``extended`` are models of other modules that only ``new`` extends now: their
    ``old.model_*`` XML ids and the records ``old`` created of them move too.

    :return: number of XML ids moved
    """
    cr = env.cr
    fields = fields or {}
    models, extended = tuple(models) or ("",), tuple(extended) or ("",)
    cr.execute(SQL("SELECT id FROM ir_model WHERE model IN %s", models))
    model_ids = tuple(row[0] for row in cr.fetchall()) or (0,)
    field_filter = SQL("f.model_id IN %s", model_ids)
    tables = []
    for model, names in fields.items():
        field_filter = SQL("%s OR (f.model = %s AND f.name IN %s)", field_filter, model, tuple(names))
        table = model.replace(".", "_")
        tables += [f"{table}_{name}_fkey" for name in names]
    cr.execute(SQL("SELECT f.id FROM ir_model_fields f WHERE %s", field_filter))
    field_ids = tuple(row[0] for row in cr.fetchall()) or (0,)
    cr.execute(
        SQL(
            """
            SELECT c.id FROM ir_model_constraint c JOIN ir_module_module m ON m.id = c.module
             WHERE m.name = %s AND (c.model IN %s OR c.name IN %s)
            """,
            old,
            model_ids,
            tuple(tables) or ("",),
        )
    )
    constraint_ids = tuple(row[0] for row in cr.fetchall()) or (0,)
    moved = 0
    cr.execute(SQL("SELECT id FROM ir_model WHERE model IN %s", extended))
    extended_ids = tuple(row[0] for row in cr.fetchall())
    for model, res_ids in (
        ("ir.model", model_ids + extended_ids),
        ("ir.model.fields", field_ids),
        ("ir.model.constraint", constraint_ids),
    ):
        cr.execute(
            SQL(
                """
                UPDATE ir_model_data SET module = %s
                 WHERE module = %s AND model = %s AND res_id IN %s
                """,
                new,
                old,
                model,
                res_ids,
            )
        )
        moved += cr.rowcount
    cr.execute(
        SQL(
            """
            UPDATE ir_model_data d SET module = %s
              FROM ir_model_fields_selection s
             WHERE d.module = %s AND d.model = 'ir.model.fields.selection' AND d.res_id = s.id
               AND s.field_id IN %s
            """,
            new,
            old,
            field_ids,
        )
    )
    moved += cr.rowcount
    cr.execute(
        SQL(
            """
            UPDATE ir_model_data d SET module = %s
              FROM ir_model_inherit i
             WHERE d.module = %s AND d.model = 'ir.model.inherit' AND d.res_id = i.id AND i.model_id IN %s
            """,
            new,
            old,
            model_ids,
        )
    )
    moved += cr.rowcount
    # records of the moved models (demo data created in Python, for instance)
    cr.execute(
        SQL(
            "UPDATE ir_model_data SET module = %s WHERE module = %s AND model IN %s",
            new,
            old,
            models + extended,
        )
    )
    moved += cr.rowcount
    for table, condition in (
        ("ir_model_constraint", SQL("id IN %s", constraint_ids)),
        ("ir_model_relation", SQL("model IN %s", model_ids)),
    ):
        cr.execute(
            SQL(
                """
                UPDATE %s SET module = (SELECT id FROM ir_module_module WHERE name = %s)
                 WHERE module = (SELECT id FROM ir_module_module WHERE name = %s) AND %s
                """,
                SQL.identifier(table),
                new,
                old,
                condition,
            )
        )
    return moved


def load_in_same_upgrade(env, module, origin):
    """Have ``module``, which takes over records that ``origin`` installed, loaded by
    the upgrade under way, with the modules installed automatically with it.

    ``module`` is upgraded from ``origin``'s installed version, as openupgradelib
    does for merged modules, rather than installed afresh: installing would load
    its data files as new, resetting the records marked noupdate (a scheduled
    action someone deactivated, for instance), and load its demo data again.
    The bridges that depend on it (auto-installed modules) whose other
    dependencies are installed are installed.
    """
    Module = env["ir.module.module"]
    target = Module.search([("name", "=", module)])
    source = Module.search([("name", "=", origin)])
    if target.state in ("uninstalled", "to install"):
        env.cr.execute(
            SQL(
                "UPDATE ir_module_module SET state = 'to upgrade', latest_version = %s, demo = %s WHERE id = %s",
                source.latest_version,
                source.demo,
                target.id,
            )
        )
        Module.invalidate_model(["state", "latest_version", "demo"])
        _logger.info("%s takes over records of %s: upgraded from %s", module, origin, source.latest_version)
    bridges = Module.search(
        [("state", "=", "uninstalled"), ("auto_install", "=", True), ("dependencies_id.name", "=", module)]
    ).filtered(
        lambda bridge: all(
            dependency.depend_id.state in INSTALL_STATES
            for dependency in bridge.dependencies_id
            if dependency.auto_install_required
        )
    )
    if bridges:
        _logger.info("installed with %s: %s", module, ", ".join(bridges.mapped("name")))
        bridges.button_install()
    return bridges
