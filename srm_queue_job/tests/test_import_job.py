# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, MissingError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.queue_job.controllers.main import RunJobController
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


INVALID_CSV = "Name,Email,Reference,Influence\nRosa Mamani,rosa@example.org,,4\nLuis Condori,,,<b>very high</b>\n"


@tagged("post_install", "-at_install")
class TestImportPartFailed(SrmCase):
    """The user who imported a file in the background is told, by OdooBot, which part of
    it was not imported, why, and what to do; most users who may import cannot open jobs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = new_test_user(
            cls.env,
            login="srm_async_import_failed",
            groups="srm_base.group_srm_user,base.group_partner_manager",
            notification_type="inbox",
        )

    def setUp(self):
        super().setUp()
        # queue_job's runner stores a failed job with a cursor of its own: here, a cursor on
        # the test's transaction
        self.registry.enter_test_mode(self.cr)
        self.addCleanup(self.registry.leave_test_mode)

    def _import_parts(self, content, user):
        """The parts of a file imported in the background, enqueued (not yet run)."""
        wizard = (
            self.env["base_import.import"]
            .with_user(user)
            .with_context(default_is_stakeholder=True, lang=user.lang)
            .create({"res_model": "res.partner", "file": content.encode(), "file_type": "text/csv",
                     "file_name": "stakeholders.csv"})
        )  # fmt: skip
        preview = wizard.parse_preview(dict(OPTIONS))
        fields = ["/".join(preview["matches"].get(index, [])) or False for index in range(len(preview["headers"]))]
        with trap_jobs() as trap:
            wizard.execute_import(fields, preview["headers"], dict(OPTIONS))
            trap.perform_enqueued_jobs()
            parts = trap.enqueued_jobs
        for part in parts:
            part.store()
        return parts

    def _run(self, part):
        """Run a part as queue_job's job runner does: the stored job is loaded and run; a
        failure is stored on the job with its error, and raised again."""
        job = Job.load(self.env, part.uuid)
        # not assertRaises, which would undo in a savepoint what the runner stored
        try:
            with mute_logger("odoo.addons.queue_job.controllers.main"):
                RunJobController._runjob(self.env, job)
        except Exception as error:  # raised again by the runner once the failure is stored
            failure = error
        else:
            self.fail("the part did not fail")
        self.env.invalidate_all()
        return failure

    def _notified(self, user):
        """The messages notified to the user."""
        return self.env["mail.notification"].search([("res_partner_id", "=", user.partner_id.id)]).mail_message_id

    def _body(self, message, user):
        return message.with_user(user).read(["body"])[0]["body"]

    def test_rows_refused(self):
        """A part whose rows the import refuses: the user is told to correct them."""
        (part,) = self._import_parts(INVALID_CSV, self.user)
        self._run(part)
        self.assertFalse(self.env["res.partner"].search([("name", "in", ["Rosa Mamani", "Luis Condori"])]))
        job = part.db_record()
        self.assertEqual(job.state, "failed")
        with self.assertRaises(AccessError):
            job.with_user(self.user).check_access("read")

        message = self._notified(self.user)
        self.assertEqual(len(message), 1, "one message, about the part (not the job's own)")
        self.assertEqual(message.author_id, self.env.ref("base.partner_root"), "from OdooBot")
        self.assertFalse(message.model, "nothing the user may not open is linked")
        notification = message.notification_ids.filtered(lambda n: n.res_partner_id == self.user.partner_id)
        self.assertEqual(notification.notification_type, "inbox")
        body = self._body(message, self.user)
        self.assertIn("stakeholders.csv", body)
        self.assertIn("lines 2 to 3", body)
        self.assertIn("does not seem to be an integer", body)
        self.assertIn("Influence", body)
        self.assertIn("correct them in your file", body)

        # job queue managers keep queue_job's own message on the job
        failed = job.message_ids.filtered(lambda msg: msg.subtype_id == self.env.ref("queue_job.mt_job_failed"))
        self.assertEqual(len(failed), 1)
        self.assertIn("Exception Information", failed.body)
        self.assertIn(self.env.ref("base.user_admin").partner_id, failed.notification_ids.res_partner_id)

    def test_error_is_escaped(self):
        """What the file holds is shown as text, never as HTML."""
        (part,) = self._import_parts(INVALID_CSV, self.user)
        self._run(part)
        message = self._notified(self.user)
        self.assertEqual(message.author_id, self.env.ref("base.partner_root"))
        body = self._body(message, self.user)
        self.assertIn("&lt;b&gt;very high&lt;/b&gt;", body)
        self.assertNotIn("<b>very high", body)

    def test_failure_not_in_the_file(self):
        """A part that fails for a reason other than its rows (here its file was deleted
        before it ran) is not blamed on the file."""
        (part,) = self._import_parts("Name,Email,Reference,Influence\nRosa Mamani,rosa@example.org,,4\n", self.user)
        part.kwargs["attachment"].sudo().unlink()
        self.assertIsInstance(self._run(part), MissingError)
        self.assertEqual(part.db_record().state, "failed")
        message = self._notified(self.user)
        self.assertEqual(len(message), 1)
        self.assertEqual(message.author_id, self.env.ref("base.partner_root"))
        body = self._body(message, self.user)
        self.assertIn("lines 2 to 2", body)
        self.assertIn("does not come from your file", body)
        self.assertNotIn("correct them", body)

    def test_by_email_when_they_chose_it(self):
        user = new_test_user(
            self.env,
            login="srm_async_import_email",
            email="importer@example.org",
            groups="srm_base.group_srm_user,base.group_partner_manager",
            notification_type="email",
        )
        (part,) = self._import_parts(INVALID_CSV, user)
        self._run(part)
        message = self._notified(user)
        self.assertEqual(message.author_id, self.env.ref("base.partner_root"))
        notification = message.notification_ids.filtered(lambda n: n.res_partner_id == user.partner_id)
        self.assertEqual(notification.notification_type, "email")

    def test_in_their_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(["srm_queue_job"], ["fr_FR"], overwrite=True)
        user = new_test_user(
            self.env,
            login="srm_async_import_fr",
            groups="srm_base.group_srm_user,base.group_partner_manager",
            notification_type="inbox",
            lang="fr_FR",
        )
        (part,) = self._import_parts(INVALID_CSV, user)
        self._run(part)
        message = self._notified(user)
        self.assertEqual(message.author_id, self.env.ref("base.partner_root"))
        self.assertEqual(message.subject, "Une partie de votre import a échoué")
        self.assertIn("corrigez-les dans votre fichier", self._body(message, user))
