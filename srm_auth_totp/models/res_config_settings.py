# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .res_users import PARAM_REQUIRED


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    srm_auth_totp_required = fields.Boolean(
        string="Two-factor Authentication for Managers and Confidential Access",
        config_parameter=PARAM_REQUIRED,
        help="Stakeholder managers and users with Confidential access enter a second code when "
        "they sign in: the code of their authenticator app, else a code sent to their email. "
        "Their scripts must use API keys.",
    )
    srm_auth_totp_user_count = fields.Integer(string="Users Concerned", compute="_compute_srm_auth_totp_counts")
    srm_auth_totp_without_app_count = fields.Integer(
        string="Users without App", compute="_compute_srm_auth_totp_counts"
    )
    srm_auth_totp_blocked_count = fields.Integer(
        string="Users without App nor Email", compute="_compute_srm_auth_totp_counts"
    )

    @api.model
    def _srm_auth_totp_users(self):
        """(users of the policy, those without an authenticator app, those without email either)"""
        Users = self.env["res.users"]
        users = Users._srm_mfa_users()
        without_app = Users.search([("id", "in", users.ids), ("totp_enabled", "=", False)])
        return users, without_app, without_app.filtered(lambda user: not user.email)

    @api.depends("srm_auth_totp_required")
    def _compute_srm_auth_totp_counts(self):
        users, without_app, blocked = self._srm_auth_totp_users()
        for settings in self:
            settings.srm_auth_totp_user_count = len(users)
            settings.srm_auth_totp_without_app_count = len(without_app)
            settings.srm_auth_totp_blocked_count = len(blocked)

    def set_values(self):
        if self.srm_auth_totp_required and not self.env["res.users"]._srm_mfa_policy_on():
            __, __, blocked = self._srm_auth_totp_users()
            if self.env.user in blocked:
                raise UserError(
                    self.env._(
                        "You could not sign in any more: set up an authenticator app (My Profile > "
                        "Account Security) or give yourself an email address before requiring "
                        "two-factor authentication."
                    )
                )
        return super().set_values()

    def _srm_auth_totp_users_action(self, users, name):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "res.users",
            "view_mode": "list,form",
            "views": [(self.env.ref("srm_auth_totp.res_users_view_list_srm_auth_totp").id, "list"), (False, "form")],
            "domain": [("id", "in", users.ids)],
            "context": {"active_test": True},
        }

    def action_srm_auth_totp_view_users(self):
        users, __, __ = self._srm_auth_totp_users()
        return self._srm_auth_totp_users_action(users, self.env._("Users Asked for Two-factor Authentication"))

    def action_srm_auth_totp_view_blocked(self):
        __, __, blocked = self._srm_auth_totp_users()
        return self._srm_auth_totp_users_action(blocked, self.env._("Users without App nor Email"))

    def action_srm_auth_totp_invite(self):
        """Email the users without an authenticator app an invitation to set one up."""
        __, without_app, __ = self._srm_auth_totp_users()
        without_app = without_app.filtered("email")
        if not without_app:
            raise UserError(self.env._("Every user asked for two-factor authentication has an authenticator app."))
        return without_app.action_totp_invite()
