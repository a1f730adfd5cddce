# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from .srm_issue import is_staff


class MailMessage(models.Model):
    _inherit = "mail.message"

    def _author_to_store(self, store):
        """Hide who wrote to a sensitive or anonymous issue from users who may not know.

        The complainant of a sensitive grievance is known only to Confidential access
        users (srm.issue's complainant fields). Their emails and portal replies stay in
        the issue's chatter, so the chatter shows them without author for everyone
        else; messages of the organisation's own staff keep their author, and the
        complainant (on the portal) still sees their own messages as theirs.
        """
        protected = self._srm_protected_author_messages()
        super(MailMessage, self - protected)._author_to_store(store)
        for message in protected:
            store.add(message, {"author": False, "email_from": self.env._("Protected complainant")})

    def _srm_protected_author_messages(self):
        messages = self.filtered(lambda m: m.model == "srm.issue" and m.res_id)
        if not messages or self.env.user.has_group("srm_base.group_srm_confidential"):
            return self.browse()
        issues = self.env["srm.issue"].sudo().browse(set(messages.mapped("res_id"))).exists()
        protected_ids = set(issues.filtered(lambda i: i.is_sensitive or i.is_anonymous).ids)
        me = self.env.user.partner_id
        return messages.sudo().filtered(
            lambda m: m.res_id in protected_ids
            and (m.author_guest_id or m.email_from or m.author_id)
            and m.author_id != me
            and not is_staff(m.author_id)
        )
