# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.osv import expression

from .mail_message import people_ordered, people_searched

PEOPLE_FIELDS = {"request_partner_id", "create_uid", "write_uid"}


class MailActivity(models.Model):
    """Activities of a sensitive or anonymous issue do not name, to users without
    Confidential access, anybody from outside the organisation: the partner who
    asked for it, a user from outside who created or changed it: in reads, and
    searching or grouping on them does not find these activities. Their summary and
    note are written by the team, and stay."""

    _inherit = "mail.activity"

    @api.model
    def _srm_people_exclusion(self):
        """Domain leaving out the activities of protected issues naming somebody from outside."""
        me = self.env.user
        # sudo: the subquery only selects activities to leave out of the user's search
        hidden = self.sudo()._search(
            [
                ("res_model", "=", "srm.issue"),
                ("res_id", "in", self.env["srm.issue"]._srm_protected_issue_query()),
                "|",
                "|",
                "&",
                ("request_partner_id.partner_share", "=", True),
                ("request_partner_id", "!=", me.partner_id.id),
                "&",
                ("create_uid.share", "=", True),
                ("create_uid", "!=", me.id),
                "&",
                ("write_uid.share", "=", True),
                ("write_uid", "!=", me.id),
            ]
        )
        return [("id", "not in", hidden)]

    def _srm_searches_people(self, domain=(), order=None, specs=()):
        own = {"request_partner_id": {self.env.user.partner_id.id}, "create_uid": {self.env.uid}}
        own["write_uid"] = own["create_uid"]
        fnames = people_searched(domain, PEOPLE_FIELDS, own) | people_ordered(order, PEOPLE_FIELDS)
        fnames |= {spec.split(":")[0].split(".")[0] for spec in specs} & PEOPLE_FIELDS
        return fnames and not self.env["srm.issue"]._srm_sees_protected_people()

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su and self._srm_searches_people(domain, order):
            domain = expression.AND([self._srm_people_exclusion(), domain])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    @api.model
    def _read_group(self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None):
        if not self.env.su and self._srm_searches_people(specs=(*groupby, *aggregates)):
            domain = expression.AND([self._srm_people_exclusion(), domain])
        return super()._read_group(
            domain, groupby=groupby, aggregates=aggregates, having=having, offset=offset, limit=limit, order=order
        )

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if not PEOPLE_FIELDS.intersection(fnames):
            return result
        Issue = self.env["srm.issue"]
        # sudo: only the record and the people are read, to know what to hide from the user
        activities = self.sudo().filtered(lambda a: a.res_model == "srm.issue")
        if not activities or Issue._srm_sees_protected_people():
            return result
        protected_ids = Issue._srm_protected_issue_ids(activities.mapped("res_id"))
        activities = activities.filtered(lambda a: a.res_id in protected_ids)
        if not activities:
            return result
        outsiders = set(Issue._srm_outsiders(activities.request_partner_id).ids)
        outside_users = {
            user.id for user in activities.create_uid | activities.write_uid if user.share and user != self.env.user
        }
        hidden = {"request_partner_id": outsiders, "create_uid": outside_users, "write_uid": outside_users}
        for vals in result:
            if vals.get("id") not in activities.ids:
                continue
            for fname, ids in hidden.items():
                value = vals.get(fname)
                if value and (value[0] if isinstance(value, (list, tuple)) else value) in ids:
                    vals[fname] = False
        return result
