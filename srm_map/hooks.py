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


def remove_map_view_mode(env, action_xmlids):
    """Take the map out of the view modes of other modules' actions."""
    for xmlid in action_xmlids:
        action = env.ref(xmlid, raise_if_not_found=False)
        if action and "leaflet_map" in action.view_mode.split(","):
            action.view_mode = ",".join(mode for mode in action.view_mode.split(",") if mode != "leaflet_map")


def uninstall_hook(env):
    """The engagement log keeps its views without the map of this module."""
    remove_map_view_mode(env, ["srm_base.srm_engagement_action"])
