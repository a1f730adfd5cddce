# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import models
from odoo.exceptions import AccessError, UserError

_logger = logging.getLogger(__name__)


class Py3oReport(models.TransientModel):
    _inherit = "py3o.report"

    def get_template(self, model_instance):
        """The template of an SRM report: the one chosen in the report wizard, else
        the report's own; either must be approved by an administrator. Without one,
        the standard template shipped with the module."""
        report = self.ir_actions_report_id
        if report.model != "srm.report.log":
            return super().get_template(model_instance)
        template = report.py3o_template_id
        template_id = self.env.context.get("srm_py3o_template_id")
        if template_id:
            template = self.env["py3o.template"].browse(int(template_id)).exists()
            if not template:
                raise UserError(self.env._("This report template does not exist anymore."))
        if not template:
            return super().get_template(model_instance)
        # the bytes rendered are the ones checked
        return template._srm_approved_file()

    def create_report(self, res_ids, data):
        """An SRM report is rendered for the log it is being filed in only (see
        srm.report.log._srm_report_being_filed), refused before any template is read."""
        if self.ir_actions_report_id.model == "srm.report.log":
            self.env["srm.report.log"].browse(res_ids)._srm_report_being_filed()
        return super().create_report(res_ids, data)

    def _create_single_report(self, model_instance, data):
        if not self.env.context.get("srm_report"):
            return super()._create_single_report(model_instance, data)
        try:
            return super()._create_single_report(model_instance, data)
        except (UserError, AccessError):
            raise
        except Exception as exc:  # noqa: BLE001 - any flaw of a user-edited template
            # a template is a document edited by users: whatever breaks in it
            # (invalid file, syntax error, unknown field) is their input to fix
            _logger.info("SRM report template error: %s", exc)
            raise UserError(
                self.env._(
                    "The report template could not be used: %(error)s\n\nCheck its py3o fields "
                    "and instructions (for example “for” and “/for” links, field names such as "
                    "line.date) or choose the standard template.",
                    error=str(exc) or exc.__class__.__name__,
                )
            ) from exc
