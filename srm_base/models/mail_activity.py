# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from .mail_message import _check_read_only, _records_by_model


class MailActivity(models.Model):
    """An activity of an SRM record is read and acted on only by who may read the record,
    in any of their companies: its assignee too (Odoo lets an assignee read their activity
    whatever the record, and mark it done). One assigned before the record became
    confidential or moved to a project or company the assignee does not work in is handed
    over (``srm.secured.mixin._srm_drop_former_readers``), and its former assignee no
    longer reads it."""

    _inherit = "mail.activity"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if self.env.is_superuser():
            return super()._search(domain, offset=offset, limit=limit, order=order)
        return self.env["srm.secured.mixin"]._srm_search_readable_documents(
            self,
            lambda fetch: super(MailActivity, self)._search(domain, offset=offset, limit=fetch, order=order),
            "res_model",
            offset,
            limit,
            order,
        )

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if self.env.su:
            return result
        activities = self - result[0] if result else self
        ids = [id_ for id_ in activities._ids if isinstance(id_, int)]
        if not ids:
            return result
        self.browse(ids).flush_recordset(["res_model", "res_id"])
        rows = self.env.execute_query(SQL("SELECT id, res_model, res_id FROM mail_activity WHERE id = ANY(%s)", ids))
        forbidden = self.browse(self.env["srm.secured.mixin"]._srm_unreadable_documents(rows))
        if not forbidden:
            return result
        if result:
            return (result[0] + forbidden, result[1])
        return (forbidden, lambda: forbidden._make_access_error(operation))

    @api.model_create_multi
    def create(self, vals_list):
        # read-only users schedule nothing on SRM records, whichever way (chatter,
        # activity plans, RPC); the document model comes as res_model_id or res_model
        models_by_id = {}
        if any(vals.get("res_model_id") for vals in vals_list):
            # sudo: only the technical name of the document model is read
            models_by_id = {
                model.id: model.model
                for model in self.env["ir.model"]
                .sudo()
                .browse({vals["res_model_id"] for vals in vals_list if vals.get("res_model_id")})
            }
        targets = [
            {"model": models_by_id.get(vals.get("res_model_id")) or vals.get("res_model"), "res_id": vals.get("res_id")}
            for vals in vals_list
        ]
        _check_read_only(self.env, _records_by_model(targets, "model", "res_id"))
        return super().create(vals_list)

    def write(self, vals):
        _check_read_only(self.env, self._srm_records_by_model())
        return super().write(vals)

    def unlink(self):
        _check_read_only(self.env, self._srm_records_by_model())
        return super().unlink()

    def _srm_records_by_model(self):
        # sudo: only the record an activity belongs to is read, to know whether the check applies
        return _records_by_model(self.sudo().read(["res_model", "res_id"]), "res_model", "res_id")

    @api.constrains("user_id", "res_model", "res_id")
    def _check_srm_confidential_assignee(self):
        """An activity on an SRM record goes to someone who may read the record: with
        Confidential access on a confidential record, and of its project and company.

        Its assignee would otherwise read its summary, note and the record's name, and
        follow the record.
        """
        mixin = self.env.registry["srm.secured.mixin"]
        group = self.env.ref("srm_base.group_srm_confidential")
        for model, activities in self.filtered(lambda a: a.user_id and a.res_id).grouped("res_model").items():
            if model not in self.env or not isinstance(self.env[model], mixin):
                continue
            # sudo: the records are checked as each assignee below; only their confidentiality is read here
            records = self.env[model].sudo().browse(activities.mapped("res_id")).exists()
            confidential = records.filtered("is_confidential")
            for activity in activities.filtered(lambda a, confidential=confidential: a.res_id in confidential.ids):
                if group not in activity.user_id.groups_id:
                    raise ValidationError(
                        self.env._(
                            "%(user)s cannot be assigned an activity on the confidential record "
                            "“%(record)s”: they have no confidential access.",
                            user=activity.user_id.name,
                            record=activity.res_name,
                        )
                    )
            for user, assigned in activities.grouped("user_id").items():
                targets = records & records.browse(assigned.mapped("res_id"))
                refused = set(targets.ids) - set(targets._srm_readable_by(user).ids)
                if refused:
                    raise ValidationError(
                        self.env._(
                            "%(user)s cannot be assigned an activity on “%(record)s”: they may not read it.",
                            user=user.name,
                            record=assigned.filtered(lambda a, refused=refused: a.res_id in refused)[:1].res_name,
                        )
                    )
