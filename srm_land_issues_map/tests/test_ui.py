# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.srm_land.tests.common import square


@tagged("post_install", "-at_install")
class TestLandIssuesMapUi(HttpCase):
    def test_parcel_map_grievances_tour(self):
        # tiles from this server: the browser of the tests reaches no other
        self.env["ir.config_parameter"].sudo().set_param(
            "leaflet.tile_url", "/web/static/img/placeholder.png?z={z}&x={x}&y={y}"
        )
        # the parcels of the tour only (the demo's are elsewhere on the map)
        self.env["srm.land.parcel"].search([]).active = False
        project = self.env["srm.project"].create({"name": "Tour Grievance Mine", "code": "TOUR-GRV"})
        Parcel = self.env["srm.land.parcel"]
        complained = Parcel.create(
            {"name": "TOUR-GRV-OPEN", "project_id": project.id, "state": "agreed", "geojson": square(2.30, 48.85)}
        )
        Parcel.create(
            {
                "name": "TOUR-GRV-QUIET",
                "project_id": project.id,
                "state": "surveyed",
                "latitude": 48.9,
                "longitude": 2.4,
            }
        )
        Issue = self.env["srm.issue"]
        values = {"project_id": project.id, "land_parcel_ids": [Command.set(complained.ids)]}
        Issue.create({"name": "Gate left open", **values})
        fence = Issue.create({"name": "Fence not rebuilt", "latitude": 48.6, "longitude": 2.0, **values})
        fence.write({"stage_id": self.env.ref("srm_issues.srm_issue_stage_closed").id, "outcome": "upheld"})
        self.start_tour(
            "/odoo/action-srm_land_map.srm_land_parcel_action_map", "srm_land_issues_map_tour", login="admin"
        )
