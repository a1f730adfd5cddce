# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ResGroups(models.Model):
    _inherit = "res.groups"

    def write(self, vals):
        before = self.with_context(active_test=False).users if "users" in vals else None
        res = super().write(vals)
        if before is not None:
            # the users taken out of a group (Confidential access, an SRM group) lose the SRM
            # records they may no longer read, as when their own groups are written
            (before - self.with_context(active_test=False).users)._srm_drop_unreadable_records()
        return res
