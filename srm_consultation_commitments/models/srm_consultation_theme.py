# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, api, fields, models

# a commitment created from a consultation is a draft due this many days after its
# creation, until its owner sets the real date
DEFAULT_DUE_DAYS = 30


class SrmConsultationTheme(models.Model):
    _inherit = "srm.consultation.theme"

    can_create_commitment = fields.Boolean(compute="_compute_can_create_commitment")

    @api.model
    def _selection_linked_record(self):
        return super()._selection_linked_record() + [("srm.commitment", self.env._("Commitment"))]

    @api.depends("linked_record")
    def _compute_can_create_commitment(self):
        for theme in self:
            theme.can_create_commitment = not theme.linked_record

    def _srm_prepare_commitment_values(self):
        """Values of the commitment that answers the theme: a draft for the owner to adjust,
        naming the respondents who raised it, except confidential ones."""
        self.ensure_one()
        consultation = self.consultation_id
        return {
            "name": self.name,
            "description": self._srm_follow_up_description(),
            "partner_ids": [Command.set(self._srm_follow_up_partners().ids)],
            "project_id": consultation.project_id.id,
            "company_id": consultation.company_id.id,
            "is_confidential": consultation.is_confidential,
            "source": "consultation",
            "date_due": fields.Date.context_today(self) + timedelta(days=DEFAULT_DUE_DAYS),
        }

    def action_create_commitment(self):
        """Record in the commitments register what the organisation does about the theme."""
        self.ensure_one()
        self._srm_check_can_follow_up()
        commitment = self.env["srm.commitment"].create(self._srm_prepare_commitment_values())
        self._srm_link_follow_up(commitment)
        return self._srm_open_record(commitment)
