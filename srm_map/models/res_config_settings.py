# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    srm_map_geolocate_auto = fields.Boolean(
        string="Locate New Addresses Automatically",
        config_parameter="srm_map.geolocate_auto",
        help="New and changed addresses of stakeholders, and places of engagements, are sent to "
        "the geolocation service by a scheduled action. Otherwise only the records you select "
        "with the Locate on the Map action are.",
    )
