# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import uuid
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged

from odoo.addons.srm_field.tests.common import PNG_1PX, FieldCase, iso


@tagged("post_install", "-at_install")
class TestFieldGrievanceSync(FieldCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.category = cls.env["srm.issue.category"].create({"name": "Dust (field app)"})
        # a service level of this category and company: the most specific one
        cls.sla = cls.env["srm.issue.sla"].create(
            {
                "severity": "2",
                "category_id": cls.category.id,
                "company_id": cls.company.id,
                "ack_delay": 1,
                "ack_unit": "days",
                "investigation_delay": 10,
                "investigation_unit": "days",
                "resolution_delay": 30,
                "resolution_unit": "days",
            }
        )

    def _grievance(self, hours_ago=72, **values):
        record_id = str(uuid.uuid4())
        now = fields.Datetime.now()
        vals = {
            "project_id": self.project.id,
            "name": "Dust over the school",
            "description": "Trucks pass at noon.\nThe children cough.",
            "kind": "grievance",
            "category_id": self.category.id,
            "date_received": iso(now - timedelta(hours=hours_ago)),
            "is_anonymous": False,
            "consent": True,
            "complainant": {"id": self.stakeholder.id},
            "partner_ids": [self.community.id],
            "location": "School of Village A",
        }
        vals.update(values)
        return {
            "op_id": record_id,
            "uuid": record_id,
            "kind": "grievance",
            "op": "create",
            "captured_at": iso(now - timedelta(hours=hours_ago)),
            "offline": True,
            "values": vals,
        }

    def _issue(self, record):
        return self.env["srm.issue"].with_context(active_test=False).search([("srm_field_uuid", "=", record["uuid"])])

    def test_grievance_received_when_heard(self):
        """Heard three days ago and synchronised now: received three days ago, so its
        one-day acknowledgement deadline is already late."""
        record = self._grievance(hours_ago=72)
        [result] = self._sync(self.officer, [record])
        self.assertEqual(result["status"], "created", result)
        issue = self._issue(record)
        heard = fields.Datetime.now() - timedelta(hours=72)
        self.assertAlmostEqual(issue.date_received, heard, delta=timedelta(minutes=1))
        self.assertEqual(issue.sla_id, self.sla)
        self.assertEqual(issue.date_ack_due, issue.date_received + timedelta(days=1))
        self.assertTrue(issue.is_ack_breached)
        self.assertTrue(issue.srm_field_offline)
        self.assertEqual(issue.create_uid, self.officer)
        self.assertEqual(issue.channel, "in_person")
        self.assertEqual(issue.complainant_id, self.stakeholder)
        self.assertTrue(issue.srm_field_consent)
        self.assertEqual(issue.partner_ids, self.community)
        self.assertIn("The children cough.", issue.description)
        offline = self.env["srm.issue"].search([("srm_field_offline", "=", True)])
        self.assertIn(issue, offline, "the 'Captured offline' filter finds it")

    def test_same_grievance_twice_is_one_issue(self):
        record = self._grievance()
        results = self._sync(self.officer, [record]) + self._sync(self.officer, [record])
        self.assertEqual([r["status"] for r in results], ["created", "duplicate"])
        self.assertEqual(len(self._issue(record)), 1)
        self.assertEqual(results[0]["id"], results[1]["id"])

    def test_consent_or_anonymous(self):
        without_consent = self._grievance(consent=False)
        no_complainant = self._grievance(complainant=None)
        anonymous = self._grievance(is_anonymous=True, consent=False, complainant={"id": self.stakeholder.id})
        results = self._sync(self.officer, [without_consent, no_complainant, anonymous])
        self.assertEqual([r["status"] for r in results], ["error", "error", "created"])
        self.assertIn("register the grievance as anonymous", results[0]["message"])
        self.assertIn("Choose the complainant", results[1]["message"])
        issue = self._issue(anonymous)
        self.assertTrue(issue.is_anonymous)
        self.assertFalse(issue.sudo().complainant_partner_id, "an anonymous complainant is not recorded")
        self.assertFalse(issue.srm_field_consent)

    def test_sensitive_complainant_is_protected(self):
        # a stakeholder of another project only: a sensitive grievance does not list them
        # among this project's stakeholders
        self.stakeholder.srm_project_ids = [Command.set(self.other_project.ids)]
        self.officer.srm_project_ids |= self.other_project
        record = self._grievance(is_sensitive=True)
        [result] = self._sync(self.officer, [record])
        self.assertEqual(result["status"], "created", result)
        issue = self._issue(record)
        self.assertTrue(issue.is_sensitive)
        self.assertEqual(issue.sudo().complainant_partner_id, self.stakeholder, "the identity is kept")
        self.assertFalse(issue.with_user(self.officer).complainant_id, "and protected")
        self.assertEqual(self.stakeholder.srm_project_ids, self.other_project, "nor listed in the project")
        self.assertNotIn(self.stakeholder, issue.message_partner_ids)

    def test_position_of_a_protected_complainant_is_approximate(self):
        """Where an anonymous or protected complainant was heard (often their home) is kept
        to about a kilometre; an ordinary grievance keeps the phone's position."""
        position = {"latitude": -27.366791, "longitude": -70.331432, "accuracy": 8.0}
        anonymous = self._grievance(is_anonymous=True, consent=False, complainant=None, **position)
        sensitive = self._grievance(is_sensitive=True, **position)
        plain = self._grievance(**position)
        results = self._sync(self.officer, [anonymous, sensitive, plain])
        self.assertEqual([r["status"] for r in results], ["created"] * 3, results)
        for record in (anonymous, sensitive):
            issue = self._issue(record)
            self.assertEqual(
                (issue.srm_field_latitude, issue.srm_field_longitude, issue.srm_field_accuracy),
                (-27.37, -70.33, 1100.0),
            )
        issue = self._issue(plain)
        self.assertAlmostEqual(issue.srm_field_latitude, -27.366791, places=6)
        self.assertAlmostEqual(issue.srm_field_longitude, -70.331432, places=6)
        self.assertEqual(issue.srm_field_accuracy, 8.0)
        # protected later, on the issue form
        issue.with_user(self.officer).is_sensitive = True
        self.assertEqual((issue.srm_field_latitude, issue.srm_field_accuracy), (-27.37, 1100.0))
        # and a precise position written afterwards is kept approximate too
        issue.write({"srm_field_latitude": -27.366791, "srm_field_longitude": -70.331432, "srm_field_accuracy": 5.0})
        self.assertEqual(
            (issue.srm_field_latitude, issue.srm_field_longitude, issue.srm_field_accuracy), (-27.37, -70.33, 1100.0)
        )

    def test_new_complainant_met_in_the_field(self):
        record = self._grievance(complainant={"new": {"name": "Lucía Mamani", "phone": "+56 9 8765 4321"}})
        [result] = self._sync(self.officer, [record])
        self.assertEqual(result["status"], "created", result)
        complainant = self._issue(record).complainant_id
        self.assertEqual(complainant.name, "Lucía Mamani")
        self.assertEqual(complainant.srm_project_ids, self.project)

    def test_heard_date_must_be_plausible(self):
        now = fields.Datetime.now()
        future = self._grievance(date_received=iso(now + timedelta(days=1)))
        old = self._grievance(date_received=iso(now - timedelta(days=90)))
        missing = self._grievance(date_received=None)
        results = self._sync(self.officer, [future, old, missing])
        self.assertEqual({r["status"] for r in results}, {"error"})
        self.assertIn("in the future", results[0]["message"])
        self.assertIn("more than 30 days old", results[1]["message"])
        self.assertIn("is required", results[2]["message"])

    def test_restricted_officer_stays_in_their_projects(self):
        other_project = self._grievance(project_id=self.other_project.id)
        other_complainant = self._grievance(complainant={"id": self.road_stakeholder.id})
        other_concerned = self._grievance(partner_ids=[self.road_stakeholder.id])
        good = self._grievance()
        results = self._sync(self.officer, [other_project, other_complainant, other_concerned, good])
        self.assertEqual([r["status"] for r in results], ["error", "error", "error", "created"])
        for record in (other_project, other_complainant, other_concerned):
            self.assertFalse(self._issue(record))

    def test_photos_of_the_grievance(self):
        record = self._grievance(photos=[{"name": "trucks.png", "data": PNG_1PX}])
        [result] = self._sync(self.officer, [record])
        photo = self.env["ir.attachment"].search([("res_model", "=", "srm.issue"), ("res_id", "=", result["id"])])
        self.assertEqual(photo.name, "trucks.png")
        self.assertEqual(photo.create_uid, self.officer)

    def test_app_offers_grievances(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(["srm_field", "srm_field_issues"], ["fr_FR"], overwrite=True)
        data = self.env["srm.field.sync"].with_user(self.officer)._srm_field_bootstrap()
        self.assertIn(self.category.id, [c["id"] for c in data["features"]["grievance"]["categories"]])
        self.assertIn("grievance", [k["id"] for k in data["features"]["grievance"]["kinds"]])
        self.assertEqual(data["strings"]["register_grievance"], "Register a grievance")
        self.officer.lang = "fr_FR"
        data = self.env["srm.field.sync"].with_user(self.officer)._srm_field_bootstrap()
        self.assertEqual(data["strings"]["register_grievance"], "Enregistrer une plainte")
