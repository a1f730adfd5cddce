# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import contextvars
import json

from odoo import api, models, tools
from odoo.osv import expression
from odoo.tools import SQL, split_every

from .srm_read_rules import ReadRulesChecked

# records whose figures are computed together from what their reader may read
SCOPED_BATCH = 1000

# the query whose rows ``_fetch_query`` puts in cache, where the stored values go whoever reads
_FETCHING = contextvars.ContextVar("srm_scoped_figures_fetching", default=None)
# the models whose figures are being computed: their records are read as stored meanwhile
# (the computation reads them, the ORM searches them to read them)
_COMPUTING = contextvars.ContextVar("srm_scoped_figures_computing", default=frozenset())


class Hidden:
    """A figure given to no reader who may not read everything it is computed from
    (nothing it could be computed from is kept): read as empty, NULL in SQL."""

    __slots__ = ()

    def __bool__(self):
        return False

    def __repr__(self):
        return "HIDDEN"


HIDDEN = Hidden()


class ScopedFigures:
    """The figures of one search or grouping of a model for one reader: ``values``,
    {field: {id: value}} of the records among its candidates whose stored figures may
    draw on records the reader may not read, computed from what they may read; and
    ``hidden``, the ids of the records the reader is not shown at all.

    It lives in the context of that one call only: no context given over RPC can hold
    one (JSON has no such object), and it is used only for the user, companies and
    context it was computed for, never as superuser."""

    __slots__ = ("key", "model", "domain", "values", "hidden")

    def __init__(self, env, model, domain, values, hidden):
        self.key = ReadRulesChecked.env_key(env)
        self.model = model
        self.domain = domain
        self.values = values
        self.hidden = hidden

    @staticmethod
    def context_key(model):
        return f"srm_scoped_figures:{model}"

    @classmethod
    def of(cls, env, model):
        """The figures in the context of ``env`` for ``model``, if computed for its user."""
        holder = env.context.get(cls.context_key(model))
        if isinstance(holder, cls) and holder.key is not None and holder.key == ReadRulesChecked.env_key(env):
            return holder
        return None

    def covers(self, domain, names):
        """Whether these figures were computed for a search of ``domain`` on ``names``."""
        try:
            same = self.domain is not None and self.domain == domain
        except Exception:  # a domain holding values that cannot be compared
            same = False
        return same and set(names) <= set(self.values)


class SrmScopedFiguresMixin(models.AbstractModel):
    """Stored figures that each reader reads computed from what they may read.

    Figures stored on a record for speed (a stakeholder's last engagement, srm_ai's
    sentiment and relationship health) are computed from other records (engagements,
    issues, commitments), some of which a reader of the record may not read: another
    project's, for a project-restricted user; another company's, for a user who does
    not work in every company. Such a reader reads, for each record whose figures may
    draw on records they may not read, figures computed on the fly from what they may
    read (a few grouped queries per page of records, whatever its size), or nothing
    when none can be computed (``HIDDEN``); the stored values otherwise. Every read
    path agrees: read, search_read, web_read, exports, searching, sorting and grouping
    on the figures, and the queries written from ``_field_to_sql``. Unrestricted
    readers read the stored values as before.

    A model lists its figures (``_srm_scoped_fields``), finds the records whose figures
    the reader may not be given as stored (``_srm_scoped_partial``) and computes them
    (``_srm_scoped_compute``); it may also hide records from such readers altogether
    (``_srm_scoped_hides_rows``). Code that reads the figures to build something else
    (a brief, a report) reads them with ``_srm_scoped_read``.
    """

    _name = "srm.scoped.figures.mixin"
    _description = "SRM figures read from what their reader may read"

    # ------------------------------------------------------------------
    # What a model declares
    # ------------------------------------------------------------------

    @api.model
    def _srm_scoped_fields(self):
        """Names of the stored fields computed from records that some readers of a record
        may not read."""
        return ()

    @api.model
    def _srm_scoped_hides_rows(self):
        """Whether some records are not shown at all to a reader who may not read what
        their figures come from (``_srm_scoped_hidden``): every search of such a reader
        then computes the figures of its candidates."""
        return False

    @api.model
    def _srm_scoped_row_fields(self):
        """The figures whose computed values decide which records are hidden."""
        return ()

    def _srm_scoped_partial(self, fnames, candidates=None):
        """Ids among ``candidates`` (a query of records the reader may read; these records
        when None) whose stored ``fnames`` may draw on records the reader may not read."""
        return set()

    def _srm_scoped_compute(self, fnames):
        """{field: {id: value}} of ``fnames`` for each of these records, computed from what
        the current user may read (None: empty, ``HIDDEN``: not given)."""
        return {fname: dict.fromkeys(self.ids, HIDDEN) for fname in fnames}

    @api.model
    def _srm_scoped_hidden(self, partial, values):
        """Ids of the records not shown at all, among the ``partial`` ones (those whose
        figures are computed), given their computed ``values``."""
        return set()

    # ------------------------------------------------------------------
    # Who reads what
    # ------------------------------------------------------------------

    @api.model
    def _srm_scoped_reader(self):
        """Whether the current user may be unable to read some of the records the stored
        figures are computed from: a project-restricted user, or a user who does not work
        in every company (the stored figures count the records of every project and
        company; confidential records never count in figures that their readers read
        without Confidential access)."""
        if self.env.su or self._name in _COMPUTING.get():
            return False
        if self._srm_scoped_user_restricted():
            return True
        company_ids = self._srm_scoped_company_ids()
        return len(company_ids) > 1 and not set(company_ids) <= set(self.env.companies.ids)

    @api.model
    @tools.ormcache("self.env.uid")
    def _srm_scoped_user_restricted(self):
        # sudo: whether the current user is restricted to their projects, kept as Odoo keeps
        # their groups (the cache is cleared when their groups change)
        return self.env["res.users"].sudo().browse(self.env.uid).srm_project_restricted

    @api.model
    @tools.ormcache()
    def _srm_scoped_company_ids(self):
        # sudo: which companies exist, to know whether the reader works in all of them
        # (the cache is cleared when a company is created)
        return tuple(self.env["res.company"].sudo().with_context(active_test=False).search([]).ids)

    def _srm_scoped_values(self, fnames, candidates=None, partial=None):
        """{field: {id: value}} of ``fnames`` for the records among ``candidates`` (these
        records when None) whose stored values the current user may not be given
        (``partial``, when already known)."""
        values = {fname: {} for fname in fnames}
        token = _COMPUTING.set(_COMPUTING.get() | {self._name})
        try:
            if partial is None:
                partial = self._srm_scoped_partial(fnames, candidates)
            for ids in split_every(SCOPED_BATCH, sorted(partial)):
                computed = self.browse(ids)._srm_scoped_compute(fnames)
                for fname in fnames:
                    values[fname].update(computed[fname])
        finally:
            _COMPUTING.reset(token)
        return values

    def _srm_scoped_read(self, fnames):
        """{id: {field: value}}: the values of ``fnames`` the current user reads for these
        records (as ``record[field]`` gives them; a hidden figure reads False)."""
        result = {record.id: {fname: record[fname] for fname in fnames} for record in self}
        names = [fname for fname in fnames if fname in self._srm_scoped_fields()]
        if not names or not self or not self._srm_scoped_reader():
            return result
        values = self._srm_scoped_values(names)
        for fname in names:
            for id_, value in values[fname].items():
                result[id_][fname] = self._srm_scoped_to_record(fname, value)
        return result

    def _srm_scoped_to_record(self, fname, value):
        """A computed value as ``record[fname]`` gives a stored one (rounded to the field's
        digits, 0 for an empty integer); False when hidden."""
        if value is HIDDEN:
            return False
        field = self._fields[fname]
        return field.convert_to_record(field.convert_to_cache(value, self), self)

    @api.model
    def _srm_scoped_names(self, domain=(), order=None, specs=(), having=()):
        """The figures that a search, an order or a grouping uses."""
        scoped = set(self._srm_scoped_fields())
        if not scoped:
            return set()
        paths = [leaf[0] for leaf in domain or () if expression.is_leaf(leaf) and isinstance(leaf[0], str)]
        paths += [leaf[0] for leaf in having or () if expression.is_leaf(leaf) and isinstance(leaf[0], str)]
        paths += list(specs)
        paths += [term.strip().split(" ")[0] for term in (order or "").split(",") if term.strip()]
        return {path.split(":")[0].split(".")[0] for path in paths} & scoped

    @api.model
    def _srm_scoped_superset(self, domain):
        """``domain`` with its terms on figures taken as true: it selects every record that
        ``domain`` may select, whatever the figures (the negations are first pushed down
        to the terms)."""
        scoped = set(self._srm_scoped_fields())

        def on_figure(token):
            return expression.is_leaf(token) and isinstance(token[0], str) and token[0].split(".")[0] in scoped

        tokens = expression.distribute_not(expression.normalize_domain(domain))
        result, skip = [], False
        for index, token in enumerate(tokens):
            if skip:
                skip = False
            elif token == expression.NOT_OPERATOR and index + 1 < len(tokens) and on_figure(tokens[index + 1]):
                result.append(expression.TRUE_LEAF)
                skip = True
            else:
                result.append(expression.TRUE_LEAF if on_figure(token) else token)
        return result

    @api.model
    def _srm_scoped_holder(self, domain, names, candidates):
        """The figures of the records among ``candidates`` for a search of ``domain``."""
        hides = self._srm_scoped_hides_rows()
        fnames = sorted(set(names) | (set(self._srm_scoped_row_fields()) if hides else set()))
        token = _COMPUTING.set(_COMPUTING.get() | {self._name})
        try:
            partial = self._srm_scoped_partial(fnames, candidates)
        finally:
            _COMPUTING.reset(token)
        values = self._srm_scoped_values(fnames, partial=partial)
        hidden = self._srm_scoped_hidden(partial, values) if hides else set()
        return ScopedFigures(self.env, self._name, domain, values, hidden)

    @api.model
    def _srm_scoped_for_domain(self, domain, names):
        """This model in an environment where the SQL of the figures ``names``
        (``_field_to_sql``) is what the current user reads for the records of ``domain``:
        for a query written from ``_search(domain)`` (a grouping the ORM cannot express)."""
        names = set(names) & set(self._srm_scoped_fields())
        if not names or not self._srm_scoped_reader():
            return self
        candidates = self._search(self._srm_scoped_superset(domain))
        holder = self._srm_scoped_holder(domain, names, candidates)
        return self.with_context(**{ScopedFigures.context_key(self._name): holder})

    # ------------------------------------------------------------------
    # Read paths
    # ------------------------------------------------------------------

    def _fetch_query(self, query, fields):
        # what goes in cache is the stored values, shared by every reader of the transaction
        token = _FETCHING.set(query)
        try:
            return super()._fetch_query(query, fields)
        finally:
            _FETCHING.reset(token)

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        names = [fname for fname in fnames if fname in self._srm_scoped_fields()]
        if not names or not result or not self._srm_scoped_reader():
            return result
        records = self.browse([vals["id"] for vals in result if vals])
        values = records._srm_scoped_values(names)
        use_display_name = load == "_classic_read"
        for vals in result:
            for fname in names:
                if vals and vals["id"] in values[fname]:
                    value = values[fname][vals["id"]]
                    record = self.browse(vals["id"])
                    vals[fname] = (
                        False
                        if value is HIDDEN
                        else self._fields[fname].convert_to_read(
                            record._srm_scoped_to_record(fname, value), record, use_display_name
                        )
                    )
        return result

    def _export_rows(self, fields, *, _is_toplevel_call=True):
        """Exports agree with reads: the columns of figures hold what the reader reads."""
        scoped = set(self._srm_scoped_fields())
        columns = [i for i, path in enumerate(fields) if path and len(path) == 1 and path[0] in scoped]
        if not columns or not self or not self._srm_scoped_reader():
            return super()._export_rows(fields, _is_toplevel_call=_is_toplevel_call)
        values = self._srm_scoped_values(sorted({fields[i][0] for i in columns}))
        # those columns export the record's id on its own line, and nothing on the lines
        # of its one2many values below it: the record's line is written over
        kept = [[".id"] if i in columns else path for i, path in enumerate(fields)]
        rows = super()._export_rows(kept, _is_toplevel_call=_is_toplevel_call)
        for row in rows:
            for i in columns:
                if not row[i]:
                    continue
                fname = fields[i][0]
                record = self.browse(int(row[i]))
                if record.id not in values[fname]:
                    row[i] = self._fields[fname].convert_to_export(record[fname], record)
                elif values[fname][record.id] is HIDDEN:
                    row[i] = ""
                else:
                    value = record._srm_scoped_to_record(fname, values[fname][record.id])
                    row[i] = self._fields[fname].convert_to_export(value, record)
        return rows

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        names = self._srm_scoped_names(domain, order)
        if not (names or self._srm_scoped_hides_rows()) or not self._srm_scoped_reader():
            return super()._search(domain, offset=offset, limit=limit, order=order)
        records = self
        holder = ScopedFigures.of(self.env, self._name)
        if holder is None or not holder.covers(domain, names):
            candidates = super()._search(self._srm_scoped_superset(domain))
            holder = self._srm_scoped_holder(domain, names, candidates)
            records = self.with_context(**{ScopedFigures.context_key(self._name): holder})
        if holder.hidden:
            domain = expression.AND([[("id", "not in", tuple(sorted(holder.hidden)))], domain])
        return super(SrmScopedFiguresMixin, records)._search(domain, offset=offset, limit=limit, order=order)

    @api.model
    def _read_group(self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None):
        names = self._srm_scoped_names(domain, order, (*groupby, *aggregates), having)
        records = self
        if (names or self._srm_scoped_hides_rows()) and self._srm_scoped_reader():
            candidates = super()._search(self._srm_scoped_superset(domain))
            holder = self._srm_scoped_holder(domain, names, candidates)
            records = self.with_context(**{ScopedFigures.context_key(self._name): holder})
        return super(SrmScopedFiguresMixin, records)._read_group(
            domain, groupby=groupby, aggregates=aggregates, having=having, offset=offset, limit=limit, order=order
        )

    def _field_to_sql(self, alias, fname, query=None, flush=True):
        sql = super()._field_to_sql(alias, fname, query, flush)
        if (
            fname not in self._srm_scoped_fields()
            or (query is not None and query is _FETCHING.get())
            or not self._srm_scoped_reader()
        ):
            return sql
        holder = ScopedFigures.of(self.env, self._name)
        readable = None
        if holder is None or fname not in holder.values or alias != self._table:
            # reached otherwise than through a search or a grouping of these records (a
            # query written from this expression, a join from another model): the figures
            # of every record the reader may read, and none of the others'
            readable = super()._search([])
            holder = self._srm_scoped_holder(None, [fname], readable)
        field = self._fields[fname]
        mapping = {str(id_): self._srm_scoped_json(field, value) for id_, value in holder.values[fname].items()}
        if not mapping and readable is None:
            return sql
        key = SQL("(%s)::text", SQL.identifier(alias, "id"))
        data = SQL("%s::jsonb", json.dumps(mapping))
        computed = SQL("WHEN %s ? %s THEN (%s ->> %s)::%s", data, key, data, key, SQL(field.column_type[1]))
        if readable is None:
            return SQL("(CASE %s ELSE %s END)", computed, sql)
        return SQL(
            "(CASE %s WHEN %s IN %s THEN %s ELSE NULL END)",
            computed,
            SQL.identifier(alias, "id"),
            readable.subselect(),
            sql,
        )

    @api.model
    def _srm_scoped_json(self, field, value):
        """A computed value as JSON text that casts to the field's column (null when empty
        or hidden)."""
        if value is HIDDEN or value is None:
            return None
        if field.type in ("date", "datetime"):
            return field.to_string(value) if value else None
        if field.type in ("char", "text", "selection"):
            return value or None
        return value
