# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..jobs import notify_job_user, retry_on_concurrency

_logger = logging.getLogger(__name__)

DEFAULT_REPORT_ROW_THRESHOLD = 5000


class SrmReportLog(models.Model):
    _inherit = "srm.report.log"

    srm_request_key = fields.Char(
        string="Request",
        readonly=True,
        index="btree_not_null",
        copy=False,
        help="Key of the background job that produced the report: the job produces it once.",
    )

    @api.model
    def _srm_report_row_threshold(self):
        # sudo: a setting of the system, read by everybody who produces a report
        param = self.env["ir.config_parameter"].sudo().get_param("srm_queue_job.report_row_threshold")
        try:
            return int(param) if param else DEFAULT_REPORT_ROW_THRESHOLD
        except ValueError:
            return DEFAULT_REPORT_ROW_THRESHOLD

    @api.model
    def _srm_job_generate_report(self, filters, output_format, py3o_template_id=False, request_key=False):
        """Produce a report asked for in the report wizard (a job on ``root.srm``), file it
        in the report archive and tell its author where it is.

        The job runs as the user who asked for the report, in the company that was current
        then (alone: the report holds that company's records only), with their language
        and time zone, exactly as the synchronous path: record rules decide what the file
        holds and who may open it. Run twice, it files the report once.
        """
        if request_key:
            # sudo: the author's own earlier run of this job, whatever they may read today
            done = self.sudo().search([("srm_request_key", "=", request_key), ("user_id", "=", self.env.uid)], limit=1)
            if done:
                return f"report already filed: log {done.id}"
        template = self.env["py3o.template"].browse(py3o_template_id) if py3o_template_id else None
        try:
            with retry_on_concurrency(self.env, "report job"):
                log = self._generate(
                    filters,
                    output_format,
                    py3o_template=template,
                    extra_vals={"srm_request_key": request_key or False},
                )
        except UserError as exc:
            # what the user would have read in the wizard: a retry would not change it
            self._srm_notify_report_failed(filters, exc.args[0] if exc.args else str(exc))
            return f"report not produced: {exc}"
        log._srm_notify_report_ready()
        return f"report filed: log {log.id}, {log.record_count} records"

    @api.model
    def _srm_job_found_dead__srm_job_generate_report(self, job):
        """A report whose job queue_job's runner found dead (the server stopped while it
        ran, too many times) failed without any message: its author is told to ask for it
        again, unless it was filed before (see queue.job._srm_cron_notify_found_dead)."""
        request_key = job.kwargs.get("request_key")
        # sudo: the author's own report, whatever they may read today (as in the job)
        if request_key and self.sudo().search_count(
            [("srm_request_key", "=", request_key), ("user_id", "=", self.env.uid)], limit=1
        ):
            return
        filters = job.args[0] if job.args else job.kwargs.get("filters") or {}
        self._srm_notify_report_failed(
            filters,
            self.env._(
                "The server stopped while producing it, several times, and it is not tried again: ask for it "
                "again, and tell your administrator if it happens again."
            ),
        )

    def _srm_notify_report_ready(self):
        """Tell the author, in their inbox (or by email, as they chose), that the report is
        in the archive, with a link to it."""
        self.ensure_one()
        url = f"{self.get_base_url()}/odoo/{self._name}/{self.id}"
        body = Markup("<p>%s</p><p><a href='%s'>%s</a></p>") % (
            self.env._("Your report %(name)s is ready: %(count)s records.", name=self.name, count=self.record_count),
            url,
            self.env._("Open the archived report"),
        )
        self._srm_notify_author(body, self.env._("Your report is ready"), res_id=self.id)

    @api.model
    def _srm_notify_report_failed(self, filters, reason):
        kind = self.env["srm.report.builder"]._kind_label(filters.get("kind")) if filters.get("kind") else ""
        body = Markup("<p>%s</p><p>%s</p>") % (
            self.env._("Your report %(kind)s could not be produced.", kind=kind),
            reason,
        )
        self._srm_notify_author(body, self.env._("Your report could not be produced"))

    @api.model
    def _srm_notify_author(self, body, subject, res_id=False):
        notify_job_user(self.env, subject, body, model=self._name if res_id else False, res_id=res_id)
