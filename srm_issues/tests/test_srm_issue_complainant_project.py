# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import SrmIssueCase


@tagged("post_install", "-at_install")
class TestSrmIssueComplainantProject(SrmIssueCase):
    """Who raised an issue about a project is one of its stakeholders, and the complainant's
    name reads the same in the list as in the form."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a stakeholder of the other project only: project A's restricted team may not read it
        cls.port_neighbour = cls.env["res.partner"].create(
            {"name": "Ines Port Neighbour", "is_stakeholder": True, "srm_project_ids": [Command.set(cls.project_b.ids)]}
        )
        cls.restricted_confidential = new_test_user(
            cls.env,
            "iss_cp_restricted_conf",
            "srm_base.group_srm_restricted,srm_base.group_srm_confidential",
            context={"no_reset_password": True},
            srm_project_ids=[Command.set(cls.project_a.ids)],
        )

    def _names(self, user, issue):
        """The complainant as the list (complainant_display) and the form (complainant_id) show it."""
        issue = issue.with_user(user)
        spec = {"complainant_display": {}, "complainant_id": {"fields": {"display_name": {}}}}
        row = issue.web_read(spec)[0]
        list_row = issue.web_search_read([("id", "=", issue.id)], {"complainant_display": {}})["records"][0]
        return (
            list_row["complainant_display"],
            row["complainant_display"],
            (row["complainant_id"] or {}).get("display_name"),
        )

    def test_complainant_becomes_a_stakeholder_of_the_project(self):
        issue = self._issue(name="Dust on the clinic", complainant_partner_id=self.other_complainant.id)
        self.assertIn(self.project_a, self.other_complainant.srm_project_ids)
        # so project A's restricted team reads who raised it, in the list and in the form
        self.assertEqual(self._names(self.user_restricted, issue), ("Koffi Mensah", "Koffi Mensah", "Koffi Mensah"))
        self.assertEqual(self.other_complainant.with_user(self.user_restricted).name, "Koffi Mensah")
        # moved to the other project: a stakeholder of both
        issue.project_id = self.project_b
        self.assertEqual(self.other_complainant.srm_project_ids, self.project_a | self.project_b)

    def test_public_intake_complainant_joins_the_project(self):
        issue = (
            self.env["srm.issue"]
            .sudo()
            .create(
                {"name": "Water cut", "project_id": self.project_a.id, "complainant_partner_id": self.complainant.id}
            )
        )
        self.assertEqual(self.complainant.srm_project_ids, self.project_a)
        self.assertEqual(self._names(self.user_restricted, issue)[0], "Awa Traoré")

    def test_sensitive_and_anonymous_complainants_stay_unlisted(self):
        self._issue(name="Harassment", is_sensitive=True, complainant_partner_id=self.port_neighbour.id)
        anonymous = self._issue(name="Bribe", is_anonymous=True, complainant_partner_id=self.port_neighbour.id)
        self.assertEqual(self.port_neighbour.srm_project_ids, self.project_b)
        self.assertEqual(self._names(self.user_restricted, anonymous)[0], "Anonymous")

    def test_complainant_name_reads_the_same_in_list_and_form(self):
        # a confidential, project-restricted user handling a sensitive issue of their project
        # knows who raised it, though the complainant's contact belongs to another project
        issue = self._issue(
            name="Harassment at the gate", is_sensitive=True, complainant_partner_id=self.port_neighbour.id
        )
        user = self.restricted_confidential
        self.assertEqual(self._names(user, issue)[:2], ("Ines Port Neighbour", "Ines Port Neighbour"))
        form = issue.with_user(user).web_read({"complainant_partner_id": {"fields": {"display_name": {}}}})[0]
        self.assertEqual(form["complainant_partner_id"]["display_name"], "Ines Port Neighbour")
        self.assertEqual(
            issue.with_user(user).read(["complainant_partner_id"])[0]["complainant_partner_id"][1],
            "Ines Port Neighbour",
        )
        # the contact itself stays closed to them
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            self.port_neighbour.with_user(user).read(["email"])
        # a restricted user without Confidential access: "Protected", on both
        self.assertEqual(self._names(self.user_restricted, issue), ("Protected", "Protected", None))

    def test_naming_an_unreadable_contact_is_refused(self):
        # naming a contact as complainant would tell its name back through the issue
        issue = self._issue(name="Noise at night", complainant_partner_id=False)
        Issue = self.env["srm.issue"].with_user(self.user_restricted)
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            Issue.browse(issue.id).write({"complainant_id": self.port_neighbour.id})
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            Issue.create({"name": "Noise", "project_id": self.project_a.id, "complainant_id": self.port_neighbour.id})
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            Issue.with_context(default_complainant_id=self.port_neighbour.id).create(
                {"name": "Noise", "project_id": self.project_a.id}
            )
        self.assertFalse(issue.complainant_id)
        self.assertEqual(self.port_neighbour.srm_project_ids, self.project_b)
        # a user who may read every stakeholder names them, and they join the issue's project
        issue.with_user(self.user_user).write({"complainant_id": self.port_neighbour.id})
        self.assertEqual(self.port_neighbour.srm_project_ids, self.project_a | self.project_b)
        self.assertEqual(self._names(self.user_restricted, issue), ("Ines Port Neighbour",) * 3)
        self.assertEqual(self.port_neighbour.with_user(self.user_restricted).name, "Ines Port Neighbour")

    def test_protected_and_worker_complainants_stay_unlisted(self):
        for values in ({"is_confidential": True}, {"grievance_scope": "worker"}):
            with self.subTest(values=values):
                self._issue(name="Kept apart", complainant_partner_id=self.port_neighbour.id, **values)
                self.assertEqual(self.port_neighbour.srm_project_ids, self.project_b)
        # nor when a restricted user with Confidential access lifts the protection of an issue
        # whose complainant they may not read
        issue = self._issue(name="Threats", is_sensitive=True, complainant_partner_id=self.port_neighbour.id)
        issue.with_user(self.restricted_confidential).is_sensitive = False
        self.assertEqual(self.port_neighbour.srm_project_ids, self.project_b)

    def test_issue_cannot_be_moved_to_a_project_one_may_not_read(self):
        issue = self._issue(name="Dust on the path", complainant_partner_id=self.other_complainant.id)
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            issue.with_user(self.user_restricted).write({"project_id": self.project_b.id})
        self.assertEqual(issue.project_id, self.project_a)
        self.assertNotIn(self.project_b, self.other_complainant.srm_project_ids)

    def test_mail_gateway_is_not_a_way_around(self):
        """Odoo's mail gateway creates the record an email is routed to as superuser, with the
        values its caller gives: a user calling it over RPC may not, for SRM records."""
        email = (
            "From: someone@example.com\nTo: nobody@example.com\nSubject: Hello\n"
            "Message-ID: <srm-gateway-test@example.com>\n\nHello"
        )
        values = {"complainant_id": self.port_neighbour.id, "project_id": self.project_a.id}
        with self.assertRaises(AccessError):
            self.env["mail.thread"].with_user(self.user_restricted).message_process(
                "srm.issue", email, custom_values=values
            )
        # nor an email routed by the grievances alias, with a sender authentication of its own
        routed = email.replace("To: nobody@example.com", "To: grievances@example.com")
        with self.assertRaises(AccessError):
            self.env["mail.thread"].with_user(self.user_restricted).message_process(False, routed)
        self.assertFalse(self.env["srm.issue"].search([("name", "=", "Hello")]))
        self.assertEqual(self.port_neighbour.srm_project_ids, self.project_b)
