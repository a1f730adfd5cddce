# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import Form, tagged

from .common import SrmCase
from .test_mail_gateway import AUTHENTICATED, MailGatewayCase


@tagged("post_install", "-at_install")
class TestDefaultProject(SrmCase):
    """A record created from a stakeholder (an engagement logged with them) is proposed a
    project its user may read: the stakeholder's main project, else one of the
    stakeholder's projects, else the user's own main project or first project; and a main
    project the reader may not read reads "Restricted" on a user as on a stakeholder."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_project.stakeholder_properties_definition = [
            {"name": "land_title", "string": "Land Title Number", "type": "char"},
        ]
        cls.shared = cls.env["res.partner"].create(
            {
                "name": "Cooperativa Compartida",
                "is_stakeholder": True,
                "srm_project_ids": [Command.set((cls.project | cls.other_project).ids)],
                "srm_main_project_id": cls.other_project.id,
            }
        )
        cls.restricted = cls._new_user(
            "srm_dp_restricted",
            "srm_base.group_srm_restricted",
            name="Nora Contractor",
            srm_project_ids=[Command.set(cls.project.ids)],
        )
        cls.officer = cls._new_user("srm_dp_officer", "srm_base.group_srm_user", name="Marta Officer")
        cls.other_company = cls.env["res.company"].create({"name": "Minera Sur Test"})
        cls.south_project = cls.env["srm.project"].create(
            {"name": "Test Port", "code": "TST-PORT", "company_id": cls.other_company.id}
        )
        cls.south_second = cls.env["srm.project"].create(
            {"name": "Test Pipeline", "code": "TST-PIPE", "company_id": cls.other_company.id}
        )
        cls.southerner = cls._new_user(
            "srm_dp_south",
            "srm_base.group_srm_user",
            name="Sara South",
            company_id=cls.other_company.id,
            company_ids=[Command.set(cls.other_company.ids)],
            srm_project_ids=[Command.set(cls.south_second.ids)],
        )

    def test_log_engagement_proposes_a_project_they_may_read(self):
        shared = self.shared.with_user(self.restricted)
        context = shared.action_srm_log_engagement()["context"]
        self.assertEqual(context["default_project_id"], self.project.id)
        self.assertEqual(shared.action_srm_view_engagements()["context"]["default_project_id"], self.project.id)
        form = Form(self.env["srm.engagement"].with_user(self.restricted).with_context(**context))
        form.name = "Visit to the cooperative"
        self.assertNotIn("Test Road", str(form.project_id.display_name))
        engagement = form.save()
        self.assertEqual(engagement.project_id, self.project)
        self.assertEqual(engagement.partner_ids, self.shared)
        # a user of every project is proposed the main project
        context = self.shared.with_user(self.officer).action_srm_log_engagement()["context"]
        self.assertEqual(context["default_project_id"], self.other_project.id)

    def test_default_falls_back_on_the_users_own_projects(self):
        # a stakeholder of no company, whose projects are all of a company the user does not work in
        shared = self.shared.with_user(self.southerner).with_company(self.other_company)
        self.assertEqual(shared.action_srm_log_engagement()["context"]["default_project_id"], self.south_second.id)
        self.southerner.partner_id.srm_main_project_id = self.south_project
        self.assertEqual(shared.action_srm_log_engagement()["context"]["default_project_id"], self.south_project.id)
        # their own main project, which they may no longer read, is not proposed either
        self.southerner.partner_id.srm_main_project_id = self.other_project
        self.assertEqual(shared.action_srm_log_engagement()["context"]["default_project_id"], self.south_second.id)
        self.southerner.srm_project_ids = [Command.clear()]
        self.assertFalse(shared.action_srm_log_engagement()["context"]["default_project_id"])

    def test_users_own_main_project_reads_restricted(self):
        self.restricted.partner_id.write({"srm_main_project_id": self.other_project.id})
        self.restricted.partner_id.srm_properties = {"land_title": "LT-4411"}
        for reader in (self.restricted, self._new_user("srm_dp_colleague", "srm_base.group_srm_restricted")):
            user = self.restricted.with_user(reader)
            [vals] = user.read(["srm_main_project_id", "srm_properties"])
            self.assertEqual(vals["srm_main_project_id"], (self.other_project.id, "Restricted"))
            self.assertEqual(vals["srm_properties"], [])
            [vals] = user.web_read({"srm_main_project_id": {"fields": {"display_name": {}}}, "srm_properties": {}})
            self.assertEqual(vals["srm_main_project_id"], {"id": self.other_project.id, "display_name": "Restricted"})
            self.assertEqual(vals["srm_properties"], [])
            self.assertEqual(user._export_rows([["srm_main_project_id"]]), [["Restricted"]])
            for secret in ("Test Road", "TST-ROAD", "LT-4411"):
                self.assertNotIn(secret, str(vals))
        # nor proposed to them for an engagement
        context = self.stakeholder.with_user(self.restricted).action_srm_log_engagement()["context"]
        self.assertEqual(context["default_project_id"], self.project.id)
        # a user of every project reads it
        [vals] = self.restricted.with_user(self.officer).read(["srm_main_project_id", "srm_properties"])
        self.assertEqual(vals["srm_main_project_id"], (self.other_project.id, "[TST-ROAD] Test Road"))
        # (Odoo reads the attributes' values on the contact only; their names on the user too)
        self.assertEqual([p["name"] for p in vals["srm_properties"]], ["land_title"])


@tagged("post_install", "-at_install")
class TestMailGatewayResponsible(MailGatewayCase):
    """An engagement emailed to the alias has as responsible a colleague who may read it, in
    a project of the stakeholder's that they may read."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contractor = cls._new_user(
            "nora.contractor",
            "srm_base.group_srm_restricted",
            name="Nora Contractor",
            srm_project_ids=[Command.set(cls.project.ids)],
        )
        cls.shared = cls.env["res.partner"].create(
            {
                "name": "Cooperativa Compartida",
                "email": "coop@example.com",
                "is_stakeholder": True,
                "srm_project_ids": [Command.set((cls.project | cls.other_project).ids)],
                "srm_main_project_id": cls.other_project.id,
            }
        )

    def test_colleague_forwards_in_a_project_they_may_read(self):
        engagement = self._process(
            "Fwd: reunión de la cooperativa",
            "Nora Contractor <nora.contractor@example.com>",
            "<coop-1@example.com>",
            cc="Cooperativa Compartida <coop@example.com>",
            extra=AUTHENTICATED,
        )
        self.assertEqual(engagement.user_id, self.contractor)
        self.assertEqual(engagement.project_id, self.project)
        self.assertTrue(engagement.with_user(self.contractor).has_access("read"))

    def test_relationship_owner_who_may_not_read_it(self):
        self.shared.user_id = self.contractor
        self.shared.srm_project_ids = [Command.set(self.other_project.ids)]
        engagement = self._process(
            "Consulta sobre el camino",
            "Cooperativa Compartida <coop@example.com>",
            "<coop-2@example.com>",
            extra=AUTHENTICATED,
        )
        self.assertEqual(engagement.project_id, self.other_project)
        self.assertFalse(engagement.user_id, "nobody responsible rather than a colleague who may not read it")
        self.shared.srm_project_ids = [Command.set((self.project | self.other_project).ids)]
        self.shared.srm_main_project_id = self.project
        engagement = self._process(
            "Consulta sobre la mina",
            "Cooperativa Compartida <coop@example.com>",
            "<coop-3@example.com>",
            extra=AUTHENTICATED,
        )
        self.assertEqual(engagement.project_id, self.project)
        self.assertEqual(engagement.user_id, self.contractor)
