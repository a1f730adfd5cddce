# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .srm_consultation import CHANNELS


class SurveyUserInput(models.Model):
    """An answer to a consultation's questionnaire: an online answer or an interview."""

    _inherit = "survey.user_input"

    srm_consultation_id = fields.Many2one(
        "srm.consultation", string="Consultation", index="btree_not_null", ondelete="cascade", readonly=True
    )
    srm_consultation_segment_id = fields.Many2one(
        "srm.consultation.segment",
        string="Target Segment Line",
        index="btree_not_null",
        ondelete="set null",
    )
    srm_segment_id = fields.Many2one(
        related="srm_consultation_segment_id.segment_id", string="Segment", store=True, index="btree_not_null"
    )
    srm_channel = fields.Selection(CHANNELS, string="Channel")
    srm_is_confidential = fields.Boolean(
        string="Confidential Respondent",
        compute="_compute_srm_is_confidential",
        store=True,
        readonly=False,
        index=True,
        help="Only users with Confidential access see this answer and its respondent.",
    )
    srm_answer_date = fields.Datetime(
        string="Answered On", help="Date of the interview, or of the online answer."
    )
    srm_interviewer_id = fields.Many2one("res.users", string="Interviewer")
    srm_engagement_id = fields.Many2one(
        "srm.engagement", string="Engagement", readonly=True, copy=False, index="btree_not_null", ondelete="set null"
    )
    srm_last_contact_date = fields.Datetime(
        string="Last Invitation or Reminder", readonly=True, copy=False
    )
    srm_reminder_count = fields.Integer(string="Reminders", readonly=True, copy=False)
    srm_survey_url = fields.Char(string="Personal Link", compute="_compute_srm_survey_url")

    @api.depends("srm_consultation_id.is_confidential")
    def _compute_srm_is_confidential(self):
        for answer in self:
            answer.srm_is_confidential = answer.srm_consultation_id.is_confidential or answer.srm_is_confidential

    def _compute_srm_survey_url(self):
        base_url = self.get_base_url() if self else ""
        for answer in self:
            answer.srm_survey_url = (
                base_url + answer.sudo().get_start_url()
                if answer.srm_consultation_id and answer.state != "done"
                else False
            )

    # ------------------------------------------------------------------
    # Completion: each answer of a consultation is an interview engagement
    # ------------------------------------------------------------------

    def _mark_done(self):
        res = super()._mark_done()
        self._srm_log_interviews()
        return res

    def _srm_engagement_summary(self):
        """The answers as text, for the engagement's summary."""
        self.ensure_one()
        lines = []
        for question, question_lines in self.user_input_line_ids.filtered(
            lambda line: not line.skipped
        ).grouped("question_id").items():
            values = ", ".join(
                line.value_text_box if line.answer_type == "text_box" else str(line.display_name)
                for line in question_lines
                if line.display_name
            )
            lines.append(f"{question.title}: {values}")
        return "\n".join(lines)

    def _srm_log_interviews(self):
        """Log each completed consultation answer as an interview engagement, once."""
        to_log = self.sudo().filtered(
            lambda a: a.srm_consultation_id and a.partner_id and not a.test_entry and not a.srm_engagement_id
        )
        if not to_log:
            return self.env["srm.engagement"]
        interview = self.env.ref("srm_base.srm_engagement_type_interview")
        channel_names = dict(self._fields["srm_channel"]._description_selection(self.env))
        vals_list = []
        for answer in to_log:
            consultation = answer.srm_consultation_id
            # the interviewer, else the owner of the consultation, who may read the engagement
            # (a confidential answer, one of them project-restricted or of another company)
            interview_values = {
                "project_id": consultation.project_id.id,
                "company_id": consultation.company_id.id,
                "is_confidential": answer.srm_is_confidential,
            }
            new_engagement = self.env["srm.engagement"].new(interview_values)
            interviewer = next(
                (
                    user
                    for user in (answer.srm_interviewer_id, consultation.user_id)
                    if user and new_engagement._srm_new_readable_by(user)
                ),
                self.env["res.users"],
            )
            date = answer.srm_answer_date or answer.end_datetime or fields.Datetime.now()
            if not answer.srm_answer_date:
                answer.srm_answer_date = date
            vals_list.append(
                {
                    "name": self.env._("Interview: %s", consultation.name),
                    "engagement_type_id": interview.id,
                    "date": date,
                    "direction": "inbound" if answer.srm_channel in (False, "online") else "mutual",
                    "location": channel_names.get(answer.srm_channel) or False,
                    "project_id": consultation.project_id.id,
                    "company_id": consultation.company_id.id,
                    "partner_ids": [(6, 0, answer.partner_id.ids)],
                    "user_id": interviewer.id or False,
                    "iap2_level": consultation.iap2_level,
                    "summary": answer._srm_engagement_summary(),
                    "is_confidential": answer.srm_is_confidential,
                    "consultation_id": consultation.id,
                }
            )
        engagements = self.env["srm.engagement"].sudo().with_context(mail_create_nosubscribe=True).create(vals_list)
        for answer, engagement in zip(to_log, engagements, strict=True):
            answer.srm_engagement_id = engagement
        return engagements

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_srm_record_interview(self):
        """Fill this stakeholder's questionnaire from the backend (in person, by phone)."""
        self.ensure_one()
        if not self.srm_consultation_id:
            raise UserError(self.env._("This answer does not belong to a consultation."))
        if self.state == "done":
            raise UserError(
                self.env._("%s has already answered this questionnaire.", self.partner_id.display_name)
            )
        action = self.srm_consultation_id.action_open_interview_wizard()
        action["context"] = dict(
            action["context"],
            default_partner_id=self.partner_id.id,
            default_user_input_id=self.id,
        )
        return action

    def action_srm_open_engagement(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "srm.engagement",
            "res_id": self.srm_engagement_id.id,
            "view_mode": "form",
        }
