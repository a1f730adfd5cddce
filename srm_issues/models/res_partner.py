# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL


class ResPartner(models.Model):
    _inherit = "res.partner"

    srm_issue_ids = fields.Many2many(
        "srm.issue",
        string="Issues",
        compute="_compute_srm_issue_ids",
        groups="srm_base.group_srm_restricted,srm_base.group_srm_auditor,srm_issues.group_srm_issue_worker",
    )
    srm_issue_count = fields.Integer(
        string="Issue Count",
        compute="_compute_srm_counts",
        groups="srm_base.group_srm_restricted,srm_base.group_srm_auditor,srm_issues.group_srm_issue_worker",
    )

    def _srm_issue_domain(self):
        return [
            "|",
            ("complainant_id", "child_of", self.ids),
            ("partner_ids", "child_of", self.ids),
        ]

    @api.model
    def _srm_count_queries(self, partner_ids):
        """The issues a stakeholder or one of its contacts raised or is concerned by,
        counted with the other smart buttons (one query) over the issues the user may
        read (``_search``: record rules, companies, archived issues left out).

        Counted on the visible complainant field, so that sensitive issues do not
        reveal who raised them through the count."""
        queries = super()._srm_count_queries(partner_ids)
        Issue = self.env["srm.issue"]
        queries["srm_issue_count"] = None
        if not partner_ids or not Issue.has_access("read"):
            return queries
        self.env["res.partner"].flush_model(["parent_id"])
        Issue.flush_model(["complainant_id", "partner_ids"])
        # the contacts below each stakeholder, at any depth, archived ones included
        # (as ``child_of``), among the partners the user may read
        partners = self.env["res.partner"].with_context(active_test=False)._search([])
        queries["srm_issue_count"] = SQL(
            """
            SELECT %(fname)s, lineage.root, COUNT(DISTINCT linked.issue_id)
              FROM (
                    WITH RECURSIVE tree(root, id) AS (
                        SELECT p.id, p.id FROM res_partner p WHERE p.id IN %(ids)s
                         UNION
                        SELECT tree.root, p.id FROM res_partner p JOIN tree ON p.parent_id = tree.id
                    )
                    SELECT tree.root, tree.id FROM tree WHERE tree.id IN %(partners)s
                   ) lineage
              JOIN LATERAL (
                    SELECT i.id AS issue_id FROM srm_issue i WHERE i.complainant_id = lineage.id
                     UNION ALL
                    SELECT rel.issue_id FROM srm_issue_partner_rel rel WHERE rel.partner_id = lineage.id
                   ) linked ON TRUE
             WHERE linked.issue_id IN %(issues)s
          GROUP BY lineage.root
            """,
            fname="srm_issue_count",
            ids=partner_ids,
            partners=partners.subselect(),
            issues=Issue._search([]).subselect(),
        )
        return queries

    @api.depends_context("uid")
    def _compute_srm_issue_ids(self):
        """Issues a stakeholder raised or is concerned by, as the reader may read them.

        Uses the visible complainant field, so that sensitive issues do not reveal who
        raised them. The form lists them with a list read when its page is opened.
        """
        if not self.ids:
            self.srm_issue_ids = False
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

    def action_srm_view_issues(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_issues.srm_issue_action_all")
        action["domain"] = self._srm_issue_domain()
        action["context"] = {"default_partner_ids": [self.id]}
        return action
