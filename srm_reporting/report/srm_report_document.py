# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ReportSrmDocument(models.AbstractModel):
    """Values of the SRM reports printed as documents: the QWeb PDF reports and
    the py3o (ODT, DOCX) templates share them.

    The report printed is the one an ``srm.report.log`` is being produced from, by the
    archive (``srm.report.log._render_content``); a report route asked for anything else
    is refused (see ``srm.report.log._srm_report_being_filed``).
    """

    _name = "report.srm_reporting.report_srm_document"
    _description = "SRM Report Document"

    @api.model
    def _get_report_values(self, docids, data=None):
        log = self.env["srm.report.log"].browse(docids)
        builder = self.env["srm.report.builder"]
        report = builder._materialize(log._srm_report_being_filed())
        provenance = self.env._(
            "Produced by %(user)s on %(date)s.",
            user=report["generated_by"],
            date=builder._display(report["generated_on"], "datetime"),
        )
        provenance += " " + self.env._(
            "Report reference %(ref)s: its SHA-256 digest is kept in the report audit trail, where any "
            "copy of this file can be verified.",
            ref=log.id,
        )
        report["provenance"] = provenance
        return {
            "doc_ids": docids,
            "doc_model": "srm.report.log",
            "docs": log,
            "report": report,
            "provenance": provenance,
            "company": report["company"],
        }
