# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_insights_page_tour(self):
        """The monthly insights and recommendations of a stakeholder are read when the
        Insights page is opened: the last twelve months, then its recommendations."""
        stakeholder = self.env["res.partner"].create({"name": "Insights Stakeholder", "is_stakeholder": True})
        month = fields.Date.today().replace(day=1)
        self.env["srm.ai.sentiment.snapshot"].create(
            [
                {
                    "partner_id": stakeholder.id,
                    "month": month - relativedelta(months=i),
                    "sentiment": 0.25,
                    "item_count": 100 + i,
                    "health_score": 50,
                }
                for i in range(18)
            ]
        )
        self.env["srm.ai.recommendation"].create(
            {
                "partner_id": stakeholder.id,
                "rule_id": self.env.ref("srm_ai.srm_ai_recommendation_rule_no_contact").id,
                "reason": "Insights tour reason",
            }
        )
        self.start_tour(
            f"/odoo/action-srm_base.res_partner_action_stakeholder/{stakeholder.id}",
            "srm_ai_insights_tour",
            login="admin",
        )
