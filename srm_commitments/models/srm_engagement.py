# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models

from .srm_commitment import SOURCE_BY_ENGAGEMENT_TYPE


class SrmEngagement(models.Model):
    _inherit = "srm.engagement"

    commitment_ids = fields.One2many("srm.commitment", "engagement_id", string="Commitments")
    commitment_count = fields.Integer(compute="_compute_commitment_count")

    @api.model
    def _srm_searched_link_fields(self):
        # its commitments: a confidential one, or one kept from its team, is not every
        # reader's
        return (*super()._srm_searched_link_fields(), "commitment_ids")

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_commitment_count(self):
        counts = dict(
            self.env["srm.commitment"]._read_group([("engagement_id", "in", self.ids)], ["engagement_id"], ["__count"])
        )
        for engagement in self:
            engagement.commitment_count = counts.get(engagement, 0)

    def _commitment_defaults(self):
        """What a commitment made during this engagement inherits from it."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        defaults = {
            "default_engagement_id": self.id,
            "default_partner_ids": [Command.set(self.partner_ids.ids)],
            "default_project_id": self.project_id.id,
            "default_company_id": self.company_id.id,
            "default_visibility": "confidential" if self.is_confidential else "internal",
            "default_source": SOURCE_BY_ENGAGEMENT_TYPE.get(self.engagement_type_id.code, "other"),
        }
        if self.follow_up_date and self.follow_up_date >= today:
            defaults["default_date_due"] = self.follow_up_date
        return defaults

    def action_create_commitment(self):
        """A new commitment of the engagement: its stakeholders, project and confidentiality."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Commitment"),
            "res_model": "srm.commitment",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": self._commitment_defaults(),
        }

    def action_view_commitments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_commitments.srm_commitment_action")
        action["domain"] = [("engagement_id", "=", self.id)]
        action["context"] = self._commitment_defaults()
        return action
