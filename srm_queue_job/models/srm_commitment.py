# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class SrmCommitment(models.Model):
    _inherit = "srm.commitment"

    @api.model
    def _send_digests(self):
        """When the daily job's reminders and escalations went to job workers, the digests
        listing them are sent once those jobs have run, not before."""
        if self.env["srm.cron.batch"]._srm_after_batches(self._name, "_send_digests"):
            return None
        return super()._send_digests()
