# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import MissingError


class IrBinary(models.AbstractModel):
    _inherit = "ir.binary"

    def _record_to_stream(self, record, field_name):
        """The avatar of the hidden author of a message (see ``mail.message``) is
        not served: its picture, or its initial, would tell who wrote."""
        if record._name == "mail.message" and field_name == "author_avatar":
            if record.sudo(False)._srm_protected_author_messages():
                raise MissingError(self.env._("This picture is not available."))
        return super()._record_to_stream(record, field_name)
