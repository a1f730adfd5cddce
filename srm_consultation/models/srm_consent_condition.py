# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class SrmConsentCondition(models.Model):
    """A condition attached to consent; tracked as a commitment when srm_commitments is installed."""

    _name = "srm.consent.condition"
    _inherit = ["srm.link.check.mixin"]
    _description = "Consent Condition"
    _order = "record_id, sequence, id"
    # the commitment tracking the condition: a record its writer may read (else the
    # condition reads as tracked by a record they know nothing of, and tells it exists)
    _srm_link_fields = ("linked_record",)

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
        """The kinds of record that can track a condition: the module linking consent
        records to the commitments register (srm_consultation_commitments) adds its model."""
        return []

    def _srm_check_can_follow_up(self):
        """Refuse to track a condition twice, or without the right to change its consent record."""
        self.ensure_one()
        self.record_id.check_access("write")
        if self.linked_record:
            raise UserError(self.env._("The condition “%s” is already tracked.", self.name))

    def _srm_link_follow_up(self, record):
        """Record that ``record`` (a commitment) tracks the condition."""
        self.ensure_one()
        self.linked_record = f"{record._name},{record.id}"
        self.record_id.message_post(
            body=self.env._("Condition “%(condition)s” tracked as %(record)s.",
                            condition=self.name, record=record.display_name),
            subtype_xmlid="mail.mt_note",
        )
        return record
