# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Stakeholders keep, for users with Confidential access, the date of their latest
engagement with confidential ones counted: filled for every stakeholder that has one."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE res_partner p
           SET srm_last_engagement_date_all = sub.last_date
          FROM (
                SELECT rel.partner_id, max(e.date) AS last_date
                  FROM srm_engagement_partner_rel rel
                  JOIN srm_engagement e ON e.id = rel.engagement_id
              GROUP BY rel.partner_id
               ) sub
         WHERE p.id = sub.partner_id
        """
    )
