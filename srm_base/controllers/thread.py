# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.http import request

from odoo.addons.mail.controllers.thread import ThreadController


class SrmThreadController(ThreadController):
    def _prepare_post_data(self, post_data, thread, **kwargs):
        """A portal user or a visitor writes on an SRM record (their grievance...)
        in its open conversation: never an internal note for the team, whatever
        the request asks. The chatter route posts as superuser once it has checked
        access, so the model's own guard for outside authors does not apply there."""
        post_data = super()._prepare_post_data(post_data, thread, **kwargs)
        if not request.env.user._is_internal() and isinstance(thread, request.env.registry["srm.secured.mixin"]):
            post_data["subtype_xmlid"] = "mail.mt_comment"
            post_data["message_type"] = "comment"
        return post_data
