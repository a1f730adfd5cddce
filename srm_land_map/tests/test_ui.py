# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.srm_land.tests.common import square


@tagged("post_install", "-at_install")
class TestLandMapUi(HttpCase):
    def test_parcel_map_tour(self):
        # tiles from this server: the browser of the tests reaches no other
        self.env["ir.config_parameter"].sudo().set_param(
            "leaflet.tile_url", "/web/static/img/placeholder.png?z={z}&x={x}&y={y}"
        )
        # the parcels of the tour only (the demo's are elsewhere on the map)
        self.env["srm.land.parcel"].search([]).active = False
        project = self.env["srm.project"].create({"name": "Tour Map Mine", "code": "TOUR-MAP"})
        Parcel = self.env["srm.land.parcel"]
        Parcel.create(
            {
                "name": "TOUR-MAP-NEG",
                "project_id": project.id,
                "state": "negotiating",
                "locality": "Tour <b>Valley</b>",
                "geojson": square(2.30, 48.85),
            }
        )
        Parcel.create(
            {
                "name": "TOUR-MAP-RES",
                "project_id": project.id,
                "state": "restored",
                "latitude": 48.90,
                "longitude": 2.40,
            }
        )
        self.start_tour("/odoo/action-srm_land_map.srm_land_parcel_action_map", "srm_land_map_tour", login="admin")
