# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import SrmCase


@tagged("post_install", "-at_install")
class TestMainProjectMask(SrmCase):
    """A stakeholder shared with another project may have that project as main project:
    a project-restricted user reads it as "Restricted", does not find or group the
    stakeholders by it, does not read its custom attributes, and keeps it when editing
    the stakeholder."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dam_project = cls.env["srm.project"].create({"name": "Test Dam", "code": "TST-DAM"})
        cls.other_project.stakeholder_properties_definition = [
            {"name": "land_title", "string": "Land Title Number", "type": "char"},
        ]
        cls.project.stakeholder_properties_definition = [
            {"name": "household_size", "string": "Household Size", "type": "integer"},
        ]
        Partner = cls.env["res.partner"]
        cls.shared = Partner.create(
            {
                "name": "Cooperativa Compartida",
                "is_stakeholder": True,
                "srm_project_ids": [Command.set((cls.project | cls.other_project).ids)],
                "srm_main_project_id": cls.other_project.id,
            }
        )
        cls.shared.srm_properties = {"land_title": "LT-4411"}
        cls.dam_shared = Partner.create(
            {
                "name": "Regantes del Valle",
                "is_stakeholder": True,
                "srm_project_ids": [Command.set((cls.project | cls.dam_project).ids)],
                "srm_main_project_id": cls.dam_project.id,
            }
        )
        cls.stakeholder.write({"srm_main_project_id": cls.project.id, "srm_properties": {"household_size": 5}})
        cls.visible = cls.stakeholder | cls.community | cls.shared | cls.dam_shared
        cls.restricted = cls._new_user(
            "srm_mp_restricted", "srm_base.group_srm_restricted", srm_project_ids=[Command.set(cls.project.ids)]
        )
        cls.officer = cls._new_user("srm_mp_officer", "srm_base.group_srm_user")

    def test_read_shows_restricted(self):
        shared = self.shared.with_user(self.restricted)
        [vals] = shared.read(["srm_main_project_id", "srm_properties"])
        self.assertEqual(vals["srm_main_project_id"], (self.other_project.id, "Restricted"))
        self.assertEqual(vals["srm_properties"], [])
        [vals] = shared.web_read({"srm_main_project_id": {"fields": {"display_name": {}}}, "srm_properties": {}})
        self.assertEqual(vals["srm_main_project_id"]["display_name"], "Restricted")
        self.assertEqual(vals["srm_properties"], [])
        # the stakeholder form
        spec = Form(shared)._view["fields_spec"]
        self.assertIn("srm_properties", spec)
        # as the web client asks for a lookup
        spec["srm_main_project_id"] = {"fields": {"display_name": {}}}
        [vals] = shared.web_read(spec)
        self.assertEqual(vals["srm_main_project_id"], {"id": self.other_project.id, "display_name": "Restricted"})
        self.assertEqual(vals["srm_properties"], [])
        for secret in ("Test Road", "TST-ROAD", "Land Title", "LT-4411"):
            self.assertNotIn(secret, str(vals))
        [vals] = shared.search_read([("id", "=", shared.id)], ["srm_main_project_id"])
        self.assertEqual(vals["srm_main_project_id"][1], "Restricted")
        self.assertEqual(shared._export_rows([["srm_main_project_id"]]), [["Restricted"]])
        # their own project, its attributes
        [vals] = self.stakeholder.with_user(self.restricted).read(["srm_main_project_id", "srm_properties"])
        self.assertEqual(vals["srm_main_project_id"], (self.project.id, "[TST-MINE] Test Mine"))
        self.assertEqual([(p["name"], p["value"]) for p in vals["srm_properties"]], [("household_size", 5)])
        # a user of every project reads them
        [vals] = self.shared.with_user(self.officer).read(["srm_main_project_id", "srm_properties"])
        self.assertEqual(vals["srm_main_project_id"], (self.other_project.id, "[TST-ROAD] Test Road"))
        self.assertEqual([(p["name"], p["value"]) for p in vals["srm_properties"]], [("land_title", "LT-4411")])

    def test_search_by_hidden_main_project(self):
        Partner = self.env["res.partner"].with_user(self.restricted)
        among = [("id", "in", self.visible.ids)]
        other, dam = self.other_project.id, self.dam_project.id
        for domain in (
            [("srm_main_project_id", "=", other)],
            [("srm_main_project_id", "in", [other, dam])],
            ["!", ("srm_main_project_id", "!=", other)],
            [("srm_properties.land_title", "=", "LT-4411")],
            [("srm_properties.land_title", "!=", False)],
        ):
            self.assertFalse(Partner.search(domain + among), domain)
            self.assertEqual(Partner.search_count(domain + among), 0, domain)
        self.assertEqual(Partner.search([("srm_main_project_id", "!=", other), *among]), self.visible)
        self.assertEqual(Partner.search([("srm_main_project_id", "=", self.project.id), *among]), self.stakeholder)
        self.assertEqual(
            Partner.search([("srm_main_project_id", "in", [self.project.id, other]), *among]), self.stakeholder
        )
        # a link nevertheless, which reads "Restricted"
        self.assertEqual(Partner.search([("srm_main_project_id", "=", False), *among]), self.community)
        self.assertEqual(Partner.search([("srm_properties.household_size", "=", 5), *among]), self.stakeholder)
        # the attributes they do not read are as if empty
        self.assertEqual(Partner.search([("srm_properties.land_title", "=", False), *among]), self.visible)
        self.assertIn(self.shared, Partner.search(["!", ("srm_properties.land_title", "=", "LT-4411"), *among]))
        # a user of every project finds them
        Officer = self.env["res.partner"].with_user(self.officer)
        self.assertEqual(Officer.search([("srm_main_project_id", "=", other), *among]), self.shared)
        self.assertEqual(Officer.search([("srm_properties.land_title", "=", "LT-4411"), *among]), self.shared)

    def test_group_by_hidden_main_project(self):
        Partner = self.env["res.partner"].with_user(self.restricted)
        among = [("id", "in", self.visible.ids)]
        for lazy in (True, False):
            groups = Partner.read_group(among, ["srm_influence:sum"], ["srm_main_project_id"], lazy=lazy)
            self.assertNotIn("Test Road", str(groups))
            self.assertNotIn("Test Dam", str(groups))
            count = "srm_main_project_id_count" if lazy else "__count"
            by_name = {(group["srm_main_project_id"] or (False, False))[1]: group for group in groups}
            self.assertEqual(set(by_name), {"[TST-MINE] Test Mine", "Restricted", False})
            restricted = by_name["Restricted"]
            self.assertEqual(restricted[count], 2)
            self.assertEqual(restricted["srm_influence"], self.shared.srm_influence + self.dam_shared.srm_influence)
            self.assertEqual(Partner.search(restricted["__domain"]), self.shared | self.dam_shared)
            self.assertEqual(Partner.search(by_name["[TST-MINE] Test Mine"]["__domain"]), self.stakeholder)
        groups = Partner.web_read_group(among, ["srm_main_project_id"], ["srm_main_project_id"])
        self.assertEqual(groups["length"], 3)
        self.assertNotIn("Test Road", str(groups))
        # a user of every project groups them by project
        groups = self.env["res.partner"].with_user(self.officer).read_group(among, [], ["srm_main_project_id"])
        names = {(group["srm_main_project_id"] or (False, False))[1] for group in groups}
        self.assertEqual(names, {"[TST-MINE] Test Mine", "[TST-ROAD] Test Road", "[TST-DAM] Test Dam", False})

    def test_editing_keeps_main_project(self):
        shared = self.shared.with_user(self.restricted)
        spec = Form(shared)._view["fields_spec"]
        spec["srm_main_project_id"] = {"fields": {"display_name": {}}}
        result = shared.onchange({"comment": "<p>Met at the mine gate</p>"}, ["comment"], spec)
        for secret in ("Test Road", "TST-ROAD", "Land Title", "LT-4411"):
            self.assertNotIn(secret, str(result))
        with Form(self.shared.with_user(self.restricted)) as form:
            form.comment = "Met at the mine gate"
        self.assertEqual(self.shared.srm_main_project_id, self.other_project)
        self.assertEqual(self.shared.srm_properties, {"land_title": "LT-4411"})
        # what a form may send back: the main project unchanged, attributes it did not read
        shared.write({"srm_main_project_id": self.other_project.id, "srm_properties": [], "function": "Chair"})
        shared.write({"srm_properties": {"land_title": False}})
        self.assertEqual(self.shared.function, "Chair")
        self.assertEqual(self.shared.srm_main_project_id, self.other_project)
        self.assertEqual(self.shared.srm_properties, {"land_title": "LT-4411"})
        # another project they may not read is refused, one of theirs is taken
        with self.assertRaises(AccessError):
            shared.write({"srm_main_project_id": self.dam_project.id})
        shared.write({"srm_main_project_id": self.project.id, "srm_properties": {"household_size": 3}})
        self.assertEqual(self.shared.srm_main_project_id, self.project)
        self.assertEqual(self.shared.srm_properties, {"household_size": 3})

    def test_group_by_hidden_attribute(self):
        Partner = self.env["res.partner"].with_user(self.restricted)
        among = [("id", "in", self.visible.ids)]
        self.assertEqual(Partner.get_property_definition("srm_properties.land_title"), {})
        self.assertEqual(Partner.get_property_definition("srm_properties.household_size")["type"], "integer")
        groups = Partner.read_group(among, [], ["srm_properties.land_title"])
        self.assertNotIn("LT-4411", str(groups))
        self.assertEqual(sum(group["srm_properties.land_title_count"] for group in groups), len(self.visible))
        for group in groups:
            self.assertEqual(Partner.search_count(group["__domain"]), group["srm_properties.land_title_count"])
        groups = Partner.read_group(among, [], ["srm_properties.household_size"], lazy=False)
        self.assertEqual(
            {group["srm_properties.household_size"]: group["__count"] for group in groups}, {5: 1, False: 3}
        )
        # a user of every project groups them by it
        Officer = self.env["res.partner"].with_user(self.officer)
        self.assertEqual(Officer.get_property_definition("srm_properties.land_title")["string"], "Land Title Number")
        groups = Officer.read_group(among, [], ["srm_properties.land_title"], lazy=False)
        self.assertIn("LT-4411", [group["srm_properties.land_title"] for group in groups])
