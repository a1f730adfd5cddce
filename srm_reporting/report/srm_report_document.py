# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo import api, models
from odoo.exceptions import UserError


class ReportSrmDocument(models.AbstractModel):
    """Values of the SRM reports printed as documents: the QWeb PDF reports and
    the py3o (ODT, DOCX) templates share them.

    The report is produced for an ``srm.report.log``; its filters come from the
    rendering data or, when a report is printed again from its log, from the
    filters stored in the log.
    """

    _name = "report.srm_reporting.report_srm_document"
    _description = "SRM Report Document"

    @api.model
    def _get_report_values(self, docids, data=None):
        logs = self.env["srm.report.log"].browse(docids)
        filters = (data or {}).get("filters")
        if not filters:
            if not logs:
                raise UserError(self.env._("Produce stakeholder reports from the report wizard."))
            filters = json.loads(logs[0].filters_json or "{}")
        builder = self.env["srm.report.builder"]
        built = self.env.context.get("srm_built_report")
        # the report its log was made from, when the log is being produced (see the
        # spreadsheet's); built again from the filters when a log is printed again
        report = builder._materialize(built if built and built.get("filters") == filters else builder._build(filters))
        provenance = self.env._(
            "Produced by %(user)s on %(date)s.",
            user=report["generated_by"],
            date=builder._display(report["generated_on"], "datetime"),
        )
        if logs:
            provenance += " " + self.env._(
                "Report reference %(ref)s: its SHA-256 digest is kept in the report audit trail, where any "
                "copy of this file can be verified.",
                ref=logs[0].id,
            )
        report["provenance"] = provenance
        return {
            "doc_ids": docids,
            "doc_model": "srm.report.log",
            "docs": logs,
            "report": report,
            "provenance": provenance,
            "company": report["company"],
        }
