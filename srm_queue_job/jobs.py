# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What every job of the suite shares: a failure caused by another transaction
(serialization failure, lock not available, deadlock) is retried later."""

import logging
from contextlib import contextmanager

from psycopg2 import OperationalError, errorcodes

from odoo.service.model import PG_CONCURRENCY_ERRORS_TO_RETRY

from odoo.addons.queue_job.exception import RetryableJobError

_logger = logging.getLogger(__name__)


@contextmanager
def retry_on_concurrency(env, what):
    """Run the block in a savepoint; when PostgreSQL refuses it because of a concurrent
    transaction, undo it and raise RetryableJobError: queue_job postpones the job by the
    retry pattern of its job function and runs it again in a new transaction (retrying in
    this one would see the same snapshot and fail again)."""
    try:
        with env.cr.savepoint():
            yield
    except OperationalError as exc:
        if exc.pgcode not in PG_CONCURRENCY_ERRORS_TO_RETRY:
            raise
        reason = errorcodes.lookup(exc.pgcode)
        _logger.info("%s: %s, postponed", what, reason)
        raise RetryableJobError(f"{what}: {reason} (a concurrent transaction), retried later") from exc
