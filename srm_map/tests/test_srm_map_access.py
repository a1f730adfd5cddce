# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo import Command
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.srm_base.tests.common import SrmCase

from ..hooks import uninstall_hook
from ..models.srm_geo_mixin import geo_domain


@tagged("post_install", "-at_install")
class TestSrmMapAccess(SrmCase):
    """The map reads its markers with search_read: it shows what the user may read, nothing more."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.restricted = cls._new_user("map_restricted", "srm_base.group_srm_restricted")
        cls.project.member_ids = [Command.link(cls.restricted.id)]
        cls.user = cls._new_user("map_user", "srm_base.group_srm_user")
        places = [(-33.1, -70.1), (-33.2, -70.2), (-33.3, -70.3), (-33.4, -70.4)]
        partners = cls.stakeholder | cls.community | cls.do_not_contact | cls.road_stakeholder
        for partner, (latitude, longitude) in zip(partners, places, strict=True):
            partner.write({"partner_latitude": latitude, "partner_longitude": longitude})
        cls.mine = cls._engagement(cls.stakeholder, location="Tessa", latitude=-33.1, longitude=-70.1)
        cls.confidential = cls._engagement(
            cls.stakeholder, location="Tessa", latitude=-33.1, longitude=-70.1, is_confidential=True
        )
        cls.other = cls._engagement(
            cls.road_stakeholder, location="Road", latitude=-33.4, longitude=-70.4, project_id=cls.other_project.id
        )

    def _map_records(self, user, action_xmlid):
        """What the map of ``action_xmlid`` loads for ``user``: the fields the map view asks
        for, with the action's domain, of the records with coordinates, through search_read."""
        action = self.env.ref(action_xmlid)
        self.assertIn("leaflet_map", [mode for _view_id, mode in action.views])
        model = self.env[action.res_model].with_user(user)
        arch = etree.fromstring(model.get_views([(False, "leaflet_map")])["views"]["leaflet_map"]["arch"])
        self.assertEqual(arch.tag, "leaflet_map")
        latitude, longitude = arch.get("field_latitude"), arch.get("field_longitude")
        fields = ["id", "display_name", "date_localization", latitude, longitude]
        fields += [arch.get("field_title"), arch.get("field_address")]
        domain = safe_eval(action.domain or "[]")
        records = model.search_read(domain + geo_domain(latitude, longitude), fields)
        return {record["id"] for record in records}

    def test_restricted_user_sees_the_stakeholders_of_their_projects_only(self):
        ids = self._map_records(self.restricted, "srm_base.res_partner_action_stakeholder")
        self.assertTrue({self.stakeholder.id, self.community.id, self.do_not_contact.id} <= ids)
        self.assertNotIn(self.road_stakeholder.id, ids)
        self.assertIn(self.road_stakeholder.id, self._map_records(self.user, "srm_base.res_partner_action_stakeholder"))

    def test_restricted_user_sees_the_engagements_of_their_projects_only(self):
        ids = self._map_records(self.restricted, "srm_base.srm_engagement_action")
        self.assertIn(self.mine.id, ids)
        self.assertNotIn(self.other.id, ids)
        self.assertNotIn(self.confidential.id, ids)
        ids = self._map_records(self.user, "srm_base.srm_engagement_action")
        self.assertEqual({self.mine.id, self.other.id} & ids, {self.mine.id, self.other.id})
        self.assertNotIn(self.confidential.id, ids, "confidential engagements need Confidential access")

    def test_uninstalling_takes_the_map_out_of_the_engagement_log(self):
        action = self.env.ref("srm_base.srm_engagement_action")
        self.assertIn("leaflet_map", action.view_mode.split(","))
        uninstall_hook(self.env)
        self.assertEqual(action.view_mode, "list,kanban,form,calendar,pivot,graph,activity")
