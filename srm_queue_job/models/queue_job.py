# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class QueueJob(models.Model):
    _inherit = "queue.job"

    def related_action_srm_batch(self):
        """Open the records of a batch of scheduled work (the job's first argument); the
        user sees those their rights let them read."""
        self.ensure_one()
        records = self.args[0] if self.args else None
        if not isinstance(records, models.BaseModel):
            return None
        records = records.exists()
        if not records:
            return None
        action = {
            "type": "ir.actions.act_window",
            "name": self.name,
            "res_model": records._name,
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", records.ids)],
        }
        if len(records) == 1:
            action.update(views=[(False, "form")], res_id=records.id)
        return action
