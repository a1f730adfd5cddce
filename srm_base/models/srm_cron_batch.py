# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
import threading

from odoo import api, models, modules

_logger = logging.getLogger(__name__)


class SrmCronBatch(models.AbstractModel):
    """Long scheduled work, done in batches.

    Every scheduled job of the suite that goes over many records hands them to
    :meth:`_srm_process`: it calls the given method on each batch, commits
    after each batch (never in tests, whose transaction must stay whole) and
    reports its progress to the running cron, so that Odoo runs the job again
    while work remains if it is interrupted. A job-queue bridge may override
    :meth:`_srm_process` to run each batch as a job on ``channel`` instead.

    The method called must be idempotent per batch: running a batch twice
    (after an interruption, or by two workers) does no harm, because it checks
    again the state of each record before acting on it.
    """

    _name = "srm.cron.batch"
    _description = "Batched background work"

    @api.model
    def _srm_can_commit(self):
        """Whether finished batches may be committed: never in tests (their
        transaction is rolled back at the end)."""
        return not (
            modules.module.current_test
            or getattr(threading.current_thread(), "testing", False)
            or self.env.registry.in_test_mode()
        )

    @api.model
    def _srm_process(self, records, method, batch_size=500, channel="root.srm", description=None):
        """Call ``records[batch].<method>()`` for each batch of ``records`` (a recordset);
        outside tests commit after each batch and report progress to the running cron
        (Odoo 18's ir.cron._notify_progress(done=..., remaining=...)), so that the cron is re-run
        while work remains; returns the number of records processed.
        ``channel``/``description`` are for job-queue overrides (a bridge module runs each
        batch as a job on that channel instead)."""
        if batch_size < 1:
            raise ValueError("batch_size must be a positive integer")
        can_commit = self._srm_can_commit()
        total = len(records)
        done = 0
        for start in range(0, total, batch_size):
            # a slice prefetches its own records only: memory stays flat over large sets
            batch = records[start : start + batch_size]
            getattr(batch, method)()
            done += len(batch)
            self.env["ir.cron"]._notify_progress(done=done, remaining=total - done)
            if can_commit:
                # the batch is kept if a later one fails; the cron then runs again
                # for what remains (the method re-checks the state of each record)
                self.env.cr.commit()  # pylint: disable=invalid-commit
                # the records of the batches done are no longer needed in memory
                self.env.invalidate_all()
        if total:
            _logger.debug("%s: %s.%s over %s records", description or method, records._name, method, done)
        return done
