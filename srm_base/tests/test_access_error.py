# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestAccessErrorInDebugMode(HttpCase):
    """Any internal user may switch debug mode on, in which Odoo's refusal names the
    records it refused: a user refused a confidential engagement is not told its subject;
    an administrator still is."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        stakeholder = cls.env["res.partner"].create({"name": "Debug Mode Landowner", "is_stakeholder": True})
        cls.secret = cls.env["srm.engagement"].create(
            {
                "name": "Price offered for the Quispe family's parcel",
                "partner_ids": [Command.set(stakeholder.ids)],
                "is_confidential": True,
            }
        )
        new_test_user(cls.env, login="srm_debug_user", groups="base.group_user,srm_base.group_srm_user")

    def _refusal(self, login, method="read", args=None):
        self.authenticate(login, login)
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "model": "srm.engagement",
                "method": method,
                "args": args or [self.secret.ids, ["name"]],
                "kwargs": {},
            },
        }
        with mute_logger("odoo.http"):
            response = self.url_open(
                # debug=1 switches debug mode on, for this request and the session
                f"/web/dataset/call_kw/srm.engagement/{method}?debug=1",
                data=json.dumps(payload),
                headers={"Content-Type": "application/json"},
            )
        error = response.json()["error"]["data"]
        self.assertEqual(error["name"], "odoo.exceptions.AccessError")
        return error["message"]

    def test_refused_records_are_not_named(self):
        message = self._refusal("srm_debug_user")
        self.assertNotIn("Quispe", message)
        self.assertNotIn(str(self.secret.id), message)
        self.assertIn("srm.engagement", message)
        message = self._refusal("srm_debug_user", "write", [self.secret.ids, {"summary": "x"}])
        self.assertNotIn("Quispe", message)

    def test_refusal_in_the_users_language(self):
        """The refusal, and the word for what was refused, are in the user's language."""
        self.env["res.lang"]._activate_lang("fr_FR")
        new_test_user(
            self.env, login="srm_debug_user_fr", groups="base.group_user,srm_base.group_srm_user", lang="fr_FR"
        )
        message = self._refusal("srm_debug_user_fr")
        self.assertIn("Vous ne pouvez pas lire ces enregistrements", message)
        self.assertNotIn("Quispe", message)

    def test_administrators_still_see_them(self):
        self.secret.message_unsubscribe(partner_ids=self.env.ref("base.partner_admin").ids)
        # the administrator lacks the confidential group: refused, and told which record
        admin = self.env.ref("base.user_admin")
        admin.groups_id -= self.env.ref("srm_base.group_srm_manager")
        admin.groups_id -= self.env.ref("srm_base.group_srm_confidential")
        self.env.ref("srm_base.group_srm_user").users |= admin
        self.assertIn("Quispe", self._refusal("admin"))
