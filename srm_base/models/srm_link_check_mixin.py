# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, models

from ..tools.links import check_readable_links, checked_fields, linked_ids


class SrmLinkCheckMixin(models.AbstractModel):
    """Records whose users link only records they may read (``tools.links``): what a
    user writes or gives as a default is checked, what the suite writes as superuser
    is not."""

    _name = "srm.link.check.mixin"
    _description = "SRM record linking only records its user may read"

    # the link fields checked: None for every stored many2one and many2many (but to
    # users, companies and currencies)
    _srm_link_fields = None

    @api.model_create_multi
    def create(self, vals_list):
        check_readable_links(self, vals_list, self._srm_link_fields, create=True)
        return super().create(vals_list)

    def write(self, vals):
        check_readable_links(self, [vals], self._srm_link_fields)
        return super().write(vals)

    def copy_data(self, default=None):
        """A copy leaves out the links its user may not read (a shared record linking a
        confidential household): the original shows them as "Restricted", and the copy
        would otherwise be refused for linking them. Required links are kept, and
        refused with the copy; links given in ``default`` are checked as written."""
        vals_list = super().copy_data(default=default)
        if self.env.su:
            return vals_list
        fnames = [
            fname
            for fname in checked_fields(self, self._srm_link_fields)
            if fname not in (default or {}) and not self._fields[fname].required
        ]
        wanted = {}
        for vals in vals_list:
            # None: a record Odoo already copied in this copy
            for fname in fnames if vals else ():
                if vals.get(fname):
                    field = self._fields[fname]
                    wanted.setdefault(field.comodel_name, set()).update(linked_ids(field, vals[fname]))
        hidden = {}
        for model_name, ids in wanted.items():
            records = self.env[model_name].with_context(active_test=False).browse(ids).exists()
            hidden[model_name] = set(ids) - set(records._filtered_access("read").ids)
        if not any(hidden.values()):
            return vals_list
        for vals in vals_list:
            for fname in fnames if vals else ():
                field = self._fields[fname]
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
        return vals_list
