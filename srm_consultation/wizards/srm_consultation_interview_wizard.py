# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError

# question types the backend interview form can record
SUPPORTED_TYPES = (
    "simple_choice",
    "multiple_choice",
    "text_box",
    "char_box",
    "numerical_box",
    "scale",
    "date",
    "datetime",
)


class SrmConsultationInterviewWizard(models.TransientModel):
    """Fill a consultation's questionnaire on behalf of a stakeholder met in person or by phone."""

    _name = "srm.consultation.interview.wizard"
    _description = "Record a Consultation Interview"

    consultation_id = fields.Many2one("srm.consultation", required=True, ondelete="cascade")
    survey_id = fields.Many2one(related="consultation_id.survey_id")
    partner_id = fields.Many2one(
        "res.partner",
        string="Stakeholder",
        required=True,
        domain="[('is_stakeholder', '=', True)]",
    )
    user_input_id = fields.Many2one(
        "survey.user_input",
        string="Invitation",
        compute="_compute_user_input_id",
        store=True,
        readonly=False,
    )
    segment_line_id = fields.Many2one(
        "srm.consultation.segment",
        string="Counts for Segment",
        compute="_compute_segment_line_id",
        store=True,
        readonly=False,
        domain="[('consultation_id', '=', consultation_id)]",
    )
    channel = fields.Selection(
        [("in_person", "In person"), ("phone", "Phone"), ("video", "Video call")],
        default="in_person",
        required=True,
    )
    date = fields.Datetime(string="Interview Date", default=fields.Datetime.now, required=True)
    interviewer_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, required=True,
        domain="[('share', '=', False)]",
    )
    is_confidential = fields.Boolean(
        string="Confidential",
        help="The respondent asked that their identity and answers be seen only by users "
        "with Confidential access.",
    )
    needs_consent = fields.Boolean(compute="_compute_needs_consent")
    consent_given = fields.Boolean(
        string="Consent Recorded at the Interview",
        help="The stakeholder agreed to take part and to be contacted about this consultation.",
    )
    line_ids = fields.One2many(
        "srm.consultation.interview.line",
        "wizard_id",
        string="Answers",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
    )

    @api.depends("consultation_id", "partner_id")
    def _compute_user_input_id(self):
        for wizard in self:
            pending = wizard.consultation_id.sudo().user_input_ids.filtered(
                lambda a, wizard=wizard: (
                    a.partner_id == wizard.partner_id._origin and a.state != "done" and not a.test_entry
                )
            )
            wizard.user_input_id = pending[:1]

    @api.depends("consultation_id", "partner_id")
    def _compute_segment_line_id(self):
        for wizard in self:
            if wizard.user_input_id.srm_consultation_segment_id:
                wizard.segment_line_id = wizard.user_input_id.srm_consultation_segment_id
            elif wizard.consultation_id and wizard.partner_id:
                lines = wizard.consultation_id._srm_segment_lines_for(wizard.partner_id)
                wizard.segment_line_id = lines.get(wizard.partner_id._origin.id, False)
            else:
                wizard.segment_line_id = False

    @api.depends("consultation_id", "partner_id")
    def _compute_needs_consent(self):
        for wizard in self:
            wizard.needs_consent = bool(
                wizard.consultation_id.consent_required
                and wizard.partner_id
                and not wizard.consultation_id._srm_has_contact_basis(wizard.partner_id._origin)
            )

    @api.depends("consultation_id")
    def _compute_line_ids(self):
        for wizard in self:
            questions = wizard.consultation_id.survey_id.sudo().question_ids
            wizard.line_ids = [Command.clear()] + [
                Command.create({"question_id": question.id, "sequence": index})
                for index, question in enumerate(questions)
            ]

    def _srm_check(self):
        self.ensure_one()
        consultation = self.consultation_id
        consultation.check_access("write")
        consultation._srm_check_open()
        self.partner_id._srm_check_contactable()
        # the invitation, segment and questions are the consultation's own, for this
        # stakeholder: the answer is written as superuser, and a client may send any ids
        # sudo: the invitation is compared with the campaign's (write access checked above)
        answer = self.user_input_id.sudo()
        if (
            (answer and (answer not in consultation.sudo().user_input_ids or answer.partner_id != self.partner_id))
            or (self.segment_line_id and self.segment_line_id.consultation_id != consultation)
            or self.line_ids.question_id - consultation.survey_id.sudo().question_ids
        ):
            raise UserError(
                self.env._(
                    "The invitation, segment or questions given are not those of %(name)s in the "
                    "consultation “%(consultation)s”.",
                    name=self.partner_id.display_name,
                    consultation=consultation.name,
                )
            )
        done = consultation.sudo().user_input_ids.filtered(
            lambda a: a.partner_id == self.partner_id and a.state == "done" and not a.test_entry
        )
        if done:
            raise UserError(
                self.env._(
                    "%(name)s already answered the consultation “%(consultation)s”.",
                    name=self.partner_id.display_name,
                    consultation=consultation.name,
                )
            )
        if self.needs_consent and not self.consent_given:
            raise UserError(
                self.env._(
                    "%s has not consented to be contacted. Ask for their consent at the start of "
                    "the interview and tick “Consent Recorded at the Interview”.",
                    self.partner_id.display_name,
                )
            )
        if not self.segment_line_id:
            raise UserError(
                self.env._(
                    "Choose the target segment %s counts for.", self.partner_id.display_name
                )
            )
        missing = self.line_ids.filtered(lambda line: line.is_mandatory and not line._srm_has_answer())
        if missing:
            raise UserError(
                self.env._(
                    "These questions need an answer:\n%s",
                    "\n".join(missing.question_id.mapped("title")),
                )
            )
        for line in self.line_ids:
            line._srm_check_value()

    def _srm_record(self):
        """Save the interview as a completed answer; its engagement follows."""
        self._srm_check()
        consultation = self.consultation_id
        if self.consent_given and self.needs_consent:
            self.partner_id.write(
                {
                    "srm_consent": True,
                    "srm_consent_date": fields.Date.context_today(self),
                    "srm_consent_basis": "consent",
                }
            )
        answer = self.user_input_id.sudo()
        if not answer:
            answer = consultation.survey_id.sudo()._create_answer(
                partner=self.partner_id,
                check_attempts=False,
                invite_token=self.env["survey.user_input"]._generate_invite_token(),
                srm_consultation_id=consultation.id,
            )
        answer.write(
            {
                "srm_channel": self.channel,
                "srm_consultation_segment_id": self.segment_line_id.id,
                # an answer once confidential stays so
                "srm_is_confidential": answer.srm_is_confidential
                or self.is_confidential
                or consultation.is_confidential,
                "srm_answer_date": self.date,
                "srm_interviewer_id": self.interviewer_id.id,
                "deadline": False,
            }
        )
        if answer.state == "new":
            answer._mark_in_progress()
        for line in self.line_ids.filtered(lambda line: line.question_type in SUPPORTED_TYPES):
            answer._save_lines(line.question_id, line._srm_answer_value())
        answer._mark_done()
        return answer

    def action_save(self):
        answer = self._srm_record()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": self.env._("Interview of %s recorded.", answer.partner_id.display_name),
                "type": "success",
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def action_save_and_new(self):
        self._srm_record()
        return self.consultation_id.action_open_interview_wizard()


class SrmConsultationInterviewLine(models.TransientModel):
    _name = "srm.consultation.interview.line"
    _description = "Answer to one question of an interview"
    _order = "sequence, id"

    wizard_id = fields.Many2one("srm.consultation.interview.wizard", required=True, ondelete="cascade")
    sequence = fields.Integer()
    question_id = fields.Many2one("survey.question", required=True)
    question_type = fields.Selection(related="question_id.question_type")
    is_mandatory = fields.Boolean(related="question_id.constr_mandatory")
    is_supported = fields.Boolean(compute="_compute_is_supported")
    suggested_answer_id = fields.Many2one(
        "survey.question.answer", string="Choice", domain="[('question_id', '=', question_id)]"
    )
    suggested_answer_ids = fields.Many2many(
        "survey.question.answer",
        "srm_consultation_interview_line_answer_rel",
        "line_id",
        "answer_id",
        string="Choices",
        domain="[('question_id', '=', question_id)]",
    )
    value_text = fields.Text(string="Answer")
    value_number = fields.Float(string="Number")
    value_date = fields.Date(string="Date")
    value_datetime = fields.Datetime(string="Date and Time")

    @api.depends("question_type")
    def _compute_is_supported(self):
        for line in self:
            line.is_supported = line.question_type in SUPPORTED_TYPES

    def _srm_has_answer(self):
        self.ensure_one()
        kind = self.question_type
        if kind == "simple_choice":
            return bool(self.suggested_answer_id)
        if kind == "multiple_choice":
            return bool(self.suggested_answer_ids)
        if kind in ("text_box", "char_box"):
            return bool((self.value_text or "").strip())
        if kind == "numerical_box":
            return True
        if kind == "scale":
            return bool(self.value_number)
        if kind == "date":
            return bool(self.value_date)
        if kind == "datetime":
            return bool(self.value_datetime)
        return True

    def _srm_check_value(self):
        self.ensure_one()
        question = self.question_id.sudo()
        if self.question_type == "scale" and self.value_number and not (
            question.scale_min <= self.value_number <= question.scale_max
        ):
            raise UserError(
                self.env._(
                    "The answer to “%(question)s” must be between %(min)s and %(max)s.",
                    question=question.title,
                    min=question.scale_min,
                    max=question.scale_max,
                )
            )

    def _srm_answer_value(self):
        """The answer in the shape ``survey.user_input._save_lines`` expects."""
        self.ensure_one()
        kind = self.question_type
        if kind == "simple_choice":
            return self.suggested_answer_id.id or False
        if kind == "multiple_choice":
            return self.suggested_answer_ids.ids
        if kind in ("text_box", "char_box"):
            return (self.value_text or "").strip()
        if kind == "numerical_box":
            return self.value_number
        if kind == "scale":
            return int(self.value_number)
        if kind == "date":
            return self.value_date or False
        if kind == "datetime":
            return self.value_datetime or False
        return False
