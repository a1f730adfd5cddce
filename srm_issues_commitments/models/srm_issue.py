# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, api, fields, models, tools


class SrmIssue(models.Model):
    _inherit = "srm.issue"

    commitment_ids = fields.One2many("srm.commitment", "issue_id", string="Commitments")
    commitment_count = fields.Integer(compute="_compute_commitment_count")

    @api.model
    def _srm_searched_link_fields(self):
        # its commitments: a confidential one, or one kept from its team, is not every
        # reader's
        return (*super()._srm_searched_link_fields(), "commitment_ids")

    def _compute_commitment_count(self):
        counts = dict(
            self.env["srm.commitment"]._read_group(
                [("issue_id", "in", self.ids)], ["issue_id"], ["__count"]
            )
        )
        for issue in self:
            issue.commitment_count = counts.get(issue, 0)

    def _srm_prepare_commitment_values(self):
        """Values of the commitment that records what was promised to resolve the issue.

        Nothing in it names a protected complainant: only the stakeholders concerned and
        the visible complainant are copied. A worker grievance gives an internal
        commitment that carries the reference only, not the subject nor the response.
        """
        self.ensure_one()
        today = fields.Date.context_today(self)
        due = fields.Date.context_today(self, self.date_resolution_due) if self.date_resolution_due else False
        if not due or due < today:
            due = today + timedelta(days=14)
        worker = self.grievance_scope == "worker"
        text = self.resolution if not tools.is_html_empty(self.resolution) else self.proposed_response
        values = {
            "name": self.env._("Resolution of %s", self.reference)
            if worker
            else self.env._("Resolution of %(reference)s: %(subject)s", reference=self.reference, subject=self.name),
            "issue_id": self.id,
            "project_id": self.project_id.id,
            "company_id": self.company_id.id,
            "partner_ids": [Command.set((self.partner_ids | self.complainant_id).ids)],
            "source": "grievance",
            "date_due": due,
            "engagement_id": self.engagement_ids[:1].id,
        }
        if self.is_confidential:
            values["visibility"] = "confidential"
        elif worker or self.is_sensitive:
            values["visibility"] = "internal"
        if not worker and not tools.is_html_empty(text):
            values["description"] = text
        values["user_id"] = self._srm_commitment_owner(values).id
        return values

    def _srm_commitment_owner(self, values=None):
        """The officer of the issue, if they may read the commitment of ``values`` (its
        project, company and confidentiality: the record rules, checked as them), else the
        current user, who creates it."""
        owner = self.user_id
        if not owner:
            return self.env.user
        values = values or {}
        commitment = self.env["srm.commitment"].new(
            {
                "project_id": values.get("project_id", self.project_id.id),
                "company_id": values.get("company_id", self.company_id.id),
                "is_confidential": values.get("visibility") == "confidential",
            }
        )
        return owner if commitment._srm_new_readable_by(owner) else self.env.user

    def action_create_resolution_commitment(self):
        """Record what was promised to resolve the issue in the commitments register."""
        self.ensure_one()
        commitment = self.env["srm.commitment"].create(self._srm_prepare_commitment_values())
        self.message_post(
            body=self.env._("Resolution commitment %s created.", commitment.reference or commitment.name),
            subtype_xmlid="mail.mt_note",
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "srm.commitment",
            "res_id": commitment.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_view_commitments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_commitments.srm_commitment_action")
        action["domain"] = [("issue_id", "=", self.id)]
        action["context"] = {"default_issue_id": self.id, "default_project_id": self.project_id.id}
        return action
