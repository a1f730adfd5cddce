# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import hashlib
import json
import uuid

from odoo import models
from odoo.tools.misc import formatLang

# formats that print every row in a document: the document size limit applies to them
XLSX = "xlsx"
TEMPLATE_FORMATS = ("odt", "docx", "pdf_template")
JOB_PRIORITY = 5  # ahead of scheduled batches (priority 10) on the same channel


class SrmReportWizard(models.TransientModel):
    _inherit = "srm.report.wizard"

    def action_generate(self):
        """Small reports are produced at once; larger ones by a job, whose file lands in the
        report archive and whose author is notified with a link to it."""
        self.ensure_one()
        rows = self._srm_report_rows()
        if rows <= self.env["srm.report.log"]._srm_report_row_threshold():
            return super().action_generate()
        return self._srm_enqueue_report(rows)

    def _srm_report_template(self):
        return self.py3o_template_id if self.output_format in TEMPLATE_FORMATS else self.env["py3o.template"]

    def _srm_report_rows(self):
        """Rows of the report the wizard describes, counted as the user (record rules
        apply); refuses at once what the job would refuse (bad filters, a document too long
        to print, a format this server cannot produce, a template nobody approved)."""
        self.ensure_one()
        filters = self._get_filters()
        self.env["srm.report.log"]._check_output_available(self.output_format)
        template = self._srm_report_template()
        if template:
            template._srm_check_usable()
        # counted as the job builds it: in the company the report is filed under alone
        builder = self.env["srm.report.log"]._in_report_company().env["srm.report.builder"]
        report = builder._build(filters)
        if self.output_format != XLSX:
            builder._check_document_size(report)
        rows = 0
        for section in report["sections"]:
            count = section.get("count")
            if count is None and isinstance(section.get("rows"), list | tuple):
                count = len(section["rows"])
            rows += count or 0
        return rows

    def _srm_enqueue_report(self, rows):
        """Hand the report to a job on root.srm, run as this user (never sudo), in the
        company the report is filed under alone (the current one), as the report is
        produced at once."""
        self.ensure_one()
        filters = self._get_filters()
        template = self._srm_report_template()
        request = json.dumps(
            [self.env.uid, self.env.company.id, filters, self.output_format, template.id], sort_keys=True
        )
        Log = self.env["srm.report.log"]._in_report_company()
        description = self.env._(
            "Report %(kind)s for %(user)s",
            kind=dict(self._fields["report_kind"]._description_selection(self.env))[self.report_kind],
            user=self.env.user.name,
        )
        Log.with_delay(
            channel="root.srm",
            priority=JOB_PRIORITY,
            description=description,
            # the same report asked for twice while the first is waiting is produced once
            identity_key="srm_report:" + hashlib.sha1(request.encode()).hexdigest(),
        )._srm_job_generate_report(
            filters, self.output_format, py3o_template_id=template.id or False, request_key=uuid.uuid4().hex
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "title": self.env._("Report on its way"),
                "message": self.env._(
                    "This report holds %(rows)s rows: it is produced in the background. "
                    "We will notify you when it is ready; it will be in the report archive.",
                    rows=formatLang(self.env, rows, digits=0),
                ),
                "sticky": False,
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
