# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class SrmLandLinkMixin(models.AbstractModel):
    """Land records and wizards link only records their user may read (a link written
    over RPC to a confidential household, engagement or payment, or to a stakeholder or
    a project the user is not on, would tell them its name, or more: what a wizard shows
    of its payment), and show the names of linked records their reader may not read as
    "Restricted" (srm_base's link check and mask)."""

    _name = "srm.land.link.mixin"
    _inherit = ["srm.link.check.mixin", "srm.link.mask.mixin"]
    _description = "SRM land record linking records its user may read"
