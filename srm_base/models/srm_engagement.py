# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

import pytz
from markupsafe import Markup

from odoo import Command, api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from .srm_read_rules import ReadRulesChecked

IAP2_LEVELS = [
    ("inform", "Inform"),
    ("consult", "Consult"),
    ("involve", "Involve"),
    ("collaborate", "Collaborate"),
    ("empower", "Empower"),
]

SENTIMENTS = [
    ("-2", "Very negative"),
    ("-1", "Negative"),
    ("0", "Neutral"),
    ("1", "Positive"),
    ("2", "Very positive"),
]


def date_local_update_sql(where=None):
    """UPDATE setting ``srm_engagement.date_local``, the day of each engagement in
    the time zone of its company (its partner's, UTC when unset or unknown to
    PostgreSQL), for the rows matching ``where`` (an SQL condition on ``e``)."""
    return SQL(
        """
        UPDATE srm_engagement e
           SET date_local = (e.date AT TIME ZONE 'UTC' AT TIME ZONE COALESCE(z.name, 'UTC'))::date
          FROM res_company c
          JOIN res_partner p ON p.id = c.partner_id
     LEFT JOIN pg_timezone_names z ON z.name = p.tz
         WHERE c.id = e.company_id AND %s
           AND e.date_local IS DISTINCT FROM
               (e.date AT TIME ZONE 'UTC' AT TIME ZONE COALESCE(z.name, 'UTC'))::date
        """,
        where or SQL("TRUE"),
    )


class SrmEngagement(models.Model):
    """One interaction with stakeholders: a meeting, a call, a letter, a visit..."""

    _name = "srm.engagement"
    _description = "Stakeholder Engagement"
    _inherit = ["srm.secured.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _mail_post_access = "read"

    # trigram indexes: the engagement log is searched by words of its subject and summary
    name = fields.Char(string="Subject", required=True, tracking=True, index="trigram")
    engagement_type_id = fields.Many2one(
        "srm.engagement.type",
        string="Type",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self._default_engagement_type(),
    )
    date = fields.Datetime(
        required=True, index=True, default=fields.Datetime.now, tracking=True
    )
    # grouping by day, week or month in a time zone cannot use the index of a
    # datetime: the overview and the reports group on this stored day instead
    # (indexed by srm_engagement_date_local_figures_index, see init)
    date_local = fields.Date(
        string="Local Date",
        compute="_compute_date_local",
        store=True,
        help="Day of the engagement in its company's time zone.",
    )
    duration = fields.Float(help="Duration in hours.")
    location = fields.Char()
    direction = fields.Selection(
        [
            ("outbound", "We reached out"),
            ("inbound", "They reached out"),
            ("mutual", "Joint / scheduled"),
        ],
        default="mutual",
        required=True,
        help="Who initiated the engagement. Stakeholders who asked not to be contacted "
        "cannot take part in an engagement we initiated.",
    )
    partner_ids = fields.Many2many(
        "res.partner",
        "srm_engagement_partner_rel",
        "engagement_id",
        "partner_id",
        string="Stakeholders",
        domain="[('is_stakeholder', '=', True)]",
        tracking=True,
    )
    participant_ids = fields.One2many(
        "srm.engagement.participant", "engagement_id", string="Participation"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    attendee_user_ids = fields.Many2many(
        "res.users",
        "srm_engagement_attendee_rel",
        "engagement_id",
        "user_id",
        string="Internal Attendees",
        domain="[('share', '=', False)]",
    )
    iap2_level = fields.Selection(
        IAP2_LEVELS,
        string="IAP2 Level",
        compute="_compute_iap2_level",
        store=True,
        readonly=False,
        help="Level of public participation of the International Association for Public "
        "Participation spectrum.",
    )
    summary = fields.Text(index="trigram")
    outcome = fields.Text()
    topic_ids = fields.Many2many("srm.topic", string="Topics")
    sentiment = fields.Selection(SENTIMENTS, tracking=True)
    follow_up_needed = fields.Boolean(string="Follow-up Needed", tracking=True)
    follow_up_date = fields.Date(string="Follow-up Date")
    calendar_event_id = fields.Many2one(
        "calendar.event", string="Calendar Meeting", index="btree_not_null", copy=False
    )
    stakeholder_count = fields.Integer(compute="_compute_stakeholder_count")
    sender_unverified = fields.Boolean(
        string="Sender to Verify",
        copy=False,
        tracking=True,
        help="Created from an email whose address belongs to an existing contact or colleague, "
        "but which the receiving mail server did not authenticate: anybody may have written it. "
        "It is attributed to nobody and names no stakeholder. Check with the sender, add the "
        "stakeholders, then untick.",
    )

    @api.model
    def _srm_searched_link_fields(self):
        # its stakeholders: one taken off the project since is not the project team's
        return (*super()._srm_searched_link_fields(), "partner_ids")

    @api.model
    def _default_engagement_type(self):
        return self.env["srm.engagement.type"].search([], limit=1)

    @api.depends("engagement_type_id")
    def _compute_iap2_level(self):
        for engagement in self:
            engagement.iap2_level = (
                engagement.engagement_type_id.default_iap2_level or engagement.iap2_level
            )

    @api.depends("date", "company_id")
    def _compute_date_local(self):
        for engagement in self:
            if not engagement.date:
                engagement.date_local = False
                continue
            tz = engagement.company_id.partner_id._srm_timezone()
            engagement.date_local = pytz.utc.localize(engagement.date).astimezone(tz).date()

    # The list shows each engagement's activities (list_activity: their state, exception,
    # summary and type). A page of the log is mostly engagements without activities: when
    # none of the page's engagements has one, their values are set at once instead of
    # engagement by engagement.
    def _compute_activity_state(self):
        if self.activity_ids:
            return super()._compute_activity_state()
        self.activity_state = False

    def _compute_activity_exception_type(self):
        if self.activity_ids:
            return super()._compute_activity_exception_type()
        self.activity_exception_decoration = False
        self.activity_exception_icon = False

    def _compute_field_value(self, field):
        # the next activity's summary, type and icon (fields related to activity_ids,
        # computed as superuser like every related field): empty for all at once
        if field.related and field.related.startswith("activity_ids.") and not self.activity_ids:
            self[field.name] = False
            return None
        return super()._compute_field_value(field)

    # A page of the engagement list is read as Odoo reads it, with two shortcuts: the
    # stakeholders come with what the list shows of them (``_srm_read_partners``), and the
    # engagements and stakeholders that the page's queries selected under the user's record
    # rules are not checked a second time in Python (``ReadRulesChecked``).
    @api.model
    @api.readonly
    def web_search_read(self, domain, specification, offset=0, limit=None, order=None, count_limit=None):
        self = ReadRulesChecked.with_checked(self)
        return super().web_search_read(
            domain, specification, offset=offset, limit=limit, order=order, count_limit=count_limit
        )

    def web_read(self, specification):
        self._srm_read_lookup_names(specification)
        return super().web_read(specification)

    def _srm_read_lookup_names(self, specification):
        """Put in cache, in one query, what the display names of the records the lookups
        (many2one) of ``specification`` link to are made of: the types', projects',
        responsible users' and companies' names of a page, which Odoo's ``web_read``
        computes as superuser, each model reading every column of its records in a query
        of its own. Read as superuser too, archived records included, each field as the
        ORM's read selects it (the user's language); values already in cache are kept, and
        what is not listed is read by the ORM as usual."""
        if not self._ids or self.env.context.get("prefetch_langs"):
            return
        parts, plan = [], []
        for fname, spec in specification.items():
            field = self._fields.get(fname)
            if (
                field is None
                or field.type != "many2one"
                or "display_name" not in (spec.get("fields") or {})
                or spec.get("context")
                or any(self.env.cache.get_missing_ids(self, field))
            ):
                continue
            ids = tuple({id_ for id_ in self.env.cache.get_values(self, field) if isinstance(id_, int)})
            comodel = self.env[field.comodel_name].sudo().with_context(active_test=False)
            linked = comodel.browse(ids)
            names = [
                name
                for name in dict.fromkeys(
                    path.split(".")[0] for path in self.pool.field_depends[comodel._fields["display_name"]]
                )
                if self._srm_lookup_readable(comodel._fields.get(name))
                and any(self.env.cache.get_missing_ids(linked, comodel._fields[name]))
            ]
            if not ids or not names:
                continue
            query = comodel._where_calc([("id", "in", ids)])
            data = SQL(", ").join(comodel._field_to_sql(comodel._table, name, query) for name in names)
            row = SQL("%s, %s, jsonb_build_array(%s)", len(plan), SQL.identifier(comodel._table, "id"), data)
            parts.append(SQL("(%s)", query.select(row)))
            plan.append((comodel, names))
        if not parts:
            return
        values = defaultdict(dict)
        for index, id_, data in self.env.execute_query(SQL(" UNION ALL ").join(parts)):
            values[index][id_] = data
        for index, (comodel, names) in enumerate(plan):
            records = comodel.browse(list(values[index]))
            for position, name in enumerate(names):
                self.env.cache.insert_missing(
                    records, comodel._fields[name], [values[index][id_][position] for id_ in records._ids]
                )

    @api.model
    def _srm_lookup_readable(self, field):
        """Whether ``_srm_read_lookup_names`` reads ``field`` of a linked record: a column
        whose value needs no conversion (``res.partner._srm_prefetchable``), or a field
        related to such a column through a lookup (a user's name is their partner's)."""
        Partner = self.env["res.partner"]
        if field and field.related and not field.store:
            target = field.related_field
            return (
                len(field.related.split(".")) == 2
                and not target.translate
                and not field.groups
                and self.env[field.model_name]._fields[field.related.split(".")[0]].type == "many2one"
                and Partner._srm_prefetchable(target)
            )
        return Partner._srm_prefetchable(field)

    def _apply_ir_rules(self, query, mode="read"):
        result = super()._apply_ir_rules(query, mode)
        if mode == "read" and ReadRulesChecked.of(self.env):
            query._srm_read_rules_key = ReadRulesChecked.env_key(self.env)
        return result

    def _check_access(self, operation):
        if (
            operation == "read"
            and ReadRulesChecked.covers(self)
            and self.env["ir.model.access"].check(self._name, operation, raise_exception=False)
        ):
            # selected under these rules a moment ago, in the same read of a list
            return None
        return super()._check_access(operation)

    def _fetch_query(self, query, fields):
        field = self._fields["partner_ids"]
        if field not in fields:
            fetched = super()._fetch_query(query, fields)
        else:
            fetched = super()._fetch_query(query, [other for other in fields if other is not field])
            if fetched:
                fetched._srm_read_partners()
        key = getattr(query, "_srm_read_rules_key", None)
        if key is not None and key == ReadRulesChecked.env_key(self.env):
            ReadRulesChecked.add(fetched)
        return fetched

    def _srm_read_partners(self):
        """Put in cache the stakeholders of the engagements ``self`` as Odoo's read of a
        many2many selects them (the stakeholders the user may read under the record rules,
        archived ones included, in their model's order), and, from the same query, the
        fields a list reads of each (``res.partner._srm_listed_fields``: active flag,
        display name, the fields of the read rules). Otherwise the first of those fields
        a list reads makes the ORM read every column of the 150 stakeholders a page of
        engagements names, in a second query that applies the rules again. Values already
        in cache are kept, as the ORM's own read keeps them."""
        field = self._fields["partner_ids"]
        comodel = self.env[field.comodel_name].with_context(active_test=False, **field.context)
        query = comodel._where_calc(field.get_domain_list(self))
        comodel._apply_ir_rules(query, "read")
        query.order = comodel._order_to_sql(comodel._order, query)
        owner = SQL.identifier(field.relation, field.column1)
        line = SQL.identifier(field.relation, field.column2)
        query.add_join("JOIN", field.relation, None, SQL("%s = %s", line, SQL.identifier(comodel._table, "id")))
        query.add_where(SQL("%s IN %s", owner, tuple(self.ids)))
        names = comodel._srm_listed_fields()
        columns = [comodel._field_to_sql(comodel._table, name, query) for name in names]
        lines, values = defaultdict(list), {}
        for owner_id, line_id, *data in self.env.execute_query(query.select(owner, line, *columns)):
            lines[owner_id].append(line_id)
            values[line_id] = data
        self.env.cache.insert_missing(self, field, [tuple(lines[id_]) for id_ in self._ids])
        partners = comodel.browse(list(values))
        ReadRulesChecked.add(partners)
        for position, name in enumerate(names):
            self.env.cache.insert_missing(
                partners, comodel._fields[name], [values[id_][position] for id_ in partners._ids]
            )

    @api.depends("partner_ids")
    def _compute_stakeholder_count(self):
        for engagement in self:
            engagement.stakeholder_count = len(engagement.partner_ids)

    @api.constrains("partner_ids", "sender_unverified")
    def _check_partner_ids(self):
        # an email whose sender is to be verified names nobody until the team checked it
        for engagement in self:
            if not engagement.partner_ids and not engagement.sender_unverified:
                raise ValidationError(
                    self.env._("The engagement “%s” must involve at least one stakeholder.", engagement.name)
                )

    def _srm_refuse_sender_unverified(self):
        """The mark "Sender to Verify" is the mail gateway's (``message_new``, as superuser):
        it marks the engagement of an email it could not authenticate. A user who may change
        the engagement unticks it once they checked with the sender (the change is
        tracked), but never ticks it, by hand or over RPC (in the values, or as a default
        of the context or of the user)."""
        raise UserError(
            self.env._(
                "Only the mail gateway marks an engagement “Sender to Verify”, when it could "
                "not authenticate the email it comes from. You may untick it once you checked "
                "with the sender, but not tick it."
            )
        )

    @api.constrains("partner_ids", "direction")
    def _check_do_not_contact(self):
        for engagement in self.filtered(lambda e: e.direction == "outbound"):
            blocked = engagement.partner_ids.filtered("srm_do_not_contact")
            if blocked:
                raise ValidationError(
                    self.env._(
                        "%(names)s asked not to be contacted: an engagement we initiate "
                        "cannot include them. Record it as initiated by them if they "
                        "reached out.",
                        names=", ".join(blocked.mapped("display_name")),
                    )
                )

    @api.constrains("duration")
    def _check_duration(self):
        for engagement in self:
            if engagement.duration < 0:
                raise ValidationError(self.env._("The duration of an engagement cannot be negative."))

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    def init(self):
        super().init()
        # a project's engagement log, newest first (the list's default order)
        tools.create_index(
            self.env.cr,
            "srm_engagement_project_date_id_index",
            self._table,
            ["project_id", "date DESC", "id DESC"],
        )
        # the overview's engagements by month, type and sentiment, with the columns of
        # the record rules (company, confidentiality, project): read from the index
        # alone, without visiting the table
        if not tools.sql.index_exists(self.env.cr, "srm_engagement_date_local_figures_index"):
            self.env.cr.execute(
                SQL(
                    "CREATE INDEX srm_engagement_date_local_figures_index ON srm_engagement (date_local) "
                    "INCLUDE (engagement_type_id, sentiment, company_id, is_confidential, project_id)"
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        engagements = super().create(vals_list)
        # given in the values or as a default (context, user's defaults)
        if not self.env.su and any(engagements.mapped("sender_unverified")):
            engagements._srm_refuse_sender_unverified()
        # a constraint only runs for the fields given: check the engagements
        # created without any stakeholder too
        engagements._check_partner_ids()
        engagements._mark_partners_as_stakeholders()
        engagements._sync_participants()
        engagements._link_partners_to_project()
        engagements.partner_ids._srm_update_last_engagement()
        return engagements

    def write(self, vals):
        if vals.get("sender_unverified") and not self.env.su and not all(self.mapped("sender_unverified")):
            self._srm_refuse_sender_unverified()
        old_partners = self.partner_ids if {"partner_ids", "date", "is_confidential"} & set(vals) else None
        res = super().write(vals)
        if "partner_ids" in vals:
            self._mark_partners_as_stakeholders()
            self._sync_participants()
        if {"partner_ids", "project_id"} & set(vals):
            self._link_partners_to_project()
        if old_partners is not None:
            (old_partners | self.partner_ids)._srm_update_last_engagement()
        return res

    def unlink(self):
        partners = self.partner_ids
        res = super().unlink()
        partners._srm_update_last_engagement()
        return res

    def _mark_partners_as_stakeholders(self):
        """Whoever we engage with is a stakeholder (contacts picked from a meeting...)."""
        others = self.partner_ids.filtered(lambda p: not p.is_stakeholder)
        if others:
            others.sudo().is_stakeholder = True

    def _sync_participants(self):
        """Keep one participation line per stakeholder of the engagement."""
        to_remove = self.env["srm.engagement.participant"]
        to_create = []
        for engagement in self:
            existing = engagement.participant_ids
            to_remove |= existing.filtered(
                lambda p, engagement=engagement: p.partner_id not in engagement.partner_ids
            )
            to_create += [
                {
                    "engagement_id": engagement.id,
                    "partner_id": partner.id,
                    "capacity_type_id": partner.stakeholder_type_id.id,
                }
                for partner in engagement.partner_ids - existing.partner_id
            ]
        to_remove.unlink()
        self.env["srm.engagement.participant"].create(to_create)

    def _link_partners_to_project(self):
        """Stakeholders engaged on a project become stakeholders of that project."""
        for project, engagements in self.grouped("project_id").items():
            if not project:
                continue
            missing = engagements.partner_ids - project.sudo().stakeholder_ids
            if missing:
                project.sudo().stakeholder_ids = [Command.link(p.id) for p in missing]

    # ------------------------------------------------------------------
    # Import
    # ------------------------------------------------------------------

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Engagements"),
                "template": "/srm_base/static/xls/srm_engagements.xlsx",
            }
        ]

    # ------------------------------------------------------------------
    # Mail gateway: an email to the alias becomes an engagement
    # ------------------------------------------------------------------

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """An email to the alias becomes an inbound engagement on its sender.

        Unknown senders become stakeholders. When a colleague forwards or copies
        an email, the stakeholders are the known stakeholders among its
        recipients and the colleague is responsible for the engagement.

        ``From:`` proves nothing: an email with the address of an existing contact
        or colleague is theirs only when the receiving mail server authenticated it
        (``mail.thread._srm_mail_authenticated``). Otherwise the engagement keeps the
        email but is attributed to nobody: no author, follower or responsible, no
        stakeholder taken from its sender or recipients; it is marked "Sender to
        Verify" with a note saying why.
        """
        custom_values = dict(custom_values or {})
        Partner = self.env["res.partner"]
        name, email = tools.parse_contact_from_email(msg_dict.get("email_from") or msg_dict.get("from") or "")
        email = tools.email_normalize(email) or email
        author = Partner.browse(msg_dict.get("author_id")).exists()
        if not author and email:
            author = Partner.search([("email_normalized", "=", email)], limit=1)
        if author and not self._srm_mail_authenticated(email):
            defaults = self._srm_message_new_unverified_values(msg_dict, name or email)
            defaults.update(custom_values)
            engagement = super().message_new(msg_dict, custom_values=defaults)
            engagement._srm_note_unverified_sender(msg_dict.get("email_from") or msg_dict.get("from") or "")
            return engagement
        responsible = self.env["res.users"]
        if author and author.user_ids.filtered(lambda u: not u.share):
            responsible = author.user_ids.filtered(lambda u: not u.share)[:1]
            emails = tools.email_split(
                ",".join(filter(None, [msg_dict.get("to"), msg_dict.get("cc")]))
            )
            normalized = [tools.email_normalize(e) for e in emails]
            stakeholders = Partner.search(
                [("email_normalized", "in", [e for e in normalized if e]), ("is_stakeholder", "=", True)]
            )
        elif author:
            stakeholders = author
            if author.commercial_partner_id.is_stakeholder:
                stakeholders |= author.commercial_partner_id
        else:
            stakeholders = Partner.create(
                {"name": name or email, "email": email, "is_stakeholder": True}
            )
            # the message posted next is then authored by the new stakeholder
            msg_dict["author_id"] = stakeholders.id
        main = stakeholders[:1]
        if responsible:
            # a colleague's email: in a project of the stakeholder they may read, else in one
            # of theirs
            project = main._srm_default_project(responsible)
        else:
            project = main.srm_main_project_id
            responsible = main.user_id.filtered(lambda u: not u.share)
        company = project.company_id or self.env.company
        if responsible and not self.new(
            {"project_id": project.id, "company_id": company.id, "is_confidential": False}
        )._srm_new_readable_by(responsible):
            # nobody is responsible for an engagement they may not read
            responsible = self.env["res.users"]
        defaults = self._srm_message_new_values(msg_dict, main.display_name)
        defaults.update(
            {
                "partner_ids": [Command.set(stakeholders.ids)],
                "user_id": responsible.id,
            }
        )
        if project:
            defaults["project_id"] = project.id
            defaults["company_id"] = project.company_id.id
        defaults.update(custom_values)
        return super().message_new(msg_dict, custom_values=defaults)

    @api.model
    def _srm_message_new_values(self, msg_dict, sender):
        """What an email to the alias says of the engagement, whoever sent it."""
        values = {
            "name": msg_dict.get("subject") or self.env._("Email from %s", sender),
            "direction": "inbound",
            "summary": tools.html2plaintext(msg_dict.get("body") or ""),
        }
        if msg_dict.get("date"):
            values["date"] = msg_dict["date"]
        email_type = self.env.ref("srm_base.srm_engagement_type_email", raise_if_not_found=False)
        if email_type:
            values["engagement_type_id"] = email_type.id
        return values

    @api.model
    def _srm_message_new_unverified_values(self, msg_dict, sender):
        """The engagement of an email sent with the address of an existing contact or
        colleague that the mail server did not authenticate (anybody can write any
        address in ``From:``): the email is kept, in nobody's name."""
        values = self._srm_message_new_values(msg_dict, sender)
        values.update({"partner_ids": [Command.clear()], "user_id": False, "sender_unverified": True})
        # not attributed to the contact: it would make them its author and a follower
        msg_dict["author_id"] = False
        return values

    def _srm_note_unverified_sender(self, email_from):
        """Tell the team why the engagement names nobody."""
        self._message_log(
            body=Markup("<p>%s</p>")
            % self.env._(
                "The sender's address, %(email)s, belongs to an existing contact or colleague, but "
                "the receiving mail server did not authenticate this email: anybody may have "
                "written it. It is attributed to nobody, and neither its sender nor its "
                "recipients were taken as stakeholders. Check with the sender, add the "
                "stakeholders, then untick “Sender to Verify”.",
                email=email_from,
            ),
        )

    def _message_get_suggested_recipients(self):
        recipients = super()._message_get_suggested_recipients()
        if self.is_confidential:
            return recipients
        for partner in self.partner_ids.filtered(lambda p: p.email and not p.srm_do_not_contact):
            self._message_add_suggested_recipient(
                recipients, partner=partner, reason=self.env._("Stakeholder")
            )
        return recipients

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_open_calendar_event(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "calendar.event",
            "res_id": self.calendar_event_id.id,
            "view_mode": "form",
        }
