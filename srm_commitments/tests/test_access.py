# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.mail.tools.discuss import Store

from .common import CommitmentCase


@tagged("post_install", "-at_install")
class TestAccess(CommitmentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.public = cls._commitment(name="Public promise", visibility="public")
        cls.internal = cls._commitment(name="Internal promise")
        cls.secret = cls._commitment(name="Secret promise", visibility="confidential", user_id=cls.lawyer.id)
        cls.road = cls._commitment(name="Road promise", project_id=cls.other_project.id)
        cls.no_project = cls._commitment(name="Promise without project", project_id=False)
        cls.other_company = cls.env["res.company"].create({"name": "Other Mining Co"})
        cls.foreign = (
            cls.env["srm.commitment"]
            .with_company(cls.other_company)
            .create(
                {
                    "name": "Foreign promise",
                    "company_id": cls.other_company.id,
                    "date_due": fields.Date.context_today(cls.env["srm.commitment"]),
                }
            )
        )
        cls.mine = cls.public | cls.internal | cls.secret | cls.road | cls.no_project | cls.foreign
        export = cls.env.ref("base.group_allow_export")
        for user in (cls.manager, cls.officer, cls.lawyer, cls.restricted, cls.auditor):
            user.groups_id = [Command.link(export.id)]

    def _visible(self, user):
        return self.env["srm.commitment"].with_user(user).search([("id", "in", self.mine.ids)])

    def test_what_each_group_sees(self):
        expected = {
            "manager": self.public | self.internal | self.secret | self.road | self.no_project,
            "officer": self.public | self.internal | self.road | self.no_project,
            "lawyer": self.public | self.internal | self.secret | self.road | self.no_project,
            "restricted": self.public | self.internal,
            "auditor": self.public | self.internal | self.road | self.no_project,
        }
        for key, commitments in expected.items():
            user = getattr(self, key)
            with self.subTest(group=key):
                self.assertEqual(self._visible(user), commitments)
                # counted and grouped the same way
                Commitment = self.env["srm.commitment"].with_user(user)
                self.assertEqual(Commitment.search_count([("id", "in", self.mine.ids)]), len(commitments))
                groups = Commitment.read_group([("id", "in", self.mine.ids)], ["state"], ["state"])
                self.assertEqual(sum(g["state_count"] for g in groups), len(commitments))
                # export goes through the same rules
                exported = Commitment.search([("id", "in", self.mine.ids)]).export_data(["reference", "name"])
                self.assertEqual(len(exported["datas"]), len(commitments))

    def test_other_companies_only_when_selected(self):
        self.assertNotIn(self.foreign, self._visible(self.manager), "not a company of the manager")
        self.officer.company_ids = [Command.link(self.other_company.id)]
        Commitment = self.env["srm.commitment"].with_user(self.officer)
        main_only = Commitment.with_context(allowed_company_ids=[self.company.id])
        self.assertNotIn(self.foreign, main_only.search([("id", "in", self.mine.ids)]))
        other_only = Commitment.with_context(allowed_company_ids=[self.other_company.id])
        self.assertEqual(other_only.search([("id", "in", self.mine.ids)]), self.foreign)

    def test_confidential_records_need_confidential_access(self):
        with self.assertRaises(AccessError):
            self.secret.with_user(self.officer).read(["name"])
        with self.assertRaises(AccessError):
            self.secret.with_user(self.auditor).read(["name"])
        self.assertEqual(self.secret.with_user(self.lawyer).name, "Secret promise")

    def test_auditor_reads_but_changes_nothing(self):
        commitment = self.internal.with_user(self.auditor)
        self.assertEqual(commitment.name, "Internal promise")
        with self.assertRaises(AccessError):
            commitment.write({"progress": 50})
        with self.assertRaises(AccessError):
            self.env["srm.commitment"].with_user(self.auditor).create(
                {"name": "Nope", "date_due": fields.Date.context_today(commitment)}
            )
        with self.assertRaises(AccessError):
            commitment.action_confirm()

    def test_users_record_and_follow_up_commitments(self):
        Commitment = self.env["srm.commitment"].with_user(self.officer)
        commitment = Commitment.create(
            {
                "name": "Send the minutes",
                "project_id": self.other_project.id,
                "partner_ids": [Command.set(self.council.ids)],
                "date_due": fields.Date.context_today(Commitment),
            }
        )
        self.assertEqual(commitment.user_id, self.officer)
        commitment.action_confirm()
        commitment.write({"evidence_note": "<p>Minutes sent.</p>"})
        commitment.action_fulfill()
        self.assertEqual(commitment.state, "fulfilled")
        with self.assertRaises(AccessError):
            commitment.unlink()
        with self.assertRaises(UserError):
            commitment.write({"visibility": "confidential"})
        self.internal.with_user(self.manager).unlink()

    def test_restricted_users_work_on_their_projects_only(self):
        Commitment = self.env["srm.commitment"].with_user(self.restricted)
        commitment = Commitment.create(
            {
                "name": "Fix the fence",
                "project_id": self.project.id,
                "date_due": fields.Date.context_today(Commitment),
            }
        )
        commitment.write({"progress": 30})
        with self.assertRaises(AccessError):
            Commitment.create(
                {
                    "name": "Elsewhere",
                    "project_id": self.other_project.id,
                    "date_due": fields.Date.context_today(Commitment),
                }
            )
        with self.assertRaises(AccessError):
            self.road.with_user(self.restricted).read(["name"])

    def test_series_follow_the_same_rules(self):
        Series = self.env["srm.commitment.recurrence"]
        values = {
            "project_id": self.project.id,
            "repeat_unit": "month",
            "repeat_type": "count",
            "repeat_count": 2,
        }
        secret = Series.create(dict(values, name="Secret series", visibility="confidential"))
        road = Series.create(dict(values, name="Road series", project_id=self.other_project.id))
        internal = Series.create(dict(values, name="Internal series"))
        mine = secret | road | internal
        expected = {
            "manager": mine,
            "officer": road | internal,
            "lawyer": mine,
            "restricted": internal,
            "auditor": road | internal,
        }
        for key, series in expected.items():
            with self.subTest(group=key):
                self.assertEqual(Series.with_user(getattr(self, key)).search([("id", "in", mine.ids)]), series)
        with self.assertRaises(AccessError):
            internal.with_user(self.auditor).write({"name": "Changed"})
        # a restricted user can create a series on their project; occurrences follow
        created = Series.with_user(self.restricted).create(dict(values, name="Fence checks"))
        self.assertTrue(created.commitment_ids)
        self.assertEqual(created.commitment_ids.project_id, self.project)

    def test_smart_button_counts_respect_the_rules(self):
        self.assertEqual(self.council.with_user(self.manager).srm_commitment_count, 5)
        self.assertEqual(self.council.with_user(self.officer).srm_commitment_count, 4)
        self.assertEqual(self.council.with_user(self.restricted).srm_commitment_count, 2)

    def test_configuration_for_managers(self):
        Category = self.env["srm.commitment.category"]
        self.assertTrue(Category.with_user(self.officer).search([]))
        with self.assertRaises(AccessError):
            Category.with_user(self.officer).create({"name": "Spiritual"})
        Category.with_user(self.manager).create({"name": "Spiritual"})
        with self.assertRaises(AccessError):
            self.env["srm.commitment.team"].with_user(self.officer).create({"name": "My own team"})


@tagged("post_install", "-at_install")
class TestLinkedConfidentialNames(CommitmentCase):
    """A commitment the team reads may have been made at a confidential meeting: the
    meeting's subject reads "Restricted" to whoever may not read the meeting, on every
    path (form and list, RPC read, grouping), and as it is to the others."""

    def test_confidential_meeting_of_a_shared_commitment(self):
        meeting = self.env["srm.engagement"].create(
            {
                "name": "Offer to the Quispe family for the north parcel",
                "partner_ids": [Command.set(self.landowner.ids)],
                "project_id": self.project.id,
                "is_confidential": True,
            }
        )
        promise = self._commitment(name="Fence the north parcel", engagement_id=meeting.id)
        self.assertFalse(promise.is_confidential)
        for user in (self.officer, self.restricted, self.auditor):
            with self.subTest(user=user.login):
                as_user = promise.with_user(user)
                self.assertEqual(as_user.read(["engagement_id"])[0]["engagement_id"], (meeting.id, "Restricted"))
                spec = {"engagement_id": {"fields": {"display_name": {}}}}
                self.assertEqual(as_user.web_read(spec)[0]["engagement_id"]["display_name"], "Restricted")
                groups = as_user.read_group([("id", "=", promise.id)], ["engagement_id"], ["engagement_id"])
                self.assertEqual(groups[0]["engagement_id"], (meeting.id, "Restricted"))
        # those who may read the meeting read its subject
        for user in (self.manager, self.lawyer):
            with self.subTest(user=user.login):
                values = promise.with_user(user).read(["engagement_id"])[0]
                self.assertEqual(values["engagement_id"], (meeting.id, meeting.name))
        # an export of the register agrees with the list: the meeting's columns say
        # "Restricted" on that line, the others are exported as they are
        plain = self._commitment(name="Fence the south parcel")
        promise.partner_ids = self.council | self.landowner
        fields = ["name", "engagement_id", "engagement_id/name", "engagement_id/date", "state"]
        for login, user in {"com_officer": self.officer, "com_lawyer": self.lawyer}.items():
            user.groups_id += self.env.ref("base.group_allow_export")
            rows = (promise | plain).with_user(user).export_data(fields)["datas"]
            with self.subTest(user=login):
                self.assertEqual([row[0] for row in rows], ["Fence the north parcel", "Fence the south parcel"])
                if user == self.lawyer:
                    self.assertEqual(rows[0][1:3], [meeting.display_name, meeting.name])
                else:
                    self.assertEqual(rows[0][1:4], ["Restricted"] * 3)
                    self.assertNotIn("Quispe", repr(rows))
                self.assertEqual(rows[1][1:3], ["", ""])
                self.assertEqual(rows[0][4], rows[1][4])
        # each commitment's stakeholders on lines of their own below it
        as_officer = (promise | plain).with_user(self.officer).with_context(import_compat=False)
        rows = as_officer.export_data(["name", "engagement_id/name", "partner_ids/name"])["datas"]
        self.assertEqual(
            [row[:2] for row in rows],
            [["Fence the north parcel", "Restricted"], ["", ""], ["Fence the south parcel", ""]],
        )
        self.assertEqual({rows[0][2], rows[1][2]}, {self.council.name, self.landowner.name})
        self.assertEqual(rows[2][2], self.council.name)
        # the change of meeting, tracked in the chatter, names it as Odoo wrote it
        col_info = promise.fields_get(["engagement_id"])["engagement_id"]
        tracking = self.env["mail.tracking.value"]._create_tracking_values(
            self.env["srm.engagement"], meeting, "engagement_id", col_info, promise
        )
        promise._message_log(body="", tracking_value_ids=[Command.create(tracking)])
        self.assertNotIn("Quispe", self._chatter(promise, self.officer))
        self.assertIn("Quispe", self._chatter(promise, self.lawyer))

    def _chatter(self, record, user):
        """What the chatter of ``record`` receives for ``user``."""
        store = Store()
        record.with_user(user).message_ids._to_store(store, for_current_user=True)
        return repr(store.get_result())
