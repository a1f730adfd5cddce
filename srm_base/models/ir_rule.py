# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models, tools
from odoo.http import request
from odoo.osv import expression
from odoo.tools import config
from odoo.tools.safe_eval import safe_eval

# context key: read as if the current user did not hold Confidential access (see
# ``ir.rule._compute_domain``)
WITHOUT_CONFIDENTIAL_ACCESS = "srm_without_confidential_access"


def without_confidential_access(env):
    """Whether ``env`` reads as if its user did not hold Confidential access."""
    return bool(env.context.get(WITHOUT_CONFIDENTIAL_ACCESS)) and not env.su


class IrRule(models.Model):
    _inherit = "ir.rule"

    def _compute_domain_keys(self):
        # the rules read without Confidential access are others, cached apart
        return [*super()._compute_domain_keys(), WITHOUT_CONFIDENTIAL_ACCESS]

    @api.model
    @tools.conditional(
        "xml" not in config["dev_mode"],
        tools.ormcache(
            "self.env.uid", "self.env.su", "model_name", "mode", "tuple(self._compute_domain_context_values())"
        ),
    )
    def _compute_domain(self, model_name, mode="read"):
        """With ``WITHOUT_CONFIDENTIAL_ACCESS`` in the context, the record rules of a user who
        holds Confidential access are those of the same user without it: the rules of their
        other groups (a user's, an auditor's, a project user's, which leave confidential
        records out), never those granted by Confidential access alone. A shareable report
        of such a user reads through them: the confidential records its rows would name,
        count or add up are then as unreadable to it as to its readers (a link to one reads
        "Restricted"), for every model whose rules follow the suite's groups.

        A model whose only rules for the user are Confidential access's reads nothing then
        (a user without that access has no right to it)."""
        confidential = self.env.ref("srm_base.group_srm_confidential", raise_if_not_found=False)
        if not without_confidential_access(self.env) or not confidential or confidential not in self.env.user.groups_id:
            return super()._compute_domain(model_name, mode)
        global_domains = []
        for parent_model_name, parent_field_name in self.env[model_name]._inherits.items():
            if domain := self._compute_domain(parent_model_name, mode):
                global_domains.append([(parent_field_name, "any", domain)])
        rules = self._get_rules(model_name, mode=mode)
        eval_context = self._eval_context()
        # the rules that ask whether the user holds Confidential access are told they do not
        eval_context["user"] = eval_context["user"].with_context(**{WITHOUT_CONFIDENTIAL_ACCESS: True})
        user_groups = self.env.user.groups_id - confidential
        group_domains = []
        left_out = False
        # sudo: the rules are read as Odoo reads them to compute the user's domain
        for rule in rules.sudo():
            domain = safe_eval(rule.domain_force, eval_context) if rule.domain_force else []
            domain = expression.normalize_domain(domain)
            if not rule.groups:
                global_domains.append(domain)
            elif rule.groups & user_groups:
                group_domains.append(domain)
            else:
                left_out = True
        if not group_domains:
            if left_out:
                return expression.FALSE_DOMAIN
            return expression.AND(global_domains) if global_domains else []
        return expression.AND([*global_domains, expression.OR(group_domains)])

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
