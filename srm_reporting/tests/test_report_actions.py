# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import Form, tagged

from .common import SrmReportingCommon


@tagged("post_install", "-at_install")
class TestReportActions(SrmReportingCommon):
    """The wizard opened from the project and stakeholder forms and from list selections."""

    def wizard_from(self, action, user=None):
        self.assertEqual(action["res_model"], "srm.report.wizard")
        self.assertEqual(action["target"], "new")
        env = self.env(user=user) if user else self.env
        return Form(env["srm.report.wizard"].with_context(**action["context"]))

    def test_from_project_form(self):
        form = self.wizard_from(self.project.with_user(self.srm_user).action_srm_report_wizard(), self.srm_user)
        self.assertEqual(form.project_ids[:], self.project)
        self.assertEqual(form.report_kind, "engagement_log")
        form.output_format = "xlsx"
        form.date_from = "2026-01-01"
        form.date_to = "2026-03-31"
        wizard = form.save()
        action = wizard.action_generate()
        self.assertEqual(action["type"], "ir.actions.act_url")
        log = self.env["srm.report.log"].search([("user_id", "=", self.srm_user.id)])
        self.assertEqual(action["url"], f"/web/content/{log.attachment_id.id}?download=true")
        self.assertEqual(self.project.srm_report_log_count, 1)
        self.assertEqual(
            self.project.action_srm_view_report_logs()["domain"], [("project_ids", "in", self.project.ids)]
        )

    def test_from_stakeholder_form(self):
        form = self.wizard_from(self.alice.action_srm_report_wizard())
        self.assertEqual(form.report_kind, "stakeholder_profile")
        self.assertEqual(form.partner_ids[:], self.alice)
        form.output_format = "odt"
        wizard = form.save()
        wizard.action_generate()
        log = self.env["srm.report.log"].search([("report_kind", "=", "stakeholder_profile")])
        self.assertIn("Stakeholder profile: Alice Farmer", self.odt_text(self.content(log)))

    def test_from_engagement_selection(self):
        selection = self.e1 | self.e4
        server_action = self.env.ref("srm_reporting.srm_engagement_action_srm_report")
        action = server_action.with_context(active_model="srm.engagement", active_ids=selection.ids).run()
        form = self.wizard_from(action)
        self.assertEqual(form.engagement_ids[:], selection)
        self.assertEqual((str(form.date_from), str(form.date_to)), ("2026-01-15", "2026-02-25"))
        form.output_format = "xlsx"
        form.save().action_generate()
        log = self.env["srm.report.log"].search([("report_kind", "=", "engagement_log")])
        self.assertEqual(log.record_count, 2)
        self.assertEqual(self.log_filters(log)["engagement_ids"], selection.ids)

    def test_from_stakeholder_selection(self):
        server_action = self.env.ref("srm_reporting.res_partner_action_srm_report")
        action = server_action.with_context(active_model="res.partner", active_ids=(self.alice | self.carol).ids).run()
        form = self.wizard_from(action)
        self.assertEqual(form.report_kind, "stakeholder_register")
        form.output_format = "xlsx"
        form.date_from = "2026-01-01"
        form.date_to = "2026-03-31"
        form.save().action_generate()
        log = self.env["srm.report.log"].search([("report_kind", "=", "stakeholder_register")])
        self.assertEqual(log.record_count, 2)

    def test_generate_again(self):
        log = self.generate("consultation_summary", "odt")
        form = self.wizard_from(log.action_generate_again())
        self.assertEqual(form.report_kind, "consultation_summary")
        self.assertEqual(form.project_ids[:], self.project)
        self.assertEqual(str(form.date_from), "2026-01-01")

    def test_every_kind_has_its_model_and_documents(self):
        """Every report a user may choose is built by its kind model, prints with the
        PDF and ODT actions of the module that defines it, and stays in the archive
        (as a report of a removed module) if that module goes."""
        Wizard, Log, Builder = self.env["srm.report.wizard"], self.env["srm.report.log"], self.env["srm.report.builder"]
        kinds = [value for value, _label in Wizard._fields["report_kind"]._description_selection(self.env)]
        self.assertIn("engagement_log", kinds)
        log_kinds = [value for value, _label in Log._fields["report_kind"]._description_selection(self.env)]
        self.assertEqual(set(log_kinds), {*kinds, "removed"})
        for kind in kinds:
            with self.subTest(kind=kind):
                model = Builder._report_kind_model(kind)
                self.assertEqual(model._name, f"srm.report.kind.{kind}")
                self.assertEqual(model._report_kind, kind)
                for output in ("pdf", "odt"):
                    action = Builder._report_action(kind, output)
                    self.assertEqual(action.model, "srm.report.log")
                ondelete = Log._fields["report_kind"].ondelete or {}
                self.assertNotEqual(ondelete.get(kind), "cascade", "the archive of a removed module's reports stays")
