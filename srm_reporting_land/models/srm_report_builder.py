# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Land access and resettlement in the SRM reports: the domains and sections the
land report kinds (``srm.report.kind.land_*``) share.

Parcels, households and agreements are read as the user producing the report:
their record rules (confidential by default, the project restriction) decide what
each report holds, and the report counts the confidential records it shows so
that its file is filed for Confidential access only.
"""

from collections import defaultdict

from odoo import api, models
from odoo.osv import expression

from odoo.addons.srm_reporting.models.srm_report_builder import column
from odoo.addons.srm_reporting.models.srm_report_log import keep_archived_reports

LAND_REPORT_KINDS = [
    ("land_status", "Land access status"),
    ("land_compensation", "Compensation paid and due"),
    ("land_agreements", "Land agreements"),
    ("land_households", "Households by resettlement step"),
    ("land_grievances", "Grievances per parcel"),
    ("land_resettlement_progress", "Resettlement progress report"),
]
# the wizard forgets the kinds of a removed module; the archive keeps their reports
LAND_REPORT_KINDS_ONDELETE = {kind: "cascade" for kind, _label in LAND_REPORT_KINDS}
LAND_REPORT_LOG_ONDELETE = {kind: keep_archived_reports for kind, _label in LAND_REPORT_KINDS}

# the steps of a census household through resettlement, in order (see _land_household_step)
HOUSEHOLD_STEPS = ["census", "negotiating", "signed", "compensated", "restoring", "restored"]


class SrmReportBuilder(models.AbstractModel):
    _inherit = "srm.report.builder"

    # ------------------------------------------------------------------
    # Domains
    # ------------------------------------------------------------------

    @api.model
    def _land_parcel_domain(self, filters):
        """Parcels of the report: its projects, holders (stakeholder, type, segment) and
        confidentiality filters; the period does not apply (the status of today)."""
        return self._secured_domain(filters, partner_field="right_ids.partner_id")

    @api.model
    def _land_household_domain(self, filters):
        return self._secured_domain(filters, partner_field="head_partner_id")

    @api.model
    def _land_agreement_domain(self, filters):
        return self._secured_domain(filters, partner_field="partner_id")

    @api.model
    def _land_line_domain(self, filters):
        """Payments and deliveries of the signed agreements of the report; with a period,
        those due or paid in it."""
        agreements = expression.AND([self._land_agreement_domain(filters), [("state", "=", "signed")]])
        domain = [("agreement_id", "any", agreements), ("state", "!=", "cancelled")]
        if filters.get("date_from") or filters.get("date_to"):
            domain = expression.AND(
                [
                    domain,
                    expression.OR(
                        [self._date_period_domain("date_due", filters), self._date_period_domain("date_done", filters)]
                    ),
                ]
            )
        return domain

    @api.model
    def _land_issue_domain(self, filters):
        """Grievances about parcels, received in the period (worker grievances never enter
        a report)."""
        return expression.AND([self._issue_domain(filters), [("land_parcel_ids", "!=", False)]])

    # ------------------------------------------------------------------
    # Land access status
    # ------------------------------------------------------------------

    @api.model
    def _land_status_by_project_section(self, domain):
        """Parcels per status (columns) and project (rows), with their area."""
        _ = self.env._
        states = self._labels("srm.land.parcel", "state")
        groups = self.env["srm.land.parcel"]._read_group(
            domain, ["project_id", "state"], ["__count", "area_ha:sum"], order="project_id"
        )
        rows_by_project = {}
        for project, state, count, area in groups:
            row = rows_by_project.setdefault(project, {"counts": defaultdict(int), "area": 0.0})
            row["counts"][state] += count
            row["area"] += area
        columns = [column("project", _("Project"), "char", 24)]
        columns += [column(state, label, "integer", 10) for state, label in states.items()]
        columns += [column("count", _("Parcels"), "integer", 10), column("area", _("Area (ha)"), "float", 12)]
        rows = []
        totals = {"project": _("Total"), "count": 0, "area": 0.0}
        for project, row in rows_by_project.items():
            counts = [row["counts"].get(state, 0) for state in states]
            rows.append([project.display_name, *counts, sum(counts), row["area"]])
            for state, count in zip(states, counts, strict=True):
                totals[state] = totals.get(state, 0) + count
            totals["count"] += sum(counts)
            totals["area"] += row["area"]
        return self._section(
            "status_by_project",
            _("Parcels by status and project"),
            columns,
            rows,
            count=len(rows),
            totals=totals,
            note=_("The status of each parcel along the project's access process today."),
        )

    @api.model
    def _land_parcel_section(self, domain):
        _ = self.env._
        states = self._labels("srm.land.parcel", "state")
        tenures = self._labels("srm.land.parcel", "tenure")
        uses = self._labels("srm.land.parcel", "land_use")
        parcels = self.env["srm.land.parcel"].search(domain, order="project_id, name, id")
        columns = [
            column("reference", _("Parcel"), "char", 12),
            column("project", _("Project"), "char", 18),
            column("locality", _("Locality"), "char", 16),
            column("tenure", _("Tenure"), "char", 14),
            column("land_use", _("Land use"), "char", 14, doc=False),
            column("status", _("Status"), "char", 12),
            column("area", _("Area (ha)"), "float", 10),
            column("holders", _("Rights holders"), "char", 28),
            column("households", _("Households"), "integer", 10, doc=False),
            column("agreed", _("Compensation agreed"), "float", 13),
            column("paid", _("Paid"), "float", 12),
        ]
        if self._user_sees_confidential():
            columns.append(column("confidential", _("Confidential"), "boolean", 10))
        # a holder of a right on a parcel may be a stakeholder its reader may not read
        holders = self._link_names(parcels.right_ids.partner_id)

        def row(parcel):
            values = [
                parcel.name,
                parcel.project_id.display_name,
                parcel.locality or "",
                tenures.get(parcel.tenure, ""),
                uses.get(parcel.land_use, ""),
                states.get(parcel.state, ""),
                parcel.area_ha,
                self._link_name_list(parcel.right_ids.partner_id, holders),
                len(parcel.household_ids),
                parcel.amount_agreed,
                parcel.amount_paid,
            ]
            if self._user_sees_confidential():
                values.append(parcel.is_confidential)
            return values

        return self._records_section(
            "parcels",
            _("Parcels"),
            columns,
            parcels,
            row,
            totals={
                "reference": _("Total: %s", len(parcels)),
                "area": sum(parcels.mapped("area_ha")),
                "agreed": sum(parcels.mapped("amount_agreed")),
                "paid": sum(parcels.mapped("amount_paid")),
            },
        )

    # ------------------------------------------------------------------
    # Compensation
    # ------------------------------------------------------------------

    @api.model
    def _land_payment_figures(self, lines):
        """Agreed, paid, still to pay and overdue amounts of payment ``lines`` (payments in
        kind have no cash amount), and the number of overdue payments and deliveries."""
        payments = lines.filtered(lambda line: line.kind == "payment")
        paid = payments.filtered(lambda line: line.state == "done")
        overdue = lines.filtered("is_overdue")
        agreed = sum(payments.mapped("amount"))
        paid_amount = sum(paid.mapped("amount"))
        return {
            "agreed": agreed,
            "paid": paid_amount,
            "due": agreed - paid_amount,
            "overdue": sum(overdue.filtered(lambda line: line.kind == "payment").mapped("amount")),
            "overdue_count": len(overdue),
        }

    @api.model
    def _land_compensation_columns(self, first):
        _ = self.env._
        return [
            first,
            column("agreements", _("Agreements"), "integer", 10),
            column("agreed", _("Agreed"), "float", 13),
            column("paid", _("Paid"), "float", 13),
            column("due", _("Still to pay"), "float", 13),
            column("overdue", _("Overdue amount"), "float", 13),
            column("overdue_count", _("Overdue payments and deliveries"), "integer", 12),
        ]

    @api.model
    def _land_compensation_sections(self, lines, detailed=True):
        """Compensation per rights holder and per household, and (``detailed``) every payment
        and delivery of ``lines``."""
        _ = self.env._
        keys = ["agreed", "paid", "due", "overdue", "overdue_count"]
        totals = dict(self._land_payment_figures(lines), agreements=len(lines.agreement_id))

        def grouped(key, title, label, group_of, none_label):
            groups = defaultdict(lambda: self.env["srm.land.agreement.line"])
            for line in lines:
                groups[group_of(line)] |= line
            # a holder or household its reader may not read is named "Restricted"
            linked = [group for group in groups if group]
            names = self._link_names(linked[0].union(*linked)) if linked else {}
            rows = []
            for group, group_lines in sorted(
                groups.items(), key=lambda item: (not item[0], self._link_name(item[0], names))
            ):
                figures = self._land_payment_figures(group_lines)
                rows.append(
                    [
                        self._link_name(group, names) if group else none_label,
                        len(group_lines.agreement_id),
                        *(figures[k] for k in keys),
                    ]
                )
            return self._section(
                key,
                title,
                self._land_compensation_columns(column("name", label, "char", 30)),
                rows,
                count=len(rows),
                totals=dict(totals, name=_("Total")),
            )

        sections = [
            grouped(
                "by_holder",
                _("Compensation per rights holder"),
                _("Rights holder"),
                lambda line: line.agreement_id.partner_id,
                _("No holder"),
            ),
            grouped(
                "by_household",
                _("Compensation per household"),
                _("Household"),
                lambda line: line.agreement_id.household_id,
                _("Not a census household"),
            ),
        ]
        if detailed:
            sections.append(self._land_payment_section(lines))
        return sections

    @api.model
    def _land_payment_section(self, lines):
        _ = self.env._
        kinds = self._labels("srm.land.agreement.line", "kind")
        states = self._labels("srm.land.agreement.line", "state")
        methods = self._labels("srm.land.agreement.line", "payment_method")
        with_confidential = self._user_sees_confidential()
        columns = [
            column("agreement", _("Agreement"), "char", 16),
            column("holder", _("Rights holder"), "char", 20),
            column("household", _("Household"), "char", 12, doc=False),
            column("description", _("Payment or delivery"), "char", 26),
            column("kind", _("Kind"), "char", 10),
            column("due_date", _("Due date"), "date", 11),
            column("amount", _("Amount"), "float", 12),
            column("status", _("Status"), "char", 12),
            column("paid_on", _("Paid or delivered on"), "date", 11),
            column("method", _("Method"), "char", 12, doc=False),
            column("payment_reference", _("Payment reference"), "char", 14, doc=False),
            column("overdue", _("Overdue"), "boolean", 9),
        ]
        if with_confidential:
            columns.append(column("confidential", _("Confidential"), "boolean", 10))
        rows = []
        holders = self._link_names(lines.agreement_id.partner_id)
        households = self._link_names(lines.agreement_id.household_id)
        for line in lines.sorted(lambda line: (line.date_due, line.agreement_id.reference or "", line.id)):
            agreement = line.agreement_id
            row = [
                agreement.reference,
                self._link_name(agreement.partner_id, holders),
                self._link_name(agreement.household_id, households),
                line.name,
                kinds.get(line.kind, ""),
                line.date_due,
                line.amount,
                states.get(line.state, ""),
                line.date_done or None,
                methods.get(line.payment_method, ""),
                line.payment_reference or "",
                line.is_overdue,
            ]
            if with_confidential:
                row.append(agreement.is_confidential)
            rows.append(row)
        figures = self._land_payment_figures(lines)
        return self._section(
            "payments",
            _("Payments and deliveries"),
            columns,
            rows,
            count=len(rows),
            totals={"agreement": _("Total: %s", len(rows)), "amount": figures["agreed"]},
            note=_("Amounts of deliveries in kind are their estimated value; the totals count payments only."),
        )

    # ------------------------------------------------------------------
    # Agreements
    # ------------------------------------------------------------------

    @api.model
    def _land_agreement_summary_sections(self, agreements):
        """Agreements per status and per type, with what they agree to pay and what was paid."""
        _ = self.env._
        states = self._labels("srm.land.agreement", "state")
        types = self._labels("srm.land.agreement", "agreement_type")

        def rows_of(field, labels):
            rows = []
            for key, label in labels.items():
                group = agreements.filtered(lambda agreement, key=key: agreement[field] == key)
                if group:
                    rows.append(
                        [
                            label,
                            len(group),
                            len(group.filtered(lambda agreement: agreement.state == "signed")),
                            sum(group.mapped("amount_total")),
                            sum(group.mapped("amount_paid")),
                        ]
                    )
            return rows

        def columns(first):
            return [
                first,
                column("count", _("Agreements"), "integer", 12),
                column("signed", _("Signed"), "integer", 12),
                column("amount", _("Amount agreed"), "float", 14),
                column("paid", _("Paid"), "float", 14),
            ]

        totals = {
            "count": len(agreements),
            "signed": len(agreements.filtered(lambda agreement: agreement.state == "signed")),
            "amount": sum(agreements.mapped("amount_total")),
            "paid": sum(agreements.mapped("amount_paid")),
        }
        return [
            self._section(
                "agreements_by_status",
                _("Agreements by status"),
                columns(column("status", _("Status"), "char", 24)),
                rows_of("state", states),
                totals=dict(totals, status=_("Total")),
            ),
            self._section(
                "agreements_by_type",
                _("Agreements by type"),
                columns(column("type", _("Type"), "char", 24)),
                rows_of("agreement_type", types),
                totals=dict(totals, type=_("Total")),
            ),
        ]

    @api.model
    def _land_agreement_sections(self, agreements):
        """The agreements, and the conditions they set: promises in kind and terms."""
        _ = self.env._
        states = self._labels("srm.land.agreement", "state")
        types = self._labels("srm.land.agreement", "agreement_type")
        payment_statuses = self._labels("srm.land.agreement", "payment_status")
        line_states = self._labels("srm.land.agreement.line", "state")
        with_confidential = self._user_sees_confidential()
        columns = [
            column("reference", _("Reference"), "char", 13),
            column("title", _("Agreement"), "char", 24),
            column("type", _("Type"), "char", 11),
            column("holder", _("Rights holder"), "char", 18),
            column("household", _("Household"), "char", 10, doc=False),
            column("parcels", _("Parcels"), "char", 12),
            column("status", _("Status"), "char", 11),
            column("signed_on", _("Signed on"), "date", 11),
            column("signed_at", _("Signed at"), "char", 12, doc=False),
            column("witnesses", _("Witnesses"), "char", 18, doc=False),
            column("amount", _("Amount agreed"), "float", 12),
            column("paid", _("Paid"), "float", 12),
            column("due", _("Still to pay"), "float", 12),
            column("payment_status", _("Payments"), "char", 12),
            column("terms", _("Terms and conditions"), "text", 45, doc=False),
        ]
        if with_confidential:
            columns.append(column("confidential", _("Confidential"), "boolean", 10))

        def row(agreement):
            values = [
                agreement.reference,
                agreement.name,
                types.get(agreement.agreement_type, ""),
                self._link_name(agreement.partner_id, holders),
                self._link_name(agreement.household_id, households),
                ", ".join(agreement.parcel_ids.mapped("name")),
                states.get(agreement.state, ""),
                agreement.date_signed or None,
                agreement.signature_place or "",
                ", ".join(agreement.witness_ids.mapped("display_name")),
                agreement.amount_total,
                agreement.amount_paid,
                agreement.amount_due,
                payment_statuses.get(agreement.payment_status, ""),
                self._issue_text(agreement.terms),
            ]
            if with_confidential:
                values.append(agreement.is_confidential)
            return values

        # a holder or household its reader may not read is named "Restricted"
        holders = self._link_names(agreements.partner_id)
        households = self._link_names(agreements.household_id)
        ordered = agreements.sorted(lambda agreement: (agreement.reference or "", agreement.id))
        promises = ordered.line_ids.filtered(lambda line: line.kind == "in_kind" and line.state != "cancelled")
        return [
            self._records_section(
                "agreements",
                _("Agreements"),
                columns,
                ordered,
                row,
                totals={
                    "reference": _("Total: %s", len(ordered)),
                    "amount": sum(ordered.mapped("amount_total")),
                    "paid": sum(ordered.mapped("amount_paid")),
                    "due": sum(ordered.mapped("amount_due")),
                },
            ),
            self._section(
                "conditions",
                _("Promises in kind"),
                [
                    column("agreement", _("Agreement"), "char", 16),
                    column("holder", _("Rights holder"), "char", 20),
                    column("promise", _("Promise"), "char", 34),
                    column("value", _("Estimated value"), "float", 12),
                    column("due_date", _("Due date"), "date", 11),
                    column("status", _("Status"), "char", 12),
                    column("delivered_on", _("Delivered on"), "date", 11),
                    column("overdue", _("Overdue"), "boolean", 9),
                ],
                [
                    [
                        line.agreement_id.reference,
                        self._link_name(line.agreement_id.partner_id, holders),
                        line.name,
                        line.amount,
                        line.date_due,
                        line_states.get(line.state, ""),
                        line.date_done or None,
                        line.is_overdue,
                    ]
                    for line in promises
                ],
                count=len(promises),
                note=_("What the agreements promise besides money: houses, land, works, rights."),
            ),
        ]

    # ------------------------------------------------------------------
    # Households
    # ------------------------------------------------------------------

    @api.model
    def _land_step_labels(self):
        _ = self.env._
        return {
            "census": _("Census only"),
            "negotiating": _("Agreement in negotiation"),
            "signed": _("Agreement signed, compensation under way"),
            "compensated": _("Compensated"),
            "restoring": _("Livelihood being restored"),
            "restored": _("Livelihood restored"),
        }

    @api.model
    def _land_household_step(self, household):
        """Where a census household stands in its resettlement, from its agreements (those
        the user may read) and the follow-up of its livelihood."""
        if household.livelihood_status == "restored":
            return "restored"
        agreements = household.agreement_ids.filtered(lambda agreement: agreement.state != "cancelled")
        signed = agreements.filtered(lambda agreement: agreement.state == "signed")
        if signed:
            lines = signed.line_ids.filtered(lambda line: line.state != "cancelled")
            if lines and all(line.state == "done" for line in lines):
                return "restoring" if household.livelihood_status else "compensated"
            return "signed"
        return "negotiating" if agreements else "census"

    @api.model
    def _land_household_sections(self, households, detailed=True):
        _ = self.env._
        steps = self._land_step_labels()
        displacements = self._labels("srm.land.household", "displacement")
        livelihood = self._labels("srm.land.household", "livelihood_status")
        step_of = {household.id: self._land_household_step(household) for household in households}
        rows = []
        for step in HOUSEHOLD_STEPS:
            group = households.filtered(lambda household, step=step: step_of[household.id] == step)
            rows.append(
                [
                    steps[step],
                    len(group),
                    sum(group.mapped("size")),
                    len(group.filtered(lambda household: household.displacement in ("physical", "both"))),
                    len(group.filtered(lambda household: household.displacement == "economic")),
                    len(group.filtered("is_vulnerable")),
                ]
            )
        sections = [
            self._section(
                "households_by_step",
                _("Households by resettlement step"),
                [
                    column("step", _("Step"), "char", 34),
                    column("count", _("Households"), "integer", 12),
                    column("people", _("People"), "integer", 12),
                    column("physical", _("Physically displaced"), "integer", 13),
                    column("economic", _("Economically displaced only"), "integer", 13),
                    column("vulnerable", _("Vulnerable"), "integer", 12),
                ],
                rows,
                totals={
                    "step": _("Total"),
                    "count": len(households),
                    "people": sum(households.mapped("size")),
                    "physical": sum(row[3] for row in rows),
                    "economic": sum(row[4] for row in rows),
                    "vulnerable": sum(row[5] for row in rows),
                },
                note=_(
                    "A household's step comes from its agreements (in negotiation, signed, every payment and "
                    "delivery made) and from the latest follow-up of its livelihood restoration."
                ),
            )
        ]
        if detailed:
            with_confidential = self._user_sees_confidential()
            columns = [
                column("reference", _("Household"), "char", 10),
                column("head", _("Head of household"), "char", 20),
                column("project", _("Project"), "char", 16),
                column("size", _("People"), "integer", 8),
                column("displacement", _("Displacement"), "char", 18),
                column("vulnerable", _("Vulnerable"), "boolean", 9),
                column("present", _("Present at the cut-off"), "boolean", 10, doc=False),
                column("parcels", _("Parcels"), "char", 14),
                column("step", _("Step"), "char", 20),
                column("livelihood", _("Livelihood"), "char", 11),
            ]
            if with_confidential:
                columns.append(column("confidential", _("Confidential"), "boolean", 10))

            heads = self._link_names(households.head_partner_id)

            def row(household):
                values = [
                    household.name,
                    self._link_name(household.head_partner_id, heads),
                    household.project_id.display_name,
                    household.size,
                    displacements.get(household.displacement, ""),
                    household.is_vulnerable,
                    household.present_at_cutoff,
                    ", ".join(household.parcel_ids.mapped("name")),
                    steps[step_of[household.id]],
                    livelihood.get(household.livelihood_status, ""),
                ]
                if with_confidential:
                    values.append(household.is_confidential)
                return values

            sections.append(
                self._records_section(
                    "households",
                    _("Households"),
                    columns,
                    households,
                    row,
                    totals={"reference": _("Total: %s", len(households)), "size": sum(households.mapped("size"))},
                )
            )
        return sections

    @api.model
    def _land_livelihood_section(self, households):
        _ = self.env._
        measures = self.env["srm.land.livelihood.measure"].search([("household_id", "in", households.ids)])
        types = self._labels("srm.land.livelihood.measure", "measure_type")
        states = self._labels("srm.land.livelihood.measure", "state")
        rows = []
        for key, label in types.items():
            group = measures.filtered(lambda measure, key=key: measure.measure_type == key)
            if group:
                rows.append([label, len(group), *(len(group.filtered(lambda m, s=s: m.state == s)) for s in states)])
        return self._section(
            "livelihood",
            _("Livelihood restoration measures"),
            [column("type", _("Measure"), "char", 26), column("count", _("Measures"), "integer", 10)]
            + [column(state, label, "integer", 10) for state, label in states.items()],
            rows,
            totals={"type": _("Total"), "count": len(measures)}
            | {state: len(measures.filtered(lambda m, s=state: m.state == s)) for state in states},
        )

    # ------------------------------------------------------------------
    # Grievances
    # ------------------------------------------------------------------

    @api.model
    def _land_grievance_base_domains(self, filters, parcel_domain):
        """The grievances about the parcels of ``parcel_domain`` received in the period, and
        those parcels (see ``_report_base_domains``)."""
        issue_domain = self._land_issue_domain(filters)
        return [
            ("srm.issue", expression.AND([issue_domain, [("land_parcel_ids", "any", parcel_domain)]])),
            ("srm.land.parcel", expression.AND([parcel_domain, [("issue_ids", "any", issue_domain)]])),
        ]

    @api.model
    def _land_grievance_sections(self, filters, parcel_domain, detailed=True):
        """Grievances of the period about the parcels of the report, per parcel. Returns
        (sections, grievance count, confidential grievances)."""
        _ = self.env._
        Issue = self.env["srm.issue"]
        parcels = self.env["srm.land.parcel"].search(parcel_domain, order="project_id, name, id")
        domain = expression.AND([self._land_issue_domain(filters), [("land_parcel_ids", "in", parcels.ids)]])
        issues = Issue.search(domain, order="date_received, id")
        by_parcel = defaultdict(lambda: Issue)
        for issue in issues:
            for parcel in issue.land_parcel_ids & parcels:
                by_parcel[parcel] |= issue
        states = self._labels("srm.land.parcel", "state")
        rows = []
        for parcel in parcels:
            group = by_parcel.get(parcel)
            if not group:
                continue
            closed = group.filtered("is_closed")
            rows.append(
                [
                    parcel.name,
                    parcel.project_id.display_name,
                    states.get(parcel.state, ""),
                    len(group),
                    len(group - closed),
                    len(closed),
                    len(group.filtered("is_sla_breached")),
                    ", ".join(group.mapped("reference")),
                ]
            )
        sections = [
            self._section(
                "grievances_by_parcel",
                _("Grievances per parcel"),
                [
                    column("parcel", _("Parcel"), "char", 12),
                    column("project", _("Project"), "char", 18),
                    column("status", _("Parcel status"), "char", 13),
                    column("count", _("Grievances"), "integer", 11),
                    column("open", _("Open"), "integer", 9),
                    column("closed", _("Closed"), "integer", 9),
                    column("breached", _("Service level breached"), "integer", 11),
                    column("references", _("Grievances"), "char", 30),
                ],
                rows,
                count=len(rows),
                totals={
                    "parcel": _("Total"),
                    "count": len(issues),
                    "open": len(issues.filtered(lambda issue: not issue.is_closed)),
                    "closed": len(issues.filtered("is_closed")),
                    "breached": len(issues.filtered("is_sla_breached")),
                },
                note=_("A grievance about several parcels is counted under each of them, once in the total."),
            )
        ]
        if detailed:
            protect = self._protect_identities(filters)
            sections.append(
                self._section(
                    "grievances",
                    _("Grievances about land"),
                    self._columns(
                        "issue",
                        ["reference", "received", "category", "subject", "complainant", "stage", "closed"],
                    )
                    + [column("parcels", _("Parcels"), "char", 16)],
                    [
                        [
                            issue.reference,
                            self._to_local(issue.date_received),
                            issue.category_id.name or "",
                            issue.name,
                            self._issue_complainant(issue, protect),
                            issue.stage_id.name or "",
                            self._to_local(issue.date_closed),
                            ", ".join((issue.land_parcel_ids & parcels).mapped("name")),
                        ]
                        for issue in issues
                    ],
                    count=len(issues),
                )
            )
        named = 0
        if not self._protect_identities(filters):
            named = len(issues.filtered(lambda i: i.is_sensitive and not i.is_anonymous and i.complainant_partner_id))
        return sections, issues, named
