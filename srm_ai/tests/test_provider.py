# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
import re
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from unittest.mock import patch

from odoo.tests import new_test_user, tagged
from odoo.tests.common import _super_send
from odoo.tools import html2plaintext

from .common import SrmAiCase


class ChatHandler(BaseHTTPRequestHandler):
    """A chat-completions endpoint whose behaviour the test chooses."""

    server_version = "FakeChat/1.0"

    def log_message(self, *args):
        pass

    def do_POST(self):  # noqa: N802
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length).decode()
        self.server.requests.append(
            {"path": self.path, "body": body, "auth": self.headers.get("Authorization")}
        )
        mode = self.server.mode
        if mode == "timeout":
            # longer than any client timeout (tests raise requests' timeouts to 10 s)
            time.sleep(11)
        if mode == "401":
            return self._send(401, {"error": {"message": "invalid api key"}})
        if mode == "429":
            return self._send(429, {"error": {"message": "rate limited"}})
        if mode == "500":
            return self._send(500, {"error": "boom"})
        if mode == "malformed":
            return self._send(200, "this is not json", raw=True)
        answer = "Brief for [PERSON_1]: listen to their worries about dust."
        if mode == "html":
            answer = 'Brief for [PERSON_1] <img src="x" onerror="alert(document.cookie)"><script>alert(2)</script>'
        return self._send(
            200,
            {
                "id": "chatcmpl-1",
                "object": "chat.completion",
                "choices": [{"index": 0, "message": {"role": "assistant", "content": answer}, "finish_reason": "stop"}],
            },
        )

    def _send(self, status, payload, raw=False):
        data = payload.encode() if raw else json.dumps(payload).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass


@tagged("post_install", "-at_install")
class TestProvider(SrmAiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = ThreadingHTTPServer(("127.0.0.1", 0), ChatHandler)
        cls.server.requests = []
        cls.server.mode = "ok"
        cls.server.daemon_threads = True
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()
        cls.addClassCleanup(cls.server.server_close)
        cls.addClassCleanup(cls.server.shutdown)
        # the test server runs on this machine: an administrator allows a private address
        cls.env["ir.config_parameter"].set_param("srm_ai.provider_allow_private", "True")
        cls.company.write(
            {
                "srm_ai_provider_url": f"http://127.0.0.1:{cls.server.server_address[1]}/v1",
                "srm_ai_provider_model": "local-test",
                "srm_ai_provider_api_key": "sk-secret-key",
                "srm_ai_provider_timeout": 1,
            }
        )
        cls.public = cls._engagement(
            "Jean Dupont (jean.dupont@example.org, +33 6 12 34 56 78) is worried about the dust.",
            partners=cls.farmer,
            name="Dust visit",
            days_ago=3,
        )
        cls.secret = cls._engagement(
            "SECRET-NEGOTIATION: Jean Dupont accepts a private land deal.",
            partners=cls.farmer,
            name="Private land deal",
            is_confidential=True,
            days_ago=2,
        )

    def setUp(self):
        super().setUp()
        self.server.requests.clear()
        self.server.mode = "ok"

    def _brief(self, user=None):
        action = self.farmer.with_user(user or self.manager).action_srm_ai_briefing()
        return self.env["srm.ai.briefing"].browse(action["res_id"])

    def _logs(self):
        return self.env["srm.ai.call.log"].search([], order="id desc")

    def test_nothing_sent_when_provider_off(self):
        brief = self._brief()
        self.assertEqual(brief.mode, "offline")
        self.assertFalse(self.server.requests)
        self.assertFalse(self._logs())

    def test_success_masked_and_without_confidential_records(self):
        self.company.srm_ai_provider_enabled = True
        brief = self._brief()
        self.assertEqual(brief.mode, "provider")
        self.assertIn("Brief for Jean Dupont", html2plaintext(brief.body), "placeholders are put back for display")
        self.assertEqual(len(self.server.requests), 1)
        request = self.server.requests[0]
        self.assertEqual(request["path"], "/v1/chat/completions")
        self.assertEqual(request["auth"], "Bearer sk-secret-key")
        payload = json.loads(request["body"])
        self.assertEqual(payload["model"], "local-test")
        sent = request["body"]
        for secret in ("Jean", "Dupont", "jean.dupont@example.org", "12 34 56 78", "SECRET-NEGOTIATION",
                       "Private land deal"):
            self.assertNotIn(secret, sent)
        self.assertIn("[PERSON_1]", sent)
        self.assertIn("dust", sent)
        log = self._logs()[:1]
        self.assertEqual(log.status, "success")
        self.assertEqual(log.purpose, "briefing")
        self.assertEqual(log.user_id, self.manager)
        self.assertIn(f"srm.engagement({self.public.id})", log.res_ids)
        self.assertNotIn(str(self.secret.id), log.res_ids.split("srm.engagement(")[1].split(")")[0].split(","))
        self.assertEqual(log.excluded_count, 1)
        self.assertGreater(log.masked_count, 2)

    def _assert_failure(self, mode, kind, words):
        self.company.srm_ai_provider_enabled = True
        self.server.mode = mode
        brief = self._brief()
        self.assertEqual(brief.mode, "offline", "the offline brief stays")
        self.assertIn("Dust visit", html2plaintext(brief.body))
        self.assertIn(words, brief.provider_message)
        self.assertIn("logged", brief.provider_message)
        log = self._logs()[:1]
        self.assertEqual((log.status, log.error_kind), ("failed", kind))

    def test_timeout(self):
        self._assert_failure("timeout", "timeout", "did not answer in time")

    def test_bad_key(self):
        self._assert_failure("401", "auth", "refused the API key")

    def test_rate_limit(self):
        self._assert_failure("429", "rate_limit", "rate-limiting")

    def test_server_error(self):
        self._assert_failure("500", "server", "internal error")

    def test_malformed_answer(self):
        self._assert_failure("malformed", "malformed", "cannot be read")

    def test_strategy_with_provider_and_connection_test(self):
        self.company.srm_ai_provider_enabled = True
        action = self.farmer.with_user(self.user).action_srm_ai_strategy()
        strategy = self.env["srm.ai.strategy"].browse(action["res_id"])
        self.assertEqual(strategy.mode, "provider")
        self.assertNotIn("SECRET-NEGOTIATION", self.server.requests[-1]["body"])
        service = self.env["srm.ai.service"].with_user(self.manager)
        result = service._srm_ai_test_provider(self.company)
        self.assertEqual(result["params"]["type"], "success")
        self.server.mode = "401"
        result = service._srm_ai_test_provider(self.company)
        self.assertEqual(result["params"]["type"], "danger")
        self.assertEqual(self._logs()[:1].purpose, "test")

    def _sent(self):
        """What the provider received: the text of the messages."""
        return "\n".join(
            m["content"] for r in self.server.requests for m in json.loads(r["body"])["messages"]
        )

    def test_answer_shown_as_text(self):
        self.company.srm_ai_provider_enabled = True
        self.server.mode = "html"
        brief = self._brief()
        self.assertEqual(brief.mode, "provider")
        self.assertNotIn("<img", brief.body)
        self.assertNotIn("<script", brief.body)
        self.assertIn("Brief for Jean Dupont", html2plaintext(brief.body))

    def test_personal_data_of_anybody_masked(self):
        """Names of the register (whoever the records link), titles with a name,
        other spellings, identity numbers, addresses and dates of birth."""
        self.company.srm_ai_provider_enabled = True
        Partner = self.env["res.partner"]
        Partner.create({"name": "Pierre Martin", "is_stakeholder": True, "street": "7 Chemin des Vignes"})
        Partner.create({"name": "José García-Núñez", "is_stakeholder": True})
        Partner.create({"name": "Hans Müller"})
        Partner.create({"name": "王秀英", "is_stakeholder": True})
        self._engagement(
            "Our neighbour Pierre Martin and Mr Li say the dust is worse. Jose Garcia-Nunez and Hans Mueller "
            "agree; 王秀英说灰尘很大。 Martin's ID card AB123456, passport X1234567Z, he lives at "
            "12 Rue de la Paix, near 7 Chemin des Vignes; born on 12/03/1980.",
            partners=self.farmer,
            name="Dust survey",
            days_ago=1,
        )
        action = self.farmer.with_user(self.manager).action_srm_ai_strategy()
        strategy = self.env["srm.ai.strategy"].browse(action["res_id"])
        self.assertEqual(strategy.mode, "provider")
        sent = self._sent()
        self.assertIn("dust", sent)
        for secret in (
            "Pierre", "Martin", "Jose", "Garcia", "José", "Núñez", "Nunez", "Hans", "Mueller", "Müller", "王秀英",
            "AB123456", "X1234567Z", "Rue de la Paix", "Chemin des Vignes", "12/03/1980",
        ):
            self.assertNotIn(secret, sent)
        self.assertIsNone(re.search(r"\bMr\.? Li\b", sent), sent)
        for placeholder in ("[PERSON_", "[ID_", "[ADDRESS_", "[DATE_OF_BIRTH_"):
            self.assertIn(placeholder, sent)

    def test_protected_grievances_never_sent(self):
        self.company.srm_ai_provider_enabled = True
        officer = new_test_user(
            self.env, login="srm_ai_officer", name="Olga Officer",
            groups="srm_base.group_srm_manager,srm_issues.group_srm_issue_worker",
        )
        for name, vals in (
            ("ANONYMOUS-GRIEVANCE", {"is_anonymous": True}),
            ("WORKER-GRIEVANCE", {"grievance_scope": "worker"}),
            ("SENSITIVE-GRIEVANCE", {"is_sensitive": True}),
            ("PUBLIC-GRIEVANCE", {}),
        ):
            self._issue(name, "Dust and noise.", partners=self.farmer, **vals)
        action = self.farmer.with_user(officer).action_srm_ai_briefing()
        brief = self.env["srm.ai.briefing"].browse(action["res_id"])
        self.assertEqual(brief.mode, "provider")
        for shown in ("ANONYMOUS-GRIEVANCE", "WORKER-GRIEVANCE", "SENSITIVE-GRIEVANCE"):
            self.assertIn(shown, html2plaintext(brief.body), "the offline part of the brief keeps them")
        sent = self._sent()
        self.assertIn("PUBLIC-GRIEVANCE", sent)
        for withheld in ("ANONYMOUS-GRIEVANCE", "WORKER-GRIEVANCE", "SENSITIVE-GRIEVANCE", "SECRET-NEGOTIATION"):
            self.assertNotIn(withheld, sent)
        self.assertGreaterEqual(self._logs()[:1].excluded_count, 4)

    def test_strategy_sends_nothing_built_from_confidential_engagements(self):
        for days in (4, 5, 6):
            self._engagement(
                "Zirconium tailings zirconium compensation zirconium.", partners=self.farmer, days_ago=days,
                is_confidential=True,
            )
        # offline, the suggestion shown to its (confidential access) author quotes them
        action = self.farmer.with_user(self.manager).action_srm_ai_strategy()
        strategy = self.env["srm.ai.strategy"].browse(action["res_id"])
        self.assertIn("zirconium", html2plaintext(strategy.body).lower())
        self.assertTrue(strategy.is_confidential)
        # nothing built from them is sent
        self.company.srm_ai_provider_enabled = True
        action = self.farmer.with_user(self.manager).action_srm_ai_strategy()
        self.assertEqual(self.env["srm.ai.strategy"].browse(action["res_id"]).mode, "provider")
        sent = self._sent()
        self.assertIn("Offline analysis", sent)
        self.assertNotIn("zirconium", sent.lower())

    def test_private_addresses_refused_unless_allowed(self):
        self.company.srm_ai_provider_enabled = True
        self.env["ir.config_parameter"].set_param("srm_ai.provider_allow_private", "False")
        brief = self._brief()
        self.assertEqual(brief.mode, "offline")
        self.assertFalse(self.server.requests, "nothing was sent")
        self.assertIn("private, loopback or link-local", brief.provider_message)
        log = self._logs()[:1]
        self.assertEqual((log.status, log.error_kind), ("failed", "address"))
        result = self.env["srm.ai.service"].with_user(self.manager)._srm_ai_test_provider(self.company)
        self.assertEqual(result["params"]["type"], "danger")
        self.assertIn("Allow a Private Provider Address", result["params"]["message"])
        for url in ("http://localhost:11434/v1", "http://[::1]:8080/v1", "http://169.254.169.254/latest",
                    "http://10.0.0.7/v1", "http://192.168.1.20/v1", "http://[fe80::1]/v1",
                    "http://[::ffff:127.0.0.1]/v1", "http://0.0.0.0:8000/v1"):
            self.company.srm_ai_provider_url = url
            self.assertEqual(self._brief().mode, "offline")
            self.assertEqual(self._logs()[:1].error_kind, "address", url)
        self.assertFalse(self.server.requests)
        # an administrator allows it explicitly, in the settings
        settings = self.env["res.config.settings"].create({"srm_ai_provider_allow_private": True})
        settings.execute()
        self.company.srm_ai_provider_url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.assertEqual(self._brief().mode, "provider")
        self.assertEqual(len(self.server.requests), 1)
        self.assertEqual(
            self.env["res.config.settings"]._fields["srm_ai_provider_allow_private"].groups, "base.group_system"
        )

    def test_dns_rebinding_refused(self):
        """A host whose name resolves to a public address when the URL is checked, then
        to this machine when the call connects (DNS rebinding), gets nothing."""
        port = self.server.server_address[1]
        real_getaddrinfo = socket.getaddrinfo
        answers = []

        def rebinding_dns(host, *args, **kwargs):
            if host != "ai.rebind.example":
                return real_getaddrinfo(host, *args, **kwargs)
            answers.append(host)
            address = "93.184.216.34" if len(answers) == 1 else "127.0.0.1"
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

        def let_through(session, request, **kwargs):
            # the test framework refuses requests to other hosts than this one: this
            # host's name stands for a provider on the internet
            return _super_send(session, request, **kwargs)

        self.company.srm_ai_provider_enabled = True
        self.env["ir.config_parameter"].set_param("srm_ai.provider_allow_private", "False")
        self.company.srm_ai_provider_url = f"http://ai.rebind.example:{port}/v1"
        with patch("socket.getaddrinfo", rebinding_dns), patch.object(type(self), "_request_handler", let_through):
            brief = self._brief()
        self.assertGreaterEqual(len(answers), 2, "checked, then resolved again to connect")
        self.assertEqual(brief.mode, "offline")
        self.assertFalse(self.server.requests, "nothing was sent to this machine")
        self.assertEqual(self._logs()[:1].error_kind, "address")
