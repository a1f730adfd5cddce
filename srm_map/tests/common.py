# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
from urllib.parse import parse_qs, urlsplit

import requests

NOMINATIM_HOST = "nominatim.openstreetmap.org"


class NominatimCase:
    """Answers base_geolocalize's requests to OpenStreetMap Nominatim from a table.

    Odoo's tests refuse external requests through ``_request_handler``; this one
    answers those made to Nominatim, with the coordinates of ``nominatim_places``
    (query -> (latitude, longitude)) or an empty result, and records the queries,
    so that the tests exercise Odoo's geocoder without reaching the network.
    """

    nominatim_places = {}
    nominatim_queries = []
    nominatim_down = False

    def setUp(self):
        super().setUp()
        cls = type(self)
        cls.nominatim_queries = []
        cls.nominatim_down = False
        self.env["ir.config_parameter"].sudo().set_param("srm_map.geolocate_delay", "0")

    @classmethod
    def _request_handler(cls, s, r, /, **kw):
        url = urlsplit(r.url)
        if url.hostname != NOMINATIM_HOST:
            return super()._request_handler(s, r, **kw)
        query = parse_qs(url.query).get("q", [""])[0]
        cls.nominatim_queries.append(query)
        if cls.nominatim_down:
            raise requests.exceptions.ConnectionError("Nominatim cannot be reached")
        place = cls.nominatim_places.get(query)
        body = [{"lat": str(place[0]), "lon": str(place[1]), "display_name": query}] if place else []
        response = requests.Response()
        response.status_code = 200
        response.url = r.url
        response.headers["Content-Type"] = "application/json"
        response._content = json.dumps(body).encode()
        return response
