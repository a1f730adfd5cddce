# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


class SrmIssueDeadlineWizard(models.TransientModel):
    """Interim notice: a deadline must slip, tell the complainant why and by when."""

    _name = "srm.issue.deadline.wizard"
    _description = "Issue Interim Notice"

    issue_id = fields.Many2one("srm.issue", required=True, ondelete="cascade")
    deadline = fields.Selection(
        [("investigation", "Investigation"), ("resolution", "Resolution")],
        required=True,
        default="resolution",
    )
    current_due = fields.Datetime(compute="_compute_current_due", string="Current Due Date")
    new_due = fields.Datetime(string="Revised Date", required=True)
    reason = fields.Text(
        required=True,
        help="Told to the complainant: why more time is needed and what happens meanwhile.",
    )
    notify_complainant = fields.Boolean(
        string="Send Interim Notice",
        default=True,
        help="Email the revised date and the reason to the complainant, in their language.",
    )

    @api.depends("issue_id", "deadline")
    def _compute_current_due(self):
        for wizard in self:
            wizard.current_due = wizard.issue_id[f"date_{wizard.deadline}_due"] if wizard.deadline else False

    def action_confirm(self):
        self.ensure_one()
        issue = self.issue_id
        if issue.is_closed:
            raise UserError(self.env._("The issue %s is closed: its deadlines cannot move.", issue.display_name))
        if self.new_due <= fields.Datetime.now():
            raise UserError(self.env._("The revised date must be in the future."))
        if self.current_due and self.new_due <= self.current_due:
            raise UserError(self.env._("The revised date must be later than the current due date."))
        reason = (self.reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason for the revised date."))
        issue.write(
            {
                f"date_{self.deadline}_revised": self.new_due,
                "deadline_revision_reason": reason,
                "deadline_revision_date": self.new_due,
                f"{self.deadline}_escalated": False,
            }
        )
        labels = dict(self._fields["deadline"]._description_selection(self.env))
        issue.message_post(
            body=Markup("<p>%s</p><p>%s</p>")
            % (
                self.env._(
                    "%(deadline)s deadline revised to %(date)s.",
                    deadline=labels[self.deadline],
                    date=fields.Datetime.to_string(self.new_due),
                ),
                reason,
            ),
            subtype_xmlid="mail.mt_note",
        )
        if self.notify_complainant:
            template = self.env.ref("srm_issues.mail_template_issue_interim", raise_if_not_found=False)
            issue._srm_notify_complainant(template)
        return {"type": "ir.actions.act_window_close"}
