# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
import weakref
from collections import defaultdict

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, email_normalize

from odoo.addons.base.models.res_partner import Partner as OdooPartner

from .srm_engagement import date_local_update_sql
from .srm_read_rules import ReadRulesChecked

# {registry class of res.partner: {naming method: whether it is Odoo's own}}
_NAMES_AS_ODOO = weakref.WeakKeyDictionary()

QUADRANTS = [
    ("manage_closely", "Manage closely"),
    ("keep_satisfied", "Keep satisfied"),
    ("keep_informed", "Keep informed"),
    ("monitor", "Monitor"),
]

SALIENCE = [
    ("definitive", "Definitive"),
    ("dominant", "Dominant"),
    ("dangerous", "Dangerous"),
    ("dependent", "Dependent"),
    ("dormant", "Dormant"),
    ("discretionary", "Discretionary"),
    ("demanding", "Demanding"),
    ("none", "Non-stakeholder"),
]

# (power, legitimacy, urgency) -> salience class (Mitchell, Agle & Wood)
SALIENCE_MAP = {
    (True, True, True): "definitive",
    (True, True, False): "dominant",
    (True, False, True): "dangerous",
    (False, True, True): "dependent",
    (True, False, False): "dormant",
    (False, True, False): "discretionary",
    (False, False, True): "demanding",
    (False, False, False): "none",
}

HIGH = 4  # on the 1-5 scales, 4 and 5 count as high

# fields pointing to models that only SRM users may read
SRM_GROUPS = "srm_base.group_srm_restricted,srm_base.group_srm_auditor,srm_base.group_srm_confidential"

SCALE_FIELDS = ("srm_influence", "srm_interest", "srm_legitimacy", "srm_urgency")

# the context keys that make Odoo name a partner with more than its name
DISPLAY_NAME_CONTEXT = ("show_address", "partner_show_db_id", "address_inline", "show_email", "show_vat")

# a phone number must have at least this many digits to identify a stakeholder
PHONE_MIN_DIGITS = 6


def _payload_sql(comodel, names, query):
    """SQL of a JSON array of the fields ``names`` of ``comodel``'s rows in ``query``, each as
    the ORM's own read selects it (translations in the user's language), or NULL."""
    if not names:
        return SQL("NULL::jsonb")
    columns = [comodel._field_to_sql(comodel._table, name, query) for name in names]
    return SQL("jsonb_build_array(%s)", SQL(", ").join(columns))


def phone_digits(value):
    """The digits of a phone number, the key used to match stakeholders."""
    digits = re.sub(r"\D", "", value or "")
    return digits if len(digits) >= PHONE_MIN_DIGITS else ""


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_stakeholder = fields.Boolean(string="Stakeholder", index=True, tracking=True)
    # the team's assessment of a stakeholder (type, segments, scores): never shown to the
    # stakeholder's own portal login or to their organisation's, nor to users outside the
    # SRM groups
    stakeholder_type_id = fields.Many2one("srm.stakeholder.type", index=True, tracking=True, groups=SRM_GROUPS)
    srm_segment_ids = fields.Many2many(
        "srm.segment",
        "srm_segment_partner_rel",
        "partner_id",
        "segment_id",
        string="Segments",
        groups=SRM_GROUPS,
    )
    srm_influence = fields.Integer(
        string="Influence",
        default=3,
        tracking=True,
        groups=SRM_GROUPS,
        help="Power to affect the project, 1 (low) to 5 (high).",
    )
    srm_interest = fields.Integer(
        string="Interest",
        default=3,
        tracking=True,
        groups=SRM_GROUPS,
        help="How much the project affects or concerns them, 1 to 5.",
    )
    srm_legitimacy = fields.Integer(
        string="Legitimacy", default=3, groups=SRM_GROUPS, help="Legitimacy of their claim on the project, 1 to 5."
    )
    srm_urgency = fields.Integer(
        string="Urgency", default=3, groups=SRM_GROUPS, help="Time-sensitivity of their claims, 1 to 5."
    )
    srm_quadrant = fields.Selection(
        QUADRANTS,
        string="Power/Interest Quadrant",
        compute="_compute_srm_quadrant",
        store=True,
        index=True,
        groups=SRM_GROUPS,
    )
    srm_salience = fields.Selection(
        SALIENCE, string="Salience", compute="_compute_srm_salience", store=True, groups=SRM_GROUPS
    )
    srm_region_id = fields.Many2one("srm.region", string="Region", index=True)
    srm_preferred_channel = fields.Selection(
        [
            ("email", "Email"),
            ("phone", "Phone"),
            ("sms", "SMS / messaging"),
            ("letter", "Letter"),
            ("in_person", "In person"),
            ("community_meeting", "Community meeting"),
            ("radio", "Radio / notice board"),
        ],
        string="Preferred Channel",
    )
    srm_consent = fields.Boolean(string="Consents to Contact", tracking=True)
    srm_consent_date = fields.Date(string="Consent Date")
    srm_consent_basis = fields.Selection(
        [
            ("consent", "Explicit consent"),
            ("legitimate_interest", "Legitimate interest"),
            ("legal_obligation", "Legal or permit obligation"),
            ("public_task", "Public task"),
        ],
        string="Basis for Contact",
    )
    srm_do_not_contact = fields.Boolean(
        string="Do Not Contact",
        index=True,
        tracking=True,
        help="The stakeholder asked not to be contacted: no invitation, mailing or "
        "outbound engagement is allowed.",
    )
    srm_project_ids = fields.Many2many(
        "srm.project",
        "srm_project_partner_rel",
        "partner_id",
        "project_id",
        string="Projects",
        groups=SRM_GROUPS,
    )
    srm_main_project_id = fields.Many2one(
        "srm.project",
        string="Main Project",
        help="The project whose custom stakeholder attributes apply to this stakeholder.",
        groups=SRM_GROUPS,
    )
    srm_properties = fields.Properties(
        string="Project Attributes",
        definition="srm_main_project_id.stakeholder_properties_definition",
        copy=True,
        groups=SRM_GROUPS,
    )
    srm_relationship_ids = fields.One2many(
        "srm.relationship", "partner_id", string="Relationships", groups=SRM_GROUPS
    )
    srm_relationship_inverse_ids = fields.One2many(
        "srm.relationship",
        "related_partner_id",
        string="Relationships (other side)",
        groups=SRM_GROUPS,
    )
    srm_engagement_ids = fields.Many2many(
        "srm.engagement",
        "srm_engagement_partner_rel",
        "partner_id",
        "engagement_id",
        string="Engagements",
        copy=False,
        groups=SRM_GROUPS,
    )
    srm_engagement_count = fields.Integer(string="Engagement Count", compute="_compute_srm_counts")
    srm_last_engagement_date = fields.Datetime(
        string="Last Engagement",
        readonly=True,
        index=True,
        copy=False,
        help="Date of the latest engagement that is not confidential: every user who "
        "sees the stakeholder sees this date, so confidential engagements do not move it.",
    )
    srm_last_engagement_date_all = fields.Datetime(
        string="Last Engagement, Confidential Included",
        readonly=True,
        copy=False,
        groups="srm_base.group_srm_confidential",
        help="Date of the latest engagement, confidential ones included: shown only to "
        "users with Confidential access, who then see a stakeholder met only confidentially "
        "as contacted.",
    )
    srm_days_since_contact = fields.Integer(
        string="Days Since Last Contact",
        readonly=True,
        copy=False,
        help="Days since the latest engagement that is not confidential. Refreshed "
        "whenever an engagement is logged and every night.",
    )

    _sql_constraints = [
        ("srm_influence_range", "CHECK(srm_influence BETWEEN 1 AND 5)", "Influence must be between 1 and 5."),
        ("srm_interest_range", "CHECK(srm_interest BETWEEN 1 AND 5)", "Interest must be between 1 and 5."),
        ("srm_legitimacy_range", "CHECK(srm_legitimacy BETWEEN 1 AND 5)", "Legitimacy must be between 1 and 5."),
        ("srm_urgency_range", "CHECK(srm_urgency BETWEEN 1 AND 5)", "Urgency must be between 1 and 5."),
    ]

    @api.model
    def _srm_check_scale_values(self, name, values):
        """Raise a translated error when one of the 1-5 scores is out of range."""
        for fname in SCALE_FIELDS:
            if fname not in values:
                continue
            value = values[fname]
            try:
                number = int(value or 0)
            except (TypeError, ValueError):
                number = 0
            if not 1 <= number <= 5:
                raise ValidationError(
                    self.env._(
                        "%(field)s of %(name)s must be between 1 and 5 (got %(value)s).",
                        field=self._fields[fname]._description_string(self.env),
                        name=name,
                        value=value,
                    )
                )

    @api.constrains(*SCALE_FIELDS)
    def _check_srm_scales(self):
        for partner in self:
            partner._srm_check_scale_values(
                partner.display_name, {fname: partner[fname] for fname in SCALE_FIELDS}
            )

    @api.model_create_multi
    def create(self, vals_list):
        # checked before the INSERT, so that the user reads this message rather
        # than the database constraint's
        for vals in vals_list:
            for fname in SCALE_FIELDS:
                if vals.get(fname) is False or (fname in vals and vals[fname] is None):
                    # left blank (an import, a form): the default applies
                    del vals[fname]
            self._srm_check_scale_values(vals.get("name") or "", vals)
        return super().create(vals_list)

    def write(self, vals):
        res = super().write(vals)
        if "tz" in vals:
            self._srm_refresh_engagement_local_dates()
        return res

    def _srm_timezone(self):
        """Time zone of this partner (of a company's partner: the company's), UTC when unset."""
        try:
            return pytz.timezone(self[:1].tz or "UTC")
        except pytz.UnknownTimeZoneError:
            return pytz.utc

    def _srm_refresh_engagement_local_dates(self):
        """A company moved to another time zone: the local day of its engagements, in SQL."""
        # sudo: which companies these partners are, whoever changed the time zone
        companies = (
            self.env["res.company"].sudo().with_context(active_test=False).search([("partner_id", "in", self.ids)])
        )
        if not companies:
            return
        self.env["srm.engagement"].flush_model(["date", "company_id", "date_local"])
        self.env.cr.execute(date_local_update_sql(SQL("e.company_id IN %s", tuple(companies.ids))))
        self.env["srm.engagement"].invalidate_model(["date_local"])

    @api.constrains("srm_consent", "srm_do_not_contact")
    def _check_srm_consent(self):
        for partner in self:
            if partner.srm_consent and partner.srm_do_not_contact:
                raise ValidationError(
                    self.env._(
                        "%s cannot both consent to contact and ask not to be contacted.",
                        partner.display_name,
                    )
                )

    @api.depends("srm_influence", "srm_interest")
    def _compute_srm_quadrant(self):
        for partner in self:
            high_power = partner.srm_influence >= HIGH
            high_interest = partner.srm_interest >= HIGH
            if high_power and high_interest:
                partner.srm_quadrant = "manage_closely"
            elif high_power:
                partner.srm_quadrant = "keep_satisfied"
            elif high_interest:
                partner.srm_quadrant = "keep_informed"
            else:
                partner.srm_quadrant = "monitor"

    @api.depends("srm_influence", "srm_legitimacy", "srm_urgency")
    def _compute_srm_salience(self):
        for partner in self:
            partner.srm_salience = SALIENCE_MAP[
                (
                    partner.srm_influence >= HIGH,
                    partner.srm_legitimacy >= HIGH,
                    partner.srm_urgency >= HIGH,
                )
            ]

    @api.model
    def _srm_counted_models(self):
        """{count field: (model, its many2many field to stakeholders)}: the counts of the
        smart buttons, computed together by ``_compute_srm_counts``. Modules add theirs."""
        return {"srm_engagement_count": ("srm.engagement", "partner_ids")}

    @api.model
    def _srm_count_queries(self, partner_ids):
        """{count field: SQL of its rows (field name, partner id, count), or None when the
        user may not read what it counts}: the smart buttons' counts, run together in
        one query by ``_compute_srm_counts``. Each query must count only what the user
        may read. Modules whose count is not a many2many to stakeholders
        (``_srm_counted_models``) add theirs here."""
        queries = {}
        for fname, (model, link) in self._srm_counted_models().items():
            Model = self.env[model]
            queries[fname] = None
            if not partner_ids or not Model.has_access("read"):
                continue
            field = Model._fields[link]
            Model.flush_model([link])
            # the records the user may read (record rules, companies), selected by the ORM;
            # the links already select the stakeholders' records: the rules are applied to
            # each linked record (an index look-up), not to the stakeholders' records again
            query = Model._search([])
            queries[fname] = SQL(
                "SELECT %s, rel.%s, COUNT(*) FROM %s rel WHERE rel.%s IN %s AND rel.%s IN %s GROUP BY rel.%s",
                fname,
                SQL.identifier(field.column2),
                SQL.identifier(field.relation),
                SQL.identifier(field.column2),
                partner_ids,
                SQL.identifier(field.column1),
                query.subselect(),
                SQL.identifier(field.column2),
            )
        return queries

    @api.model
    def _srm_x2many_read_together(self):
        """The one2many and many2many fields of the stakeholder form read in one query
        when several of them are read (``_fetch_query``)."""
        return (
            "category_id",
            "srm_segment_ids",
            "srm_project_ids",
            "srm_relationship_ids",
            "srm_relationship_inverse_ids",
        )

    def _get_complete_name(self):
        # Odoo's looks up the translated labels of every contact type for each partner,
        # though only a contact without a name is named after its type: a page of
        # engagements names 150 stakeholders, and the look-ups were an eighth of its time
        self.ensure_one()
        if not self.name or not self._srm_names_as_odoo("_get_complete_name"):
            return super()._get_complete_name()
        name = self.name
        if (self.company_name or self.parent_id) and not self.is_company:
            name = f"{self.commercial_company_name or self.sudo().parent_id.name}, {name}"
        return name.strip()

    @api.model
    def _srm_listed_fields(self):
        """The partner fields read with the links of a list that names partners (an
        engagement's stakeholders, ``srm.engagement._srm_read_partners``): whether each
        is archived (a many2many shows active partners only), what its display name is
        made of (``_get_complete_name``, ``_compute_display_name``'s dependencies), and
        the fields the current user's read rules test (``_check_access``). Plain columns
        only (``_srm_prefetchable``): what is not listed is read by the ORM as usual."""
        if self.env.context.get("prefetch_langs"):
            return ()
        names = ["active", "name", "type", "parent_id", "is_company", "company_name", "commercial_company_name"]
        names += [path.split(".")[0] for path in self.pool.field_depends[self._fields["display_name"]]]
        rule_domain = self.env["ir.rule"]._compute_domain(self._name, "read") or []
        names += [
            leaf[0].split(".")[0]
            for leaf in rule_domain
            if isinstance(leaf, (list, tuple)) and len(leaf) == 3 and isinstance(leaf[0], str)
        ]
        return tuple(dict.fromkeys(name for name in names if self._srm_prefetchable(self._fields.get(name))))

    def _compute_display_name(self):
        # Odoo's names each partner in an environment of the reader's language that it
        # looks up again for each partner (150 look-ups for a page of engagements): the
        # same names, with that environment looked up once, unless the context asks for
        # more than the name (address, email...) or a module between Odoo's and this one
        # names partners its own way
        if any(self.env.context.get(key) for key in DISPLAY_NAME_CONTEXT) or not self._srm_names_as_odoo():
            return super()._compute_display_name()
        for partner, in_lang in zip(self, self.with_context(lang=self.env.lang), strict=True):
            partner.display_name = re.sub(r"\s+\n", "\n", in_lang._get_complete_name()).strip()
        return None

    @api.model
    def _srm_names_as_odoo(self, method="_compute_display_name"):
        """Whether the naming ``method`` this module overrides is Odoo's own (no module
        between Odoo's and this one names partners its own way)."""
        # one answer per registry class and method: names are asked partner by partner
        answers = _NAMES_AS_ODOO.setdefault(type(self), {})
        if method not in answers:
            mro = type(self).__mro__
            below = mro[mro.index(ResPartner) + 1 :]
            answers[method] = next(cls for cls in below if method in vars(cls)) is OdooPartner
        return answers[method]

    def web_read(self, specification):
        # the smart buttons' counts of the form, and what its lookups show of the records
        # they link to, are read with its lists (``_fetch_query``); the lines of its lists,
        # selected under the user's rules, are noted as such (``ReadRulesChecked``)
        self = ReadRulesChecked.with_checked(self)
        counted = [fname for fname in self._srm_count_queries(()) if fname in specification]
        if counted and self.ids:
            self = self.with_context(
                srm_read_counts=tuple(self.ids),
                srm_read_lookups=self._srm_lookup_plan(specification),
            )
        return super().web_read(specification)

    @api.model
    def _srm_prefetchable(self, field):
        """Whether ``field`` of a linked record can be read with the form's lists:
        a plain stored column whose value needs no conversion."""
        return bool(
            field
            and field.store
            and field.column_type
            and field.type in ("char", "text", "selection", "boolean", "integer", "many2one", "properties_definition")
            and field.translate in (False, True)
            and not field.company_dependent
            and not field.groups
            # a figure that a reader may read computed from what they may read, not as stored
            and field.name not in getattr(self.env[field.model_name], "_srm_scoped_fields", tuple)()
        )

    @api.model
    def _srm_lookup_plan(self, specification):
        """((field, (names of the linked records' fields)), ...): what the form shows of
        the records its lookups and lists link to, read with its lists by
        ``_srm_read_x2many`` instead of one query per linked model. For a lookup
        (many2one), the fields its display name depends on, which ``web_read`` reads
        as superuser; for a list read together, the fields the form reads of its lines,
        their display name's, the active flag and the fields the comodel's record rules
        test. What is not listed is read by the ORM as usual."""
        if self.env.context.get("prefetch_langs"):
            return ()
        together = self._srm_x2many_read_together()
        # the definitions of the form's properties, on the records its lookups link to
        definitions = defaultdict(list)
        for fname in specification:
            field = self._fields.get(fname)
            if field and field.type == "properties":
                definitions[field.definition_record].append(field.definition_record_field)
        plan = []
        for fname, spec in specification.items():
            field = self._fields.get(fname)
            if (
                not field
                or field.type not in ("many2one", "many2many", "one2many")
                or not spec.get("fields")
                or spec.get("context")
                or spec.get("order")
            ):
                continue
            comodel = self.env[field.comodel_name]
            wanted = list(self.pool.field_depends[comodel._fields["display_name"]])
            if field.type == "many2one":
                if "display_name" not in spec["fields"]:
                    continue
                wanted += definitions[fname]
            elif fname in together:
                rule_domain = self.env["ir.rule"]._compute_domain(comodel._name, "read")
                wanted += [
                    *spec["fields"],
                    comodel._active_name or "id",
                    *(leaf[0] for leaf in rule_domain if isinstance(leaf, (list, tuple)) and len(leaf) == 3),
                ]
            else:
                continue
            names = tuple(
                dict.fromkeys(
                    name
                    for name in (str(path).split(".")[0] for path in wanted)
                    if self._srm_prefetchable(comodel._fields.get(name))
                )
            )
            if names:
                plan.append((fname, names))
        return tuple(plan)

    def _fetch_query(self, query, fields):
        together = self._srm_x2many_read_together()
        batched = [
            field
            for field in fields
            if field.name in together
            and (field.type == "many2many" or self.env[field.comodel_name]._fields[field.inverse_name].store)
            and self.env[field.comodel_name].has_access("read")
        ]
        if len(batched) < 2:
            return super()._fetch_query(query, fields)
        # the records the user may read (the rules of ``query``), then their lists
        fetched = super()._fetch_query(query, [field for field in fields if field not in batched])
        if fetched:
            fetched._srm_read_x2many(batched)
        return fetched

    def _srm_read_x2many(self, fields):
        """Put in cache the lines of these one2many/many2many fields of ``self`` read in one
        query, each selected as its field's own ``read()`` selects it: the field's domain,
        the comodel's record rules and order, archived lines kept (the cache holds them,
        as Odoo's). When the form is read, the smart buttons' counts come with them
        (``_srm_count_queries``, which select what the user may read), and what the form
        shows of the records its lists and lookups link to (``_srm_lookup_plan``)."""
        ids = tuple(self._ids)
        count_ids = tuple(id_ for id_ in ids if id_ in (self.env.context.get("srm_read_counts") or ()))
        lookups = dict(self.env.context.get("srm_read_lookups") or ()) if count_ids else {}
        # each part's rows: (part, owner id, line id, rank, the line's fields read for the form)
        parts, prefetched = [], {}
        for index, field in enumerate(fields):
            comodel = self.env[field.comodel_name].with_context(active_test=False, **field.context)
            if field.type == "many2many":
                query = comodel._where_calc(field.get_domain_list(self))
                comodel._apply_ir_rules(query, "read")
                order = comodel._order_to_sql(comodel._order, query)
                owner = SQL.identifier(field.relation, field.column1)
                line = SQL.identifier(field.relation, field.column2)
                query.add_join("JOIN", field.relation, None, SQL("%s = %s", line, SQL.identifier(comodel._table, "id")))
                query.add_where(SQL("%s IN %s", owner, ids))
            else:
                query = comodel._search(field.get_domain_list(self) + [(field.inverse_name, "in", ids)])
                order = comodel._order_to_sql(comodel._order, query)
                owner = comodel._field_to_sql(comodel._table, field.inverse_name, query)
                line = SQL.identifier(comodel._table, "id")
            query.order = None
            rank = SQL("ROW_NUMBER() OVER (ORDER BY %s)", order)
            names = lookups.get(field.name, ())
            if names:
                prefetched[index] = (self.env[field.comodel_name], names)
            data = _payload_sql(comodel, names, query)
            parts.append(SQL("(%s)", query.select(SQL("%s, %s, %s, %s, %s", index, owner, line, rank, data))))
        # the smart buttons of the stakeholders whose form is read (``web_read``)
        counts = {}
        if count_ids:
            queries = self._srm_count_queries(count_ids)
            for index, fname in enumerate(queries, start=len(fields)):
                counts[index] = self._fields[fname]
                if queries[fname]:
                    sql = SQL("SELECT %s, c.pid, c.n, 0, NULL::jsonb FROM (%s) AS c(f, pid, n)", index, queries[fname])
                    parts.append(sql)
        start = len(fields) + len(counts)
        parts += self.browse(count_ids)._srm_lookup_parts(lookups, start, prefetched)
        lines = [defaultdict(list) for _index in range(start + len(lookups))]
        values = defaultdict(dict)
        for index, owner_id, line_id, _rank, data in self.env.execute_query(
            SQL("%s ORDER BY 1, 4", SQL(" UNION ALL ").join(parts))
        ):
            lines[index][owner_id].append(line_id)
            if data is not None:
                values[index][line_id] = data
        for field, by_owner in zip(fields, lines, strict=False):
            self.env.cache.insert_missing(self, field, [tuple(by_owner[id_]) for id_ in self._ids])
            ReadRulesChecked.add(self.env[field.comodel_name].browse({id_ for ids in by_owner.values() for id_ in ids}))
        for index, field in counts.items():
            counted = [(lines[index].get(id_) or [0])[0] for id_ in count_ids]
            self.env.cache.update(self.browse(count_ids), field, counted)
        # what was read of the linked records goes in the cache as the ORM's own read would
        # put it there, never over a value already there
        for index, (comodel, names) in prefetched.items():
            records = comodel.browse(list(values[index]))
            for position, name in enumerate(names):
                self.env.cache.insert_missing(
                    records, comodel._fields[name], [values[index][id_][position] for id_ in records._ids]
                )

    def _srm_lookup_parts(self, lookups, start, prefetched):
        """The parts of ``_srm_read_x2many``'s query that read what the form shows of the
        records its lookups (many2one) link to, numbered from ``start``: their display
        names' fields, read as ``web_read`` reads them (as superuser, archived records
        included). Lookups not yet in cache are left to the ORM."""
        parts = []
        for index, fname in enumerate(lookups, start=start):
            field = self._fields[fname]
            if not self or field.type != "many2one" or any(self.env.cache.get_missing_ids(self, field)):
                continue
            linked = tuple({value for value in self.mapped(f"{fname}.id") if value})
            if not linked:
                continue
            comodel = self.env[field.comodel_name]
            query = comodel.with_context(active_test=False)._where_calc([("id", "in", linked)])
            prefetched[index] = (comodel, lookups[fname])
            line = SQL.identifier(comodel._table, "id")
            data = _payload_sql(comodel, lookups[fname], query)
            parts.append(SQL("(%s)", query.select(SQL("%s, 0, %s, 0, %s", index, line, data))))
        return parts

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_srm_counts(self):
        """The smart buttons' counts in one query, each over the records the user may
        read: the records are selected by the ORM (``_search``: record rules, companies),
        the links are counted in SQL, instead of one grouping per button."""
        partner_ids = tuple(pid for pid in self._origin.ids if pid)
        queries = self._srm_count_queries(partner_ids)
        counts = {fname: {} for fname in queries}
        parts = [query for query in queries.values() if query]
        if parts:
            rows = self.env.execute_query(SQL(" UNION ALL ").join(parts))
            for fname, pid, count in rows:
                counts[fname][pid] = count
        for partner in self:
            for fname, by_partner in counts.items():
                partner[fname] = by_partner.get(partner._origin.id, 0)

    @api.onchange("srm_consent")
    def _onchange_srm_consent(self):
        if self.srm_consent and not self.srm_consent_date:
            self.srm_consent_date = fields.Date.context_today(self)

    # ------------------------------------------------------------------
    # Contact history
    # ------------------------------------------------------------------

    def _srm_update_last_engagement(self):
        """Recompute last engagement date and days since contact in one query.

        Only engagements that are not confidential count: the date is stored on
        the stakeholder, which users without Confidential access read, and a
        date that moves would tell them that a confidential meeting took place.
        The date counting every engagement is kept beside it, for users with
        Confidential access only (``srm_last_engagement_date_all``).
        """
        ids = [pid for pid in self.ids if pid]
        if not ids:
            return
        self.env["srm.engagement"].flush_model(["date", "partner_ids", "is_confidential"])
        self.env.cr.execute(
            SQL(
                """
                UPDATE res_partner p
                   SET srm_last_engagement_date = sub.last_date,
                       srm_last_engagement_date_all = sub.last_date_all,
                       srm_days_since_contact = CASE WHEN sub.last_date IS NULL THEN NULL
                           ELSE GREATEST(%s::date - sub.last_date::date, 0) END
                  FROM (
                        SELECT pid.id AS partner_id,
                               max(e.date) FILTER (WHERE e.is_confidential IS NOT TRUE) AS last_date,
                               max(e.date) AS last_date_all
                          FROM unnest(%s::int[]) AS pid(id)
                     LEFT JOIN srm_engagement_partner_rel rel ON rel.partner_id = pid.id
                     LEFT JOIN srm_engagement e ON e.id = rel.engagement_id
                      GROUP BY pid.id
                       ) sub
                 WHERE p.id = sub.partner_id
                """,
                fields.Date.today(),
                ids,
            )
        )
        self.invalidate_recordset(
            ["srm_last_engagement_date", "srm_last_engagement_date_all", "srm_days_since_contact"]
        )

    @api.model
    def _cron_srm_refresh_days_since_contact(self):
        """Nightly: days since last contact move on for everybody, in one query.

        Relationships whose end date has passed are archived at the same time.
        """
        self.flush_model(["srm_last_engagement_date", "srm_days_since_contact"])
        self.env.cr.execute(
            SQL(
                """
                UPDATE res_partner
                   SET srm_days_since_contact = GREATEST(%(today)s::date - srm_last_engagement_date::date, 0)
                 WHERE srm_last_engagement_date IS NOT NULL
                   AND srm_days_since_contact IS DISTINCT FROM
                       GREATEST(%(today)s::date - srm_last_engagement_date::date, 0)
                """,
                today=fields.Date.today(),
            )
        )
        self.invalidate_model(["srm_days_since_contact"])
        self.env["srm.relationship"]._archive_ended()

    def _srm_check_contactable(self):
        """Raise when one of these stakeholders asked not to be contacted (read as the
        caller: a contact they may not read is refused, its name never shown)."""
        blocked = self.filtered("srm_do_not_contact")
        if blocked:
            raise UserError(
                self.env._(
                    "%s asked not to be contacted.", ", ".join(blocked.mapped("display_name"))
                )
            )
        return True

    # ------------------------------------------------------------------
    # Import: templates, and re-imports that update instead of duplicating
    # ------------------------------------------------------------------

    @api.model
    def get_import_templates(self):
        if self.env.context.get("default_is_stakeholder"):
            return [
                {
                    "label": self.env._("Import Template for Stakeholders"),
                    "template": "/srm_base/static/xls/srm_stakeholders.xlsx",
                }
            ]
        return super().get_import_templates()

    @api.model
    def load(self, fields, data):
        """Importing stakeholders matches rows to the stakeholders already known.

        When the file gives no database or external id, a row whose reference,
        email or phone belongs to an existing stakeholder updates that
        stakeholder instead of creating a duplicate. Rows of the same file that
        share a reference, email or phone update the stakeholder created by the
        first of them. A blank cell leaves the value as it is (or its default
        for a new stakeholder). Any error rolls the whole file back.
        """
        match_columns = self._srm_import_match_columns(fields)
        if not match_columns:
            return super().load(fields, data)

        limit = self.env.context.get("_import_limit")
        nextrow = 0
        if limit and len(data) > limit:
            data, nextrow = data[:limit], limit
        row_keys = [self._srm_import_row_keys(row, match_columns) for row in data]
        loader = super(ResPartner, self.with_context(_import_limit=None))

        ids, messages = [], []
        savepoint = self.env.cr.savepoint(flush=True)
        for rows in self._srm_import_passes(row_keys):
            matches = self._srm_import_find_stakeholders([row_keys[i] for i in rows])
            # rows are loaded together when they fill the same columns
            chunks = defaultdict(list)
            for index, match in zip(rows, matches, strict=True):
                filled = tuple(
                    col for col, value in enumerate(data[index])
                    if value is not None and str(value).strip() != ""
                )
                chunks[filled].append((index, match))
            for filled, chunk in chunks.items():
                chunk_rows = [index for index, __ in chunk]
                result = loader.load(
                    [fields[col] for col in filled] + [".id"],
                    [
                        [data[index][col] for col in filled] + [str(match.id) if match else ""]
                        for index, match in chunk
                    ],
                )
                messages += self._srm_import_remap_messages(result["messages"], chunk_rows)
                ids.extend(result["ids"] or [])
        if any(message["type"] == "error" for message in messages):
            savepoint.close(rollback=True)
            self.env.registry.reset_changes()
            ids = False
        else:
            savepoint.close(rollback=False)
        messages.sort(key=lambda m: (m.get("rows") or {}).get("from", -1))
        return {"ids": ids, "messages": messages, "nextrow": nextrow}

    @api.model
    def _srm_import_remap_messages(self, messages, rows):
        """Messages of a part of the file, with the row numbers of the whole file."""
        result = []
        for message in messages:
            message = dict(message)
            if isinstance(message.get("rows"), dict):
                message["rows"] = {
                    key: rows[index] if 0 <= index < len(rows) else index
                    for key, index in message["rows"].items()
                }
            if isinstance(message.get("record"), int) and 0 <= message["record"] < len(rows):
                message["record"] = rows[message["record"]]
            result.append(message)
        return result

    @api.model
    def _srm_import_match_columns(self, fields):
        """Columns used to recognise known stakeholders, or None not to match."""
        if not self.env.context.get("default_is_stakeholder"):
            return None
        paths = [field.split("/") if isinstance(field, str) else field for field in fields]
        if any(path[0] in ("id", ".id") for path in paths):
            return None
        if any(
            len(path) > 1 and self._fields.get(path[0]) and self._fields[path[0]].type == "one2many"
            for path in paths
        ):
            # records spanning several rows: keep the standard import
            return None
        columns = {
            fname: index
            for index, path in enumerate(paths)
            for fname in ("ref", "email", "phone", "mobile")
            if path == [fname]
        }
        return columns or None

    @api.model
    def _srm_import_row_keys(self, row, columns):
        """The keys identifying a stakeholder in an imported row: {(kind, value)}."""
        keys = set()
        if "ref" in columns and (row[columns["ref"]] or "").strip():
            keys.add(("ref", row[columns["ref"]].strip()))
        if "email" in columns:
            email = email_normalize(row[columns["email"]] or "")
            if email:
                keys.add(("email", email))
        for fname in ("phone", "mobile"):
            if fname in columns:
                digits = phone_digits(row[columns[fname]])
                if digits:
                    keys.add(("phone", digits))
        return keys

    @api.model
    def _srm_import_passes(self, row_keys):
        """Split rows so that rows sharing a key are imported one after the other.

        A row goes to the pass after the last earlier row that shares one of its
        keys, so that it is matched to the stakeholder that row created.
        """
        row_pass, key_pass = [], {}
        for keys in row_keys:
            number = max((key_pass[key] + 1 for key in keys if key in key_pass), default=0)
            row_pass.append(number)
            for key in keys:
                key_pass[key] = number
        passes = defaultdict(list)
        for index, number in enumerate(row_pass):
            passes[number].append(index)
        return [passes[number] for number in sorted(passes)]

    @api.model
    def _srm_import_find_stakeholders(self, row_keys):
        """The existing stakeholder of each row, with one look-up per kind of key.

        A reference wins over an email, an email over a phone number; among
        several stakeholders with the same key the oldest one is taken.
        """
        self.flush_model()
        values = defaultdict(set)
        for keys in row_keys:
            for kind, value in keys:
                values[kind].add(value)
        found = {}
        stakeholder = [("is_stakeholder", "=", True)]
        if values["ref"]:
            for partner in self.search(stakeholder + [("ref", "in", list(values["ref"]))], order="id desc"):
                found[("ref", partner.ref.strip())] = partner
        if values["email"]:
            for partner in self.search(
                stakeholder + [("email_normalized", "in", list(values["email"]))], order="id desc"
            ):
                found[("email", partner.email_normalized)] = partner
        if values["phone"]:
            self.env.cr.execute(
                SQL(
                    """
                    SELECT id FROM res_partner
                     WHERE is_stakeholder AND active
                       AND (regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g') = ANY(%(digits)s)
                            OR regexp_replace(coalesce(mobile, ''), '[^0-9]', '', 'g') = ANY(%(digits)s))
                    """,
                    digits=list(values["phone"]),
                )
            )
            candidate_ids = [row[0] for row in self.env.cr.fetchall()]
            # search again through the ORM for the access rules of the current user
            for partner in self.search([("id", "in", candidate_ids)], order="id desc"):
                for digits in {phone_digits(partner.phone), phone_digits(partner.mobile)} - {""}:
                    found[("phone", digits)] = partner
        result = []
        for keys in row_keys:
            match = self.browse()
            for kind in ("ref", "email", "phone"):
                candidates = [found[key] for key in keys if key[0] == kind and key in found]
                if candidates:
                    match = min(candidates, key=lambda p: p.id)
                    break
            result.append(match)
        return result

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _srm_default_project(self, user=None):
        """The project proposed for a record created from the stakeholder ``self`` (an
        engagement logged with them, their commitments), among those ``user`` may read: the
        stakeholder's main project, else one of the stakeholder's projects, else the user's
        own main project, else the first project they are a member of; none when they may
        read none of them. A project they may not read would be shown to them by name, and
        refused on saving. Without ``user``, the current user in their current companies;
        a user given is checked as them in any of their companies, whatever the current
        environment (the mail gateway runs as the author, in superuser mode)."""
        Project = self.env["srm.project"]
        current = user is None
        user = self.env.user if current else user
        # sudo: only the ids of the projects proposed, each checked as the user below
        partner, own = self.sudo()[:1], user.sudo()
        candidates = (
            partner.srm_main_project_id
            | partner.srm_project_ids
            | own.partner_id.srm_main_project_id
            | own.srm_project_ids
        ).filtered("active")
        if not candidates:
            return Project
        if current:
            readable = candidates.with_env(self.env)._filtered_access("read")
        else:
            readable = candidates.with_user(user).with_context(allowed_company_ids=own.company_ids.ids)
            readable = readable._filtered_access("read")
        for project in candidates:
            if project in readable:
                return project.with_env(self.env)
        return Project

    def action_srm_view_engagements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_base.srm_engagement_action")
        action["domain"] = [("partner_ids", "in", self.ids)]
        action["context"] = {
            "default_partner_ids": self.ids,
            "default_project_id": self._srm_default_project().id,
        }
        return action

    def action_srm_log_engagement(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Log Engagement"),
            "res_model": "srm.engagement",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_partner_ids": self.ids,
                "default_project_id": self._srm_default_project().id,
            },
        }
