# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, models, tools
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
        routes = [self._srm_route_user(route, message_dict) for route in routes or ()]
        return super()._message_route_process(message, message_dict, routes)

    @api.model
    def _srm_route_user(self, route, message_dict):
        """The user as whom the gateway creates or updates an SRM record: Odoo takes the
        user whose address is in ``From:`` (the record, its activities and changes are
        then theirs); unless the mail server authenticated the email, the gateway works
        as itself, as for an unknown sender."""
        model, thread_id, custom_values, user_id, alias = route
        checks_sender = getattr(self.env[model], "_srm_mail_checks_sender", None) if model in self.env else None
        if not (user_id and user_id != self.env.uid and checks_sender and checks_sender()):
            return route
        email = tools.email_normalize(message_dict.get("email_from") or "")
        # sudo: the route's user and the email's headers are read, nothing is changed;
        # only the gateway and administrators process emails (``message_process``)
        if (
            email
            and self.env["res.users"].sudo().browse(user_id).email_normalized == email
            and not self.sudo()._srm_mail_authenticated(email)
        ):
            return (model, thread_id, custom_values, self.env.uid, alias)
        return route

    def _srm_mail_checks_sender(self):
        """Whether the mail gateway believes the ``From:`` of an email to this model only
        when the mail server authenticated it: the SRM records."""
        return self._name.startswith("srm.")

    def message_update(self, msg_dict, update_vals=None):
        """A reply to an SRM record (``In-Reply-To:``, ``References:``) is in the name of
        the contact or colleague whose address is in its ``From:`` only when the mail
        server authenticated it. Otherwise it is kept, in nobody's name (it would make
        them its author and a follower of the record), with its address and a warning."""
        if self._srm_mail_checks_sender():
            self._srm_unverified_reply(msg_dict)
        return super().message_update(msg_dict, update_vals=update_vals)

    def _srm_unverified_reply(self, msg_dict):
        """Post ``msg_dict`` in nobody's name, with a warning on top of it, when its
        sender is an existing contact or user and the mail server did not authenticate it."""
        author = self.env["res.partner"].browse(msg_dict.get("author_id")).exists()
        email_from = msg_dict.get("email_from") or msg_dict.get("from") or ""
        if not author or self._srm_mail_authenticated(tools.email_normalize(email_from)):
            return
        msg_dict["author_id"] = False
        warning = Markup('<p class="alert alert-warning" role="alert">%s</p>') % self.env._(
            "Sender not verified: the address %(email)s belongs to an existing contact or "
            "colleague, but the receiving mail server did not authenticate this email: anybody "
            "may have written it. It is not in their name; check with them before relying on it.",
            email=email_from,
        )
        msg_dict["body"] = warning + (msg_dict.get("body") or "")

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
        param = self.env["ir.config_parameter"].get_param("srm_base.mail_trusted_authserv_ids") or ""
        trusted = {name.strip().lower() for name in param.split(",") if name.strip()}
        headers = self.env.context.get("srm_authentication_results") or []
        return bool(trusted) and authenticated_sender(headers, trusted, email)
