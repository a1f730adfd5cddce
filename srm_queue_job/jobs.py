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


def notify_job_user(env, subject, body, model=False, res_id=False):
    """Tell the user a job runs as (who started the work: an import, a report), from
    OdooBot, in their inbox or by email as they chose; ``model``/``res_id``: the record
    the message is about, if any."""
    env["mail.thread"].message_notify(
        model=model,
        res_id=res_id,
        partner_ids=env.user.partner_id.ids,
        author_id=env.ref("base.partner_root").id,
        subject=subject,
        body=body,
        subtype_xmlid="mail.mt_note",
        email_layout_xmlid="mail.mail_notification_light",
        # the job runs as that user: the current user is left out of a message's
        # recipients unless it says to notify them too
        notify_author=True,
    )
