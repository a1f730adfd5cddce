# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import ValidationError


class MailActivity(models.Model):
    _inherit = "mail.activity"

    @api.constrains("user_id", "res_model", "res_id")
    def _check_srm_confidential_assignee(self):
        """An activity on a confidential record goes to someone who may read it.

        Its assignee would otherwise see its summary and note, and follow the record.
        """
        mixin = self.env.registry["srm.secured.mixin"]
        group = self.env.ref("srm_base.group_srm_confidential")
        for model, activities in self.filtered(lambda a: a.user_id and a.res_id).grouped("res_model").items():
            if model not in self.env or not isinstance(self.env[model], mixin):
                continue
            confidential = self.env[model].sudo().browse(activities.mapped("res_id")).filtered("is_confidential")
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
