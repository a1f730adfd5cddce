# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import api, fields, models, tools
from odoo.osv import expression

from .srm_issue import is_staff

# fields of a thread through which a search could tell who wrote to it or follows it
THREAD_PEOPLE_PATHS = {"message_ids", "website_message_ids", "message_follower_ids", "message_partner_ids"}
MESSAGE_PEOPLE_FIELDS = {
    "author_id",
    "author_guest_id",
    "email_from",
    "reply_to",
    "create_uid",
    "write_uid",
    "partner_ids",
    "notified_partner_ids",
    "notification_ids",
    "starred_partner_ids",
}


# who may follow an issue by its emailed link: a change ends the links sent before
LINK_FIELDS = {
    "is_confidential",
    "is_sensitive",
    "is_anonymous",
    "grievance_scope",
    "complainant_partner_id",
    "complainant_id",
}


# what the web client's chatter asks of a thread that is the team's own
TEAM_THREAD_DATA = {"activities", "attachments", "followers", "scheduledMessages", "suggestedRecipients"}
# a picture inside a message body, shown with its file's token
BODY_IMAGE = re.compile(r"/web/image/(\d+)\?access_token=")


def searches_people_of_thread(domain):
    """Whether ``domain`` (on a thread) filters on who wrote to it, was written to
    or follows it. The messages of a thread are joined directly in SQL (auto_join),
    without the restrictions of ``mail.message``'s search."""
    for leaf in domain or ():
        if not isinstance(leaf, (list, tuple)) or len(leaf) != 3 or not isinstance(leaf[0], str):
            continue
        parts = leaf[0].split(".")
        if parts[0] not in THREAD_PEOPLE_PATHS:
            continue
        if parts[0] in ("message_follower_ids", "message_partner_ids") or len(parts) == 1:
            return True
        if parts[1] in MESSAGE_PEOPLE_FIELDS:
            return True
    return False


class SrmIssue(models.Model):
    """Who wrote to an issue, to whom and who follows it.

    A sensitive or anonymous issue protects its complainant: users without
    Confidential access see nobody from outside the organisation in its chatter,
    whether in messages (author, sender address, recipients, notifications),
    followers, attachments (who uploaded them), activities or tracked values. The
    overrides of ``mail.message``, ``mail.notification``, ``mail.followers``,
    ``ir.attachment`` and ``mail.activity`` ask the methods below what to hide.

    Stakeholders with a portal login see, of each issue, only what is written for
    them: the complainant their issue, a stakeholder concerned by an issue (one of
    its stakeholders, or a follower invited by the team) its public status and the
    messages the team addressed to them. An invited follower may answer; their
    answer is a note for the team, which the complainant never sees.
    """

    _inherit = "srm.issue"

    investigation_notes = fields.Html(groups="base.group_user")

    # ------------------------------------------------------------------
    # Protected complainants
    # ------------------------------------------------------------------

    @api.model
    def _srm_sees_protected_people(self):
        """Whether the current user may know who wrote to or follows a protected issue."""
        return self.env.user.has_group("srm_base.group_srm_confidential")

    @api.model
    def _srm_protected_domain(self):
        return ["|", ("is_sensitive", "=", True), ("is_anonymous", "=", True)]

    @api.model
    def _srm_protected_issue_ids(self, issue_ids):
        """Ids, among ``issue_ids``, of the sensitive or anonymous issues."""
        issue_ids = [issue_id for issue_id in set(issue_ids) if issue_id]
        if not issue_ids:
            return set()
        # sudo: only the protection flags are read, to know what to hide from the user
        return set(
            self.sudo()
            .with_context(active_test=False)
            .search([("id", "in", issue_ids)] + self._srm_protected_domain())
            .ids
        )

    @api.model
    def _srm_protected_issue_query(self):
        """Subquery of the ids of sensitive or anonymous issues."""
        # sudo: only the protection flags are read, to know what to hide from the user
        return self.sudo().with_context(active_test=False)._search(self._srm_protected_domain())

    @api.model
    def _srm_outsiders(self, partners):
        """The partners from outside the organisation, the current user excepted."""
        me = self.env.user.partner_id
        # sudo: only whether a partner belongs to the organisation is read, to hide them
        return partners.sudo().filtered(lambda p: not is_staff(p) and p != me)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        """Searching issues by who wrote to them or follows them leaves the protected
        ones out for users without Confidential access."""
        if not self.env.su and searches_people_of_thread(domain) and not self._srm_sees_protected_people():
            domain = expression.AND([[("id", "not in", self._srm_protected_issue_query())], domain])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _track_filter_for_display(self, tracking_values):
        """Tracked changes of the complainant of a protected issue are not shown
        to users without Confidential access."""
        tracking_values = super()._track_filter_for_display(tracking_values)
        if self._srm_sees_protected_people() or not self._srm_protected_issue_ids(self.ids):
            return tracking_values
        return tracking_values.filtered(lambda t: t.field_id.name not in ("complainant_id", "complainant_partner_id"))

    def _message_subscribe(self, partner_ids=None, subtype_ids=None, customer_ids=None):
        """The complainant of a sensitive or anonymous issue never follows it: the
        list of followers would name them."""
        if not partner_ids:
            return super()._message_subscribe(partner_ids, subtype_ids, customer_ids=customer_ids)
        protected_ids = self._srm_protected_issue_ids(self.ids)
        # sudo: the complainant is compared, never shown
        complainants = {issue.id: issue.complainant_partner_id.id for issue in self.sudo() if issue.id in protected_ids}
        if not any(complainants.get(issue.id) in partner_ids for issue in self):
            return super()._message_subscribe(partner_ids, subtype_ids, customer_ids=customer_ids)
        for issue in self:
            pids = [pid for pid in partner_ids if pid != complainants.get(issue.id)]
            if pids:
                super(SrmIssue, issue)._message_subscribe(pids, subtype_ids, customer_ids=customer_ids)
        return True

    def write(self, vals):
        links = LINK_FIELDS & set(vals)
        # sudo: who the complainant is and how the issue is protected are compared, not shown
        before = {issue.id: [issue[f] for f in links] for issue in self.sudo()} if links else {}
        # an issue made anonymous forgets its complainant: they stop following it too
        # sudo: the complainant is read to be unsubscribed, never shown
        complainants = (
            {issue: issue.complainant_partner_id for issue in self.sudo()} if vals.get("is_anonymous") else {}
        )
        res = super().write(vals)
        for issue, partner in complainants.items():
            if partner:
                issue.message_unsubscribe(partner_ids=partner.ids)
        if before:
            self.sudo().filtered(lambda issue: [issue[f] for f in links] != before[issue.id])._srm_end_links()
        return res

    # ------------------------------------------------------------------
    # Links: what opens an issue to whoever holds its emailed link
    # ------------------------------------------------------------------

    def _srm_followed_by_link(self):
        """Whether the issue opens to whoever holds its link (its access token, or the
        signed link of a partner) without the rights to read it: its complainant
        follows it so. A confidential issue opens to its readers only, as the portal's
        record rule says."""
        self.ensure_one()
        # sudo: asked before anyone's rights are known (a link opens the issue in sudo)
        return not self.sudo().is_confidential

    def _srm_end_links(self):
        """The links sent so far, to the issue and to its files, stop opening them: who
        may follow the issue changed (``LINK_FIELDS``). The next notification to the
        complainant carries a new link, if the issue still opens so."""
        # sudo: the tokens are the issue's and its files' own, which its users never
        # edit; the change of the issue itself was checked by its write
        self.sudo().write({"access_token": False})
        files = (
            self.env["ir.attachment"]
            .sudo()
            .search([("res_model", "=", self._name), ("res_id", "in", self.ids), ("access_token", "!=", False)])
        )
        # pictures inside the messages are shown with their token to whoever reads them
        messages = self.env["mail.message"].sudo().search([("model", "=", self._name), ("res_id", "in", self.ids)])
        pictures = {int(fid) for body in messages.mapped("body") for fid in BODY_IMAGE.findall(body or "")}
        files.filtered(lambda f: f.id not in pictures).write({"access_token": False})

    def _portal_ensure_token(self):
        if not self._srm_followed_by_link():
            return False
        return super()._portal_ensure_token()

    def _notify_get_recipients_groups(self, message, model_description, msg_vals=None):
        groups = super()._notify_get_recipients_groups(message, model_description, msg_vals=msg_vals)
        if len(self) == 1 and not self._srm_followed_by_link():
            groups = [group for group in groups if group[0] != "portal_customer"]
        return groups

    @api.model
    def _get_thread_with_access(self, thread_id, mode="read", **kwargs):
        """A link (token, signed partner) opens only an issue its complainant follows
        by link; for the others, the user's own rights decide."""
        if not self.env.su and (kwargs.get("token") or kwargs.get("hash") or kwargs.get("pid")):
            # sudo: only whether the issue opens by link is read, nothing is returned
            issue = self.browse(thread_id).sudo().exists()
            # Odoo signs a partner's link with the issue's token only: without a token, a
            # signature made for any issue without one would fit
            if issue and (not issue.access_token or not issue._srm_followed_by_link()):
                kwargs = {key: value for key, value in kwargs.items() if key not in ("token", "hash", "pid")}
        return super()._get_thread_with_access(thread_id, mode=mode, **kwargs)

    def _thread_to_store(self, store, /, *, request_list=None, **kwargs):
        """Somebody from outside (the complainant, by their link or their portal login)
        gets the issue's messages only: never the team's activities, files, followers,
        scheduled messages or suggested recipients, which Odoo reads in sudo for a link."""
        if request_list and not self.env.user._is_internal():
            request_list = [item for item in request_list if item not in TEAM_THREAD_DATA]
        return super()._thread_to_store(store, request_list=request_list, **kwargs)

    def _srm_link_message_exclusion(self):
        """Domain leaving out, for whoever opens the issue by its link (the complainant),
        the messages the team addressed to somebody else from outside, as the status page
        and the complainant's portal login do."""
        self.ensure_one()
        # sudo: the issue's messages and their recipients are compared, not shown
        messages = self.env["mail.message"].sudo().search([("model", "=", self._name), ("res_id", "=", self.id)])
        shown = self.sudo()._srm_public_messages_of(messages)
        return [("id", "not in", (messages - shown).ids)]

    def _notify_get_recipients(self, message, msg_vals, **kwargs):
        """People from outside the organisation get only what is written for them:
        the messages naming them as recipients, and, for the complainant, the
        messages to followers that are not addressed to somebody else from outside.
        A reply to a concerned stakeholder is not emailed to the complainant, nor
        an answer to the complainant to a stakeholder who follows the issue."""
        recipients = super()._notify_get_recipients(message, msg_vals, **kwargs)
        if len(self) != 1 or not any(rdata.get("share") for rdata in recipients):
            return recipients
        explicit = set(msg_vals.get("partner_ids", []) if msg_vals else message.sudo().partner_ids.ids)
        explicit_outsiders = {rdata["id"] for rdata in recipients if rdata.get("share") and rdata["id"] in explicit}
        # sudo: the complainant is compared, never shown
        complainant = self.sudo().complainant_partner_id
        return [
            rdata
            for rdata in recipients
            if not rdata.get("share")
            or rdata["id"] in explicit
            or (rdata["id"] == complainant.id and not explicit_outsiders)
        ]

    # ------------------------------------------------------------------
    # Portal: complainants and stakeholders concerned
    # ------------------------------------------------------------------

    def _srm_public_messages(self):
        """The public status page is the complainant's: the team's messages to
        somebody else from outside (a stakeholder concerned) are not shown there."""
        return self._srm_public_messages_of(super()._srm_public_messages())

    def _srm_public_messages_of(self, messages):
        """Of ``messages`` of the issue, those written by the team or the complainant, and
        not for somebody else from outside."""
        # sudo: the complainant and the recipients are compared, not shown
        complainant = self.sudo().complainant_partner_id
        return messages.filtered(
            lambda m: (
                (is_staff(m.author_id) or m.author_id == complainant)
                and not any(not is_staff(p) and p != complainant for p in m.partner_ids)
            )
        )

    @api.model
    def _srm_portal_concerned_domain(self, partner):
        """Issues that concern the portal user of ``partner`` without being theirs:
        one of their stakeholders is the user's organisation (or the user), or the
        team invited the user to follow it. Confidential, sensitive and worker
        grievances concern nobody on the portal but their complainant."""
        commercial = partner.commercial_partner_id
        return [
            ("is_confidential", "=", False),
            ("is_sensitive", "=", False),
            ("grievance_scope", "!=", "worker"),
            "|",
            ("complainant_partner_id", "=", False),
            "!",
            ("complainant_partner_id", "child_of", commercial.ids),
            "|",
            ("partner_ids", "child_of", commercial.ids),
            ("message_partner_ids", "in", partner.ids),
        ]

    def _srm_portal_is_concerned(self, partner):
        """Whether the issue concerns the portal user of ``partner`` (see above)."""
        self.ensure_one()
        # sudo: an explicit domain checks the portal user's link to the issue
        return bool(
            self.sudo().search_count([("id", "=", self.id)] + self._srm_portal_concerned_domain(partner), limit=1)
        )

    def _srm_portal_is_invited(self, partner):
        """Whether the team invited ``partner`` to follow the issue (and so to answer)."""
        self.ensure_one()
        # sudo: followers are compared, not shown
        return bool(
            self.env["mail.followers"]
            .sudo()
            .search_count(
                [("res_model", "=", self._name), ("res_id", "=", self.id), ("partner_id", "=", partner.id)], limit=1
            )
        )

    def _srm_portal_messages_for(self, partner):
        """The messages of the issue written for ``partner``: those the team sent to
        them (public, naming them as recipient) and their own answers."""
        self.ensure_one()
        comment = self.env.ref("mail.mt_comment")
        # sudo: explicit domain on the issue's messages, filtered below to the team's
        messages = (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "=", self._name),
                    ("res_id", "=", self.id),
                    "|",
                    ("author_id", "=", partner.id),
                    "&",
                    "&",
                    ("partner_ids", "in", partner.ids),
                    ("subtype_id", "=", comment.id),
                    ("is_internal", "=", False),
                ],
                order="date desc, id desc",
                limit=100,
            )
        )
        return messages.filtered(lambda m: m.author_id == partner or is_staff(m.author_id))

    def _srm_portal_reply(self, partner, text):
        """Post the answer of the invited stakeholder ``partner``: a note for the
        team (the complainant does not see it), sent to the officer of the issue."""
        self.ensure_one()
        officer = self.sudo().user_id.partner_id
        # sudo: the caller checked that the portal user is invited on this issue;
        # a portal user may not post notes themselves
        return (
            self.sudo()
            .with_context(mail_create_nosubscribe=True, mail_post_autofollow=False)
            .message_post(
                body=tools.plaintext2html(text),
                author_id=partner.id,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
                partner_ids=officer.ids,
            )
        )
