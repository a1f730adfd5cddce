# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

# what Odoo writes on a record besides its content (chatter, activities, the field
# app's own bookkeeping): no change of what the field app shows of it
VERSION_NEUTRAL_PREFIXES = ("message_", "activity_", "website_message", "srm_field_")


class SrmFieldCaptureMixin(models.AbstractModel):
    """A record that can be captured on a phone with the field app.

    The device gives each record an identifier (a UUID) when it is saved on the
    phone: sending it again, after a lost answer or from a second tab, finds the
    record created the first time instead of creating another one. The identifier
    is unique per user and company.

    ``srm_field_version`` counts the changes of the record's content. The app
    sends, with an edit, the version its copy was made from: a record changed on
    the server since then is a conflict, shown to the user rather than overwritten.
    """

    _name = "srm.field.capture.mixin"
    _description = "SRM record captured in the field app"

    srm_field_uuid = fields.Char(
        string="Field App Identifier",
        copy=False,
        readonly=True,
        index="btree_not_null",
        help="Identifier given to the record by the phone that captured it.",
    )
    srm_field_last_op = fields.Char(
        string="Last Field App Change",
        copy=False,
        readonly=True,
        help="Identifier of the last change received from the field app.",
    )
    srm_field_version = fields.Integer(
        string="Version",
        default=1,
        copy=False,
        readonly=True,
        help="Number of changes of the record: the field app detects with it a record changed "
        "in Odoo since its copy was made.",
    )
    srm_field_offline = fields.Boolean(
        string="Captured Offline",
        copy=False,
        readonly=True,
        index=True,
        help="Recorded in the field app without a network connection (or sent more than ten "
        "minutes after it was recorded): its dates are those of the phone, not of its "
        "synchronisation.",
    )
    srm_field_captured_on = fields.Datetime(
        string="Captured On",
        copy=False,
        readonly=True,
        help="When the record was saved on the phone (corrected for the phone's clock).",
    )
    srm_field_synced_on = fields.Datetime(
        string="Synchronised On",
        copy=False,
        readonly=True,
        help="When the field app sent the record to Odoo.",
    )
    srm_field_latitude = fields.Float(
        string="Field Latitude", digits=(10, 7), copy=False, help="Position given by the phone."
    )
    srm_field_longitude = fields.Float(
        string="Field Longitude", digits=(10, 7), copy=False, help="Position given by the phone."
    )
    srm_field_accuracy = fields.Float(
        string="Position Accuracy (m)", digits=(10, 1), copy=False, help="Accuracy the phone gave, in metres."
    )

    _sql_constraints = [
        (
            "srm_field_uuid_uniq",
            "unique(srm_field_uuid, create_uid, company_id)",
            "This record was already received from the field app.",
        ),
    ]

    def write(self, vals):
        res = super().write(vals)
        if self.ids and any(not fname.startswith(VERSION_NEUTRAL_PREFIXES) for fname in vals):
            # one statement for the whole recordset: the counter is not a field users edit
            self.env.cr.execute(
                SQL(
                    "UPDATE %s SET srm_field_version = COALESCE(srm_field_version, 1) + 1 WHERE id IN %s",
                    SQL.identifier(self._table),
                    tuple(self.ids),
                )
            )
            self.invalidate_recordset(["srm_field_version"])
        return res
