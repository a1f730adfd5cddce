# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.http import request


class IrRule(models.Model):
    _inherit = "ir.rule"

    def _make_access_error(self, operation, records):
        """In debug mode, which any internal user may switch on, Odoo's refusal names the
        refused records (read as superuser) and the rules that refused them: the subject
        of a confidential engagement, a stakeholder of another project. Only
        administrators are told that much; others learn what kind of records they may not
        read or change, not which."""
        error = super()._make_access_error(operation, records)
        if not (request and request.session.debug) or self.env.su or self.env.user._is_system():
            return error
        env = self.with_context(lang=self.env.user.lang or self.env.lang).env
        operations = {
            "read": env._("read"),
            "write": env._("change"),
            "create": env._("create"),
            "unlink": env._("delete"),
        }
        error.args = (
            env._(
                "You may not %(operation)s these records: %(description)s (%(model)s). Your access rights "
                "do not cover them; ask your administrator if you need them.",
                operation=operations.get(operation, operation),
                description=env["ir.model"]._get(records._name).name or records._name,
                model=records._name,
            ),
        )
        return error
