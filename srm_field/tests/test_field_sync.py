# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import uuid
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PNG_1PX, FieldCase, iso


@tagged("post_install", "-at_install")
class TestFieldSync(FieldCase):
    def test_engagement_captured_offline(self):
        """An engagement recorded an hour ago without network keeps the time it happened,
        the officer as author and responsible, and shows it was captured offline."""
        record = self._engagement(minutes_ago=60)
        [result] = self._sync(self.officer, [record])
        self.assertEqual(result["status"], "created", result)
        engagement = self.env["srm.engagement"].browse(result["id"])
        self.assertEqual(engagement.create_uid, self.officer)
        self.assertEqual(engagement.user_id, self.officer)
        self.assertEqual(engagement.srm_field_uuid, record["uuid"])
        self.assertTrue(engagement.srm_field_offline)
        self.assertAlmostEqual(
            engagement.date, fields.Datetime.now() - timedelta(minutes=60), delta=timedelta(minutes=1)
        )
        self.assertEqual(engagement.partner_ids, self.stakeholder)
        self.assertEqual(engagement.participant_ids.capacity_type_id, self.type_community)
        self.assertEqual(engagement.topic_ids, self.topic)
        self.assertEqual(engagement.srm_field_latitude, -27.36)
        self.assertEqual(result["version"], engagement.srm_field_version)
        offline = self.env["srm.engagement"].search([("srm_field_offline", "=", True)])
        self.assertIn(engagement, offline, "the 'Captured offline' filter finds it")

    def test_sent_at_once_is_not_offline(self):
        [result] = self._sync(self.officer, [self._engagement(minutes_ago=1)])
        self.assertFalse(self.env["srm.engagement"].browse(result["id"]).srm_field_offline)

    def test_same_record_twice_is_one_engagement(self):
        """A retry (answer lost, second tab) never creates a second engagement."""
        record = self._engagement()
        [first] = self._sync(self.officer, [record])
        [second] = self._sync(self.officer, [record])
        self.assertEqual(first["status"], "created")
        self.assertEqual(second["status"], "duplicate")
        self.assertEqual(second["id"], first["id"])
        self.assertEqual(len(self._engagements(record["uuid"])), 1)
        # twice in the same batch too
        again = self._engagement()
        results = self._sync(self.officer, [again, again])
        self.assertEqual([r["status"] for r in results], ["created", "duplicate"])
        self.assertEqual(len(self._engagements(again["uuid"])), 1)

    def test_duplicate_found_even_when_no_longer_readable(self):
        """The officer's engagement moved to a project that is not theirs: sending it
        again is still recognised, and creates nothing."""
        record = self._engagement()
        [first] = self._sync(self.officer, [record])
        self.env["srm.engagement"].browse(first["id"]).project_id = self.other_project
        [second] = self._sync(self.officer, [record])
        self.assertEqual(second["status"], "duplicate")
        self.assertEqual(len(self._engagements(record["uuid"])), 1)

    def test_identifier_is_unique_per_user(self):
        """Another user sending the same identifier does not reach the first user's record."""
        record = self._engagement()
        [mine] = self._sync(self.officer, [record])
        [theirs] = self._sync(self.colleague, [record])
        self.assertEqual(theirs["status"], "created")
        self.assertNotEqual(theirs["id"], mine["id"])

    def test_edit_conflict_is_shown_not_overwritten(self):
        record = self._engagement()
        [created] = self._sync(self.officer, [record])
        engagement = self.env["srm.engagement"].browse(created["id"])
        # meanwhile, a colleague corrects the subject in Odoo
        engagement.with_user(self.colleague).name = "Village council, water point and road"
        edit = self._update(record, created, summary="The council asked about the pump and the road.")
        [conflict] = self._sync(self.officer, [edit])
        self.assertEqual(conflict["status"], "conflict")
        self.assertEqual(conflict["server"]["values"]["name"], "Village council, water point and road")
        self.assertEqual(conflict["server"]["write_uid"], self.colleague.name)
        self.assertEqual(engagement.summary, "The council asked about the pump.", "nothing overwritten")
        # the officer chose to send theirs anyway: from the version they were shown
        forced = self._update(record, created, base_version=conflict["version"], summary="Pump and road.")
        [updated] = self._sync(self.officer, [forced])
        self.assertEqual(updated["status"], "updated")
        self.assertEqual(engagement.summary, "Pump and road.")
        self.assertGreater(updated["version"], conflict["version"])

    def test_edit_changes_only_what_was_sent(self):
        """The app sends the fields the officer changed: forcing their version over a
        conflict keeps what a colleague changed in other fields."""
        record = self._engagement()
        [created] = self._sync(self.officer, [record])
        engagement = self.env["srm.engagement"].browse(created["id"])
        engagement.with_user(self.colleague).location = "Community hall"
        edit = dict(self._update(record, created), values={"summary": "Pump repaired in March."})
        [conflict] = self._sync(self.officer, [edit])
        self.assertEqual(conflict["status"], "conflict")
        forced = dict(edit, op_id=str(uuid.uuid4()), base_version=conflict["version"])
        [updated] = self._sync(self.officer, [forced])
        self.assertEqual(updated["status"], "updated")
        self.assertEqual(engagement.summary, "Pump repaired in March.")
        self.assertEqual(engagement.location, "Community hall")
        self.assertEqual(engagement.name, "Village council, water point")

    def test_edit_keeps_the_stakeholders_the_app_does_not_show(self):
        """The officer's app lists the stakeholders they may read: editing that list keeps
        a stakeholder the officer may not read (here: taken off the project since)."""
        record = self._engagement()
        [created] = self._sync(self.officer, [record])
        engagement = self.env["srm.engagement"].browse(created["id"])
        engagement.partner_ids = [Command.link(self.road_stakeholder.id)]
        self.road_stakeholder.srm_project_ids = [Command.set(self.other_project.ids)]
        newcomer = self.env["res.partner"].create(
            {"name": "Newcomer", "is_stakeholder": True, "srm_project_ids": [Command.set(self.project.ids)]}
        )
        self.env.invalidate_all()  # the app reads in a request of its own
        shown = (
            self.env["srm.field.sync"]
            .with_user(self.officer)
            ._srm_field_engagement_snapshot(engagement.with_user(self.officer))["stakeholders"]
        )
        self.assertEqual([pid for pid, _name in shown], self.stakeholder.ids)
        edit = self._update(record, created, stakeholders=[{"id": self.stakeholder.id}, {"id": newcomer.id}])
        [conflict] = self._sync(self.officer, [edit])  # changed meanwhile: the officer confirms
        [updated] = self._sync(self.officer, [dict(edit, op_id=str(uuid.uuid4()), base_version=conflict["version"])])
        self.assertEqual(updated["status"], "updated")
        self.env.invalidate_all()
        self.assertEqual(engagement.partner_ids, self.stakeholder | newcomer | self.road_stakeholder)
        # what the officer removes from their list goes
        edit = self._update(record, updated, stakeholders=[{"id": newcomer.id}])
        [updated] = self._sync(self.officer, [edit])
        self.env.invalidate_all()
        self.assertEqual(engagement.partner_ids, newcomer | self.road_stakeholder)

    def test_edit_sent_twice_is_applied_once(self):
        record = self._engagement()
        [created] = self._sync(self.officer, [record])
        edit = self._update(record, created, name="Village council (corrected)")
        [first] = self._sync(self.officer, [edit])
        [second] = self._sync(self.officer, [edit])
        self.assertEqual(first["status"], "updated")
        self.assertEqual(second["status"], "duplicate", "not a conflict with its own change")
        self.assertEqual(second["version"], first["version"])

    def test_restricted_user_cannot_use_another_projects_stakeholders(self):
        """Stakeholders of a project the officer is not on cannot be put in an engagement,
        whatever the app sends; the other records of the batch are kept."""
        good = self._engagement()
        other = self._engagement(stakeholders=[{"id": self.road_stakeholder.id}])
        other_project = self._engagement(project_id=self.other_project.id, stakeholders=[{"id": self.stakeholder.id}])
        results = self._sync(self.officer, [good, other, other_project])
        self.assertEqual([r["status"] for r in results], ["created", "error", "error"])
        self.assertIn("may not see", results[1]["message"])
        self.assertIn("Project", results[2]["message"])
        self.assertFalse(self._engagements(other["uuid"]))
        self.assertFalse(self._engagements(other_project["uuid"]))
        self.assertNotIn(self.officer, self.road_stakeholder.srm_engagement_ids.create_uid)

    def test_bad_records_get_a_clear_error_each(self):
        now = fields.Datetime.now()
        good = self._engagement()
        no_name = self._engagement(name="  ")
        future = self._engagement(date=iso(now + timedelta(hours=3)))
        too_old = self._engagement(date=iso(now - timedelta(days=45)))
        bad_date = self._engagement(date="yesterday")
        no_stakeholder = self._engagement(stakeholders=[])
        bad_photo = self._engagement(photos=[{"name": "cv.pdf", "data": "JVBERi0xLjQK"}])
        bad_id = dict(self._engagement(), uuid="not-a-uuid")
        unknown = dict(self._engagement(), kind="invoice")
        no_values = dict(self._engagement(), values="nothing")
        bad_type = self._engagement(engagement_type_id="meeting")
        records = [
            good,
            no_name,
            future,
            too_old,
            bad_date,
            no_stakeholder,
            bad_photo,
            bad_id,
            unknown,
            no_values,
            bad_type,
        ]
        results = self._sync(self.officer, records)
        self.assertEqual(results[0]["status"], "created")
        self.assertEqual({r["status"] for r in results[1:]}, {"error"})
        messages = [r.get("message") for r in results]
        self.assertIn("Subject is required", messages[1])
        self.assertIn("in the future", messages[2])
        self.assertIn("more than 30 days old", messages[3])
        self.assertIn("not a valid date", messages[4])
        self.assertIn("at least one stakeholder", messages[5])
        self.assertIn("not a JPEG, PNG or WebP image", messages[6])
        self.assertIn("no valid identifier", messages[7])
        self.assertIn("kind of record", messages[8])
        self.assertIn("not readable", messages[9])
        self.assertIn("Type", messages[10])
        self.assertEqual([r["op_id"] for r in results], [r["op_id"] for r in records])
        created = self.env["srm.engagement"].search([("create_uid", "=", self.officer.id)])
        self.assertEqual(created.mapped("srm_field_uuid"), [good["uuid"]], "nothing half-written")

    def test_max_age_is_a_setting(self):
        self.env["ir.config_parameter"].set_param("srm_field.max_capture_age_days", "60")
        old = self._engagement(date=iso(fields.Datetime.now() - timedelta(days=45)))
        [result] = self._sync(self.officer, [old])
        self.assertEqual(result["status"], "created")

    def test_phone_clock_late_is_corrected(self):
        """A phone whose clock is an hour late: its dates are corrected by the difference
        measured when it sends them."""
        now = fields.Datetime.now()
        late = timedelta(hours=1)
        record = self._engagement(date=iso(now - late - timedelta(minutes=30)))
        [result] = self._sync(self.officer, [record], sent_at=iso(now - late))
        engagement = self.env["srm.engagement"].browse(result["id"])
        self.assertAlmostEqual(engagement.date, now - timedelta(minutes=30), delta=timedelta(minutes=1))

    def test_dates_far_off_any_real_capture(self):
        """A phone whose clock says year 1 or 9999 (or a forged payload) does not fail the
        sync: the other records are saved, and the date is taken as unknown."""
        good = self._engagement()
        odd = dict(self._engagement(), captured_at="9999-12-31T00:00:00Z")
        results = self._sync(self.officer, [good, odd], sent_at="0001-01-01T00:00:00Z")
        self.assertEqual(results[0]["status"], "created", results)
        self.assertEqual(len(results), 2)

    def test_photos_and_new_people(self):
        """Photos are attached with the officer's rights; a person met in the field becomes
        a stakeholder of the project."""
        record = self._engagement(
            stakeholders=[
                {"id": self.stakeholder.id},
                {"new": {"name": "Rosa Quispe", "phone": "+56 9 1234 5678"}, "attended": False},
            ],
            photos=[{"name": "water point.png", "data": PNG_1PX}],
        )
        [result] = self._sync(self.officer, [record])
        self.assertEqual(result["status"], "created", result)
        engagement = self.env["srm.engagement"].browse(result["id"])
        rosa = engagement.partner_ids - self.stakeholder
        self.assertEqual(rosa.name, "Rosa Quispe")
        self.assertTrue(rosa.is_stakeholder)
        self.assertEqual(rosa.srm_project_ids, self.project)
        self.assertFalse(engagement.participant_ids.filtered(lambda p: p.partner_id == rosa).attended)
        photo = self.env["ir.attachment"].search([("res_model", "=", "srm.engagement"), ("res_id", "=", engagement.id)])
        self.assertEqual(photo.name, "water point.png")
        self.assertEqual(photo.mimetype, "image/png")
        self.assertEqual(photo.create_uid, self.officer)

    def test_do_not_contact_rule_applies(self):
        record = self._engagement(direction="outbound", stakeholders=[{"id": self.do_not_contact.id}])
        [result] = self._sync(self.officer, [record])
        self.assertEqual(result["status"], "error")
        self.assertIn("asked not to be contacted", result["message"])

    def test_only_srm_team_may_sync(self):
        auditor = self._new_user("field_auditor", "srm_base.group_srm_auditor")
        internal = self._new_user("field_internal", "base.group_user")
        for user in (auditor, internal):
            with self.assertRaises(AccessError):
                self._sync(user, [self._engagement()])
            with self.assertRaises(AccessError):
                self.env["srm.field.sync"].with_user(user)._srm_field_bootstrap()

    def test_copy_holds_only_the_users_projects(self):
        """The officer's phone gets their project and its stakeholders, nothing of the
        other project; a manager gets only the projects they are on."""
        [created] = self._sync(self.officer, [self._engagement()])
        data = (
            self.env["srm.field.sync"]
            .with_user(self.officer)
            ._srm_field_bootstrap({"engagement": [created["id"], 999999999]})
        )
        self.assertEqual([p["id"] for p in data["projects"]], self.project.ids)
        names = {s["name"] for s in data["stakeholders"]}
        self.assertIn(self.stakeholder.name, names)
        self.assertNotIn(self.road_stakeholder.name, names)
        self.assertTrue(all(s["project_ids"] == self.project.ids for s in data["stakeholders"]))
        self.assertEqual(data["versions"]["engagement"], {str(created["id"]): created["version"]})
        self.assertEqual(data["user"]["id"], self.officer.id)
        self.assertEqual(data["strings"]["save"], "Save")
        manager = self._new_user("field_manager", "srm_base.group_srm_manager")
        self.assertEqual(self.env["srm.field.sync"].with_user(manager)._srm_field_bootstrap()["stakeholders"], [])

    def test_upcoming_activities_and_meetings(self):
        engagement = self._engagement_record()
        engagement.activity_schedule(
            "mail.mail_activity_data_todo",
            summary="Bring the water analysis",
            user_id=self.officer.id,
            date_deadline=fields.Date.today() + timedelta(days=2),
        )
        self.env["calendar.event"].create(
            {
                "name": "Council meeting",
                "start": fields.Datetime.now() + timedelta(days=1),
                "stop": fields.Datetime.now() + timedelta(days=1, hours=1),
                "partner_ids": [(4, self.officer.partner_id.id)],
            }
        )
        data = self.env["srm.field.sync"].with_user(self.officer)._srm_field_bootstrap()
        self.assertEqual([a["summary"] for a in data["activities"]], ["Bring the water analysis"])
        self.assertIn("Council meeting", [e["name"] for e in data["events"]])

    def _engagement_record(self):
        return self.env["srm.engagement"].create(
            {
                "name": "Field visit",
                "engagement_type_id": self.type_meeting.id,
                "partner_ids": [(6, 0, self.stakeholder.ids)],
                "project_id": self.project.id,
            }
        )

    def test_version_counts_changes_of_the_record(self):
        engagement = self._engagement_record()
        version = engagement.srm_field_version
        engagement.message_post(body="A note")
        self.assertEqual(engagement.srm_field_version, version, "a note is no change of the engagement")
        engagement.summary = "Changed"
        self.assertEqual(engagement.srm_field_version, version + 1)

    def test_update_of_someone_elses_record_is_refused(self):
        record = self._engagement()
        [created] = self._sync(self.officer, [record])
        foreign = dict(self._update(record, created, name="Taken over"), uuid=str(uuid.uuid4()))
        [result] = self._sync(self.officer, [foreign])
        self.assertEqual(result["status"], "error")
        self.assertEqual(self.env["srm.engagement"].browse(created["id"]).name, "Village council, water point")

    def test_app_speaks_the_users_language(self):
        """The app's words and the reasons for a refusal come in the officer's language."""
        langs = {"fr_FR": ("Enregistrer", "Objet est obligatoire"), "es_ES": ("Guardar", "Asunto es obligatorio")}
        langs["zh_CN"] = ("保存", "主题 为必填项")
        for lang in langs:
            self.env["res.lang"]._activate_lang(lang)
        self.env["ir.module.module"]._load_module_terms(["srm_base", "srm_field"], list(langs), overwrite=True)
        for lang, (save, required) in langs.items():
            self.officer.lang = lang
            data = self.env["srm.field.sync"].with_user(self.officer)._srm_field_bootstrap()
            self.assertEqual(data["strings"]["save"], save)
            self.assertEqual(data["user"]["lang"], lang)
            [result] = self._sync(self.officer, [self._engagement(name="")])
            self.assertIn(required, result["message"])
