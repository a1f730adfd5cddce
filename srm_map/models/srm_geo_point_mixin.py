# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SrmGeoPointMixin(models.AbstractModel):
    """Coordinates of a record that happens somewhere, found from its free-text place.

    The place is looked up with the country of the record's project, when it has one.
    """

    _name = "srm.geo.point.mixin"
    _inherit = "srm.geo.mixin"
    _description = "SRM place on the map"

    _srm_geo_address_fields = ("location",)

    latitude = fields.Float(digits=(10, 7))
    longitude = fields.Float(digits=(10, 7))
    date_localization = fields.Date(string="Geolocation Date", readonly=True, copy=False)

    @api.constrains("latitude", "longitude")
    def _check_srm_coordinates(self):
        for record in self:
            if not -90 <= (record.latitude or 0.0) <= 90 or not -180 <= (record.longitude or 0.0) <= 180:
                raise ValidationError(
                    self.env._(
                        "The latitude of %s must be between -90 and 90 and its longitude between -180 and 180.",
                        record.display_name,
                    )
                )

    def _srm_geo_key(self):
        self.ensure_one()
        place = " ".join((self.location or "").split())
        if not place:
            return None
        country = self.project_id.country_id.name if "project_id" in self._fields else False
        return (place, country or "")

    def _srm_geo_private(self):
        # nothing confidential goes to an outside service
        private = super()._srm_geo_private()
        if "is_confidential" in self._fields:
            private |= self.filtered("is_confidential")
        return private

    @api.model
    def _srm_geo_lookup(self, key):
        place, country = key
        geocoder = self.env["base.geocoder"]
        query = geocoder.geo_query_address(street=place, country=country or None)
        return geocoder.geo_find(query, force_country=country or None)

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._srm_geo_queue_new_addresses()
        return records

    def write(self, vals):
        if {"latitude", "longitude"} & vals.keys() and "srm_geo_state" not in vals:
            # placed by hand: no longer what the geocoder found
            vals = dict(vals, srm_geo_state=False, date_localization=False)
        moved = self.browse()
        if set(self._srm_geo_address_fields) & vals.keys() and "srm_geo_state" not in vals:
            moved = self.filtered("srm_geo_state")
        res = super().write(vals)
        if moved:
            # coordinates found from the previous place no longer apply; those placed by hand stay
            located = moved.filtered(lambda record: record.srm_geo_state == "located")
            located.write({"latitude": 0.0, "longitude": 0.0, "date_localization": False, "srm_geo_state": False})
            (moved - located).write({"srm_geo_state": False})
        if set(self._srm_geo_address_fields) & vals.keys() and "srm_geo_state" not in vals:
            self._srm_geo_queue_new_addresses()
        return res
