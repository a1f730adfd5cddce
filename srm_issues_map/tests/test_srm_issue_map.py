# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.srm_issues.tests.common import SrmIssueCase
from odoo.addons.srm_map.models.srm_geo_mixin import geo_domain
from odoo.addons.srm_map.tests.common import NominatimCase

from ..hooks import ISSUE_ACTIONS, uninstall_hook


@tagged("post_install", "-at_install")
class TestSrmIssueMap(NominatimCase, SrmIssueCase):
    """Issues on the map: where they happened, as far as the user may read them."""

    nominatim_places = {"Tessa school, Chile": (-33.45, -70.67)}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project_a.country_id = cls.env.ref("base.cl")
        cls.north = cls._issue(name="Dust on the school", location="Tessa school", latitude=-33.1, longitude=-70.1)
        cls.south = cls._issue(
            name="Noise at the port", project_id=cls.project_b.id, location="Port", latitude=-33.2, longitude=-70.2
        )
        cls.confidential = cls._issue(
            name="Confidential issue", is_confidential=True, location="Tessa", latitude=-33.3, longitude=-70.3
        )
        cls.worker = cls._issue(
            name="Unpaid overtime", grievance_scope="worker", location="Camp", latitude=-33.4, longitude=-70.4
        )
        cls.no_place = cls._issue(name="No place")

    def _map_ids(self, user, action_xmlid):
        """The issues the map of the action loads for ``user``, as it loads them (search_read)."""
        action = self.env.ref(action_xmlid)
        self.assertIn("leaflet_map", [mode for _view_id, mode in action.views])
        domain = safe_eval(action.domain or "[]")
        records = (
            self.env["srm.issue"]
            .with_user(user)
            .search_read(
                domain + geo_domain("latitude", "longitude"),
                ["id", "display_name", "date_localization", "latitude", "longitude", "location"],
            )
        )
        return {record["id"] for record in records}

    def test_map_shows_only_readable_issues(self):
        restricted = self._map_ids(self.user_restricted, "srm_issues.srm_issue_action")
        self.assertIn(self.north.id, restricted)
        self.assertNotIn(self.south.id, restricted, "another project's issue")
        self.assertNotIn(self.confidential.id, restricted)
        self.assertNotIn(self.no_place.id, restricted, "no coordinates, no marker")

        user = self._map_ids(self.user_user, "srm_issues.srm_issue_action")
        self.assertTrue({self.north.id, self.south.id} <= user)
        self.assertNotIn(self.confidential.id, user)
        self.assertNotIn(self.worker.id, user)
        self.assertIn(self.confidential.id, self._map_ids(self.user_confidential, "srm_issues.srm_issue_action"))
        self.assertEqual(
            self._map_ids(self.user_worker, "srm_issues.srm_issue_action_worker") & {self.north.id, self.worker.id},
            {self.worker.id},
        )

    def test_issue_place_is_located(self):
        issue = self._issue(name="Dust again", location="Tessa school")
        issue.with_user(self.user_user).action_srm_geolocate()
        self.assertEqual(issue.srm_geo_state, "located")
        self.assertAlmostEqual(issue.latitude, -33.45)
        self.assertAlmostEqual(issue.longitude, -70.67)
        # the day it was located, in some time zone of the users involved
        self.assertLessEqual(abs((issue.date_localization - fields.Date.today()).days), 1)
        self.assertEqual(self.nominatim_queries, ["Tessa school, Chile"])

    def test_protected_places_never_reach_the_geocoder(self):
        """The place of a confidential, sensitive, anonymous or worker grievance (often where
        the complainant lives) is not sent to the geolocation service, asked or automatic."""
        self.env["ir.config_parameter"].sudo().set_param("srm_map.geolocate_auto", "True")
        kinds = [
            {"is_confidential": True},
            {"is_sensitive": True},
            {"is_anonymous": True},
            {"grievance_scope": "worker"},
        ]
        issues = self.env["srm.issue"].concat(
            *(self._issue(name=f"Protected {i}", location="Tessa school", **vals) for i, vals in enumerate(kinds))
        )
        self.assertFalse(any(issues.mapped("srm_geo_state")), "not queued automatically")
        self.env["ir.config_parameter"].sudo().set_param("srm_map.geolocate_batch_size", "1")
        message = issues.action_srm_geolocate()["params"]["message"]
        self.assertIn("4 kept private", message)
        self.assertNotIn("in the background", message, "none is left waiting")
        self.env["srm.issue"]._cron_srm_geolocate()
        self.assertEqual(self.nominatim_queries, [])
        self.assertFalse(any(issues.mapped("latitude")))
        # made sensitive while waiting for the scheduled action: not sent either
        waiting = self._issue(name="Dust at home", location="Tessa school")
        self.assertEqual(waiting.srm_geo_state, "queued")
        waiting.is_sensitive = True
        self.env["srm.issue"]._cron_srm_geolocate()
        self.assertEqual(self.nominatim_queries, [])
        self.assertFalse(waiting.srm_geo_state, "no longer waiting")
        # an ordinary grievance is located
        plain = self._issue(name="Dust again", location="Tessa school")
        self.env["srm.issue"]._cron_srm_geolocate()
        self.assertEqual(plain.srm_geo_state, "located")
        self.assertEqual(self.nominatim_queries, ["Tessa school, Chile"])

    def test_issue_actions_have_the_map_until_uninstalled(self):
        for xmlid in ISSUE_ACTIONS:
            modes = self.env.ref(xmlid).view_mode.split(",")
            self.assertIn("leaflet_map", modes, xmlid)
            self.assertNotEqual(modes[0], "leaflet_map", "the map is one more view, not the first")
        uninstall_hook(self.env)
        for xmlid in ISSUE_ACTIONS:
            self.assertNotIn("leaflet_map", self.env.ref(xmlid).view_mode.split(","), xmlid)
