# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

# the phone's position of an anonymous or protected complainant's grievance: two decimals
# of a degree (about 1.1 km of latitude), an accuracy of at least that
COARSE_DECIMALS = 2
COARSE_ACCURACY = 1100.0
POSITION_FIELDS = {"srm_field_latitude", "srm_field_longitude", "srm_field_accuracy"}


class SrmIssue(models.Model):
    _name = "srm.issue"
    _inherit = ["srm.issue", "srm.field.capture.mixin"]

    srm_field_consent = fields.Boolean(
        string="Consent Recorded in the Field",
        copy=False,
        readonly=True,
        help="When the grievance was heard, the complainant agreed that their identity and contact "
        "details are recorded to handle it and to answer them.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        issues = super().create(vals_list)
        issues.filtered(lambda i: i.is_anonymous or i.is_sensitive)._srm_field_coarsen_position()
        return issues

    def write(self, vals):
        res = super().write(vals)
        if vals.get("is_anonymous") or vals.get("is_sensitive") or POSITION_FIELDS & vals.keys():
            self.filtered(lambda i: i.is_anonymous or i.is_sensitive)._srm_field_coarsen_position()
        return res

    def _srm_field_coarsen_position(self):
        """The phone's position where an anonymous or protected complainant was heard is
        kept to about a kilometre: the exact spot (often their home) would tell who they are
        to whoever reads the grievance."""
        for issue in self.filtered(lambda i: i.srm_field_latitude or i.srm_field_longitude):
            coarse = {
                "srm_field_latitude": round(issue.srm_field_latitude, COARSE_DECIMALS),
                "srm_field_longitude": round(issue.srm_field_longitude, COARSE_DECIMALS),
                "srm_field_accuracy": max(issue.srm_field_accuracy, COARSE_ACCURACY),
            }
            if any(issue[fname] != value for fname, value in coarse.items()):
                issue.write(coarse)
