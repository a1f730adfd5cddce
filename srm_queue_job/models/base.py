# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class Base(models.AbstractModel):
    _inherit = "base"

    def _job_prepare_context_before_enqueue_keys(self):
        """A file imported in the background (OCA base_import_async) from the Stakeholders
        list is imported as it would be at once: its contacts are stakeholders, matched to
        the known ones by email, phone or reference instead of being created again. Both
        depend on the list's ``default_is_stakeholder``, which a job keeps only if named here.
        """
        return (*super()._job_prepare_context_before_enqueue_keys(), "default_is_stakeholder")
