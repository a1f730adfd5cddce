# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class SrmAiBriefingReport(models.AbstractModel):
    """The printed meeting brief: only for those who may read the brief."""

    _name = "report.srm_ai.srm_ai_briefing_report"
    _description = "Meeting Brief Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["srm.ai.briefing"].browse(docids)
        # the author, or a colleague it was shared with who may read everything it quotes
        docs.check_access("read")
        return {"doc_ids": docs.ids, "doc_model": "srm.ai.briefing", "docs": docs}
