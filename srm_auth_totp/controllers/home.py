# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import request

from odoo.addons.auth_totp_mail_enforce.controllers.home import Home

# auth_totp_mail's screen of the user's own account security, with the app set-up
SETUP_APP_URL = "/odoo/action-auth_totp_mail.action_activate_two_factor_authentication"


class SrmAuthTotpHome(Home):
    @http.route()
    def web_totp(self, redirect=None, **kwargs):
        """A user of SRM's policy who signs in with an emailed code is led, if they keep
        the box ticked, to the set-up of an authenticator app."""
        if request.httprequest.method == "POST" and kwargs.get("srm_setup_app") and request.session.pre_uid:
            user = request.env["res.users"].browse(request.session.pre_uid)
            if user._mfa_type() == "totp_mail" and user._srm_mfa_required():
                redirect = SETUP_APP_URL
        return super().web_totp(redirect=redirect, **kwargs)
