# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import os
import shutil
import tempfile

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import PERIOD, SrmReportingCommon, rezip_odt, standard_template, with_paragraph


@tagged("post_install", "-at_install")
class TestReportTemplateSecurity(SrmReportingCommon):
    """A py3o template is code run on the server: only administrators provide
    templates, and reports only render the ones an administrator created or approved."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = new_test_user(
            cls.env,
            login="srm_rep_admin",
            groups="base.group_system,srm_base.group_srm_manager",
            tz="UTC",
            name="Srm Rep Admin",
        )

    def setUp(self):
        super().setUp()
        folder = tempfile.mkdtemp(prefix="srm_template_test_")
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        # a file the malicious template creates on the server if its code runs
        self.marker = os.path.join(folder, "template-code-ran")

    def malicious_odt(self):
        """The standard template, one loop of which also runs Python on the server."""
        touch = f"__import__(&apos;pathlib&apos;).Path(&apos;{self.marker}&apos;).touch()"
        code = f"report.parameters if {touch} is None else []"
        return rezip_odt(
            standard_template("engagement_log"),
            lambda xml: xml.replace(b'param in report.parameters"', f'param in {code}"'.encode()),
        )

    def template_vals(self, data, name="Regulator layout"):
        return {"name": name, "filetype": "odt", "py3o_template_data": base64.b64encode(data)}

    def admin_template(self, data):
        return self.env["py3o.template"].with_user(self.admin).create(self.template_vals(data))

    def wizard(self, user, template):
        return (
            self.env["srm.report.wizard"]
            .with_user(user)
            .create(
                {
                    "report_kind": "engagement_log",
                    "output_format": "odt",
                    "project_ids": self.project.ids,
                    "date_from": PERIOD["date_from"],
                    "date_to": PERIOD["date_to"],
                    "py3o_template_id": template.id,
                }
            )
        )

    def stored_file(self, template):
        """The attachment holding the file of a template."""
        return self.env["ir.attachment"].search(
            [
                ("res_model", "=", "py3o.template"),
                ("res_id", "=", template.id),
                ("res_field", "=", "py3o_template_data"),
            ]
        )

    def logs_of(self, user):
        return self.env["srm.report.log"].search([("user_id", "=", user.id)])

    def assertCodeDidNotRun(self):
        self.assertFalse(os.path.exists(self.marker), "the template's code ran on the server")

    def test_malicious_template_runs_when_rendered(self):
        """The payload used below does run when a template is rendered: the refusals
        of the other tests are what keeps it from running."""
        template = self.env["py3o.template"].create(self.template_vals(self.malicious_odt()))
        self.generate("engagement_log", "odt", template=template)
        self.assertTrue(os.path.exists(self.marker))

    def test_manager_cannot_upload_a_template(self):
        for user in (self.manager, self.srm_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                template = self.env["py3o.template"].with_user(user).create(self.template_vals(self.malicious_odt()))
                self.wizard(user, template).action_generate()
        self.assertCodeDidNotRun()
        self.assertFalse(self.logs_of(self.manager) | self.logs_of(self.srm_user))

    def test_manager_cannot_change_a_template(self):
        template = self.admin_template(standard_template("engagement_log"))
        Attachment = self.env["ir.attachment"].with_user(self.manager)
        with self.assertRaises(AccessError):
            template.with_user(self.manager).write({"py3o_template_data": base64.b64encode(self.malicious_odt())})
        with self.assertRaises(AccessError):
            template.with_user(self.manager).unlink()
        # nor through the attachment that holds the file
        stored = self.stored_file(template)
        self.assertEqual(len(stored), 1)
        with self.assertRaises(AccessError):
            stored.with_user(self.manager).write({"raw": self.malicious_odt()})
        with self.assertRaises(AccessError):
            Attachment.create(
                {
                    "name": "layout.odt",
                    "raw": self.malicious_odt(),
                    "res_model": "py3o.template",
                    "res_id": template.id,
                    "res_field": "py3o_template_data",
                }
            )
        self.wizard(self.manager, template).action_generate()
        self.assertCodeDidNotRun()

    def test_template_changed_behind_the_administrator_is_refused(self):
        """A file replaced after an administrator approved the template (here, written
        straight into its attachment) is not rendered."""
        template = self.admin_template(standard_template("engagement_log"))
        stored = self.stored_file(template)
        stored.write({"raw": self.malicious_odt()})
        wizard = self.wizard(self.manager, template)
        with self.assertRaisesRegex(UserError, "not approved by an administrator"):
            wizard.action_generate()
        self.assertCodeDidNotRun()
        self.assertFalse(self.logs_of(self.manager))

    def test_administrator_approves_a_changed_template(self):
        """The template form tells a file nobody approved; only an administrator's
        Approve makes it usable again."""
        template = self.admin_template(standard_template("engagement_log"))
        self.assertTrue(template.srm_is_approved)
        changed = rezip_odt(standard_template("engagement_log"), with_paragraph(b"Figure"))
        self.stored_file(template).write({"raw": changed})
        template.invalidate_recordset()
        self.assertFalse(template.with_user(self.manager).srm_is_approved)
        with self.assertRaisesRegex(AccessError, "Only administrators"):
            template.with_user(self.manager).action_srm_approve()
        self.assertFalse(template.srm_is_approved)
        template.with_user(self.admin).action_srm_approve()
        template.invalidate_recordset()
        self.assertTrue(template.with_user(self.manager).srm_is_approved)
        self.assertEqual(template.srm_approved_uid, self.admin)
        self.wizard(self.manager, template).action_generate()
        self.assertIn("Figure", self.odt_text(self.content(self.logs_of(self.manager))))

    def test_template_not_created_by_an_administrator_is_refused(self):
        """A template that reached the database without an administrator (here, created
        in sudo on behalf of a manager) cannot be rendered, neither from the wizard nor
        by passing its id to the renderer."""
        template = (
            self.env["py3o.template"].with_user(self.manager).sudo().create(self.template_vals(self.malicious_odt()))
        )
        Wizard = self.env["srm.report.wizard"]
        domain = Wizard._fields["py3o_template_id"].get_domain_list(Wizard)
        self.assertNotIn(template, self.env["py3o.template"].with_user(self.manager).search(domain))
        with self.assertRaisesRegex(UserError, "not approved by an administrator"):
            self.wizard(self.manager, template).action_generate()
        log = self.generate("engagement_log", "xlsx", user=self.manager)
        Report = self.env["ir.actions.report"].with_user(self.manager)
        # the renderer prints no report but the one a log is being filed with
        with self.assertRaisesRegex(UserError, "report audit trail"):
            Report.with_context(srm_report=True, srm_py3o_template_id=template.id)._render_py3o(
                "srm_reporting.srm_report_engagement_log_odt", log.ids, data={"filters": self.log_filters(log)}
            )
        # and the file of a log being filed is never rendered with it
        with self.assertRaisesRegex(UserError, "not approved by an administrator"):
            log.with_user(self.manager)._render_content(self.log_filters(log), "odt", py3o_template=template)
        self.assertCodeDidNotRun()

    def test_administrator_template_is_used(self):
        data = rezip_odt(standard_template("engagement_log"), with_paragraph(b"Regulator key figure"))
        template = self.admin_template(data)
        # managers pick among the templates they may use
        Wizard = self.env["srm.report.wizard"]
        domain = Wizard._fields["py3o_template_id"].get_domain_list(Wizard)
        choices = self.env["py3o.template"].with_user(self.manager).search(domain)
        self.assertIn(template, choices)
        self.wizard(self.manager, template).action_generate()
        log = self.logs_of(self.manager)
        self.assertEqual(log.template_name, "Regulator layout")
        self.assertIn("Regulator key figure", self.odt_text(self.content(log)))
