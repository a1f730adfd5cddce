# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .test_srm_consultation_common import SrmConsultationCase


@tagged("post_install", "-at_install")
class TestSrmConsultationCampaign(SrmConsultationCase):
    """Planning a campaign: quotas, progress, status."""

    def test_quota_must_be_positive(self):
        with self.assertRaisesRegex(ValidationError, "must be greater than zero"):
            self.consultation.segment_ids = [Command.create({"segment_id": self.seg_jobs.id, "quota": 0})]
        with self.assertRaisesRegex(ValidationError, "Test job seekers"):
            self.env["srm.consultation"].create({
                "name": "Negative quota",
                "project_id": self.project.id,
                "segment_ids": [Command.create({"segment_id": self.seg_jobs.id, "quota": -3})],
            })

    def test_segment_targeted_once(self):
        with self.assertRaisesRegex(ValidationError, "only once"):
            self.consultation.segment_ids = [Command.create({"segment_id": self.seg_water.id, "quota": 5})]

    def test_open_needs_questionnaire_and_segments(self):
        draft = self.env["srm.consultation"].create({"name": "Draft", "project_id": self.project.id})
        with self.assertRaisesRegex(UserError, "questionnaire"):
            draft.action_open()
        draft.survey_id = self.survey
        with self.assertRaisesRegex(UserError, "target segment"):
            draft.action_open()
        draft.segment_ids = [Command.create({"segment_id": self.seg_jobs.id, "quota": 10})]
        draft.action_open()
        self.assertEqual(draft.state, "open")
        self.assertEqual(draft.iap2_level, "consult")
        self.assertIn("tell you how your input influenced the decision", draft.iap2_promise)

    def test_close_without_answer_is_refused(self):
        with self.assertRaisesRegex(UserError, "no answer yet"):
            self.consultation.action_close()
        self.assertEqual(self.consultation.state, "open")

    def test_quotas_progress_and_under_represented_segments(self):
        self.assertEqual(self.consultation.quota_total, 4)
        self.assertFalse(self.consultation.segment_ids.filtered("under_represented"), "nobody heard yet")
        self.assertEqual(self.line_water.pool_count, 6, "stakeholders of the project in the water segment")
        self.interview(self.ana, self.yes)
        self.interview(self.carla, self.no)
        # Ben is in both segments: he counts for the water segment, of higher priority
        self.interview(self.ben, self.yes)
        self.assertEqual(self.line_water.respondent_count, 3)
        self.assertAlmostEqual(self.line_water.progress, 150.0)
        self.assertEqual(self.line_dust.respondent_count, 0)
        # respondents beyond the water quota do not make up for the dust segment
        self.assertAlmostEqual(self.consultation.progress, 50.0)
        self.assertTrue(self.line_dust.under_represented)
        self.assertFalse(self.line_water.under_represented)
        self.assertEqual(self.consultation.under_represented_count, 1)
        self.assertEqual(self.consultation.under_represented_names, "Test road neighbours")
        self.assertEqual(
            self.env["srm.consultation"].search(
                [("under_represented_count", ">", 0), ("id", "=", self.consultation.id)]
            ),
            self.consultation,
        )

        self.interview(self.dan, self.no)
        self.assertAlmostEqual(self.line_dust.progress, 50.0)
        self.assertAlmostEqual(self.consultation.progress, 75.0)
        self.assertTrue(self.line_dust.under_represented, "still behind the campaign as a whole")
        self.consultation.segment_ids.filtered(lambda line: line.segment_id == self.seg_dust).quota = 1
        self.assertFalse(self.line_dust.under_represented, "quota met")
        self.line_dust.quota = 2
        self.consultation.action_close()
        self.assertTrue(self.line_dust.under_represented, "quota missed when the campaign is over")
        with self.assertRaisesRegex(UserError, "not open"):
            self.interview(self.eva, self.no)
        self.consultation.action_mark_reported()
        self.assertEqual(self.consultation.state, "reported")

    def test_segment_with_respondents_cannot_be_removed(self):
        self.interview(self.ana, self.yes)
        with self.assertRaisesRegex(UserError, "already have respondents"):
            self.line_water.unlink()
        with self.assertRaisesRegex(UserError, "archive them"):
            self.consultation.unlink()

    def test_period_and_deadlines(self):
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self.consultation.write({"date_start": "2026-05-01", "date_end": "2026-04-01"})
        self.consultation.write({"date_start": "2026-04-01", "date_end": "2026-04-30"})
        answers, _skipped = self.consultation._srm_invite(self.ana)
        self.assertEqual(answers.deadline, datetime(2026, 4, 30, 23, 59, 59))
        self.consultation.date_end = "2026-05-15"
        self.assertEqual(answers.deadline, datetime(2026, 5, 15, 23, 59, 59), "extending the campaign extends the link")


@tagged("post_install", "-at_install")
class TestSrmConsultationInvitation(SrmConsultationCase):
    """Who can be invited, and reminded."""

    def _mails_to(self, partner):
        return self.env["mail.mail"].search([("recipient_ids", "in", partner.ids)])

    def test_invitation_wizard_skips_and_explains(self):
        wizard = Form(
            self.env["srm.consultation.invite.wizard"].with_user(self.user).with_context(
                default_consultation_id=self.consultation.id
            )
        )
        wizard.segment_ids.remove(self.seg_dust.id)
        self.assertEqual(
            set(wizard.partner_ids.ids),
            {p.id for p in (self.ana, self.ben, self.carla, self.no_consent, self.no_email, self.do_not_contact)},
        )
        self.assertEqual(wizard.invitable_count, 3)
        skipped = wizard.skipped_text
        self.assertIn("Pedro Donotcontact: asked not to be contacted", skipped)
        self.assertIn("Nico Noconsent: has not consented to be contacted", skipped)
        self.assertIn("Olga Noemail: has no email address", skipped)
        wizard.stakeholder_type_ids.add(self.type_landowner)
        self.assertEqual(wizard.partner_ids.ids, self.carla.ids, "selection by stakeholder type")
        wizard.stakeholder_type_ids.remove(self.type_landowner.id)
        record = wizard.save()
        result = record.action_invite()
        self.assertEqual(result["params"]["type"], "warning")
        self.assertIn("Pedro Donotcontact", result["params"]["message"])

        answers = self.consultation.user_input_ids
        self.assertEqual(answers.partner_id, self.ana | self.ben | self.carla)
        self.assertEqual(set(answers.mapped("srm_channel")), {"online"})
        self.assertEqual(answers.srm_consultation_segment_id, self.line_water, "Ben counts for the water segment")
        self.assertTrue(all(a.invite_token and a.srm_last_contact_date for a in answers))
        mail = self._mails_to(self.ana)
        self.assertEqual(len(mail), 1)
        ana_answer = answers.filtered(lambda a: a.partner_id == self.ana)
        self.assertIn(ana_answer.access_token, mail.body_html)
        self.assertIn(self.consultation.name, mail.subject)
        self.assertFalse(self._mails_to(self.do_not_contact))
        self.assertFalse(self._mails_to(self.no_consent))
        self.assertEqual(self.consultation.invited_count, 3)
        self.assertEqual(self.line_water.invited_count, 3)
        self.assertIn("Skipped", self.consultation.message_ids[0].body)

    def test_inviting_only_a_do_not_contact_stakeholder_is_refused(self):
        with self.assertRaisesRegex(UserError, "Pedro Donotcontact: asked not to be contacted"):
            self.consultation.with_user(self.user)._srm_invite(self.do_not_contact)
        self.assertFalse(self.consultation.user_input_ids)

    def test_already_invited_and_outside_segments_are_skipped(self):
        self.consultation._srm_invite(self.ana)
        answers, skipped = self.consultation._srm_invite(self.ana | self.dan | self.outsider)
        self.assertEqual(answers.partner_id, self.dan)
        reasons = {partner: reason for partner, reason in skipped}
        self.assertIn("already invited", reasons[self.ana])
        self.assertIn("none of the campaign's target segments", reasons[self.outsider])
        self.assertEqual(len(self._mails_to(self.ana)), 1, "no second invitation")

    def test_consent_not_required(self):
        self.consultation.consent_required = False
        answers, skipped = self.consultation._srm_invite(self.no_consent | self.do_not_contact)
        self.assertEqual(answers.partner_id, self.no_consent)
        self.assertEqual(skipped[0][0], self.do_not_contact, "do-not-contact is never overridden")

    def test_planned_interviews_do_not_need_email_or_prior_consent(self):
        answers, skipped = self.consultation._srm_invite(self.no_email | self.no_consent, channel="in_person")
        self.assertEqual(answers.partner_id, self.no_email | self.no_consent)
        self.assertFalse(skipped)
        self.assertFalse(self._mails_to(self.no_email | self.no_consent))

    def test_invitation_closed_campaign_refused(self):
        self.consultation.state = "planned"
        with self.assertRaisesRegex(UserError, "not open"):
            self.consultation.action_open_invite_wizard()

    def test_reminders_without_duplicates(self):
        self.consultation.write({"reminder_interval": 7, "reminder_max": 2})
        with freeze_time("2026-03-02 09:00:00"):
            self.consultation._srm_invite(self.ana | self.ben | self.dan)
            result = self.consultation.action_send_reminders()
            self.assertEqual(result["params"]["type"], "info", "invited today: nothing to remind")
        self.interview(self.dan, self.no)
        self.ben.write({"srm_consent": False, "srm_do_not_contact": True})
        with freeze_time("2026-03-03 10:00:00"):
            self.consultation.action_send_reminders()
            self.assertEqual(self.consultation.user_input_ids.filtered("srm_reminder_count").partner_id, self.ana)
            self.consultation.action_send_reminders()
            self.consultation._cron_srm_consultation_reminders()
        self.assertEqual(len(self._mails_to(self.ana)), 2, "invitation and one reminder")
        self.assertEqual(len(self._mails_to(self.ben)), 1, "no reminder after do-not-contact")
        self.assertEqual(len(self._mails_to(self.dan)), 1, "no reminder after answering")
        with freeze_time("2026-03-09 10:00:00"):
            self.consultation._cron_srm_consultation_reminders()
            self.assertEqual(len(self._mails_to(self.ana)), 2, "six days only since the last reminder")
        with freeze_time("2026-03-10 11:00:00"):
            self.consultation._cron_srm_consultation_reminders()
            self.assertEqual(len(self._mails_to(self.ana)), 3)
        with freeze_time("2026-03-30 11:00:00"):
            self.consultation._cron_srm_consultation_reminders()
        answer = self.consultation.user_input_ids.filtered(lambda a: a.partner_id == self.ana)
        self.assertEqual(answer.srm_reminder_count, 2)
        self.assertEqual(len(self._mails_to(self.ana)), 3, "at most two reminders from the daily job")


@tagged("post_install", "-at_install")
class TestSrmConsultationInterview(SrmConsultationCase):
    """Interviews and online answers are logged as engagements."""

    def test_interview_is_logged_as_engagement(self):
        date = datetime(2026, 2, 10, 15, 30)
        answer = self.interview(
            self.ana, self.yes, (self.c_water, self.c_jobs), "Monitor the wells with us.",
            user=self.user, channel="phone", date=date,
        )
        self.assertEqual(answer.state, "done")
        self.assertEqual(answer.srm_channel, "phone")
        self.assertEqual(answer.srm_interviewer_id, self.user)
        self.assertEqual(answer.srm_segment_id, self.seg_water)
        matters = answer.user_input_line_ids.filtered(lambda line: line.question_id == self.q_matters)
        self.assertEqual(matters.suggested_answer_id, self.c_water | self.c_jobs)
        engagement = answer.srm_engagement_id
        self.assertEqual(engagement.engagement_type_id, self.env.ref("srm_base.srm_engagement_type_interview"))
        self.assertEqual(engagement.partner_ids, self.ana)
        self.assertEqual(engagement.consultation_id, self.consultation)
        self.assertEqual(engagement.project_id, self.project)
        self.assertEqual(engagement.date, date)
        self.assertEqual(engagement.user_id, self.user)
        self.assertEqual(engagement.direction, "mutual")
        self.assertIn("Monitor the wells with us.", engagement.summary)
        self.assertIn("Are you worried about water?: Yes", engagement.summary)
        self.assertEqual(self.ana.srm_last_engagement_date, date)
        self.assertEqual(self.consultation.engagement_count, 1)
        self.assertEqual(self.consultation.respondent_count, 1)

    def test_online_answer_is_logged_as_engagement(self):
        answers, _skipped = self.consultation._srm_invite(self.dan)
        public = self.env.ref("base.public_user")
        # what the survey pages do for the respondent, through the answer token
        answer = answers.with_user(public).sudo()
        answer._save_lines(self.q_worried, self.no.id)
        answer._save_lines(self.q_text, "Water the road, please.")
        answer._mark_done()
        engagement = answer.srm_engagement_id
        self.assertEqual(engagement.partner_ids, self.dan)
        self.assertEqual(engagement.direction, "inbound")
        self.assertEqual(engagement.user_id, self.manager, "the campaign owner follows online answers")
        self.assertEqual(self.line_dust.respondent_count, 1)
        answer._mark_done()
        self.assertEqual(self.env["srm.engagement"].search_count([("consultation_id", "=", self.consultation.id)]), 1)

    def test_pending_invitation_recorded_as_interview(self):
        answers, _skipped = self.consultation._srm_invite(self.eva)
        action = answers.with_user(self.user).action_srm_record_interview()
        wizard = Form(self.env[action["res_model"]].with_user(self.user).with_context(**action["context"]))
        self.assertEqual(wizard.user_input_id, answers)
        self.assertEqual(wizard.segment_line_id, self.line_dust)
        answer = self.interview(self.eva, self.no)
        self.assertEqual(answer, answers, "the invitation is completed, not duplicated")
        self.assertEqual(answer.srm_channel, "in_person")
        with self.assertRaisesRegex(UserError, "already answered"):
            self.interview(self.eva, self.yes)

    def test_interview_refuses_do_not_contact_and_requires_consent(self):
        with self.assertRaisesRegex(UserError, "Pedro Donotcontact asked not to be contacted"):
            self.interview(self.do_not_contact, self.yes)
        with self.assertRaisesRegex(UserError, "Nico Noconsent has not consented"):
            self.interview(self.no_consent, self.yes)
        self.interview(self.no_consent, self.yes, consent_given=True)
        self.assertTrue(self.no_consent.srm_consent)
        self.assertEqual(self.no_consent.srm_consent_basis, "consent")

    def test_interview_needs_mandatory_answers(self):
        with self.assertRaisesRegex(UserError, "Are you worried about water"):
            self.interview(self.ana, None, (self.c_dust,))
        self.assertFalse(self.consultation.user_input_ids)

    def test_restricted_user_interviews_on_own_projects_only(self):
        answer = self.interview(self.carla, self.no, user=self.restricted)
        self.assertEqual(answer.srm_interviewer_id, self.restricted)
        Consultation = self.env["srm.consultation"].with_user(self.restricted)
        self.assertEqual(Consultation.search([("id", "=", self.consultation.id)]), self.consultation)
        self.project.member_ids = [Command.unlink(self.restricted.id)]
        self.assertFalse(Consultation.search([("id", "=", self.consultation.id)]))
        with self.assertRaises(AccessError):
            self.consultation.with_user(self.restricted).action_send_reminders()

    def test_interview_writes_only_its_own_answer(self):
        # Ana answered in confidence; Ben is interviewed by a user without Confidential access
        secret = self.interview(self.ana, self.yes, (self.c_water,), "Pay me and I sign.", is_confidential=True)
        self.assertTrue(secret.srm_is_confidential)
        other = self.env["srm.consultation"].create(
            {"name": "Other campaign", "project_id": self.project.id, "survey_id": self.survey.id}
        )
        other_line = other.segment_ids.create({"consultation_id": other.id, "segment_id": self.seg_water.id})
        Wizard = self.env["srm.consultation.interview.wizard"].with_user(self.user)
        base = {"consultation_id": self.consultation.id, "partner_id": self.ben.id}
        for forged in ({"user_input_id": secret.id}, {"segment_line_id": other_line.id}):
            with self.subTest(forged=forged):
                wizard = Wizard.create(dict(base, **forged))
                for line in wizard.line_ids.filtered(lambda line: line.question_id == self.q_worried):
                    line.suggested_answer_id = self.no
                with self.assertRaisesRegex(UserError, "are not those of Ben Water"):
                    wizard.action_save()
        self.assertTrue(secret.srm_is_confidential)
        self.assertEqual(secret.partner_id, self.ana)
        # an answer once confidential stays so when its interview is recorded again
        answers, _skipped = self.consultation._srm_invite(self.eva)
        answers.srm_is_confidential = True
        self.assertTrue(self.interview(self.eva, self.no).srm_is_confidential)

    def test_auditor_reads_but_does_not_interview(self):
        self.interview(self.ana, self.yes)
        consultation = self.consultation.with_user(self.auditor)
        self.assertEqual(consultation.respondent_count, 1)
        self.assertTrue(consultation.analysis_html)
        with self.assertRaises(AccessError):
            self.interview(self.ben, self.yes, user=self.auditor)

    def test_analysis_shows_typed_markup_as_text(self):
        """What people typed (a segment's name, an answer's label) is shown as text in the
        answers-by-segment tables, never run as markup."""
        self.seg_water.name = '<img src="x" onerror="alert(1)">Water'
        self.yes.value = "<script>alert(2)</script>Yes"
        self.interview(self.ana, self.yes)
        html = str(self.consultation.with_user(self.user).analysis_html)
        self.assertIn("&lt;img", html)
        self.assertIn("&lt;script&gt;", html)
        self.assertNotIn("<img", html)
        self.assertNotIn("<script", html)
        self.assertIn("<table", html, "the tables themselves are kept")

    def test_confidential_respondents_hidden_from_analysis(self):
        self.interview(self.ana, self.yes)
        confidential = self.interview(self.ben, self.yes, is_confidential=True)
        self.assertTrue(confidential.srm_engagement_id.is_confidential)
        Report = self.env["srm.consultation.answer.report"]
        domain = [("consultation_id", "=", self.consultation.id), ("question_id", "=", self.q_worried.id)]
        self.assertEqual(Report.with_user(self.manager).search_count(domain), 2)
        self.assertEqual(Report.with_user(self.user).search_count(domain), 1)
        self.assertEqual(Report.with_user(self.auditor).search_count(domain), 1)
        table_user = self.consultation.with_user(self.user)._srm_choice_tables()[0]
        table_manager = self.consultation.with_user(self.manager)._srm_choice_tables()[0]
        self.assertEqual(table_user["rows"][0]["total"], 1)
        self.assertEqual(table_manager["rows"][0]["total"], 2)
        Answer = self.env["survey.user_input"]
        visible = Answer.with_user(self.user).search([("srm_consultation_id", "=", self.consultation.id)])
        self.assertEqual(visible.partner_id, self.ana)
        visible = Answer.with_user(self.manager).search([("srm_consultation_id", "=", self.consultation.id)])
        self.assertEqual(visible.partner_id, self.ana | self.ben)
        lines = self.env["survey.user_input.line"].with_user(self.user).search(
            [("user_input_id.srm_consultation_id", "=", self.consultation.id)]
        )
        self.assertEqual(lines.user_input_id.partner_id, self.ana)
        # quotas count every respondent: numbers name nobody
        self.assertEqual(self.consultation.with_user(self.user).respondent_count, 2)


@tagged("post_install", "-at_install")
class TestSrmConsultationThemes(SrmConsultationCase):
    """Free-text answers grouped into themes, and themes turned into follow-up."""

    def _answers(self):
        self.interview(self.ana, self.yes, text="El agua del pozo está contaminada.")
        self.interview(self.ben, self.yes, text="L'eau du puits baisse en été, et la poussière aussi.")
        self.interview(self.carla, self.no, text="Too much dust from the trucks.")
        self.interview(self.dan, self.no, text="Dust everywhere when trucks pass.")
        self.interview(self.eva, self.no, text="Nothing to add.")

    def test_keyword_themes_and_suggestions(self):
        self._answers()
        water = self.env["srm.consultation.theme"].create({
            "consultation_id": self.consultation.id,
            "name": "Water",
            "keywords": "water, eau, agua, pozo",
        })
        self.consultation.action_extract_themes()
        self.assertEqual(water.count, 2, "Spanish and French answers, accents ignored")
        self.assertEqual(water.line_ids.user_input_id.partner_id, self.ana | self.ben)
        self.assertEqual(water.segment_summary, "Test water users 2")
        suggestions = self.consultation.theme_ids.filtered(lambda t: t.origin == "keyword")
        by_name = {theme.name: theme for theme in suggestions}
        self.assertIn("Dust", by_name)
        self.assertIn("Trucks", by_name)
        self.assertEqual(by_name["Dust"].count, 2)
        self.assertNotIn("Nothing", by_name, "a word of a single answer is not a theme")

        # the team responds to a suggestion: it is kept when the analysis runs again
        by_name["Dust"].response = "<p>The road is watered twice a day.</p>"
        self.assertEqual(by_name["Dust"].state, "responded")
        self.consultation.action_extract_themes()
        themes = self.consultation.theme_ids
        self.assertIn(by_name["Dust"], themes)
        self.assertFalse(by_name["Trucks"].exists(), "untouched suggestions are replaced")
        self.assertEqual(len(themes.filtered(lambda t: t.name == "Trucks")), 1)

    def test_a_frequent_word_named_like_a_theme_joins_it(self):
        """"Poussière" found in two answers is the team's "POUSSIERE" theme (case and
        accents aside): its answers join it instead of replacing them."""
        self.interview(self.ana, self.yes, text="Polvo en la escuela.")
        self.interview(self.ben, self.yes, text="La poussière des camions.")
        self.interview(self.carla, self.no, text="Trop de poussière le soir.")
        dust = self.env["srm.consultation.theme"].create(
            {"consultation_id": self.consultation.id, "name": "POUSSIERE", "keywords": "polvo"}
        )
        self.consultation.action_extract_themes()
        self.assertEqual(dust.count, 3)
        self.assertEqual(dust.line_ids.user_input_id.partner_id, self.ana | self.ben | self.carla)
        self.assertNotIn("Poussiere", self.consultation.theme_ids.mapped("name"))

    def test_no_free_text_yet(self):
        with self.assertRaisesRegex(UserError, "no free-text answer"):
            self.consultation.action_extract_themes()

    def test_extract_themes_hook_shape(self):
        texts = ["Agua y polvo", "agua", "POLVO", "jobs"]
        self.env["srm.consultation.theme"].create(
            {"consultation_id": self.consultation.id, "name": "Water", "keywords": "agua"}
        )
        results = self.consultation._srm_extract_themes(texts)
        self.assertEqual(results[0]["indexes"], [0, 1])
        self.assertEqual(results[0]["keywords"], ["agua"])
        self.assertEqual([r["name"] for r in results[1:]], ["Polvo"])
        self.assertEqual(results[1]["indexes"], [0, 2], "an answer can mention several themes")

    def test_suggestions_leave_out_the_stop_words_of_every_language(self):
        texts = [
            "Todavía no hay respuesta sobre el agua.",
            "Todavía esperamos la respuesta.",
            "Nous attendons toujours une réponse.",
            "Toujours pas de réponse.",
            "We have already asked twice.",
            "Already a year without an answer.",
        ]
        names = [result["name"] for result in self.consultation._srm_extract_themes(texts)]
        self.assertEqual(sorted(names), ["Reponse", "Respuesta"], "“todavía”, “toujours”, “already” are no theme")


@tagged("post_install", "-at_install")
class TestSrmConsentRecord(SrmConsultationCase):
    """Free, prior and informed consent."""

    def setUp(self):
        super().setUp()
        self.nation = self.env["res.partner"].create({
            "name": "Test First Nation", "is_company": True, "is_stakeholder": True,
            "srm_project_ids": [Command.set(self.project.ids)],
        })
        self.record = self.env["srm.consent.record"].create({
            "name": "FPIC test",
            "partner_id": self.nation.id,
            "project_id": self.project.id,
            "consultation_id": self.consultation.id,
            "step_ids": [Command.create({
                "step_type": "information", "date": "2026-01-10", "name": "Information session",
            })],
        })

    def test_outcome_needs_a_dated_decision(self):
        with self.assertRaisesRegex(ValidationError, "Record the decision step"):
            self.record.write({"outcome": "given", "outcome_date": "2026-03-01"})
        self.record.step_ids = [Command.create({"step_type": "decision", "date": "2026-03-01", "name": "Assembly"})]
        with self.assertRaisesRegex(ValidationError, "list the conditions"):
            self.record.write({"outcome": "given_conditions", "outcome_date": "2026-03-01"})
        self.record.write({
            "outcome": "given_conditions",
            "outcome_date": "2026-03-01",
            "condition_ids": [Command.create({"name": "Water monitoring with community monitors"})],
        })
        self.assertEqual(self.record.current_step, "decision")
        self.assertEqual(str(self.record.last_step_date), "2026-03-01")
        self.assertEqual(self.consultation.consent_record_count, 1)

    def test_decision_must_follow_information(self):
        with self.assertRaisesRegex(ValidationError, "prior and informed"):
            self.record.step_ids = [
                Command.create({"step_type": "decision", "date": "2025-12-01", "name": "Too early"})
            ]
        other = self.env["srm.consent.record"].create(
            {"name": "No information", "partner_id": self.nation.id, "project_id": self.project.id}
        )
        with self.assertRaisesRegex(ValidationError, "must be informed"):
            other.step_ids = [Command.create({"step_type": "decision", "date": "2026-01-01", "name": "Vote"})]

    def test_consent_record_of_a_readable_community_and_campaign(self):
        other_consultation = self.env["srm.consultation"].create(
            {"name": "Road campaign", "project_id": self.other_project.id, "survey_id": self.survey.id}
        )
        Record = self.env["srm.consent.record"].with_user(self.restricted)
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            Record.create(
                {
                    "name": "Forged FPIC",
                    "partner_id": self.nation.id,
                    "project_id": self.project.id,
                    "consultation_id": other_consultation.id,
                }
            )
        with self.assertRaises(ValidationError) as refused:
            self.record.consultation_id = other_consultation
        self.assertIn("same project", str(refused.exception))
        self.assertEqual(other_consultation.consent_record_count, 0)

    def test_restricted_and_confidential_access(self):
        self.assertEqual(
            self.env["srm.consent.record"].with_user(self.restricted).search([("id", "=", self.record.id)]),
            self.record,
        )
        self.record.is_confidential = True
        self.assertFalse(self.env["srm.consent.record"].with_user(self.user).search([("id", "=", self.record.id)]))
        self.assertFalse(self.env["srm.consent.step"].with_user(self.user).search([("record_id", "=", self.record.id)]))
        self.assertTrue(
            self.env["srm.consent.step"].with_user(self.manager).search([("record_id", "=", self.record.id)])
        )


@tagged("post_install", "-at_install")
class TestSrmConsultationDemo(SrmConsultationCase):
    """The demo campaign, when demo data is loaded."""

    def test_demo_campaign(self):
        consultation = self.env.ref("srm_consultation.srm_consultation_rio_claro_demo", raise_if_not_found=False)
        if not consultation:
            self.skipTest("demo data not loaded")
        self.assertEqual(len(consultation.segment_ids), 3)
        self.assertGreaterEqual(consultation.respondent_count, 55)
        done = consultation.user_input_ids.filtered(lambda a: a.state == "done")
        self.assertEqual(len(done.srm_engagement_id), len(done))
        texts = done.user_input_line_ids.filtered(lambda line: line.answer_type == "text_box").mapped("value_text_box")
        self.assertTrue(any("agua" in t for t in texts) and any("eau" in t for t in texts)
                        and any("water" in t for t in texts), "answers in Spanish, French and English")
        self.assertTrue(consultation.under_represented_count)
        self.assertTrue(consultation.theme_ids.filtered("response"))
        self.assertTrue(consultation.consent_record_ids.step_ids)
