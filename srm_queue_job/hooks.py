# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tools import SQL

from .models.queue_job import FOUND_DEAD_TRIGGER


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
