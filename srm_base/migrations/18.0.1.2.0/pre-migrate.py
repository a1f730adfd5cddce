# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Engagements get their local day (``date_local``), filled in SQL.

The overview and the reports group engagements by month in a time zone, which
the index of a datetime cannot serve; they group on this stored day instead.
Creating the column here, filled by one UPDATE, spares the ORM from computing
and rewriting every engagement at the upgrade (a million engagements: seconds
instead of an hour), and their last-modified dates stay what they were.
"""

import logging
import time

from odoo.tools.sql import column_exists, create_column

from odoo.addons.srm_base.models.srm_engagement import date_local_update_sql

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version or column_exists(cr, "srm_engagement", "date_local"):
        return
    started = time.time()
    create_column(cr, "srm_engagement", "date_local", "date")
    cr.execute(date_local_update_sql())
    _logger.info("srm_engagement.date_local: %d engagements in %.1fs", cr.rowcount, time.time() - started)
