# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SrmEngagement(models.Model):
    """Engagements held for a consultation (its interviews) point back to it."""

    _inherit = "srm.engagement"

    consultation_id = fields.Many2one(
        "srm.consultation",
        index="btree_not_null",
        check_company=True,
        ondelete="set null",
        tracking=True,
    )
