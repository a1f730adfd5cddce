# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models

from odoo.addons.srm_base.models.res_partner import QUADRANTS


class SrmConsultationInviteWizard(models.TransientModel):
    """Select stakeholders by segment, type, region or quadrant and invite them."""

    _name = "srm.consultation.invite.wizard"
    _description = "Invite Stakeholders to a Consultation"

    consultation_id = fields.Many2one("srm.consultation", required=True, ondelete="cascade")
    channel = fields.Selection(
        [
            ("online", "Invite by email to answer online"),
            ("in_person", "Plan in-person interviews"),
            ("phone", "Plan phone interviews"),
        ],
        default="online",
        required=True,
    )
    segment_ids = fields.Many2many(
        "srm.segment",
        "srm_consultation_invite_segment_rel",
        "wizard_id",
        "segment_id",
        string="Segments",
        compute="_compute_segment_ids",
        store=True,
        readonly=False,
        help="Stakeholders in at least one of these segments (by default, the campaign's target segments).",
    )
    stakeholder_type_ids = fields.Many2many(
        "srm.stakeholder.type",
        "srm_consultation_invite_type_rel",
        "wizard_id",
        "type_id",
        string="Stakeholder Types",
    )
    region_ids = fields.Many2many(
        "srm.region", "srm_consultation_invite_region_rel", "wizard_id", "region_id", string="Regions"
    )
    quadrant = fields.Selection(QUADRANTS, string="Power/Interest Quadrant")
    project_only = fields.Boolean(
        string="Stakeholders of the Project Only", default=True
    )
    partner_ids = fields.Many2many(
        "res.partner",
        "srm_consultation_invite_partner_rel",
        "wizard_id",
        "partner_id",
        string="Stakeholders",
        compute="_compute_partner_ids",
        store=True,
        readonly=False,
        domain="[('is_stakeholder', '=', True)]",
    )
    invitable_count = fields.Integer(compute="_compute_check")
    skipped_text = fields.Text(string="Skipped", compute="_compute_check")

    @api.depends("consultation_id")
    def _compute_segment_ids(self):
        for wizard in self:
            wizard.segment_ids = wizard.consultation_id.segment_ids.segment_id

    @api.depends("consultation_id", "segment_ids", "stakeholder_type_ids", "region_ids", "quadrant", "project_only")
    def _compute_partner_ids(self):
        for wizard in self:
            if not wizard.consultation_id:
                wizard.partner_ids = False
                continue
            domain = [("is_stakeholder", "=", True)]
            if wizard.segment_ids:
                domain.append(("srm_segment_ids", "in", wizard.segment_ids.ids))
            if wizard.stakeholder_type_ids:
                domain.append(("stakeholder_type_id", "in", wizard.stakeholder_type_ids.ids))
            if wizard.region_ids:
                domain.append(("srm_region_id", "child_of", wizard.region_ids.ids))
            if wizard.quadrant:
                domain.append(("srm_quadrant", "=", wizard.quadrant))
            if wizard.project_only and wizard.consultation_id.project_id:
                domain.append(("srm_project_ids", "in", wizard.consultation_id.project_id.ids))
            wizard.partner_ids = [Command.set(self.env["res.partner"].search(domain).ids)]

    @api.depends("consultation_id", "partner_ids", "channel")
    def _compute_check(self):
        for wizard in self:
            if not wizard.consultation_id:
                wizard.invitable_count = 0
                wizard.skipped_text = False
                continue
            invitable, skipped = wizard.consultation_id._srm_invitation_check(
                wizard.partner_ids, wizard.channel
            )
            wizard.invitable_count = len(invitable)
            wizard.skipped_text = wizard.consultation_id._srm_format_skipped(skipped) or False

    def action_invite(self):
        self.ensure_one()
        answers, skipped = self.consultation_id._srm_invite(self.partner_ids, self.channel)
        if self.channel == "online":
            message = self.env._("%s stakeholders invited by email.", len(answers))
        else:
            message = self.env._("%s interviews planned.", len(answers))
        if skipped:
            message = "\n".join(
                [message, self.env._("Skipped:"), self.consultation_id._srm_format_skipped(skipped)]
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": message,
                "type": "warning" if skipped else "success",
                "sticky": bool(skipped),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
