# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestSrmConsultationTour(HttpCase):
    def test_what_we_heard_pdf(self):
        """The "What we heard" report prints as a real PDF (wkhtmltopdf fetches the
        report's styles from the running server, hence an HTTP test)."""
        Report = self.env["ir.actions.report"]
        if Report.get_wkhtmltopdf_state() != "ok":
            self.skipTest("wkhtmltopdf is not installed")
        project = self.env["srm.project"].create({"name": "PDF Consultation Mine", "code": "PDF-CONS"})
        consultation = self.env["srm.consultation"].create({"name": "PDF consultation", "project_id": project.id})
        # wkhtmltopdf's own console chatter is logged as warnings
        with mute_logger("odoo.addons.base.models.ir_actions_report"):
            pdf, kind = Report.with_context(force_report_rendering=True)._render_qweb_pdf(
                "srm_consultation.srm_consultation_what_we_heard_report", consultation.ids
            )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_record_interview_in_person(self):
        project = self.env["srm.project"].create({"name": "Tour Consultation Mine", "code": "TOUR-CONS"})
        segment = self.env["srm.segment"].create({"name": "Tour water users"})
        stakeholder = self.env["res.partner"].create({
            "name": "Tour Respondent Ñusta",
            "is_stakeholder": True,
            "srm_consent": True,
            "srm_segment_ids": [Command.set(segment.ids)],
            "srm_project_ids": [Command.set(project.ids)],
        })
        survey = self.env["survey.survey"].create({
            "title": "Tour interview guide",
            "access_mode": "token",
            "question_and_page_ids": [
                Command.create({
                    "title": "Tour: are you worried about water?",
                    "question_type": "simple_choice",
                    "constr_mandatory": True,
                    "sequence": 1,
                    "suggested_answer_ids": [
                        Command.create({"value": "Very worried", "sequence": 1}),
                        Command.create({"value": "Not worried", "sequence": 2}),
                    ],
                }),
                Command.create({
                    "title": "Tour: what should change?",
                    "question_type": "text_box",
                    "sequence": 2,
                }),
            ],
        })
        consultation = self.env["srm.consultation"].create({
            "name": "Tour consultation",
            "project_id": project.id,
            "survey_id": survey.id,
            "segment_ids": [Command.create({"segment_id": segment.id, "quota": 3})],
        })
        consultation.action_open()

        self.start_tour(
            f"/odoo/action-srm_consultation.srm_consultation_action/{consultation.id}",
            "srm_consultation_interview_tour",
            login="admin",
        )

        answer = consultation.user_input_ids
        self.assertEqual(answer.partner_id, stakeholder)
        self.assertEqual(answer.state, "done")
        self.assertEqual(answer.srm_channel, "in_person")
        chosen = answer.user_input_line_ids.filtered(lambda line: line.answer_type == "suggestion").suggested_answer_id
        self.assertEqual(chosen.value, "Very worried")
        text = answer.user_input_line_ids.filtered(lambda line: line.answer_type == "text_box").value_text_box
        self.assertEqual(text, "Publish the well data every month.")
        engagement = answer.srm_engagement_id
        self.assertEqual(engagement.engagement_type_id, self.env.ref("srm_base.srm_engagement_type_interview"))
        self.assertEqual(engagement.partner_ids, stakeholder)
        self.assertEqual(engagement.consultation_id, consultation)
        self.assertEqual(engagement.user_id, self.env.ref("base.user_admin"))
        self.assertEqual(consultation.segment_ids.respondent_count, 1)
