# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
import time
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)

GEO_STATES = [
    ("queued", "To locate"),
    ("located", "Located"),
    ("not_found", "Address not found"),
]

# system parameters (Settings > Technical > System Parameters)
PARAM_AUTO = "srm_map.geolocate_auto"
PARAM_BATCH = "srm_map.geolocate_batch_size"
PARAM_DELAY = "srm_map.geolocate_delay"
DEFAULT_BATCH = 25
# OpenStreetMap Nominatim accepts at most one request per second
DEFAULT_DELAY = 1.0


def geo_domain(latitude, longitude):
    """Domain of the records placed on the map (0, 0 is no place)."""
    return [
        "|",
        "|",
        "|",
        (latitude, ">", 0),
        (latitude, "<", 0),
        (longitude, ">", 0),
        (longitude, "<", 0),
    ]


class SrmGeoMixin(models.AbstractModel):
    """Coordinates found from an address, in batches, with Odoo's geocoder.

    ``base_geolocalize`` queries the provider chosen in the settings
    (OpenStreetMap Nominatim by default). A model using this mixin names its
    coordinate fields and the fields its address is made of, and says how to
    turn a record into a look-up key (``_srm_geo_key``) and a key into
    coordinates (``_srm_geo_lookup``). Records sharing an address are looked up
    once; records waiting for the scheduled action are in the state *To locate*.
    """

    _name = "srm.geo.mixin"
    _description = "SRM geolocation of addresses"

    _srm_geo_latitude = "latitude"
    _srm_geo_longitude = "longitude"
    _srm_geo_address_fields = ()

    srm_geo_state = fields.Selection(
        GEO_STATES,
        string="Geolocation",
        copy=False,
        readonly=True,
        index="btree_not_null",
        help="To locate: waiting for the scheduled action that finds the coordinates of the "
        "address. Located: the coordinates were found from the address. Address not found: the "
        "geolocation service did not know the address; correct it or place it by hand.",
    )

    # ------------------------------------------------------------------
    # To be defined by each model
    # ------------------------------------------------------------------

    def _srm_geo_key(self):
        """What identifies the address of this record for the geocoder (hashable), or None."""
        raise NotImplementedError

    @api.model
    def _srm_geo_lookup(self, key):
        """Coordinates (latitude, longitude) of ``key``, or None when not found."""
        raise NotImplementedError

    def _srm_geo_auto_eligible(self):
        """Records whose new or changed address is located automatically (when enabled)."""
        return self

    def _srm_geo_private(self):
        """Records whose address never goes to the geolocation service (confidential
        ones): they are placed by hand."""
        return self.browse()

    # ------------------------------------------------------------------
    # Settings
    # ------------------------------------------------------------------

    @api.model
    def _srm_geo_param(self, key, default, convert):
        value = self.env["ir.config_parameter"].sudo().get_param(key)
        try:
            return convert(value) if value not in (None, False, "") else default
        except ValueError:
            return default

    @api.model
    def _srm_geo_batch_size(self):
        return max(self._srm_geo_param(PARAM_BATCH, DEFAULT_BATCH, int), 1)

    @api.model
    def _srm_geo_delay(self):
        return max(self._srm_geo_param(PARAM_DELAY, DEFAULT_DELAY, float), 0.0)

    @api.model
    def _srm_geo_auto(self):
        return self._srm_geo_param(PARAM_AUTO, False, lambda value: value.lower() in ("1", "true", "yes"))

    @api.model
    def _srm_geo_models(self):
        """Names of the models located by the scheduled action."""
        names = self.env.registry.descendants(["srm.geo.mixin"], "_inherit")
        return [name for name in names if not self.env[name]._abstract and not self.env[name]._transient]

    # ------------------------------------------------------------------
    # Locating
    # ------------------------------------------------------------------

    def _srm_geo_locate(self):
        """Find the coordinates of these records from their address.

        One look-up per distinct address, spaced by the configured delay. Found
        coordinates are written with the date; records whose address is unknown
        are marked *Address not found*. When the service fails, the records not
        looked up yet are left as they were.

        Private records (``_srm_geo_private``) are not looked up, nor left waiting.

        :returns: dict with the ``located``, ``not_found`` and ``private`` records and
            the ``error`` message of the service, if any
        """
        private = self._srm_geo_private()
        if private:
            private.filtered(lambda record: record.srm_geo_state == "queued").write({"srm_geo_state": False})
            return dict((self - private)._srm_geo_locate(), private=private)
        result = {"located": self.browse(), "not_found": self.browse(), "private": private, "error": None}
        if not self:
            return result
        # country names in English, as base_geolocalize sends them
        keys = {record.id: record._srm_geo_key() for record in self.with_context(lang="en_US")}
        delay = self._srm_geo_delay()
        found = {}
        for key in dict.fromkeys(key for key in keys.values() if key):
            if found and delay:
                time.sleep(delay)
            try:
                found[key] = self._srm_geo_lookup(key)
            except UserError as error:
                result["error"] = str(error)
                break
        by_place = defaultdict(list)
        not_found = []
        for record in self:
            key = keys[record.id]
            if key and key not in found:
                continue  # not looked up: the service failed before
            coordinates = found.get(key) if key else None
            if coordinates:
                by_place[coordinates].append(record.id)
            else:
                not_found.append(record.id)
        today = fields.Date.context_today(self)
        for (latitude, longitude), ids in by_place.items():
            records = self.browse(ids)
            records.write(
                {
                    self._srm_geo_latitude: latitude,
                    self._srm_geo_longitude: longitude,
                    "date_localization": today,
                    "srm_geo_state": "located",
                }
            )
            result["located"] |= records
        result["not_found"] = self.browse(not_found)
        result["not_found"].write({"srm_geo_state": "not_found"})
        return result

    def action_srm_geolocate(self):
        """Locate the selected records now; beyond one batch, the scheduled action continues."""
        self.check_access("write")
        if not self:
            return False
        private = self._srm_geo_private()
        records = self - private
        now = records[: self._srm_geo_batch_size()]
        later = records - now
        records.write({"srm_geo_state": "queued"})
        result = dict(now._srm_geo_locate(), private=private)
        if later or result["error"]:
            self._srm_geo_trigger()
        lines = [self.env._("%s located.", len(result["located"]))]
        if result["not_found"]:
            lines.append(
                self.env._("Address not found: %s.", ", ".join(result["not_found"][:10].mapped("display_name")))
            )
        if result["private"]:
            lines.append(
                self.env._(
                    "%s kept private: the place of a confidential record, or of a grievance whose "
                    "complainant is protected, is not sent to the geolocation service; place it by hand.",
                    len(result["private"]),
                )
            )
        waiting = len(records.filtered(lambda record: record.srm_geo_state == "queued"))
        if waiting:
            lines.append(self.env._("%s more will be located in the background.", waiting))
        if result["error"]:
            lines.append(result["error"])
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Geolocation"),
                "message": " ".join(lines),
                "type": "danger"
                if result["error"]
                else ("warning" if result["not_found"] or result["private"] else "success"),
                "sticky": bool(result["error"] or result["not_found"] or result["private"]),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    @api.model
    def _srm_geo_trigger(self):
        cron = self.env.ref("srm_map.ir_cron_srm_geolocate", raise_if_not_found=False)
        if cron:
            # users may not read scheduled actions: this only asks for the next run
            cron.sudo()._trigger()

    def _srm_geo_queue_new_addresses(self):
        """Queue the eligible records that have an address but no coordinates, when
        automatic geolocation is on."""
        if not self or not self._srm_geo_auto():
            return self.browse()
        latitude, longitude = self._srm_geo_latitude, self._srm_geo_longitude
        queued = (self._srm_geo_auto_eligible() - self._srm_geo_private()).filtered(
            lambda record: (
                not (record[latitude] or record[longitude])
                and record.srm_geo_state != "queued"
                and record._srm_geo_key()
            )
        )
        if queued:
            queued.write({"srm_geo_state": "queued"})
            self._srm_geo_trigger()
        return queued

    @api.model
    def _cron_srm_geolocate(self):
        """Locate the records waiting for it, one batch per run (the run repeats while some remain)."""
        budget = self._srm_geo_batch_size()
        done = remaining = 0
        for name in self._srm_geo_models():
            Model = self.env[name].with_context(active_test=False)
            domain = [("srm_geo_state", "=", "queued")]
            records = Model.search(domain, limit=budget - done) if done < budget else Model.browse()
            result = records._srm_geo_locate()
            done += len(result["located"]) + len(result["not_found"])
            if result["error"]:
                _logger.warning("Geolocation stopped, the next run tries again: %s", result["error"])
                self.env["ir.cron"]._notify_progress(done=done, remaining=0)
                return
            remaining += Model.search_count(domain)
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
