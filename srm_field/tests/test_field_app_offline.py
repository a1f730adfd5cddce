# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import uuid

import odoo
from odoo import Command
from odoo.tests import new_test_user, tagged

from .field_browser import APP, FieldBrowserCase


@tagged("post_install", "-at_install")
class TestFieldAppOffline(FieldBrowserCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls.env["srm.project"].create({"name": "Quebrada Alta", "code": "QA-FIELD"})
        cls.officer = new_test_user(
            cls.env,
            login="field_app_officer",
            groups="srm_base.group_srm_restricted",
            srm_project_ids=[Command.set(cls.project.ids)],
        )
        cls.stakeholder = cls.env["res.partner"].create(
            {
                "name": "Comunidad Quebrada Alta",
                "is_stakeholder": True,
                "srm_project_ids": [Command.set(cls.project.ids)],
            }
        )
        cls.meeting = cls.env.ref("srm_base.srm_engagement_type_meeting")

    def _probe(self):
        record_id = str(uuid.uuid4())
        return {"op_id": record_id, "uuid": record_id, "kind": "engagement", "op": "create"}

    def test_engagement_logged_offline(self):
        """Opened once online, the app opens again without network, keeps an engagement
        on the phone and sends it once the network is back: one engagement, marked as
        captured offline, at the time it was recorded."""
        subject = "Meeting at the water tank (offline)"
        browser = self.start_field_browser(self.officer.login)
        self.open_app(browser)
        self.assertTrue(self.run_js(browser, "srmField.offlineReady()"), "the app is kept for offline use")

        self.set_offline(browser, True)
        self.open_app(browser)
        self.assertEqual(self.run_js(browser, "navigator.onLine"), False)
        self.assertEqual(self.run_js(browser, "srmField.session"), "unknown", "opened from the phone's copy")
        # the server cannot be reached: a record sent now does not arrive
        probe = dict(self._probe(), values={"name": "Network probe"})
        reached = self.run_steps(
            browser,
            f"""
            const {{ rpc }} = await import("/srm_field/static/src/js/api.js");
            try {{
                await rpc("/srm/field/sync", {{ records: [{self.js(probe)}] }});
                return "reached";
            }} catch (error) {{
                return error.kind;
            }}
            """,
        )
        self.assertEqual(reached, "offline")
        self.assertFalse(self.env["srm.engagement"].search([("srm_field_uuid", "=", probe["uuid"])]))
        self.run_steps(
            browser,
            f"""
            await d.open("#engagement");
            await d.setField("project_id", {self.project.id});
            await d.setField("engagement_type_id", {self.meeting.id});
            await d.setField("name", {self.js(subject)});
            await d.pick("stakeholders", "Quebrada", {self.stakeholder.id});
            await d.setField("summary", "They asked when the tank will be repaired.");
            await d.save();
            """,
        )
        outbox = self.run_js(browser, "srmFieldDriver.outbox()")
        self.assertEqual([(i["name"], i["status"], i["offline"]) for i in outbox], [(subject, "pending", True)])
        stored = self.run_steps(
            browser,
            """
            const rows = await d.rawStore("outbox");
            const [key] = await d.rawStore("keys");
            return {
                encrypted: rows.every((row) => row.sealed.data instanceof ArrayBuffer && !row.sealed.plain),
                readable: rows.some((row) => new TextDecoder().decode(row.sealed.data).includes("water tank")),
                extractable: key.key.extractable,
                algorithm: key.key.algorithm.name,
            };
            """,
        )
        self.assertEqual(
            stored,
            {"encrypted": True, "readable": False, "extractable": False, "algorithm": "AES-GCM"},
            "kept encrypted on the phone, with a key that cannot be read out",
        )
        Engagement = self.env["srm.engagement"]
        self.assertFalse(Engagement.search([("name", "=", subject)]), "nothing reached Odoo offline")

        # back in coverage, but the session ended meanwhile: the app asks to sign in
        # again and keeps the engagement
        odoo.http.root.session_store.delete(self.session)
        self.set_offline(browser, False)
        self.run_steps(
            browser,
            """
            await srmField.refresh();
            await d.waitFor('[data-action="sign-in"]', "the invitation to sign in");
            """,
        )
        self.assertEqual(self.run_js(browser, "srmFieldDriver.outbox()[0].status"), "pending")
        self.assertFalse(Engagement.search([("name", "=", subject)]))
        # signed in again, the app sends it
        self.authenticate(self.officer.login, self.officer.login, browser=browser)
        self.run_steps(
            browser,
            """
            await srmField.refresh();
            await d.waitFor(() => srmField.items.every((i) => i.status === "sent"), "the outbox sent");
            """,
        )
        engagement = Engagement.search([("name", "=", subject)])
        self.assertEqual(len(engagement), 1)
        self.assertEqual(engagement.create_uid, self.officer)
        self.assertTrue(engagement.srm_field_offline)
        self.assertEqual(engagement.partner_ids, self.stakeholder)

        # the phone sends it again (an answer lost on the way): still one engagement
        status = self.run_steps(
            browser,
            """
            const { rpc } = await import("/srm_field/static/src/js/api.js");
            const wire = srmField.toWire(srmField.items[0]);
            const answer = await rpc("/srm/field/sync", { records: [wire], sent_at: new Date().toISOString() });
            return answer.results[0].status;
            """,
        )
        self.assertEqual(status, "duplicate")
        self.assertEqual(len(Engagement.search([("name", "=", subject)])), 1)

        # edited on the phone after a colleague changed it in Odoo: the conflict is shown;
        # sending theirs anyway changes only what the officer changed
        engagement.location = "Community hall"
        self.env.flush_all()
        self.run_steps(
            browser,
            """
            location.hash = "#edit/" + srmField.items[0].id;
            await d.waitFor('form[data-form="engagement"]');
            await d.setField("summary", "The tank will be repaired in March.");
            await d.click('[data-action="save"]');
            await d.waitFor('[data-status="conflict"] .srm-conflict', "the conflict shown");
            """,
        )
        self.assertEqual(engagement.summary, "They asked when the tank will be repaired.", "nothing overwritten")
        self.run_steps(
            browser,
            """
            await d.click('[data-status="conflict"] [data-action="send-mine"]');
            await d.waitFor(() => srmField.items[0].status === "sent" && !srmField.refreshing, "sent again");
            """,
        )
        self.env.invalidate_all()
        self.assertEqual(engagement.summary, "The tank will be repaired in March.")
        self.assertEqual(engagement.location, "Community hall", "the colleague's change is kept")

        # signed out of Odoo elsewhere in this browser: the app removes its copy of the
        # projects when it opens next, even without network
        self.set_offline(browser, True)
        self.run_js(browser, 'document.cookie = "srm_field_signed_out=1; Path=/srm/field/"')
        browser.navigate_to(self.base_url() + APP, wait_stop=True)
        self.assertTrue(browser._wait_ready("window.srmField && window.srmField.ready", timeout=60))
        self.run_js(browser, self._field_driver)
        wiped = self.run_steps(
            browser,
            """
            return {
                boot: srmField.boot,
                cache: (await d.rawStore("cache")).length,
                shown: document.querySelector(".srm-main").textContent.includes(srmField.page.signedOut),
                cookie: document.cookie.includes("srm_field_signed_out"),
            };
            """,
        )
        self.assertEqual(wiped, {"boot": None, "cache": 0, "shown": True, "cookie": False})
        self.set_offline(browser, False)
        self.open_app(browser)

        # signing out removes the phone's copy: database, key and kept files
        self.run_steps(
            browser,
            'window.confirm = () => true; await d.click("[data-action=menu]"); '
            'await d.click("[data-action=sign-out]");',
        )
        self.assertTrue(browser._wait_ready("document.location.pathname === '/web/login'", timeout=30))
        left = self.run_js(
            browser,
            """(async () => ({
                databases: (await indexedDB.databases()).map((db) => db.name),
                caches: await caches.keys(),
                workers: (await navigator.serviceWorker.getRegistrations()).length,
            }))()""",
        )
        self.assertEqual(left, {"databases": [], "caches": [], "workers": 0})
