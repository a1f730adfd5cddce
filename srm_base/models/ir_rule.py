# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import models
from odoo.exceptions import AccessError
from odoo.http import request

_logger = logging.getLogger(__name__)


class IrRule(models.Model):
    _inherit = "ir.rule"

    def _make_access_error(self, operation, records):
        """In debug mode, which any internal user may switch on, Odoo's refusal names the
        refused records (read as superuser) and the rules that refused them: the subject
        of a confidential engagement, a stakeholder of another project. Only
        administrators are told that much; others learn what kind of records they may not
        read or change, not which."""
        if not (request and request.session.debug) or self.env.su or self.env.user._is_system():
            return super()._make_access_error(operation, records)
        _logger.info(
            "Access denied by record rules for operation: %s on record ids: %r, uid: %s, model: %s",
            operation,
            records.ids[:6],
            self.env.uid,
            records._name,
        )
        env = self.with_context(lang=self.env.user.lang or self.env.lang).env
        operations = {
            "read": env._("read"),
            "write": env._("change"),
            "create": env._("create"),
            "unlink": env._("delete"),
        }
        description = env["ir.model"]._get(records._name).name or records._name
        return AccessError(
            env._(
                "You may not %(operation)s these records: %(description)s (%(model)s). Your access rights "
                "do not cover them; ask your administrator if you need them.",
                operation=operations.get(operation, operation),
                description=description,
                model=records._name,
            )
        )
