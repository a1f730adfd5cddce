# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
import uuid
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestFieldRoutes(HttpCase):
    """The app's page and JSON routes, as the browser calls them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls.env["srm.project"].create({"name": "Field routes", "code": "FLD-RT"})
        cls.officer = new_test_user(
            cls.env,
            login="field_route_officer",
            groups="srm_base.group_srm_restricted",
            srm_project_ids=[Command.set(cls.project.ids)],
        )
        cls.internal = new_test_user(cls.env, login="field_route_internal", groups="base.group_user")
        cls.portal = new_test_user(cls.env, login="field_route_portal", groups="base.group_portal")
        cls.stakeholder = cls.env["res.partner"].create(
            {"name": "Junta Field Routes", "is_stakeholder": True, "srm_project_ids": [Command.set(cls.project.ids)]}
        )

    def _record(self, name="Route meeting"):
        record_id = str(uuid.uuid4())
        return {
            "op_id": record_id,
            "uuid": record_id,
            "kind": "engagement",
            "op": "create",
            "values": {
                "project_id": self.project.id,
                "engagement_type_id": self.env.ref("srm_base.srm_engagement_type_meeting").id,
                "name": name,
                "date": (fields.Datetime.now() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "stakeholders": [{"id": self.stakeholder.id}],
            },
        }

    def test_page_service_worker_and_manifest(self):
        self.authenticate(self.officer.login, self.officer.login)
        page = self.url_open("/srm/field/")
        self.assertEqual(page.status_code, 200)
        self.assertIn('id="srm-field-app"', page.text)
        self.assertIn("/srm/field/manifest.webmanifest", page.text)
        self.assertNotIn(self.officer.name, page.text, "the page kept offline holds no data of the user")
        redirect = self.url_open("/srm/field", allow_redirects=False)
        self.assertEqual(redirect.headers["Location"].split("://", 1)[-1].split("/", 1)[-1], "srm/field/")
        worker = self.url_open("/srm/field/sw.js")
        self.assertEqual(worker.headers["Content-Type"].split(";")[0], "text/javascript")
        self.assertIn("/srm_field/static/src/js/app.js", worker.text)
        self.assertNotIn("__SRM_FIELD_", worker.text)
        manifest = self.url_open("/srm/field/manifest.webmanifest").json()
        self.assertEqual(manifest["start_url"], "/srm/field/")
        self.assertEqual(manifest["display"], "standalone")
        self.assertEqual({icon["sizes"] for icon in manifest["icons"]}, {"192x192", "512x512"})
        for icon in manifest["icons"]:
            self.assertEqual(self.url_open(icon["src"]).status_code, 200)

    def test_page_is_for_the_srm_team(self):
        anonymous = self.url_open("/srm/field/", allow_redirects=False)
        self.assertIn("/web/login", anonymous.headers.get("Location", ""))
        for user in (self.internal, self.portal):
            self.authenticate(user.login, user.login)
            self.assertEqual(self.url_open("/srm/field/", allow_redirects=False).status_code, 403)

    def test_json_routes(self):
        self.authenticate(self.officer.login, self.officer.login)
        boot = self.make_jsonrpc_request("/srm/field/bootstrap", {"known": {}})
        self.assertEqual([p["id"] for p in boot["projects"]], self.project.ids)
        record = self._record()
        answer = self.make_jsonrpc_request("/srm/field/sync", {"records": [record, record]})
        self.assertEqual([r["status"] for r in answer["results"]], ["created", "duplicate"])
        engagement = self.env["srm.engagement"].search([("srm_field_uuid", "=", record["uuid"])])
        self.assertEqual(engagement.create_uid, self.officer)

    def test_json_routes_refuse_others(self):
        # no session: the app is told to sign in again
        with self.assertRaises(JsonRpcException) as caught:
            self.make_jsonrpc_request("/srm/field/sync", {"records": [self._record()]})
        self.assertEqual(caught.exception.code, 100)
        self.assertEqual(caught.exception.args[0], "odoo.http.SessionExpiredException")
        self.authenticate(self.internal.login, self.internal.login)
        with self.assertRaises(JsonRpcException) as caught, mute_logger("odoo.http"):
            self.make_jsonrpc_request("/srm/field/bootstrap", {})
        self.assertEqual(caught.exception.args[0], "odoo.exceptions.AccessError")

    def test_no_cross_site_form_post(self):
        """A page of another site can post a form to the server with the user's cookie,
        not a JSON body: the sync route takes only JSON, so such a post creates nothing."""
        self.authenticate(self.officer.login, self.officer.login)
        record = self._record("Forged meeting")
        response = self.url_open(
            "/srm/field/sync",
            data={"records": json.dumps([record])},
            headers={"Origin": "https://attacker.example.com"},
        )
        self.assertGreaterEqual(response.status_code, 400)
        self.assertFalse(self.env["srm.engagement"].search([("name", "=", "Forged meeting")]))

    def test_signing_out_tells_the_app(self):
        self.authenticate(self.officer.login, self.officer.login)
        response = self.url_open("/web/session/logout", allow_redirects=False)
        cookie = response.headers.get("Set-Cookie", "")
        self.assertIn("srm_field_signed_out=1", cookie)
        self.assertIn("Path=/srm/field/", cookie)
