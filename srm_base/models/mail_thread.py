# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import AccessError


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    @api.model
    def message_process(
        self, model, message, custom_values=None, save_original=False, strip_attachments=False, thread_id=None
    ):
        """The mail gateway creates or updates, as superuser, the record an email is routed
        to: through an alias, a reply to a message, or the model and values its caller gives,
        trusting the headers of the email (its sender's authentication, for grievances).
        Odoo's mail gateway calls it as superuser (the scheduled action fetching mail) or as
        an administrator (the mailgate script); any other user calling it over RPC would
        create or change records of any model whatever their rights: refused."""
        if not (self.env.su or self.env.user._is_system()):
            raise AccessError(self.env._("Only the mail gateway and administrators may process incoming emails."))
        return super().message_process(
            model,
            message,
            custom_values=custom_values,
            save_original=save_original,
            strip_attachments=strip_attachments,
            thread_id=thread_id,
        )
