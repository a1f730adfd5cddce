# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields
from odoo.tests import new_test_user, tagged

from .common import SrmAiCase


@tagged("post_install", "-at_install")
class TestProjectRestriction(SrmAiCase):
    """Confidential access does not open the AI data of other projects' stakeholders to a
    project-restricted user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_project = cls.env["srm.project"].create({"name": "Hillside Road", "code": "HSR"})
        cls.village.srm_project_ids = [Command.set(cls.project.ids)]
        cls.farmer.srm_project_ids = [Command.set(cls.other_project.ids)]
        rule = cls.env.ref("srm_ai.srm_ai_recommendation_rule_no_contact")
        Recommendation = cls.env["srm.ai.recommendation"]
        cls.mine_rec = Recommendation.create(
            {"rule_id": rule.id, "partner_id": cls.village.id, "reason": "PR mine", "is_confidential": True}
        )
        cls.road_rec = Recommendation.create(
            {"rule_id": rule.id, "partner_id": cls.farmer.id, "reason": "PR road", "is_confidential": True}
        )
        month = fields.Date.today().replace(day=1)
        Snapshot = cls.env["srm.ai.sentiment.snapshot"]
        cls.mine_snap = Snapshot.create({"partner_id": cls.village.id, "month": month})
        cls.road_snap = Snapshot.create({"partner_id": cls.farmer.id, "month": month})
        cls.contractor = new_test_user(
            cls.env,
            login="srm_ai_pr_contractor",
            groups="srm_base.group_srm_restricted,srm_base.group_srm_confidential",
            srm_project_ids=[Command.set(cls.project.ids)],
        )
        cls.lawyer = new_test_user(
            cls.env, login="srm_ai_pr_lawyer", groups="srm_base.group_srm_user,srm_base.group_srm_confidential"
        )

    def test_restricted_user_with_confidential_access(self):
        recs = self.mine_rec | self.road_rec
        Recommendation = self.env["srm.ai.recommendation"].with_user(self.contractor)
        self.assertEqual(Recommendation.search([("id", "in", recs.ids)]), self.mine_rec)
        groups = Recommendation.read_group([("id", "in", recs.ids)], ["partner_id"], ["partner_id"])
        self.assertEqual([g["partner_id"][0] for g in groups], self.village.ids)
        snaps = self.mine_snap | self.road_snap
        self.assertEqual(
            self.env["srm.ai.sentiment.snapshot"].with_user(self.contractor).search([("id", "in", snaps.ids)]),
            self.mine_snap,
        )

    def test_ordinary_user_with_confidential_access_sees_all(self):
        recs = self.mine_rec | self.road_rec
        self.assertEqual(
            self.env["srm.ai.recommendation"].with_user(self.lawyer).search([("id", "in", recs.ids)]), recs
        )
