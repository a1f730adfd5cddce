# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import contextmanager

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged

from .test_srm_consultation_common import SrmConsultationCase


@tagged("post_install", "-at_install")
class TestSrmConsultationOwner(SrmConsultationCase):
    """The owner of a consultation and the colleague responsible for a consent record may
    read it, and the engagement logging an interview has as responsible its interviewer,
    else the consultation's owner, whoever of them may read it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contractor = new_test_user(
            cls.env,
            login="cons_own_contractor",
            groups="srm_base.group_srm_restricted,srm_base.group_srm_confidential",
            name="Nora Contractor",
            srm_project_ids=[Command.set(cls.project.ids)],
        )

    @contextmanager
    def assertOwnerRefused(self, *parts):
        """The operation fails with a message naming each of ``parts``, and writes nothing."""
        with self.assertRaises(ValidationError) as catcher, self.env.cr.savepoint():
            yield
        for part in parts:
            self.assertIn(part, str(catcher.exception))

    def test_owner_of_a_consultation(self):
        values = {"name": "Road consultation", "project_id": self.other_project.id, "survey_id": self.survey.id}
        with self.assertOwnerRefused("Nora Contractor", "Owner", "not a member of its project", "Other Road"):
            self.env["srm.consultation"].create(dict(values, user_id=self.contractor.id))
        with self.assertOwnerRefused("Cons User", "no Confidential access"):
            self.env["srm.consultation"].create(dict(values, user_id=self.user.id, is_confidential=True))
        with self.assertOwnerRefused("Cons Restricted", "not a member of its project"):
            self.consultation.write({"user_id": self.restricted.id, "project_id": self.other_project.id})
        self.consultation.user_id = self.contractor
        with self.assertOwnerRefused("Nora Contractor", "not a member of its project"):
            self.consultation.project_id = self.other_project
        self.assertEqual(self.consultation.project_id, self.project)

    def test_responsible_of_a_consent_record(self):
        Record = self.env["srm.consent.record"]
        values = {"name": "Consent of the road community", "project_id": self.other_project.id}
        with self.assertOwnerRefused("Nora Contractor", "not a member of its project"):
            Record.create(dict(values, partner_id=self.ana.id, user_id=self.contractor.id))
        record = Record.create(
            dict(values, partner_id=self.ana.id, project_id=self.project.id, user_id=self.contractor.id)
        )
        with self.assertOwnerRefused("Nora Contractor", "not a member of its project"):
            record.project_id = self.other_project

    def test_confidential_interview_is_logged_for_a_colleague_who_may_read_it(self):
        answer = self.interview(self.ana, self.yes, interviewer_id=self.user, is_confidential=True)
        engagement = answer.srm_engagement_id
        self.assertTrue(engagement.is_confidential)
        self.assertEqual(engagement.user_id, self.manager, "the owner of the consultation, not the interviewer")
        answer = self.interview(self.ben, self.yes, interviewer_id=self.user)
        self.assertEqual(answer.srm_engagement_id.user_id, self.user)
