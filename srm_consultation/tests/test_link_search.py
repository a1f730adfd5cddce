# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.tests import new_test_user, tagged

from .test_srm_consultation_common import SrmConsultationCase


@tagged("post_install", "-at_install")
class TestConsultationLinkSearch(SrmConsultationCase):
    """Searching consultations by the id of an engagement, or by whether they have any,
    finds nothing through a confidential engagement for a user without Confidential
    access."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.secret = cls.env["srm.engagement"].create(
            {
                "name": "LS confidential interview",
                "engagement_type_id": cls.env.ref("srm_base.srm_engagement_type_meeting").id,
                "date": fields.Datetime.now(),
                "partner_ids": [(6, 0, cls.ana.ids)],
                "project_id": cls.project.id,
                "consultation_id": cls.consultation.id,
                "is_confidential": True,
            }
        )
        cls.lawyer = new_test_user(
            cls.env, login="cons_ls_lawyer", groups="srm_base.group_srm_user,srm_base.group_srm_confidential"
        )

    def _found(self, user, domain):
        Consultation = self.env["srm.consultation"].with_user(user)
        full = [*domain, ("id", "=", self.consultation.id)]
        found = Consultation.search(full)
        self.assertEqual(Consultation.search_count(full), len(found), domain)
        return found

    def test_consultations_by_confidential_engagement(self):
        self.assertFalse(self.env["srm.engagement"].with_user(self.user).search([("id", "=", self.secret.id)]))
        self.assertEqual(self._found(self.user, []), self.consultation)
        for domain in ([("engagement_ids", "in", self.secret.ids)], [("engagement_ids", "!=", False)]):
            with self.subTest(domain=domain):
                self.assertFalse(self._found(self.user, domain))
                self.assertEqual(self._found(self.lawyer, domain), self.consultation)


@tagged("post_install", "-at_install")
class TestSurveyLinkSearch(SrmConsultationCase):
    """Searching questionnaires by the id of a consultation, or by whether they serve
    any, finds nothing through a confidential consultation for a user without
    Confidential access: the questionnaire does not tell them it exists."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.secret_survey = cls.env["survey.survey"].create({"title": "LS resettlement guide"})
        cls.secret = cls.env["srm.consultation"].create(
            {
                "name": "LS resettlement consultation",
                "project_id": cls.project.id,
                "user_id": cls.manager.id,
                "survey_id": cls.secret_survey.id,
                "is_confidential": True,
            }
        )
        cls.lawyer = new_test_user(
            cls.env, login="cons_ls_survey_lawyer", groups="srm_base.group_srm_user,srm_base.group_srm_confidential"
        )

    def _found(self, user, domain):
        Survey = self.env["survey.survey"].with_user(user)
        full = [*domain, ("id", "=", self.secret_survey.id)]
        found = Survey.search(full)
        self.assertEqual(Survey.search_count(full), len(found), domain)
        groups = Survey.read_group(full, ["__count"], [])
        self.assertEqual(sum(group["__count"] for group in groups), len(found), domain)
        return found

    def test_questionnaires_by_confidential_consultation(self):
        self.assertFalse(self.env["srm.consultation"].with_user(self.user).search([("id", "=", self.secret.id)]))
        self.assertEqual(self._found(self.user, []), self.secret_survey)
        for domain in (
            [("srm_consultation_ids", "in", self.secret.ids)],
            [("srm_consultation_ids", "=", self.secret.id)],
            [("srm_consultation_ids", "!=", False)],
        ):
            with self.subTest(domain=domain):
                self.assertFalse(self._found(self.user, domain))
                self.assertEqual(self._found(self.lawyer, domain), self.secret_survey)
        self.assertEqual(self._found(self.user, [("srm_consultation_ids", "=", False)]), self.secret_survey)
