# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import hashlib

from odoo import models

STAKEHOLDER_CHANNEL = "root.srm.ai.stakeholders"


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _srm_ai_refresh_sentiment(self, alert=True):
        """In a scoring job (see srm.ai.service._srm_job_ai_batch), the stakeholders' figures
        are refreshed by a job of their own on root.srm.ai.stakeholders, which runs one job
        at a time: scoring jobs running side by side then never update the same stakeholder
        (they share many), which made them fail on each other with serialization failures
        and deadlocks."""
        if not (self.env.context.get("srm_queue_job_defer_stakeholders") and alert):
            return super()._srm_ai_refresh_sentiment(alert=alert)
        partners = self.exists().with_context(srm_queue_job_defer_stakeholders=False)
        if partners:
            key = hashlib.sha1(str(sorted(partners.ids)).encode()).hexdigest()
            self.env["srm.cron.batch"].with_delay(
                channel=STAKEHOLDER_CHANNEL,
                description=self.env._("Stakeholder sentiment: %(count)s stakeholders", count=len(partners)),
                identity_key=f"srm_ai_stakeholders:{key}",
            )._srm_job_batch(partners, "_srm_ai_refresh_sentiment")
        return None
