# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    srm_commitment_count = fields.Integer(string="Commitments", compute="_compute_srm_counts")

    @api.model
    def _srm_counted_models(self):
        # counted with the engagements, in one query (srm_base)
        return dict(super()._srm_counted_models(), srm_commitment_count=("srm.commitment", "partner_ids"))

    def action_srm_view_commitments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_commitments.srm_commitment_action")
        action["domain"] = [("partner_ids", "in", self.ids)]
        context = {"default_partner_ids": [Command.set(self.ids)]}
        project = self._srm_default_project()
        if project:
            context["default_project_id"] = project.id
        action["context"] = context
        return action
