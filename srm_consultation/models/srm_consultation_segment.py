# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

PRIORITIES = [("0", "Low"), ("1", "Medium"), ("2", "High"), ("3", "Critical")]


class SrmConsultationSegment(models.Model):
    """A target segment of a consultation: who must be heard, and how many of them."""

    _name = "srm.consultation.segment"
    _description = "Consultation Target Segment"
    _order = "consultation_id, priority desc, sequence, id"
    _rec_name = "segment_id"

    consultation_id = fields.Many2one(
        "srm.consultation", required=True, index=True, ondelete="cascade"
    )
    segment_id = fields.Many2one("srm.segment", required=True, index=True)
    sequence = fields.Integer(default=10)
    priority = fields.Selection(
        PRIORITIES,
        compute="_compute_priority",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
        help="Rank of the segment in this campaign: a stakeholder belonging to several "
        "target segments counts for the one of highest priority.",
    )
    quota = fields.Integer(
        default=20, required=True, help="Number of respondents to hear in this segment."
    )
    user_input_ids = fields.One2many(
        "survey.user_input", "srm_consultation_segment_id", string="Answers"
    )
    respondent_count = fields.Integer(
        string="Respondents",
        compute="_compute_respondent_count",
        store=True,
        help="Completed questionnaires and interviews counted for this segment.",
    )
    progress = fields.Float(
        compute="_compute_progress",
        store=True,
        aggregator="avg",
        help="Respondents against the quota, in percent.",
    )
    under_represented = fields.Boolean(
        compute="_compute_under_represented",
        store=True,
        index=True,
        help="The quota is not met and the segment lags behind the campaign as a whole "
        "(or the campaign is over).",
    )
    invited_count = fields.Integer(string="Invited", compute="_compute_invited_count")
    pool_count = fields.Integer(
        string="Stakeholders",
        compute="_compute_pool_count",
        help="Stakeholders of the project in this segment.",
    )
    company_id = fields.Many2one(related="consultation_id.company_id", store=True, index=True)
    state = fields.Selection(related="consultation_id.state")

    @api.depends("segment_id")
    def _compute_priority(self):
        for line in self:
            line.priority = line.segment_id.priority or line.priority or "1"

    def _srm_count_answers(self, domain):
        """Answers (test entries left out) of each segment line matching ``domain``."""
        if not self.ids:
            return {}
        return dict(
            self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [("srm_consultation_segment_id", "in", self.ids), ("test_entry", "=", False), *domain],
                ["srm_consultation_segment_id"],
                ["__count"],
            )
        )

    @api.depends("user_input_ids.state", "user_input_ids.test_entry")
    def _compute_respondent_count(self):
        data = self._srm_count_answers([("state", "=", "done")])
        for line in self:
            line.respondent_count = data.get(line, 0) if line.id else 0

    @api.depends("respondent_count", "quota")
    def _compute_progress(self):
        for line in self:
            line.progress = 100.0 * line.respondent_count / line.quota if line.quota > 0 else 0.0

    @api.depends("progress", "respondent_count", "quota", "consultation_id.progress", "consultation_id.state")
    def _compute_under_represented(self):
        for line in self:
            if line.quota <= 0 or line.respondent_count >= line.quota:
                line.under_represented = False
            elif line.consultation_id.state in ("closed", "reported"):
                line.under_represented = True
            else:
                line.under_represented = line.progress < line.consultation_id.progress

    def _compute_invited_count(self):
        data = self._srm_count_answers([])
        for line in self:
            line.invited_count = data.get(line, 0)

    def _compute_pool_count(self):
        segments = self.segment_id
        projects = self.consultation_id.project_id
        counts = {}
        if segments and projects:
            counts = {
                (segment, project): count
                for segment, project, count in self.env["res.partner"]._read_group(
                    [
                        ("is_stakeholder", "=", True),
                        ("srm_segment_ids", "in", segments.ids),
                        ("srm_project_ids", "in", projects.ids),
                    ],
                    ["srm_segment_ids", "srm_project_ids"],
                    ["__count"],
                )
            }
        for line in self:
            line.pool_count = counts.get((line.segment_id, line.consultation_id.project_id), 0)

    @api.constrains("quota")
    def _check_quota(self):
        for line in self:
            if line.quota <= 0:
                raise ValidationError(
                    self.env._(
                        "The quota of the segment “%(segment)s” must be greater than zero "
                        "(got %(quota)s): it is the number of people to hear in that segment.",
                        segment=line.segment_id.display_name,
                        quota=line.quota,
                    )
                )

    @api.constrains("segment_id", "consultation_id")
    def _check_unique_segment(self):
        for consultation in self.consultation_id:
            segments = consultation.segment_ids.segment_id
            if len(segments) != len(consultation.segment_ids):
                raise ValidationError(
                    self.env._(
                        "A segment can be targeted only once by the consultation “%s”.",
                        consultation.display_name,
                    )
                )

    def unlink(self):
        answered = self.filtered("respondent_count")
        if answered:
            raise UserError(
                self.env._(
                    "The segments %s already have respondents and cannot be removed from "
                    "their consultation.",
                    ", ".join(answered.mapped("segment_id.display_name")),
                )
            )
        return super().unlink()
