# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models


class SrmConsultationTheme(models.Model):
    _inherit = "srm.consultation.theme"

    can_create_issue = fields.Boolean(compute="_compute_can_create_issue")

    @api.model
    def _selection_linked_record(self):
        return super()._selection_linked_record() + [("srm.issue", self.env._("Issue"))]

    @api.depends("linked_record")
    def _compute_can_create_issue(self):
        for theme in self:
            theme.can_create_issue = not theme.linked_record

    def _srm_prepare_issue_values(self):
        """Values of the issue that follows the theme up: heard in person during the
        consultation, concerning the respondents who raised it, except confidential ones."""
        self.ensure_one()
        consultation = self.consultation_id
        return {
            "name": self.name,
            "kind": "issue",
            "channel": "in_person",
            "description": self._srm_follow_up_description(),
            "partner_ids": [Command.set(self._srm_follow_up_partners().ids)],
            "project_id": consultation.project_id.id,
            "company_id": consultation.company_id.id,
            "is_confidential": consultation.is_confidential,
        }

    def action_create_issue(self):
        """Follow the theme up as an issue of the grievance mechanism."""
        self.ensure_one()
        self._srm_check_can_follow_up()
        issue = self.env["srm.issue"].create(self._srm_prepare_issue_values())
        self._srm_link_follow_up(issue)
        return self._srm_open_record(issue)
