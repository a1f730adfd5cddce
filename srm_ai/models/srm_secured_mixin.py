# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class SrmSecuredMixin(models.AbstractModel):
    _inherit = "srm.secured.mixin"

    @api.model
    def _srm_is_read_only_scope(self, model_name, res_ids=None):
        """Emerging themes are SRM records too: a read-only auditor follows, messages or
        attaches nothing there (see srm_base's _srm_check_not_read_only)."""
        return model_name == "srm.ai.theme" or super()._srm_is_read_only_scope(model_name, res_ids=res_ids)

    def write(self, vals):
        res = super().write(vals)
        if self._srm_ai_leaves_themes(vals):
            self.env["srm.ai.theme"]._srm_ai_forget(self)
        return res

    def _srm_ai_leaves_themes(self, vals):
        """Whether ``vals`` make the records texts that themes never group (see
        ``srm.ai.theme._srm_ai_period_documents``)."""
        return bool(vals.get("is_confidential"))
