# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import LandCase

ROLES = ("manager", "user", "confidential", "auditor", "restricted", "portal")


@tagged("post_install", "-at_install")
class TestAccess(LandCase):
    """Who reads and changes land records: the table of the module's readme.

    | role         | confidential records      | non-confidential records    |
    |--------------|---------------------------|-----------------------------|
    | manager      | read, write, delete       | read, write, delete         |
    | user         | -                         | read, write                 |
    | confidential | read, write (with user)   | read, write                 |
    | auditor      | -                         | read                        |
    | restricted   | -                         | read, write (their projects)|
    | portal       | -                         | -                           |
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            "manager": cls.manager,
            "user": cls.user,
            "confidential": cls.officer,
            "auditor": cls.auditor,
            "restricted": cls.restricted,
            "portal": cls.portal,
        }
        export = cls.env.ref("base.group_allow_export")
        for user in cls.users.values():
            if not user.share:
                user.groups_id = [Command.link(export.id)]
        # confidential (the default) and shared with the team, on the restricted user's
        # project and on another one
        cls.secret = cls._parcel("SECRET-1", right_ids=[Command.create({"partner_id": cls.ines.id, "share": 100})])
        cls.shared = cls._parcel(
            "SHARED-1", is_confidential=False, right_ids=[Command.create({"partner_id": cls.tomas.id, "share": 50})]
        )
        cls.road_secret = cls._parcel("ROAD-SECRET", project_id=cls.other_project.id)
        cls.road_shared = cls._parcel("ROAD-SHARED", project_id=cls.other_project.id, is_confidential=False)
        cls.other_company = cls.env["res.company"].create({"name": "Other Land Co"})
        cls.foreign_project = cls.env["srm.project"].create(
            {"name": "Foreign Mine", "code": "LAND-FOREIGN", "company_id": cls.other_company.id}
        )
        cls.foreign = (
            cls.env["srm.land.parcel"]
            .with_company(cls.other_company)
            .create({"name": "FOREIGN-1", "project_id": cls.foreign_project.id, "company_id": cls.other_company.id})
        )
        cls.parcels = cls.secret | cls.shared | cls.road_secret | cls.road_shared | cls.foreign
        # an agreement with payments on each of the two parcels of the project
        cls.secret_agreement = cls._agreement(
            lines=[("payment", "First", 1000.0, 5)], parcel_ids=[Command.set(cls.secret.ids)]
        )
        cls.shared_agreement = cls._agreement(
            lines=[("payment", "First", 200.0, 5)],
            parcel_ids=[Command.set(cls.shared.ids)],
            partner_id=cls.tomas.id,
            is_confidential=False,
        )
        for agreement in cls.secret_agreement | cls.shared_agreement:
            agreement.date_signed = cls.today
            agreement.action_sign()
        cls.agreements = cls.secret_agreement | cls.shared_agreement
        cls.secret_household = (
            cls.env["srm.land.household"]
            .with_user(cls.officer)
            .create(
                {
                    "project_id": cls.project.id,
                    "head_partner_id": cls.ines.id,
                    "parcel_ids": [Command.set(cls.secret.ids)],
                }
            )
        )
        cls.Asset = cls.env["srm.land.asset"].with_user(cls.officer)
        cls.secret_asset = cls.Asset.create(
            {
                "parcel_id": cls.shared.id,
                "household_id": cls.secret_household.id,
                "name": "House",
                "unit_rate": 10,
                "date_counted": cls.project.land_cutoff_date,
            }
        )
        cls.shared_asset = cls.Asset.create(
            {"parcel_id": cls.shared.id, "name": "Shed", "unit_rate": 5, "date_counted": cls.project.land_cutoff_date}
        )
        cls.deed = cls.env["ir.attachment"].create(
            {"name": "deed.pdf", "raw": b"%PDF deed", "res_model": "srm.land.parcel", "res_id": cls.secret.id}
        )
        cls.secret.message_post(body="Ines accepted 1000", message_type="comment", subtype_xmlid="mail.mt_note")

    def _expected(self, role, secret, shared, road_secret=None, road_shared=None):
        """What ``role`` reads among records of the main project (secret, shared) and of the road."""
        road_secret = road_secret if road_secret is not None else secret.browse()
        road_shared = road_shared if road_shared is not None else shared.browse()
        return {
            "manager": secret | shared | road_secret | road_shared,
            "confidential": secret | shared | road_secret | road_shared,
            "user": shared | road_shared,
            "auditor": shared | road_shared,
            "restricted": shared,
            "portal": None,
        }[role]

    def _check_reads(self, model, records, expected_by_role, fields=("display_name",)):
        for role in ROLES:
            user = self.users[role]
            expected = expected_by_role(role)
            Model = self.env[model].with_user(user)
            domain = [("id", "in", records.ids)]
            with self.subTest(model=model, role=role):
                if expected is None:
                    with self.assertRaises(AccessError), mute_logger("odoo.models", "odoo.addons.base.models.ir_model"):
                        Model.search(domain)
                    continue
                found = Model.search(domain)
                self.assertEqual(found, expected)
                self.assertEqual(Model.search_count(domain), len(expected))
                [(count,)] = Model._read_group(domain, [], ["__count"])
                self.assertEqual(count, len(expected))
                self.assertEqual(len(Model.search_read(domain, list(fields))), len(expected))
                if not user.share:
                    self.assertEqual(len(found.export_data(list(fields))["datas"]), len(expected))
                for record in records - expected:
                    with self.assertRaises(AccessError), mute_logger("odoo.models"):
                        record.with_user(user).read(list(fields))

    def test_parcels(self):
        self._check_reads(
            "srm.land.parcel",
            self.parcels,
            lambda role: self._expected(role, self.secret, self.shared, self.road_secret, self.road_shared),
            fields=("name", "state", "holder_partner_ids"),
        )
        # name_search (many2one fields) goes through the same rules
        for role in ("user", "auditor"):
            names = [
                name for _id, name in self.env["srm.land.parcel"].with_user(self.users[role]).name_search("SECRET")
            ]
            self.assertFalse(names, role)

    def test_lines_follow_their_record(self):
        self._check_reads(
            "srm.land.right",
            self.secret.right_ids | self.shared.right_ids,
            lambda role: self._expected(role, self.secret.right_ids, self.shared.right_ids),
            fields=("partner_id", "share"),
        )
        lines = self.agreements.line_ids
        self._check_reads(
            "srm.land.agreement",
            self.agreements,
            lambda role: self._expected(role, self.secret_agreement, self.shared_agreement),
            fields=("name", "partner_id", "amount_total", "amount_paid"),
        )
        self._check_reads(
            "srm.land.agreement.line",
            lines,
            lambda role: self._expected(role, self.secret_agreement.line_ids, self.shared_agreement.line_ids),
            fields=("name", "amount", "date_due"),
        )
        # the asset of a confidential household on a shared parcel stays confidential
        self._check_reads(
            "srm.land.asset",
            self.secret_asset | self.shared_asset,
            lambda role: self._expected(role, self.secret_asset, self.shared_asset),
            fields=("name", "amount", "household_id"),
        )
        self._check_reads(
            "srm.land.household",
            self.secret_household,
            lambda role: self._expected(role, self.secret_household, self.secret_household.browse()),
            fields=("name", "head_partner_id"),
        )

    def test_payment_commitments_in_the_register(self):
        commitments = self.agreements.line_ids.commitment_ids
        secret = self.secret_agreement.line_ids.commitment_ids
        shared = self.shared_agreement.line_ids.commitment_ids
        self._check_reads(
            "srm.commitment",
            commitments,
            lambda role: None if role == "portal" else self._expected(role, secret, shared),
            fields=("name", "partner_ids", "land_agreement_id"),
        )

    def test_who_changes_what(self):
        changes = {
            # role: (may change the shared parcel, may change the secret one, may create, may delete)
            "manager": (True, True, True, True),
            "confidential": (True, True, True, False),
            "user": (True, False, False, False),
            "restricted": (True, False, False, False),
            "auditor": (False, False, False, False),
            "portal": (False, False, False, False),
        }
        for role, (shared, secret, create, delete) in changes.items():
            user = self.users[role]
            with self.subTest(role=role), self.env.cr.savepoint() as savepoint:
                for parcel, allowed in ((self.shared, shared), (self.secret, secret)):
                    if allowed:
                        parcel.with_user(user).write({"state": "surveyed"})
                    else:
                        with (
                            self.assertRaises(AccessError),
                            mute_logger("odoo.models", "odoo.addons.base.models.ir_rule"),
                        ):
                            parcel.with_user(user).write({"state": "surveyed"})
                if create:
                    self.env["srm.land.parcel"].with_user(user).create(
                        {"name": f"NEW-{role}", "project_id": self.project.id}
                    )
                else:
                    with self.assertRaises(UserError), mute_logger("odoo.models"):
                        self.env["srm.land.parcel"].with_user(user).create(
                            {"name": f"NEW-{role}", "project_id": self.project.id}
                        )
                if delete:
                    self.road_shared.with_user(user).unlink()
                else:
                    with self.assertRaises(AccessError), mute_logger("odoo.models", "odoo.addons.base.models.ir_rule"):
                        self.road_shared.with_user(user).unlink()
                savepoint.rollback()

    def test_auditor_reads_but_changes_nothing(self):
        agreement = self.shared_agreement.with_user(self.auditor)
        self.assertEqual(agreement.amount_total, 200.0)
        for action in (
            lambda: agreement.write({"name": "changed"}),
            lambda: agreement.line_ids.write({"amount": 1}),
            lambda: (
                agreement.line_ids[0].action_record_payment()
                and self.env["srm.land.payment.wizard"]
                .with_user(self.auditor)
                .create({"line_id": agreement.line_ids[0].id, "payment_reference": "X"})
            ),
            lambda: self.shared.with_user(self.auditor).right_ids.write({"share": 10}),
        ):
            with self.assertRaises(AccessError), mute_logger("odoo.models", "odoo.addons.base.models.ir_rule"):
                action()

    def test_attachments_and_messages_follow_the_parcel(self):
        for role in ("user", "auditor", "restricted"):
            user = self.users[role]
            with self.subTest(role=role):
                with (
                    self.assertRaises(AccessError),
                    mute_logger("odoo.models", "odoo.addons.base.models.ir_attachment"),
                ):
                    self.deed.with_user(user).read(["datas"])
                messages = (
                    self.env["mail.message"]
                    .with_user(user)
                    .search([("model", "=", "srm.land.parcel"), ("res_id", "=", self.secret.id)])
                )
                self.assertFalse(messages)
        self.assertEqual(self.deed.with_user(self.officer).raw, b"%PDF deed")
        self.assertTrue(
            self.env["mail.message"]
            .with_user(self.officer)
            .search([("model", "=", "srm.land.parcel"), ("res_id", "=", self.secret.id), ("body", "ilike", "1000")])
        )

    def test_restricted_users_see_their_projects_only(self):
        self.assertNotIn(self.road_shared, self.env["srm.land.parcel"].with_user(self.restricted).search([]))
        self.restricted.srm_project_ids = [Command.link(self.other_project.id)]
        self.assertIn(self.road_shared, self.env["srm.land.parcel"].with_user(self.restricted).search([]))

    def test_other_companies_only_when_selected(self):
        Parcel = self.env["srm.land.parcel"].with_user(self.manager)
        self.assertNotIn(self.foreign, Parcel.search([]))
        self.manager.company_ids = [Command.link(self.other_company.id)]
        self.assertNotIn(self.foreign, Parcel.with_context(allowed_company_ids=self.company.ids).search([]))
        self.assertIn(self.foreign, Parcel.with_context(allowed_company_ids=self.other_company.ids).search([]))

    def test_project_counts_respect_access(self):
        self.assertEqual(self.project.with_user(self.officer).land_parcel_count, 2)
        self.assertEqual(self.project.with_user(self.user).land_parcel_count, 1)
        self.assertEqual(self.project.with_user(self.user).land_agreement_count, 1)
        # the payments of confidential agreements do not show in others' counts either
        due = self.today + timedelta(days=5)
        Commitment = self.env["srm.commitment"]
        for user, count in ((self.officer, 2), (self.user, 1)):
            self.assertEqual(
                Commitment.with_user(user).search_count(
                    [("land_agreement_id", "in", self.agreements.ids), ("date_due", "=", due)]
                ),
                count,
            )
