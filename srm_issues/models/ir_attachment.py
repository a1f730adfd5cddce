# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.osv import expression

from .mail_message import people_ordered, people_searched

OWNER_FIELDS = {"create_uid", "write_uid"}


class IrAttachment(models.Model):
    """Files of a sensitive or anonymous issue do not tell users without
    Confidential access who uploaded them when it was somebody from outside the
    organisation (the complainant on the portal): the uploader is hidden in reads
    and searching on it does not find these files. The file itself, its name
    included, stays readable to whoever may read the issue, like the text of the
    complainant's messages; the message it came with hides its author."""

    _inherit = "ir.attachment"

    def _srm_hidden_owners(self):
        """The users from outside who uploaded or changed attachments of ``self``
        that belong to protected issues, when the current user may not know them."""
        Issue = self.env["srm.issue"]
        # sudo: only the record and the uploader are read, to know what to hide from the user
        attachments = self.sudo().filtered(lambda a: a.res_model == "srm.issue" and a.res_id)
        if not attachments or Issue._srm_sees_protected_people():
            return {}, set()
        protected_ids = Issue._srm_protected_issue_ids(attachments.mapped("res_id"))
        attachments = attachments.filtered(lambda a: a.res_id in protected_ids)
        users = (attachments.create_uid | attachments.write_uid).filtered(lambda u: u.share and u != self.env.user)
        return set(attachments.ids), set(users.ids)

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if OWNER_FIELDS.intersection(fnames):
            attachment_ids, hidden_users = self._srm_hidden_owners()
            if hidden_users:
                for vals in result:
                    if vals.get("id") not in attachment_ids:
                        continue
                    for fname in OWNER_FIELDS:
                        value = vals.get(fname)
                        if value and (value[0] if isinstance(value, (list, tuple)) else value) in hidden_users:
                            vals[fname] = False
        return result

    @api.model
    def _srm_owner_exclusion(self):
        """Domain leaving out the files of protected issues uploaded or changed by
        somebody from outside."""
        # sudo: the subquery only selects files to leave out of the user's search
        hidden = self.sudo()._search(
            [
                ("res_model", "=", "srm.issue"),
                ("res_id", "in", self.env["srm.issue"]._srm_protected_issue_query()),
                "|",
                ("create_uid.share", "=", True),
                ("write_uid.share", "=", True),
            ]
        )
        return [("id", "not in", hidden)]

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if (
            not self.env.su
            and (
                people_searched(domain, OWNER_FIELDS, {"create_uid": {self.env.uid}, "write_uid": {self.env.uid}})
                or people_ordered(order, OWNER_FIELDS)
            )
            and not self.env["srm.issue"]._srm_sees_protected_people()
        ):
            domain = expression.AND([self._srm_owner_exclusion(), domain])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    @api.model
    def _read_group(self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None):
        if not self.env.su:
            fnames = {spec.split(":")[0].split(".")[0] for spec in (*groupby, *aggregates)}
            if fnames & OWNER_FIELDS and not self.env["srm.issue"]._srm_sees_protected_people():
                domain = expression.AND([self._srm_owner_exclusion(), domain])
        return super()._read_group(
            domain, groupby=groupby, aggregates=aggregates, having=having, offset=offset, limit=limit, order=order
        )
