# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Links a user may write: to records they may read.

Odoo shows the name of a linked record (a many2one) to whoever may read the record
that links it, read as superuser: a link written over RPC to a record the user may
not read (a confidential engagement, a stakeholder of another project, an activity
of a confidential record) would tell them its name. The insights written by the
analysis are written as superuser and are not checked here.
"""

from odoo import Command


def _linked_ids(field, value):
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


def check_readable_links(model, vals_list, fnames):
    """Refuse the values ``vals_list`` of ``model`` that link, through the fields
    ``fnames``, records the current user may not read (AccessError)."""
    if model.env.su:
        return
    for fname in fnames:
        field = model._fields[fname]
        ids = {rid for vals in vals_list if fname in vals for rid in _linked_ids(field, vals[fname])}
        if ids:
            model.env[field.comodel_name].browse(ids).exists().check_access("read")
