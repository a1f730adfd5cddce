# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

PEOPLE_FIELDS = {"request_partner_id", "create_uid", "write_uid"}


class MailActivity(models.Model):
    """Activities of a sensitive or anonymous issue do not name, to users without
    Confidential access, anybody from outside the organisation: the partner who
    asked for it, a user from outside who created or changed it. Their summary and
    note are written by the team, and stay."""

    _inherit = "mail.activity"

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
