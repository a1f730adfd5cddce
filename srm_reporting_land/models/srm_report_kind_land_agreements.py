# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.osv import expression


class SrmReportKindLandAgreements(models.AbstractModel):
    """Land agreements: signed (in the period), pending, and the conditions they set."""

    _name = "srm.report.kind.land_agreements"
    _inherit = "srm.report.builder"
    _description = "SRM Report: Land Agreements"
    _report_kind = "land_agreements"
    _report_period_optional = True
    _report_landscape = True

    @api.model
    def _land_agreements_domain(self, filters):
        """The agreements of the report: with a period, those signed in it and those still
        pending (draft or in negotiation); without, every agreement."""
        domain = self._land_agreement_domain(filters)
        if filters.get("date_from") or filters.get("date_to"):
            signed = [("state", "=", "signed"), *self._date_period_domain("date_signed", filters)]
            domain = expression.AND([domain, expression.OR([signed, [("state", "in", ["draft", "negotiation"])]])])
        return domain

    @api.model
    def _report_base_domains(self, filters):
        """The agreements, and the parcels and households they name."""
        domain = self._land_agreements_domain(filters)
        return [
            ("srm.land.agreement", domain),
            ("srm.land.parcel", [("agreement_ids", "any", domain)]),
            ("srm.land.household", [("agreement_ids", "any", domain)]),
        ]

    @api.model
    def _build_report(self, filters):
        _ = self.env._
        domain = self._land_agreements_domain(filters)
        agreements = self.env["srm.land.agreement"].search(domain)
        signed = agreements.filtered(lambda agreement: agreement.state == "signed")
        pending = agreements.filtered(lambda agreement: agreement.state in ("draft", "negotiation"))
        return {
            "title": _("Land agreements"),
            "note": _(
                "Agreements with rights holders (with a period: those signed in it, and those still being "
                "negotiated), what they agree to pay and the conditions they set."
            ),
            "record_count": len(agreements),
            "confidential_count": self._confidential_count("srm.land.agreement", domain),
            "sections": [
                *self._land_agreement_summary_sections(agreements),
                *self._land_agreement_sections(agreements),
            ],
            "highlights": [
                {"label": _("Signed"), "value": len(signed), "type": "integer"},
                {"label": _("Pending"), "value": len(pending), "type": "integer"},
                {"label": _("Amount agreed"), "value": sum(signed.mapped("amount_total")), "type": "float"},
                {"label": _("Paid"), "value": sum(signed.mapped("amount_paid")), "type": "float"},
            ],
        }
