# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What every job of the suite shares: a failure caused by another transaction
(serialization failure, lock not available, deadlock, a row with the same unique key
inserted meanwhile) is retried later."""

import logging
from contextlib import contextmanager

from psycopg2 import Error, errorcodes

from odoo.service.model import PG_CONCURRENCY_ERRORS_TO_RETRY

from odoo.addons.queue_job.exception import RetryableJobError

_logger = logging.getLogger(__name__)

# two jobs working on records of the same stakeholder (its monthly figures, a digest) may
# both create the same row: the retry, in a new transaction, finds the other's row
RETRIED_ERRORS = (*PG_CONCURRENCY_ERRORS_TO_RETRY, errorcodes.UNIQUE_VIOLATION)


@contextmanager
def retry_on_concurrency(env, what):
    """Run the block in a savepoint; when PostgreSQL refuses it because of a concurrent
    transaction (RETRIED_ERRORS), undo it and raise RetryableJobError: queue_job postpones
    the job by the retry pattern of its job function and runs it again in a new transaction
    (retrying in this one would see the same snapshot and fail again)."""
    try:
        with env.cr.savepoint():
            yield
    except Error as exc:
        if exc.pgcode not in RETRIED_ERRORS:
            raise
        reason = errorcodes.lookup(exc.pgcode)
        _logger.info("%s: %s, postponed", what, reason)
        raise RetryableJobError(f"{what}: {reason} (a concurrent transaction), retried later") from exc
