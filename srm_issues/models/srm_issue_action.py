# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SrmIssueAction(models.Model):
    """One step taken to investigate or resolve an issue (the audit trail of actions)."""

    _name = "srm.issue.action"
    _description = "Action Taken on an Issue"
    _order = "date desc, id desc"

    issue_id = fields.Many2one("srm.issue", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="issue_id.company_id", store=True, index=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    user_id = fields.Many2one(
        "res.users", string="By", default=lambda self: self.env.user, domain="[('share', '=', False)]"
    )
    action_type = fields.Selection(
        [
            ("investigation", "Investigation"),
            ("site_visit", "Site visit"),
            ("meeting", "Meeting"),
            ("remediation", "Remediation"),
            ("communication", "Communication"),
            ("referral", "Referral"),
            ("other", "Other"),
        ],
        string="Type",
        default="investigation",
        required=True,
    )
    name = fields.Text(string="Action", required=True)
