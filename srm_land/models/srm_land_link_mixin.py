# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, models

# not worth a check: Odoo's company checks cover them, and their names are no secret
UNCHECKED_MODELS = ("res.users", "res.company", "res.currency")


class SrmLandLinkMixin(models.AbstractModel):
    """Land records link only records their user may read.

    Odoo shows the name of a linked record (a many2one) to whoever may read the
    record linking it, read as superuser: a link written over RPC to a record the
    user may not read (a confidential household, engagement or payment, a stakeholder
    or a project the user is not on) would tell them its name, or more (what a
    wizard shows of its payment). The user's own links are checked; the links the
    suite writes as superuser are not.
    """

    _name = "srm.land.link.mixin"
    _description = "SRM land record linking records its user may read"

    @api.model
    def _srm_land_linked_ids(self, field, value):
        """Ids of the existing records ``value`` links through ``field``."""
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

    @api.model
    def _srm_land_check_links(self, vals_list):
        """Refuse (AccessError) values linking records the current user may not read."""
        if self.env.su:
            return
        wanted = {}
        for vals in vals_list:
            for fname, value in vals.items():
                field = self._fields.get(fname)
                if (
                    field is None
                    or field.type not in ("many2one", "many2many")
                    or not field.store
                    or field.related
                    or field.comodel_name in UNCHECKED_MODELS
                ):
                    continue
                wanted.setdefault(field.comodel_name, set()).update(self._srm_land_linked_ids(field, value))
        for model_name, ids in wanted.items():
            if ids:
                self.env[model_name].browse(ids).exists().check_access("read")

    @api.model_create_multi
    def create(self, vals_list):
        self._srm_land_check_links(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._srm_land_check_links([vals])
        return super().write(vals)
