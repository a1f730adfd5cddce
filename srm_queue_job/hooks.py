# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tools import SQL

from .models.queue_job import FOUND_DEAD, FOUND_DEAD_TRIGGER


def mark_found_dead_jobs_told(cr):
    """Take the jobs queue_job's runner found dead before this module was there to tell
    their users as told (queue_job never deletes failed jobs): nobody is asked to import
    again rows or to ask again for a report that died long ago."""
    cr.execute(
        SQL(
            "UPDATE queue_job SET srm_found_dead_notified = TRUE "
            "WHERE state = 'failed' AND exc_name = %s AND srm_found_dead_notified IS NOT TRUE",
            FOUND_DEAD,
        )
    )


def post_init_hook(env):
    """Installed on a database where queue_job already ran jobs: their old dead jobs are
    taken as told."""
    mark_found_dead_jobs_told(env.cr)


def uninstall_hook(env):
    """Take off queue_job's table the trigger this module put on it, and its function (see
    queue.job.init): queue_job may stay installed, and its jobs found dead would go on
    waking a scheduled action that is gone."""
    env.cr.execute(
        SQL(
            "DROP TRIGGER IF EXISTS %(name)s ON queue_job; DROP FUNCTION IF EXISTS %(name)s()",
            name=SQL.identifier(FOUND_DEAD_TRIGGER),
        )
    )
