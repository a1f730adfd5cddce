# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

# staff groups only: complainants reading their issue on the portal never see land records
SRM_GROUPS = "srm_base.group_srm_restricted,srm_base.group_srm_auditor,srm_base.group_srm_confidential"


class SrmIssue(models.Model):
    _inherit = "srm.issue"

    land_parcel_ids = fields.Many2many(
        "srm.land.parcel",
        "srm_issue_land_parcel_rel",
        "issue_id",
        "parcel_id",
        string="Parcels",
        check_company=True,
        groups=SRM_GROUPS,
        help="The land parcels the issue is about.",
    )
    land_household_ids = fields.Many2many(
        "srm.land.household",
        "srm_issue_land_household_rel",
        "issue_id",
        "household_id",
        string="Households",
        check_company=True,
        groups=SRM_GROUPS,
        help="The census households the issue is about.",
    )

    def _srm_linked_record_fields(self):
        return [*super()._srm_linked_record_fields(), "land_parcel_ids", "land_household_ids"]

    @api.model
    def _srm_searched_link_fields(self):
        # its parcels and households: a confidential one is not every reader's
        return (*super()._srm_searched_link_fields(), "land_parcel_ids", "land_household_ids")
