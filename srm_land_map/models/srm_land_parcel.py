# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.tools.misc import formatLang

# the colour of each status of the access process on the map, from grey (nothing
# agreed yet) through amber (negotiating) to greens (the land is used, then restored);
# readable on OpenStreetMap's tiles, and told apart by the legend
STATUS_COLORS = {
    "identified": "#6c757d",
    "surveyed": "#0d6efd",
    "negotiating": "#fd7e14",
    "agreed": "#6f42c1",
    "compensated": "#d63384",
    "accessed": "#198754",
    "restored": "#0b5345",
}
DEFAULT_COLOR = "#6c757d"


class SrmLandParcel(models.Model):
    _inherit = "srm.land.parcel"

    map_color = fields.Char(
        string="Map Colour",
        compute="_compute_map_color",
        help="The colour of the parcel on the map: that of its status.",
    )
    map_summary = fields.Char(
        compute="_compute_map_summary",
        help="What the map shows of the parcel: its status, locality, tenure and area.",
    )

    map_links = fields.Json(
        compute="_compute_map_links",
        help="What the popup of the parcel on the map links to: the records about the parcel "
        "the user may read, and how many there are.",
    )

    @api.depends("state")
    def _compute_map_color(self):
        for parcel in self:
            parcel.map_color = STATUS_COLORS.get(parcel.state, DEFAULT_COLOR)

    @api.depends_context("lang")
    @api.depends("state", "locality", "tenure", "area_ha")
    def _compute_map_summary(self):
        states = dict(self._fields["state"]._description_selection(self.env))
        tenures = dict(self._fields["tenure"]._description_selection(self.env))
        for parcel in self:
            details = [parcel.locality, tenures.get(parcel.tenure)]
            if parcel.area_ha:
                details.append(self.env._("%s ha", formatLang(self.env, parcel.area_ha, digits=2)))
            parcel.map_summary = "\n".join(
                line for line in (states.get(parcel.state), " · ".join(filter(None, details))) if line
            )

    @api.depends_context("uid", "allowed_company_ids", "lang")
    def _compute_map_links(self):
        links = self._srm_map_links()
        for parcel in self:
            parcel.map_links = links.get(parcel.id, [])

    def _srm_map_links(self):
        """The links of the popup of each parcel, counted as the current user (record rules
        apply: what a user may not read is not counted).

        :returns: {parcel id: [{"label", "count" (text), "method" (opens the list),
            "map_method" (opens the map)}]}; other modules add their links
        """
        links = defaultdict(list)
        Engagement = self.env["srm.engagement"]
        parcels = self.filtered("id")
        if not parcels or not Engagement.has_access("read"):
            return links
        counts = dict(
            Engagement._read_group([("land_parcel_ids", "in", parcels.ids)], ["land_parcel_ids"], ["__count"])
        )
        for parcel in parcels:
            links[parcel.id].append(
                {
                    "label": self.env._("Engagements"),
                    "count": str(counts.get(parcel, 0)),
                    "method": "action_view_engagements",
                    "map_method": "action_view_engagements_map",
                }
            )
        return links

    def _srm_map_action(self, action, view_xmlid):
        """``action`` opened on the map view ``view_xmlid``, before its other views."""
        view = self.env.ref(view_xmlid)
        views = [(view.id, "leaflet_map")] + [
            (view_id, mode) for view_id, mode in action["views"] if mode != "leaflet_map"
        ]
        action.update(views=views, view_mode=",".join(mode for _view_id, mode in views))
        return action

    def action_view_engagements_map(self):
        """The engagements about the parcel on the map (those with a place)."""
        return self._srm_map_action(self.action_view_engagements(), "srm_map.srm_engagement_view_leaflet_map")
