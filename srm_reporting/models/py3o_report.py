# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import logging

from odoo import models
from odoo.exceptions import AccessError, UserError

_logger = logging.getLogger(__name__)


class Py3oReport(models.TransientModel):
    _inherit = "py3o.report"

    def get_template(self, model_instance):
        """A template chosen in the report wizard replaces the report's own."""
        template_id = self.env.context.get("srm_py3o_template_id")
        if template_id:
            template = self.env["py3o.template"].browse(template_id)
            if not template.py3o_template_data:
                raise UserError(self.env._("The template “%s” has no file.", template.name))
            return base64.b64decode(template.py3o_template_data)
        return super().get_template(model_instance)

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
