# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from lxml import etree

from odoo import Command
from odoo.tests import new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.srm_land.tests.common import LandCase, square
from odoo.addons.srm_map.models.srm_geo_mixin import geo_domain


@tagged("post_install", "-at_install")
class TestLandIssuesMap(LandCase):
    """The grievances about the parcels on the parcel map, and the map of the land grievances,
    as far as each user may read them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # confidential (the default for parcels), its point the middle of its area
        cls.secret = cls._parcel("GRV-SECRET", state="negotiating", geojson=square(-70.62, -30.80, size=0.004))
        cls.shared = cls._parcel("GRV-SHARED", state="agreed", latitude=-30.79, longitude=-70.61)
        cls.quiet = cls._parcel("GRV-QUIET", state="surveyed", latitude=-30.78, longitude=-70.60)
        (cls.shared | cls.quiet).is_confidential = False
        cls.closed_stage = cls.env.ref("srm_issues.srm_issue_stage_closed")
        Issue = cls.env["srm.issue"]

        def issue(name, parcels, **values):
            return Issue.create(
                {
                    "name": name,
                    "project_id": cls.project.id,
                    "partner_ids": [Command.set(cls.ines.ids)],
                    "date_received": datetime(2026, 6, 1, 9, 0),
                    "land_parcel_ids": [Command.set(parcels.ids)],
                    **values,
                }
            )

        # no place of its own: on the map at the point of its parcel
        cls.gate = issue("Survey team left the gate open", cls.shared)
        # a place of its own: there
        cls.well = issue("The well dried up", cls.shared | cls.secret, latitude=-30.70, longitude=-70.50)
        cls.payment = issue("Second instalment not received", cls.shared, is_confidential=True)
        cls.fence = issue("Fence not rebuilt", cls.shared)
        cls.fence.write({"stage_id": cls.closed_stage.id, "outcome": "resolved_accepted"})
        cls.pegs = issue("Survey pegs without notice", cls.secret)
        cls.road = issue("Dust from the road", cls.shared, project_id=cls.other_project.id)
        # for worker grievance officers only
        cls.overtime = issue("Unpaid overtime", cls.shared, grievance_scope="worker")
        cls.worker_officer = new_test_user(
            cls.env,
            "land_worker_officer",
            "base.group_user,srm_base.group_srm_user,srm_issues.group_srm_issue_worker",
            name="Wanda Worker Officer",
        )
        cls.unlinked = issue("Noise at night", cls.quiet.browse(), latitude=-30.6, longitude=-70.4)
        cls.mine = cls.gate | cls.well | cls.payment | cls.fence | cls.pegs | cls.road | cls.overtime | cls.unlinked

    def _grievance_links(self, user, parcels):
        """{parcel: (its Grievances link, whether it is ringed)}, as the parcel map reads them."""
        records = (
            self.env["srm.land.parcel"]
            .with_user(user)
            .search_read([("id", "in", parcels.ids)], ["map_links", "has_open_issues"])
        )
        return {
            self.env["srm.land.parcel"].browse(record["id"]): (
                next(link for link in record["map_links"] if link["method"] == "action_view_issues"),
                record["has_open_issues"],
            )
            for record in records
        }

    def test_grievances_counted_as_each_user(self):
        parcels = self.secret | self.shared | self.quiet
        expected = {
            # User and Confidential access: every community grievance
            self.officer: {
                self.shared: ("4 open / 5", self.gate | self.well | self.payment | self.fence | self.road),
                self.secret: ("2 open / 2", self.well | self.pegs),
                self.quiet: ("0 open / 0", self.env["srm.issue"]),
            },
            # no Confidential access: neither the confidential parcel, nor the confidential
            # grievance, which is not counted either
            self.user: {
                self.shared: ("3 open / 4", self.gate | self.well | self.fence | self.road),
                self.quiet: ("0 open / 0", self.env["srm.issue"]),
            },
            # worker grievances: for worker grievance officers only
            self.worker_officer: {
                self.shared: ("4 open / 5", self.gate | self.well | self.fence | self.road | self.overtime),
                self.quiet: ("0 open / 0", self.env["srm.issue"]),
            },
            # project-restricted: the grievances of their project only
            self.restricted: {
                self.shared: ("2 open / 3", self.gate | self.well | self.fence),
                self.quiet: ("0 open / 0", self.env["srm.issue"]),
            },
        }
        for user, by_parcel in expected.items():
            with self.subTest(user=user.login):
                self.env.invalidate_all()
                links = self._grievance_links(user, parcels)
                self.assertEqual(set(links), set(by_parcel), "only the parcels the user may read")
                for parcel, (count, issues) in by_parcel.items():
                    link, ringed = links[parcel]
                    self.assertEqual((link["label"], link["count"]), ("Grievances", count), parcel.name)
                    self.assertEqual(ringed, bool(issues.filtered(lambda issue: not issue.is_closed)), parcel.name)
                    self.assertEqual(link["map_method"], "action_view_issues_map")
                    # the link opens the same grievances, as the user
                    action = getattr(parcel.with_user(user), link["method"])()
                    found = self.env["srm.issue"].with_user(user).search(action["domain"])
                    self.assertEqual(found, issues, parcel.name)
                # the search filter agrees with the rings
                Parcel = self.env["srm.land.parcel"].with_user(user)
                ringed = Parcel.search([("id", "in", parcels.ids), ("has_open_issues", "=", True)])
                self.assertEqual(ringed, Parcel.browse([p.id for p, (_l, r) in links.items() if r]))
                unringed = Parcel.search([("id", "in", parcels.ids), ("has_open_issues", "!=", True)])
                self.assertEqual(unringed, Parcel.browse([p.id for p, (_l, r) in links.items() if not r]))

    def test_a_parcel_whose_grievances_are_all_closed_is_not_ringed(self):
        for issue in self.gate | self.well | self.payment | self.road:
            issue.write({"stage_id": self.closed_stage.id, "outcome": "resolved_accepted"})
        link, ringed = self._grievance_links(self.officer, self.shared)[self.shared]
        self.assertEqual(link["count"], "0 open / 5")
        self.assertFalse(ringed)

    def test_parcel_map_rings_the_parcels_with_open_grievances(self):
        view = self.env.ref("srm_land_map.srm_land_parcel_view_leaflet_map")
        views = self.env["srm.land.parcel"].with_user(self.user).get_views([(view.id, "leaflet_map")])
        arch = etree.fromstring(views["views"]["leaflet_map"]["arch"])
        self.assertEqual(arch.get("field_alert"), "has_open_issues")
        self.assertEqual(arch.get("field_links"), "map_links")
        described = views["models"]["srm.land.parcel"]["fields"]
        self.assertEqual(described["has_open_issues"]["string"], "Open Grievances", "the legend's label")
        self.assertIn("map_links", described)

    def _land_map(self, user):
        """The land grievances map as the web client loads it for ``user``: the view
        (get_views), then the fields it names of the records with coordinates (search_read),
        limited to this test's issues. Returns {issue: record read}."""
        action = self.env.ref("srm_land_issues_map.srm_issue_action_land_map")
        self.assertEqual(action.view_mode.split(",")[0], "leaflet_map")
        view_id = next(view_id for view_id, mode in action.views if mode == "leaflet_map")
        Issue = self.env["srm.issue"].with_user(user)
        views = Issue.get_views([(view_id, "leaflet_map")])
        arch = etree.fromstring(views["views"]["leaflet_map"]["arch"])
        described = views["models"]["srm.issue"]["fields"]
        latitude, longitude = arch.get("field_latitude"), arch.get("field_longitude")
        names = ["id", "display_name", "date_localization"]
        names += [arch.get(attribute) for attribute in ("field_latitude", "field_longitude", "field_address")]
        self.assertTrue(set(names) - {"id"} <= set(described), "the view describes every field the map reads")
        domain = safe_eval(action.domain or "[]") + [("id", "in", self.mine.ids)]
        records = Issue.search_read(domain + geo_domain(latitude, longitude), names)
        return {Issue.browse(record["id"]): record for record in records}

    def test_land_grievances_map(self):
        records = self._land_map(self.officer)
        self.assertEqual(set(records), set(self.gate | self.well | self.payment | self.fence | self.pegs | self.road))
        self.assertNotIn(self.unlinked, records, "about no parcel: not a land grievance")
        # where it happened
        well = records[self.well]
        self.assertEqual((well["land_latitude"], well["land_longitude"]), (-30.70, -70.50))
        # no place of its own: at its parcel's point
        gate = records[self.gate]
        self.assertEqual((gate["land_latitude"], gate["land_longitude"]), (-30.79, -70.61))
        self.assertEqual(gate["land_map_summary"].split("\n")[-1], "GRV-SHARED")
        # the middle of the area of its parcel
        pegs = records[self.pegs]
        self.assertAlmostEqual(pegs["land_latitude"], -30.798, places=6)
        self.assertAlmostEqual(pegs["land_longitude"], -70.618, places=6)
        self.assertFalse(self.pegs.latitude or self.pegs.longitude, "its own place is left empty")

    def test_land_grievances_map_as_each_user(self):
        # no Confidential access: not the confidential grievance, and a grievance about a
        # confidential parcel only has no place to be shown at (the parcel is not revealed)
        records = self._land_map(self.user)
        self.assertEqual(set(records), set(self.gate | self.well | self.fence | self.road))
        self.assertEqual(records[self.gate]["land_latitude"], -30.79)
        records = self._land_map(self.restricted)
        self.assertEqual(set(records), set(self.gate | self.well | self.fence))

    def test_grievance_follows_its_parcel(self):
        self.shared.write({"latitude": -30.75, "longitude": -70.65})
        records = self._land_map(self.officer)
        self.assertEqual((records[self.gate]["land_latitude"], records[self.gate]["land_longitude"]), (-30.75, -70.65))
        # once placed by hand, at its own place
        self.gate.write({"latitude": -30.5, "longitude": -70.3})
        records = self._land_map(self.officer)
        self.assertEqual((records[self.gate]["land_latitude"], records[self.gate]["land_longitude"]), (-30.5, -70.3))

    def test_grievances_of_a_parcel_on_their_map(self):
        action = self.shared.with_user(self.user).action_view_issues_map()
        view = self.env.ref("srm_land_issues_map.srm_issue_view_leaflet_map_land")
        self.assertEqual(action["views"][0], (view.id, "leaflet_map"), "opened on the land grievances map")
        self.assertEqual(action["view_mode"].split(",")[0], "leaflet_map")
        Issue = self.env["srm.issue"].with_user(self.user)
        on_map = Issue.search(action["domain"] + geo_domain("land_latitude", "land_longitude"))
        self.assertEqual(on_map, self.gate | self.well | self.fence | self.road)
        # the same from the form of the parcel
        arch = self.env["srm.land.parcel"].with_user(self.user).get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertEqual(len(etree.fromstring(arch).xpath("//button[@name='action_view_issues_map']")), 1)

    def test_menu_of_the_land_grievances_map(self):
        menu = self.env.ref("srm_land_issues_map.srm_issue_land_map_menu")
        self.assertEqual(menu.parent_id, self.env.ref("srm_land.srm_land_menu_root"))
        visible = self.env["ir.ui.menu"].with_user(self.user)._visible_menu_ids()
        self.assertIn(menu.id, visible)
        self.assertIn(menu.id, self.env["ir.ui.menu"].with_user(self.restricted)._visible_menu_ids())

    def test_demo_parcels_with_open_grievances(self):
        lot21 = self.env.ref("srm_land.srm_land_parcel_lot21_demo", raise_if_not_found=False)
        issue = self.env.ref("srm_issues.srm_issue_24_demo", raise_if_not_found=False)
        if not lot21 or not issue or lot21 not in issue.land_parcel_ids:
            self.skipTest("no demo data")
        # the Río Claro demo: the land officer sees the lots with open grievances ringed
        Parcel = self.env["srm.land.parcel"].with_user(self.officer)
        ringed = Parcel.search([("project_id", "=", lot21.project_id.id), ("has_open_issues", "=", True)])
        self.assertEqual(set(ringed.mapped("name")), {"LOT-21", "LOT-33"})
        records = self.env["srm.issue"].search_read(
            [("land_parcel_ids", "in", lot21.ids)], ["land_latitude", "land_longitude"]
        )
        self.assertEqual(
            [(r["land_latitude"], r["land_longitude"]) for r in records], [(lot21.latitude, lot21.longitude)]
        )

    def test_popup_in_the_user_language(self):
        langs = ("fr_FR", "es_ES", "zh_CN")
        for lang in langs:
            self.env["res.lang"]._activate_lang(lang)
        self.env["ir.module.module"]._load_module_terms(
            ["srm_land_map", "srm_land_issues_map"], list(langs), overwrite=True
        )
        expected = {
            "fr_FR": ("Plaintes", "4 en cours / 5", "Engagements"),
            "es_ES": ("Quejas", "4 en curso / 5", "Interacciones"),
            "zh_CN": ("申诉", "4 未结 / 共 5", "参与记录"),
        }
        for lang, (label, count, engagements) in expected.items():
            with self.subTest(lang=lang):
                record = (
                    self.env["srm.land.parcel"]
                    .with_user(self.officer)
                    .with_context(lang=lang)
                    .search_read([("id", "=", self.shared.id)], ["map_links"])[0]
                )
                self.assertEqual([(link["label"], link["count"]) for link in record["map_links"]][0], (label, count))
                self.assertEqual(record["map_links"][1]["label"], engagements)
        menu = self.env.ref("srm_land_issues_map.srm_issue_land_map_menu")
        self.assertEqual(menu.with_context(lang="fr_FR").name, "Plaintes foncières")
