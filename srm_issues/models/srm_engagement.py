# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models, tools

from .srm_issue import ENGAGEMENT_CHANNELS


class SrmEngagement(models.Model):
    _inherit = "srm.engagement"

    issue_ids = fields.Many2many(
        "srm.issue",
        "srm_issue_engagement_rel",
        "engagement_id",
        "issue_id",
        string="Issues",
        copy=False,
    )
    issue_count = fields.Integer(compute="_compute_issue_count")

    @api.model
    def _srm_searched_link_fields(self):
        # its issues: a worker grievance, a confidential issue or another project's are
        # not every reader's
        return (*super()._srm_searched_link_fields(), "issue_ids")

    def _srm_linked_record_fields(self):
        return [*super()._srm_linked_record_fields(), "issue_ids"]

    def _compute_issue_count(self):
        counts = dict(
            self.env["srm.issue"]._read_group(
                [("engagement_ids", "in", self.ids)], ["engagement_ids"], ["__count"]
            )
        )
        for engagement in self:
            engagement.issue_count = counts.get(engagement, 0)

    def _srm_prepare_issue_values(self):
        self.ensure_one()
        channel = ENGAGEMENT_CHANNELS.get(self.engagement_type_id.code, "in_person")
        values = {
            "name": self.name,
            "project_id": self.project_id.id,
            "company_id": self.company_id.id,
            "partner_ids": [Command.set(self.partner_ids.ids)],
            "engagement_ids": [Command.link(self.id)],
            "channel": channel,
            "date_received": self.date,
            "location": self.location,
            "is_confidential": self.is_confidential,
            "description": tools.plaintext2html(self.summary) if self.summary else False,
        }
        if len(self.partner_ids) == 1:
            values["complainant_id"] = self.partner_ids.id
        return values

    def action_srm_create_issue(self):
        """Raise an issue from this engagement in one click and open it."""
        self.ensure_one()
        issue = self.env["srm.issue"].create(self._srm_prepare_issue_values())
        return {
            "type": "ir.actions.act_window",
            "res_model": "srm.issue",
            "res_id": issue.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_srm_view_issues(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_issues.srm_issue_action_all")
        action["domain"] = [("engagement_ids", "in", self.ids)]
        action["context"] = {"default_engagement_ids": [Command.link(self.id)]}
        return action
