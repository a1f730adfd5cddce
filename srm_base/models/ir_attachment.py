# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from .mail_message import _check_read_only, _records_by_model

# writes that change nothing of the file or where it belongs: Odoo gives an
# attachment an access token when somebody displays it
NEUTRAL_WRITES = {"access_token"}


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.model_create_multi
    def create(self, vals_list):
        # the chatter uploads files with sudo() once it checked that the user may
        # read the record: the user is checked here
        _check_read_only(self.env, _records_by_model(vals_list, "res_model", "res_id"))
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - NEUTRAL_WRITES:
            records = self._srm_records_by_model()
            if vals.get("res_model"):
                records[vals["res_model"]].add(vals.get("res_id") or 0)
            _check_read_only(self.env, records)
        return super().write(vals)

    def unlink(self):
        _check_read_only(self.env, self._srm_records_by_model())
        return super().unlink()

    def _srm_records_by_model(self):
        # sudo: only the record an attachment belongs to is read, to know whether the check applies
        return _records_by_model(self.sudo().read(["res_model", "res_id"]), "res_model", "res_id")
