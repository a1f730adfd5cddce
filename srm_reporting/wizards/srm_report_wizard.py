# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..models.srm_report_builder import LIBREOFFICE_FORMATS, OUTPUT_FORMATS, REPORT_KINDS


class SrmReportWizard(models.TransientModel):
    _name = "srm.report.wizard"
    _description = "Stakeholder Report"

    report_kind = fields.Selection(REPORT_KINDS, string="Report", required=True, default="engagement_log")
    output_format = fields.Selection(
        OUTPUT_FORMATS, string="Format", required=True, default=lambda self: self._default_output_format()
    )
    date_from = fields.Date(string="From", default=lambda self: self._default_date_from())
    date_to = fields.Date(string="To", default=fields.Date.context_today)
    project_ids = fields.Many2many("srm.project", string="Projects", help="Leave empty for all projects.")
    stakeholder_type_ids = fields.Many2many("srm.stakeholder.type", string="Stakeholder Types")
    segment_ids = fields.Many2many("srm.segment", string="Segments")
    partner_ids = fields.Many2many("res.partner", string="Stakeholders", domain="[('is_stakeholder', '=', True)]")
    engagement_ids = fields.Many2many("srm.engagement", string="Selected Engagements")
    exclude_confidential = fields.Boolean(
        string="Leave Out Confidential Records",
        help="Produce a report that can be shared with people who may not see confidential records.",
    )
    py3o_template_id = fields.Many2one(
        "py3o.template",
        string="Template",
        domain=[("filetype", "=", "odt"), ("srm_approved_digest", "!=", False)],
        help="A template provided by your administrator (for example your regulator's layout); "
        "leave empty for the standard template of the report.",
    )
    can_see_confidential = fields.Boolean(compute="_compute_availability")
    period_optional = fields.Boolean(compute="_compute_availability")
    availability_warning = fields.Char(compute="_compute_availability")

    @api.model
    def _default_output_format(self):
        return self.env["srm.report.log"]._available_output_formats()[0]

    @api.model
    def default_get(self, fields_list):
        """The wizard opens on a format this server produces, even when asked for
        another one (a report produced again, a format whose program was removed)."""
        values = super().default_get(fields_list)
        if values.get("output_format") and values["output_format"] not in (
            available := self.env["srm.report.log"]._available_output_formats()
        ):
            values["output_format"] = available[0]
        return values

    @api.model
    def _default_date_from(self):
        return fields.Date.context_today(self).replace(month=1, day=1)

    @api.depends("report_kind", "output_format")
    def _compute_availability(self):
        can_see = self.env.user.has_group("srm_base.group_srm_confidential")
        Report = self.env["ir.actions.report"]
        Builder = self.env["srm.report.builder"]
        for wizard in self:
            wizard.can_see_confidential = can_see
            kind_model = Builder._report_kind_model(wizard.report_kind)
            wizard.period_optional = bool(kind_model is not None and kind_model._report_period_optional)
            warning = False
            if wizard.output_format == "pdf" and Report.get_wkhtmltopdf_state() in ("install", "broken"):
                warning = self.env._("wkhtmltopdf is not installed on the server: PDF is not available.")
            elif wizard.output_format in LIBREOFFICE_FORMATS and not self.env["srm.report.log"]._libreoffice_bin():
                warning = self.env._("LibreOffice is not installed on the server: choose ODT, or PDF without template.")
            wizard.availability_warning = warning

    @api.model
    def _open_action(self, context):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Stakeholder Report"),
            "res_model": self._name,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": context,
        }

    def _get_filters(self):
        self.ensure_one()
        return {
            "kind": self.report_kind,
            "date_from": fields.Date.to_string(self.date_from) if self.date_from else False,
            "date_to": fields.Date.to_string(self.date_to) if self.date_to else False,
            "project_ids": self.project_ids.ids,
            "stakeholder_type_ids": self.stakeholder_type_ids.ids,
            "segment_ids": self.segment_ids.ids,
            "partner_ids": self.partner_ids.ids,
            "engagement_ids": self.engagement_ids.ids,
            "exclude_confidential": self.exclude_confidential,
        }

    def _generate_log(self):
        self.ensure_one()
        template = self.py3o_template_id if self.output_format in ("odt", "docx", "pdf_template") else None
        return self.env["srm.report.log"]._generate(self._get_filters(), self.output_format, py3o_template=template)

    def action_generate(self):
        return self._generate_log().action_download()
