# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, models
from odoo.tools import SQL


def _check_read_only(env, records_by_model):
    """Refuse to a read-only user any change on the SRM records ``{model: res_ids}``."""
    mixin = env["srm.secured.mixin"]
    if not mixin._srm_user_is_read_only():
        return
    for model_name, res_ids in records_by_model.items():
        mixin._srm_check_not_read_only(model_name, res_ids)


def _records_by_model(vals_list, model_key, id_key):
    records = defaultdict(set)
    for vals in vals_list:
        if vals.get(model_key):
            records[vals[model_key]].add(vals.get(id_key) or 0)
    return records


class MailMessage(models.Model):
    """A message of an SRM record is read, written, answered or reacted to by an internal
    user only while they may read the record, in any of their companies: having been
    notified of it, being its recipient, author or creator is not enough (Odoo's rules
    open a message to those, whatever the record). Whoever was notified of a message, or
    wrote it, before the record became confidential or moved to a project or company they
    do not work in, no longer reads it, on any path (read, search, the chatter, the inbox,
    starred messages, the ``/mail/...`` routes). Authors are not kept: their message would
    still show the record's current name, its replies and reactions.

    Portal users keep Odoo's rules (and srm_issues' on grievances): they read the messages
    sent to them, and those of the records their rules give them.
    """

    _inherit = "mail.message"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if self.env.is_superuser() or not self.env.user._is_internal():
            return super()._search(domain, offset=offset, limit=limit, order=order)
        return self.env["srm.secured.mixin"]._srm_search_readable_documents(
            self,
            lambda fetch: super(MailMessage, self)._search(domain, offset=offset, limit=fetch, order=order),
            "model",
            offset,
            limit,
            order,
        )

    def _get_forbidden_access(self, operation):
        forbidden = super()._get_forbidden_access(operation)
        ids = [id_ for id_ in (self - forbidden)._ids if isinstance(id_, int)]
        if ids and not self.env.su and self.env.user._is_internal():
            self.browse(ids).flush_recordset(["model", "res_id"])
            rows = self.env.execute_query(SQL("SELECT id, model, res_id FROM mail_message WHERE id = ANY(%s)", ids))
            forbidden += self.browse(self.env["srm.secured.mixin"]._srm_unreadable_documents(rows))
        return forbidden

    @api.model_create_multi
    def create(self, vals_list):
        # read-only users write nothing on SRM records, whichever way the message
        # comes (chatter, composer, mass mailing, RPC); the notifications Odoo sends
        # to a user (e.g. an activity assigned to them) are not messages of theirs
        _check_read_only(
            self.env,
            _records_by_model(
                [vals for vals in vals_list if vals.get("message_type") != "user_notification"],
                "model",
                "res_id",
            ),
        )
        return super().create(vals_list)

    def _message_reaction(self, content, action, partner, guest, store=None):
        # sudo: only the record a message belongs to is read, to know whether the check applies
        _check_read_only(self.env, _records_by_model(self.sudo().read(["model", "res_id"]), "model", "res_id"))
        return super()._message_reaction(content, action, partner, guest, store=store)
