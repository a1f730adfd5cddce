# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import html2plaintext


class CalendarEvent(models.Model):
    _name = "calendar.event"
    _inherit = ["calendar.event", "srm.link.search.mixin"]

    srm_engagement_ids = fields.One2many("srm.engagement", "calendar_event_id", string="Engagements")
    srm_engagement_id = fields.Many2one(
        "srm.engagement",
        string="Engagement",
        compute="_compute_srm_engagement_id",
        store=True,
        index="btree_not_null",
        help="The engagement this meeting was planned for or logged as. A meeting of a "
        "confidential engagement, or of another project's, is seen only by those who may read "
        "the engagement, its organiser and its attendees.",
    )

    @api.depends(
        "srm_engagement_ids.is_confidential",
        "recurrence_id.calendar_event_ids.srm_engagement_ids.is_confidential",
        "res_model",
        "res_id",
    )
    def _compute_srm_engagement_id(self):
        planned = {event.res_id for event in self if event.res_model == "srm.engagement" and event.res_id}
        existing = set(self.env["srm.engagement"].browse(planned).exists().ids)
        for event in self:
            # an occurrence of a recurring meeting logged as an engagement stands for them
            # all; a confidential engagement first, when several were logged on it
            engagements = event.srm_engagement_ids | event.recurrence_id.calendar_event_ids.srm_engagement_ids
            if event.res_model == "srm.engagement" and event.res_id in existing:
                engagements |= self.env["srm.engagement"].browse(event.res_id)
            event.srm_engagement_id = engagements.sorted(lambda e: (not e.is_confidential, e.id))[:1]

    @api.model
    def _srm_searched_link_fields(self):
        # the engagements logged from it, and the one it stands for: its organiser and
        # attendees read the meeting of a confidential engagement, or of another project's,
        # but not the engagement, nor that there is one
        return (*super()._srm_searched_link_fields(), "srm_engagement_ids", "srm_engagement_id")

    def action_srm_log_engagement(self):
        """Open an engagement pre-filled from this meeting, or the one already logged."""
        self.ensure_one()
        if self.srm_engagement_ids:
            return {
                "type": "ir.actions.act_window",
                "res_model": "srm.engagement",
                "res_id": self.srm_engagement_ids[:1].id,
                "view_mode": "form",
            }
        internal_partners = self.partner_ids.filtered(lambda p: p.user_ids.filtered(lambda u: not u.share))
        stakeholders = self.partner_ids - internal_partners
        meeting_type = self.env.ref("srm_base.srm_engagement_type_meeting", raise_if_not_found=False)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Log Engagement"),
            "res_model": "srm.engagement",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_name": self.name,
                "default_date": fields.Datetime.to_string(self.start),
                "default_duration": self.duration,
                "default_location": self.location,
                "default_calendar_event_id": self.id,
                "default_engagement_type_id": meeting_type.id if meeting_type else False,
                "default_partner_ids": stakeholders.ids,
                "default_attendee_user_ids": internal_partners.user_ids.filtered(lambda u: not u.share).ids,
                "default_summary": html2plaintext(self.description or ""),
            },
        }
