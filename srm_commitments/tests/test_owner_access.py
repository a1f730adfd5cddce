# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import contextmanager

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged

from .common import CommitmentCase


@tagged("post_install", "-at_install")
class TestOwnerAccess(CommitmentCase):
    """The owner of a commitment or of a recurring series, confidential or not, may read it
    under the record rules: a project-restricted user owns only the commitments of their
    projects, Confidential access or not, and nobody owns one of a company they do not
    work in; checked again when the commitment's project, company or confidentiality
    changes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contractor = new_test_user(
            cls.env,
            "com_own_contractor",
            "base.group_user,srm_base.group_srm_restricted,srm_base.group_srm_confidential",
            name="Nora Contractor",
            notification_type="inbox",
            srm_project_ids=[Command.set(cls.project.ids)],
        )
        cls.other_company = cls.env["res.company"].create({"name": "Minera Sur Test"})
        cls.southerner = new_test_user(
            cls.env,
            "com_own_south",
            "base.group_user,srm_base.group_srm_user,srm_base.group_srm_confidential",
            name="Sara South",
            notification_type="inbox",
            company_id=cls.other_company.id,
            company_ids=[Command.set(cls.other_company.ids)],
        )

    @contextmanager
    def assertOwnerRefused(self, *parts):
        """The operation fails with a message naming each of ``parts``, and writes nothing."""
        with self.assertRaises(ValidationError) as catcher, self.env.cr.savepoint():
            yield
        for part in parts:
            self.assertIn(part, str(catcher.exception))

    def _series(self, **values):
        vals = {
            "name": "Monthly dust monitoring report",
            "partner_ids": [Command.set(self.council.ids)],
            "project_id": self.project.id,
            "user_id": self.contractor.id,
            "repeat_unit": "month",
            "repeat_type": "count",
            "repeat_count": 12,
        }
        vals.update(values)
        return self.env["srm.commitment.recurrence"].create(vals)

    def test_owner_of_another_project(self):
        road = "[COM-ROAD] Commitment Test Road"
        with self.assertOwnerRefused("Nora Contractor", "not a member of its project", road):
            self._commitment(project_id=self.other_project.id, user_id=self.contractor.id)
        # Confidential access does not open another project's confidential commitment either
        with self.assertOwnerRefused("Nora Contractor", road):
            self._commitment(project_id=self.other_project.id, user_id=self.contractor.id, visibility="confidential")
        with self.assertOwnerRefused("Nora Contractor", "it belongs to no project"):
            self._commitment(project_id=False, user_id=self.contractor.id)
        with self.assertOwnerRefused("Sara South", "do not work in the company", self.company.name):
            self._commitment(user_id=self.southerner.id)
        mine = self._commitment(user_id=self.contractor.id, visibility="confidential")
        self.assertTrue(mine.with_user(self.contractor).has_access("read"))
        # a user of every project owns any of their company's
        road_commitment = self._commitment(project_id=self.other_project.id, user_id=self.officer.id)
        with self.assertOwnerRefused("Nora Contractor", road):
            road_commitment.user_id = self.contractor

    def test_checked_again_when_the_commitment_changes(self):
        commitment = self._commitment(user_id=self.contractor.id)
        with self.assertOwnerRefused("Nora Contractor", "not a member of its project"):
            commitment.project_id = self.other_project
        with self.assertOwnerRefused("Nora Contractor", "it belongs to no project"):
            commitment.project_id = False
        restricted_owned = self._commitment(user_id=self.restricted.id)
        with self.assertOwnerRefused("cannot own the confidential commitment", self.restricted.name):
            restricted_owned.visibility = "confidential"
        self.assertEqual(commitment.project_id, self.project)
        self.assertFalse(restricted_owned.is_confidential)
        # once a member of the project, they own its commitments
        self.other_project.member_ids = [Command.link(self.contractor.id)]
        commitment.project_id = self.other_project
        self.assertTrue(commitment.with_user(self.contractor).has_access("read"))

    def test_refusal_in_the_users_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        commitment = self._commitment(user_id=self.contractor.id)
        with self.assertOwnerRefused(
            "Nora Contractor ne peut pas être responsable de l'engagement", "n'est pas membre"
        ):
            commitment.with_context(lang="fr_FR").project_id = self.other_project

    @freeze_time("2027-01-10")
    def test_series_owner(self):
        with self.assertOwnerRefused("Nora Contractor", "not a member of its project"):
            self._series(project_id=self.other_project.id)
        series = self._series()
        self.assertTrue(series.commitment_ids)
        self.assertEqual(series.commitment_ids.user_id, self.contractor)
        with self.assertOwnerRefused("Nora Contractor", "not a member of its project"):
            series.project_id = self.other_project

    @freeze_time("2027-01-10")
    def test_occurrences_of_an_owner_taken_off_the_project(self):
        """The scheduled job goes on: the occurrences of a series whose owner may no longer
        read it are left without owner, for the team to give them one."""
        series = self._series()
        self.project.member_ids = [Command.unlink(self.contractor.id)]
        with freeze_time("2027-09-01"):
            occurrences = series._cron_generate_occurrences(self.d("2027-09-01")) & series.commitment_ids
        self.assertTrue(occurrences)
        self.assertFalse(occurrences.user_id)
