# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class SrmReportKindLandStatus(models.AbstractModel):
    """Parcels per status of the access process, by project, and the list of parcels."""

    _name = "srm.report.kind.land_status"
    _inherit = "srm.report.builder"
    _description = "SRM Report: Land Access Status"
    _report_kind = "land_status"
    _report_period_optional = True
    _report_landscape = True

    @api.model
    def _report_base_domains(self, filters):
        """The parcels, the households counted on them and the agreements whose amounts
        they add up."""
        domain = self._land_parcel_domain(filters)
        return [
            ("srm.land.parcel", domain),
            ("srm.land.household", [("parcel_ids", "any", domain)]),
            ("srm.land.agreement", [("parcel_ids", "any", domain)]),
        ]

    @api.model
    def _build_report(self, filters):
        _ = self.env._
        Parcel = self.env["srm.land.parcel"]
        domain = self._land_parcel_domain(filters)
        parcels = Parcel.search(domain)
        agreed = parcels.filtered(lambda parcel: parcel.state in ("agreed", "compensated", "accessed", "restored"))
        accessed = parcels.filtered(lambda parcel: parcel.state in ("accessed", "restored"))
        return {
            "title": _("Land access status"),
            "note": _(
                "The parcels the projects need and where each stands along the access process today: "
                "identified, surveyed, negotiating, agreed, compensated, accessed, restored."
            ),
            "record_count": len(parcels),
            "confidential_count": self._confidential_count("srm.land.parcel", domain),
            "sections": [self._land_status_by_project_section(domain), self._land_parcel_section(domain)],
            "highlights": [
                {"label": _("Parcels"), "value": len(parcels), "type": "integer"},
                {"label": _("Area (ha)"), "value": sum(parcels.mapped("area_ha")), "type": "float"},
                {"label": _("Agreed or beyond"), "value": self._share(len(agreed), len(parcels)), "type": "percent"},
                {"label": _("Accessed"), "value": self._share(len(accessed), len(parcels)), "type": "percent"},
            ],
        }
