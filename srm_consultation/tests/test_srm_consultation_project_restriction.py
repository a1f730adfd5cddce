# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .test_srm_consultation_common import SrmConsultationCase


@tagged("post_install", "-at_install")
class TestSrmConsultationProjectRestriction(SrmConsultationCase):
    """Confidential access does not open other projects' consultations to a project-restricted user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def consultation(name, project):
            record = cls.env["srm.consultation"].create(
                {
                    "name": name,
                    "project_id": project.id,
                    "user_id": cls.manager.id,
                    "survey_id": cls.survey.id,
                    "is_confidential": True,
                    "segment_ids": [Command.create({"segment_id": cls.seg_water.id, "quota": 2})],
                }
            )
            record.action_open()
            return record

        cls.mine_secret = consultation("PR mine secret consultation", cls.project)
        cls.road_secret = consultation("PR road secret consultation", cls.other_project)
        cls.consultations = cls.consultation | cls.mine_secret | cls.road_secret
        cls.contractor = new_test_user(
            cls.env,
            login="cons_pr_contractor",
            groups="srm_base.group_srm_restricted,srm_base.group_srm_confidential",
            email="cons_pr_contractor@example.com",
            srm_project_ids=[Command.set(cls.project.ids)],
        )
        cls.lawyer = new_test_user(
            cls.env,
            login="cons_pr_lawyer",
            groups="srm_base.group_srm_user,srm_base.group_srm_confidential",
            email="cons_pr_lawyer@example.com",
        )

    def test_restricted_user_with_confidential_access(self):
        mine_answer = self.interview(self.ana, self.yes, consultation=self.mine_secret)
        road_answer = self.interview(self.ben, self.yes, consultation=self.road_secret)
        Consultation = self.env["srm.consultation"].with_user(self.contractor)
        domain = [("id", "in", self.consultations.ids)]
        self.assertEqual(Consultation.search(domain), self.consultation | self.mine_secret)
        groups = Consultation.read_group(domain, ["project_id"], ["project_id"])
        self.assertEqual({g["project_id"][0]: g["project_id_count"] for g in groups}, {self.project.id: 2})
        names = {name for _id, name in Consultation.name_search("PR ", limit=None)}
        self.assertIn(self.mine_secret.display_name, names)
        self.assertNotIn(self.road_secret.display_name, names)
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            Consultation.browse(self.road_secret.id).read(["name"])
        lines = (
            self.env["srm.consultation.segment"]
            .with_user(self.contractor)
            .search([("consultation_id", "in", self.consultations.ids)])
        )
        self.assertEqual(lines.consultation_id, self.consultation | self.mine_secret)
        answers = (
            self.env["survey.user_input"]
            .with_user(self.contractor)
            .search([("id", "in", (mine_answer | road_answer).ids)])
        )
        self.assertEqual(answers, mine_answer)

    def test_ordinary_user_with_confidential_access_sees_all(self):
        Consultation = self.env["srm.consultation"].with_user(self.lawyer)
        self.assertEqual(Consultation.search([("id", "in", self.consultations.ids)]), self.consultations)
