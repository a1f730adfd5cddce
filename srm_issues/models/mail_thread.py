# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    @api.model
    def _message_route_process(self, message, message_dict, routes):
        """Hand the Authentication-Results headers of an incoming email to the issue
        it creates (see ``srm.issue.message_new``): the ``From:`` of an email proves
        nothing, the results of the receiving mail server do."""
        if any(route[0] == "srm.issue" for route in routes or ()):
            headers = [str(value) for value in message.get_all("Authentication-Results") or []]
            self = self.with_context(srm_authentication_results=headers)
        return super()._message_route_process(message, message_dict, routes)
