# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.srm_map.hooks import remove_map_view_mode

PARCEL_ACTIONS = ["srm_land.srm_land_parcel_action"]


def uninstall_hook(env):
    """The parcels keep their views without the map of this module."""
    remove_map_view_mode(env, PARCEL_ACTIONS)
