# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class SrmIssue(models.Model):
    _inherit = "srm.issue"

    @api.model
    def _srm_send_escalation_digests(self):
        """When the service-level job's escalations went to job workers, the digests listing
        them are sent once those jobs have run, not before."""
        if self.env["srm.cron.batch"]._srm_after_batches(self._name, "_srm_send_escalation_digests"):
            return None
        return super()._srm_send_escalation_digests()
