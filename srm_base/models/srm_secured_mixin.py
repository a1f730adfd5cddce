# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL

from ..tools.links import check_readable_links, drop_unreadable_links, name_for_reader


class SrmSecuredMixin(models.AbstractModel):
    """Company, project and confidentiality shared by every SRM record.

    Models inheriting this mixin get the fields that the suite's record rules
    filter on (``company_id``, ``project_id``, ``is_confidential``) and keep
    notifications of confidential records away from people who may not read
    them. Each concrete model declares its record rules in XML, following the
    ones of ``srm.engagement``.

    Auditors are read-only on these records and on stakeholders: besides their
    access rights (read only), they may not post messages or notes, send emails,
    schedule activities, change followers or attach files, whatever the route
    (chatter, composer, RPC). See ``_srm_check_not_read_only``.
    """

    _name = "srm.secured.mixin"
    _inherit = ["srm.link.mask.mixin", "srm.link.search.mixin"]
    _description = "SRM company, project and confidentiality"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    project_id = fields.Many2one(
        "srm.project",
        string="Project",
        index=True,
        check_company=True,
        tracking=True,
    )
    is_confidential = fields.Boolean(
        string="Confidential",
        index=True,
        tracking=True,
        help="Only users with Confidential access can see this record.",
    )

    def _srm_linked_record_fields(self):
        """The fields linking other SRM records across modules (an engagement's issues, the
        parcels a grievance is about), which a user fills only with records they may read:
        a link to a confidential record of another project would tie it to theirs, and tell
        them it exists. Modules add theirs."""
        return []

    @api.model_create_multi
    def create(self, vals_list):
        fnames = self._srm_linked_record_fields()
        if fnames:
            check_readable_links(self, vals_list, fnames, create=True)
        return super().create(vals_list)

    def copy_data(self, default=None):
        # a copy leaves out the linked records its user may not read, as the link mixin's
        vals_list = super().copy_data(default=default)
        drop_unreadable_links(self, vals_list, self._srm_linked_record_fields(), default)
        return vals_list

    def write(self, vals):
        fnames = [fname for fname in self._srm_linked_record_fields() if fname in vals]
        # Odoo checks the record rules before a write, not after: a user could move a record
        # into a project they may not read, and with it its stakeholders and complainant
        if vals.get("project_id"):
            fnames.append("project_id")
        if fnames:
            check_readable_links(self, [vals], fnames)
        res = super().write(vals)
        if self._srm_reader_fields().intersection(vals):
            self._srm_drop_former_readers()
        return res

    @api.model
    def _srm_user_is_read_only(self):
        """Whether the current user may only read SRM records.

        That is an auditor who holds no working SRM group: project-restricted
        user, user, manager and worker grievance officer all imply the
        project-restricted group. An auditor who is also given one of those
        groups works with its rights; Confidential access alone gives no right
        to change anything either, so an auditor with Confidential access stays
        read-only.
        """
        if self.env.uid == SUPERUSER_ID:
            return False
        user = self.env.user
        return user.has_group("srm_base.group_srm_auditor") and not user.has_group("srm_base.group_srm_restricted")

    @api.model
    def _srm_is_read_only_scope(self, model_name, res_ids=None):
        """Whether records ``res_ids`` of ``model_name`` are SRM records that
        read-only users may not touch: records of SRM models, and stakeholders."""
        if not model_name or model_name not in self.env:
            return False
        if isinstance(self.env[model_name], self.env.registry["srm.secured.mixin"]):
            return True
        if model_name == "res.partner" and res_ids:
            # sudo: only the stakeholder flag is read, to know whether the check applies
            return bool(
                self.env["res.partner"]
                .sudo()
                .with_context(active_test=False)
                .search_count([("id", "in", list(res_ids)), ("is_stakeholder", "=", True)], limit=1)
            )
        return False

    @api.model
    def _srm_check_not_read_only(self, model_name, res_ids=None):
        """Refuse a change (message, note, email, activity, follower, attachment) on
        SRM records to a read-only user.

        The current user is checked even in sudo: Odoo's chatter posts messages and
        uploads files with sudo() once it checked that the user may read the record.
        """
        if self._srm_user_is_read_only() and self._srm_is_read_only_scope(model_name, res_ids):
            raise AccessError(
                self.env._(
                    "Your auditor access is read-only: you cannot post messages or notes, "
                    "send emails, schedule activities, change followers or attach files "
                    "on stakeholder records."
                )
            )

    @api.model
    def _srm_confidential_group(self):
        return self.env.ref("srm_base.group_srm_confidential")

    def _srm_readable_by(self, user):
        """The records of ``self`` that ``user`` may read (access rights, record rules: their
        projects, companies and groups), checked as them in any of their companies."""
        if not self or not user:
            return self.browse()
        # sudo: only the companies of the user, whose records they may read in any of them
        companies = user.sudo().company_ids
        as_user = self.with_user(user).with_context(active_test=False, allowed_company_ids=companies.ids)
        return self.browse(as_user._filtered_access("read")._ids)

    def _srm_new_readable_by(self, user):
        """Whether ``user`` may read the record ``self``, not created yet (``new()`` with the
        values it will be created with: what its company, project and confidentiality let
        through), checked as ``_srm_readable_by`` checks a record: access rights and record
        rules, as them in any of their companies."""
        self.ensure_one()
        # sudo: only the companies of the user, whose records they may read in any of them
        companies = user.sudo().company_ids
        as_user = self.with_user(user).with_context(active_test=False, allowed_company_ids=companies.ids)
        if as_user.env.su:
            return True
        if not as_user.env["ir.model.access"].check(self._name, "read", raise_exception=False):
            return False
        domain = as_user.env["ir.rule"]._compute_domain(self._name, "read")
        # sudo: the rules are evaluated on the new record's values, as Odoo's check does
        return not domain or bool(self.sudo().filtered_domain(domain))

    def _srm_unreadable_reason(self, user):
        """Why ``user`` may not read the record ``self``, to end a sentence naming them: the
        Confidential access they lack, the company they do not work in, the project they are
        not a member of (a project-restricted user), else their access rights."""
        self.ensure_one()
        # sudo: the groups, companies and projects of a colleague, to tell the current user
        # which of them keeps from them the record the current user is writing
        colleague = user.sudo()
        if self.is_confidential and not colleague.has_group("srm_base.group_srm_confidential"):
            return self.env._("they have no Confidential access")
        if self.company_id and self.company_id not in colleague.company_ids:
            return self.env._("they do not work in the company “%s”", name_for_reader(self.company_id))
        if colleague.srm_project_restricted and self.project_id not in colleague.srm_project_ids:
            if not self.project_id:
                return self.env._("they work on the records of their projects only, and it belongs to no project")
            return self.env._("they are not a member of its project “%s”", name_for_reader(self.project_id))
        return self.env._("their access rights do not let them read it")

    def _srm_unreadable_by_user_in(self, fname):
        """``(record, user)``: a record of ``self`` that the user its field ``fname`` names
        (its owner, officer, responsible) may not read, or ``(None, None)`` when each of them
        may read theirs (checked as them, once per user)."""
        for user, records in self.filtered(fname).grouped(fname).items():
            refused = records - records._srm_readable_by(user)
            if refused and user == self.env.user and not self.env.su:
                # the current user's own record, out of their reach: refused as Odoo refuses
                # them a record they may not read (as it would once created or written)
                refused.check_access("read")
            if refused:
                return refused[:1], user
        return None, None

    def _srm_check_responsible(self, fname):
        """Refuse, naming them and why, a colleague named in ``fname`` (who is responsible for
        the record: its owner, officer, land officer) who may not read the record: they would
        be given work on a record they cannot open, its activities and messages withheld from
        them. Models call it from a constraint on ``fname`` and on what their record rules
        filter on (company, project, confidentiality), so that it holds when those change."""
        record, user = self._srm_unreadable_by_user_in(fname)
        if record:
            raise record._srm_responsible_error(user, self._fields[fname]._description_string(self.env))

    def _srm_responsible_error(self, user, label):
        """The error refusing ``user`` as ``label`` (the label of the field naming them) of
        the record ``self``, which they may not read, in the current user's language."""
        self.ensure_one()
        return ValidationError(
            self.env._(
                "%(user)s cannot be “%(field)s” of “%(record)s”: %(reason)s. Choose a colleague who may read it.",
                user=user.name,
                field=label,
                record=self.display_name,
                reason=self._srm_unreadable_reason(user),
            )
        )

    def _srm_internal_readers(self, partner_ids, users=None):
        """``{partner id: ids of the records of self that they may read}`` for the partners of
        ``partner_ids`` who are internal users (one check per user, whatever the number of
        records); the other partners (stakeholders, portal users) are not in it. ``users``:
        those internal users, when the caller knows them already."""
        if users is None:
            partner_ids = {pid for pid in partner_ids or () if isinstance(pid, int)}
            if not partner_ids or not self:
                return {}
            # sudo: only which of these partners are internal users, to check the records as them
            users = (
                self.env["res.users"]
                .sudo()
                .with_context(active_test=False)
                .search([("partner_id", "in", list(partner_ids)), ("share", "=", False)])
            )
        readers = {}
        for user in users:
            readers.setdefault(user.partner_id.id, set()).update(self._srm_readable_by(user)._ids)
        return readers

    # ------------------------------------------------------------------
    # People who may no longer read a record
    # ------------------------------------------------------------------

    @api.model
    def _srm_reader_fields(self):
        """The fields whose change may take records away from people who read them: those
        the record rules filter on. Modules add theirs (a grievance's audience and
        complainant)."""
        return {"is_confidential", "project_id", "company_id"}

    def _srm_drop_former_readers(self, users=None, gone=None):
        """Whoever may no longer read one of these records loses what still tied them to
        it, whenever they were added (one check per person, whatever the number of
        records). Called once the records changed confidentiality, project or company (what
        their record rules read) for everyone tied to them, and once ``users`` lost access
        on their side (their projects, groups, companies, archived: see res.users) for them
        only, on the records they are tied to:

        - the users who may no longer read it stop following it: internal users, and portal
          users whose record it no longer is (for a model portal users read, its rules; for
          the others, when it became confidential). Contacts without a login keep following:
          nothing is sent to them while the record is confidential;
        - their unread notifications of its messages are marked read: they can no longer
          open those messages (see mail.message), which their inbox would still count;
        - the open activities of assignees who may no longer read it go to the record's
          responsible, else to the user who changed the records or archives ``gone`` (not
          who changed the access of ``users``), the first of them who may read it, with a
          note in the chatter. One neither may take over keeps its assignee (who can no
          longer open it, see mail.activity), and the note asks the record's readers to
          reassign it: an activity is never deleted.

        Archived users, and ``gone`` (users being archived), read nothing.
        """
        if not self:
            return
        # sudo: the followers, notifications and activities of records the current user has
        # just changed, or of the colleagues whose access they changed (write checked their
        # rights); each person is checked as themselves
        records = self.sudo().with_context(active_test=False)
        records.flush_recordset()
        Users = self.env["res.users"].sudo().with_context(active_test=False)
        follower_domain = [("res_model", "=", self._name), ("res_id", "in", records.ids)]
        unread_domain = [
            ("mail_message_id.model", "=", self._name),
            ("mail_message_id.res_id", "in", records.ids),
            ("is_read", "=", False),
        ]
        activity_domain = [("res_model", "=", self._name), ("res_id", "in", records.ids)]
        writer = Users if self.env.uid == SUPERUSER_ID or self.env.user.share else Users.browse(self.env.uid)
        if users is not None:
            users = Users.browse(users.ids)
            if not gone:
                # the records did not change: whoever changed the users' access is not the
                # one to take over their work (a user being archived is, as on a record)
                writer = Users
            follower_domain.append(("partner_id", "in", users.partner_id.ids))
            unread_domain.append(("res_partner_id", "in", users.partner_id.ids))
            activity_domain.append(("user_id", "in", users.ids))
        followers = self.env["mail.followers"].sudo().search(follower_domain)
        unread = self.env["mail.notification"].sudo().search(unread_domain)
        activities = self.env["mail.activity"].sudo().search(activity_domain)
        partners = followers.partner_id | unread.res_partner_id
        tied = Users.search([("partner_id", "in", partners.ids)])
        if users is not None:
            tied &= users
        gone_ids = set(gone.ids if gone else ())

        def readable_by(user, recs):
            if user.id in gone_ids or (not user.active and user.id != SUPERUSER_ID):
                return set()
            return set(recs._srm_readable_by(user)._ids)

        readable = {user.id: readable_by(user, records) for user in tied | activities.user_id}
        # what each follower's or notified person's logins may still read
        every, confidential = set(records._ids), set(records.filtered("is_confidential")._ids)
        reads = defaultdict(set)
        for user in tied:
            if user.share:
                # portal: the record rules of a model they read; the others are free to
                # them but when confidential
                theirs = readable[user.id] if self.browse().with_user(user).has_access("read") else every
                reads[user.partner_id.id] |= theirs - confidential
            else:
                reads[user.partner_id.id] |= readable[user.id]

        def lost(partner, res_id):
            return partner.id in reads and res_id not in reads[partner.id]

        records._srm_remove_followers(followers.filtered(lambda f: lost(f.partner_id, f.res_id)))
        unread.filtered(lambda n: lost(n.res_partner_id, n.mail_message_id.res_id)).write({"is_read": True})
        orphans = activities.filtered(lambda a: a.user_id and a.res_id not in readable[a.user_id.id])
        if not orphans:
            return
        # who may take them over, checked on their records only
        field = self._fields.get("user_id")
        has_responsible = bool(field and field.comodel_name == "res.users")
        orphaned = records.browse(set(orphans.mapped("res_id")))
        heirs = (orphaned.user_id if has_responsible else Users) | writer
        heirs_readable = {user.id: readable_by(user, orphaned) for user in heirs}
        orphaned._srm_hand_over_activities(orphans, heirs_readable, has_responsible, writer)

    def _srm_remove_followers(self, followers):
        """Remove ``followers`` of ``self`` in SQL: the ORM's unlink empties the whole cache,
        and the write this runs in may go on reading the records, which its user may no
        longer read (an engagement made confidential by a user without Confidential
        access). Nothing reacts to their removal but the followers' subtypes (removed with
        them by the database) and the records' followers, invalidated here."""
        if not followers:
            return
        followers.flush_model()
        self.env.cr.execute(SQL("DELETE FROM mail_followers WHERE id = ANY(%s)", followers.ids))
        followers.invalidate_model()
        self.invalidate_recordset(
            [fname for fname in ("message_follower_ids", "message_partner_ids") if fname in self._fields]
        )

    def _srm_hand_over_activities(self, activities, readable, has_responsible, writer):
        """Give ``activities`` of ``self``, whose assignees may no longer read their record,
        to the record's responsible (``has_responsible``: whether the model has one), else
        to ``writer``, the first of them who may read it (``readable``: {user id: ids of
        self they may read}), with one note per record in the chatter."""
        Users = self.env["res.users"]
        handed = []
        by_heir = defaultdict(list)
        for activity in activities:
            record = self.browse(activity.res_id)
            candidates = (record.user_id if has_responsible else Users, writer)
            heir = next((user for user in candidates if user and record.id in readable.get(user.id, ())), Users)
            handed.append((activity, activity.user_id, heir))
            if heir:
                by_heir[heir].append(activity.id)
        for heir, activity_ids in by_heir.items():
            # sudo (as found by the caller): other people's activities are handed over on
            # behalf of the user who changed the records; the heir may read them (checked)
            activities.browse(activity_ids).write({"user_id": heir.id})
        if not isinstance(self, self.env.registry["mail.thread"]):
            return
        lines = defaultdict(list)
        for activity, former, heir in handed:
            name = activity.summary or activity.activity_type_id.name or ""
            if heir:
                line = self.env._(
                    "“%(activity)s”, assigned to %(former)s, who may no longer read this record: "
                    "now assigned to %(heir)s.",
                    activity=name,
                    former=former.name,
                    heir=heir.name,
                )
            else:
                line = self.env._(
                    "“%(activity)s”, assigned to %(former)s, who may no longer read this record: "
                    "nobody could take it over, reassign it to someone who may read it.",
                    activity=name,
                    former=former.name,
                )
            lines[activity.res_id].append(line)
        title = self.env._("Open activities of people who may no longer read this record:")
        bodies = {
            res_id: Markup("<p>%s</p><ul>%s</ul>") % (title, Markup().join(Markup("<li>%s</li>") % t for t in texts))
            for res_id, texts in lines.items()
        }
        self.browse(list(bodies))._message_log_batch(bodies=bodies)

    # ------------------------------------------------------------------
    # Messages and activities of records a user may no longer read
    # ------------------------------------------------------------------

    @api.model
    def _srm_search_readable_documents(self, found, search, model_fname, offset, limit, order):
        """The messages, followers or activities of model ``found`` that Odoo's search
        ``search(limit)`` finds for the current user (``model_fname``: their field naming
        their record's model), without those of SRM records the user may not read in any
        of their companies.

        Odoo's search of messages and activities already reads each one it found to check
        it (their author, recipients and assignee read them whatever the record): the same
        rows are checked, one check per record found, where a condition of the search would
        run, on every row, one subquery over all the readable records of each SRM model.
        A search of the first ``limit`` ones is run again on more rows when some were left
        out, so that a page is full while there are more (the web client stops loading a
        list at a page that is not)."""
        table = found._table
        fetch = limit
        while True:
            query = search(fetch)
            found.flush_model([model_fname, "res_id"])
            rows = self.env.execute_query(
                query.select(
                    SQL.identifier(table, "id"), SQL.identifier(table, model_fname), SQL.identifier(table, "res_id")
                )
            )
            forbidden = set(self._srm_unreadable_documents(rows))
            if not forbidden and fetch == limit:
                return query
            kept = [row[0] for row in rows if row[0] not in forbidden]
            if not limit or offset or len(kept) >= limit or len(rows) < fetch:
                return found.browse(kept[:limit] if limit else kept)._as_query(order)
            fetch *= 4

    @api.model
    def _srm_unreadable_documents(self, rows):
        """Of ``rows`` ``[(id, model, res_id)]`` (messages or activities and the records they
        belong to), the ids of those whose SRM record the current user may not read in any
        of their companies."""
        secured = set(self.env["mail.followers"]._srm_secured_models())
        by_model = defaultdict(lambda: defaultdict(list))
        for id_, model, res_id in rows:
            if model in secured and res_id:
                by_model[model][res_id].append(id_)
        forbidden = []
        for model, by_record in by_model.items():
            readable = set(self.env[model].browse(list(by_record))._srm_readable_by(self.env.user)._ids)
            forbidden += [id_ for res_id, ids in by_record.items() if res_id not in readable for id_ in ids]
        return forbidden

    def _srm_filter_confidential_recipients(self, recipients_data):
        """Keep, of the people a message of these records is sent to, the internal users who
        may read the records (being told of a message opens it to its reader), and for a
        confidential record those with Confidential access only: nobody from outside."""
        # sudo: the users Odoo found for these recipients, to check the records as them
        users = (
            self.env["res.users"]
            .sudo()
            .browse({rdata["uid"] for rdata in recipients_data if not rdata.get("share") and rdata.get("uid")})
        )
        readers = self._srm_internal_readers(None, users=users)
        ids = set(self._ids)
        recipients_data = [
            rdata for rdata in recipients_data if rdata.get("share") or ids <= readers.get(rdata["id"], set())
        ]
        if not any(self.mapped("is_confidential")):
            return recipients_data
        group_id = self._srm_confidential_group().id
        return [
            rdata for rdata in recipients_data if not rdata.get("share") and group_id in (rdata.get("groups") or [])
        ]

    def _srm_filter_confidential_partner_ids(self, partner_ids):
        """Explicit recipients of a message on these records.

        Partners who may not read the records are dropped: being a recipient of
        a message would otherwise give them read access to it. That is internal
        users whose projects, companies or groups do not open the records to them,
        and, on a confidential record, everybody without Confidential access
        (stakeholders and portal users included).
        """
        if not partner_ids:
            return partner_ids
        partner_ids = list(partner_ids)
        readers = self._srm_internal_readers(partner_ids)
        ids = set(self._ids)
        partner_ids = [pid for pid in partner_ids if pid not in readers or ids <= readers[pid]]
        if not partner_ids or not any(self.mapped("is_confidential")):
            return partner_ids
        allowed = set(
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("partner_id", "in", partner_ids),
                    ("share", "=", False),
                    ("groups_id", "in", self._srm_confidential_group().ids),
                ]
            )
            .partner_id.ids
        )
        return [pid for pid in partner_ids if pid in allowed]

    def _notify_get_recipients(self, message, msg_vals, **kwargs):
        recipients = super()._notify_get_recipients(message, msg_vals, **kwargs)
        return self._srm_filter_confidential_recipients(recipients)

    def message_post(self, **kwargs):
        self._srm_check_not_read_only(self._name, self.ids)
        outside = not self.env.su and self.env.user.share
        if outside:
            kwargs = self._srm_outside_post_values(kwargs)
        if kwargs.get("partner_ids"):
            if kwargs.get("message_type", "notification") == "comment":
                # somebody chose these recipients: refuse to write to stakeholders
                # who asked not to be contacted rather than silently skipping them
                recipients = self.env["res.partner"].browse(kwargs["partner_ids"])
                if outside:
                    # sudo: a portal author writes to the followers of a record they may
                    # read (kept above), whom they cannot read themselves (the team)
                    recipients = recipients.sudo()
                recipients._srm_check_contactable()
            kwargs["partner_ids"] = self._srm_filter_confidential_partner_ids(kwargs["partner_ids"])
        return super().message_post(**kwargs)

    def _srm_outside_post_values(self, kwargs):
        """What a portal or public user may post on an SRM record: a message in
        their own name, in the conversation they can read, sent to the record's
        followers only (as Odoo's portal controller allows), whatever the call
        asked for. Never an internal note for the team (which the author could
        not even read back), a message in a staff member's name or from another
        address, or mail to any contact of the database. The portal pages that
        let an invited stakeholder answer the team in a note post as superuser,
        after their own checks."""
        self.check_access("read")
        values = dict(kwargs)
        for key in ("author_id", "author_guest_id", "email_from", "reply_to", "subtype_id", "is_internal"):
            values.pop(key, None)
        values["subtype_xmlid"] = "mail.mt_comment"
        values["message_type"] = "comment"
        if values.get("partner_ids"):
            # sudo: only which partners follow these records (which the caller may
            # read: checked above), to keep the recipients among them
            followers = (
                self.env["mail.followers"]
                .sudo()
                .search([("res_model", "=", self._name), ("res_id", "in", self.ids)])
                .partner_id
            )
            values["partner_ids"] = [pid for pid in values["partner_ids"] if pid in followers.ids]
        return values

    def message_notify(self, **kwargs):
        self._srm_check_not_read_only(self._name, self.ids)
        if kwargs.get("partner_ids"):
            kwargs["partner_ids"] = self._srm_filter_confidential_partner_ids(kwargs["partner_ids"])
            if not kwargs["partner_ids"]:
                # nobody may read this confidential record: there is nobody to notify
                return self.env["mail.message"]
        return super().message_notify(**kwargs)

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        if partner_ids:
            self._srm_check_not_read_only(self._name, self.ids)
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)

    def _message_subscribe(self, partner_ids=None, subtype_ids=None, customer_ids=None):
        """An internal user follows only the records they may read (a follower is told of
        the record's messages), whoever subscribes them: a colleague, an activity, the
        mail gateway, a responsible set on the record."""
        readers = self._srm_internal_readers(partner_ids)
        if not readers:
            return super()._message_subscribe(partner_ids, subtype_ids, customer_ids=customer_ids)
        by_partners = defaultdict(list)
        for record in self:
            kept = tuple(pid for pid in partner_ids if pid not in readers or record.id in readers[pid])
            by_partners[kept].append(record.id)
        for kept, record_ids in by_partners.items():
            if kept:
                super(SrmSecuredMixin, self.browse(record_ids))._message_subscribe(
                    list(kept), subtype_ids, customer_ids=customer_ids
                )
        return True

    def message_unsubscribe(self, partner_ids=None):
        if partner_ids:
            self._srm_check_not_read_only(self._name, self.ids)
        return super().message_unsubscribe(partner_ids=partner_ids)

    def _thread_to_store(self, store, /, *, fields=None, request_list=None):
        super()._thread_to_store(store, fields=fields, request_list=request_list)
        if request_list and self._srm_user_is_read_only():
            # the chatter offers no "Send message" / "Log note" to a read-only user
            for thread in self:
                store.add(thread, {"canPostOnReadonly": False, "hasWriteAccess": False}, as_thread=True)

    def _message_get_suggested_recipients(self):
        if any(self.mapped("is_confidential")):
            return []
        return super()._message_get_suggested_recipients()
