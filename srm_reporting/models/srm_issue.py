# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.osv import expression


class SrmIssue(models.Model):
    _inherit = "srm.issue"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        """Reports cover community grievances only.

        Worker grievances are kept apart from everything else (only worker grievance
        officers read them); a report is archived for the readers of its
        classification, which knows nothing of that separation, so every search the
        report builder makes (lists, counts, groupings) leaves them out.
        """
        if self.env.context.get("srm_report_community_only"):
            domain = expression.AND([domain or [], [("grievance_scope", "=", "community")]])
        return super()._search(domain, offset=offset, limit=limit, order=order)
