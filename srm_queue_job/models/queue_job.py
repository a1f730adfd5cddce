# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

import psycopg2

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.queue_job.job import Job

_logger = logging.getLogger(__name__)

# the error queue_job's job runner stores, in SQL, on a job it found dead (its worker was
# killed while it ran) once too often to run it again
FOUND_DEAD = "JobFoundDead"
FOUND_DEAD_CRON = "ir_cron_srm_jobs_found_dead"
# the trigger on queue_job's table and its function, both of this name (dropped on uninstall)
FOUND_DEAD_TRIGGER = "srm_queue_job_found_dead"


class QueueJob(models.Model):
    _inherit = "queue.job"

    srm_found_dead_notified = fields.Boolean(
        string="Found Dead Notified",
        readonly=True,
        copy=False,
        help="The user this job ran as was told that it was found dead and will not be run again.",
    )

    def init(self):
        """queue_job's runner marks a job found dead too often as failed with an UPDATE of
        its own, which no Odoo code sees: a trigger adds a cron trigger (as ``ir.cron._trigger``
        does) to the scheduled action that tells the job's user, once; the cron workers pick
        it up at their next poll, within about a minute.

        The runner may connect as a database user of its own: whatever goes wrong in the
        trigger (rights on the cron tables, the scheduled action gone) is only a warning of
        PostgreSQL's, never a failure of the runner's UPDATE (which requeues the jobs of every
        database); the daily run of the scheduled action tells the users it missed."""
        res = super().init()
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE FUNCTION %(name)s() RETURNS trigger AS $$
                DECLARE
                    cron_id integer;
                BEGIN
                    BEGIN
                        SELECT c.id INTO cron_id
                          FROM ir_model_data d JOIN ir_cron c ON c.id = d.res_id
                         WHERE d.module = 'srm_queue_job' AND d.name = %(cron)s AND d.model = 'ir.cron'
                           AND c.active;
                        IF cron_id IS NOT NULL THEN
                            INSERT INTO ir_cron_trigger (cron_id, call_at) VALUES (cron_id, now() AT TIME ZONE 'UTC');
                        END IF;
                    EXCEPTION WHEN OTHERS THEN
                        RAISE WARNING USING MESSAGE = 'srm_queue_job_found_dead: ' || SQLERRM;
                    END;
                    RETURN NULL;
                END;
                $$ LANGUAGE plpgsql;
                DROP TRIGGER IF EXISTS %(name)s ON queue_job;
                CREATE TRIGGER %(name)s
                    AFTER UPDATE OF state ON queue_job
                    FOR EACH ROW
                    WHEN (NEW.state = 'failed' AND OLD.state <> 'failed' AND NEW.exc_name = %(dead)s)
                    EXECUTE PROCEDURE %(name)s();
                """,
                name=SQL.identifier(FOUND_DEAD_TRIGGER),
                cron=FOUND_DEAD_CRON,
                dead=FOUND_DEAD,
            )
        )
        return res

    @api.model
    def _srm_cron_notify_found_dead(self):
        """Tell the users of the jobs found dead by queue_job's runner (and so failed
        without any message), as each job's own ``_srm_job_found_dead_<method>`` says
        (a part of an import, a report); each job once."""
        # sudo: the scheduled job reads the jobs of every user; each user is told by a method
        # of the job's own records, which run as that user (as the job did)
        jobs = self.sudo().search(
            [("state", "=", "failed"), ("exc_name", "=", FOUND_DEAD), ("srm_found_dead_notified", "=", False)]
        )
        for record in jobs:
            try:
                job = Job.load(self.env, record.uuid)
            except Exception as exc:  # pylint: disable=broad-except
                # its model or method is gone (a module uninstalled): nobody to tell
                _logger.info("Job %s found dead cannot be loaded: %s", record.uuid, exc)
                continue
            hook = getattr(job.recordset, f"_srm_job_found_dead_{job.method_name}", None)
            if hook is None:
                continue
            # one job whose user cannot be told (its arguments no longer make sense, ...)
            # neither undoes the messages of the others nor is tried again at every run
            try:
                with self.env.cr.savepoint():
                    hook(job)
            except psycopg2.Error:
                raise  # a concurrent transaction: the run fails and is made again, nobody is marked
            except Exception:  # pylint: disable=broad-except
                _logger.exception("Job %s found dead: its user could not be told", record.uuid)
        jobs.srm_found_dead_notified = True
        return len(jobs)

    def related_action_srm_batch(self):
        """Open the records of a batch of scheduled work (the job's first argument); the
        user sees those their rights let them read."""
        self.ensure_one()
        records = self.args[0] if self.args else None
        if not isinstance(records, models.BaseModel):
            return None
        records = records.exists()
        if not records:
            return None
        action = {
            "type": "ir.actions.act_window",
            "name": self.name,
            "res_model": records._name,
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", records.ids)],
        }
        if len(records) == 1:
            action.update(views=[(False, "form")], res_id=records.id)
        return action
