# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from .mail_message import _check_read_only, _records_by_model


class MailScheduledMessage(models.Model):
    _inherit = "mail.scheduled.message"

    @api.model_create_multi
    def create(self, vals_list):
        # a message scheduled by a read-only user would later be posted in their name
        _check_read_only(self.env, _records_by_model(vals_list, "model", "res_id"))
        return super().create(vals_list)
