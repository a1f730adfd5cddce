# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models
from odoo.tools import SQL

from ..tools.links import export_rows_hiding, unreadable_link_ids
from .srm_read_rules import ReadRulesChecked

# the operators of a condition naming linked records by id, as Odoo reads them
_BY_ID = {"=": "in", "!=": "not in", "<>": "not in", "in": "in", "not in": "not in"}
X2MANY = ("one2many", "many2many")


def _auto_joined(field):
    """Whether Odoo evaluates the conditions on the records ``field`` links to without
    searching their model (``auto_join``: a many2one's are joined to the query, a
    one2many's selected without the linked model's rules)."""
    return getattr(field, "auto_join", False) and field.store and field.type in ("many2one", "one2many")


class SrmLinkSearchMixin(models.AbstractModel):
    """Searches through links to records their user may not read.

    Odoo matches a condition naming the linked records of a one2many or many2many by id
    (``('srm_project_ids', 'in', [id])``, ``'='``, ``'not in'``...), or asking whether
    there is any (``= False``, ``!= False``), on the relation table or the linked model
    alone, without the linked model's record rules: a user would learn which of the
    stakeholders they read attended a confidential engagement, or are also stakeholders
    of another project or of a company they may not work in, in a search, a count, a
    grouping or a name search. For every user but the superuser, those conditions on the
    fields of ``_srm_searched_link_fields`` match only through the linked records the
    user may read, as if the others did not exist, which is what reading the field shows
    them, whenever some records of the linked model are hidden from the user (record
    rules apply to them, or they may not read the model at all): a subquery of the same
    query (a many2one, by the ids among those named that the user may read: one query
    more). So do the conditions Odoo evaluates on this model from another one
    without searching it (an inherited field of ``res.users``, a path through an
    ``auto_join`` link: a user's contact, a contact's users).

    A many2one of ``_srm_searched_link_fields`` whose reads do not say "Restricted"
    (``srm.link.mask.mixin``) links, to whoever may not read the linked record, nothing:
    its conditions are bound as a many2many's (by id, ``= False``, ``!= False``), and
    reads (``read``, ``web_read``, exports) and groupings show no link to such a record
    (``_srm_hidden_link``): the meeting of a confidential engagement does not tell its
    attendees that it is one.

    The other conditions already search the linked model under its rules: by name or by
    a path (``srm_project_ids.name``, ``srm_project_ids.id``), ``any``, ``child_of``;
    and grouping by a many2many counts only the linked records the user may read.
    Users to whom no record rule of the linked model applies search as Odoo does.

    Reading those fields shows a project-restricted user the linked records they may
    read only, as Odoo's read of a one2many or many2many selects them, also when a check
    made as superuser in the same transaction (the record rules of another model,
    evaluated on these fields) left all of them in memory
    (``_srm_refetch_unreadable_links``).
    """

    _name = "srm.link.search.mixin"
    _description = "SRM record searched only through the links its user may read"

    @api.model
    def _srm_searched_link_fields(self):
        """The one2many and many2many fields whose conditions by id, or on whether there is
        any, match through the linked records the user may read only. Modules add theirs."""
        return ()

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if domain and not self.env.su:
            domain = self._srm_bind_link_terms(domain)
        return super()._search(domain, offset=offset, limit=limit, order=order)

    @api.model
    def _srm_bind_link_terms(self, domain):
        """``domain`` with the conditions of ``_srm_searched_link_fields`` bound to the linked
        records the user may read (``_srm_bound_link_term``), ``domain`` itself when there
        is none, or when the user may read every record those conditions name."""
        result = []
        changed = False
        for term in domain:
            bound = None
            if isinstance(term, (list, tuple)) and len(term) == 3 and isinstance(term[0], str):
                left, operator, value = term
                model, field = self._srm_link_path_end(left)
                operator = operator.lower() if isinstance(operator, str) else operator
                if field is None:
                    pass
                elif operator in ("any", "not any"):
                    # the conditions of an auto_join link are evaluated without a search of
                    # the model it links to: theirs are bound here
                    if _auto_joined(field) and isinstance(value, (list, tuple)):
                        comodel = self.env[field.comodel_name]
                        if isinstance(comodel, SrmLinkSearchMixin):
                            sub = comodel._srm_bind_link_terms(value)
                            bound = (left, operator, sub) if sub is not value else None
                elif (
                    isinstance(model, SrmLinkSearchMixin)
                    and field.name in model._srm_searched_link_fields()
                    and self._srm_hides_records(field.comodel_name)
                ):
                    bound = model._srm_bound_link_term(field, left, operator, value)
            if bound is None:
                result.append(term)
            elif isinstance(bound, list):
                # several tokens standing for the one condition (prefix notation)
                result.extend(bound)
                changed = True
            else:
                result.append(bound)
                changed = True
        return result if changed else domain

    @api.model
    def _srm_link_path_end(self, path):
        """(model, field) of the last field of ``path`` when Odoo evaluates a condition on
        it without a search of the model it belongs to (the fields inherited from a parent
        model, ``auto_join`` links), else (None, None): a condition reached through any
        other link searches the linked model, under that model's own rules."""
        model = self
        names = path.split(".")
        for position, name in enumerate(names):
            field = model._fields.get(name)
            while field is not None and field.inherited:
                model = self.env[field.related_field.model_name]
                field = field.related_field
            if field is None:
                return None, None
            if position == len(names) - 1:
                return model, field
            if not _auto_joined(field):
                return None, None
            model = self.env[field.comodel_name]
        return None, None

    @api.model
    def _srm_bound_link_term(self, field, left, operator, value):
        """The condition ``(left, operator, value)`` on the one2many or many2many ``field``
        of this model, matching only through the linked records the user may read, or
        None when it already does (or is none of the conditions Odoo evaluates without
        searching the linked model):

        - by id (``=``, ``!=``, ``in``, ``not in``): the linked records among the ids
          that the user may read, archived ones included as Odoo's own condition;
        - ``= False`` / ``!= False``: none / one of the linked records the user may read
          (archived ones as Odoo's own condition: included for a many2many, as the
          context says for a one2many).

        A many2one whose reads say "Restricted" (``srm.link.mask.mixin``) is bound by id
        only: a link to a record the user may not read reads as a link, and ``= False``
        finds the records linking none. Any other many2one (``_srm_hidden_link``) is bound
        as a many2many: ``= False`` finds the records linking none or one the user may not
        read (a list of tokens, in prefix notation), ``!= False`` those linking one they
        may read, archived ones included.
        """
        comodel = self.env[field.comodel_name].with_context(**field.context)
        if value is False or value is None:
            if operator not in ("=", "!=", "<>"):
                return None
            if field.type == "many2one":
                if not self._srm_hidden_link(field.name):
                    return None
                readable = self._srm_readable_query(comodel.with_context(active_test=False), [])
                if operator == "=":
                    return ["|", (left, "=", False), (left, "not in", readable)]
                return (left, "in", readable)
            if field.type == "many2many":
                comodel = comodel.with_context(active_test=False)
            return (left, "not in" if operator == "=" else "in", self._srm_readable_query(comodel, []))
        if operator not in _BY_ID:
            return None
        values = list(value) if isinstance(value, (list, tuple, set)) else [value]
        if not all(v is False or v is None or (isinstance(v, int) and not isinstance(v, bool)) for v in values):
            return None
        ids = [v for v in values if v]
        if not ids:
            return None
        readable = self._srm_readable_query(comodel.with_context(active_test=False), [("id", "in", ids)])
        if field.type == "many2one":
            # the ids themselves, so that Odoo matches the records linking none as it would
            readable = set(readable.get_result_ids())
            return (left, _BY_ID[operator], [v for v in values if not v or v in readable])
        return (left, _BY_ID[operator], readable)

    @api.model
    def _srm_hidden_link(self, fname):
        """Whether ``fname`` is a stored many2one of ``_srm_searched_link_fields`` linking, to
        whoever may not read the linked record, nothing (not one whose reads say
        "Restricted", ``srm.link.mask.mixin``)."""
        field = self._fields.get(fname)
        if field is None or field.type != "many2one" or not field.store:
            return False
        if fname not in self._srm_searched_link_fields():
            return False
        masks = isinstance(self, self.env.registry["srm.link.mask.mixin"])
        return not (masks and self._srm_masked_link_field(fname))

    @api.model
    def _srm_hides_records(self, model_name):
        """Whether some records of ``model_name`` are hidden from the user: they may not
        read the model, or its record rules (a confidential record, another project's or
        another company's, their parent model's) apply to them. Both answers are cached
        by Odoo per user and companies: no query once known."""
        model = self.env[model_name]
        return not model.has_access("read") or bool(self.env["ir.rule"]._compute_domain(model_name, "read"))

    @api.model
    def _srm_readable_query(self, comodel, domain):
        """The query of the records of ``comodel`` matching ``domain`` that the user may
        read (their record rules), none without the right to read the model."""
        if not comodel.has_access("read"):
            return comodel.browse()._as_query(ordered=False)
        return comodel._search(domain)

    def _read_format(self, fnames, load="_classic_read"):
        self._srm_refetch_unreadable_links(fnames)
        result = super()._read_format(fnames, load=load)
        if self.env.su:
            return result
        # a many2one linking a record the reader may not read reads as linking none
        for fname in fnames:
            if not self._srm_hidden_link(fname):
                continue
            linked = [vals[fname] for vals in result if vals.get(fname)]
            unreadable = unreadable_link_ids(
                self, fname, [value[0] if isinstance(value, tuple) else value for value in linked]
            )
            for vals in result:
                value = vals.get(fname)
                if value and (value[0] if isinstance(value, tuple) else value) in unreadable:
                    vals[fname] = False
        return result

    def _export_rows(self, fields, *, _is_toplevel_call=True):
        """Exports agree with reads: a column read through a hidden link
        (``_srm_hidden_link``) to a record the user may not read is empty."""
        if not _is_toplevel_call or self.env.su or not self:
            return super()._export_rows(fields, _is_toplevel_call=_is_toplevel_call)
        unreadable = {}
        for fname in {path[0] for path in fields if path and self._srm_hidden_link(path[0])}:
            ids = unreadable_link_ids(self, fname, self.mapped(fname).ids)
            if ids:
                unreadable[fname] = ids
        if not unreadable:
            return super()._export_rows(fields, _is_toplevel_call=True)

        return export_rows_hiding(
            self,
            fields,
            unreadable,
            "",
            lambda records, paths: super()._export_rows(paths, _is_toplevel_call=True),
        )

    @api.model
    def _srm_hidden_link_sql(self, alias, fname, query):
        """The SQL of the many2one ``fname`` linking only the records the user may read
        (NULL for another), or None when the user may read every record it may link."""
        if self.env.su or not self._srm_hidden_link(fname):
            return None
        field = self._fields[fname]
        if not self._srm_hides_records(field.comodel_name):
            return None
        comodel = self.env[field.comodel_name].with_context(active_test=False)
        readable = self._srm_readable_query(comodel, [])
        column = SQL.identifier(alias, fname)
        return SQL("(CASE WHEN %s IN %s THEN %s END)", column, readable.subselect(), column)

    @api.model
    def _read_group_groupby(self, groupby_spec, query):
        # grouped by a hidden link, the records linking one the user may not read are
        # those linking none
        sql = super()._read_group_groupby(groupby_spec, query)
        hidden = self._srm_hidden_link_sql(self._table, groupby_spec, query) if groupby_spec in self._fields else None
        return sql if hidden is None else hidden

    @api.model
    def _order_field_to_sql(self, alias, field_name, direction, nulls, query):
        # groups of a hidden link are ordered by the link grouped on, not by the linked
        # records' order (which would split the group of those linking none)
        if query.groupby and alias == self._table:
            sql = self._srm_hidden_link_sql(alias, field_name, query)
            if sql is not None:
                return SQL("%s %s %s", sql, direction, nulls)
        return super()._order_field_to_sql(alias, field_name, direction, nulls, query)

    def _srm_refetch_unreadable_links(self, fnames):
        """Read again, under the record rules, the fields of ``_srm_searched_link_fields``
        among ``fnames`` whose values in memory hold records a project-restricted user may
        not read: Odoo's record rules are checked as superuser, reading the fields they
        test (a relationship's rules read its stakeholders' projects), and the values so
        read stay in memory for the reads that follow in the same transaction, whoever
        makes them. One query per such field for all the records."""
        if self.env.su or not self._ids:
            return
        linked_fields = self._srm_searched_link_fields()
        fields = [
            self._fields[fname]
            for fname in fnames
            if fname in linked_fields and self._fields[fname].store and self._fields[fname].type in X2MANY
        ]
        if not fields:
            return
        cache = self.env.cache
        records = [record for record in self.browse(id_ for id_ in self._ids if isinstance(id_, int))]
        for field in fields:
            values = {record.id: cache.get(record, field) for record in records if cache.contains(record, field)}
            linked = {id_ for value in values.values() for id_ in value if isinstance(id_, int)}
            if not linked or not self.env.user.srm_project_restricted:
                continue
            comodel = self.env[field.comodel_name].with_context(active_test=False)
            if ReadRulesChecked.covers(comodel.browse(linked)):
                # selected under the user's rules a moment ago, in the same read of a list
                continue
            readable = set(self._srm_readable_query(comodel, [("id", "in", list(linked))]).get_result_ids())
            stale = [record_id for record_id, value in values.items() if not readable.issuperset(value)]
            if stale:
                self.browse(stale).invalidate_recordset([field.name], flush=True)
