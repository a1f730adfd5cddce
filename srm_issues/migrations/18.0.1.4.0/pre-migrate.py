# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The mail servers whose Authentication-Results are trusted serve every alias of the suite
(grievances and engagements): their parameter moves from srm_issues to srm_base."""


def migrate(cr, version):
    cr.execute(
        """
        UPDATE ir_config_parameter
           SET key = 'srm_base.mail_trusted_authserv_ids'
         WHERE key = 'srm_issues.mail_trusted_authserv_ids'
           AND NOT EXISTS (SELECT 1 FROM ir_config_parameter WHERE key = 'srm_base.mail_trusted_authserv_ids')
        """
    )
