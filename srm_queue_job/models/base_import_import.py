# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.queue_job.exception import FailedJobError
from odoo.addons.queue_job.job import FAILED

from ..jobs import notify_job_user

# errors in the imported data, under the name queue_job's runner stores with a failed job
# (RunJobController._get_failure_values): the user corrects their file. Others (a job that
# ran out of retries, a record deleted meanwhile, missing access rights) are not theirs to fix
DATA_ERRORS = {f"{error.__module__}.{error.__name__}" for error in (UserError, ValidationError)}


class BaseImportImport(models.TransientModel):
    _inherit = "base_import.import"

    def _srm_keeps_import_files(self):
        """Whether this user's background imports file their data on the jobs, as OCA
        base_import_async does: only for job queue managers, the only users who may read
        jobs and what is attached to them."""
        return self.env.user.has_group("queue_job.group_queue_job_manager")

    def _link_attachment_to_job(self, delayed_job, attachment):
        """Any user who may import may import in the background. Filed on its job, the
        file would be readable by job queue managers only, so the jobs that run as the
        user could not read it; it stays the user's own attachment (readable by them and
        the administrators), and is deleted once imported (see below): the contacts of a
        stakeholder file are not kept in the database twice."""
        if self._srm_keeps_import_files():
            return super()._link_attachment_to_job(delayed_job, attachment)
        return None

    def _split_file(self, model_name, translated_model_name, attachment, options, file_name="file.csv"):
        result = super()._split_file(model_name, translated_model_name, attachment, options, file_name=file_name)
        self._srm_drop_import_file(attachment)
        return result

    def _import_one_chunk(self, model_name, attachment, options):
        # an import that fails raises: its rows stay for the job to be run again
        try:
            result = super()._import_one_chunk(model_name, attachment, options)
        except FailedJobError as error:
            # base_import_async's failure of rows refused by the import: an error in the
            # data, stored as one (queue_job raises FailedJobError too, for a job that ran
            # out of retries)
            raise ValidationError(error.args[0] if error.args else str(error)) from error
        self._srm_drop_import_file(attachment)
        return result

    def _srm_drop_import_file(self, attachment):
        if not attachment.res_model and not self._srm_keeps_import_files():
            attachment.unlink()

    def _job_store_values_for__import_one_chunk(self, job):
        """queue_job stores the job of a part of a background import each time its state
        changes, as the user who imported the file; stored failed (with its error, as the
        job runner stores it once the part will not be run again), the user is told. Job
        queue managers keep queue_job's own message on the job, which the user may not open.
        """
        if job.state == FAILED:
            self._srm_notify_import_part_failed(job)
        return {}

    def _srm_job_found_dead__import_one_chunk(self, job):
        """A part of an import whose job queue_job's runner found dead (the server stopped
        while it ran, too many times) failed without any error of its own: its user is told
        to import its rows again (see queue.job._srm_cron_notify_found_dead)."""
        env = self.with_context(lang=self.env.user.lang or self.env.lang).env
        reason = env._("The server stopped while this part was being imported, several times; it is not tried again.")
        self._srm_notify_import_part_failed(job, reason=reason)

    def _srm_notify_import_part_failed(self, job, reason=None):
        """Tell the user who imported a file, from OdooBot in their inbox (or by email, as
        they chose) and in their language, which part of it was not imported, why (``reason``,
        else the job's error), and what to do: correct the rows when the error is in them,
        else import them again."""
        user = self.env.user
        env = self.with_context(lang=user.lang or self.env.lang).env
        if job.exc_name in DATA_ERRORS:
            advice = env._(
                "None of its rows were imported: correct them in your file as the error says, "
                "then import these rows again."
            )
        else:
            advice = env._(
                "None of its rows were imported. The error does not come from your file: import "
                "these rows again, and ask your administrator if it happens again."
            )
        body = Markup("<p>%s</p><pre>%s</pre><p>%s</p>") % (
            env._("A part of your import failed: %(part)s.", part=job.description),
            reason or job.exc_message or job.exc_name or "",
            advice,
        )
        notify_job_user(env, env._("A part of your import failed"), body)
