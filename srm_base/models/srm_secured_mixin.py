# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class SrmSecuredMixin(models.AbstractModel):
    """Company, project and confidentiality shared by every SRM record.

    Models inheriting this mixin get the fields that the suite's record rules
    filter on (``company_id``, ``project_id``, ``is_confidential``) and keep
    notifications of confidential records away from people who may not read
    them. Each concrete model declares its record rules in XML, following the
    ones of ``srm.engagement``.
    """

    _name = "srm.secured.mixin"
    _description = "SRM company, project and confidentiality"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    project_id = fields.Many2one(
        "srm.project",
        string="Project",
        index=True,
        check_company=True,
        tracking=True,
    )
    is_confidential = fields.Boolean(
        string="Confidential",
        index=True,
        tracking=True,
        help="Only users with Confidential access can see this record.",
    )

    @api.model
    def _srm_confidential_group(self):
        return self.env.ref("srm_base.group_srm_confidential")

    def _srm_filter_confidential_recipients(self, recipients_data):
        """Keep, for a confidential record, only internal users allowed to read it."""
        if not any(self.mapped("is_confidential")):
            return recipients_data
        group_id = self._srm_confidential_group().id
        return [
            rdata
            for rdata in recipients_data
            if not rdata.get("share") and group_id in (rdata.get("groups") or [])
        ]

    def _srm_filter_confidential_partner_ids(self, partner_ids):
        """Explicit recipients of a message on a confidential record.

        Partners who may not read the record are dropped: being a recipient of
        a message would otherwise give them read access to it.
        """
        if not partner_ids or not any(self.mapped("is_confidential")):
            return partner_ids
        partner_ids = list(partner_ids)
        allowed = set(
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("partner_id", "in", partner_ids),
                    ("share", "=", False),
                    ("groups_id", "in", self._srm_confidential_group().ids),
                ]
            )
            .partner_id.ids
        )
        return [pid for pid in partner_ids if pid in allowed]

    def _notify_get_recipients(self, message, msg_vals, **kwargs):
        recipients = super()._notify_get_recipients(message, msg_vals, **kwargs)
        return self._srm_filter_confidential_recipients(recipients)

    def message_post(self, **kwargs):
        if kwargs.get("partner_ids"):
            if kwargs.get("message_type", "notification") == "comment":
                # somebody chose these recipients: refuse to write to stakeholders
                # who asked not to be contacted rather than silently skipping them
                self.env["res.partner"].browse(kwargs["partner_ids"])._srm_check_contactable()
            kwargs["partner_ids"] = self._srm_filter_confidential_partner_ids(kwargs["partner_ids"])
        return super().message_post(**kwargs)

    def message_notify(self, **kwargs):
        if kwargs.get("partner_ids"):
            kwargs["partner_ids"] = self._srm_filter_confidential_partner_ids(kwargs["partner_ids"])
            if not kwargs["partner_ids"]:
                # nobody may read this confidential record: there is nobody to notify
                return self.env["mail.message"]
        return super().message_notify(**kwargs)

    def _message_get_suggested_recipients(self):
        if any(self.mapped("is_confidential")):
            return []
        return super()._message_get_suggested_recipients()
