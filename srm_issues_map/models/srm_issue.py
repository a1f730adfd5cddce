# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class SrmIssue(models.Model):
    _name = "srm.issue"
    _inherit = ["srm.issue", "srm.geo.point.mixin"]

    @api.model
    def _srm_public_submit(self, values, files, submission_token=None, **kwargs):
        """The coordinates given on the public form, validated by the controller."""
        issue, code = super()._srm_public_submit(values, files, submission_token=submission_token, **kwargs)
        if values.get("latitude") is not None and values.get("longitude") is not None:
            # the public form creates the issue with sudo() (see srm_issues' controller):
            # its visitor may not write it, and only these two validated numbers are written
            issue.sudo().write({"latitude": values["latitude"], "longitude": values["longitude"]})
        return issue, code
