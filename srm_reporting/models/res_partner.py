# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def action_srm_report_wizard(self):
        """Stakeholder form: the profile of this stakeholder; list: a register of the selection."""
        context = {"default_partner_ids": self.ids}
        if len(self) == 1:
            context["default_report_kind"] = "stakeholder_profile"
        else:
            context["default_report_kind"] = "stakeholder_register"
        return self.env["srm.report.wizard"]._open_action(context)
