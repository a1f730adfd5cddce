# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Confidential issues open to their readers only: the links emailed before they became
confidential (to the issue and to its files) stop opening them."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    issues = env["srm.issue"].with_context(active_test=False).search([("is_confidential", "=", True)])
    issues._srm_end_links()
