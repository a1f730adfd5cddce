# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged

from .common import SrmAiCase


@tagged("post_install", "-at_install")
class TestSentiment(SrmAiCase):
    def test_engagement_scored_on_save_and_on_change(self):
        engagement = self._engagement("The villagers thanked us, the meeting was excellent.")
        self.assertEqual(engagement.ai_sentiment_label, "positive")
        self.assertGreater(engagement.ai_sentiment_score, 0)
        self.assertEqual(engagement.ai_sentiment_lang, "en")
        engagement.summary = "Les villageois sont furieux : la poussière est insupportable."
        self.assertEqual(engagement.ai_sentiment_label, "negative")
        self.assertEqual(engagement.ai_sentiment_lang, "fr")
        self.assertFalse(self._engagement("").ai_sentiment_label, "no text, no sentiment")

    def test_issue_description_scored(self):
        issue = self._issue("Agua", "El agua del pozo está contaminada, estamos muy preocupados y enojados.")
        self.assertEqual(issue.ai_sentiment_label, "negative")
        self.assertEqual(issue.ai_sentiment_lang, "es")

    def test_batches_resume_where_they_stopped(self):
        engagements = self.env["srm.engagement"].with_context(srm_ai_no_score=True)
        records = engagements.browse()
        for index in range(5):
            records |= engagements.create(
                {
                    "name": f"Call {index}",
                    "engagement_type_id": self.meeting_type.id,
                    "partner_ids": [(6, 0, self.village.ids)],
                    "summary": f"Very bad experience, we are disappointed {index}.",
                }
            )
        self.assertFalse(any(records.mapped("ai_scored_at")))
        Engagement = self.env["srm.engagement"]
        stale_before = Engagement._srm_ai_count_stale()
        self.assertGreaterEqual(stale_before, 5)
        # an interrupted run: a first batch of 2, then the job stops
        self.assertEqual(Engagement._srm_ai_score_batch(limit=2), 2)
        self.assertEqual(Engagement._srm_ai_count_stale(), stale_before - 2)
        # the cron goes on with what is left, one batch per call, reporting progress
        service = self.env["srm.ai.service"].with_context(srm_ai_no_queue=True)
        for _call in range(1000):
            if not service._cron_srm_ai_score(batch_size=50):
                break
        self.assertEqual(service._srm_ai_count_stale(), 0)
        self.assertEqual(set(records.mapped("ai_sentiment_label")), {"negative"})
        # a later change makes the record stale again
        records[0].with_context(srm_ai_no_score=True).summary = "Excellent, thank you!"
        records[0].flush_recordset()
        self.env.cr.execute(
            "UPDATE srm_engagement SET write_date = ai_scored_at + interval '1 second' WHERE id = %s", [records[0].id]
        )
        self.assertEqual(Engagement._srm_ai_count_stale(), 1)
        service._cron_srm_ai_score(batch_size=10)
        records[0].invalidate_recordset()
        self.assertEqual(records[0].ai_sentiment_label, "positive")

    def test_stakeholder_email_scored(self):
        engagement = self._engagement("Meeting notes.", partners=self.farmer)
        engagement.message_post(
            body="Nous sommes très mécontents, personne ne répond à nos plaintes.",
            author_id=self.farmer.id,
            message_type="email",
            subtype_xmlid="mail.mt_comment",
        )
        score = self.env["srm.ai.message.score"].search([("partner_id", "=", self.farmer.id)])
        self.assertEqual(len(score), 1)
        self.assertEqual(score.label, "negative")
        self.assertEqual(score.res_model, "srm.engagement")
        # internal notes by employees are not stakeholder sentiment
        engagement.message_post(body="Terrible!", message_type="comment", subtype_xmlid="mail.mt_note")
        self.assertEqual(self.env["srm.ai.message.score"].search_count([("res_id", "=", engagement.id)]), 1)

    def test_stakeholder_trend_forecast_and_alert(self):
        texts = [
            (5, "Excellent meeting, we are very happy and grateful."),
            (4, "Good discussion, thank you."),
            (3, "Some concerns about the dust, a bit disappointed."),
            (2, "We are angry, the dust is unbearable and nobody answers."),
            (1, "Furious: the water is polluted, this is a disaster and unacceptable."),
        ]
        for months_ago, text in texts:
            self._engagement(text, months_ago=months_ago)
        village = self.village
        self.assertEqual(village.srm_ai_sentiment_trend, "falling")
        self.assertEqual(village.srm_ai_sentiment_label, "negative")
        self.assertLess(village.srm_ai_sentiment_forecast, 0)
        months = village.srm_ai_snapshot_ids.filtered("has_sentiment")
        self.assertEqual(len(months), 5)
        first_month = (fields.Date.today() - relativedelta(months=5)).replace(day=1)
        self.assertGreater(months.filtered(lambda s: s.month == first_month).sentiment, 0)
        alert_type = self.env.ref("srm_ai.mail_activity_type_srm_ai_alert")
        alerts = village.activity_ids.filtered(lambda a: a.activity_type_id == alert_type)
        self.assertEqual(len(alerts), 1)
        self.assertEqual(alerts.user_id, self.user, "the relationship owner gets the alert")
        # idempotent: refreshing again does not add a second alert
        village._srm_ai_refresh_sentiment()
        self._engagement("Still very angry.", months_ago=0)
        self.assertEqual(len(village.activity_ids.filtered(lambda a: a.activity_type_id == alert_type)), 1)
        # a low-influence stakeholder gets no alert
        for months_ago, text in texts:
            self._engagement(text, partners=self.farmer, months_ago=months_ago)
        self.assertEqual(self.farmer.srm_ai_sentiment_trend, "falling")
        self.assertFalse(self.farmer.activity_ids.filtered(lambda a: a.activity_type_id == alert_type))

    def test_monthly_cron_refreshes_everybody(self):
        self._engagement("Very good cooperation.", partners=self.farmer)
        self.farmer.write({"srm_ai_sentiment_label": False, "srm_ai_health_score": 0})
        partners = self.env["res.partner"]
        partners._cron_srm_ai_refresh_insights()
        # with less than a batch of stakeholders one call does them all
        self.assertEqual(self.farmer.srm_ai_sentiment_label, "positive")
        self.assertGreater(self.farmer.srm_ai_health_score, 0)
