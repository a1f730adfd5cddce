# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import new_test_user, tagged

from .common import SrmAiCase

FIGURES = [
    "srm_ai_sentiment",
    "srm_ai_sentiment_label",
    "srm_ai_sentiment_trend",
    "srm_ai_health_score",
    "srm_ai_health_reasons",
    "srm_last_engagement_date",
    "srm_days_since_contact",
]


@tagged("post_install", "-at_install")
class TestScopedFigures(SrmAiCase):
    """A stakeholder shared by two projects: its stored sentiment, relationship health and
    last engagement count the records of both. A user restricted to one of the projects
    reads them computed from that project's records only, on every path; users who may
    read every record read the stored figures."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.road = cls.env["srm.project"].create({"name": "Hillside Road", "code": "HSR"})
        cls.village.srm_project_ids = [Command.set((cls.project | cls.road).ids)]
        # the mine's project: one warm meeting three months ago
        cls.mine_meeting = cls._engagement(
            "Excellent cooperation, thank you, we are very happy with the new school.", months_ago=3
        )
        # the road's project: two angry meetings last month, an open grievance, a late commitment
        cls.road_meetings = cls._engagement(
            "The council is furious about the dust, very angry, this is unacceptable.",
            months_ago=1,
            project_id=cls.road.id,
        ) | cls._engagement(
            "Terrible noise at night, the villagers are angry and disappointed.",
            months_ago=1,
            days_ago=1,
            project_id=cls.road.id,
        )
        cls.road_issue = cls._issue("Dust on the road", "Trucks raise dust all day.", project_id=cls.road.id)
        cls.road_commitment = cls._overdue_commitment("Water the road twice a day", cls.village)
        cls.road_commitment.project_id = cls.road
        cls.village._srm_ai_refresh_sentiment(alert=False)
        cls.member = new_test_user(
            cls.env,
            login="srm_ai_scoped_member",
            name="Mina Member",
            groups="srm_base.group_srm_restricted,base.group_allow_export",
            srm_project_ids=[Command.set(cls.project.ids)],
        )

    def _as(self, user, records=None):
        return (records or self.village).with_user(user)

    def test_stored_figures_count_both_projects(self):
        """What the review found: the stored figures, read before by every reader."""
        stored = self.village.read(FIGURES)[0]
        self.assertEqual(stored["srm_ai_sentiment_label"], "negative")
        self.assertEqual(stored["srm_last_engagement_date"], self.road_meetings[0].date)
        self.assertIn("open issue", stored["srm_ai_health_reasons"])
        self.assertIn("overdue commitment", stored["srm_ai_health_reasons"])
        # a user who may read every record reads them as stored
        self.assertEqual(self._as(self.user).read(FIGURES)[0], stored)
        self.assertEqual(self._as(self.auditor).read(FIGURES)[0], stored)

    def test_restricted_user_reads_figures_of_their_project(self):
        stored = self.village.read(FIGURES)[0]
        figures = self._as(self.member).read(FIGURES)[0]
        self.assertEqual(figures["srm_ai_sentiment_label"], "positive")
        self.assertGreater(figures["srm_ai_sentiment"], 0)
        self.assertEqual(figures["srm_last_engagement_date"], self.mine_meeting.date)
        self.assertEqual(figures["srm_days_since_contact"], (fields.Date.today() - self.mine_meeting.date.date()).days)
        self.assertNotIn("open issue", figures["srm_ai_health_reasons"])
        self.assertNotIn("overdue commitment", figures["srm_ai_health_reasons"])
        self.assertNotIn("Negative", figures["srm_ai_health_reasons"])
        self.assertNotEqual(figures["srm_ai_health_score"], stored["srm_ai_health_score"])
        # the same through every read of the web client and RPC
        spec = {fname: {} for fname in FIGURES}
        self.assertEqual(self._as(self.member).web_read(spec)[0], dict(figures))
        Partner = self.env["res.partner"].with_user(self.member)
        self.assertEqual(Partner.search_read([("id", "=", self.village.id)], FIGURES)[0], figures)
        page = Partner.web_search_read([("id", "=", self.village.id)], spec)["records"][0]
        self.assertEqual(page, dict(figures))
        exported = self._as(self.member).export_data(
            ["srm_ai_sentiment_label", "srm_last_engagement_date", "srm_ai_health_score"]
        )["datas"][0]
        self.assertEqual(exported[0], "Positive")
        self.assertEqual(exported[1], self.mine_meeting.date)
        self.assertEqual(exported[2], figures["srm_ai_health_score"])
        # the stored values stay in the cache for whoever reads next in the transaction
        self.assertEqual(self.village.read(FIGURES)[0], stored)
        self.assertEqual(self.village.srm_ai_sentiment_label, "negative")

    def test_restricted_user_searches_sorts_and_groups_on_their_figures(self):
        Partner = self.env["res.partner"].with_user(self.member)
        mine = [("id", "=", self.village.id)]
        self.assertEqual(Partner.search(mine + [("srm_ai_sentiment_label", "=", "positive")]), self.village)
        self.assertFalse(Partner.search(mine + [("srm_ai_sentiment_label", "=", "negative")]))
        self.assertFalse(Partner.search(mine + [("srm_last_engagement_date", ">", self.mine_meeting.date)]))
        self.assertEqual(
            Partner.search(mine + [("srm_last_engagement_date", "=", self.mine_meeting.date)]), self.village
        )
        self.assertFalse(Partner.search(mine + ["!", ("srm_ai_sentiment", ">", 0)]))
        # the stakeholders list's filter "not contacted for 90 days" (srm_base)
        limit = fields.Datetime.now() - relativedelta(days=40)
        self.assertEqual(Partner.search_count(mine + [("srm_last_engagement_date", "<", limit)]), 1)
        self.assertEqual(self.env["res.partner"].search_count(mine + [("srm_last_engagement_date", "<", limit)]), 0)
        # sorted on their figures: a stakeholder of their project only, less warm than the village for them
        other = self.env["res.partner"].create(
            {"name": "Lakeside Fishers", "is_stakeholder": True, "srm_project_ids": [Command.set(self.project.ids)]}
        )
        self._engagement("Meeting about the fishing season schedule.", partners=other, days_ago=3)
        other._srm_ai_refresh_sentiment(alert=False)
        both = [("id", "in", (self.village | other).ids)]
        self.assertEqual(Partner.search(both, order="srm_ai_sentiment desc"), self.village | other)
        self.assertEqual(self.env["res.partner"].search(both, order="srm_ai_sentiment desc"), other | self.village)
        self.assertEqual(Partner.search(both, order="srm_last_engagement_date asc"), self.village | other)
        groups = Partner.read_group(mine, ["srm_ai_sentiment:avg"], ["srm_ai_sentiment_label"])
        self.assertEqual([group["srm_ai_sentiment_label"] for group in groups], ["positive"])
        figures = self._as(self.member).read(["srm_ai_sentiment"])[0]
        self.assertAlmostEqual(groups[0]["srm_ai_sentiment"], figures["srm_ai_sentiment"], places=2)
        days = Partner._read_group(mine, ["srm_days_since_contact"], ["__count"])
        self.assertEqual(days, [((fields.Date.today() - self.mine_meeting.date.date()).days, 1)])

    def test_monthly_figures_of_their_project(self):
        Snapshot = self.env["srm.ai.sentiment.snapshot"].with_user(self.member)
        mine_month = self.mine_meeting.date.date().replace(day=1)
        road_month = self.road_meetings[0].date.date().replace(day=1)
        this_month = fields.Date.today().replace(day=1)
        stored = self.env["srm.ai.sentiment.snapshot"].search([("partner_id", "=", self.village.id)])
        self.assertEqual(set(stored.mapped("month")), {mine_month, road_month, this_month})
        # the road's month is not theirs at all; the mine's has its sentiment, and no
        # health (an earlier month's cannot be computed again); this month's health is theirs
        rows = Snapshot.search_read(
            [("partner_id", "=", self.village.id)],
            ["month", "sentiment", "item_count", "has_sentiment", "health_score"],
        )
        by_month = {row["month"]: row for row in rows}
        self.assertEqual(set(by_month), {mine_month, this_month})
        self.assertTrue(by_month[mine_month]["has_sentiment"])
        self.assertEqual(by_month[mine_month]["item_count"], 1)
        self.assertGreater(by_month[mine_month]["sentiment"], 0)
        self.assertFalse(by_month[mine_month]["health_score"])
        health = self._as(self.member).read(["srm_ai_health_score"])[0]["srm_ai_health_score"]
        self.assertEqual(by_month[this_month]["health_score"], health)
        self.assertEqual(
            Snapshot.search([("partner_id", "=", self.village.id), ("has_sentiment", "=", True)]).mapped("month"),
            [mine_month],
        )
        # the chart of the "Health" button
        action = self._as(self.member).action_srm_ai_trend()
        groups = Snapshot.read_group(
            action["domain"] + [("has_sentiment", "=", True)], ["sentiment:avg"], ["month:month"]
        )
        self.assertEqual(len(groups), 1)
        self.assertGreater(groups[0]["sentiment"], 0)
        # users who may read every record read the stored months
        self.assertEqual(
            self.env["srm.ai.sentiment.snapshot"].with_user(self.user).search([("partner_id", "=", self.village.id)]),
            stored,
        )

    def test_brief_strategy_and_recommendations_of_their_project(self):
        Briefing = self.env["srm.ai.briefing"].with_user(self.member)
        brief = Briefing.create({"partner_id": self.village.id})
        facts = brief._srm_ai_facts(*brief._srm_ai_records())
        self.assertEqual(facts["last_date"], self.mine_meeting.date)
        self.assertGreater(facts["sentiment"], 0)
        self.assertNotEqual(facts["trend_code"], "falling")
        self.assertEqual([month for month, _value in facts["series"]], [self.mine_meeting.date.strftime("%Y-%m")])
        self.assertFalse([reason for reason in facts["health_reasons"] if "open issue" in reason])
        brief.action_prepare()
        self.assertNotIn("unacceptable", brief.body)
        strategy = self.env["srm.ai.strategy"].with_user(self.member).create({"partner_id": self.village.id})
        lines = strategy._offline_lines(self.village.with_user(self.member), self.env["srm.engagement"])
        self.assertFalse([line for line in lines if "falling" in line or "negative" in line])
        # a recommendation drawn from both projects' records is not theirs to read
        rule = self.env.ref("srm_ai.srm_ai_recommendation_rule_falling")
        found = rule._match(self.company)
        self.assertIn(self.village, found)
        created = rule._run(self.company)
        recommendation = created.filtered(lambda r: r.partner_id == self.village)
        self.assertTrue(recommendation)
        self.assertNotIn("Sentiment", recommendation.activity_id.note or "")
        Recommendation = self.env["srm.ai.recommendation"].with_user(self.member)
        self.assertFalse(Recommendation.search([("id", "=", recommendation.id)]))
        self.assertFalse(Recommendation.read_group([("id", "=", recommendation.id)], ["partner_id"], ["partner_id"]))
        self.assertEqual(
            self.env["srm.ai.recommendation"].with_user(self.user).search([("id", "=", recommendation.id)]),
            recommendation,
        )

    def test_figures_read_in_batch(self):
        """A page of stakeholders is read with the same queries whatever its size."""
        partners = self.env["res.partner"].create(
            [
                {
                    "name": f"Shared {index}",
                    "is_stakeholder": True,
                    "srm_project_ids": [Command.set((self.project | self.road).ids)],
                }
                for index in range(12)
            ]
        )
        for partner in partners:
            self._engagement("Thank you for the meeting, very good.", partners=partner, days_ago=5)
            self._engagement("Angry about the dust.", partners=partner, days_ago=2, project_id=self.road.id)
        partners._srm_ai_refresh_sentiment(alert=False)

        def queries(records):
            records.env.invalidate_all()
            before = self.env.cr.sql_log_count
            values = records.with_user(self.member).read(FIGURES)
            return self.env.cr.sql_log_count - before, values

        queries(partners[3:6])  # what the first read of a user looks up once (rules, groups)
        few, _values = queries(partners[:3])
        many, values = queries(partners)
        self.assertEqual(few, many)
        self.assertEqual({row["srm_ai_sentiment_label"] for row in values}, {"positive"})


@tagged("post_install", "-at_install")
class TestScopedFiguresCompanies(SrmAiCase):
    """A stakeholder without a company is shared by every company: a user of one company
    reads its figures computed from that company's records only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Andes Copper S.A."})
        cls.other_project = cls.env["srm.project"].create(
            {"name": "Andes Mine", "code": "AND", "company_id": cls.other_company.id}
        )
        cls.farmer.srm_project_ids = [Command.set((cls.project | cls.other_project).ids)]
        cls.here = cls._engagement(
            "We are furious, the water is polluted, unacceptable.", partners=cls.farmer, days_ago=2
        )
        cls.there = cls._engagement(
            "Excellent meeting, thank you, we are very happy.",
            partners=cls.farmer,
            days_ago=20,
            company_id=cls.other_company.id,
            project_id=cls.other_project.id,
        )
        cls.farmer._srm_ai_refresh_sentiment(alert=False)
        cls.andes_user = new_test_user(
            cls.env,
            login="srm_ai_andes_user",
            groups="srm_base.group_srm_user",
            company_id=cls.other_company.id,
            company_ids=[Command.set(cls.other_company.ids)],
        )

    def test_user_of_one_company_reads_its_figures(self):
        self.assertFalse(self.farmer.company_id)
        stored = self.farmer.read(FIGURES)[0]
        self.assertEqual(stored["srm_ai_sentiment_label"], "negative")
        self.assertEqual(stored["srm_last_engagement_date"], self.here.date)
        Partner = self.env["res.partner"].with_user(self.andes_user).with_company(self.other_company)
        figures = Partner.browse(self.farmer.id).read(FIGURES)[0]
        self.assertEqual(figures["srm_ai_sentiment_label"], "positive")
        self.assertEqual(figures["srm_last_engagement_date"], self.there.date)
        self.assertFalse(Partner.search([("id", "=", self.farmer.id), ("srm_ai_sentiment_label", "=", "negative")]))
        # a manager working in both companies reads the stored figures
        manager = self.manager
        manager.company_ids = [Command.link(self.other_company.id)]
        both = self.farmer.with_user(manager).with_context(allowed_company_ids=[self.company.id, self.other_company.id])
        self.assertEqual(both.read(FIGURES)[0], stored)
        # working in one of them only, they read that company's
        here_only = self.farmer.with_user(manager).with_context(allowed_company_ids=[self.company.id])
        self.assertEqual(here_only.read(["srm_last_engagement_date"])[0]["srm_last_engagement_date"], self.here.date)
        self.assertEqual(here_only.read(["srm_ai_sentiment_label"])[0]["srm_ai_sentiment_label"], "negative")
