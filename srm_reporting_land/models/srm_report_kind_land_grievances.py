# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class SrmReportKindLandGrievances(models.AbstractModel):
    """Grievances received in the period about the parcels, per parcel."""

    _name = "srm.report.kind.land_grievances"
    _inherit = "srm.report.builder"
    _description = "SRM Report: Grievances per Parcel"
    _report_kind = "land_grievances"
    _report_period_optional = True
    _report_landscape = True

    @api.model
    def _report_base_domains(self, filters):
        return self._land_grievance_base_domains(filters, self._land_parcel_domain(filters))

    @api.model
    def _build_report(self, filters):
        _ = self.env._
        parcel_domain = self._land_parcel_domain(filters)
        sections, issues, named = self._land_grievance_sections(filters, parcel_domain)
        parcels = {row[0] for row in sections[0]["rows"]}
        return {
            "title": _("Grievances per parcel"),
            "note": _("Issues and grievances about the parcels, received in the period, per parcel."),
            "record_count": len(issues),
            "confidential_count": len(issues.filtered("is_confidential"))
            + self._confidential_count("srm.land.parcel", [*parcel_domain, ("issue_ids", "in", issues.ids)]),
            "protected_count": named,
            "sections": sections,
            "highlights": [
                {"label": _("Grievances about land"), "value": len(issues), "type": "integer"},
                {"label": _("Parcels concerned"), "value": len(parcels), "type": "integer"},
                {"label": _("Still open"), "value": len(issues.filtered(lambda i: not i.is_closed)), "type": "integer"},
            ],
        }
