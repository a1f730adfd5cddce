# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from .mail_message import _check_read_only, _records_by_model


class MailFollowers(models.Model):
    _inherit = "mail.followers"

    @api.model_create_multi
    def create(self, vals_list):
        # Odoo adds followers with sudo(): the user who asked for it is checked
        _check_read_only(self.env, _records_by_model(vals_list, "res_model", "res_id"))
        return super().create(vals_list)

    def write(self, vals):
        _check_read_only(self.env, self._srm_records_by_model())
        return super().write(vals)

    def unlink(self):
        _check_read_only(self.env, self._srm_records_by_model())
        return super().unlink()

    def _srm_records_by_model(self):
        # sudo: only the followed record is read, to know whether the check applies
        return _records_by_model(self.sudo().read(["res_model", "res_id"]), "res_model", "res_id")
