# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.osv import expression

from .mail_message import _check_read_only, _records_by_model


def _searched_models(domain):
    """The models a domain keeps the followers of (its ``res_model = name`` or
    ``res_model in names`` conditions, when the domain is a plain conjunction), or None."""
    domain = expression.normalize_domain(domain)
    if any(item in (expression.OR_OPERATOR, expression.NOT_OPERATOR) for item in domain):
        return None
    searched = None
    for leaf in domain:
        if not (isinstance(leaf, (list, tuple)) and len(leaf) == 3 and leaf[0] == "res_model"):
            continue
        operator, value = leaf[1], leaf[2]
        if operator == "=" and isinstance(value, str):
            names = {value}
        elif operator == "in" and isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            names = set(value)
        else:
            continue
        searched = names if searched is None else searched & names
    return searched


class MailFollowers(models.Model):
    _inherit = "mail.followers"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        """Odoo lets every employee search every follower: the followers of an SRM
        record the user may not read (confidential, another project, worker
        grievances) are left out, so that a search does not tell who follows it."""
        if self.env.su:
            return super()._search(domain, offset=offset, limit=limit, order=order)
        return self.env["srm.secured.mixin"]._srm_search_readable_documents(
            self,
            lambda fetch: super(MailFollowers, self)._search(domain, offset=offset, limit=fetch, order=order),
            "res_model",
            offset,
            limit,
            order,
        )

    @api.model
    def _srm_secured_models(self):
        mixin = self.env.registry["srm.secured.mixin"]
        return [name for name, model in self.env.registry.items() if not model._abstract and issubclass(model, mixin)]

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
