# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.base.models.res_users import is_reified_group

from .ir_rule import WITHOUT_CONFIDENTIAL_ACCESS

# The groups that read beyond the projects a user is a member of
_SRM_COMPANY_WIDE_GROUPS = (
    "srm_base.group_srm_user",
    "srm_base.group_srm_auditor",
    "srm_base.group_srm_manager",
)


class ResUsers(models.Model):
    _name = "res.users"
    _inherit = ["res.users", "srm.link.search.mixin", "srm.link.mask.mixin"]

    srm_project_ids = fields.Many2many(
        "srm.project",
        "srm_project_member_rel",
        "user_id",
        "project_id",
        string="SRM Projects",
        help="Projects this user works on; project-restricted users see only these.",
    )
    srm_project_restricted = fields.Boolean(
        string="Restricted to Their Projects",
        compute="_compute_srm_project_restricted",
        help="An internal user of the Project User (restricted) group who is in none of the "
        "User, Auditor or Manager groups: they see only the records of the projects they are "
        "members of, whatever other group they are given (Confidential access, for example).",
    )

    def has_group(self, group_ext_id):
        # read as a user without Confidential access (see ir.rule._compute_domain): the
        # current user does not hold it, for the rules and for the code that asks
        if (
            group_ext_id == "srm_base.group_srm_confidential"
            and self.env.context.get(WITHOUT_CONFIDENTIAL_ACCESS)
            and self.id == self.env.uid
        ):
            return False
        return super().has_group(group_ext_id)

    @api.model
    def _srm_searched_link_fields(self):
        # every employee reads users: a project-restricted user, the projects they may read
        # (the conditions on the fields of the user's contact are bound by res.partner's)
        return (*super()._srm_searched_link_fields(), "srm_project_ids")

    @api.model
    def _srm_masked_link_field(self, fname):
        # of a user's links, the main project of their contact (res.partner's), which reads
        # "Restricted" to whoever may not read it, the user themselves included; the others
        # (company, contact) are Odoo's
        return fname == "srm_main_project_id"

    def _read_format(self, fnames, load="_classic_read"):
        """The custom attributes of a main project the reader may not read are not shown,
        as on the user's contact."""
        result = super()._read_format(fnames, load=load)
        if "srm_properties" in fnames and result and not self.env.su:
            # sudo: only the main project of each user's contact (which the reader may not
            # read, a stakeholder of another project), checked as the reader below
            mains = {user.id: user.srm_main_project_id.id for user in self.sudo().browse([v["id"] for v in result])}
            hidden = self._srm_hidden_link_ids("srm_main_project_id", mains.values())
            for vals in result:
                if mains.get(vals["id"]) in hidden and "srm_properties" in vals:
                    vals["srm_properties"] = []
        return result

    @api.depends("groups_id", "share")
    def _compute_srm_project_restricted(self):
        # Read by the global record rules of every project-scoped model ("user" in their
        # domains): the project restriction is stated here once, so that the group rules
        # of another group (OR-ed with the restricted ones) cannot widen it.
        # Searches and reads of linked records ask it too (srm.link.search.mixin): the groups'
        # ids are taken from Odoo's cached definitions of the groups, without a query
        definitions = self.env["res.groups"]._get_group_definitions()
        restricted_id = definitions.get_id("srm_base.group_srm_restricted")
        wide_ids = {definitions.get_id(xmlid) for xmlid in _SRM_COMPANY_WIDE_GROUPS} - {None}
        for user in self:
            group_ids = set(user._get_group_ids() if user.id else user.groups_id._origin._ids)
            user.srm_project_restricted = bool(
                restricted_id and not user.share and restricted_id in group_ids and not wide_ids & group_ids
            )

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        if any(vals.get("srm_project_ids") for vals in vals_list):
            # record rules of project-restricted users depend on membership
            self.env.registry.clear_cache()
        return users

    def write(self, vals):
        res = super().write(vals)
        if "srm_project_ids" in vals:
            self.env.registry.clear_cache()
        if self._srm_access_fields().intersection(vals) or any(is_reified_group(fname) for fname in vals):
            self._srm_drop_unreadable_records(gone="active" in vals and not vals["active"])
        return res

    def action_archive(self):
        # Odoo deletes the activities of the users it archives: those of SRM records are
        # handed over first, and the archived users stop following what they followed
        self._srm_drop_unreadable_records(gone=True)
        return super().action_archive()

    @api.model
    def _srm_access_fields(self):
        """The fields of a user whose change may take SRM records away from them: their
        groups, companies, projects, whether they are active or a portal user."""
        return {"groups_id", "company_ids", "srm_project_ids", "active", "share"}

    def _srm_drop_unreadable_records(self, gone=False):
        """Once these users' access changed (projects, groups, companies; archived), they
        lose what still tied them to the SRM records they may no longer read: they stop
        following them, their notifications of their messages are marked read, and their
        open activities go to someone who may read them (``srm.secured.mixin.
        _srm_drop_former_readers``, as when a record changes). The records are found in SQL,
        those the users follow, were notified of or are assigned an activity of, whatever
        their number; ``gone``: the users are being archived, and read nothing any more.
        """
        if not self or not self.env.registry.ready:
            # while modules load, their models and record rules may not all be there
            return
        # sudo: the followers, notifications and activities of the users whose access the
        # current user has just changed (write checked their rights); each record is
        # checked as the user it is tied to
        users = self.sudo().with_context(active_test=False)
        models = self.env["mail.followers"]._srm_secured_models()
        if not models:
            return
        for model in ("mail.followers", "mail.notification", "mail.message", "mail.activity"):
            self.env[model].flush_model()
        rows = self.env.execute_query(
            SQL(
                """
                SELECT res_model, res_id FROM mail_followers
                 WHERE res_model = ANY(%(models)s) AND partner_id = ANY(%(partners)s)
                UNION
                SELECT message.model, message.res_id
                  FROM mail_notification notification
                  JOIN mail_message message ON message.id = notification.mail_message_id
                 WHERE message.model = ANY(%(models)s)
                   AND notification.res_partner_id = ANY(%(partners)s)
                   AND notification.is_read IS NOT TRUE
                UNION
                SELECT res_model, res_id FROM mail_activity
                 WHERE res_model = ANY(%(models)s) AND user_id = ANY(%(users)s)
                """,
                models=models,
                partners=users.partner_id.ids,
                users=users.ids,
            )
        )
        by_model = defaultdict(set)
        for model, res_id in rows:
            if res_id:
                by_model[model].add(res_id)
        for model, res_ids in by_model.items():
            # sudo: the records the users are tied to, each checked as them by the call below
            records = self.env[model].sudo().with_context(active_test=False).browse(res_ids).exists()
            records._srm_drop_former_readers(users=users, gone=users if gone else None)
