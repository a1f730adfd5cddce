# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import LandCase


@tagged("post_install", "-at_install")
class TestProjectRestriction(LandCase):
    """Confidential access does not open other projects' land records to a project-restricted user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine_secret = cls._parcel("PR-MINE", right_ids=[Command.create({"partner_id": cls.ines.id, "share": 100})])
        cls.road_secret = cls._parcel(
            "PR-ROAD",
            project_id=cls.other_project.id,
            right_ids=[Command.create({"partner_id": cls.rosa.id, "share": 100})],
        )
        cls.parcels = cls.mine_secret | cls.road_secret
        cls.mine_agreement = cls._agreement(lines=[("payment", "First", 100.0, 5)], name="PR mine agreement")
        cls.road_agreement = cls._agreement(
            lines=[("payment", "First", 100.0, 5)], name="PR road agreement", project_id=cls.other_project.id
        )
        cls.agreements = cls.mine_agreement | cls.road_agreement
        cls.contractor = new_test_user(
            cls.env,
            "land_pr_contractor",
            "srm_base.group_srm_restricted,srm_base.group_srm_confidential",
            notification_type="inbox",
            srm_project_ids=[Command.set(cls.project.ids)],
        )

    def test_restricted_user_with_confidential_access(self):
        Parcel = self.env["srm.land.parcel"].with_user(self.contractor)
        domain = [("id", "in", self.parcels.ids)]
        self.assertEqual(Parcel.search(domain), self.mine_secret)
        groups = Parcel.read_group(domain, ["project_id"], ["project_id"])
        self.assertEqual({g["project_id"][0]: g["project_id_count"] for g in groups}, {self.project.id: 1})
        self.assertEqual(
            [name for _id, name in Parcel.name_search("PR-", limit=None) if "PR-" in name],
            [self.mine_secret.display_name],
        )
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            Parcel.browse(self.road_secret.id).read(["name"])
        rights = self.env["srm.land.right"].with_user(self.contractor).search([("parcel_id", "in", self.parcels.ids)])
        self.assertEqual(rights.parcel_id, self.mine_secret)
        Agreement = self.env["srm.land.agreement"].with_user(self.contractor)
        self.assertEqual(Agreement.search([("id", "in", self.agreements.ids)]), self.mine_agreement)
        lines = (
            self.env["srm.land.agreement.line"]
            .with_user(self.contractor)
            .search([("agreement_id", "in", self.agreements.ids)])
        )
        self.assertEqual(lines.agreement_id, self.mine_agreement)

    def test_ordinary_user_with_confidential_access_sees_all(self):
        self.assertEqual(
            self.env["srm.land.parcel"].with_user(self.officer).search([("id", "in", self.parcels.ids)]), self.parcels
        )
        self.assertEqual(
            self.env["srm.land.agreement"].with_user(self.officer).search([("id", "in", self.agreements.ids)]),
            self.agreements,
        )
