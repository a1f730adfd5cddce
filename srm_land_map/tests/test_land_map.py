# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from odoo.addons.srm_land.tests.common import LandCase, square
from odoo.addons.srm_map.models.srm_geo_mixin import geo_domain

from ..hooks import PARCEL_ACTIONS, uninstall_hook
from ..models.srm_land_parcel import STATUS_COLORS

MAP_ACTIONS = ["srm_land_map.srm_land_parcel_action_map", "srm_land.srm_land_parcel_action"]
LANGS = ("fr_FR", "es_ES", "zh_CN")


@tagged("post_install", "-at_install")
class TestLandMap(LandCase):
    """Parcels on the map: where they are, the colour of their status, as far as the user may read them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.negotiating = cls._parcel(
            "MAP-NEG",
            state="negotiating",
            locality="Upper valley",
            geojson=square(-70.62, -30.80, size=0.004),
            right_ids=[Command.create({"partner_id": cls.ines.id, "share": 100})],
        )
        cls.shared = cls._parcel("MAP-SHARED", state="restored", latitude=-30.79, longitude=-70.61)
        cls.road = cls._parcel(
            "MAP-ROAD", state="surveyed", project_id=cls.other_project.id, latitude=-30.5, longitude=-70.5
        )
        (cls.shared | cls.road).is_confidential = False
        cls.no_place = cls._parcel("MAP-NOWHERE", is_confidential=False)
        cls.mine = cls.negotiating | cls.shared | cls.road | cls.no_place

    def _map(self, user, action_xmlid, lang=None):
        """What the map of the action loads for ``user``, as the web client loads it: the view
        (get_views), then the fields it names of the records with coordinates (search_read),
        limited to this test's parcels. Returns (records by id, the fields described to the client)."""
        action = self.env.ref(action_xmlid)
        view_id = next(view_id for view_id, mode in action.views if mode == "leaflet_map")
        Parcel = self.env["srm.land.parcel"].with_user(user)
        if lang:
            Parcel = Parcel.with_context(lang=lang)
        views = Parcel.get_views([(view_id, "leaflet_map")])
        arch = etree.fromstring(views["views"]["leaflet_map"]["arch"])
        self.assertEqual(arch.tag, "leaflet_map")
        described = views["models"]["srm.land.parcel"]["fields"]
        names = ["id", "display_name"]
        names += [
            arch.get(attribute)
            for attribute in (
                "field_latitude",
                "field_longitude",
                "field_title",
                "field_address",
                "field_color",
                "field_geojson",
                "field_legend",
                "field_links",
                "field_alert",
            )
            if arch.get(attribute)
        ]
        self.assertNotIn("date_localization", described, "the map does not ask parcels for it")
        self.assertTrue(set(names) - {"id"} <= set(described), "the view describes every field the map reads")
        latitude, longitude = arch.get("field_latitude"), arch.get("field_longitude")
        domain = safe_eval(action.domain or "[]") + [("id", "in", self.mine.ids)]
        records = Parcel.search_read(domain + geo_domain(latitude, longitude), names)
        return {record["id"]: record for record in records}, described

    def test_map_of_a_land_officer(self):
        for xmlid in MAP_ACTIONS:
            with self.subTest(action=xmlid):
                records, described = self._map(self.officer, xmlid)
                self.assertEqual(set(records), {self.negotiating.id, self.shared.id, self.road.id})
                negotiating = records[self.negotiating.id]
                # the point of the parcel is the middle of its area
                self.assertAlmostEqual(negotiating["latitude"], -30.798, places=6)
                self.assertAlmostEqual(negotiating["longitude"], -70.618, places=6)
                self.assertEqual(negotiating["map_color"], "#fd7e14")
                self.assertEqual(negotiating["geojson"], self.negotiating.geojson)
                self.assertEqual(negotiating["state"], "negotiating")
                lines = negotiating["map_summary"].split("\n")
                self.assertEqual(lines[0], "Negotiating")
                self.assertRegex(lines[1], r"^Upper valley · Private title · \d+\.\d\d ha$")
                shared = records[self.shared.id]
                self.assertEqual((shared["latitude"], shared["longitude"]), (-30.79, -70.61))
                self.assertEqual(shared["map_color"], "#0b5345")
                self.assertFalse(shared["geojson"], "no area: only its marker")
                self.assertEqual(records[self.road.id]["map_color"], "#0d6efd")
                # the legend: the statuses in their order, with their labels
                self.assertEqual([key for key, _label in described["state"]["selection"]], list(STATUS_COLORS))

    def test_every_status_has_its_own_colour(self):
        self.assertEqual(
            set(STATUS_COLORS), {key for key, _label in self.env["srm.land.parcel"]._fields["state"].selection}
        )
        self.assertEqual(len(set(STATUS_COLORS.values())), len(STATUS_COLORS))
        for state, color in STATUS_COLORS.items():
            self.negotiating.state = state
            records, _described = self._map(self.officer, "srm_land_map.srm_land_parcel_action_map")
            self.assertEqual(records[self.negotiating.id]["map_color"], color, state)

    def test_map_shows_only_the_parcels_the_user_may_read(self):
        records, _described = self._map(self.user, "srm_land_map.srm_land_parcel_action_map")
        self.assertEqual(set(records), {self.shared.id, self.road.id}, "a confidential parcel needs that access")
        records, _described = self._map(self.restricted, "srm_land_map.srm_land_parcel_action_map")
        self.assertEqual(set(records), {self.shared.id}, "another project's parcel, a confidential parcel")
        records, _described = self._map(self.auditor, "srm_land_map.srm_land_parcel_action_map")
        self.assertEqual(set(records), {self.shared.id, self.road.id})
        contractor = new_test_user(
            self.env,
            "land_map_contractor",
            "base.group_user,srm_base.group_srm_restricted,srm_base.group_srm_confidential",
            srm_project_ids=[Command.set(self.project.ids)],
        )
        records, _described = self._map(contractor, "srm_land_map.srm_land_parcel_action_map")
        self.assertEqual(set(records), {self.negotiating.id, self.shared.id}, "confidential, not another project")
        with mute_logger("odoo.models", "odoo.addons.base.models.ir_model"), self.assertRaises(AccessError):
            self._map(self.portal, "srm_land_map.srm_land_parcel_action_map")

    def test_map_in_the_user_language(self):
        for lang in LANGS:
            self.env["res.lang"]._activate_lang(lang)
        self.env["ir.module.module"]._load_module_terms(["srm_land", "srm_land_map"], list(LANGS), overwrite=True)
        expected = {"fr_FR": "En négociation", "es_ES": "En negociación", "zh_CN": "谈判中"}
        for lang, status in expected.items():
            with self.subTest(lang=lang):
                env = self.env(context={"lang": lang})
                label = dict(env["srm.land.parcel"]._fields["state"]._description_selection(env))["negotiating"]
                self.assertEqual(label, status)
                records, described = self._map(self.officer, "srm_land_map.srm_land_parcel_action_map", lang=lang)
                self.assertEqual(records[self.negotiating.id]["map_summary"].split("\n")[0], status)
                self.assertIn(("negotiating", status), [tuple(option) for option in described["state"]["selection"]])
        menu = self.env.ref("srm_land_map.srm_land_parcel_map_menu")
        self.assertEqual(menu.with_context(lang="fr_FR").name, "Carte des parcelles")

    def test_parcel_actions_have_the_map_until_uninstalled(self):
        for xmlid in PARCEL_ACTIONS:
            modes = self.env.ref(xmlid).view_mode.split(",")
            self.assertIn("leaflet_map", modes, xmlid)
            self.assertNotEqual(modes[0], "leaflet_map", "the map is one more view, not the first")
        uninstall_hook(self.env)
        for xmlid in PARCEL_ACTIONS:
            self.assertNotIn("leaflet_map", self.env.ref(xmlid).view_mode.split(","), xmlid)

    def test_demo_parcels_are_on_the_map_of_rio_claro(self):
        lot17 = self.env.ref("srm_land.srm_land_parcel_lot17_demo", raise_if_not_found=False)
        if not lot17:
            self.skipTest("no demo data")
        parcels = self.env["srm.land.parcel"].search([("project_id", "=", lot17.project_id.id)])
        self.assertEqual(len(parcels), 30)
        for parcel in parcels:
            # the upper valley of the Río Claro, around the project's point
            self.assertTrue(-30.82 < parcel.latitude < -30.77 and -70.64 < parcel.longitude < -70.59, parcel.name)
            self.assertTrue(parcel.geojson, parcel.name)
            self.assertEqual(parcel.map_color, STATUS_COLORS[parcel.state])
        self.assertGreaterEqual(len(set(parcels.mapped("state"))), 5, "the demo map shows several statuses")


@tagged("post_install", "-at_install")
class TestLandMapLinks(LandCase):
    """The popup of a parcel on the map counts the engagements about it the user may read,
    and opens them, in a list or on their map."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.shared = cls._parcel("LINK-SHARED", state="negotiating", latitude=-30.79, longitude=-70.61)
        cls.shared.is_confidential = False
        cls.quiet = cls._parcel("LINK-QUIET", latitude=-30.78, longitude=-70.62, is_confidential=False)
        Engagement = cls.env["srm.engagement"]
        values = {
            "engagement_type_id": cls.env.ref("srm_base.srm_engagement_type_site_visit").id,
            "date": fields.Datetime.now(),
            "partner_ids": [Command.set(cls.ines.ids)],
            "project_id": cls.project.id,
            "land_parcel_ids": [Command.set(cls.shared.ids)],
        }
        cls.walk = Engagement.create({"name": "Boundary walk", "latitude": -30.791, "longitude": -70.611, **values})
        cls.offer = Engagement.create({"name": "Compensation offer", "is_confidential": True, **values})
        cls.road = Engagement.create({"name": "Road meeting", **values, "project_id": cls.other_project.id})

    def _links(self, user, parcel):
        """The engagements link of the parcel's popup, as the map reads it for ``user``."""
        record = parcel.with_user(user).search_read([("id", "=", parcel.id)], ["map_links"])[0]
        return next(link for link in record["map_links"] if link["method"] == "action_view_engagements")

    def test_engagements_counted_as_the_user(self):
        expected = {
            # User and Confidential access: every engagement about the parcel
            self.officer: self.walk | self.offer | self.road,
            # no Confidential access: not the compensation offer, nor learns it exists
            self.user: self.walk | self.road,
            # project-restricted: the engagements of their project, not confidential ones
            self.restricted: self.walk,
            self.auditor: self.walk | self.road,
        }
        for user, engagements in expected.items():
            with self.subTest(user=user.login):
                self.env.invalidate_all()
                link = self._links(user, self.shared)
                self.assertEqual(link["label"], "Engagements")
                self.assertEqual(link["count"], str(len(engagements)))
                self.assertEqual(link["map_method"], "action_view_engagements_map")
                # the link opens the same engagements, as the user
                action = getattr(self.shared.with_user(user), link["method"])()
                self.assertEqual(self.env["srm.engagement"].with_user(user).search(action["domain"]), engagements)
                self.assertEqual(self._links(user, self.quiet)["count"], "0")

    def test_engagements_of_a_parcel_on_their_map(self):
        action = self.shared.with_user(self.user).action_view_engagements_map()
        view = self.env.ref("srm_map.srm_engagement_view_leaflet_map")
        self.assertEqual(action["views"][0], (view.id, "leaflet_map"), "opened on the map")
        self.assertIn("list", [mode for _view_id, mode in action["views"]])
        self.assertEqual(action["view_mode"].split(",")[0], "leaflet_map")
        Engagement = self.env["srm.engagement"].with_user(self.user)
        on_map = Engagement.search(action["domain"] + geo_domain("latitude", "longitude"))
        self.assertEqual(on_map, self.walk, "the engagements about the parcel that have a place")
        # the same from the form of the parcel
        arch = self.env["srm.land.parcel"].with_user(self.user).get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertEqual(len(etree.fromstring(arch).xpath("//button[@name='action_view_engagements_map']")), 1)
