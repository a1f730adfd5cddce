# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Links a user may write: to records they may read.

Odoo shows the name of a linked record (a many2one) to whoever may read the record
that links it, read as superuser: a link written over RPC to a record the user may not
read (a confidential engagement, a stakeholder of another project, an activity of a
confidential record) would tell them its name. What the suite writes as superuser is
not checked.

A reference field (a record of one of several models, such as what follows a consultation
theme up) is checked the same way, when named: it links only a record of the models of
its selection, which exists and which the user may read.
"""

from itertools import groupby

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.models import BaseModel

# not worth a check: Odoo's company checks cover them, and their names are no secret
UNCHECKED_MODELS = ("res.users", "res.company", "res.currency")


def linked_ids(field, value):
    """Ids of existing records ``value`` links through ``field`` (a many2one, or the
    commands of a many2many)."""
    if field.type == "many2one":
        return [value] if isinstance(value, int) and value else []
    ids = []
    for command in value or []:
        if isinstance(command, int):
            ids.append(command)
        elif isinstance(command, (list, tuple)) and command:
            if command[0] == Command.LINK:
                ids.append(command[1])
            elif command[0] == Command.SET:
                ids.extend(command[2] or [])
    return ids


def linked_reference(value):
    """(model name, id) of the record ``value`` (``"model,id"``, or a record) links
    through a reference field, read as Odoo reads it; None when it links nothing, or is
    no value Odoo accepts (Odoo refuses it)."""
    if isinstance(value, BaseModel):
        return (value._name, value.id) if len(value) == 1 else None
    if not value or not isinstance(value, str):
        return None
    try:
        model_name, res_id = value.split(",")
        return model_name, int(res_id)
    except ValueError:
        return None


def name_for_reader(record):
    """The name of ``record`` (a linked record, such as the value of a reference field) as
    the current user may know it: its name when they may read it, "Restricted" when they
    may not (as ``srm.link.mask.mixin`` names such links: nothing of the record, not even
    its id), "" when it is no record or no longer exists."""
    record = record.exists() if record else record
    if not record:
        return ""
    record.ensure_one()
    if not record.env.su and not record._filtered_access("read"):
        return record.env._("Restricted")
    return record.display_name


def _links(field, value):
    """(model name, ids) of the records ``value`` links through ``field`` (a many2one, a
    many2many or a reference)."""
    if field.type == "reference":
        reference = linked_reference(value)
        return (reference[0], [reference[1]]) if reference else (None, [])
    return field.comodel_name, linked_ids(field, value)


def _model_description(env, model_name):
    return env["ir.model"]._get(model_name).name or model_name


def _check_readable_references(model, references):
    """Refuse the links of ``references`` ({(field name, model name): ids}) of ``model``'s
    reference fields to models outside their selection (UserError), and to records that
    do not exist or that the current user may not read (AccessError: one answer for both,
    which tells nothing of the records the user may not read)."""
    env = model.env
    for (fname, model_name), ids in references.items():
        field = model._fields[fname]
        label = field._description_string(env)
        if model_name not in field.get_values(env):
            raise UserError(
                env._(
                    "“%(field)s” cannot link a record of this kind: %(kind)s.",
                    field=label,
                    kind=_model_description(env, model_name),
                )
            )
        records = env[model_name].with_context(active_test=False).browse(ids)
        if set(ids) - set(records.exists()._filtered_access("read").ids):
            raise AccessError(
                env._(
                    "“%(field)s” can only link a record you may read: this record (%(kind)s) does "
                    "not exist, or you may not read it.",
                    field=label,
                    kind=_model_description(env, model_name),
                )
            )


def checked_fields(model, fnames=None):
    """The link fields of ``model`` to check: ``fnames``, or by default every stored
    many2one and many2many but to users, companies and currencies."""
    if fnames is not None:
        return list(fnames)
    return [
        fname
        for fname, field in model._fields.items()
        if field.type in ("many2one", "many2many")
        and field.store
        and not field.related
        and field.comodel_name not in UNCHECKED_MODELS
    ]


def check_readable_links(model, vals_list, fnames=None, create=False):
    """Refuse (AccessError) the values ``vals_list`` of ``model`` that link, through the
    fields ``fnames`` (see ``checked_fields``), records the current user may not read.
    ``create``: the links create() would add as defaults (from the context, or the
    user's own defaults) are checked too. The reference fields among ``fnames`` also
    refuse a record that does not exist, or of a model outside their selection."""
    if model.env.su:
        return
    fnames = checked_fields(model, fnames)
    if not fnames:
        return
    if create:
        # the defaults depend on the context and the user, not on the values: read once
        defaults = model.default_get(fnames)
        vals_list = [{**defaults, **vals} for vals in vals_list]
    wanted = {}
    references = {}
    for vals in vals_list:
        for fname in fnames:
            if fname in vals:
                field = model._fields[fname]
                if field.type == "reference":
                    if reference := linked_reference(vals[fname]):
                        references.setdefault((fname, reference[0]), set()).add(reference[1])
                    continue
                wanted.setdefault(field.comodel_name, set()).update(linked_ids(field, vals[fname]))
    for model_name, ids in wanted.items():
        if ids:
            model.env[model_name].browse(ids).exists().check_access("read")
    _check_readable_references(model, references)


def drop_unreadable_links(model, vals_list, fnames, default=None):
    """Leave out of the values of copies ``vals_list`` (``copy_data``) the links, through
    the fields ``fnames``, to records the current user may not read: the original shows
    them as "Restricted", and the copy would otherwise be refused for linking them.
    Required links are kept, and refused with the copy; links given in ``default`` are
    checked as written."""
    if model.env.su:
        return
    fnames = [fname for fname in fnames if fname not in (default or {}) and not model._fields[fname].required]
    wanted = {}
    for vals in vals_list:
        # None: a record Odoo already copied in this copy
        for fname in fnames if vals else ():
            if vals.get(fname):
                model_name, ids = _links(model._fields[fname], vals[fname])
                wanted.setdefault(model_name, set()).update(ids)
    hidden = {}
    for model_name, ids in wanted.items():
        if ids and model_name in model.env:
            records = model.env[model_name].with_context(active_test=False).browse(ids).exists()
            hidden[model_name] = set(ids) - set(records._filtered_access("read").ids)
    if not any(hidden.values()):
        return
    for vals in vals_list:
        for fname in fnames if vals else ():
            if not vals.get(fname):
                continue
            field = model._fields[fname]
            model_name, ids = _links(field, vals[fname])
            unreadable = hidden.get(model_name)
            if not unreadable or not unreadable.intersection(ids):
                continue
            if field.type in ("many2one", "reference"):
                vals[fname] = False
            else:
                vals[fname] = [Command.set([rid for rid in ids if rid not in unreadable])]


def export_rows_hiding(records, fields, hidden_by_field, replacement, export):
    """Rows of the export of ``records`` (``_export_rows`` of ``fields``) in which every
    column read through a link of ``hidden_by_field`` ({field: ids of the linked records
    the user may not read}) to such a record says ``replacement`` on the record's line, and
    nothing on the lines of its one2many values below it. ``export(records, fields)`` runs
    the export of the model's parent class. Records keep their order; consecutive ones with
    the same hidden links are exported together, those columns exporting the record's id,
    written over."""

    def hidden_fields(record):
        return frozenset(fname for fname, ids in hidden_by_field.items() if record[fname].id in ids)

    lines = []
    for key, group in groupby(records, key=hidden_fields):
        subset = records.browse([record.id for record in group])
        if not key:
            lines += export(subset, fields)
            continue
        columns = [i for i, path in enumerate(fields) if path and path[0] in key]
        rows = export(subset, [[".id"] if i in columns else path for i, path in enumerate(fields)])
        for row in rows:
            if row[columns[0]]:
                for i in columns:
                    row[i] = replacement
        lines += rows
    return lines


def unreadable_link_ids(model, fname, ids):
    """The ids among ``ids`` of the records linked by ``fname`` of ``model`` that the
    current user may not read (none for the superuser)."""
    ids = {id_ for id_ in ids if isinstance(id_, int) and id_}
    if not ids or model.env.su:
        return set()
    comodel = model.env[model._fields[fname].comodel_name].with_context(active_test=False)
    return ids - set(comodel.browse(ids)._filtered_access("read").ids)
