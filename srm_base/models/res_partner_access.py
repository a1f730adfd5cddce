# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import functools

from odoo import api, models
from odoo.tools import SQL

from .srm_read_rules import ReadRulesChecked


# the access check of partners, a concern of its own, kept apart from their SRM fields
# pylint: disable=consider-merging-classes-inherited
class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "srm.link.search.mixin"]

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
        )

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
