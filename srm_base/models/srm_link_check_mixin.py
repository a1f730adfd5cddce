# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from ..tools.links import check_readable_links, checked_fields, drop_unreadable_links


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
        would otherwise be refused for linking them (see ``drop_unreadable_links``)."""
        vals_list = super().copy_data(default=default)
        drop_unreadable_links(self, vals_list, checked_fields(self, self._srm_link_fields), default)
        return vals_list
