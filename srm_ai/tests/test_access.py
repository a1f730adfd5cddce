# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SrmAiCase


@tagged("post_install", "-at_install")
class TestAccess(SrmAiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.srm_ai_provider_api_key = "sk-very-secret"
        cls.log = cls.env["srm.ai.call.log"].create(
            {
                "user_id": cls.manager.id,
                "company_id": cls.company.id,
                "purpose": "briefing",
                "status": "failed",
                "error_kind": "auth",
            }
        )
        cls.public = cls._engagement("Excellent meeting, thank you.")
        cls.secret = cls._engagement("We are furious.", is_confidential=True)

    def test_api_key_readable_by_managers_only(self):
        company = self.company.with_user(self.user)
        with self.assertRaises(AccessError):
            company.read(["srm_ai_provider_api_key"])
        self.assertNotIn("srm_ai_provider_api_key", company.fields_get())
        self.assertEqual(self.company.with_user(self.manager).srm_ai_provider_api_key, "sk-very-secret")
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.srm_ai_provider_api_key, "sk-very-secret")
        self.assertEqual(
            self.env["res.config.settings"]._fields["srm_ai_provider_api_key"].groups, "srm_base.group_srm_manager"
        )

    def test_call_log_readable_by_managers_and_auditors_only(self):
        with self.assertRaises(AccessError):
            self.env["srm.ai.call.log"].with_user(self.user).search([])
        self.assertIn(self.log, self.env["srm.ai.call.log"].with_user(self.manager).search([]))
        self.assertIn(self.log, self.env["srm.ai.call.log"].with_user(self.auditor).search([]))
        with self.assertRaises(AccessError):
            self.log.with_user(self.auditor).write({"status": "success"})
        with self.assertRaises(AccessError):
            self.env["srm.ai.call.log"].with_user(self.manager).create(
                {"user_id": self.manager.id, "company_id": self.company.id, "purpose": "test", "status": "success"}
            )

    def test_scores_follow_record_rules(self):
        Engagement = self.env["srm.engagement"]
        for user in (self.user, self.auditor):
            found = Engagement.with_user(user).search([("ai_sentiment_label", "!=", False)])
            self.assertIn(self.public, found)
            self.assertNotIn(self.secret, found)
            groups = Engagement.with_user(user)._read_group(
                [("id", "in", (self.public | self.secret).ids)], ["ai_sentiment_label"], ["__count"]
            )
            self.assertEqual(dict(groups), {"positive": 1})
        found = Engagement.with_user(self.manager).search([("ai_sentiment_label", "=", "negative")])
        self.assertIn(self.secret, found)
        # scores are computed, never typed in
        self.assertTrue(Engagement._fields["ai_sentiment_score"].readonly)
        # the stored embedding stays out of reach of normal users
        with self.assertRaises(AccessError):
            self.public.with_user(self.user).read(["ai_embedding"])

    def test_message_scores_of_confidential_records_hidden(self):
        self.secret.message_post(
            body="We are very angry.", author_id=self.village.id, message_type="email",
            subtype_xmlid="mail.mt_comment",
        )
        self.public.message_post(
            body="Thank you, excellent!", author_id=self.village.id, message_type="email",
            subtype_xmlid="mail.mt_comment",
        )
        Score = self.env["srm.ai.message.score"]
        self.assertEqual(Score.with_user(self.user).search([("partner_id", "=", self.village.id)]).mapped("label"),
                         ["positive"])
        self.assertEqual(len(Score.with_user(self.manager).search([("partner_id", "=", self.village.id)])), 2)
        with self.assertRaises(AccessError):
            Score.with_user(self.user).search([], limit=1).write({"score": 1})
