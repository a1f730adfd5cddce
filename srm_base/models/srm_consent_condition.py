# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .srm_consultation_theme import create_linked_record, linkable_models_selection


class SrmConsentCondition(models.Model):
    """A condition attached to consent; tracked as a commitment when srm_commitments is installed."""

    _name = "srm.consent.condition"
    _description = "Consent Condition"
    _order = "record_id, sequence, id"

    record_id = fields.Many2one("srm.consent.record", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Condition", required=True)
    description = fields.Text()
    state = fields.Selection(
        [("open", "To honour"), ("met", "Met"), ("breached", "Breached")],
        default="open",
        required=True,
    )
    linked_record = fields.Reference(
        selection="_selection_linked_record", string="Commitment", readonly=True, copy=False
    )
    company_id = fields.Many2one(related="record_id.company_id", store=True, index=True)

    @api.model
    def _selection_linked_record(self):
        return linkable_models_selection(self.env)

    def _srm_turn_into(self, model_name):
        self.ensure_one()
        record = self.record_id
        record.check_access("write")
        if self.linked_record:
            raise UserError(self.env._("The condition “%s” is already tracked.", self.name))
        created = create_linked_record(
            self,
            model_name,
            self.name,
            self.description or self.name,
            record.partner_id,
            record.project_id,
            record.company_id,
            record.is_confidential,
        )
        self.linked_record = f"{model_name},{created.id}"
        record.message_post(
            body=self.env._("Condition “%(condition)s” tracked as %(record)s.",
                            condition=self.name, record=created.display_name),
            subtype_xmlid="mail.mt_note",
        )
        return created

    def action_create_commitment(self):
        created = self._srm_turn_into("srm.commitment")
        return {
            "type": "ir.actions.act_window",
            "res_model": created._name,
            "res_id": created.id,
            "view_mode": "form",
        }
