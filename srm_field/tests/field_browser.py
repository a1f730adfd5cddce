# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Driving the field app in Odoo's test browser (Chromium), online and offline.

``HttpCase.browser_js`` runs one piece of code in a fresh browser; the field app needs one
browser kept through several steps (opened online, opened again offline, back online), with
Chromium's network switched off in between through its DevTools connection
(``Network.emulateNetworkConditions``). The browser starts signed in, without the login page.
"""

import json

from odoo.tests import HttpCase
from odoo.tests.common import ChromeBrowser, ChromeBrowserException
from odoo.tools import file_open

APP = "/srm/field/"


class FieldBrowserCase(HttpCase):
    browser_size = "412x915"  # a phone
    touch_enabled = True

    def start_field_browser(self, login):
        """A browser signed in as ``login`` (whose password is the login)."""
        browser = ChromeBrowser(self)
        self.addCleanup(self._stop_field_browser, browser)
        self.http_request_key = self.canonical_tag + "_browser_js"
        self.authenticate(login, login, browser=browser)
        self.http_request_strict_check = True
        self.cr.flush()
        self.cr.clear()
        browser._websocket_request("Network.enable")
        with file_open("srm_field/static/tests/field_app_driver.js") as f:
            self._field_driver = f.read()
        return browser

    def _stop_field_browser(self, browser):
        browser.stop()
        self._wait_remaining_requests()

    def set_offline(self, browser, offline):
        """Cut (or give back) the network of the page, as a phone out of coverage."""
        browser._websocket_request(
            "Network.emulateNetworkConditions",
            params={"offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
        )

    def open_app(self, browser):
        """Open the app's page and wait until it shows the user's copy."""
        browser.navigate_to(self.base_url() + APP, wait_stop=True)
        self.assertTrue(
            browser._wait_ready(
                "window.srmField && window.srmField.ready && window.srmField.boot !== null", timeout=60
            ),
            "the field app did not open",
        )
        self.run_js(browser, self._field_driver)

    def run_js(self, browser, code, timeout=60):
        """The value of the JavaScript expression ``code`` (awaited when a promise)."""
        answer = browser._websocket_request(
            "Runtime.evaluate",
            params={"expression": code, "awaitPromise": True, "returnByValue": True},
            timeout=timeout,
        )
        if answer.get("exceptionDetails"):
            details = answer["exceptionDetails"]
            message = details.get("exception", {}).get("description") or details.get("text")
            browser.take_screenshot(prefix="srm_field_failed_")
            raise ChromeBrowserException(f"{code[:200]}\n{message}")
        if browser.had_failure:
            raise ChromeBrowserException("the page logged an error: see the log above")
        return answer["result"].get("value")

    def run_steps(self, browser, steps, timeout=60):
        """Run ``steps`` (JavaScript statements, with await) in the app's page."""
        return self.run_js(browser, f"(async () => {{ const d = window.srmFieldDriver; {steps} }})()", timeout=timeout)

    @staticmethod
    def js(value):
        return json.dumps(value)
