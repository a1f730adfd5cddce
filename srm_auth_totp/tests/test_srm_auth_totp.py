# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import json
import re
from datetime import timedelta
from xmlrpc.client import Fault

from passlib.totp import TOTP

from odoo import fields, http
from odoo.exceptions import UserError
from odoo.tests import HttpCase, get_db_name, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.mail.tests.common import MockEmail

from ..controllers.home import SETUP_APP_URL

LANDING = "/odoo/action-srm_base.res_partner_action_stakeholder"
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


@tagged("post_install", "-at_install")
class TestSrmAuthTotp(MockEmail, HttpCase):
    """The real sign-in: /web/login, then /web/login/totp, as a browser does it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def user(login, groups, **values):
            values.setdefault("email", f"{login}@example.com")
            return new_test_user(cls.env, login, groups, context={"no_reset_password": True}, **values)

        # the password of each user is its login
        cls.manager = user("srm2fa_manager", "srm_base.group_srm_manager")
        cls.confidential = user("srm2fa_confidential", "srm_base.group_srm_user,srm_base.group_srm_confidential")
        cls.srm_user = user("srm2fa_user", "srm_base.group_srm_user")
        cls.admin_without_email = user("srm2fa_admin", "base.group_system,srm_base.group_srm_manager", email=False)
        cls._set_policy(True)

    @classmethod
    def _set_policy(cls, on):
        cls.env["ir.config_parameter"].sudo().set_param("srm_auth_totp.required", "True" if on else "False")

    # helpers ------------------------------------------------------------

    def _open(self, url, **kwargs):
        """url_open, keeping the session cookie the server gives (a sign-in renews it)."""
        response = self.url_open(url, **kwargs)
        sid = response.cookies.get("session_id")
        if sid:
            for cookie in [cookie for cookie in self.opener.cookies if cookie.name == "session_id"]:
                self.opener.cookies.clear(cookie.domain, cookie.path, cookie.name)
            self.opener.cookies.set("session_id", sid)
        return response

    def _password_step(self, login, redirect=LANDING):
        """Sign in with login and password from a new browser session; the answer of /web/login."""
        self.authenticate(None, None)
        page = self._open("/web/login")
        csrf = CSRF_RE.search(page.text).group(1)
        data = {"login": login, "password": login, "csrf_token": csrf, "redirect": redirect}
        return self._open("/web/login", data=data, allow_redirects=False)

    def _session(self):
        return http.root.session_store.get(self.opener.cookies.get("session_id"))

    def _search_engagements(self):
        """What the web client asks for the engagement log, through JSON-RPC."""
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "model": "srm.engagement",
                "method": "search_read",
                "args": [[]],
                "kwargs": {"fields": ["name"], "limit": 1},
            },
        }
        response = self._open(
            "/web/dataset/call_kw/srm.engagement/search_read",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
        return response.json()

    def _second_step(self, code, **extra):
        page = self._open("/web/login/totp")
        data = {"totp_token": code, "csrf_token": CSRF_RE.search(page.text).group(1), "redirect": LANDING}
        data.update(extra)
        return self._open("/web/login/totp", data=data, allow_redirects=False)

    def _code_mails(self, user):
        """The emails with a sign-in code sent to ``user`` (not the new device alerts)."""
        return [
            mail
            for mail in self._mails
            if user.email in "".join(mail["email_to"]) and "authentication code" in mail["subject"]
        ]

    def _mailed_code(self, user):
        mails = self._code_mails(user)
        self.assertEqual(len(mails), 1, "one code sent to the user's email")
        return re.search(r">\s*(\d{6})\s*<", mails[0]["body"]).group(1)

    # the policy ---------------------------------------------------------

    @mute_logger("odoo.http")
    def test_manager_gives_a_second_factor_before_reaching_srm_data(self):
        response = self._password_step(self.manager.login)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login/totp", response.headers["Location"])
        session = self._session()
        self.assertFalse(session.uid, "the password alone does not sign in")
        self.assertEqual(session.pre_uid, self.manager.id)

        # no stakeholder data before the second step
        page = self._open(LANDING, allow_redirects=False)
        self.assertEqual(page.status_code, 303)
        self.assertIn("/web/login", page.headers["Location"])
        self.assertEqual(self._search_engagements()["error"]["data"]["name"], "odoo.http.SessionExpiredException")

        with self.mock_mail_gateway():
            page = self._open(response.headers["Location"])
        self.assertIn("just sent via email", page.text)
        self.assertIn("requires two-factor authentication", page.text)
        code = self._mailed_code(self.manager)

        wrong = self._second_step("000000" if code != "000000" else "111111")
        self.assertEqual(wrong.status_code, 200)
        self.assertIn("Verification failed", wrong.text)
        self.assertFalse(self._session().uid)

        done = self._second_step(code)
        self.assertEqual(done.status_code, 303)
        self.assertTrue(done.headers["Location"].endswith(LANDING))
        self.assertEqual(self._session().uid, self.manager.id)
        self.assertIn("result", self._search_engagements())

    def test_confidential_access_is_asked_too(self):
        response = self._password_step(self.confidential.login)
        self.assertIn("/web/login/totp", response.headers["Location"])
        self.assertFalse(self._session().uid)

    def test_ordinary_srm_user_is_not_asked(self):
        response = self._password_step(self.srm_user.login)
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith(LANDING))
        self.assertEqual(self._session().uid, self.srm_user.id)
        self.assertIn("result", self._search_engagements())

    def test_nobody_is_asked_when_the_setting_is_off(self):
        self._set_policy(False)
        response = self._password_step(self.manager.login)
        self.assertTrue(response.headers["Location"].endswith(LANDING))
        self.assertEqual(self._session().uid, self.manager.id)

    def test_authenticator_app_code_when_set_up(self):
        secret = base64.b32encode(b"srm-test-secret-0123").decode()
        self.manager.sudo().totp_secret = secret
        with self.mock_mail_gateway():
            response = self._password_step(self.manager.login)
            page = self._open(response.headers["Location"])
        self.assertIn("provided by your Authenticator app", page.text)
        self.assertNotIn("requires two-factor authentication", page.text)
        self.assertFalse(self._code_mails(self.manager), "no code by email")
        done = self._second_step(TOTP(key=secret).generate().token)
        self.assertEqual(done.status_code, 303)
        self.assertEqual(self._session().uid, self.manager.id)

    def test_emailed_code_leads_to_the_app_set_up(self):
        with self.mock_mail_gateway():
            response = self._password_step(self.manager.login)
            page = self._open(response.headers["Location"])
        self.assertIn('name="srm_setup_app"', page.text)
        done = self._second_step(self._mailed_code(self.manager), srm_setup_app="1")
        self.assertEqual(done.status_code, 303)
        self.assertTrue(done.headers["Location"].endswith(SETUP_APP_URL))
        self.assertEqual(self._session().uid, self.manager.id)

    @mute_logger("odoo.http")
    def test_password_rpc_is_refused_api_keys_work(self):
        db = get_db_name()
        self.assertFalse(self.xmlrpc_common.authenticate(db, self.manager.login, self.manager.login, {}))
        with self.assertRaisesRegex(Fault, "Access Denied"):
            self.xmlrpc_object.execute_kw(
                db, self.manager.id, self.manager.login, "srm.engagement", "search_count", [[]]
            )
        key = (
            self.env["res.users.apikeys"]
            .with_user(self.manager)
            ._generate(None, "reporting script", fields.Datetime.now() + timedelta(days=1))
        )
        self.assertEqual(self.xmlrpc_common.authenticate(db, self.manager.login, key, {}), self.manager.id)
        self.assertEqual(
            self.xmlrpc_common.authenticate(db, self.srm_user.login, self.srm_user.login, {}), self.srm_user.id
        )
        self._set_policy(False)
        self.assertEqual(
            self.xmlrpc_common.authenticate(db, self.manager.login, self.manager.login, {}), self.manager.id
        )

    def test_turning_the_policy_on_ends_open_sessions(self):
        self._set_policy(False)
        self.authenticate(self.manager.login, self.manager.login)
        self.assertEqual(self._open(LANDING, allow_redirects=False).status_code, 200)
        self._set_policy(True)
        page = self._open(LANDING, allow_redirects=False)
        self.assertEqual(page.status_code, 303, "signed out: the next sign-in asks for the second factor")
        self.assertIn("/web/login", page.headers["Location"])

        self.authenticate(self.srm_user.login, self.srm_user.login)
        self._set_policy(False)
        self.assertEqual(self._open(LANDING, allow_redirects=False).status_code, 200, "others stay signed in")

    # settings -----------------------------------------------------------

    def test_settings_count_and_refuse_to_lock_out_their_author(self):
        self._set_policy(False)
        settings = self.env["res.config.settings"].with_user(self.admin_without_email).create({})
        self.assertGreaterEqual(settings.srm_auth_totp_user_count, 3)
        self.assertGreaterEqual(settings.srm_auth_totp_blocked_count, 1)
        users = self.env["res.users"].search(settings.action_srm_auth_totp_view_users()["domain"])
        self.assertTrue(self.manager | self.confidential <= users)
        self.assertNotIn(self.srm_user, users)
        blocked = self.env["res.users"].search(settings.action_srm_auth_totp_view_blocked()["domain"])
        self.assertIn(self.admin_without_email, blocked)
        self.assertNotIn(self.manager, blocked)

        settings.srm_auth_totp_required = True
        with self.assertRaisesRegex(UserError, "could not sign in any more"):
            settings.execute()
        self.assertFalse(self.env["res.users"]._srm_mfa_policy_on())

        self.admin_without_email.email = "srm2fa_admin@example.com"
        settings = (
            self.env["res.config.settings"].with_user(self.admin_without_email).create({"srm_auth_totp_required": True})
        )
        settings.execute()
        self.assertTrue(self.env["res.users"]._srm_mfa_policy_on())

    # the browser --------------------------------------------------------

    def test_sign_in_with_the_emailed_code_tour(self):
        """In the browser, from the second step of the sign-in (the password step is done)."""
        self._password_step(self.manager.login)
        # a copy of the half-signed-in session for the browser of the tour
        pending = http.root.session_store.new()
        pending.update(dict(self._session()))
        http.root.session_store.save(pending)
        self.env.invalidate_all()
        code = self.manager._get_totp_mail_code()[0]
        with self.mock_mail_gateway():
            self.start_tour(
                f"/web/login/totp?redirect={LANDING}",
                "srm_auth_totp_sign_in_tour",
                login=None,
                cookies={"session_id": pending.sid, "srm_tour_code": code},
            )
        self.assertEqual(self._mailed_code(self.manager), code)
        self.assertEqual(http.root.session_store.get(pending.sid).get("pre_uid"), None)
