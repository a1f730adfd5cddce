# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, models


def _check_read_only(env, records_by_model):
    """Refuse to a read-only user any change on the SRM records ``{model: res_ids}``."""
    mixin = env["srm.secured.mixin"]
    if not mixin._srm_user_is_read_only():
        return
    for model_name, res_ids in records_by_model.items():
        mixin._srm_check_not_read_only(model_name, res_ids)


def _records_by_model(vals_list, model_key, id_key):
    records = defaultdict(set)
    for vals in vals_list:
        if vals.get(model_key):
            records[vals[model_key]].add(vals.get(id_key) or 0)
    return records


class MailMessage(models.Model):
    _inherit = "mail.message"

    @api.model_create_multi
    def create(self, vals_list):
        # read-only users write nothing on SRM records, whichever way the message
        # comes (chatter, composer, mass mailing, RPC); the notifications Odoo sends
        # to a user (e.g. an activity assigned to them) are not messages of theirs
        _check_read_only(
            self.env,
            _records_by_model(
                [vals for vals in vals_list if vals.get("message_type") != "user_notification"],
                "model",
                "res_id",
            ),
        )
        return super().create(vals_list)

    def _message_reaction(self, content, action, partner, guest, store=None):
        # sudo: only the record a message belongs to is read, to know whether the check applies
        _check_read_only(self.env, _records_by_model(self.sudo().read(["model", "res_id"]), "model", "res_id"))
        return super()._message_reaction(content, action, partner, guest, store=store)
