# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, models
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SrmCase


@tagged("post_install", "-at_install")
class TestPartnerAccessBatch(SrmCase):
    """The record rules of many partners (the stakeholders a page of engagements names)
    are checked without reading each partner's projects: the same partners are refused
    as by Odoo's check, with the same error, for every kind of user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Company = cls.env["res.company"]
        cls.company_b = Company.create({"name": "Other Mining Co."})
        cls.holding = Company.create({"name": "Andes Holding"})
        cls.branch = Company.create({"name": "Andes Branch", "parent_id": cls.holding.id})
        cls.old_holding = Company.create({"name": "Old Holding"})
        cls.old_branch = Company.create({"name": "Old Branch", "parent_id": cls.old_holding.id})
        # an archived parent company whose branch is still in use
        cls.old_holding.active = False
        cls.old_branch.active = True
        cls.closed_project = cls.env["srm.project"].create({"name": "Closed Pit", "code": "TST-CLOSED"})

        Partner = cls.env["res.partner"]
        cls.partners = {
            "mine": cls.stakeholder | cls.community,
            "road": cls.road_stakeholder,
            "contact": Partner.create({"name": "Plain contact"}),
            "no project": Partner.create({"name": "Stakeholder of no project", "is_stakeholder": True}),
            "archived mine": Partner.create(
                {
                    "name": "Archived landowner",
                    "is_stakeholder": True,
                    "active": False,
                    "srm_project_ids": [Command.set(cls.project.ids)],
                }
            ),
            "archived road": Partner.create(
                {
                    "name": "Archived haulier",
                    "is_stakeholder": True,
                    "active": False,
                    "srm_project_ids": [Command.set(cls.other_project.ids)],
                }
            ),
            "closed project": Partner.create(
                {
                    "name": "Stakeholder of the closed pit",
                    "is_stakeholder": True,
                    "srm_project_ids": [Command.set(cls.closed_project.ids)],
                }
            ),
            "company b customer": Partner.create({"name": "Customer of B", "company_id": cls.company_b.id}),
            "company b stakeholder": Partner.create(
                {
                    "name": "Stakeholder of B",
                    "company_id": cls.company_b.id,
                    "is_stakeholder": True,
                    "srm_project_ids": [Command.set(cls.project.ids)],
                }
            ),
            "holding customer": Partner.create({"name": "Customer of the holding", "company_id": cls.holding.id}),
            "branch customer": Partner.create({"name": "Customer of the branch", "company_id": cls.branch.id}),
            "old holding customer": Partner.create(
                {
                    "name": "Customer of the old holding",
                    "company_id": cls.old_holding.id,
                }
            ),
            "company b partner": cls.company_b.partner_id,
        }
        # enough stakeholders of each project for the check to be made in one query
        cls.partners["many"] = Partner.create(
            [
                {
                    "name": f"Neighbour {index}",
                    "is_stakeholder": True,
                    "srm_project_ids": [Command.set((cls.project if index % 2 else cls.other_project).ids)],
                }
                for index in range(20)
            ]
        )
        cls.restricted = cls._new_user(
            "srm_pa_restricted",
            "srm_base.group_srm_restricted",
            srm_project_ids=[Command.set((cls.project | cls.closed_project).ids)],
        )
        cls.closed_project.active = False
        cls.officer = cls._new_user("srm_pa_officer", "srm_base.group_srm_user")
        cls.multi = cls._new_user(
            "srm_pa_multi",
            "srm_base.group_srm_user,base.group_multi_company",
            company_id=cls.company.id,
            company_ids=[Command.set((cls.company | cls.company_b | cls.branch | cls.old_branch).ids)],
        )
        cls.multi_restricted = cls._new_user(
            "srm_pa_multi_restricted",
            "srm_base.group_srm_restricted,base.group_multi_company",
            company_id=cls.company.id,
            company_ids=[Command.set((cls.company | cls.company_b | cls.branch).ids)],
            srm_project_ids=[Command.set(cls.project.ids)],
        )
        cls.all_partners = Partner.browse()
        for records in cls.partners.values():
            cls.all_partners |= records
        cls.all_partners |= cls.restricted.partner_id | cls.officer.partner_id
        cls.all_partners |= cls.holding.partner_id | cls.old_holding.partner_id

    def _envs(self):
        for user in (self.restricted, self.officer, self.multi, self.multi_restricted):
            yield user, self.env(user=user, context=dict(self.env.context, allowed_company_ids=user.company_ids.ids))

    def _compare(self, partners, operation):
        """The partners refused by the batched check and by Odoo's, and the errors."""
        self.assertGreaterEqual(len(partners), partners._srm_access_batch_min, "checked in a batch")
        odoo = models.BaseModel._check_access(partners, operation)
        ours = partners._check_access(operation)
        self.assertEqual(bool(ours), bool(odoo))
        if not odoo:
            return partners.browse()
        self.assertEqual(ours[0].ids, odoo[0].ids)
        with mute_logger("odoo.addons.base.models.ir_rule"):
            self.assertEqual(str(ours[1]()), str(odoo[1]()))
        return ours[0]

    def test_same_partners_refused_as_odoo(self):
        for user, env in self._envs():
            for operation in ("read", "write", "unlink"):
                with self.subTest(user=user.login, operation=operation):
                    self._compare(self.all_partners.with_env(env), operation)

    def test_what_a_restricted_user_is_refused(self):
        env = dict(self._envs())[self.restricted]
        refused = self._compare(self.all_partners.with_env(env), "read")
        for name in (
            "road",
            "no project",
            "archived road",
            # a stakeholder of an archived project only: archived projects are not the user's
            "closed project",
            # customers of companies that are not the user's
            "company b customer",
            "company b stakeholder",
            "holding customer",
            "branch customer",
            "old holding customer",
        ):
            self.assertLessEqual(self.partners[name], refused, name)
        neighbours = self.partners["many"]
        self.assertEqual(refused & neighbours, neighbours.filtered(lambda p: self.other_project in p.srm_project_ids))
        for name in ("mine", "contact", "archived mine", "company b partner"):
            self.assertFalse(self.partners[name] & refused, name)
        self.assertNotIn(self.restricted.partner_id, refused, "users' partners are read")

    def test_what_a_multi_company_user_is_refused(self):
        """The customers of the user's companies and of their parents are read, not those of
        an archived parent company (Odoo's check leaves archived parents out)."""
        env = dict(self._envs())[self.multi]
        refused = self._compare(self.all_partners.with_env(env), "read")
        self.assertIn(self.partners["old holding customer"], refused)
        for name in ("company b customer", "company b stakeholder", "holding customer", "branch customer", "road"):
            self.assertNotIn(self.partners[name], refused, name)

    def test_error_names_the_partners_refused(self):
        env = dict(self._envs())[self.restricted]
        partners = self.all_partners.with_env(env)
        with self.assertRaises(AccessError) as refused, mute_logger("odoo.addons.base.models.ir_rule"):
            partners.check_access("read")
        odoo = models.BaseModel._check_access(partners, "read")
        with mute_logger("odoo.addons.base.models.ir_rule"):
            self.assertEqual(str(refused.exception), str(odoo[1]()))
        self.assertIn("(res.partner)", str(refused.exception))
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            partners.read(["name"])
        self.assertEqual(partners._filtered_access("read"), partners - odoo[0])

    def test_projects_archived_after_the_rules_were_read(self):
        """The rules of a user are kept in a cache: a project archived since then is still
        in them, and a stakeholder linked to it alone is refused, as Odoo refuses it (an
        archived project is not among a stakeholder's projects)."""
        env = dict(self._envs())[self.restricted]
        partners = self.all_partners.with_env(env)
        self._compare(partners, "read")
        self.project.active = False
        env.invalidate_all()
        refused = self._compare(partners, "read")
        self.assertIn(self.stakeholder, refused)
        # and a search, made in the database with the rules, agrees
        self.assertNotIn(self.stakeholder, partners.search([("id", "in", partners.ids)]))

    def test_pending_changes_are_checked(self):
        """A stakeholder moved to another project in this transaction, not yet written to
        the database, is checked with its new project."""
        env = dict(self._envs())[self.restricted]
        self.road_stakeholder.srm_project_ids = [Command.link(self.project.id)]
        self.stakeholder.srm_project_ids = [Command.set(self.other_project.ids)]
        refused = self._compare(self.all_partners.with_env(env), "read")
        self.assertNotIn(self.road_stakeholder, refused)
        self.assertIn(self.stakeholder, refused)

    def test_partners_are_not_read_one_by_one(self):
        """The check reads the links of the partners to the user's projects in the
        database, not each partner's projects into memory, and makes no more queries
        than Odoo's check."""
        env = dict(self._envs())[self.restricted]
        partners = self.all_partners.with_env(env)
        field = partners._fields["srm_project_ids"]
        counts = []
        for check in (lambda: models.BaseModel._check_access(partners, "read"), lambda: partners._check_access("read")):
            check()
            env.invalidate_all()
            before = self.env.cr.sql_log_count
            check()
            counts.append(self.env.cr.sql_log_count - before)
        self.assertLessEqual(counts[1], counts[0])
        self.assertFalse(any(env.cache.contains(partner, field) for partner in partners))
