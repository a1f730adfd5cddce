# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.osv import expression


class SrmReportKindLandCompensation(models.AbstractModel):
    """Compensation agreed, paid and still due, per rights holder and household, and
    every payment and delivery of the signed agreements."""

    _name = "srm.report.kind.land_compensation"
    _inherit = "srm.report.builder"
    _description = "SRM Report: Compensation Paid and Due"
    _report_kind = "land_compensation"
    _report_period_optional = True
    _report_landscape = True

    @api.model
    def _report_base_domains(self, filters):
        """The agreements of the payments and deliveries, and the households they name."""
        agreements = self._land_compensation_agreement_domain(filters)
        return [
            ("srm.land.agreement", agreements),
            ("srm.land.household", [("agreement_ids", "any", agreements)]),
        ]

    @api.model
    def _land_compensation_agreement_domain(self, filters):
        return expression.AND(
            [self._land_agreement_domain(filters), [("line_ids", "any", self._land_line_domain(filters))]]
        )

    @api.model
    def _build_report(self, filters):
        _ = self.env._
        line_domain = self._land_line_domain(filters)
        lines = self.env["srm.land.agreement.line"].search(line_domain)
        figures = self._land_payment_figures(lines)
        agreement_domain = self._land_compensation_agreement_domain(filters)
        return {
            "title": _("Compensation paid and due"),
            "note": _(
                "The payments and deliveries of the signed agreements (with a period: those due or made in "
                "it): what was agreed, paid and is still to pay, per rights holder and per household."
            ),
            "record_count": len(lines),
            "confidential_count": self._confidential_count("srm.land.agreement", agreement_domain),
            "sections": self._land_compensation_sections(lines),
            "highlights": [
                {"label": _("Compensation agreed"), "value": figures["agreed"], "type": "float"},
                {"label": _("Paid"), "value": figures["paid"], "type": "float"},
                {"label": _("Still to pay"), "value": figures["due"], "type": "float"},
                {"label": _("Overdue amount"), "value": figures["overdue"], "type": "float"},
                {"label": _("Overdue payments and deliveries"), "value": figures["overdue_count"], "type": "integer"},
            ],
        }
