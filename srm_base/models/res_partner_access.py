# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import functools

from odoo import api, models
from odoo.osv import expression
from odoo.tools import SQL

from .srm_read_rules import ReadRulesChecked

MAIN_PROJECT = "srm_main_project_id"
# the custom attributes of the main project
ATTRIBUTES = "srm_properties"
# a project, archived or not: what ``any`` selects under the reader's record rules
ANY_PROJECT = [("active", "in", [True, False])]


# the access check of partners, a concern of its own, kept apart from their SRM fields
# pylint: disable=consider-merging-classes-inherited
class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "srm.link.search.mixin", "srm.link.mask.mixin"]

    # from this many partners on, their record rules are checked as below
    _srm_access_batch_min = 16

    def _check_access(self, operation):
        """The record rules of many partners checked without reading each partner's
        projects and each company's parents one partner at a time.

        A list of engagements names a hundred stakeholders or more; Odoo checks them
        with ``filtered_domain``, which evaluates each term for each partner: the
        project restriction reads every partner's projects into memory, the company
        rule the parents of the user's companies again for every partner. Those two
        terms are rewritten here with the same meaning (``_srm_rule_term_batched``),
        the others are evaluated by ``filtered_domain`` as Odoo does: the same
        partners are refused, with the same error, and no more queries are made than
        Odoo's check makes (one query reads the links that the partners' projects
        would have been read for).

        The projects of fewer partners are checked so too: Odoo's check reads them as
        superuser, and would leave in memory, for the read that follows, the projects the
        user may not read (a stakeholder shared with another project would show it)."""
        if (
            operation == "read"
            and ReadRulesChecked.covers(self)
            and self.env["ir.model.access"].check(self._name, operation, raise_exception=False)
        ):
            # selected under these rules a moment ago, in the same read of a list
            return None
        ids = self._ids
        if (
            self.env.su
            or not ids
            or not all(isinstance(id_, int) for id_ in ids)
            or not self.env["ir.model.access"].check(self._name, operation, raise_exception=False)
        ):
            return super()._check_access(operation)
        Rule = self.env["ir.rule"]
        domain = Rule._compute_domain(self._name, operation)
        if not domain:
            return None
        if len(ids) < self._srm_access_batch_min and not self._srm_rule_reads_projects(domain):
            return super()._check_access(operation)
        # sudo: the rules' terms are evaluated on the partners themselves, as Odoo's own
        # check does (``self.sudo().filtered_domain``): the rules are the condition here,
        # they are not applied to this read; the model access was checked above
        records = self.sudo()
        batched = [records._srm_rule_term_batched(term) for term in domain]
        forbidden = self - records.filtered_domain(batched)
        if forbidden:
            return forbidden, functools.partial(Rule._make_access_error, operation, forbidden)
        return None

    @api.model
    def _srm_searched_link_fields(self):
        # a stakeholder's projects, engagements and relationships, which a project-restricted
        # user reads only within their projects
        return (
            *super()._srm_searched_link_fields(),
            "srm_project_ids",
            "srm_engagement_ids",
            "srm_relationship_ids",
            "srm_relationship_inverse_ids",
            MAIN_PROJECT,
        )

    @api.model
    def _srm_masked_link_field(self, fname):
        # of a stakeholder's links, its main project: a stakeholder shared with another
        # project may have that one as main project (the links to other contacts,
        # a company, a user, are Odoo's)
        return fname == MAIN_PROJECT

    def _srm_hidden_main_project(self):
        """The partners among ``self`` whose main project the current user may not read
        (none for the superuser)."""
        if self.env.su:
            return self.browse()
        records = self.browse([id_ for id_ in self._ids if isinstance(id_, int)])
        hidden = self._srm_hidden_link_ids(MAIN_PROJECT, records.mapped(f"{MAIN_PROJECT}.id"))
        return records.filtered(lambda partner: partner[MAIN_PROJECT].id in hidden) if hidden else self.browse()

    def _read_format(self, fnames, load="_classic_read"):
        """The custom attributes of a main project the reader may not read are not shown
        (their names, labels and values): the main project itself reads "Restricted"."""
        result = super()._read_format(fnames, load=load)
        if ATTRIBUTES in fnames and result and not self.env.su:
            hidden = set(self._srm_hidden_main_project().ids)
            for vals in result:
                if vals["id"] in hidden and ATTRIBUTES in vals:
                    vals[ATTRIBUTES] = []
        return result

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if domain and not self.env.su:
            domain = self._srm_bind_attribute_terms(domain)
        return super()._search(domain, offset=offset, limit=limit, order=order)

    @api.model
    def _srm_bind_attribute_terms(self, domain):
        """``domain`` with its conditions on the custom attributes reading those of a main
        project the user may not read as empty, as the user reads them: such stakeholders
        match a condition that an attribute has no value, and no other."""
        result = []
        for term in domain:
            if not (
                isinstance(term, (list, tuple))
                and len(term) == 3
                and isinstance(term[0], str)
                and term[0].startswith(f"{ATTRIBUTES}.")
            ):
                result.append(term)
            elif term[1] == "=" and (term[2] is False or term[2] is None):
                result += [
                    expression.OR_OPERATOR,
                    term,
                    expression.AND_OPERATOR,
                    (MAIN_PROJECT, "!=", False),
                    (MAIN_PROJECT, "not any", ANY_PROJECT),
                ]
            else:
                result += [expression.AND_OPERATOR, term, (MAIN_PROJECT, "any", ANY_PROJECT)]
        return result if len(result) != len(domain) else domain

    def _field_to_sql(self, alias, fname, query=None, flush=True):
        # an attribute of the stakeholders (grouped, ordered by it) is empty for the
        # user whose main project they may not read
        sql = super()._field_to_sql(alias, fname, query, flush)
        if self.env.su or not fname.startswith(f"{ATTRIBUTES}."):
            return sql
        projects = self._srm_readable_query(self.env["srm.project"].with_context(active_test=False), [])
        return SQL(
            "(CASE WHEN %s IN %s THEN %s END)",
            super()._field_to_sql(alias, MAIN_PROJECT, query, flush),
            projects.subselect(),
            sql,
        )

    def get_property_definition(self, full_name):
        """The definition of a custom attribute of a project the user may read only."""
        definition = super().get_property_definition(full_name)
        if not definition or self.env.su or full_name.split(".")[0] != ATTRIBUTES:
            return definition
        Project = self.env["srm.project"].with_context(active_test=False)
        projects = self._srm_readable_query(Project, [])
        field = Project._fields["stakeholder_properties_definition"]
        rows = self.env.execute_query(
            SQL(
                """SELECT definition
                     FROM %(table)s, jsonb_array_elements(%(field)s) definition
                    WHERE %(field)s IS NOT NULL AND definition->>'name' = %(name)s AND %(table)s.id IN %(projects)s
                    LIMIT 1""",
                table=SQL.identifier(Project._table),
                field=SQL.identifier(field.name),
                name=full_name.split(".", 1)[1],
                projects=projects.subselect(),
                to_flush=field,
            )
        )
        return rows[0][0] if rows else {}

    def write(self, vals):
        """A user links as main project a project they may read, or the one a stakeholder
        has (a form sends it back unchanged); the custom attributes of a main project
        they may not read, which they do not read, are kept as they are."""
        if self.env.su or not (MAIN_PROJECT in vals or ATTRIBUTES in vals):
            return super().write(vals)
        project = self.env["srm.project"].browse(vals.get(MAIN_PROJECT) or [])
        if project and any(partner[MAIN_PROJECT] != project for partner in self):
            project.exists().check_access("read")
        if ATTRIBUTES not in vals:
            return super().write(vals)
        if MAIN_PROJECT in vals:
            kept = self if project and not project._filtered_access("read") else self.browse()
        else:
            kept = self._srm_hidden_main_project()
        if not kept:
            return super().write(vals)
        others = {fname: value for fname, value in vals.items() if fname != ATTRIBUTES}
        if others:
            super(ResPartner, kept).write(others)
        if self - kept:
            super(ResPartner, self - kept).write(vals)
        return True

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        """Grouped by main project, a project-restricted user gets one "Restricted" group
        of the stakeholders whose main project they may not read, which their searches do
        not find by the projects' ids (``_srm_searched_link_fields``)."""
        result = super().read_group(domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy)
        specs = [groupby] if isinstance(groupby, str) else list(groupby or [])
        if lazy:
            specs = specs[:1]
        if self.env.su or MAIN_PROJECT not in specs or not self.env.user.srm_project_restricted:
            return result
        hidden = self._srm_hidden_link_ids(
            MAIN_PROJECT, [group[MAIN_PROJECT][0] for group in result if isinstance(group.get(MAIN_PROJECT), tuple)]
        )
        if not hidden:
            return result
        merged = {}
        groups = []
        for group in result:
            value = group.get(MAIN_PROJECT)
            if not (isinstance(value, tuple) and value[0] in hidden):
                groups.append(group)
                continue
            key = tuple(repr(group.get(spec)) for spec in specs if spec != MAIN_PROJECT)
            if key in merged:
                self._srm_merge_groups(merged[key], group, fields, specs)
                continue
            if "__domain" in group:
                group["__domain"] = self._srm_hidden_main_domain(group["__domain"], value[0])
            merged[key] = group
            groups.append(group)
        return groups

    @api.model
    def _srm_hidden_main_domain(self, domain, project_id):
        """``domain`` of a group by main project, its condition on ``project_id`` replaced
        by one on every main project the user may not read."""
        result = []
        for term in domain:
            if isinstance(term, (list, tuple)) and tuple(term) == (MAIN_PROJECT, "=", project_id):
                result += [
                    expression.AND_OPERATOR,
                    (MAIN_PROJECT, "!=", False),
                    (MAIN_PROJECT, "not any", ANY_PROJECT),
                ]
            else:
                result.append(term)
        return result

    @api.model
    def _srm_merge_groups(self, group, other, fields, specs):
        """Add to the ``read_group`` result ``group`` the counts and aggregates of
        ``other``, of the same groups but for the main project."""
        aggregators = {}
        for spec in fields or []:
            name, _sep, func = spec.partition(":")
            field = self._fields.get(name)
            aggregators[name] = (func.split("(")[0] if func else None) or (field.aggregator if field else None)
        count = group.get("__count", group.get(f"{MAIN_PROJECT}_count")) or 0
        other_count = other.get("__count", other.get(f"{MAIN_PROJECT}_count")) or 0
        for key, value in other.items():
            if key.startswith("__") and key != "__count" or key in specs:
                continue
            mine = group.get(key)
            func = "sum" if key == "__count" or key.endswith("_count") else aggregators.get(key)
            if value is None or value is False:
                continue
            if mine is None or mine is False:
                group[key] = value
            elif func == "max":
                group[key] = max(mine, value)
            elif func == "min":
                group[key] = min(mine, value)
            elif func == "avg" and count + other_count:
                group[key] = (mine * count + value * other_count) / (count + other_count)
            elif func == "bool_and":
                group[key] = mine and value
            elif func == "bool_or":
                group[key] = mine or value
            elif func == "array_agg":
                group[key] = mine + value
            elif isinstance(mine, (int, float)) and not isinstance(mine, bool):
                group[key] = mine + value

    def _srm_rule_reads_projects(self, domain):
        """Whether Odoo's check of the rules ``domain`` would read the projects of some
        of the partners ``self`` (not in memory yet)."""
        return any(
            isinstance(term, (list, tuple)) and len(term) == 3 and term[0] == "srm_project_ids" for term in domain
        ) and any(self.env.cache.get_missing_ids(self, self._fields["srm_project_ids"]))

    def _srm_rule_term_batched(self, term):
        """``term`` of the record rules of the partners ``self`` (as superuser), or a
        term that ``filtered_domain`` evaluates to the same for each of them at once:

        - ``(company_id, parent_of, companies)``: ``filtered_domain`` keeps the
          partners whose company is among the companies' active parents
          (``parent_ids``), which it reads again for each partner: the same list,
          read once, with ``in``;
        - ``(srm_project_ids, in | not in, ids)`` (the project restriction; other
          many2many terms are left to ``filtered_domain``) when the partners' values are not in
          memory: ``filtered_domain`` reads them (archived records are left out of a
          many2many's value unless the context or the field says otherwise) and
          looks for one of the ids among them, partner by partner: the partners
          linked to one of the active records among the ids are read from the
          relation instead, in one query, and the term becomes ``(id, in | not in,
          those partners)``."""
        if isinstance(term, str) or not isinstance(term, (list, tuple)) or len(term) != 3:
            return term
        key, operator, value = term
        field = self._fields.get(key) if isinstance(key, str) else None
        if field is None:
            return term
        values = list(value) if isinstance(value, (list, tuple, set)) else [value]
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            return term
        if key == "company_id" and operator == "parent_of":
            return (key, "in", self.env["res.company"].browse(values).parent_ids.ids)
        if (
            key != "srm_project_ids"
            or field.type != "many2many"
            or not field.store
            or operator not in ("in", "not in")
            or not values
            or field.domain
            or "active_test" in field.context
            or not any(self.env.cache.get_missing_ids(self, field))
        ):
            return term
        # the active records among the ids (unless the context says otherwise), then
        # the partners linked to one of them (an index look-up)
        linked = self.env[field.comodel_name]._search([("id", "in", values)])
        rows = self.env.execute_query(
            SQL(
                "SELECT DISTINCT %s FROM %s WHERE %s IN %s AND %s IN %s",
                SQL.identifier(field.column1),
                SQL.identifier(field.relation),
                SQL.identifier(field.column1),
                tuple(set(self._ids)),
                SQL.identifier(field.column2),
                linked.subselect(),
                to_flush=field,
            )
        )
        return ("id", operator, [row[0] for row in rows])
