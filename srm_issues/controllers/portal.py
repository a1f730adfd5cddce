# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request
from odoo.osv import expression

from odoo.addons.portal.controllers.mail import PortalChatter
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

# longest answer a stakeholder may send from the portal
MAX_REPLY_LENGTH = 5000
# the issue whose messages the portal's chatter fetches, passed on to its domain
FETCHED_ISSUE = "srm_fetched_issue_id"


class SrmIssuePortal(CustomerPortal):
    """Stakeholders with a portal login follow the issues they raised or that concern them.

    Their own issues are searched with the portal user's rights (record rule of
    base.group_portal) and displayed with sudo() for related names only. The
    issues that concern them without being theirs are not readable by them: they
    are searched with sudo() and an explicit domain on the user's partner
    (``srm.issue._srm_portal_concerned_domain``), and only their reference, topic,
    public status and the messages written for the user are displayed.
    """

    def _srm_portal_partner(self):
        """The partner of the logged-in portal user, or None for employees and visitors."""
        user = request.env.user
        if user._is_public() or user._is_internal():
            return None
        return user.partner_id

    def _srm_concerned_issues(self, partner, **search_kw):
        if not partner:
            return request.env["srm.issue"].sudo().browse()
        Issue = request.env["srm.issue"]
        # sudo: a portal user may not read these issues; the domain keeps those that
        # concern the user's own partner, and only public fields are displayed
        return Issue.sudo().search(Issue._srm_portal_concerned_domain(partner), **search_kw)

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "srm_issue_count" in counters:
            Issue = request.env["srm.issue"]
            count = Issue.search_count([]) if Issue.has_access("read") else 0
            count += len(self._srm_concerned_issues(self._srm_portal_partner()))
            values["srm_issue_count"] = count
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
        partner = self._srm_portal_partner()
        if not Issue.has_access("read") and not partner:
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        sortings = self._srm_issue_sortings()
        if sortby not in sortings:
            sortby = "date"
        own = Issue.has_access("read")
        count = Issue.search_count([]) if own else 0
        pager = portal_pager(
            url="/my/issues", url_args={"sortby": sortby}, total=count, page=page, step=self._items_per_page
        )
        issues = (
            Issue.search([], order=sortings[sortby]["order"], limit=self._items_per_page, offset=pager["offset"])
            if own
            else Issue.browse()
        )
        concerned = self._srm_concerned_issues(partner, order=sortings[sortby]["order"], limit=100)
        request.session["my_issues_history"] = (issues.ids + concerned.ids)[:100]
        values.update(
            {
                "issues": issues.sudo(),
                "concerned_issues": concerned,
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
            return self._srm_portal_concerned_issue(issue_id)
        values = self._get_page_view_values(
            issue_sudo, access_token, {"page_name": "srm_issue", "issue": issue_sudo}, "my_issues_history", False, **kw
        )
        return request.render("srm_issues.portal_my_issue", values)

    def _srm_concerned_issue_or_none(self, issue_id):
        """The issue ``issue_id`` (in sudo) if it concerns the logged-in portal user."""
        partner = self._srm_portal_partner()
        if not partner:
            return None, None
        # sudo: the issue is returned only if it concerns the user (explicit domain)
        issue_sudo = request.env["srm.issue"].sudo().browse(issue_id).exists()
        if not issue_sudo or not issue_sudo._srm_portal_is_concerned(partner):
            return None, None
        return issue_sudo, partner

    def _srm_portal_concerned_issue(self, issue_id, error=None):
        issue_sudo, partner = self._srm_concerned_issue_or_none(issue_id)
        if not issue_sudo:
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "srm_issue",
                "issue": issue_sudo,
                "concerned_messages": issue_sudo._srm_portal_messages_for(partner),
                "can_reply": issue_sudo._srm_portal_is_invited(partner),
                "reply_error": error,
            }
        )
        return request.render("srm_issues.portal_my_issue_concerned", values)

    @http.route(["/my/issues/<int:issue_id>/reply"], type="http", auth="user", methods=["POST"], website=True)
    def portal_my_issue_reply(self, issue_id, message="", **kw):
        """A stakeholder invited on an issue that concerns them answers the team."""
        issue_sudo, partner = self._srm_concerned_issue_or_none(issue_id)
        # the user must be concerned by the issue and invited on it by the team
        if not issue_sudo or not issue_sudo._srm_portal_is_invited(partner):
            return request.redirect("/my")
        message = (message or "").strip()
        if not message:
            return self._srm_portal_concerned_issue(issue_id, error=request.env._("Write your answer first."))
        if len(message) > MAX_REPLY_LENGTH:
            return self._srm_portal_concerned_issue(
                issue_id,
                error=request.env._("Your answer is too long: write at most %s characters.", MAX_REPLY_LENGTH),
            )
        issue_sudo._srm_portal_reply(partner, message)
        return request.redirect(f"/my/issues/{issue_sudo.id}")


class SrmIssuePortalChatter(PortalChatter):
    """Whoever opens an issue by its link (the complainant) reads in its chatter what
    the complainant's portal login and the status page show: not the messages the team
    addressed to somebody else from outside. Odoo reads them in sudo with the link."""

    @http.route()
    def portal_message_fetch(self, thread_model, thread_id, limit=10, after=None, before=None, **kw):
        kw.pop(FETCHED_ISSUE, None)
        if thread_model == "srm.issue" and kw.get("token"):
            kw[FETCHED_ISSUE] = int(thread_id)
        return super().portal_message_fetch(thread_model, thread_id, limit=limit, after=after, before=before, **kw)

    def _setup_portal_message_fetch_extra_domain(self, data):
        domain = super()._setup_portal_message_fetch_extra_domain(data)
        issue_id = data.get(FETCHED_ISSUE)
        if not issue_id:
            return domain
        # sudo: only the messages to leave out are selected; the link is checked by Odoo
        issue = request.env["srm.issue"].sudo().browse(issue_id).exists()
        if not issue:
            return domain
        return expression.AND([domain, issue._srm_link_message_exclusion()])
