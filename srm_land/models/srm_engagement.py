# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class SrmEngagement(models.Model):
    _inherit = "srm.engagement"

    land_parcel_ids = fields.Many2many(
        "srm.land.parcel",
        "srm_engagement_land_parcel_rel",
        "engagement_id",
        "parcel_id",
        string="Parcels",
        check_company=True,
        help="The land parcels this engagement was about.",
    )
    land_household_ids = fields.Many2many(
        "srm.land.household",
        "srm_engagement_land_household_rel",
        "engagement_id",
        "household_id",
        string="Households",
        check_company=True,
        help="The census households this engagement was about.",
    )

    @api.model
    def _srm_searched_link_fields(self):
        # its parcels and households: a confidential one is not every reader's
        return (*super()._srm_searched_link_fields(), "land_parcel_ids", "land_household_ids")

    def _srm_linked_record_fields(self):
        return [*super()._srm_linked_record_fields(), "land_parcel_ids", "land_household_ids"]
