# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.osv import expression

from odoo.addons.mail.tools.discuss import Store

from .srm_issue import is_staff

# what tells who wrote a message
AUTHOR_FIELDS = ("author_id", "author_avatar", "author_guest_id", "email_from", "reply_to")
# who created or changed it (a portal complainant posting from the portal)
USER_FIELDS = ("create_uid", "write_uid")
# to whom it went, and who marked it
RECIPIENT_FIELDS = ("partner_ids", "notified_partner_ids", "starred_partner_ids")
PEOPLE_FIELDS = {*AUTHOR_FIELDS, *USER_FIELDS, *RECIPIENT_FIELDS, "notification_ids"}


def people_searched(domain, people_fields, own_values):
    """The fields of ``people_fields`` that ``domain`` filters on, otherwise than
    on the current user (``own_values``: {field: ids of the current user})."""
    searched = set()
    for leaf in domain or ():
        if not isinstance(leaf, (list, tuple)) or len(leaf) != 3 or not isinstance(leaf[0], str):
            continue
        path, operator, value = leaf
        fname = path.split(".", 1)[0]
        if fname not in people_fields:
            continue
        values = set(value) if isinstance(value, (list, tuple)) else {value}
        own = own_values.get(fname)
        if "." not in path and operator in ("=", "in") and own and values and values <= own:
            continue
        searched.add(fname)
    return searched


def people_ordered(order, people_fields):
    """The fields of ``people_fields`` that ``order`` sorts on."""
    names = {part.split()[0].split(".")[0] for part in (order or "").split(",") if part.strip()}
    return names & set(people_fields)


class MailMessage(models.Model):
    """Messages of a sensitive or anonymous issue do not tell who wrote them, to
    whom they went or who read them to users without Confidential access: their
    author from outside (the complainant) and the recipients from outside are
    hidden in every read (read, search_read, web_read, the chatter) and searching
    or grouping on them does not find these messages. Messages of the
    organisation's staff keep their author, and the complainant on the portal
    still sees their own messages as theirs.

    Portal users, on the issues they see, read only the messages written for them:
    not those the team addressed to somebody else from outside.
    """

    _inherit = "mail.message"

    # ------------------------------------------------------------------
    # Which messages, which people
    # ------------------------------------------------------------------

    def _srm_protected(self):
        """The messages of ``self`` on sensitive or anonymous issues, in sudo, when
        the current user may not know who wrote to them; else nothing."""
        Issue = self.env["srm.issue"]
        # sudo: only the document of the messages is read, to know what to hide from the user
        messages = self.sudo().filtered(lambda m: m.model == "srm.issue" and m.res_id)
        if not messages or Issue._srm_sees_protected_people():
            return self.browse().sudo()
        protected_ids = Issue._srm_protected_issue_ids(messages.mapped("res_id"))
        return messages.filtered(lambda m: m.res_id in protected_ids)

    def _srm_hidden_authors(self):
        """Among protected messages (``self``, see ``_srm_protected``), those whose
        author is not the staff's, nor the current user."""
        me = self.env.user.partner_id
        return self.filtered(
            lambda m: (
                (m.author_guest_id or m.email_from or m.author_id) and m.author_id != me and not is_staff(m.author_id)
            )
        )

    def _srm_protected_author_messages(self):
        return self._srm_protected()._srm_hidden_authors()

    def _srm_hidden_people(self):
        """Among protected messages (``self``), the partners from outside the
        organisation they name as recipients, notified or marking them."""
        partners = (
            self.partner_ids
            | self.notified_partner_ids
            | self.starred_partner_ids
            | self.notification_ids.res_partner_id
        )
        return self.env["srm.issue"]._srm_outsiders(partners)

    @api.model
    def _srm_people_exclusion(self, fnames):
        """Domain leaving out the messages of protected issues whose hidden people
        (authors, recipients or users from outside) the fields ``fnames`` of a
        search could match."""
        me = self.env.user.partner_id.id
        outsider = [("partner_share", "=", True), ("id", "!=", me)]
        hidden = []
        if fnames & set(AUTHOR_FIELDS):
            hidden.append(
                ["&", ("author_id", "!=", me), "|", ("author_id", "=", False), ("author_id.partner_share", "=", True)]
            )
        if fnames & {*RECIPIENT_FIELDS, "notification_ids"}:
            hidden.append([("partner_ids", "any", outsider)])
            hidden.append([("notified_partner_ids", "any", outsider)])
            hidden.append([("starred_partner_ids", "any", outsider)])
        if fnames & set(USER_FIELDS):
            hidden.append(["|", ("create_uid.share", "=", True), ("write_uid.share", "=", True)])
        if not hidden:
            return []
        # sudo: the subquery only selects messages to leave out of the user's search
        protected = self.sudo()._search(
            expression.AND(
                [
                    [("model", "=", "srm.issue")],
                    [("res_id", "in", self.env["srm.issue"]._srm_protected_issue_query())],
                    expression.OR(hidden),
                ]
            )
        )
        return [("id", "not in", protected)]

    @api.model
    def _srm_portal_exclusion(self):
        """Domain leaving out, for a portal user, the messages of issues that the
        team addressed to somebody else from outside."""
        me = self.env.user.partner_id.id
        # sudo: the subquery only selects messages to leave out of the user's search
        others = self.sudo()._search(
            [
                ("model", "=", "srm.issue"),
                ("author_id", "!=", me),
                ("partner_ids", "any", [("partner_share", "=", True), ("id", "!=", me)]),
                ("partner_ids", "not in", [me]),
            ]
        )
        return [("id", "not in", others)]

    def _srm_written_for_others(self):
        """For a portal user: the messages of ``self`` on issues that the team
        addressed to somebody else from outside, and not to them."""
        me = self.env.user.partner_id
        # sudo: only the document and the recipients are read, to know what to hide from the user
        return self.sudo().filtered(
            lambda m: (
                m.model == "srm.issue"
                and m.author_id != me
                and me not in m.partner_ids
                and any(not is_staff(p) and p != me for p in m.partner_ids)
            )
        )

    def _srm_search_restrictions(self, domain, order=None):
        """Extra domain for a search of the current user (not in sudo)."""
        restrictions = []
        if not self.env.user._is_internal():
            restrictions.append(self._srm_portal_exclusion())
        pid, uid = self.env.user.partner_id.id, self.env.uid
        own = {
            "author_id": {pid},
            "partner_ids": {pid},
            "notified_partner_ids": {pid},
            "starred_partner_ids": {pid},
            "create_uid": {uid},
            "write_uid": {uid},
        }
        fnames = people_searched(domain, PEOPLE_FIELDS, own) | people_ordered(order, PEOPLE_FIELDS)
        if fnames and not self.env["srm.issue"]._srm_sees_protected_people():
            restrictions.append(self._srm_people_exclusion(fnames))
        return [restriction for restriction in restrictions if restriction]

    # ------------------------------------------------------------------
    # Search, group, access
    # ------------------------------------------------------------------

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su:
            restrictions = self._srm_search_restrictions(domain, order)
            if restrictions:
                domain = expression.AND([*restrictions, domain])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    @api.model
    def _read_group(self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None):
        if not self.env.su:
            fnames = {spec.split(":")[0].split(".")[0] for spec in (*groupby, *aggregates)} & PEOPLE_FIELDS
            if fnames and not self.env["srm.issue"]._srm_sees_protected_people():
                domain = expression.AND([self._srm_people_exclusion(fnames), domain])
        return super()._read_group(
            domain, groupby=groupby, aggregates=aggregates, having=having, offset=offset, limit=limit, order=order
        )

    def _get_forbidden_access(self, operation):
        forbidden = super()._get_forbidden_access(operation)
        if operation == "read" and not self.env.su and not self.env.user._is_internal():
            forbidden += (self - forbidden)._srm_written_for_others().sudo(False)
        return forbidden

    # ------------------------------------------------------------------
    # Reading
    # ------------------------------------------------------------------

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if PEOPLE_FIELDS.intersection(fnames):
            self._srm_hide_people_in(result)
        return result

    def _srm_hide_people_in(self, vals_list):
        """Hide, in values read from messages, the people the user may not know of."""
        protected = self._srm_protected()
        if not protected:
            return
        hidden_authors = set(protected._srm_hidden_authors().ids)
        outsiders = set(protected._srm_hidden_people().ids)
        hidden_notifications = set(protected.notification_ids.filtered(lambda n: n.res_partner_id.id in outsiders).ids)
        outside_users = {
            user.id for user in protected.create_uid | protected.write_uid if user.share and user != self.env.user
        }
        protected_ids = set(protected.ids)
        for vals in vals_list:
            if vals.get("id") not in protected_ids:
                continue
            if vals["id"] in hidden_authors:
                for fname in ("author_id", "author_avatar", "author_guest_id", "reply_to"):
                    if fname in vals:
                        vals[fname] = False
                if "email_from" in vals:
                    vals["email_from"] = self.env._("Protected complainant")
            for fname in USER_FIELDS:
                value = vals.get(fname)
                if value and (value[0] if isinstance(value, (list, tuple)) else value) in outside_users:
                    vals[fname] = False
            for fname in RECIPIENT_FIELDS:
                if vals.get(fname):
                    vals[fname] = [pid for pid in vals[fname] if pid not in outsiders]
            if vals.get("notification_ids"):
                vals["notification_ids"] = [nid for nid in vals["notification_ids"] if nid not in hidden_notifications]

    def _to_store(self, store, /, **kwargs):
        """The chatter: recipients from outside are left out of protected messages
        (their authors in ``_author_to_store``, their notifications in
        ``mail.notification._filtered_for_web_client``, tracked complainants in
        ``srm.issue._track_filter_for_display``)."""
        super()._to_store(store, **kwargs)
        protected = self._srm_protected()
        if not protected:
            return
        outsiders = protected._srm_hidden_people()
        for message in protected:
            recipients = message.partner_ids - outsiders
            store.add(message, {"recipients": Store.many(recipients, fields=["avatar_128", "name"])})
        # the partners only these messages named leave the data sent to the browser
        # sudo: the people of the other messages are compared, not shown
        others = (self - protected).sudo()
        named_elsewhere = others.author_id | others.partner_ids | others.notification_ids.res_partner_id
        partners = store.data.get("res.partner", {})
        for partner in outsiders - named_elsewhere:
            partners.pop((partner.id,), None)

    def _portal_message_format(self, properties_names, options=None):
        """The portal's chatter (``/mail/chatter_fetch``) names the author and the people
        who reacted apart from the fields read: the same people are hidden there."""
        vals_list = super()._portal_message_format(properties_names, options=options)
        protected = self._srm_protected()
        if not protected:
            return vals_list
        hidden_authors = set(protected._srm_hidden_authors().ids)
        outsiders = set(self.env["srm.issue"]._srm_outsiders(protected.reaction_ids.partner_id).ids)
        for vals in vals_list:
            if vals.get("id") not in protected.ids:
                continue
            if vals["id"] in hidden_authors:
                vals["author"] = {"id": False, "name": self.env._("Protected complainant"), "type": "partner"}
                vals["author_avatar_url"] = "/mail/static/src/img/smiley/avatar.jpg"
            for group in vals.get("reactions", []):
                group["personas"] = [
                    persona
                    for persona in group["personas"]
                    if persona.get("type") != "partner" or persona.get("id") not in outsiders
                ]
        return vals_list

    def _author_to_store(self, store):
        """The chatter shows messages of a protected issue from outside without
        author (see the class); ``self`` is in sudo here, the current user is that
        of the environment."""
        hidden = self._srm_protected_author_messages()
        super(MailMessage, self - hidden)._author_to_store(store)
        for message in hidden:
            store.add(message, {"author": False, "email_from": self.env._("Protected complainant")})
