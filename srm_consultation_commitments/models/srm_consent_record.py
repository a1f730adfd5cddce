# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class SrmConsentRecord(models.Model):
    _inherit = "srm.consent.record"

    can_create_commitments = fields.Boolean(compute="_compute_can_create_commitments")

    @api.depends("condition_ids.linked_record")
    def _compute_can_create_commitments(self):
        for record in self:
            record.can_create_commitments = bool(record.condition_ids.filtered(lambda c: not c.linked_record))

    def _srm_conditions_to_commitments(self):
        """Track each condition not followed yet as a commitment.

        :return: the commitments created (srm.commitment)
        """
        self.check_access("write")
        return self.condition_ids.filtered(lambda c: not c.linked_record)._srm_track_as_commitments()

    def action_create_commitments(self):
        self.ensure_one()
        commitments = self._srm_conditions_to_commitments()
        if not commitments:
            raise UserError(self.env._("Every condition is already tracked."))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Commitments"),
            "res_model": "srm.commitment",
            "view_mode": "list,form",
            "domain": [("id", "in", commitments.ids)],
        }
