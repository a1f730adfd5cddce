# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.tools import plaintext2html

from .srm_consultation_theme import DEFAULT_DUE_DAYS


class SrmConsentCondition(models.Model):
    _inherit = "srm.consent.condition"

    @api.model
    def _selection_linked_record(self):
        return super()._selection_linked_record() + [("srm.commitment", self.env._("Commitment"))]

    def _srm_prepare_commitment_values(self):
        """Values of the commitment that tracks the condition: a draft owed to the community
        that set it."""
        self.ensure_one()
        record = self.record_id
        return {
            "name": self.name,
            "description": plaintext2html(self.description or self.name),
            "partner_ids": [Command.set(record.partner_id.ids)],
            "project_id": record.project_id.id,
            "company_id": record.company_id.id,
            "is_confidential": record.is_confidential,
            "source": "consultation",
            "date_due": fields.Date.context_today(self) + timedelta(days=DEFAULT_DUE_DAYS),
        }

    def _srm_track_as_commitments(self):
        """Create the commitment of each condition (none tracked yet), in one batch.

        :return: the commitments created (srm.commitment)
        """
        for condition in self:
            condition._srm_check_can_follow_up()
        commitments = self.env["srm.commitment"].create(
            [condition._srm_prepare_commitment_values() for condition in self]
        )
        for condition, commitment in zip(self, commitments, strict=True):
            condition._srm_link_follow_up(commitment)
        return commitments

    def action_create_commitment(self):
        commitment = self._srm_track_as_commitments()
        return {
            "type": "ir.actions.act_window",
            "res_model": "srm.commitment",
            "res_id": commitment.id,
            "view_mode": "form",
        }
