# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


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
        result = super()._import_one_chunk(model_name, attachment, options)
        self._srm_drop_import_file(attachment)
        return result

    def _srm_drop_import_file(self, attachment):
        if not attachment.res_model and not self._srm_keeps_import_files():
            attachment.unlink()
