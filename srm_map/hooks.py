# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

# OpenStreetMap's own tile server (https://operations.osmfoundation.org/policies/tiles/)
OSM_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


def post_init_hook(env):
    """Give the maps a tile server when none is configured yet.

    ``web_leaflet_lib`` sets OpenStreetMap's tiles on databases with demo data
    only: elsewhere its parameter is the text "False" and the maps stay blank.
    """
    params = env["ir.config_parameter"].sudo()
    if (params.get_param("leaflet.tile_url") or "False") == "False":
        params.set_param("leaflet.tile_url", OSM_TILE_URL)
