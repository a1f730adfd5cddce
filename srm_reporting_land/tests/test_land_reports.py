# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import LandReportCase


@tagged("post_install", "-at_install")
class TestLandReports(LandReportCase):
    """Each land report gives its figures, from what its author may read."""

    def test_land_status_by_project(self):
        report = self.build("land_status")
        rows = self.by_first(report, "status_by_project")
        mine = rows[self.project.display_name]
        self.assertEqual((mine["negotiating"], mine["agreed"], mine["surveyed"], mine["count"]), (1, 1, 0, 2))
        self.assertAlmostEqual(mine["area"], self.pa.area_ha + self.pb.area_ha)
        self.assertEqual(
            (rows[self.other_project.display_name]["surveyed"], rows[self.other_project.display_name]["count"]), (1, 1)
        )
        parcels = self.by_first(report, "parcels")
        self.assertEqual(set(parcels), {"RPT-A", "RPT-B", "RPT-C"})
        self.assertEqual(parcels["RPT-A"]["status"], "Negotiating")
        self.assertEqual(parcels["RPT-A"]["holders"], "Inés Paredes")
        self.assertEqual(parcels["RPT-A"]["paid"], 5000.0)
        self.assertTrue(parcels["RPT-A"]["confidential"])
        self.assertEqual(report["confidential_count"], 1)
        self.assertEqual(report["record_count"], 3)
        # one project
        report = self.build("land_status", project_ids=self.other_project.ids)
        self.assertEqual(set(self.by_first(report, "parcels")), {"RPT-C"})
        self.assertEqual(report["confidential_count"], 0)

    def test_compensation_totals_match_the_payments(self):
        report = self.build("land_compensation", project_ids=self.project.ids)
        lines = self.env["srm.land.agreement.line"].search([("agreement_id", "in", (self.ag1 | self.ag2).ids)])
        payments = lines.filtered(lambda line: line.kind == "payment")
        paid = payments.filtered(lambda line: line.state == "done")
        self.assertEqual(sum(paid.mapped("amount")), 7000.0)
        holders = self.by_first(report, "by_holder")
        self.assertEqual(set(holders), {"Inés Paredes", "Tomás Paredes"})
        ines = holders["Inés Paredes"]
        self.assertEqual((ines["agreed"], ines["paid"], ines["due"]), (8000.0, 5000.0, 3000.0))
        self.assertEqual((ines["overdue"], ines["overdue_count"]), (3000.0, 1), "the balance is late, the house is not")
        self.assertEqual(holders["Tomás Paredes"]["paid"], 2000.0)
        totals = report["section"]["by_holder"]["totals"]
        self.assertEqual(totals["agreed"], sum(payments.mapped("amount")))
        self.assertEqual(totals["paid"], sum(paid.mapped("amount")))
        self.assertEqual(totals["due"], 3000.0)
        self.assertEqual(totals["paid"], sum(row["paid"] for row in holders.values()))
        households = self.by_first(report, "by_household")
        self.assertEqual(households[self.h1.display_name]["agreed"], 8000.0)
        self.assertEqual(households[self.h2.display_name]["paid"], 2000.0)
        self.assertEqual(report["section"]["by_household"]["totals"]["paid"], 7000.0)
        payment_rows = self.rows(report, "payments")
        self.assertEqual(len(payment_rows), 4, "three lines of the Paredes agreement, one of the purchase")
        keys = self.column_keys(report, "payments")
        house = next(
            dict(zip(keys, row, strict=True)) for row in payment_rows if row[3] == "Replacement house of 60 m2"
        )
        self.assertEqual((house["kind"], house["status"]), ("In kind", "Planned"))
        self.assertEqual(report["confidential_count"], 1, "the Paredes agreement")
        highlights = {item["label"]: item["value"] for item in report["highlights"]}
        self.assertEqual(highlights["Paid"], 7000.0)
        self.assertEqual(highlights["Still to pay"], 3000.0)
        # a period: payments due or made in it
        period = {
            "date_from": fields.Date.to_string(self.today - timedelta(days=15)),
            "date_to": fields.Date.to_string(self.today),
        }
        report = self.build("land_compensation", project_ids=self.project.ids, **period)
        self.assertEqual([row[3] for row in self.rows(report, "payments")], ["Full price"])
        self.assertEqual(report["section"]["by_holder"]["totals"]["paid"], 2000.0)

    def test_agreements_signed_pending_and_their_conditions(self):
        report = self.build("land_agreements")
        agreements = self.by_first(report, "agreements")
        self.assertEqual(set(agreements), {self.ag1.reference, self.ag2.reference, self.ag3.reference})
        self.assertEqual(agreements[self.ag1.reference]["signed_on"], self.today - timedelta(days=60))
        self.assertEqual(agreements[self.ag1.reference]["payment_status"], "Overdue")
        self.assertEqual(agreements[self.ag3.reference]["status"], "In Negotiation")
        statuses = self.by_first(report, "agreements_by_status")
        self.assertEqual((statuses["Signed"]["count"], statuses["Signed"]["amount"]), (2, 10000.0))
        self.assertEqual(statuses["In Negotiation"]["count"], 1)
        conditions = self.rows(report, "conditions")
        self.assertEqual([row[2] for row in conditions], ["Replacement house of 60 m2"])
        # a period: signed in it, and still pending
        period = {
            "date_from": fields.Date.to_string(self.today - timedelta(days=15)),
            "date_to": fields.Date.to_string(self.today),
        }
        report = self.build("land_agreements", **period)
        self.assertEqual(set(self.by_first(report, "agreements")), {self.ag2.reference, self.ag3.reference})

    def test_households_per_resettlement_step(self):
        report = self.build("land_households")
        steps = self.by_first(report, "households_by_step")
        self.assertEqual(steps["Agreement signed, compensation under way"]["count"], 1)
        self.assertEqual(steps["Compensated"]["count"], 1)
        self.assertEqual(steps["Agreement in negotiation"]["count"], 1)
        self.assertEqual(steps["Census only"]["count"], 0)
        self.assertEqual(report["section"]["households_by_step"]["totals"]["people"], 9)
        self.assertEqual(report["section"]["households_by_step"]["totals"]["vulnerable"], 1)
        households = self.by_first(report, "households")
        self.assertEqual(households[self.h1.name]["step"], "Agreement signed, compensation under way")
        self.assertEqual(households[self.h2.name]["step"], "Compensated")
        # the last payment made, the livelihood restored
        self.env["srm.land.payment.wizard"].with_user(self.officer).with_context(
            default_line_id=self.ag1.line_ids.filtered(lambda line: line.name == "Balance").id
        ).create({"payment_reference": "TRF-BAL"}).action_confirm()
        self.env["srm.land.payment.wizard"].with_user(self.officer).with_context(
            default_line_id=self.ag1.line_ids.filtered(lambda line: line.kind == "in_kind").id
        ).create({"payment_reference": "DEL-HOUSE"}).action_confirm()
        steps = self.by_first(self.build("land_households"), "households_by_step")
        self.assertEqual(steps["Compensated"]["count"], 2)

    def test_grievances_per_parcel(self):
        report = self.build("land_grievances")
        parcels = self.by_first(report, "grievances_by_parcel")
        self.assertEqual({name: row["count"] for name, row in parcels.items()}, {"RPT-A": 2, "RPT-B": 1, "RPT-C": 1})
        self.assertEqual(report["section"]["grievances_by_parcel"]["totals"]["count"], 3, "each grievance once")
        self.assertEqual(report["record_count"], 3)
        self.assertIn(self.i2.reference, parcels["RPT-B"]["references"])
        report = self.build("land_grievances", project_ids=self.project.ids)
        self.assertEqual(set(self.by_first(report, "grievances_by_parcel")), {"RPT-A", "RPT-B"})

    def test_resettlement_progress(self):
        report = self.build("land_resettlement_progress", project_ids=self.project.ids)
        figures = dict(self.rows(report, "key_figures"))
        self.assertEqual(figures["Parcels"], 2)
        self.assertEqual(figures["Census households"], 2)
        self.assertEqual(figures["Vulnerable households"], 1)
        self.assertEqual(figures["Agreements signed"], 2)
        self.assertEqual(figures["Compensation paid"], 7000.0)
        self.assertEqual(figures["Compensation still to pay"], 3000.0)
        self.assertEqual(figures["Grievances about land"], 2)
        for key in ("status_by_project", "by_holder", "households_by_step", "livelihood", "grievances_by_parcel"):
            self.assertIn(key, report["section"])
        self.assertNotIn("payments", report["section"], "figures only: the lists are in the other reports")

    def test_produced_from_the_report_wizard(self):
        wizard = (
            self.env["srm.report.wizard"]
            .with_user(self.officer)
            .create(
                {
                    "report_kind": "land_resettlement_progress",
                    "output_format": "xlsx",
                    "date_from": False,
                    "date_to": False,
                    "project_ids": self.project.ids,
                }
            )
        )
        self.assertTrue(wizard.period_optional, "the land reports need no period")
        action = wizard.action_generate()
        log = (
            self.env["srm.report.log"]
            .with_user(self.officer)
            .search([("report_kind", "=", "land_resettlement_progress")])
        )
        self.assertEqual(len(log), 1)
        self.assertIn(str(log.attachment_id.id), action["url"])
        self.assertEqual(log.name, f"Resettlement progress report — {self.project.display_name}")
        self.assertTrue(log.contains_confidential)
        labels = dict(log._fields["report_kind"]._description_selection(self.env))
        self.assertEqual(labels["land_grievances"], "Grievances per parcel")
