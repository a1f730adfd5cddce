# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.osv import expression

from .srm_report_builder import NOT_CONTACTED_DAYS, column

PARTNER_FIELDS = [
    "ref", "name", "display_name", "stakeholder_type_id", "srm_segment_ids", "srm_project_ids",
    "srm_region_id", "srm_influence", "srm_interest", "srm_quadrant", "srm_salience",
    "srm_preferred_channel", "srm_consent", "srm_do_not_contact", "user_id",
    "srm_last_engagement_date", "srm_days_since_contact", "email", "phone",
]  # fmt: skip


class SrmReportKindStakeholderRegister(models.AbstractModel):
    """The stakeholders of the projects today, with their engagements over the period."""

    _name = "srm.report.kind.stakeholder_register"
    _inherit = "srm.report.builder"
    _description = "SRM Report: Stakeholder Register"
    _report_kind = "stakeholder_register"
    _report_landscape = True

    @api.model
    def _report_base_domains(self, filters):
        """The engagements counted per stakeholder and in all (the stakeholders have no
        confidentiality of their own)."""
        return [("srm.engagement", self._engagement_domain(filters, with_partner_filters=False))]

    @api.model
    def _build_report(self, filters):
        _ = self.env._
        Partner = self.env["res.partner"]
        domain = self._stakeholder_domain(filters)
        eng_domain = self._engagement_domain(filters, with_partner_filters=False)
        count = Partner.search_count(domain)
        by_quadrant = dict(Partner._read_group(domain, ["srm_quadrant"], ["__count"]))
        not_contacted = Partner.search_count(expression.AND([domain, self._not_contacted_domain()]))
        return {
            "title": _("Stakeholder register"),
            "note": _("Stakeholders of the projects today; engagements are counted over the period."),
            "record_count": count,
            # the engagements counted (in the period, per stakeholder) include the confidential
            # ones the author may read, unless left out
            "confidential_count": self._confidential_count("srm.engagement", eng_domain),
            "sections": [
                self._section(
                    "stakeholders",
                    _("Stakeholders"),
                    self._register_columns(),
                    self._register_rows(domain, eng_domain),
                    count=count,
                ),
                *self._register_breakdowns(domain, count, by_quadrant),
            ],
            "highlights": [
                {"label": _("Stakeholders"), "value": count, "type": "integer"},
                {"label": _("Manage closely"), "value": by_quadrant.get("manage_closely", 0), "type": "integer"},
                {
                    "label": _("Not contacted in %s days", NOT_CONTACTED_DAYS),
                    "value": not_contacted,
                    "type": "integer",
                },
                {
                    "label": _("Engagements in period"),
                    "value": self._count("srm.engagement", eng_domain),
                    "type": "integer",
                },
            ],
        }

    @api.model
    def _register_columns(self):
        keys = [
            "ref", "name", "stakeholder_type", "segments", "projects", "region", "influence", "interest",
            "quadrant", "salience", "channel", "consent", "do_not_contact", "owner", "engagements",
            "last_engagement", "days_since_contact", "email", "phone",
        ]  # fmt: skip
        hidden = {"region", "influence", "interest", "salience", "owner", "days_since_contact", "email", "phone"}
        return self._columns("stakeholder", keys, hidden=hidden)

    @api.model
    def _register_rows(self, domain, eng_domain):
        """Rows of the stakeholders (lazily, a batch of stakeholders at a time)."""
        quadrants = self._labels("res.partner", "srm_quadrant")
        salience = self._labels("res.partner", "srm_salience")
        channels = self._labels("res.partner", "srm_preferred_channel")

        def rows():
            for partners in self._iter_by_ids("res.partner", domain, "name, id", PARTNER_FIELDS):
                counts = dict(
                    self.env["srm.engagement"]._read_group(
                        expression.AND([eng_domain, [("partner_ids", "in", partners.ids)]]),
                        ["partner_ids"],
                        ["__count"],
                    )
                )
                # the contact history the user reads: from the engagements they may read
                # (srm.scoped.figures.mixin)
                contact = partners._srm_scoped_read(["srm_last_engagement_date", "srm_days_since_contact"])
                for partner in partners:
                    last = contact[partner.id]["srm_last_engagement_date"]
                    yield [
                        partner.ref or "",
                        partner.display_name,
                        partner.stakeholder_type_id.name or "",
                        ", ".join(partner.srm_segment_ids.mapped("name")),
                        ", ".join(partner.srm_project_ids.mapped("display_name")),
                        partner.srm_region_id.display_name or "",
                        partner.srm_influence,
                        partner.srm_interest,
                        quadrants.get(partner.srm_quadrant, ""),
                        salience.get(partner.srm_salience, ""),
                        channels.get(partner.srm_preferred_channel, ""),
                        partner.srm_consent,
                        partner.srm_do_not_contact,
                        partner.user_id.name or "",
                        counts.get(partner, 0),
                        self._to_local(last),
                        contact[partner.id]["srm_days_since_contact"] if last else None,
                        partner.email or "",
                        partner.phone or "",
                    ]

        return rows

    @api.model
    def _register_breakdowns(self, domain, count, by_quadrant):
        """The stakeholders by type and on the power/interest grid."""
        _ = self.env._
        by_type = self.env["res.partner"]._read_group(domain, ["stakeholder_type_id"], ["__count"])
        quadrants = self._labels("res.partner", "srm_quadrant")
        return [
            self._section(
                "by_type",
                _("By type"),
                self._count_columns(column("stakeholder_type", _("Type"), "char", 30), _("Stakeholders")),
                [
                    [stype.name or _("Undefined"), n, self._share(n, count)]
                    for stype, n in sorted(by_type, key=lambda g: -g[1])
                ],
                totals=self._count_totals("stakeholder_type", count),
            ),
            self._section(
                "by_quadrant",
                _("Power/interest grid"),
                self._count_columns(column("quadrant", _("Quadrant"), "char", 30), _("Stakeholders")),
                [
                    [label, by_quadrant.get(key, 0), self._share(by_quadrant.get(key, 0), count)]
                    for key, label in quadrants.items()
                ],
                totals=self._count_totals("quadrant", count),
            ),
        ]
