# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.osv import expression

from odoo.addons.srm_land_issues.models.srm_issue import SRM_GROUPS


class SrmIssue(models.Model):
    _inherit = "srm.issue"

    # where the land grievances map shows the issue: its own coordinates, else the point of
    # the first of its parcels that has one, among those the user may read
    land_latitude = fields.Float(
        string="Latitude on the Land Map",
        digits=(10, 7),
        compute="_compute_land_point",
        search="_search_land_latitude",
        groups=SRM_GROUPS,
    )
    land_longitude = fields.Float(
        string="Longitude on the Land Map",
        digits=(10, 7),
        compute="_compute_land_point",
        search="_search_land_longitude",
        groups=SRM_GROUPS,
    )
    land_map_summary = fields.Char(
        compute="_compute_land_map_summary",
        groups=SRM_GROUPS,
        help="What the land grievances map shows of the issue: its stage, its place and its parcels.",
    )

    @api.depends("latitude", "longitude", "land_parcel_ids.latitude", "land_parcel_ids.longitude")
    @api.depends_context("uid", "allowed_company_ids")
    def _compute_land_point(self):
        for issue in self:
            if issue.latitude or issue.longitude:
                issue.land_latitude, issue.land_longitude = issue.latitude, issue.longitude
            else:
                # read as the user: a parcel they may not read does not place the issue
                parcel = issue.land_parcel_ids.filtered(lambda parcel: parcel.latitude or parcel.longitude)[:1]
                issue.land_latitude, issue.land_longitude = parcel.latitude, parcel.longitude

    def _search_land_point(self, field_name, operator, value):
        no_point = [("latitude", "in", [0, False]), ("longitude", "in", [0, False])]
        own_point = ["|", ("latitude", "not in", [0, False]), ("longitude", "not in", [0, False])]
        parcel_point = [
            "&",
            "|",
            ("latitude", "not in", [0, False]),
            ("longitude", "not in", [0, False]),
            (field_name, operator, value),
        ]
        return expression.OR(
            [
                expression.AND([own_point, [(field_name, operator, value)]]),
                expression.AND([no_point, [("land_parcel_ids", "any", parcel_point)]]),
            ]
        )

    def _search_land_latitude(self, operator, value):
        return self._search_land_point("latitude", operator, value)

    def _search_land_longitude(self, operator, value):
        return self._search_land_point("longitude", operator, value)

    @api.depends("stage_id", "location", "land_parcel_ids")
    @api.depends_context("uid", "allowed_company_ids")
    def _compute_land_map_summary(self):
        for issue in self:
            lines = (issue.stage_id.name, issue.location, ", ".join(issue.land_parcel_ids.mapped("display_name")))
            issue.land_map_summary = "\n".join(line for line in lines if line)
