# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL

from .srm_consultation import CHANNELS


class SrmConsultationAnswerReport(models.Model):
    """One row per choice made in a completed consultation answer, for tables and charts."""

    _name = "srm.consultation.answer.report"
    _description = "Consultation Answers Analysis"
    _auto = False
    _order = "consultation_id, question_sequence, answer_sequence"
    _rec_name = "answer_id"
    # fields read by the view: flushed before it is queried
    _depends = {
        "survey.user_input": [
            "srm_consultation_id", "srm_is_confidential", "srm_segment_id", "partner_id", "srm_channel",
            "srm_answer_date", "end_datetime", "state", "test_entry",
        ],
        "survey.user_input.line": [
            "user_input_id", "question_id", "suggested_answer_id", "answer_type", "matrix_row_id", "skipped",
        ],
        "srm.consultation": ["project_id", "company_id"],
        "survey.question": ["sequence"],
        "survey.question.answer": ["sequence"],
    }

    consultation_id = fields.Many2one("srm.consultation", readonly=True)
    project_id = fields.Many2one("srm.project", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    is_confidential = fields.Boolean(string="Confidential", readonly=True)
    segment_id = fields.Many2one("srm.segment", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Respondent", readonly=True)
    user_input_id = fields.Many2one("survey.user_input", string="Answer", readonly=True)
    question_id = fields.Many2one("survey.question", readonly=True)
    question_sequence = fields.Integer(readonly=True)
    answer_id = fields.Many2one("survey.question.answer", string="Choice", readonly=True)
    answer_sequence = fields.Integer(readonly=True)
    channel = fields.Selection(CHANNELS, readonly=True)
    date = fields.Date(string="Answered On", readonly=True)

    def _query(self):
        return SQL(
            """
            SELECT line.id AS id,
                   answer.srm_consultation_id AS consultation_id,
                   consultation.project_id AS project_id,
                   consultation.company_id AS company_id,
                   COALESCE(answer.srm_is_confidential, FALSE) AS is_confidential,
                   answer.srm_segment_id AS segment_id,
                   answer.partner_id AS partner_id,
                   answer.id AS user_input_id,
                   line.question_id AS question_id,
                   question.sequence AS question_sequence,
                   line.suggested_answer_id AS answer_id,
                   choice.sequence AS answer_sequence,
                   answer.srm_channel AS channel,
                   COALESCE(answer.srm_answer_date, answer.end_datetime)::date AS date
              FROM survey_user_input_line line
              JOIN survey_user_input answer ON answer.id = line.user_input_id
              JOIN srm_consultation consultation ON consultation.id = answer.srm_consultation_id
              JOIN survey_question question ON question.id = line.question_id
              JOIN survey_question_answer choice ON choice.id = line.suggested_answer_id
             WHERE answer.state = 'done'
               AND NOT COALESCE(answer.test_entry, FALSE)
               AND line.answer_type = 'suggestion'
               AND line.matrix_row_id IS NULL
               AND NOT COALESCE(line.skipped, FALSE)
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query()))
