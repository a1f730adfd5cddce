# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
from urllib.parse import quote

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from ..models.srm_report_log import ReportRendering
from .common import PERIOD
from .test_report_confidential_scope import SrmReportScopeCommon

# the renderers of the SRM reports: (method, report, arguments after the report)
XLSX = "srm_reporting.srm_report_xlsx"
PDF = "srm_reporting.srm_report_engagement_log_pdf"
ODT = "srm_reporting.srm_report_engagement_log_odt"


class SrmReportRoutesCommon(SrmReportScopeCommon):
    """A report of the user with Confidential access without the confidential engagement
    (left out), and the manager's engagement log with it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Log = cls.env["srm.report.log"]
        cls.shared = Log.with_user(cls.confidential_user)._generate(
            {**PERIOD, "kind": "engagement_log", "project_ids": cls.project.ids, "exclude_confidential": True},
            "xlsx",
        )
        cls.secret = Log.with_user(cls.manager)._generate(
            {**PERIOD, "kind": "engagement_log", "project_ids": cls.project.ids}, "xlsx"
        )
        # filters of the request's choosing: the whole log, confidential engagements included
        cls.asked = {**PERIOD, "kind": "engagement_log", "project_ids": [], "exclude_confidential": False}


@tagged("post_install", "-at_install")
class TestReportRenderers(SrmReportRoutesCommon):
    """The renderers print the report a log is being produced from by the archive, and
    nothing else: neither filters of a request's choosing, nor a log filed already (its
    file is in the archive), nor a log their user may not read."""

    def render(self, user, renderer, ids, data=None, context=None):
        Report = self.env["ir.actions.report"].with_user(user).with_context(**(context or {}))
        if renderer == "xlsx":
            return Report._render_xlsx(XLSX, ids, data)
        if renderer == "html":
            return Report._render_qweb_html(PDF, ids, data=data)
        if renderer == "pdf":
            return Report._render_qweb_pdf(PDF, ids, data=data)
        return Report.with_context(srm_report=True)._render_py3o(ODT, ids, data=data)

    def assertRefused(self, user, ids, data=None, context=None, error=UserError):
        for renderer in ("xlsx", "html", "pdf", "odt"):
            with self.subTest(user=user.login, renderer=renderer, ids=ids):
                with self.assertRaises(error) as refused:
                    self.render(user, renderer, ids, data=data, context=context)
                if error is UserError:
                    self.assertIn("report audit trail", str(refused.exception))

    def test_no_report_of_the_request_filters(self):
        for ids in (self.shared.ids, []):
            self.assertRefused(self.confidential_user, ids, data={"filters": self.asked})
            self.assertRefused(self.manager, ids, data={"filters": self.asked})

    def test_no_filed_report_printed_again(self):
        self.assertRefused(self.confidential_user, self.shared.ids)
        self.assertRefused(self.manager, self.secret.ids)
        self.assertRefused(self.srm_user, self.shared.ids)

    def test_no_log_its_user_may_not_read(self):
        for user in (self.srm_user, self.auditor, self.restricted):
            self.assertRefused(user, self.secret.ids, error=AccessError)
            self.assertRefused(user, self.secret.ids, data={"filters": self.asked}, error=AccessError)

    def test_report_of_a_request_context_is_refused(self):
        """What a request may put in a context (JSON: dictionaries, lists, numbers) is no
        report being filed."""
        forged = {"log_id": self.shared.id, "report": {"filters": self.asked, "sections": []}}
        context = {"srm_report_rendering": forged, "srm_built_report": forged["report"]}
        self.assertRefused(self.confidential_user, self.shared.ids, context=context)
        self.assertRefused(self.confidential_user, [], data={"filters": self.asked}, context=context)

    def test_a_report_being_filed_is_rendered_for_its_log_only(self):
        report = self.env["srm.report.builder"].with_user(self.manager)._build(self.log_filters(self.secret))
        filing = {"srm_report_rendering": ReportRendering(self.secret.id, report)}
        content, extension = self.render(self.manager, "xlsx", self.secret.ids, context=filing)
        self.assertEqual(extension, "xlsx")
        self.assertTrue(content.startswith(b"PK"))
        # not for another log, nor for several
        self.assertRefused(self.manager, self.shared.ids, context=filing)
        self.assertRefused(self.manager, (self.secret | self.shared).ids, context=filing)


@tagged("post_install", "-at_install")
class TestReportRoutesHttp(SrmReportRoutesCommon, HttpCase):
    """The report routes (/report/<converter>/...) render no SRM report: the archive hands
    out the files it filed."""

    def get(self, login, url):
        self.authenticate(login, login)
        return self.url_open(url)

    def assertRouteRefused(self, response, status=400):
        self.assertEqual(response.status_code, status)
        self.assertFalse(response.content.startswith(b"PK"))
        for text in (b"SECRET", b"Village meeting on dust", b"Report reference"):
            self.assertNotIn(text, response.content)

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule")
    def test_routes_with_filters_of_the_request(self):
        options = quote(json.dumps({"filters": self.asked}))
        login = self.confidential_user.login
        for url in (
            f"/report/xlsx/srm_reporting.report_srm_xlsx/{self.shared.id}?options={options}",
            f"/report/xlsx/srm_reporting.report_srm_xlsx?options={options}",
            f"/report/pdf/srm_reporting.report_srm_document/{self.shared.id}?options={options}",
            f"/report/html/srm_reporting.report_srm_document/{self.shared.id}",
            f"/report/py3o/srm_reporting.report_srm_document/{self.shared.id}?options={options}",
        ):
            with self.subTest(url=url):
                self.assertRouteRefused(self.get(login, url))

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule")
    def test_routes_with_a_request_context(self):
        forged = {"log_id": self.shared.id, "report": {"filters": self.asked, "sections": []}}
        context = quote(json.dumps({"srm_report_rendering": forged, "srm_built_report": forged["report"]}))
        response = self.get(
            self.confidential_user.login,
            f"/report/html/srm_reporting.report_srm_document/{self.shared.id}?context={context}",
        )
        self.assertRouteRefused(response)

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule")
    def test_routes_of_a_log_the_user_may_not_read(self):
        for converter, report in (("pdf", "report_srm_document"), ("xlsx", "report_srm_xlsx")):
            with self.subTest(converter=converter):
                response = self.get(self.srm_user.login, f"/report/{converter}/srm_reporting.{report}/{self.secret.id}")
                self.assertRouteRefused(response, status=403)
