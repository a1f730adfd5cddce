# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SrmCommitment(models.Model):
    _inherit = "srm.commitment"

    issue_id = fields.Many2one(
        "srm.issue",
        index="btree_not_null",
        ondelete="set null",
        check_company=True,
        tracking=True,
        help="The grievance or issue whose resolution this commitment fulfils.",
    )
