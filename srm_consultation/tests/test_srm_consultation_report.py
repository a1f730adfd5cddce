# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import html

from odoo.tests import tagged

from .test_srm_consultation_common import SrmConsultationCase


@tagged("post_install", "-at_install")
class TestSrmConsultationReport(SrmConsultationCase):
    """The "What we heard" report shows the figures of the answers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # 3 water respondents (one confidential), 1 dust respondent, 1 invitation unanswered
        cls.interview(cls, cls.ana, cls.yes, (cls.c_water,), "El agua del pozo baja cada verano.")
        cls.interview(cls, cls.ben, cls.yes, (cls.c_water, cls.c_dust), "Water monitoring, please.",
                      channel="phone")
        cls.interview(cls, cls.carla, cls.no, (cls.c_jobs,), "More local jobs.", is_confidential=True)
        cls.interview(cls, cls.dan, cls.no, (cls.c_dust,), "Dust from the trucks.", channel="phone")
        cls.consultation._srm_invite(cls.eva)
        cls.water_theme = cls.env["srm.consultation.theme"].create({
            "consultation_id": cls.consultation.id,
            "name": "Water monitoring",
            "keywords": "agua, water",
            "response": "<p>Monthly publication of the well data.</p>",
        })
        cls.consultation.action_extract_themes()

    def render(self, user=None):
        report = self.env["ir.actions.report"].with_user(user or self.env.user)
        content, _kind = report._render_qweb_html(
            "srm_consultation.srm_consultation_what_we_heard_report", self.consultation.ids
        )
        return html.fromstring(content)

    @staticmethod
    def css(node, css_class):
        """Descendants of ``node`` having ``css_class``."""
        return node.xpath(f".//*[contains(concat(' ', normalize-space(@class), ' '), ' {css_class} ')]")

    @staticmethod
    def text(nodes):
        return [" ".join(node.text_content().split()) for node in nodes]

    def test_report_figures_match_the_answers(self):
        page = self.render()
        done = self.consultation.user_input_ids.filtered(lambda a: a.state == "done")
        self.assertEqual(len(done), 4)
        self.assertEqual(self.text(self.css(page, "o_srm_respondent_count")), ["4"])
        self.assertEqual(self.text(self.css(page, "o_srm_invited_count")), ["5"])
        rows = {
            self.text(self.css(row, "o_srm_segment_name"))[0]: (
                self.text(self.css(row, "o_srm_segment_respondents"))[0],
                self.text(self.css(row, "o_srm_segment_quota"))[0],
            )
            for row in self.css(page, "o_srm_segment_row")
        }
        self.assertEqual(rows, {"Test water users": ("3", "2"), "Test road neighbours": ("1", "2")})
        channels = {
            row.get("data-channel"): self.text(self.css(row, "o_srm_channel_count"))[0]
            for row in self.css(page, "o_srm_channels")[0].xpath(".//tbody/tr")
        }
        self.assertEqual(channels, {"in_person": "2", "phone": "2"})
        themes = {
            self.text(self.css(row, "o_srm_theme_name"))[0]: row for row in self.css(page, "o_srm_theme_row")
        }
        self.assertEqual(self.text(self.css(themes["Water monitoring"], "o_srm_theme_count")), ["2"])
        self.assertIn("Monthly publication of the well data.", themes["Water monitoring"].text_content())
        # the respondents list names nobody who asked for confidentiality
        names = self.text([row.xpath("./td[1]")[0] for row in self.css(page, "o_srm_respondent_row")])
        self.assertEqual(sorted(names), ["Ana Water", "Ben Water", "Dan Dust"])
        self.assertEqual(self.text(self.css(page, "o_srm_confidential_count")), ["1"])
        # the answer table of the first question, by segment
        first = self.css(page, "o_srm_question")[0]
        yes_row = self.text(first.xpath(".//tbody/tr")[0].xpath("./td"))
        self.assertEqual(yes_row, ["Yes", "2", "0", "2"])

    def test_only_reviewed_themes_are_reported(self):
        Theme = self.env["srm.consultation.theme"]
        suggestion = Theme.create({
            "consultation_id": self.consultation.id, "name": "Trucks", "origin": "keyword", "count": 2,
        })
        dismissed = Theme.create({"consultation_id": self.consultation.id, "name": "Weather", "count": 1})
        dismissed.state = "dismissed"
        reported = [theme["name"] for theme in self.consultation._srm_what_we_heard_data()["themes"]]
        self.assertIn("Water monitoring", reported)
        self.assertNotIn("Trucks", reported, "a suggestion nobody reviewed is not reported")
        self.assertNotIn("Weather", reported, "a theme the team did not retain is not reported")
        suggestion.response = "<p>Trucks will use the bypass from March.</p>"
        reported = [theme["name"] for theme in self.consultation._srm_what_we_heard_data()["themes"]]
        self.assertIn("Trucks", reported, "once answered, it is reported with its response")

    def test_report_data_for_spreadsheets(self):
        data = self.consultation._srm_what_we_heard_data()
        self.assertEqual(data["respondent_count"], 4)
        self.assertEqual(data["invited_count"], 5)
        self.assertEqual(data["response_rate"], 80.0)
        self.assertEqual(
            [(s["name"], s["respondents"], s["quota"], s["under_represented"]) for s in data["segments"]],
            [("Test water users", 3, 2, False), ("Test road neighbours", 1, 2, True)],
        )
        self.assertEqual(data["engagement_types"], [{"name": "Interview", "count": 4}])
        self.assertEqual(data["confidential_respondent_count"], 1)
        worried = data["questions"][0]
        self.assertEqual(worried["question"], "Are you worried about water?")
        self.assertEqual([(r["label"], r["total"]) for r in worried["rows"]], [("Yes", 2), ("No", 2)])

    def test_report_for_users_without_confidential_access(self):
        page = self.render(self.user)
        self.assertEqual(self.text(self.css(page, "o_srm_respondent_count")), ["4"], "counts name nobody")
        first = self.css(page, "o_srm_question")[0]
        no_row = self.text(first.xpath(".//tbody/tr")[1].xpath("./td"))
        self.assertEqual(no_row, ["No", "0", "1", "1"], "the confidential answer is left out of the tables")
        self.assertNotIn("Carla Water", page.text_content())
