# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A stakeholder who raised an issue about a project is one of that project's stakeholders
(as new issues make them): link the complainants of the issues kept so far, but those of
sensitive, anonymous, confidential or worker grievances."""


def migrate(cr, version):
    cr.execute(
        """
        INSERT INTO srm_project_partner_rel (project_id, partner_id)
        SELECT DISTINCT issue.project_id, issue.complainant_partner_id
          FROM srm_issue issue
          JOIN res_partner partner ON partner.id = issue.complainant_partner_id
         WHERE issue.project_id IS NOT NULL
           AND issue.is_sensitive IS NOT TRUE
           AND issue.is_anonymous IS NOT TRUE
           AND issue.is_confidential IS NOT TRUE
           AND issue.grievance_scope = 'community'
           AND partner.is_stakeholder
        ON CONFLICT DO NOTHING
        """
    )
