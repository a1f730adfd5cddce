# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError
from odoo.osv import expression

from odoo.addons.srm_commitments.models.srm_commitment import ACTIVE_STATES as ACTIVE_COMMITMENT_STATES

from .srm_report_builder import column

# engagement log columns a profile shows
PROFILE_ENGAGEMENT_KEYS = {"date", "subject", "engagement_type", "project", "topics", "sentiment", "summary", "outcome"}


class SrmReportKindStakeholderProfile(models.AbstractModel):
    """One stakeholder: who they are, their engagements, commitments and issues."""

    _name = "srm.report.kind.stakeholder_profile"
    _inherit = "srm.report.builder"
    _description = "SRM Report: Stakeholder Profile"
    _report_kind = "stakeholder_profile"
    _report_period_optional = True

    @api.model
    def _check_report_filters(self, filters):
        if len(filters["partner_ids"]) != 1:
            raise UserError(self.env._("A stakeholder profile is produced for exactly one stakeholder: select one."))

    @api.model
    def _report_base_domains(self, filters):
        """The stakeholder's engagements, commitments and issues."""
        partner = self._readable("res.partner", filters["partner_ids"])
        eng_filters = dict(filters, partner_ids=partner.ids, stakeholder_type_ids=[], segment_ids=[])
        return [
            ("srm.engagement", self._engagement_domain(eng_filters)),
            ("srm.commitment", self._profile_commitment_domain(partner, filters)),
            ("srm.issue", self._profile_issue_domain(partner, filters)),
        ]

    @api.model
    def _build_report(self, filters):
        _ = self.env._
        partner = self._readable("res.partner", filters["partner_ids"])
        if not partner:
            raise UserError(_("This stakeholder does not exist or you are not allowed to see it."))
        items = self._profile_items(partner)
        eng_filters = dict(filters, partner_ids=partner.ids, stakeholder_type_ids=[], segment_ids=[])
        eng_domain = self._engagement_domain(eng_filters)
        count = self.env["srm.engagement"].search_count(eng_domain)
        sentiment = self._sentiment_by_month(eng_domain)
        extra = self._profile_extra_sections(partner, filters)
        rated = sum(total for total, _avg in sentiment.values())
        avg_all = sum(total * avg for total, avg in sentiment.values()) / rated if rated else None
        last_engagement = self._to_local(
            partner._srm_scoped_read(["srm_last_engagement_date"])[partner.id]["srm_last_engagement_date"]
        )
        return {
            "title": _("Stakeholder profile: %s", partner.display_name),
            "subtitle": self._period_label(filters)
            if filters.get("date_from") or filters.get("date_to")
            else _("Whole history"),
            "record_count": count,
            "confidential_count": self._confidential_count("srm.engagement", eng_domain)
            + self._sections_confidential_count(extra),
            "protected_count": sum(section.get("protected_count", 0) for section in extra),
            "sections": [
                self._fields_section("profile", _("Profile"), items),
                self._profile_engagements(eng_domain, count),
                self._section(
                    "sentiment",
                    _("Sentiment by month"),
                    [
                        column("month", _("Month"), "month", 16),
                        column("count", _("Engagements with a sentiment"), "integer", 18),
                        column("sentiment", _("Average sentiment"), "float", 16),
                    ],
                    [[month, total, avg] for month, (total, avg) in sorted(sentiment.items())],
                ),
                *extra,
            ],
            "highlights": [
                {"label": _("Engagements"), "value": count, "type": "integer"},
                {"label": _("Average sentiment"), "value": avg_all, "type": "float"},
                {"label": _("Last engagement"), "value": last_engagement, "type": "datetime"},
            ]
            + self._profile_extra_highlights(partner, filters),
        }

    @api.model
    def _profile_items(self, partner):
        """(label, value, type) of the stakeholder's profile."""
        _ = self.env._
        quadrants = self._labels("res.partner", "srm_quadrant")
        salience = self._labels("res.partner", "srm_salience")
        channels = self._labels("res.partner", "srm_preferred_channel")
        bases = self._labels("res.partner", "srm_consent_basis")
        relations = partner.srm_relationship_ids | partner.srm_relationship_inverse_ids
        # the date the user reads: from the engagements they may read (srm.scoped.figures.mixin)
        last_engagement = partner._srm_scoped_read(["srm_last_engagement_date"])[partner.id]["srm_last_engagement_date"]
        return [
            (_("Name"), partner.display_name, "char"),
            (_("Reference"), partner.ref or "", "char"),
            (_("Type"), partner.stakeholder_type_id.name or "", "char"),
            (_("Segments"), ", ".join(partner.srm_segment_ids.mapped("name")), "char"),
            (_("Projects"), ", ".join(partner.srm_project_ids.mapped("display_name")), "char"),
            (_("Region"), partner.srm_region_id.display_name or "", "char"),
            (_("Address"), partner._display_address(without_company=True).strip(), "text"),
            (_("Email"), partner.email or "", "char"),
            (_("Phone"), partner.phone or partner.mobile or "", "char"),
            (_("Relationship owner"), partner.user_id.name or "", "char"),
            (_("Influence (1-5)"), partner.srm_influence, "integer"),
            (_("Interest (1-5)"), partner.srm_interest, "integer"),
            (_("Legitimacy (1-5)"), partner.srm_legitimacy, "integer"),
            (_("Urgency (1-5)"), partner.srm_urgency, "integer"),
            (_("Power/Interest"), quadrants.get(partner.srm_quadrant, ""), "char"),
            (_("Salience"), salience.get(partner.srm_salience, ""), "char"),
            (_("Preferred channel"), channels.get(partner.srm_preferred_channel, ""), "char"),
            (_("Consents to contact"), partner.srm_consent, "boolean"),
            (_("Basis for contact"), bases.get(partner.srm_consent_basis, ""), "char"),
            (_("Do not contact"), partner.srm_do_not_contact, "boolean"),
            (_("Last engagement"), self._to_local(last_engagement), "datetime"),
            (_("Relationships"), self._profile_relationships(relations), "text"),
        ]

    @api.model
    def _profile_relationships(self, relations):
        """The stakeholder's ``relations``, named as their display name (the contact, the
        kind of relationship, the related contact): a contact the report's author may not
        read (of a company they do not work in) reads "Restricted"."""
        names = self._link_names(relations.partner_id | relations.related_partner_id)
        return ", ".join(
            " ".join(
                filter(
                    None,
                    (
                        self._link_name(relation.partner_id, names),
                        relation.type_id.name,
                        self._link_name(relation.related_partner_id, names),
                    ),
                )
            )
            for relation in relations
        )

    @api.model
    def _profile_engagements(self, eng_domain, count):
        """The stakeholder's engagements: some columns of the engagement log."""
        log_columns = self._engagement_columns()
        keep = [i for i, col in enumerate(log_columns) if col["key"] in PROFILE_ENGAGEMENT_KEYS]

        def rows():
            for row in self._iter_engagement_rows(eng_domain):
                yield [row[i] for i in keep]

        return self._section(
            "engagements",
            self.env._("Engagements"),
            [log_columns[i] for i in keep],
            rows,
            count=count,
            totals={"subject": self.env._("Total: %s engagements", count)},
        )

    @api.model
    def _profile_issue_domain(self, partner, filters):
        who = [("partner_ids", "in", partner.ids), ("complainant_id", "=", partner.id)]
        protect = self._protect_identities(filters)
        if not protect:
            # the identity of protected complainants is only searchable with Confidential access
            who.append(("complainant_partner_id", "=", partner.id))
        domain = expression.OR([[leaf] for leaf in who])
        if protect:
            # sudo: the protected issues the stakeholder raised are searched only to leave
            # them out, so that the profile does not tell who raised them
            raised = (
                self.env["srm.issue"]
                .sudo()
                .with_context(active_test=False)
                .search(
                    [
                        ("complainant_partner_id", "=", partner.id),
                        "|",
                        ("is_sensitive", "=", True),
                        ("is_anonymous", "=", True),
                    ]
                )
            )
            if raised:
                domain = expression.AND([domain, [("id", "not in", raised.ids)]])
        domain = expression.AND([domain, self._datetime_period_domain("date_received", filters)])
        if filters.get("project_ids"):
            domain = expression.AND([domain, [("project_id", "in", filters["project_ids"])]])
        if filters.get("exclude_confidential"):
            domain = expression.AND([domain, [("is_confidential", "=", False)]])
        return domain

    @api.model
    def _profile_commitment_domain(self, partner, filters):
        domain = [("partner_ids", "in", partner.ids)]
        unfiltered = dict(filters, partner_ids=[], stakeholder_type_ids=[], segment_ids=[])
        if filters.get("date_from") or filters.get("date_to"):
            domain += self._commitment_domain(unfiltered)
        else:
            domain += self._secured_domain(unfiltered)
        return domain

    @api.model
    def _profile_extra_sections(self, partner, filters):
        """Commitments and issues of the stakeholder."""
        _ = self.env._
        states = self._labels("srm.commitment", "state")
        commitments = self.env["srm.commitment"].search(
            self._profile_commitment_domain(partner, filters), order="date_due, id"
        )
        issues = self.env["srm.issue"].search(self._profile_issue_domain(partner, filters), order="date_received, id")
        commitment_keys = ["reference", "title", "due_date", "status", "overdue", "fulfilled_on", "evidence"]
        issue_keys = ["reference", "received", "subject", "category", "stage", "sla_breached", "resolution"]
        issue_section = self._records_section(
            "issues",
            _("Issues and grievances"),
            self._columns("issue", issue_keys),
            issues,
            lambda issue: [
                issue.reference,
                self._to_local(issue.date_received),
                issue.name,
                issue.category_id.name or "",
                issue.stage_id.name or "",
                issue.is_sla_breached,
                self._issue_text(issue.resolution),
            ],
        )
        issue_section["protected_count"] = self._profile_named_count(partner, issues, filters)
        return [
            self._records_section(
                "commitments",
                _("Commitments"),
                self._columns("commitment", commitment_keys),
                commitments,
                lambda commitment: [
                    commitment.reference or "",
                    commitment.name,
                    commitment.date_due,
                    states.get(commitment.state, ""),
                    commitment.is_overdue,
                    commitment.date_fulfilled or None,
                    self._commitment_evidence(commitment),
                ],
            ),
            issue_section,
        ]

    @api.model
    def _profile_named_count(self, partner, issues, filters):
        """Sensitive issues of the profile listed because the stakeholder raised them."""
        if self._protect_identities(filters) or not issues:
            return 0
        return self.env["srm.issue"].search_count(
            [("id", "in", issues.ids), ("is_sensitive", "=", True), ("complainant_partner_id", "=", partner.id)]
        )

    @api.model
    def _profile_extra_highlights(self, partner, filters):
        _ = self.env._
        Commitment = self.env["srm.commitment"]
        issue_domain = self._profile_issue_domain(partner, filters)
        commitment_domain = self._profile_commitment_domain(partner, filters)
        outstanding = [("state", "in", list(ACTIVE_COMMITMENT_STATES))]
        return [
            {
                "label": _("Commitments outstanding"),
                "value": Commitment.search_count(expression.AND([commitment_domain, outstanding])),
                "type": "integer",
            },
            {
                "label": _("Commitments overdue"),
                "value": Commitment.search_count(expression.AND([commitment_domain, [("is_overdue", "=", True)]])),
                "type": "integer",
            },
            {
                "label": _("Open issues"),
                "value": self.env["srm.issue"].search_count(
                    expression.AND([issue_domain, [("is_closed", "=", False)]])
                ),
                "type": "integer",
            },
        ]
