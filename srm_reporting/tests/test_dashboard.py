# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PERIOD, SrmReportingCommon


def iter_figures(data):
    """Every clickable figure of the dashboard data."""
    yield from data["kpis"]
    for dataset in data["engagements_by_month"]["datasets"]:
        yield from dataset["cells"]
    yield from data["engagements_by_month"]["totals"]
    yield from data["sentiment"]
    for grid in (data["grid"], data["not_contacted_by_quadrant"]):
        for row in grid:
            yield from row
    if data.get("issues"):
        yield data["issues"]["open"]
        for row in data["issues"]["rows"]:
            yield from row["cells"]
            yield row["total"]
    if data.get("commitments"):
        yield data["commitments"]["overdue"]
        yield from data["commitments"]["by_project"]


@tagged("post_install", "-at_install")
@freeze_time("2026-04-10 12:00:00")
class TestDashboard(SrmReportingCommon):
    def get_data(self, user=None, **filters):
        Dashboard = self.env["srm.dashboard"]
        if user:
            Dashboard = Dashboard.with_user(user)
        return Dashboard.get_data({**PERIOD, "project_ids": self.project.ids, **filters})

    def assertFiguresMatchRecords(self, data, user=None):
        env = self.env(user=user) if user else self.env
        figures = list(iter_figures(data))
        self.assertTrue(figures)
        for figure in figures:
            if figure["key"].startswith("sentiment_"):
                expected = env[figure["model"]].search(figure["domain"])
                self.assertEqual(figure["count"], len(expected), figure["key"])
                average = sum(int(e.sentiment) for e in expected) / len(expected)
                self.assertAlmostEqual(figure["value"], round(average, 2), msg=figure["key"])
            else:
                self.assertEqual(figure["value"], env[figure["model"]].search_count(figure["domain"]), figure["key"])

    def test_figures_equal_orm_counts(self):
        data = self.get_data()
        self.assertFiguresMatchRecords(data)
        kpis = {kpi["key"]: kpi["value"] for kpi in data["kpis"]}
        Engagement = self.env["srm.engagement"]
        self.assertEqual(
            kpis["engagements"],
            Engagement.search_count(
                [
                    ("project_id", "=", self.project.id),
                    ("date", ">=", "2026-01-01 00:00:00"),
                    ("date", "<=", "2026-03-31 23:59:59"),
                ]
            ),
        )
        self.assertEqual(kpis["engagements"], 4)
        self.assertEqual(
            kpis["stakeholders"],
            self.env["res.partner"].search_count(
                [("is_stakeholder", "=", True), ("srm_project_ids", "in", self.project.ids)]
            ),
        )
        # months and types
        by_month = data["engagements_by_month"]
        self.assertEqual(by_month["months"], ["2026-01-01", "2026-02-01"])
        self.assertEqual([cell["value"] for cell in by_month["totals"]], [2, 2])
        meeting = next(ds for ds in by_month["datasets"] if ds["label"] == "Meeting")
        self.assertEqual([cell["value"] for cell in meeting["cells"]], [1, 0])
        # power/interest grid: high power on top, high interest on the right
        grid = {cell["key"]: cell["value"] for row in data["grid"] for cell in row}
        self.assertEqual(grid, {"keep_satisfied": 1, "manage_closely": 1, "monitor": 0, "keep_informed": 1})
        self.assertEqual([cell["key"] for cell in data["grid"][0]], ["keep_satisfied", "manage_closely"])
        # sentiment: January (+1, -1), February (+2, 0)
        self.assertEqual([(p["value"], p["count"]) for p in data["sentiment"]], [(0.0, 2), (1.0, 2)])

    def test_not_contacted(self):
        # "today" is 2026-04-10: Alice and Bob were met less than 90 days ago; Carol only in
        # a confidential negotiation, which does not count as the last contact that every
        # user reads on her (it would tell them of the negotiation)
        data = self.get_data()
        not_contacted = next(kpi for kpi in data["kpis"] if kpi["key"] == "not_contacted")
        expected = self.env["res.partner"].search(not_contacted["domain"])
        self.assertEqual(not_contacted["value"], len(expected))
        self.assertEqual(expected, self.carol)
        with freeze_time("2026-07-01"):  # now they were all met more than 90 days ago
            data = self.get_data()
        not_contacted = next(kpi for kpi in data["kpis"] if kpi["key"] == "not_contacted")
        self.assertEqual(not_contacted["value"], 3)

    def test_figures_follow_record_rules(self):
        data = self.get_data(user=self.srm_user)
        self.assertFiguresMatchRecords(data, user=self.srm_user)
        kpis = {kpi["key"]: kpi["value"] for kpi in data["kpis"]}
        self.assertEqual(kpis["engagements"], 3)
        data = self.get_data(user=self.restricted, project_ids=[])
        self.assertFiguresMatchRecords(data, user=self.restricted)
        self.assertEqual(data["projects"], [{"id": self.project.id, "name": "[CR] Copper Ridge"}])

    def test_all_projects_and_default_period(self):
        data = self.env["srm.dashboard"].get_data({})
        self.assertEqual(data["filters"]["date_to"], "2026-04-10")
        self.assertEqual(data["filters"]["date_from"], "2025-05-01")
        self.assertFiguresMatchRecords(data)
        kpis = {kpi["key"]: kpi["value"] for kpi in data["kpis"]}
        self.assertGreaterEqual(kpis["engagements"], 6)

    def test_open_issues_by_severity_and_service_level(self):
        issues = self.get_data()["issues"]
        Issue = self.env["srm.issue"]
        self.assertEqual(
            issues["open"]["value"],
            Issue.search_count([("is_closed", "=", False), ("project_id", "=", self.project.id)]),
        )
        self.assertEqual(issues["open"]["value"], 3)
        rows = {row["label"]: [cell["value"] for cell in row["cells"]] for row in issues["rows"]}
        # columns: past a deadline, due within 7 days, on track
        self.assertEqual(rows, {"Moderate": [2, 0, 0], "Minor": [1, 0, 0]})
        self.assertEqual([row["label"] for row in issues["rows"]], ["Moderate", "Minor"])
        issues = self.get_data(user=self.srm_user)["issues"]
        self.assertEqual(issues["open"]["value"], 2)

    def test_overdue_commitments(self):
        commitments = self.get_data()["commitments"]
        Commitment = self.env["srm.commitment"]
        self.assertEqual(
            commitments["overdue"]["value"],
            Commitment.search_count([("is_overdue", "=", True), ("project_id", "=", self.project.id)]),
        )
        self.assertEqual(commitments["overdue"]["value"], 3)
        self.assertEqual([(c["label"], c["value"]) for c in commitments["by_project"]], [("[CR] Copper Ridge", 3)])
        self.assertEqual(self.get_data(user=self.srm_user)["commitments"]["overdue"]["value"], 2)

    def test_reversed_period(self):
        with self.assertRaisesRegex(UserError, "before it starts"):
            self.env["srm.dashboard"].get_data({"date_from": "2026-03-01", "date_to": "2026-01-01"})

    def test_months_in_the_time_zone_of_the_reader(self):
        """An engagement late on 31 January (UTC) is in February for a reader in Shanghai.

        When the reader's time zone is the company's, the overview groups on the
        engagements' stored local day; otherwise on their datetime, converted:
        both give the reader's months.
        """
        self.env.company.partner_id.tz = "Asia/Shanghai"
        self.env["srm.engagement"].create(
            {
                "name": "Late call",
                "engagement_type_id": self.env.ref("srm_base.srm_engagement_type_call").id,
                "date": "2026-01-31 20:00:00",
                "partner_ids": [(6, 0, self.alice.ids)],
                "project_id": self.project.id,
            }
        )
        for tz, field, totals in (("Asia/Shanghai", "date_local", [2, 3]), ("UTC", "date", [3, 2])):
            self.env.user.tz = tz
            data = self.env["srm.dashboard"].with_context(tz=tz).get_data({**PERIOD, "project_ids": self.project.ids})
            by_month = data["engagements_by_month"]
            self.assertEqual(by_month["months"], ["2026-01-01", "2026-02-01"], tz)
            self.assertEqual([cell["value"] for cell in by_month["totals"]], totals, tz)
            self.assertIn(
                field, [leaf[0] for leaf in by_month["totals"][0]["domain"] if isinstance(leaf, tuple | list)]
            )
            self.assertFiguresMatchRecords(data)

    def test_query_count(self):
        """The overview's figures come from a fixed number of queries, whatever the
        volume: the engagements are grouped once (months, types and sentiment), the
        stakeholders once, the open issues once (severity and service level) and the
        overdue commitments once. From empty caches, the companies are also looked up
        once (whether the user works in all of them, srm.scoped.figures.mixin)."""
        Dashboard = self.env["srm.dashboard"].with_user(self.srm_user)
        filters = {**PERIOD, "project_ids": self.project.ids}
        Dashboard.get_data(filters)
        # as a new request would find them, whatever the tests before this one left in the caches
        self.env.invalidate_all()
        self.env.registry.clear_cache()
        with self.assertQueryCount(45):
            data = Dashboard.get_data(filters)
        self.assertFiguresMatchRecords(data, user=self.srm_user)
