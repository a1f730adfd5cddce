# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import hashlib
import hmac

from odoo import api, models
from odoo.tools import str2bool

PARAM_REQUIRED = "srm_auth_totp.required"
# who is asked for a second factor when the setting is on
PRIVILEGED_GROUPS = "srm_base.group_srm_manager,srm_base.group_srm_confidential"


class ResUsers(models.Model):
    """Two-factor authentication required of SRM managers and confidential access users.

    Built on auth_totp_mail_enforce: a user of these groups who set up an
    authenticator app is asked for its code (``totp``); one who did not gets a
    code by email (``totp_mail``) and is offered to set up an app. Password-based
    RPC is refused to them, as auth_totp does for users with an app: scripts use
    API keys. Turning the setting on or off ends the sessions of these users.
    """

    _inherit = "res.users"

    @api.model
    def _srm_mfa_policy_on(self):
        return str2bool(self.env["ir.config_parameter"].sudo().get_param(PARAM_REQUIRED, "False"), False)

    def _srm_mfa_required(self):
        """Whether SRM's sign-in policy asks this user for a second factor."""
        self.ensure_one()
        if not self._srm_mfa_policy_on():
            return False
        # asked before the sign-in completes, with the rights of the public user or of this
        # user: reading one's own groups is what the check needs, nothing is returned
        user = self.sudo()
        return user._is_internal() and user.has_groups(PRIVILEGED_GROUPS)

    def _mfa_type(self):
        # auth_totp_mail_enforce's _mfa_url sends "totp_mail" users to /web/login/totp
        mfa_type = super()._mfa_type()
        if mfa_type is not None:
            return mfa_type
        if self._srm_mfa_required():
            return "totp_mail"
        return None

    def _rpc_api_keys_only(self):
        # the password alone would skip the second factor: API keys only, as with an app
        return super()._rpc_api_keys_only() or self._srm_mfa_required()

    def _compute_session_token(self, sid):
        token = super()._compute_session_token(sid)
        if token and len(self) == 1 and self._srm_mfa_required():
            # sessions opened before the policy (or after it, once it is lifted) no longer match
            token = hmac.new(token.encode(), b"srm_auth_totp", hashlib.sha256).hexdigest()
        return token

    @api.model
    def _srm_mfa_users(self):
        """Active internal users the policy applies to (whatever the setting)."""
        groups = self.env["res.groups"]
        for xmlid in PRIVILEGED_GROUPS.split(","):
            groups |= self.env.ref(xmlid)
        return self.search([("share", "=", False), ("groups_id", "in", groups.ids)])
