# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class SrmIssue(models.Model):
    _name = "srm.issue"
    _inherit = ["srm.issue", "srm.geo.point.mixin"]

    def _srm_geo_private(self):
        # the place of a grievance whose complainant is protected (often their home), or of a
        # worker grievance, is not sent to the geolocation service either
        return super()._srm_geo_private() | self.filtered(
            lambda issue: issue.is_sensitive or issue.is_anonymous or issue.grievance_scope == "worker"
        )

    @api.model
    def _srm_public_submit(self, values, files, submission_token=None, **kwargs):
        """The coordinates given on the public form, validated by the controller."""
        issue, code = super()._srm_public_submit(values, files, submission_token=submission_token, **kwargs)
        if values.get("latitude") is not None and values.get("longitude") is not None:
            # the public form creates the issue with sudo() (see srm_issues' controller):
            # its visitor may not write it, and only these two validated numbers are written
            issue.sudo().write({"latitude": values["latitude"], "longitude": values["longitude"]})
        return issue, code
