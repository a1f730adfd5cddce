# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

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

    def write(self, vals):
        # queue_job posts the failure before it writes the error: the message of a failed
        # import part is written from the error being stored
        records = self
        if vals.get("state") == "failed" and vals.get("exc_message"):
            records = self.with_context(srm_job_exc_message=vals["exc_message"])
        return super(QueueJob, records).write(vals)

    def _srm_is_import_part(self):
        return self.model_name == "base_import.import" and self.method_name == "_import_one_chunk"

    def _message_post_on_failure(self):
        # a job runs as the user who created it, and its failure is posted in their name:
        # the author of a message is not notified of it, so the user who imported would
        # never learn that part of their file was not imported
        imports = self.filtered(lambda job: job._srm_is_import_part())
        if imports:
            super(QueueJob, imports.with_context(mail_notify_author=True))._message_post_on_failure()
        return super(QueueJob, self - imports)._message_post_on_failure()

    def _message_failed_job(self):
        """A part of a background import that fails tells the user who imported it what
        went wrong, in the message they receive: most users who may import cannot open
        the job (queue job managers only), so "details in the job" would tell them
        nothing."""
        self.ensure_one()
        error = self.env.context.get("srm_job_exc_message") or self.exc_message
        if self._srm_is_import_part() and error:
            return Markup("<p>%s</p><pre>%s</pre>") % (
                self.env._(
                    "%(name)s failed: none of its rows were imported. Correct them in your file and "
                    "import these rows again.",
                    name=self.name,
                ),
                error,
            )
        return super()._message_failed_job()

