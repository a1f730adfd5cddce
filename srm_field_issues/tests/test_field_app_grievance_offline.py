# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import new_test_user, tagged

from odoo.addons.srm_field.tests.field_browser import FieldBrowserCase


@tagged("post_install", "-at_install")
class TestFieldAppGrievanceOffline(FieldBrowserCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls.env["srm.project"].create({"name": "Valle Verde", "code": "VV-FIELD"})
        cls.officer = new_test_user(
            cls.env,
            login="field_app_grievances",
            groups="srm_base.group_srm_restricted",
            srm_project_ids=[Command.set(cls.project.ids)],
        )
        cls.village = cls.env["res.partner"].create(
            {"name": "Junta Valle Verde", "is_stakeholder": True, "srm_project_ids": [Command.set(cls.project.ids)]}
        )
        cls.farmer = cls.env["res.partner"].create(
            {"name": "Ramón Quispe", "is_stakeholder": True, "srm_project_ids": [Command.set(cls.project.ids)]}
        )
        cls.meeting = cls.env.ref("srm_base.srm_engagement_type_meeting")

    def test_engagement_and_grievance_captured_offline(self):
        """Without network, an officer logs a meeting and registers the grievance heard
        there; back online, each reaches Odoo once, the grievance received when it was
        heard and both marked as captured offline."""
        engagement_subject = "Water committee in Valle Verde"
        grievance_subject = "Cracks in the houses near the blasting"
        browser = self.start_field_browser(self.officer.login)
        self.open_app(browser)
        self.assertTrue(self.run_js(browser, "srmField.offlineReady()"))

        self.set_offline(browser, True)
        self.open_app(browser)
        heard = self.run_steps(
            browser,
            f"""
            await d.open("#engagement");
            await d.setField("project_id", {self.project.id});
            await d.setField("engagement_type_id", {self.meeting.id});
            await d.setField("name", {self.js(engagement_subject)});
            await d.pick("stakeholders", "Valle", {self.village.id});
            await d.save();

            await d.open("#grievance");
            await d.setField("project_id", {self.project.id});
            await d.setField("name", {self.js(grievance_subject)});
            await d.setField("description", "Since the blasting started, the walls crack.");
            const heard = new Date(Date.now() - 2 * 3600 * 1000);
            heard.setSeconds(0, 0);
            const pad = (n) => String(n).padStart(2, "0");
            await d.setField(
                "date_received",
                `${{heard.getFullYear()}}-${{pad(heard.getMonth() + 1)}}-${{pad(heard.getDate())}}` +
                    `T${{pad(heard.getHours())}}:${{pad(heard.getMinutes())}}`
            );
            await d.check("identity", "identified");
            await d.pick("complainant", "Ramón", {self.farmer.id});
            await d.check("consent");
            await d.save();
            return heard.toISOString();
            """,
        )
        outbox = self.run_js(browser, "srmFieldDriver.outbox()")
        self.assertEqual(
            sorted((i["kind"], i["status"], i["offline"]) for i in outbox),
            [("engagement", "pending", True), ("grievance", "pending", True)],
        )
        Engagement, Issue = self.env["srm.engagement"], self.env["srm.issue"]
        self.assertFalse(Engagement.search([("name", "=", engagement_subject)]))
        self.assertFalse(Issue.search([("name", "=", grievance_subject)]))

        self.set_offline(browser, False)
        self.run_steps(
            browser,
            """
            await srmField.refresh();
            await d.waitFor(() => srmField.items.every((i) => i.status === "sent"), "the outbox sent");
            """,
        )
        # the phone sends them again (answers lost on the way): nothing is created twice
        statuses = self.run_steps(
            browser,
            """
            const { rpc } = await import("/srm_field/static/src/js/api.js");
            const wires = srmField.items.map((item) => srmField.toWire(item));
            const answer = await rpc("/srm/field/sync", { records: wires, sent_at: new Date().toISOString() });
            return answer.results.map((result) => result.status);
            """,
        )
        self.assertEqual(statuses, ["duplicate", "duplicate"])

        engagement = Engagement.search([("name", "=", engagement_subject)])
        issue = Issue.search([("name", "=", grievance_subject)])
        self.assertEqual(len(engagement), 1)
        self.assertEqual(len(issue), 1)
        self.assertTrue(engagement.srm_field_offline)
        self.assertTrue(issue.srm_field_offline)
        self.assertEqual(issue.create_uid, self.officer)
        self.assertEqual(issue.complainant_id, self.farmer)
        self.assertTrue(issue.srm_field_consent)
        self.assertEqual(issue.date_received.strftime("%Y-%m-%dT%H:%M"), heard[:16], "received when heard")
