# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
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
