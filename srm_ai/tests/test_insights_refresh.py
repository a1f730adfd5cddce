# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import SrmAiCase

NOW = "2026-12-07 12:00:00"


class RefreshQueries:
    def _refresh_queries(self, partners):
        """The queries a refresh of the insights of ``partners`` makes, from a cold cache."""
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        partners._srm_ai_refresh_sentiment()
        self.env.flush_all()
        return self.cr.sql_log_count - before


@tagged("post_install", "-at_install")
class TestInsightsRefresh(RefreshQueries, SrmAiCase):
    """Refreshing the insights of many stakeholders at once (the monthly job, a scoring
    batch) writes them in batches, and gives each the figures it shows on its form:
    sentiment, trend, forecast, health and its reasons, monthly figures and alerts."""

    def _refresh_stakeholders(self):
        """Six stakeholders (three without texts) refreshed together; figures of before,
        all alike, are replaced."""
        Partner = self.env["res.partner"]
        owner = {"is_stakeholder": True, "user_id": self.user.id}
        quiet = Partner.create([dict(owner, name=f"Quiet neighbour {index}") for index in range(3)])
        happy = Partner.create(dict(owner, name="Happy farmer"))
        angry = Partner.create(dict(owner, name="Angry fisher", srm_influence=2, srm_interest=5))
        chief = Partner.create(dict(owner, name="Chief of the valley", srm_influence=5, srm_interest=5))
        self._engagement("Thank you, excellent meeting, we are grateful.", partners=happy, days_ago=3)
        self._engagement("Good discussion about the new school, thank you.", partners=happy, days_ago=60)
        self._engagement("We are angry, the dust is unbearable and nobody answers.", partners=angry, days_ago=140)
        self._issue("Fish dying", "The fish are dying in the river, we are furious.", partners=angry, days_ago=10)
        for days_ago, text in [
            (150, "Excellent meeting, we are very happy and grateful."),
            (90, "Some concerns about the dust, a bit disappointed."),
            (30, "Furious: the water is polluted, this is a disaster and unacceptable."),
        ]:
            self._engagement(text, partners=chief, days_ago=days_ago)
        partners = quiet | happy | angry | chief
        # figures of before, all alike, to be replaced
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE res_partner SET srm_ai_sentiment = 0.5, srm_ai_sentiment_label = 'positive', "
            "srm_ai_sentiment_trend = 'rising', srm_ai_health_score = 3, srm_ai_health_reasons = 'old' "
            "WHERE id IN %s",
            [tuple(partners.ids)],
        )
        self.env.cr.execute(
            "UPDATE srm_ai_sentiment_snapshot SET sentiment = CASE WHEN has_sentiment THEN 0.1 ELSE 0 END, "
            "item_count = CASE WHEN has_sentiment THEN 9 ELSE 0 END, "
            "health_score = CASE WHEN month = '2026-12-01' THEN 1 ELSE health_score END WHERE partner_id IN %s",
            [tuple(partners.ids)],
        )
        self.env.invalidate_all()
        partners._srm_ai_refresh_sentiment()
        self.env.flush_all()
        return partners

    def test_each_stakeholder_gets_its_own_figures(self):
        with freeze_time(NOW):
            partners = self._refresh_stakeholders()
        # read again from the database, outside the frozen time
        self.env.invalidate_all()
        quiet, happy, chief = partners[:3], partners[3], partners[5]
        nobody = {
            "srm_ai_sentiment": 0.0,
            "srm_ai_sentiment_label": False,
            "srm_ai_sentiment_trend": False,
            "srm_ai_sentiment_forecast": 0.0,
            "srm_ai_health_score": 65,
            "srm_ai_health_reasons": "No engagement recorded yet (-35).",
            "srm_ai_updated_at": datetime(2026, 12, 7, 12, 0),
        }
        self.assertRecordValues(
            partners,
            [nobody] * 3
            + [
                dict(
                    nobody,
                    srm_ai_sentiment=0.89,
                    srm_ai_sentiment_label="positive",
                    srm_ai_sentiment_trend="rising",
                    srm_ai_sentiment_forecast=0.99,
                    srm_ai_health_score=100,
                    srm_ai_health_reasons="Contacted 3 days ago, within the 120 days expected for 'Monitor'.\n"
                    "Sentiment 0.89.",
                ),
                dict(
                    nobody,
                    srm_ai_sentiment=-0.78,
                    srm_ai_sentiment_label="negative",
                    srm_ai_sentiment_trend="stable",
                    srm_ai_sentiment_forecast=-0.74,
                    srm_ai_health_score=38,
                    srm_ai_health_reasons="Last contact 140 days ago, expected every 60 days for 'Keep informed' "
                    "(-35).\nNegative sentiment (-0.78) (-20).\n1 open issue(s) (-7).",
                ),
                dict(
                    nobody,
                    srm_ai_sentiment=-0.72,
                    srm_ai_sentiment_label="negative",
                    srm_ai_sentiment_trend="falling",
                    srm_ai_sentiment_forecast=-1.0,
                    srm_ai_health_score=77,
                    srm_ai_health_reasons="Contacted 30 days ago, within the 30 days expected for 'Manage closely'.\n"
                    "Negative sentiment (-0.72) (-18).\nSentiment is falling (-5).",
                ),
            ],
        )
        december = date(2026, 12, 1)
        for partner in quiet:
            self.assertRecordValues(
                partner.srm_ai_snapshot_ids,
                [{"month": december, "sentiment": 0.0, "item_count": 0, "has_sentiment": False, "health_score": 65}],
            )
        self.assertRecordValues(
            happy.srm_ai_snapshot_ids.sorted("month"),
            [
                {
                    "month": date(2026, 10, 1),
                    "sentiment": 0.83,
                    "item_count": 1,
                    "has_sentiment": True,
                    "health_score": 0,
                },
                {"month": december, "sentiment": 0.91, "item_count": 1, "has_sentiment": True, "health_score": 100},
            ],
        )
        self.assertRecordValues(
            chief.srm_ai_snapshot_ids.sorted("month"),
            [
                {
                    "month": date(2026, 7, 1),
                    "sentiment": 0.92,
                    "item_count": 1,
                    "has_sentiment": True,
                    "health_score": 0,
                },
                {
                    "month": date(2026, 9, 1),
                    "sentiment": -0.75,
                    "item_count": 1,
                    "has_sentiment": True,
                    "health_score": 0,
                },
                {
                    "month": date(2026, 11, 1),
                    "sentiment": -0.93,
                    "item_count": 1,
                    "has_sentiment": True,
                    "health_score": 0,
                },
                {"month": december, "sentiment": 0.0, "item_count": 0, "has_sentiment": False, "health_score": 77},
            ],
        )
        # the influential stakeholder whose sentiment falls: one alert, for its owner
        alert_type = self.env.ref("srm_ai.mail_activity_type_srm_ai_alert")
        alerts = self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "in", partners.ids),
                ("activity_type_id", "=", alert_type.id),
            ]
        )
        self.assertRecordValues(
            alerts,
            [{"res_id": chief.id, "user_id": self.user.id, "summary": "Sentiment of Chief of the valley is falling"}],
        )

    def test_queries_do_not_grow_with_the_stakeholders(self):
        """The stakeholders of a batch are read and written together: refreshing twelve
        takes as many queries as refreshing three."""
        Partner = self.env["res.partner"]
        counts = []
        for size in (3, 12):
            partners = Partner.create(
                [{"name": f"Neighbour {size}-{index}", "is_stakeholder": True} for index in range(size)]
            )
            for partner in partners[: size // 3]:
                self._engagement("Thank you, excellent meeting.", partners=partner, days_ago=size)
            counts.append(self._refresh_queries(partners))
        self.assertEqual(counts[0], counts[1])


@tagged("post_install", "-at_install")
class TestInsightsOfTextsGone(RefreshQueries, SrmAiCase):
    """A month whose texts are gone from the stakeholder (deleted, made confidential,
    moved to another stakeholder) no longer shows their sentiment once the insights are
    refreshed."""

    def _insights(self, partner):
        """The Insights of the stakeholder as its owner sees them: the figures, and the
        monthly figures' list (month, sentiment, texts scored, health)."""
        partner = partner.with_user(self.user)
        figures = partner.read(["srm_ai_sentiment", "srm_ai_sentiment_label", "srm_ai_sentiment_trend"])[0]
        del figures["id"]
        monthly = (
            self.env["srm.ai.sentiment.snapshot"]
            .with_user(self.user)
            .web_search_read(
                [("partner_id", "=", partner.id)],
                {"month": {}, "sentiment": {}, "item_count": {}, "health_score": {}},
                order="month desc",
                limit=12,
            )["records"]
        )
        return figures, [
            (str(row["month"]), row["sentiment"], row["item_count"], row["health_score"]) for row in monthly
        ]

    def _refresh(self, partners):
        """The owner's Refresh button on the Insights tab, on a day of December 2026."""
        with freeze_time(NOW):
            for partner in partners:
                partner.with_user(self.user).action_srm_ai_refresh()

    def test_months_without_texts_any_more(self):
        fishers, neighbours = self.env["res.partner"].create(
            [
                {"name": "Lakeshore Fishers", "is_stakeholder": True, "user_id": self.user.id},
                {"name": "Lakeshore Neighbours", "is_stakeholder": True, "user_id": self.user.id},
            ]
        )
        with freeze_time(NOW):
            september = self._engagement(
                "Excellent meeting, we are very happy and grateful.", partners=fishers, days_ago=90
            )
            october = self._engagement(
                "Furious: the water is polluted, this is a disaster and unacceptable.", partners=fishers, days_ago=60
            )
            november = self._engagement(
                "Some concerns about the dust, a bit disappointed.", partners=fishers, days_ago=30
            )
            december = self._engagement(
                "Good discussion about the new school, thank you.", partners=fishers, days_ago=3
            )
        self._refresh(fishers)
        self.assertEqual(
            self._insights(fishers),
            (
                {"srm_ai_sentiment": 0.09, "srm_ai_sentiment_label": "positive", "srm_ai_sentiment_trend": "stable"},
                [
                    ("2026-12-01", 0.83, 1, 100),
                    ("2026-11-01", -0.75, 1, 0),
                    ("2026-10-01", -0.93, 1, 0),
                    ("2026-09-01", 0.92, 1, 0),
                ],
            ),
        )
        # the October meeting is deleted: October is no longer in the list
        october.with_user(self.manager).unlink()
        self._refresh(fishers)
        self.assertEqual(
            self._insights(fishers),
            (
                {"srm_ai_sentiment": 0.31, "srm_ai_sentiment_label": "positive", "srm_ai_sentiment_trend": "stable"},
                [("2026-12-01", 0.83, 1, 100), ("2026-11-01", -0.75, 1, 0), ("2026-09-01", 0.92, 1, 0)],
            ),
        )
        # the only text of November is made confidential: nor is November
        november.with_user(self.manager).is_confidential = True
        self._refresh(fishers)
        self.assertEqual(
            self._insights(fishers),
            (
                {"srm_ai_sentiment": 0.85, "srm_ai_sentiment_label": "positive", "srm_ai_sentiment_trend": "falling"},
                [("2026-12-01", 0.83, 1, 95), ("2026-09-01", 0.92, 1, 0)],
            ),
        )
        # the September meeting was with the neighbours, not the fishers: September moves
        september.with_user(self.manager).partner_ids = neighbours
        self._refresh(fishers | neighbours)
        self.assertEqual(
            self._insights(fishers),
            (
                {"srm_ai_sentiment": 0.83, "srm_ai_sentiment_label": "positive", "srm_ai_sentiment_trend": "stable"},
                [("2026-12-01", 0.83, 1, 100)],
            ),
        )
        self.assertEqual(
            self._insights(neighbours),
            (
                {"srm_ai_sentiment": 0.92, "srm_ai_sentiment_label": "positive", "srm_ai_sentiment_trend": "stable"},
                [("2026-12-01", 0.0, 0, 100), ("2026-09-01", 0.92, 1, 0)],
            ),
        )
        # the December meeting is deleted: December keeps its health, without sentiment
        december.with_user(self.manager).unlink()
        self._refresh(fishers)
        self.assertEqual(
            self._insights(fishers),
            (
                {"srm_ai_sentiment": 0.0, "srm_ai_sentiment_label": False, "srm_ai_sentiment_trend": False},
                [("2026-12-01", 0.0, 0, 65)],
            ),
        )

    def test_months_kept(self):
        """A month whose texts are gone keeps its health score, also a health of 0 (the
        stakeholders most at risk); a month older than the texts read (two years ago) keeps
        its figures."""
        fishers = self.env["res.partner"].create(
            {"name": "Lakeshore Fishers", "is_stakeholder": True, "user_id": self.user.id}
        )
        with freeze_time(NOW):
            self._engagement("Good discussion about the new school, thank you.", partners=fishers, days_ago=3)
        self.env["srm.ai.sentiment.snapshot"].create(
            [
                {
                    "partner_id": fishers.id,
                    "month": date(2026, 10, 1),
                    "sentiment": -0.9,
                    "item_count": 2,
                    "has_sentiment": True,
                    "health_score": 0,
                },
                {
                    "partner_id": fishers.id,
                    "month": date(2024, 12, 1),
                    "sentiment": 0.4,
                    "item_count": 3,
                    "has_sentiment": True,
                },
            ]
        )
        self._refresh(fishers)
        self.assertEqual(
            self._insights(fishers)[1],
            [("2026-12-01", 0.83, 1, 100), ("2026-10-01", 0.0, 0, 0), ("2024-12-01", 0.4, 3, 0)],
        )

    def test_queries_do_not_grow_with_the_months_gone(self):
        """The months gone of the stakeholders of a batch are reset together: refreshing
        twelve stakeholders that lost texts takes as many queries as refreshing three."""
        Partner = self.env["res.partner"]
        counts = []
        for size in (3, 12):
            with freeze_time(NOW):
                partners = Partner.create(
                    [{"name": f"Neighbour {size}-{index}", "is_stakeholder": True} for index in range(size)]
                )
                engagements = self.env["srm.engagement"]
                for index, partner in enumerate(partners):
                    older = self._engagement("Thank you, excellent meeting.", partners=partner, days_ago=40)
                    recent = self._engagement("We are angry, nobody answers.", partners=partner, days_ago=3)
                    # half of them lose their October text, the others their December one
                    engagements |= older if index % 2 else recent
                partners._srm_ai_refresh_sentiment()
                engagements.unlink()
                counts.append(self._refresh_queries(partners))
            self.assertEqual(
                [len(partner.srm_ai_snapshot_ids.filtered("has_sentiment")) for partner in partners], [1] * size
            )
        self.assertEqual(counts[0], counts[1])
