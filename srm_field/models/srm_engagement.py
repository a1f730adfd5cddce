# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class SrmEngagement(models.Model):
    _name = "srm.engagement"
    _inherit = ["srm.engagement", "srm.field.capture.mixin"]
