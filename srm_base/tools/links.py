# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Links a user may write: to records they may read.

Odoo shows the name of a linked record (a many2one) to whoever may read the record
that links it, read as superuser: a link written over RPC to a record the user may not
read (a confidential engagement, a stakeholder of another project, an activity of a
confidential record) would tell them its name. What the suite writes as superuser is
not checked.
"""

from odoo import Command

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
    user's own defaults) are checked too."""
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
    for vals in vals_list:
        for fname in fnames:
            if fname in vals:
                field = model._fields[fname]
                wanted.setdefault(field.comodel_name, set()).update(linked_ids(field, vals[fname]))
    for model_name, ids in wanted.items():
        if ids:
            model.env[model_name].browse(ids).exists().check_access("read")


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
                field = model._fields[fname]
                wanted.setdefault(field.comodel_name, set()).update(linked_ids(field, vals[fname]))
    hidden = {}
    for model_name, ids in wanted.items():
        records = model.env[model_name].with_context(active_test=False).browse(ids).exists()
        hidden[model_name] = set(ids) - set(records._filtered_access("read").ids)
    if not any(hidden.values()):
        return
    for vals in vals_list:
        for fname in fnames if vals else ():
            field = model._fields[fname]
            unreadable = hidden.get(field.comodel_name)
            if not unreadable or not vals.get(fname):
                continue
            if field.type == "many2one":
                if vals[fname] in unreadable:
                    vals[fname] = False
            else:
                ids = linked_ids(field, vals[fname])
                if unreadable.intersection(ids):
                    vals[fname] = [Command.set([rid for rid in ids if rid not in unreadable])]
