# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from odoo.tests import tagged
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
