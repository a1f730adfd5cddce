# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import SrmIssueCase, dt


@tagged("post_install", "-at_install")
class TestSrmIssueFlow(SrmIssueCase):
    """The life of an issue: reference, priority, stages, messages, links and figures."""

    def test_reference_priority_and_team(self):
        with freeze_time("2026-05-04 10:00:00"):
            first = self._issue(team_id=False, date_received=dt("2026-05-04 08:00"))
            second = self._issue(severity="4", likelihood="4", date_received=dt("2026-05-04 09:00"))
        self.assertRegex(first.reference, r"^GRV-2026-\d{4}$")
        self.assertEqual(int(second.reference[-4:]), int(first.reference[-4:]) + 1)
        self.assertEqual(second.display_name, f"{second.reference} Dust on the school")
        self.assertEqual(self.env["srm.issue"].name_search(second.reference)[0][0], second.id)
        # severity x likelihood -> stored priority
        cases = {("1", "1"): "0", ("1", "3"): "1", ("2", "2"): "1", ("2", "3"): "2", ("3", "3"): "2", ("4", "3"): "3"}
        for (severity, likelihood), priority in cases.items():
            first.write({"severity": severity, "likelihood": likelihood})
            self.assertEqual(first.priority, priority, f"{severity} x {likelihood}")
        # the category's team is proposed
        water_team = self.env["srm.issue.team"].create({"name": "Water desk"})
        self.cat_water.team_id = water_team
        third = self.Issue.create({"name": "Brown water", "category_id": self.cat_water.id})
        self.assertEqual(third.team_id, water_team)
        # another company numbers its issues on its own
        company2 = self.env["res.company"].create({"name": "Other Mining Co"})
        other = self.Issue.with_company(company2).create(
            {"name": "Water", "company_id": company2.id, "date_received": dt("2026-05-04 09:00")}
        )
        self.assertEqual(other.reference, "GRV-2026-0001")

    def test_stages_stamp_dates_and_notify_complainant(self):
        self.complainant.lang = "en_US"
        with freeze_time("2026-03-02 09:00:00"):
            issue = self._issue(date_received=dt("2026-03-02 08:00"))
            self.assertEqual(issue.stage_id, self.stage_new)
            self.assertIn(self.complainant, issue.message_partner_ids, "the complainant follows the issue")
        comment = self.env.ref("mail.mt_comment")
        with freeze_time("2026-03-02 11:00:00"):
            issue.stage_id = self.stage_ack
            self.assertEqual(issue.date_acknowledged, dt("2026-03-02 11:00"))
            ack = issue.message_ids.filtered(lambda m: m.subtype_id == comment)
            self.assertEqual(len(ack), 1)
            self.assertIn(issue.reference, ack.subject)
            self.assertIn("registered under the reference", ack.body)
            self.assertEqual(ack.partner_ids, self.complainant)
        with freeze_time("2026-03-05 11:00:00"):
            issue.write({"proposed_response": "<p>We will water the road twice a day.</p>"})
            self.assertEqual(issue.date_response_proposed, dt("2026-03-05 11:00"))
            issue.stage_id = self.stage_proposed
            self.assertEqual(issue.date_investigated, dt("2026-03-05 11:00"))
            proposal = issue.message_ids.filtered(lambda m: m.subtype_id == comment)[0]
            self.assertIn("We will water the road twice a day.", proposal.body)
            issue.with_context(srm_acceptance="accepted").action_set_acceptance()
            self.assertEqual(issue.response_acceptance, "accepted")
        with freeze_time("2026-03-09 11:00:00"):
            issue.stage_id = self.stage_resolved
            self.assertEqual(issue.date_resolved, dt("2026-03-09 11:00"))
            with self.assertRaises(ValidationError, msg="closing needs an outcome"):
                issue.stage_id = self.stage_closed
            issue.write({"stage_id": self.stage_closed.id, "outcome": "resolved_accepted", "satisfaction": "4"})
            self.assertTrue(issue.is_closed)
            self.assertAlmostEqual(issue.close_days, 7.125)
        with freeze_time("2026-03-20 11:00:00"):
            issue.write({"stage_id": self.stage_appealed.id, "appeal_reason": "The road is still dusty."})
            self.assertEqual(issue.date_appeal, dt("2026-03-20 11:00"))
            self.assertFalse(issue.is_closed)
            self.assertFalse(issue.date_closed, "an appealed issue is open again")
            self.assertEqual(issue.date_resolved, dt("2026-03-09 11:00"), "the first resolution stays on record")
        # escalation schedules a review for the team leader
        issue.stage_id = self.stage_escalated
        self.assertIn(self.user_manager, issue.activity_ids.user_id)

    def test_acknowledgement_in_complainant_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(["srm_issues"], ["fr_FR"], overwrite=True)
        self.complainant.lang = "fr_FR"
        issue = self._issue()
        issue.stage_id = self.stage_ack
        ack = issue.message_ids.filtered(lambda m: m.subtype_id == self.env.ref("mail.mt_comment"))
        self.assertIn("enregistré", ack.body)
        self.assertIn("nous avons bien reçu", ack.subject)

    def test_internal_note_is_not_public(self):
        issue = self._issue()
        issue.message_post(body="Internal: the complainant is the mayor's cousin", subtype_xmlid="mail.mt_note")
        issue.message_post(body="We will visit on Monday", subtype_xmlid="mail.mt_comment", message_type="comment")
        bodies = " ".join(str(m["body"]) for m in issue._srm_public_status()["messages"])
        self.assertIn("We will visit on Monday", bodies)
        self.assertNotIn("cousin", bodies)

    def test_raise_issue_from_engagement(self):
        engagement = self.env["srm.engagement"].create(
            {
                "name": "Village meeting on road safety",
                "engagement_type_id": self.env.ref("srm_base.srm_engagement_type_call").id,
                "partner_ids": [Command.set(self.village.ids)],
                "project_id": self.project_a.id,
                "summary": "Trucks drive too fast <near> the school",
                "date": dt("2026-02-10 14:00"),
            }
        )
        action = engagement.action_srm_create_issue()
        issue = self.env["srm.issue"].browse(action["res_id"])
        self.assertEqual(issue.name, "Village meeting on road safety")
        self.assertEqual(issue.channel, "phone")
        self.assertEqual(issue.project_id, self.project_a)
        self.assertEqual(issue.partner_ids, self.village)
        self.assertEqual(issue.complainant_id, self.village)
        self.assertEqual(issue.date_received, dt("2026-02-10 14:00"))
        self.assertIn("&lt;near&gt;", issue.description)
        self.assertEqual(engagement.issue_count, 1)
        self.assertEqual(self.village.srm_issue_count, 1)
        self.assertEqual(self.village.srm_issue_ids, issue)
        self.assertEqual(engagement.issue_ids, issue)

    def test_quick_create_form(self):
        form = Form(self.env["srm.issue"], view="srm_issues.srm_issue_view_form_quick_create")
        form.name = "Cracks in the wall after blasting"
        form.category_id = self.env.ref("srm_issues.srm_issue_category_noise")
        form.channel = "phone"
        form.complainant_id = self.complainant
        issue = form.save()
        self.assertTrue(issue.reference.startswith("GRV-"))
        self.assertEqual(issue.stage_id, self.stage_new)
        self.assertEqual(issue.with_user(self.user_manager).complainant_partner_id, self.complainant)

    def test_auditor_figures(self):
        Issue = self.env["srm.issue"]
        with freeze_time("2026-01-05 09:00:00"):
            jan_on_time = self._issue(date_received=dt("2026-01-05 09:00"), project_id=self.project_b.id)
            jan_late = self._issue(date_received=dt("2026-01-05 09:00"), project_id=self.project_b.id)
            self._issue(
                category_id=self.cat_water.id, date_received=dt("2026-01-05 09:00"), project_id=self.project_b.id
            )
            self._issue(
                date_received=dt("2026-01-05 09:00"), project_id=self.project_b.id, grievance_scope="worker"
            )
        with freeze_time("2026-01-06 09:00:00"):
            jan_on_time.stage_id = self.stage_ack
        with freeze_time("2026-01-20 09:00:00"):
            jan_late.stage_id = self.stage_ack
            jan_on_time.write({"stage_id": self.stage_closed.id, "outcome": "upheld"})
        with freeze_time("2026-02-02 10:00:00"):
            self._issue(date_received=dt("2026-02-02 09:00"), project_id=self.project_b.id)
        domain = [("project_id", "=", self.project_b.id)]
        figures = Issue.get_sla_figures(domain)
        dust_jan = next(
            f for f in figures if f["category_id"] == self.cat_dust and f["date_received"] == date(2026, 1, 1)
        )
        # worker grievances are counted too for the company's own figures (the caller sees them)
        self.assertEqual(dust_jan["received"], 3)
        self.assertEqual(dust_jan["acknowledged"], 2)
        self.assertEqual(dust_jan["acknowledged_on_time"], 1)
        self.assertEqual(dust_jan["ack_on_time_share"], 50.0)
        self.assertEqual(dust_jan["closed"], 1)
        self.assertEqual(dust_jan["avg_days_to_close"], 15.0)
        water_jan = next(f for f in figures if f["category_id"] == self.cat_water)
        self.assertEqual(water_jan["received"], 1)
        self.assertIsNone(water_jan["ack_on_time_share"])
        self.assertIsNone(water_jan["avg_days_to_close"])
        self.assertEqual(sum(f["received"] for f in figures), 5)
        # an auditor reads the same figures, without the worker grievance
        auditor_figures = Issue.with_user(self.user_auditor).get_sla_figures(domain)
        self.assertEqual(sum(f["received"] for f in auditor_figures), 4)
