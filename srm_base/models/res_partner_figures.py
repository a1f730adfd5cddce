# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.osv import expression
from odoo.tools import SQL

# the contact history stored on each stakeholder, from the engagements of every project and company
CONTACT_FIELDS = ("srm_last_engagement_date", "srm_last_engagement_date_all", "srm_days_since_contact")


# the figures a stakeholder's readers read, a concern of its own, kept apart from the SRM fields
# pylint: disable=consider-merging-classes-inherited
class ResPartner(models.Model):
    """A stakeholder's last engagement (and days since) is stored from the engagements of
    every project and company: a reader who may not read some of them (a project-restricted
    user, a user outside one of the companies) reads it computed from the engagements they
    may read (see ``srm.scoped.figures.mixin``)."""

    _name = "res.partner"
    _inherit = ["res.partner", "srm.scoped.figures.mixin"]

    @api.model
    def _srm_scoped_fields(self):
        return (*super()._srm_scoped_fields(), *CONTACT_FIELDS)

    @api.model
    def _srm_scoped_sources(self, fnames):
        """{(model, its field linking records to stakeholders, domain)}: the records that
        the stored ``fnames`` of a stakeholder are computed from (the domain a tuple of
        terms). Modules add theirs."""
        sources = set()
        if set(fnames) & {"srm_last_engagement_date", "srm_days_since_contact"}:
            sources.add(("srm.engagement", "partner_ids", (("is_confidential", "=", False),)))
        if "srm_last_engagement_date_all" in fnames:
            sources.add(("srm.engagement", "partner_ids", ()))
        return sources

    def _srm_scoped_partial(self, fnames, candidates=None):
        """The stakeholders linked to a record that their stored ``fnames`` count and that
        the current user may not read, in one query: the links of the stakeholders (an
        index look-up), then the records they lead to that the user's rules leave out."""
        partner_ids = list(self.ids if candidates is None else candidates.get_result_ids())
        if not partner_ids:
            return set()
        parts = []
        for model, link, terms in sorted(self._srm_scoped_sources(fnames)):
            Model = self.env[model]
            domain = list(terms)
            if Model.has_access("read"):
                rules = self.env["ir.rule"]._compute_domain(model, "read")
                if not rules:
                    continue
                domain = expression.AND([domain, [expression.NOT_OPERATOR, *expression.normalize_domain(rules)]])
            field = Model._fields[link]
            # sudo: the records that the user may not read (the negation of their own
            # record rules, computed above), archived ones included: only which of these
            # stakeholders they concern is selected
            Records = Model.sudo().with_context(active_test=False)
            if field.type == "many2many":
                query = Records._search(domain)
                rel = query.make_alias(Model._table, link)
                query.add_join(
                    "JOIN",
                    rel,
                    field.relation,
                    SQL(
                        "%s = %s AND %s = ANY(%s)",
                        SQL.identifier(rel, field.column1),
                        SQL.identifier(Model._table, "id"),
                        SQL.identifier(rel, field.column2),
                        partner_ids,
                    ),
                )
                Model.flush_model([link])
                parts.append(SQL("(%s)", query.select(SQL.identifier(rel, field.column2))))
            else:
                query = Records._search(expression.AND([domain, [(link, "in", partner_ids)]]))
                parts.append(SQL("(%s)", query.select(SQL.identifier(Model._table, link))))
        if not parts:
            return set()
        return {row[0] for row in self.env.execute_query(SQL(" UNION ").join(parts))}

    def _srm_scoped_compute(self, fnames):
        wanted = [fname for fname in fnames if fname in CONTACT_FIELDS]
        result = super()._srm_scoped_compute([fname for fname in fnames if fname not in CONTACT_FIELDS])
        if not wanted:
            return result
        last, last_all = {}, {}
        Engagement = self.env["srm.engagement"].with_context(active_test=False)
        if Engagement.has_access("read"):
            # the engagements the user may read (record rules: projects, companies,
            # confidentiality), grouped by stakeholder
            domain = [("partner_ids", "in", self.ids)]
            if set(wanted) - {"srm_last_engagement_date_all"}:
                public = expression.AND([domain, [("is_confidential", "=", False)]])
                last = {
                    partner.id: date for partner, date in Engagement._read_group(public, ["partner_ids"], ["date:max"])
                }
            if "srm_last_engagement_date_all" in wanted:
                last_all = {
                    partner.id: date for partner, date in Engagement._read_group(domain, ["partner_ids"], ["date:max"])
                }
        today = fields.Date.today()
        days = {pid: max((today - date.date()).days, 0) for pid, date in last.items() if date}
        by_field = {
            "srm_last_engagement_date": last,
            "srm_last_engagement_date_all": last_all,
            "srm_days_since_contact": days,
        }
        for fname in wanted:
            result[fname] = {pid: by_field[fname].get(pid) for pid in self.ids}
        return result
