# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import sys
from contextlib import closing

from odoo.modules.migration import load_script
from odoo.modules.module import get_manifest, get_module_path
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.queue_job.jobrunner.runner import Database
from odoo.addons.srm_base.tests.common import SrmCase
from odoo.addons.srm_reporting.tests.common import PERIOD, SrmReportingCommon

from .common import trap_jobs
from .test_import_job import OPTIONS


class FoundDeadMixin:
    """What queue_job's job runner does with a job whose worker was stopped while it ran
    once too often, in SQL of its own: the job is marked failed, nobody is told."""

    def _store(self, jobs):
        """Store the jobs as queue_job does (outside the trap, which stores nothing)."""
        for job in jobs:
            job.store()
        return list(self.env["queue.job"].search([("uuid", "in", [job.uuid for job in jobs])]))

    def _found_dead(self, records):
        records.flush_recordset()
        # started a minute ago, once more than its retries allow, its worker gone
        self.env.cr.execute(
            "UPDATE queue_job SET state = 'started', retry = 6, max_retries = 5, "
            "date_enqueued = now() AT TIME ZONE 'UTC' - interval '1 minute' WHERE id IN %s",
            [tuple(records.ids)],
        )
        # the runner's own query
        self.env.cr.execute(Database._query_requeue_dead_jobs(None))
        self.env.invalidate_all()
        self.assertEqual(set(records.mapped("state")), {"failed"})
        self.assertEqual(set(records.mapped("exc_name")), {"JobFoundDead"})

    def _run_woken_cron(self):
        """The scheduled action the runner's update woke, run as the cron workers run it."""
        cron = self.env.ref("srm_queue_job.ir_cron_srm_jobs_found_dead")
        triggers = self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)])
        self.assertTrue(triggers, "the runner's update woke the scheduled action")
        cron.method_direct_trigger()
        triggers.unlink()


@tagged("post_install", "-at_install")
class TestImportPartFoundDead(FoundDeadMixin, SrmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = new_test_user(
            cls.env,
            login="srm_import_found_dead",
            groups="srm_base.group_srm_user,base.group_partner_manager",
            notification_type="inbox",
        )

    def _notified(self, user):
        return self.env["mail.notification"].search([("res_partner_id", "=", user.partner_id.id)]).mail_message_id

    def test_user_told_once(self):
        part = self._import_part()
        self._found_dead(part)
        self._run_woken_cron()
        message = self._notified(self.user)
        self.assertEqual(len(message), 1)
        self.assertEqual(message.author_id, self.env.ref("base.partner_root"), "from OdooBot")
        body = message.with_user(self.user).read(["body"])[0]["body"]
        self.assertIn("stakeholders.csv", body)
        self.assertIn("The server stopped while this part was being imported", body)
        self.assertIn("import these rows again", body)
        # told once
        self.env.ref("srm_queue_job.ir_cron_srm_jobs_found_dead").method_direct_trigger()
        self.assertEqual(self._notified(self.user), message)
        self.assertTrue(part.srm_found_dead_notified)

    def _import_part(self):
        """A part of a background import of the user, stored as queue_job stores it."""
        wizard = (
            self.env["base_import.import"]
            .with_user(self.user)
            .with_context(default_is_stakeholder=True)
            .create({"res_model": "res.partner", "file": b"Name,Email\nRosa Mamani,rosa@example.org\n",
                     "file_type": "text/csv", "file_name": "stakeholders.csv"})
        )  # fmt: skip
        preview = wizard.parse_preview(dict(OPTIONS))
        fields = ["/".join(preview["matches"].get(index, [])) or False for index in range(len(preview["headers"]))]
        with trap_jobs() as trap:
            wizard.execute_import(fields, preview["headers"], dict(OPTIONS))
            trap.perform_enqueued_jobs()
            parts = list(trap.enqueued_jobs)
        (part,) = self._store(parts)
        return part

    def test_runner_not_stopped_by_the_trigger(self):
        """Whatever fails in the trigger (here, the cron trigger cannot be written, as for a
        runner's database user without rights on it) does not fail the runner's update, which
        requeues the dead jobs of every database: the job is marked failed all the same, and
        the daily run of the scheduled action tells its user."""
        part = self._import_part()
        cron = self.env.ref("srm_queue_job.ir_cron_srm_jobs_found_dead")
        with closing(self.env.cr.savepoint()):
            self.env.cr.execute(
                "ALTER TABLE ir_cron_trigger ADD CONSTRAINT srm_test_refused CHECK (cron_id IS NULL) NOT VALID"
            )
            self._found_dead(part)
            self.assertFalse(self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)]))
            # the daily run
            cron.method_direct_trigger()
            self.assertEqual(len(self._notified(self.user)), 1)
            self.assertTrue(part.srm_found_dead_notified)

    def test_jobs_found_dead_before_the_upgrade_are_not_told(self):
        """Upgrading the module does not tell the users of the jobs found dead long ago (queue_job
        never deletes failed jobs) to import their rows again."""
        part = self._import_part()
        self._found_dead(part)
        path = f"{get_module_path('srm_queue_job')}/migrations/18.0.1.2.0/post-migrate.py"
        load_script(path, "srm_queue_job_post_migrate").migrate(self.env.cr, "18.0.1.1.0")
        self._assert_taken_as_told(part)

    def _assert_taken_as_told(self, part):
        self.env.invalidate_all()
        self.assertTrue(part.srm_found_dead_notified)
        self.env.ref("srm_queue_job.ir_cron_srm_jobs_found_dead").method_direct_trigger()
        self.assertFalse(self._notified(self.user))

    def test_jobs_found_dead_before_the_install_are_not_told(self):
        """Installing the module where queue_job already ran imports does not tell their
        users about the jobs found dead before."""
        part = self._import_part()
        self._found_dead(part)
        self.env.cr.execute("UPDATE queue_job SET srm_found_dead_notified = NULL WHERE id = %s", [part.id])
        manifest = get_manifest("srm_queue_job")
        getattr(sys.modules["odoo.addons.srm_queue_job"], manifest["post_init_hook"])(self.env)
        self._assert_taken_as_told(part)


@tagged("post_install", "-at_install")
class TestReportFoundDead(FoundDeadMixin, SrmReportingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param("srm_queue_job.report_row_threshold", "5")

    def _inbox(self, user):
        domain = [("partner_ids", "in", user.partner_id.ids), ("message_type", "=", "user_notification")]
        return self.env["mail.message"].sudo().search(domain)

    def test_author_told(self):
        wizard = (
            self.env["srm.report.wizard"]
            .with_user(self.manager)
            .create(
                {
                    "report_kind": "engagement_log",
                    "output_format": "xlsx",
                    "date_from": PERIOD["date_from"],
                    "date_to": PERIOD["date_to"],
                    "project_ids": [(6, 0, self.project.ids)],
                }
            )
        )
        with trap_jobs() as trap:
            wizard.action_generate()
            jobs = list(trap.enqueued_jobs)
        (job,) = self._store(jobs)
        self._found_dead(job)
        self._run_woken_cron()
        message = self._inbox(self.manager)
        self.assertEqual(len(message), 1)
        self.assertIn("could not be produced", message.subject)
        self.assertIn("The server stopped while producing it", message.body)
        self.assertFalse(self.env["srm.report.log"].sudo().search([("user_id", "=", self.manager.id)]))

    def test_a_job_whose_user_cannot_be_told(self):
        """A job found dead whose user cannot be told (a report of a kind no longer offered, its
        module uninstalled since) does not keep the others' users from being told, and is not
        tried again at every run."""
        other = new_test_user(
            self.env,
            login="srm_report_found_dead_other",
            groups="srm_base.group_srm_manager",
            notification_type="inbox",
        )
        wizard = (
            self.env["srm.report.wizard"]
            .with_user(self.manager)
            .create(
                {
                    "report_kind": "engagement_log",
                    "output_format": "xlsx",
                    "date_from": PERIOD["date_from"],
                    "date_to": PERIOD["date_to"],
                    "project_ids": [(6, 0, self.project.ids)],
                }
            )
        )
        with trap_jobs() as trap:
            self.env["srm.report.log"].with_user(other).with_delay()._srm_job_generate_report(
                {"kind": "no_longer_offered"}, "xlsx"
            )
            wizard.action_generate()
            jobs = list(trap.enqueued_jobs)
        records = self.env["queue.job"].browse([record.id for record in self._store(jobs)])
        self._found_dead(records)
        with mute_logger("odoo.addons.srm_queue_job.models.queue_job"):
            self._run_woken_cron()
        self.assertEqual(len(self._inbox(self.manager)), 1)
        self.assertFalse(self._inbox(other))
        self.assertEqual(records.mapped("srm_found_dead_notified"), [True, True])


@tagged("post_install", "-at_install")
class TestUninstall(FoundDeadMixin, SrmCase):
    def _left(self):
        """The database functions and triggers of the suite."""
        self.env.cr.execute(
            "SELECT 'function', proname::text FROM pg_proc WHERE proname LIKE 'srm\\_%' "
            "UNION ALL SELECT 'trigger', tgname::text || ' on ' || tgrelid::regclass::text "
            "FROM pg_trigger WHERE tgname LIKE 'srm\\_%' ORDER BY 1, 2"
        )
        return self.env.cr.fetchall()

    def test_uninstall_leaves_nothing_on_the_job_queue(self):
        """Uninstalling the module takes the trigger it put on queue_job's table (queue_job
        may stay installed) and its function away with it: a job found dead then wakes no
        scheduled action."""
        installed = [("function", "srm_queue_job_found_dead"), ("trigger", "srm_queue_job_found_dead on queue_job")]
        self.assertEqual(self._left(), installed)
        with trap_jobs() as trap:
            self.env["res.partner"].with_delay().exists()
            jobs = list(trap.enqueued_jobs)
        (record,) = self._store(jobs)
        hook_name = get_manifest("srm_queue_job").get("uninstall_hook")
        self.assertTrue(hook_name, "the module has an uninstall hook")
        cron = self.env.ref("srm_queue_job.ir_cron_srm_jobs_found_dead")
        # the hook as Odoo calls it when uninstalling, undone at the end of the block
        with closing(self.env.cr.savepoint()):
            getattr(sys.modules["odoo.addons.srm_queue_job"], hook_name)(self.env)
            self.assertEqual(self._left(), [])
            self._found_dead(record)
            self.assertFalse(self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)]))
        self.assertEqual(self._left(), installed)
