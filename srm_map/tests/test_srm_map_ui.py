# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestSrmMapUi(HttpCase):
    def test_stakeholder_map_tour(self):
        # tiles from this server: the browser of the tests reaches no other
        self.env["ir.config_parameter"].sudo().set_param(
            "leaflet.tile_url", "/web/static/img/placeholder.png?z={z}&x={x}&y={y}"
        )
        landowner = self.env.ref("srm_base.srm_stakeholder_type_landowner")
        Partner = self.env["res.partner"]
        Partner.create(
            {
                "name": "Tour Mapped <i>Italic</i>",
                "is_stakeholder": True,
                "stakeholder_type_id": landowner.id,
                "street": "1-1 Chiyoda",
                "partner_latitude": 35.6852,
                "partner_longitude": 139.7528,
            }
        )
        Partner.create(
            {
                "name": "Tour Mapped Community",
                "is_stakeholder": True,
                "stakeholder_type_id": landowner.id,
                "partner_latitude": 48.8566,
                "partner_longitude": 2.3522,
            }
        )
        self.start_tour(
            "/odoo/action-srm_base.res_partner_action_stakeholder", "srm_map_stakeholder_tour", login="admin"
        )
