# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

STEP_TYPES = [
    ("information", "Information shared"),
    ("consultation", "Consultation"),
    ("negotiation", "Negotiation"),
    ("decision", "Decision"),
]


class SrmConsentStep(models.Model):
    """A dated step of a consent process, with its evidence."""

    _name = "srm.consent.step"
    _description = "Consent Process Step"
    _order = "record_id, date, id"

    record_id = fields.Many2one("srm.consent.record", required=True, index=True, ondelete="cascade")
    step_type = fields.Selection(STEP_TYPES, string="Step", required=True, default="information")
    date = fields.Date(required=True, default=fields.Date.context_today)
    name = fields.Char(string="Summary", required=True)
    notes = fields.Text()
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "srm_consent_step_attachment_rel",
        "step_id",
        "attachment_id",
        string="Evidence",
        help="Minutes, presentations, letters, signed resolutions, recordings...",
    )
    evidence_count = fields.Integer(compute="_compute_evidence_count")
    company_id = fields.Many2one(related="record_id.company_id", store=True, index=True)

    @api.depends("attachment_ids")
    def _compute_evidence_count(self):
        for step in self:
            step.evidence_count = len(step.attachment_ids)
