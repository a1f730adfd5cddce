# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import CommitmentCase


@tagged("post_install", "-at_install")
class TestProjectRestriction(CommitmentCase):
    """Confidential access does not open other projects' commitments to a project-restricted user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls._commitment(name="PR mine")
        cls.mine_secret = cls._commitment(name="PR mine secret", is_confidential=True, user_id=cls.lawyer.id)
        cls.road = cls._commitment(name="PR road", project_id=cls.other_project.id)
        cls.road_secret = cls._commitment(
            name="PR road secret", project_id=cls.other_project.id, is_confidential=True, user_id=cls.lawyer.id
        )
        cls.commitments = cls.mine | cls.mine_secret | cls.road | cls.road_secret
        cls.contractor = new_test_user(
            cls.env,
            "com_pr_contractor",
            "srm_base.group_srm_restricted,srm_base.group_srm_confidential",
            notification_type="inbox",
            srm_project_ids=[Command.set(cls.project.ids)],
        )

    def test_restricted_user_with_confidential_access(self):
        Commitment = self.env["srm.commitment"].with_user(self.contractor)
        domain = [("id", "in", self.commitments.ids)]
        self.assertEqual(Commitment.search(domain), self.mine | self.mine_secret)
        groups = Commitment.read_group(domain, ["project_id"], ["project_id"])
        self.assertEqual({g["project_id"][0]: g["project_id_count"] for g in groups}, {self.project.id: 2})
        names = {name for _id, name in Commitment.name_search("PR ", limit=None)}
        self.assertEqual(
            names & set(self.commitments.mapped("display_name")),
            set((self.mine | self.mine_secret).mapped("display_name")),
        )
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            Commitment.browse(self.road_secret.id).read(["name"])

    def test_ordinary_user_with_confidential_access_sees_all(self):
        Commitment = self.env["srm.commitment"].with_user(self.lawyer)
        self.assertEqual(Commitment.search([("id", "in", self.commitments.ids)]), self.commitments)
