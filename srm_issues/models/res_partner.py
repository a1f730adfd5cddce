# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    srm_issue_ids = fields.Many2many(
        "srm.issue",
        string="Issues",
        compute="_compute_srm_issue_count",
        groups="srm_base.group_srm_restricted,srm_base.group_srm_auditor,srm_issues.group_srm_issue_worker",
    )
    srm_issue_count = fields.Integer(
        string="Issue Count",
        compute="_compute_srm_issue_count",
        groups="srm_base.group_srm_restricted,srm_base.group_srm_auditor,srm_issues.group_srm_issue_worker",
    )

    def _srm_issue_domain(self):
        return [
            "|",
            ("complainant_id", "child_of", self.ids),
            ("partner_ids", "child_of", self.ids),
        ]

    @api.depends_context("uid")
    def _compute_srm_issue_count(self):
        """Issues a stakeholder raised or is concerned by, counted with the reader's rights.

        Uses the visible complainant field, so that sensitive issues do not reveal who
        raised them through the count.
        """
        if not self.ids:
            self.srm_issue_ids = False
            self.srm_issue_count = 0
            return
        # the stakeholders and their contacts, then the issues of each side: two
        # searches that use the indexes of complainant_id and of the stakeholder links,
        # where one search with "complainant or stakeholder" reads every issue
        lineage_query = self.env["res.partner"].with_context(active_test=False)._search([("id", "child_of", self.ids)])
        Issue = self.env["srm.issue"]
        fnames = ["complainant_id", "partner_ids"]
        issues = Issue.search_fetch([("complainant_id", "in", lineage_query)], fnames) | Issue.search_fetch(
            [("partner_ids", "in", lineage_query)], fnames
        )

        def lineage(partners):
            ids = set()
            for partner in partners:
                while partner and partner.id not in ids:
                    ids.add(partner.id)
                    partner = partner.parent_id
            return ids

        issue_lineages = [(issue, lineage(issue.complainant_id | issue.partner_ids)) for issue in issues]
        for partner in self:
            mine = issues.browse([issue.id for issue, ids in issue_lineages if partner.id in ids])
            partner.srm_issue_ids = mine
            partner.srm_issue_count = len(mine)

    def action_srm_view_issues(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_issues.srm_issue_action_all")
        action["domain"] = self._srm_issue_domain()
        action["context"] = {"default_partner_ids": [self.id]}
        return action
