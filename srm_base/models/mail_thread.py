# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import AccessError

from ..tools.mail_auth import authenticated_sender


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

    @api.model
    def _message_route_process(self, message, message_dict, routes):
        """Hand the Authentication-Results headers of an incoming email to the record it
        creates or updates (see ``_srm_mail_authenticated``): the ``From:`` of an email
        proves nothing, the results of the receiving mail server do."""
        headers = [str(value) for value in message.get_all("Authentication-Results") or []]
        self = self.with_context(srm_authentication_results=headers)
        return super()._message_route_process(message, message_dict, routes)

    @api.model
    def _srm_mail_authenticated(self, email):
        """Whether the receiving mail server authenticated the domain of ``email``, the
        sender of the email being processed: DKIM, SPF or DMARC ``pass`` in an
        Authentication-Results header written by one of the servers listed in the system
        parameter ``srm_base.mail_trusted_authserv_ids``. ``From:`` alone proves nothing:
        anybody can write any address there.

        Only the mail gateway, which processes emails as superuser, hands these headers
        over; a call from anybody else finds the sender unauthenticated."""
        if not self.env.su:
            return False
        param = self.env["ir.config_parameter"].sudo().get_param("srm_base.mail_trusted_authserv_ids") or ""
        trusted = {name.strip().lower() for name in param.split(",") if name.strip()}
        headers = self.env.context.get("srm_authentication_results") or []
        return bool(trusted) and authenticated_sender(headers, trusted, email)
