# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.osv import expression


class MailNotification(models.Model):
    """Who was notified of a message of a sensitive or anonymous issue: people from
    outside the organisation are hidden from users without Confidential access
    (Odoo lets every employee read every notification), and so is the author from
    outside of a message in the notifications left."""

    _inherit = "mail.notification"

    def _srm_hidden(self):
        """The notifications of ``self`` (in sudo) on protected messages that go to
        somebody from outside the current user may not know of."""
        # sudo: only the message and recipient are read, to know what to hide from the user
        protected = self.sudo().mail_message_id._srm_protected()
        if not protected:
            return self.browse().sudo()
        outsiders = protected._srm_hidden_people()
        return self.sudo().filtered(lambda n: n.mail_message_id in protected and n.res_partner_id in outsiders)

    @api.model
    def _srm_exclusion(self):
        me = self.env.user.partner_id.id
        # sudo: the subquery only selects notifications to leave out of the user's search
        hidden = self.sudo()._search(
            [
                ("mail_message_id.model", "=", "srm.issue"),
                ("mail_message_id.res_id", "in", self.env["srm.issue"]._srm_protected_issue_query()),
                ("res_partner_id.partner_share", "=", True),
                ("res_partner_id", "!=", me),
            ]
        )
        return [("id", "not in", hidden)]

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su and not self.env["srm.issue"]._srm_sees_protected_people():
            domain = expression.AND([self._srm_exclusion(), domain])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _filtered_for_web_client(self):
        return super(MailNotification, self - self._srm_hidden().sudo(False))._filtered_for_web_client()

    def _read_format(self, fnames, load="_classic_read"):
        """A notification read by id keeps its recipient from outside, and the
        author from outside of its message, hidden (searches leave it out)."""
        result = super()._read_format(fnames, load=load)
        if "author_id" not in fnames and "res_partner_id" not in fnames:
            return result
        # sudo: only the message and recipient are read, to know what to hide from the user
        protected = self.sudo().mail_message_id._srm_protected()
        if not protected:
            return result
        hidden_authors = protected._srm_hidden_authors()
        hidden = {
            "author_id": set(self.sudo().filtered(lambda n: n.mail_message_id in hidden_authors).ids),
            "res_partner_id": set(self._srm_hidden().ids),
        }
        for vals in result:
            for fname, ids in hidden.items():
                if fname in vals and vals.get("id") in ids:
                    vals[fname] = False
        return result
