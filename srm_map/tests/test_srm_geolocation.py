# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.srm_base.tests.common import SrmCase

from .common import NominatimCase

# the queries base_geolocalize sends for the test addresses
CAMINO_REAL = "Camino Real 12, 2340000 Tessa, Chile"
NOWHERE = "Calle Perdida 1, Nowhere, Chile"
NOWHERE_CITY = "Nowhere, Chile"
SCHOOL = "Tessa school, Chile"


@tagged("post_install", "-at_install")
class TestSrmGeolocation(NominatimCase, SrmCase):
    """Addresses and places located in batches, one look-up per distinct address."""

    nominatim_places = {
        CAMINO_REAL: (-33.4489, -70.6693),
        SCHOOL: (-33.45, -70.67),
    }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.chile = cls.env.ref("base.cl")
        cls.project.country_id = cls.chile
        address = {"street": "Camino Real 12", "zip": "2340000", "city": "Tessa", "country_id": cls.chile.id}
        (cls.stakeholder | cls.community).write(address)
        cls.do_not_contact.write({"street": "Calle Perdida 1", "city": "Nowhere", "country_id": cls.chile.id})
        cls.user = cls._new_user("map_user", "srm_base.group_srm_user")
        cls.auditor = cls._new_user("map_auditor", "srm_base.group_srm_auditor")
        cls.cron = cls.env.ref("srm_map.ir_cron_srm_geolocate")

    def _set_param(self, key, value):
        self.env["ir.config_parameter"].sudo().set_param(key, value)

    def _triggers(self):
        return self.env["ir.cron.trigger"].search_count([("cron_id", "=", self.cron.id)])

    def test_selected_stakeholders_are_located_once_per_address(self):
        partners = self.stakeholder | self.community | self.do_not_contact | self.road_stakeholder
        action = partners.with_user(self.user).action_srm_geolocate()

        for partner in self.stakeholder | self.community:
            self.assertAlmostEqual(partner.partner_latitude, -33.4489)
            self.assertAlmostEqual(partner.partner_longitude, -70.6693)
            # the day it was located, in some time zone of the users involved
            self.assertLessEqual(abs((partner.date_localization - fields.Date.today()).days), 1)
            self.assertEqual(partner.srm_geo_state, "located")
        # unknown address: base_geolocalize tries the city alone, then gives up
        self.assertFalse(self.do_not_contact.partner_latitude)
        self.assertEqual(self.do_not_contact.srm_geo_state, "not_found")
        # no address at all: nothing is asked
        self.assertEqual(self.road_stakeholder.srm_geo_state, "not_found")
        self.assertEqual(self.nominatim_queries, [CAMINO_REAL, NOWHERE, NOWHERE_CITY])

        self.assertEqual(action["params"]["type"], "warning")
        self.assertIn("2 located", action["params"]["message"])
        self.assertIn(self.do_not_contact.name, action["params"]["message"])
        self.assertIn(self.road_stakeholder.name, action["params"]["message"])

    def test_a_large_selection_continues_in_the_background(self):
        self._set_param("srm_map.geolocate_batch_size", "2")
        third = self.env["res.partner"].create(
            {"name": "Escuela Tessa", "is_stakeholder": True, "street": "Tessa school", "country_id": self.chile.id}
        )
        partners = self.stakeholder | self.community | third
        triggers = self._triggers()
        action = partners.with_user(self.user).action_srm_geolocate()

        self.assertEqual((self.stakeholder | self.community).mapped("srm_geo_state"), ["located", "located"])
        self.assertEqual(third.srm_geo_state, "queued", "beyond one batch, the rest waits for the scheduled action")
        self.assertFalse(third.partner_latitude)
        self.assertIn("1 more will be located in the background", action["params"]["message"])
        self.assertEqual(self._triggers(), triggers + 1, "the scheduled action is asked to run")

        self.env["res.partner"]._cron_srm_geolocate()
        self.assertEqual(third.srm_geo_state, "located")
        self.assertAlmostEqual(third.partner_latitude, -33.45)
        self.assertEqual(self.nominatim_queries, [CAMINO_REAL, SCHOOL], "one query per distinct address")

    def test_scheduled_action_locates_stakeholders_and_engagements_by_batch(self):
        self._set_param("srm_map.geolocate_batch_size", "2")
        engagement = self._engagement(self.stakeholder, location="Tessa school")
        (self.stakeholder | self.community).write({"srm_geo_state": "queued"})
        engagement.srm_geo_state = "queued"

        self.env["res.partner"]._cron_srm_geolocate()
        self.assertEqual((self.stakeholder | self.community).mapped("srm_geo_state"), ["located", "located"])
        self.assertEqual(engagement.srm_geo_state, "queued", "one batch per run")

        self.env["res.partner"]._cron_srm_geolocate()
        self.assertEqual(engagement.srm_geo_state, "located")
        self.assertAlmostEqual(engagement.latitude, -33.45)
        self.assertAlmostEqual(engagement.longitude, -70.67)
        # the day it was located, in some time zone of the users involved
        self.assertLessEqual(abs((engagement.date_localization - fields.Date.today()).days), 1)
        # the place of an engagement is looked up in the country of its project
        self.assertEqual(self.nominatim_queries, [CAMINO_REAL, SCHOOL])

    def test_new_addresses_are_queued_only_when_enabled(self):
        values = {"street": "Camino Real 12", "city": "Tessa", "country_id": self.chile.id}
        off = self.env["res.partner"].create(dict(values, name="Off", is_stakeholder=True))
        self.assertFalse(off.srm_geo_state, "nothing leaves the server unless asked")

        self._set_param("srm_map.geolocate_auto", "True")
        triggers = self._triggers()
        Partner = self.env["res.partner"]
        queued = Partner.create(dict(values, name="Queued", is_stakeholder=True))
        contact = Partner.create(dict(values, name="Not a stakeholder"))
        no_address = Partner.create({"name": "No address", "is_stakeholder": True})
        placed = Partner.create(
            dict(values, name="Placed", is_stakeholder=True, partner_latitude=-33.1, partner_longitude=-70.1)
        )
        self.assertEqual(queued.srm_geo_state, "queued")
        self.assertGreater(self._triggers(), triggers)
        self.assertFalse(contact.srm_geo_state)
        self.assertFalse(no_address.srm_geo_state)
        self.assertFalse(placed.srm_geo_state)
        self.assertFalse(self.nominatim_queries, "queued addresses are looked up by the scheduled action")

        # a located stakeholder who moves is located again
        self.stakeholder.with_user(self.user).action_srm_geolocate()
        self.stakeholder.write({"street": "Calle Perdida 1", "city": "Nowhere", "zip": False})
        self.assertFalse(self.stakeholder.partner_latitude, "the old coordinates no longer apply")
        self.assertEqual(self.stakeholder.srm_geo_state, "queued")
        # a contact who becomes a stakeholder too
        contact.is_stakeholder = True
        self.assertEqual(contact.srm_geo_state, "queued")

    def test_engagement_place_changes(self):
        located = self._engagement(self.stakeholder, location="Tessa school")
        located.action_srm_geolocate()
        self.assertEqual(located.srm_geo_state, "located")
        located.location = "Community hall"
        self.assertFalse(located.latitude, "coordinates found from the previous place are cleared")
        self.assertFalse(located.longitude)
        self.assertFalse(located.srm_geo_state)
        self.assertFalse(located.date_localization)

        placed = self._engagement(self.stakeholder, location="Riverside", latitude=-33.2, longitude=-70.2)
        placed.location = "Riverside, north bank"
        self.assertAlmostEqual(placed.latitude, -33.2, msg="coordinates placed by hand stay")

        located.action_srm_geolocate()  # "Community hall, Chile" is unknown
        self.assertEqual(located.srm_geo_state, "not_found")
        located.write({"latitude": -33.3, "longitude": -70.3})
        self.assertFalse(located.srm_geo_state, "placed by hand")

    def test_coordinates_must_be_in_range(self):
        engagement = self._engagement(self.stakeholder)
        with self.assertRaisesRegex(ValidationError, "between -90 and 90"):
            engagement.write({"latitude": 91.0, "longitude": 10.0})
        with self.assertRaisesRegex(ValidationError, "between -180 and 180"):
            engagement.write({"latitude": 10.0, "longitude": -181.0})

    def test_service_failure_leaves_the_queue_for_the_next_run(self):
        type(self).nominatim_down = True
        partners = self.stakeholder | self.do_not_contact
        action = partners.with_user(self.user).action_srm_geolocate()
        self.assertEqual(action["params"]["type"], "danger")
        self.assertIn("Error with geolocation server", action["params"]["message"])
        self.assertEqual(partners.mapped("srm_geo_state"), ["queued", "queued"])
        self.assertEqual(len(self.nominatim_queries), 1, "no more request once the service failed")

        with mute_logger("odoo.addons.srm_map.models.srm_geo_mixin"):
            self.env["res.partner"]._cron_srm_geolocate()
        self.assertEqual(partners.mapped("srm_geo_state"), ["queued", "queued"])

        type(self).nominatim_down = False
        self.env["res.partner"]._cron_srm_geolocate()
        self.assertEqual(partners.mapped("srm_geo_state"), ["located", "not_found"])

    def test_only_who_may_edit_may_locate(self):
        with self.assertRaises(AccessError):
            self.stakeholder.with_user(self.auditor).action_srm_geolocate()
        restricted = self._new_user("map_restricted", "srm_base.group_srm_restricted")
        self.project.member_ids = [Command.link(restricted.id)]
        with self.assertRaises(AccessError):
            self.road_stakeholder.with_user(restricted).action_srm_geolocate()
        self.stakeholder.with_user(restricted).action_srm_geolocate()
        self.assertEqual(self.stakeholder.srm_geo_state, "located")
        self.assertFalse(self.nominatim_queries[1:], "nothing was asked for the refused stakeholder")
