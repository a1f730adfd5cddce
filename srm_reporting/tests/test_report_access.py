# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import PERIOD
from .test_report_confidentiality import MARCH, SrmProtectedComplainantCommon

# Who sees which archived report (search, read, read_group, export, and its file).
#   confidential    the manager's engagement log with the confidential engagement
#   sensitive       the manager's grievance log of March, naming a protected complainant
#   shared          the same, confidential records left out (complainant protected)
#   user_own        an engagement log of the user
#   restricted_own  an engagement log of the project-restricted user
ACCESS_MATRIX = """
                confidential  sensitive  shared  user_own  restricted_own
manager         yes           yes        yes     yes       yes
user            -             -          yes     yes       yes
confidential    yes           yes        yes     yes       yes
auditor         -             -          yes     yes       yes
restricted      -             -          -       -         yes
"""


def parse_matrix(text):
    """{role: {log key: visible}} of a table of yes/- cells."""
    header, *lines = [line.split() for line in text.strip().splitlines()]
    return {role: dict(zip(header, [cell == "yes" for cell in cells], strict=True)) for role, *cells in lines}


class SrmReportAccessCommon(SrmProtectedComplainantCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Log = cls.env["srm.report.log"]

        def generate(user, kind, period, **extra):
            filters = dict(period, kind=kind, project_ids=cls.project.ids, **extra)
            return Log.with_user(user)._generate(filters, "xlsx").sudo(False)

        cls.logs = {
            "confidential": generate(cls.manager, "engagement_log", PERIOD),
            "sensitive": generate(cls.manager, "grievance_log", MARCH),
            "shared": generate(cls.manager, "grievance_log", MARCH, exclude_confidential=True),
            "user_own": generate(cls.srm_user, "engagement_log", PERIOD),
            "restricted_own": generate(cls.restricted, "engagement_log", PERIOD),
        }
        cls.all_logs = Log.browse([log.id for log in cls.logs.values()])
        cls.roles = {
            "manager": cls.manager,
            "user": cls.srm_user,
            "confidential": cls.confidential_user,
            "auditor": cls.auditor,
            "restricted": cls.restricted,
        }
        # exporting is a right of its own: given to everybody here, it must show no more than reading
        allow_export = cls.env.ref("base.group_allow_export")
        for user in cls.roles.values():
            user.groups_id = [Command.link(allow_export.id)]


@tagged("post_install", "-at_install")
class TestReportAccessMatrix(SrmReportAccessCommon):
    def test_access_matrix(self):
        matrix = parse_matrix(ACCESS_MATRIX)
        self.assertEqual(set(matrix), set(self.roles))
        for role, user in self.roles.items():
            Log = self.env["srm.report.log"].with_user(user)
            Attachment = self.env["ir.attachment"].with_user(user)
            visible = Log.browse([self.logs[key].id for key, seen in matrix[role].items() if seen])
            hidden = Log.browse([self.logs[key].id for key, seen in matrix[role].items() if not seen])
            with self.subTest(role=role, path="search"):
                self.assertEqual(Log.search([("id", "in", self.all_logs.ids)]), visible)
                self.assertEqual(Log.search_count([("id", "in", self.all_logs.ids)]), len(visible))
            with self.subTest(role=role, path="read_group"):
                groups = Log.read_group([("id", "in", self.all_logs.ids)], ["report_kind"], ["report_kind"])
                self.assertEqual(sum(group["report_kind_count"] for group in groups), len(visible))
            with self.subTest(role=role, path="export"):
                exported = visible.export_data(["name", "file_name", "attachment_id/name"])["datas"]
                self.assertEqual(sorted(row[1] for row in exported), sorted(visible.sudo().mapped("file_name")))
            files = Attachment.search([("res_model", "=", "srm.report.log"), ("res_id", "in", self.all_logs.ids)])
            with self.subTest(role=role, path="file search"):
                self.assertEqual(files, visible.sudo().attachment_id.with_user(user))
            for key, log in self.logs.items():
                with self.subTest(role=role, log=key, path="read and file read"):
                    if matrix[role][key]:
                        self.assertTrue(log.with_user(user).read(["name", "digest"]))
                        self.assertTrue(log.sudo().attachment_id.with_user(user).read(["raw"])[0]["raw"])
                    else:
                        with self.assertRaises(AccessError):
                            log.with_user(user).read(["name"])
                        with self.assertRaises(AccessError):
                            log.sudo().attachment_id.with_user(user).read(["raw"])
                        with self.assertRaises(AccessError):
                            log.with_user(user).export_data(["name"])
            self.assertFalse(hidden & Log.search([]))

    def test_confidential_file_is_not_served(self):
        """The archived file follows its log, even when asked for by attachment id."""
        sensitive = self.logs["sensitive"].sudo().attachment_id
        self.assertEqual((sensitive.res_model, sensitive.res_id), ("srm.report.log", self.logs["sensitive"].id))
        self.assertFalse(sensitive.public)
        with self.assertRaises(AccessError):
            self.env["ir.attachment"].with_user(self.srm_user).browse(sensitive.id).read(["datas"])
        self.assertFalse(
            self.env["ir.attachment"].with_user(self.auditor).search([("id", "=", sensitive.id)]),
        )


@tagged("post_install", "-at_install")
class TestReportArchiveHttp(SrmReportAccessCommon, HttpCase):
    def download(self, log, login):
        self.authenticate(login, login)
        return self.url_open(f"/web/content/{log.sudo().attachment_id.id}?download=true")

    @mute_logger("odoo.http")
    def test_web_content_follows_the_log(self):
        response = self.download(self.logs["shared"], self.auditor.login)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, self.content(self.logs["shared"]))
        for key in ("sensitive", "confidential"):
            for user in (self.srm_user, self.auditor, self.restricted):
                with self.subTest(log=key, user=user.login):
                    response = self.download(self.logs[key], user.login)
                    self.assertIn(response.status_code, (403, 404))
                    self.assertNotIn(b"Sofia", response.content)
        response = self.download(self.logs["sensitive"], self.confidential_user.login)
        self.assertEqual(response.status_code, 200)


@tagged("post_install", "-at_install")
class TestReportReadOnly(SrmReportAccessCommon):
    """Auditors read; they change nothing through the reporting models, and no
    public method of them lets a user past their rights."""

    def test_auditor_changes_no_report_log(self):
        env = self.env(user=self.auditor)
        log = self.logs["shared"].with_env(env)
        archived = log.sudo().attachment_id.with_env(env)
        self.assertTrue(log.read(["name"]))
        on_log = {"model": "srm.report.log", "res_id": log.id}
        attempts = {
            "write": lambda: log.write({"sent_on": "2026-04-01 00:00:00"}),
            "unlink": log.unlink,
            "post a message": lambda: env["mail.message"].create(dict(on_log, body="Noted", message_type="comment")),
            "follow": lambda: env["mail.followers"].create(
                {"res_model": "srm.report.log", "res_id": log.id, "partner_id": self.auditor.partner_id.id}
            ),
            "schedule an activity": lambda: env["mail.activity"].create(
                {"res_model_id": env["ir.model"]._get_id("srm.report.log"), "res_id": log.id, "summary": "Check"}
            ),
            "attach a file": lambda: env["ir.attachment"].create(
                {"name": "note.txt", "raw": b"x", "res_model": "srm.report.log", "res_id": log.id}
            ),
            "replace the archived file": lambda: archived.write({"raw": b"x"}),
            "delete the archived file": archived.unlink,
        }
        for name, attempt in attempts.items():
            with self.subTest(attempt=name), self.assertRaises(AccessError):
                attempt()
        self.assertEqual(archived.sudo().raw, self.content(self.logs["shared"]))

    def test_auditor_changes_no_scheduled_report(self):
        project = self.project.with_user(self.auditor)
        self.assertFalse(project.srm_monthly_report)
        attempts = {
            "subscribe the project": lambda: project.write({"srm_monthly_report": True}),
            "add a recipient": lambda: project.write(
                {"srm_monthly_report_partner_ids": [Command.link(self.auditor.partner_id.id)]}
            ),
            "change the format": lambda: project.write({"srm_monthly_report_format": "xlsx"}),
            "post a message": lambda: project.message_post(body="Noted", message_type="comment"),
        }
        for name, attempt in attempts.items():
            with self.subTest(attempt=name), self.assertRaises(AccessError):
                attempt()
        self.assertFalse(self.project.srm_monthly_report)
        self.assertFalse(self.project.srm_monthly_report_partner_ids)

    def test_verify_wizard_of_another_user(self):
        """Checking a file reads the audit trail in sudo: only on the caller's own wizard."""
        wizard = (
            self.env["srm.report.verify.wizard"]
            .with_user(self.auditor)
            .create({"file": base64.b64encode(self.content(self.logs["confidential"]))})
        )
        with self.assertRaises(AccessError):
            wizard.with_user(self.srm_user).action_verify()
        self.assertEqual(wizard.state, "draft")
        wizard.action_verify()
        self.assertEqual(wizard.state, "match")

    def test_report_wizard_of_another_user(self):
        wizard = (
            self.env["srm.report.wizard"]
            .with_user(self.manager)
            .create(dict(PERIOD, report_kind="engagement_log", output_format="xlsx", project_ids=self.project.ids))
        )
        with self.assertRaises(AccessError):
            wizard.with_user(self.srm_user).action_generate()

    def test_log_names_only_projects_the_author_may_read(self):
        """A project-restricted user asking for another project gets nothing of it,
        not even its code in the archived file's name."""
        log = self.generate("engagement_log", "xlsx", user=self.restricted, project_ids=self.project_other.ids)
        self.assertEqual(log.sudo().record_count, 0)
        self.assertFalse(log.sudo().project_ids)
        self.assertNotIn("LV", log.sudo().file_name)
        self.assertNotIn("Lake", log.sudo().name)

    def test_archived_logs_are_removed_by_administrators_only(self):
        log = self.logs["user_own"]
        for user in (self.manager, self.srm_user, self.auditor):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                log.with_user(user).unlink()
        self.assertTrue(log.exists())
