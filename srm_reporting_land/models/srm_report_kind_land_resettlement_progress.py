# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class SrmReportKindLandResettlementProgress(models.AbstractModel):
    """The resettlement progress report for lenders and regulators (IFC PS5): land access,
    compensation, agreements, households, livelihood restoration and grievances in one
    document, figures only (the detailed lists are in the other land reports)."""

    _name = "srm.report.kind.land_resettlement_progress"
    _inherit = "srm.report.builder"
    _description = "SRM Report: Resettlement Progress"
    _report_kind = "land_resettlement_progress"
    _report_period_optional = True
    _report_landscape = True

    @api.model
    def _report_base_domains(self, filters):
        """The parcels, households (and the agreements their steps come from), agreements
        (and their payments and deliveries) and the grievances about the parcels."""
        parcel_domain = self._land_parcel_domain(filters)
        household_domain = self._land_household_domain(filters)
        return [
            ("srm.land.parcel", parcel_domain),
            ("srm.land.household", household_domain),
            ("srm.land.agreement", self._land_agreement_domain(filters)),
            ("srm.land.agreement", [("household_id", "any", household_domain)]),
            *self._land_grievance_base_domains(filters, parcel_domain),
        ]

    @api.model
    def _build_report(self, filters):
        _ = self.env._
        parcel_domain = self._land_parcel_domain(filters)
        household_domain = self._land_household_domain(filters)
        agreement_domain = self._land_agreement_domain(filters)
        line_domain = self._land_line_domain(filters)
        parcels = self.env["srm.land.parcel"].search(parcel_domain)
        households = self.env["srm.land.household"].search(household_domain, order="project_id, name, id")
        agreements = self.env["srm.land.agreement"].search(agreement_domain)
        lines = self.env["srm.land.agreement.line"].search(line_domain)
        figures = self._land_payment_figures(lines)
        grievance_sections, issues, named = self._land_grievance_sections(filters, parcel_domain, detailed=False)
        accessed = parcels.filtered(lambda parcel: parcel.state in ("accessed", "restored"))
        steps = [self._land_household_step(household) for household in households]
        key_figures = [
            (_("Parcels"), len(parcels), "integer"),
            (_("Parcels accessed"), len(accessed), "integer"),
            (_("Area (ha)"), sum(parcels.mapped("area_ha")), "float"),
            (_("Census households"), len(households), "integer"),
            (_("People in census households"), sum(households.mapped("size")), "integer"),
            (
                _("Households physically displaced"),
                len(households.filtered(lambda h: h.displacement in ("physical", "both"))),
                "integer",
            ),
            (_("Vulnerable households"), len(households.filtered("is_vulnerable")), "integer"),
            (_("Households whose livelihood is restored"), steps.count("restored"), "integer"),
            (_("Agreements signed"), len(agreements.filtered(lambda a: a.state == "signed")), "integer"),
            (
                _("Agreements pending"),
                len(agreements.filtered(lambda a: a.state in ("draft", "negotiation"))),
                "integer",
            ),
            (_("Compensation agreed"), figures["agreed"], "float"),
            (_("Compensation paid"), figures["paid"], "float"),
            (_("Compensation still to pay"), figures["due"], "float"),
            (_("Overdue payments and deliveries"), figures["overdue_count"], "integer"),
            (_("Grievances about land"), len(issues), "integer"),
            (_("Grievances about land still open"), len(issues.filtered(lambda i: not i.is_closed)), "integer"),
        ]
        confidential = (
            self._confidential_count("srm.land.parcel", parcel_domain)
            + self._confidential_count("srm.land.household", household_domain)
            + self._confidential_count("srm.land.agreement", agreement_domain)
            + len(issues.filtered("is_confidential"))
        )
        sections = [
            self._fields_section("key_figures", _("Key figures"), key_figures),
            self._land_status_by_project_section(parcel_domain),
            *self._land_compensation_sections(lines, detailed=False),
            self._land_agreement_summary_sections(agreements)[0],
            *self._land_household_sections(households, detailed=False),
            self._land_livelihood_section(households),
            *grievance_sections,
        ]
        return {
            "title": _("Resettlement progress report"),
            "note": _(
                "Progress of land acquisition and resettlement (IFC Performance Standard 5): land access, "
                "agreements and compensation, census households and the restoration of their livelihood, "
                "grievances about land."
            ),
            "record_count": len(parcels) + len(households) + len(agreements),
            "confidential_count": confidential,
            "protected_count": named,
            "sections": sections,
            "highlights": [
                {"label": _("Parcels accessed"), "value": self._share(len(accessed), len(parcels)), "type": "percent"},
                {
                    "label": _("Compensation paid"),
                    "value": self._share(figures["paid"], figures["agreed"]),
                    "type": "percent",
                },
                {"label": _("Overdue payments and deliveries"), "value": figures["overdue_count"], "type": "integer"},
                {"label": _("Grievances about land"), "value": len(issues), "type": "integer"},
            ],
        }
