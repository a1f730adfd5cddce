# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    srm_commitment_count = fields.Integer(string="Commitments", compute="_compute_srm_commitment_count")

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_srm_commitment_count(self):
        Commitment = self.env["srm.commitment"]
        counts = {}
        if self.ids and Commitment.has_access("read"):
            counts = dict(Commitment._read_group([("partner_ids", "in", self.ids)], ["partner_ids"], ["__count"]))
        for partner in self:
            partner.srm_commitment_count = counts.get(partner, 0)

    def action_srm_view_commitments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_commitments.srm_commitment_action")
        action["domain"] = [("partner_ids", "in", self.ids)]
        context = {"default_partner_ids": [Command.set(self.ids)]}
        if self.srm_main_project_id:
            context["default_project_id"] = self.srm_main_project_id.id
        action["context"] = context
        return action
