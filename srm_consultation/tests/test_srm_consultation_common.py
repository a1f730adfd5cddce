# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import Form, TransactionCase, new_test_user


class SrmConsultationCase(TransactionCase):
    """A project, three segments, stakeholders in every situation, a questionnaire
    and an open consultation targeting two of the segments."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, mail_create_nolog=True))
        cls.project = cls.env["srm.project"].create({"name": "Consultation Mine", "code": "CONS-MINE"})
        cls.other_project = cls.env["srm.project"].create({"name": "Other Road", "code": "CONS-ROAD"})
        Segment = cls.env["srm.segment"]
        cls.seg_water = Segment.create({"name": "Test water users", "priority": "3"})
        cls.seg_dust = Segment.create({"name": "Test road neighbours", "priority": "2"})
        cls.seg_jobs = Segment.create({"name": "Test job seekers", "priority": "1"})
        cls.type_individual = cls.env.ref("srm_base.srm_stakeholder_type_individual")
        cls.type_landowner = cls.env.ref("srm_base.srm_stakeholder_type_landowner")

        def stakeholder(name, segments, **values):
            vals = {
                "name": name,
                "is_stakeholder": True,
                "stakeholder_type_id": cls.type_individual.id,
                "srm_segment_ids": [Command.set([s.id for s in segments])],
                "srm_project_ids": [Command.set(cls.project.ids)],
                "email": f"{name.lower().replace(' ', '.')}@example.com",
                "srm_consent": True,
            }
            vals.update(values)
            return cls.env["res.partner"].create(vals)

        cls.ana = stakeholder("Ana Water", [cls.seg_water])
        cls.ben = stakeholder("Ben Water", [cls.seg_water, cls.seg_dust])
        cls.carla = stakeholder("Carla Water", [cls.seg_water], stakeholder_type_id=cls.type_landowner.id)
        cls.dan = stakeholder("Dan Dust", [cls.seg_dust])
        cls.eva = stakeholder("Eva Dust", [cls.seg_dust])
        cls.no_consent = stakeholder("Nico Noconsent", [cls.seg_water], srm_consent=False)
        cls.no_email = stakeholder("Olga Noemail", [cls.seg_water], email=False)
        cls.do_not_contact = stakeholder(
            "Pedro Donotcontact", [cls.seg_water], srm_consent=False, srm_do_not_contact=True
        )
        cls.outsider = stakeholder("Quentin Outsider", [cls.seg_jobs])

        cls.survey = cls.env["survey.survey"].create({
            "title": "Test interview guide",
            "survey_type": "survey",
            "access_mode": "token",
            "questions_layout": "one_page",
            "question_and_page_ids": [
                Command.create({
                    "title": "Are you worried about water?",
                    "question_type": "simple_choice",
                    "constr_mandatory": True,
                    "sequence": 1,
                    "suggested_answer_ids": [
                        Command.create({"value": "Yes", "sequence": 1}),
                        Command.create({"value": "No", "sequence": 2}),
                    ],
                }),
                Command.create({
                    "title": "What matters to you?",
                    "question_type": "multiple_choice",
                    "sequence": 2,
                    "suggested_answer_ids": [
                        Command.create({"value": "Water", "sequence": 1}),
                        Command.create({"value": "Dust", "sequence": 2}),
                        Command.create({"value": "Jobs", "sequence": 3}),
                    ],
                }),
                Command.create({
                    "title": "What should the project do differently?",
                    "question_type": "text_box",
                    "sequence": 3,
                }),
            ],
        })
        cls.q_worried, cls.q_matters, cls.q_text = cls.survey.question_ids.sorted("sequence")
        cls.yes, cls.no = cls.q_worried.suggested_answer_ids.sorted("sequence")
        cls.c_water, cls.c_dust, cls.c_jobs = cls.q_matters.suggested_answer_ids.sorted("sequence")

        cls.user = new_test_user(
            cls.env, login="cons_user", groups="srm_base.group_srm_user", name="Cons User",
            email="cons_user@example.com",
        )
        cls.manager = new_test_user(
            cls.env, login="cons_manager", groups="srm_base.group_srm_manager", name="Cons Manager",
            email="cons_manager@example.com",
        )
        cls.restricted = new_test_user(
            cls.env, login="cons_restricted", groups="srm_base.group_srm_restricted", name="Cons Restricted",
            email="cons_restricted@example.com",
        )
        cls.auditor = new_test_user(
            cls.env, login="cons_auditor", groups="srm_base.group_srm_auditor", name="Cons Auditor",
            email="cons_auditor@example.com",
        )
        cls.project.member_ids = [Command.link(cls.restricted.id)]

        cls.consultation = cls.env["srm.consultation"].create({
            "name": "Test water and dust consultation",
            "project_id": cls.project.id,
            "user_id": cls.manager.id,
            "survey_id": cls.survey.id,
            "segment_ids": [
                Command.create({"segment_id": cls.seg_water.id, "quota": 2}),
                Command.create({"segment_id": cls.seg_dust.id, "quota": 2}),
            ],
        })
        cls.consultation.action_open()
        cls.line_water = cls.consultation.segment_ids.filtered(lambda line: line.segment_id == cls.seg_water)
        cls.line_dust = cls.consultation.segment_ids.filtered(lambda line: line.segment_id == cls.seg_dust)

    def interview(self, partner, worried=None, matters=(), text="", consultation=None, user=None, **values):
        """Record an interview through the backend form, as an interviewer would."""
        consultation = consultation or self.consultation
        env = self.env(user=user) if user else self.env
        wizard_form = Form(
            env["srm.consultation.interview.wizard"].with_context(default_consultation_id=consultation.id)
        )
        wizard_form.partner_id = partner.with_env(env)
        for fname, value in values.items():
            setattr(wizard_form, fname, value)
        for index in range(len(wizard_form.line_ids)):
            with wizard_form.line_ids.edit(index) as line:
                question = line.question_id
                if question == self.q_worried and worried:
                    line.suggested_answer_id = worried.with_env(env)
                elif question == self.q_matters:
                    for choice in matters:
                        line.suggested_answer_ids.add(choice.with_env(env))
                elif question == self.q_text:
                    line.value_text = text
        wizard = wizard_form.save()
        return wizard._srm_record()
