# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
from contextlib import contextmanager

from odoo import Command
from odoo.tests import HttpCase, tagged


@contextmanager
def quiet_logger(name):
    """Keep the stderr chatter of an external program (wkhtmltopdf) out of the test log."""
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls.env["srm.project"].create({"name": "Tour Ridge", "code": "TOUR"})
        cls.stakeholder = cls.env["res.partner"].create(
            {"name": "Tour Stakeholder", "is_stakeholder": True, "srm_influence": 5, "srm_interest": 5}
        )
        cls.env["srm.engagement"].create(
            {
                "name": "Tour engagement",
                "partner_ids": [Command.set(cls.stakeholder.ids)],
                "project_id": cls.project.id,
                "engagement_type_id": cls.env.ref("srm_base.srm_engagement_type_meeting").id,
                "sentiment": "1",
            }
        )

    def test_dashboard_tour(self):
        self.start_tour(
            "/odoo/action-srm_reporting.srm_dashboard_action", "srm_reporting_dashboard_tour", login="admin"
        )

    def test_real_pdf(self):
        """With wkhtmltopdf installed, the PDF is a real PDF document."""
        Report = self.env["ir.actions.report"]
        if Report.get_wkhtmltopdf_state() != "ok":
            self.skipTest("wkhtmltopdf is not installed")
        with quiet_logger("odoo.addons.base.models.ir_actions_report"):
            log = (
                self.env["srm.report.log"]
                .with_context(force_report_rendering=True)
                ._generate(
                    {
                        "kind": "engagement_log",
                        "project_ids": self.project.ids,
                        "date_from": "2020-01-01",
                        "date_to": "2099-12-31",
                    },
                    "pdf",
                )
            )
        self.assertTrue(log.file_name.endswith(".pdf"))
        self.assertEqual(log.attachment_id.raw[:5], b"%PDF-")
        self.assertEqual(log.attachment_id.mimetype, "application/pdf")
