# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The jobs queue_job's runner found dead before the users of such jobs were told are
taken as told (see ``hooks.mark_found_dead_jobs_told``)."""

from odoo.addons.srm_queue_job.hooks import mark_found_dead_jobs_told


def migrate(cr, version):
    mark_found_dead_jobs_told(cr)
