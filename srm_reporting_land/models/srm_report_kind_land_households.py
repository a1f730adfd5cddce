# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class SrmReportKindLandHouseholds(models.AbstractModel):
    """Census households at each step of their resettlement, and their livelihood measures."""

    _name = "srm.report.kind.land_households"
    _inherit = "srm.report.builder"
    _description = "SRM Report: Households by Resettlement Step"
    _report_kind = "land_households"
    _report_period_optional = True
    _report_landscape = True

    @api.model
    def _report_base_domains(self, filters):
        """The households, the agreements their steps come from and the parcels they name."""
        domain = self._land_household_domain(filters)
        return [
            ("srm.land.household", domain),
            ("srm.land.agreement", [("household_id", "any", domain)]),
            ("srm.land.parcel", [("household_ids", "any", domain)]),
        ]

    @api.model
    def _build_report(self, filters):
        _ = self.env._
        domain = self._land_household_domain(filters)
        households = self.env["srm.land.household"].search(domain, order="project_id, name, id")
        return {
            "title": _("Households by resettlement step"),
            "note": _("The census households of the projects and where each stands in its resettlement today."),
            "record_count": len(households),
            "confidential_count": self._confidential_count("srm.land.household", domain),
            "sections": [*self._land_household_sections(households), self._land_livelihood_section(households)],
            "highlights": [
                {"label": _("Households"), "value": len(households), "type": "integer"},
                {"label": _("People"), "value": sum(households.mapped("size")), "type": "integer"},
                {
                    "label": _("Physically displaced"),
                    "value": len(households.filtered(lambda h: h.displacement in ("physical", "both"))),
                    "type": "integer",
                },
                {"label": _("Vulnerable"), "value": len(households.filtered("is_vulnerable")), "type": "integer"},
            ],
        }
