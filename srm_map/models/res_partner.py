# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

# the address fields base_geolocalize locates (and whose change resets the coordinates)
ADDRESS_FIELDS = ("street", "zip", "city", "state_id", "country_id")


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "srm.geo.mixin"]

    _srm_geo_latitude = "partner_latitude"
    _srm_geo_longitude = "partner_longitude"
    _srm_geo_address_fields = ADDRESS_FIELDS

    def _srm_geo_key(self):
        self.ensure_one()
        if not (self.street or self.zip or self.city):
            return None
        return (
            self.street or "",
            self.zip or "",
            self.city or "",
            self.state_id.name or "",
            self.country_id.name or "",
        )

    @api.model
    def _srm_geo_lookup(self, key):
        # base_geolocalize's look-up: the full address, else the city alone
        return self._geo_localize(*key)

    def _srm_geo_auto_eligible(self):
        return self.filtered("is_stakeholder")

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        partners._srm_geo_queue_new_addresses()
        return partners

    def write(self, vals):
        if "srm_geo_state" not in vals and {"partner_latitude", "partner_longitude"} & vals.keys():
            # placed by hand: no longer what the geocoder found
            vals = dict(vals, srm_geo_state=False)
        # base_geolocalize resets the coordinates when the address changes without them:
        # what the geocoder found no longer applies
        moved = (
            "srm_geo_state" not in vals
            and bool(set(ADDRESS_FIELDS) & vals.keys())
            and not {"partner_latitude", "partner_longitude"} <= vals.keys()
        )
        if moved:
            vals = dict(vals, srm_geo_state=False)
        res = super().write(vals)
        if moved or vals.get("is_stakeholder"):
            self._srm_geo_queue_new_addresses()
        return res
