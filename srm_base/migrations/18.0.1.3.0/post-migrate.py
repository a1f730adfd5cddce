# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A stakeholder's last engagement date no longer counts confidential engagements:
the stakeholders who had one get their date and days since contact again."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    cr.execute(
        """
        SELECT DISTINCT rel.partner_id
          FROM srm_engagement_partner_rel rel
          JOIN srm_engagement e ON e.id = rel.engagement_id
         WHERE e.is_confidential
        """
    )
    partner_ids = [row[0] for row in cr.fetchall()]
    env["res.partner"].browse(partner_ids)._srm_update_last_engagement()
