# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class SurveySurvey(models.Model):
    """Questionnaires used by consultations; one questionnaire can serve several campaigns."""

    _name = "survey.survey"
    _inherit = ["survey.survey", "srm.link.search.mixin"]

    srm_consultation_ids = fields.One2many("srm.consultation", "survey_id", string="Consultations")
    srm_consultation_count = fields.Integer(
        string="Consultation Count", compute="_compute_srm_consultation_count"
    )

    @api.model
    def _srm_searched_link_fields(self):
        # its consultations: a confidential one, or another project's, is not every reader's
        return (*super()._srm_searched_link_fields(), "srm_consultation_ids")

    def _compute_srm_consultation_count(self):
        data = dict(
            self.env["srm.consultation"]._read_group(
                [("survey_id", "in", self.ids)], ["survey_id"], ["__count"]
            )
        ) if self.env["srm.consultation"].has_access("read") else {}
        for survey in self:
            survey.srm_consultation_count = data.get(survey, 0)

    def action_srm_view_consultations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_consultation.srm_consultation_action")
        action["domain"] = [("survey_id", "=", self.id)]
        action["context"] = {"default_survey_id": self.id}
        return action
