# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.queue_job.exception import FailedJobError
from odoo.addons.queue_job.job import Job
from odoo.addons.srm_base.tests.common import SrmCase
from odoo.addons.srm_base.tests.test_import import OPTIONS as IMPORT_OPTIONS

from .common import trap_jobs

OPTIONS = {
    **IMPORT_OPTIONS,
    "encoding": "utf-8",
    "separator": ",",
    # the "Import in the background" option of OCA base_import_async
    "use_queue": True,
    "chunk_size": 2,
}

CSV = """Name,Email,Reference,Influence
Ana Pérez Núñez,  ANA.Perez@Example.com ,,4
Estrella Quispe Mamani,,STK-042,5
王小明,wang.xiaoming@example.cn,,3
François Lefèvre-Côté,francois.lefevre@example.fr,,2
Wang Xiaoming,Wang.Xiaoming@example.cn,,
"""


@tagged("post_install", "-at_install")
class TestImportJob(SrmCase):
    """A stakeholder file imported in the background is imported by jobs, a few rows
    each, as the user who imported it, exactly as it would be at once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.ana = Partner.create(
            {"name": "Ana Perez", "email": "ana.perez@example.com", "is_stakeholder": True, "srm_influence": 2}
        )
        cls.estrella = Partner.create({"name": "E. Quispe", "ref": "STK-042", "is_stakeholder": True})
        cls.user = new_test_user(
            cls.env, login="srm_async_import", groups="srm_base.group_srm_user,base.group_partner_manager"
        )

    def _import_in_background(self, content):
        wizard = (
            self.env["base_import.import"]
            .with_user(self.user)
            .with_context(default_is_stakeholder=True)
            .create(
                {
                    "res_model": "res.partner",
                    "file": content.encode(),
                    "file_type": "text/csv",
                    "file_name": "stakeholders.csv",
                }
            )
        )
        preview = wizard.parse_preview(dict(OPTIONS))
        self.assertFalse(preview.get("error"), preview.get("error"))
        fields = ["/".join(preview["matches"].get(index, [])) or False for index in range(len(preview["headers"]))]
        self.assertEqual(fields, ["name", "email", "ref", "srm_influence"])
        with trap_jobs() as trap:
            result = wizard.execute_import(fields, preview["headers"], dict(OPTIONS))
            self.assertEqual(result, [], "nothing is imported while the user waits")
            trap.assert_jobs_count(1)
            trap.perform_enqueued_jobs()  # the file is split into chunks...
            chunks = trap.enqueued_jobs
            self.assertEqual(len(chunks), 3, "2 rows a chunk")
            self.assertEqual({job.user_id for job in chunks}, {self.user.id}, "run as the user who imported")
            trap.perform_enqueued_jobs()  # ...each imported by a job of its own

    def _stakeholders(self):
        return self.env["res.partner"].search([("is_stakeholder", "=", True)])

    def test_stakeholders_imported_in_the_background(self):
        before = self._stakeholders()
        self._import_in_background(CSV)
        self.env.invalidate_all()
        new = self._stakeholders() - before
        self.assertEqual(len(new), 2, "Ana and Estrella are updated, Wang's second row updates his first one")
        self.assertEqual(self.ana.name, "Ana Pérez Núñez")
        self.assertEqual(self.ana.srm_influence, 4)
        self.assertEqual(self.estrella.name, "Estrella Quispe Mamani")
        wang = self.env["res.partner"].search([("email_normalized", "=", "wang.xiaoming@example.cn")])
        self.assertEqual(len(wang), 1)
        self.assertEqual(wang.name, "Wang Xiaoming")
        self.assertTrue(wang.is_stakeholder)
        self.assertEqual(wang.create_uid, self.user)

        # the file and its chunks are not kept once imported
        self.assertFalse(
            self.env["ir.attachment"].search([("name", "like", "stakeholders%"), ("create_uid", "=", self.user.id)])
        )
        self.assertFalse(self.user.has_group("queue_job.group_queue_job_manager"))

        # the same file again, in the background: nobody is created twice
        self._import_in_background(CSV)
        self.assertEqual(self._stakeholders() - before, new)

    def test_failed_part_tells_the_user_why(self):
        """A part of the file that cannot be imported fails alone, and the user who
        imported it receives the reason, which they could not read on the job."""
        content = "Name,Email,Reference,Influence\nRosa Mamani,rosa@example.org,,4\nLuis Condori,,,very high\n"
        wizard = (
            self.env["base_import.import"]
            .with_user(self.user)
            .with_context(default_is_stakeholder=True)
            .create({"res_model": "res.partner", "file": content.encode(), "file_type": "text/csv",
                     "file_name": "stakeholders.csv"})
        )  # fmt: skip
        preview = wizard.parse_preview(dict(OPTIONS))
        fields = ["/".join(preview["matches"].get(index, [])) or False for index in range(len(preview["headers"]))]
        with trap_jobs() as trap:
            wizard.execute_import(fields, preview["headers"], dict(OPTIONS))
            trap.perform_enqueued_jobs()
            (chunk,) = trap.enqueued_jobs
        # as the job runner does: the stored job is loaded, run, and marked failed with its error
        chunk.store()
        runner_job = Job.load(self.env, chunk.uuid)
        with self.assertRaises(FailedJobError) as failure:
            runner_job.perform()
        runner_job.set_failed(exc_name="FailedJobError", exc_message=str(failure.exception))
        runner_job.store()
        self.assertFalse(self.env["res.partner"].search([("name", "in", ["Rosa Mamani", "Luis Condori"])]))
        job = runner_job.db_record()
        self.assertEqual(job.state, "failed")
        with self.assertRaises(AccessError):
            job.with_user(self.user).check_access("read")
        message = job.message_ids.filtered(lambda msg: msg.subtype_id == self.env.ref("queue_job.mt_job_failed"))
        self.assertEqual(len(message), 1)
        self.assertIn(self.user.partner_id, message.notification_ids.res_partner_id)
        body = message.with_user(self.user).read(["body"])[0]["body"]
        self.assertIn("none of its rows were imported", body)
        self.assertIn("very high", body)
        self.assertIn("Influence", body)

