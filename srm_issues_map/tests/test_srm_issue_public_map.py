# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo.tests import HttpCase, tagged

from odoo.addons.srm_issues.tests.common import SrmIssueCommon

HIDDEN_RE = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')


@tagged("post_install", "-at_install")
class TestSrmIssuePublicMap(HttpCase, SrmIssueCommon):
    """Where it happened, on the public grievance form: two optional, validated numbers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._srm_issue_setup()
        cls.env["srm.project"].search([("srm_issue_public", "=", True)]).srm_issue_public = False
        cls.project_a.srm_issue_public = True
        cls.Issue = cls.env["srm.issue"].with_context(active_test=False)

    def setUp(self):
        super().setUp()
        # the form may be sent right after it is shown
        self.env["ir.config_parameter"].sudo().set_param("srm_issues.public_min_fill_seconds", "0")

    def _submit(self, **overrides):
        """Send the form as a visitor would: the hidden fields of the page, then the answers."""
        page = self.url_open("/grievance")
        self.assertEqual(page.status_code, 200)
        data = dict(HIDDEN_RE.findall(page.text))
        data.update(
            {
                "kind": "grievance",
                "name": "Dust from the haul road",
                "description": "Every afternoon the trucks cover our houses with dust.",
                "location": "Tessa, near the school",
                "is_anonymous": "on",
            }
        )
        data.update(overrides)
        return self.url_open("/grievance/submit", data=data)

    def _last_issue(self):
        return self.Issue.search([], order="id desc", limit=1)

    def test_form_offers_the_coordinates(self):
        page = self.url_open("/grievance")
        self.assertIn('name="latitude"', page.text)
        self.assertIn('name="longitude"', page.text)
        self.assertIn("Use my location", page.text)

    def test_coordinates_are_recorded(self):
        before = self.Issue.search_count([])
        response = self._submit(latitude=" -33.448912345 ", longitude="-70,6693")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.Issue.search_count([]), before + 1)
        issue = self._last_issue()
        self.assertAlmostEqual(issue.latitude, -33.448912, places=6)
        self.assertAlmostEqual(issue.longitude, -70.6693, places=6)
        self.assertFalse(issue.srm_geo_state, "placed by the complainant, not by the geocoder")
        self.assertEqual(issue.location, "Tessa, near the school")

    def test_coordinates_replace_the_automatic_geolocation(self):
        self.env["ir.config_parameter"].sudo().set_param("srm_map.geolocate_auto", "True")
        named = {
            "is_anonymous": "",
            "contact_name": "Rosa Vega",
            "contact_email": "rosa.vega@example.com",
            "consent": "on",
        }
        self._submit(name="Without coordinates", **named)
        self.assertEqual(self._last_issue().srm_geo_state, "queued", "the place is located later")
        # the place of an anonymous grievance (often the complainant's home) is not sent
        self._submit(name="Anonymous, without coordinates")
        self.assertFalse(self._last_issue().srm_geo_state)
        self._submit(name="With coordinates", latitude="-33.1", longitude="-70.1")
        issue = self._last_issue()
        self.assertEqual(issue.name, "With coordinates")
        self.assertFalse(issue.srm_geo_state)
        self.assertAlmostEqual(issue.latitude, -33.1)

    def test_without_coordinates_nothing_changes(self):
        self._submit(latitude="", longitude="")
        issue = self._last_issue()
        self.assertEqual(issue.name, "Dust from the haul road")
        self.assertFalse(issue.latitude)
        self.assertFalse(issue.longitude)

    def test_bad_coordinates_are_refused_with_what_was_typed(self):
        cases = [
            ({"latitude": "-33.4"}, "longitude", "Give both the latitude and the longitude"),
            ({"latitude": "91", "longitude": "10"}, "latitude", "The latitude is a number between -90 and 90"),
            ({"latitude": "10", "longitude": "-180.5"}, "longitude", "between -180 and 180"),
            ({"latitude": "nan", "longitude": "10"}, "latitude", "between -90 and 90"),
            ({"latitude": "1e1", "longitude": "10"}, "latitude", "between -90 and 90"),
            ({"latitude": "10", "longitude": "inf"}, "longitude", "between -180 and 180"),
            ({"latitude": "<b>1</b>", "longitude": "2"}, "latitude", "between -90 and 90"),
            ({"latitude": "1." + "1" * 40, "longitude": "2"}, "latitude", "between -90 and 90"),
        ]
        before = self.Issue.search_count([])
        for values, field, message in cases:
            with self.subTest(values=values):
                response = self._submit(**values)
                self.assertEqual(response.status_code, 200)
                self.assertIn(message, response.text)
                self.assertIn(f'id="{field}_error"', response.text)
                self.assertIn('value="Dust from the haul road"', response.text, "what was typed is kept")
                self.assertNotIn("<b>1</b>", response.text, "rendered escaped")
        self.assertEqual(self.Issue.search_count([]), before, "nothing is stored")

    def test_use_my_location_tour(self):
        self.start_tour("/grievance", "srm_issues_map_public_location_tour", login=None)
