# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SrmIssueStage(models.Model):
    """A step of the grievance procedure, shown as a kanban column.

    The flags tell what reaching the stage means for the service levels:
    an issue entering a stage flagged *acknowledged* gets its acknowledgement
    date, one entering a *resolved* stage its resolution date, and so on.
    """

    _name = "srm.issue.stage"
    _description = "Issue Stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    public_name = fields.Char(
        translate=True,
        help="Name shown to complainants on the public status page and in the portal. "
        "Defaults to the stage name.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    fold = fields.Boolean(string="Folded in Kanban")
    description = fields.Text(translate=True)
    is_acknowledged = fields.Boolean(
        string="Acknowledged",
        help="Reaching this stage means the complainant has been told the issue was "
        "received: the acknowledgement date is set.",
    )
    is_investigated = fields.Boolean(
        string="Investigation Complete",
        help="Reaching this stage means the investigation is complete and a response "
        "can be proposed: the investigation date is set.",
    )
    is_resolved = fields.Boolean(
        string="Resolved", help="Reaching this stage sets the resolution date."
    )
    is_closed = fields.Boolean(
        string="Closed",
        help="Reaching this stage closes the issue; a close-out outcome is required.",
    )
    is_appeal = fields.Boolean(
        string="Appeal", help="Reaching this stage records that the complainant appealed."
    )
    is_escalated = fields.Boolean(
        string="Escalated",
        help="Reaching this stage schedules a review activity for the team leader.",
    )
    mail_template_id = fields.Many2one(
        "mail.template",
        string="Email to Complainant",
        domain="[('model', '=', 'srm.issue')]",
        help="Sent to the complainant, in their language, when an issue reaches this stage.",
    )

    def _get_public_name(self):
        self.ensure_one()
        return self.public_name or self.name
