# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SrmAiCallLog(models.Model):
    """One call to the external AI provider. Holds no prompt text, only what was
    concerned: who, when, which records, which provider, and how it went."""

    _name = "srm.ai.call.log"
    _description = "AI Provider Call"
    _order = "create_date desc, id desc"
    _check_company_auto = True

    user_id = fields.Many2one("res.users", string="User", required=True, index=True, readonly=True)
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    purpose = fields.Selection(
        [
            ("briefing", "Meeting brief"),
            ("strategy", "Engagement strategy"),
            ("test", "Connection test"),
        ],
        required=True,
        readonly=True,
    )
    res_model = fields.Char(string="Model", readonly=True, index=True)
    res_ids = fields.Char(string="Record IDs", readonly=True, help="Records whose (masked) content was sent.")
    record_count = fields.Integer(string="Records Sent", readonly=True)
    excluded_count = fields.Integer(
        string="Confidential Records Withheld", readonly=True, help="Confidential records left out of the request."
    )
    provider_url = fields.Char(string="Provider", readonly=True)
    provider_model = fields.Char(string="Model Name", readonly=True)
    status = fields.Selection(
        [("success", "Success"), ("failed", "Failed")], required=True, readonly=True, index=True
    )
    error_kind = fields.Selection(
        [
            ("timeout", "Timeout"),
            ("connection", "Connection"),
            ("auth", "Bad API key"),
            ("rate_limit", "Rate limit"),
            ("server", "Provider error"),
            ("http", "Rejected request"),
            ("malformed", "Malformed answer"),
            ("config", "Configuration"),
            ("address", "Address not allowed"),
        ],
        readonly=True,
    )
    error = fields.Char(readonly=True)
    duration = fields.Float(string="Duration (s)", readonly=True, digits=(10, 3))
    request_chars = fields.Integer(string="Characters Sent", readonly=True)
    masked_count = fields.Integer(
        string="Items Masked", readonly=True, help="Names, emails and phone numbers replaced."
    )
