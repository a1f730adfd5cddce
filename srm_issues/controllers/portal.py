# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


class SrmIssuePortal(CustomerPortal):
    """Stakeholders with a portal login follow the issues they raised or that concern them.

    The list is searched with the portal user's rights (record rule of base.group_portal);
    the records found are then displayed with sudo() for related names only.
    """

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "srm_issue_count" in counters:
            Issue = request.env["srm.issue"]
            values["srm_issue_count"] = Issue.search_count([]) if Issue.has_access("read") else 0
        return values

    def _srm_issue_sortings(self):
        _ = request.env._
        return {
            "date": {"label": _("Newest"), "order": "date_received desc, id desc"},
            "reference": {"label": _("Reference"), "order": "reference desc"},
            "stage": {"label": _("Status"), "order": "stage_id, date_received desc"},
        }

    @http.route(["/my/issues", "/my/issues/page/<int:page>"], type="http", auth="user", website=True)
    def portal_my_issues(self, page=1, sortby=None, **kw):
        Issue = request.env["srm.issue"]
        if not Issue.has_access("read"):
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        sortings = self._srm_issue_sortings()
        if sortby not in sortings:
            sortby = "date"
        count = Issue.search_count([])
        pager = portal_pager(
            url="/my/issues", url_args={"sortby": sortby}, total=count, page=page, step=self._items_per_page
        )
        issues = Issue.search(
            [], order=sortings[sortby]["order"], limit=self._items_per_page, offset=pager["offset"]
        )
        request.session["my_issues_history"] = issues.ids[:100]
        values.update(
            {
                "issues": issues.sudo(),
                "page_name": "srm_issue",
                "default_url": "/my/issues",
                "pager": pager,
                "searchbar_sortings": sortings,
                "sortby": sortby,
            }
        )
        return request.render("srm_issues.portal_my_issues", values)

    @http.route(["/my/issues/<int:issue_id>"], type="http", auth="public", website=True)
    def portal_my_issue(self, issue_id, access_token=None, **kw):
        try:
            issue_sudo = self._document_check_access("srm.issue", issue_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._get_page_view_values(
            issue_sudo, access_token, {"page_name": "srm_issue", "issue": issue_sudo}, "my_issues_history", False, **kw
        )
        return request.render("srm_issues.portal_my_issue", values)
