# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The jobs queue_job's runner found dead before the users of such jobs were told (it
never deletes failed jobs) are taken as told: nobody is asked to import again rows or to
ask again for a report that died long ago."""


def migrate(cr, version):
    cr.execute(
        "UPDATE queue_job SET srm_found_dead_notified = TRUE "
        "WHERE state = 'failed' AND exc_name = 'JobFoundDead' AND srm_found_dead_notified IS NOT TRUE"
    )
