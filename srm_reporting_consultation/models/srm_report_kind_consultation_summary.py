# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.tools import html2plaintext

from odoo.addons.srm_reporting.models.srm_report_builder import column


class SrmReportKindConsultationSummary(models.AbstractModel):
    _inherit = "srm.report.kind.consultation_summary"

    @api.model
    def _consultation_extra_sections(self, filters):
        """The consultation summary also lists the campaigns of the period and what was heard."""
        return super()._consultation_extra_sections(filters) + self._consultation_campaign_sections(filters)

    @api.model
    def _report_base_domains(self, filters):
        """The campaigns too (their themes are read with them)."""
        campaigns = self._consultation_campaign_domain(filters)
        return [*super()._report_base_domains(filters), ("srm.consultation", campaigns)]

    @api.model
    def _consultation_campaign_domain(self, filters):
        """Campaigns of the projects asked for that overlap the period."""
        domain = []
        if filters.get("project_ids"):
            domain.append(("project_id", "in", filters["project_ids"]))
        if filters.get("exclude_confidential"):
            domain.append(("is_confidential", "=", False))
        if filters.get("date_to"):
            domain.append(("date_start", "<=", filters["date_to"]))
        if filters.get("date_from"):
            domain += ["|", ("date_end", "=", False), ("date_end", ">=", filters["date_from"])]
        return domain

    @api.model
    def _consultation_campaign_sections(self, filters):
        """The campaigns, and the themes heard in them with the organisation's response
        (those a "What we heard" report would show)."""
        consultations = self.env["srm.consultation"].search(self._consultation_campaign_domain(filters))
        return [self._consultation_campaigns(consultations), self._consultation_themes(consultations)]

    @api.model
    def _consultation_campaigns(self, consultations):
        states = self._labels("srm.consultation", "state")
        levels = self._labels("srm.consultation", "iap2_level")
        return self._records_section(
            "consultations",
            self.env._("Consultation campaigns"),
            [
                column("display_name", self.env._("Consultation"), "char", 30),
                column("project_id", self.env._("Project"), "char", 16),
                column("date_start", self.env._("Start"), "date", 16),
                column("date_end", self.env._("End"), "date", 16),
                column("state", self.env._("Status"), "char", 16),
                column("iap2_level", self.env._("IAP2 level"), "char", 16),
                column("respondent_count", self.env._("Respondents"), "integer", 16),
                column("quota_total", self.env._("Target"), "integer", 16),
                column("purpose", self.env._("Purpose"), "text", 40),
            ],
            consultations,
            lambda consultation: [
                consultation.display_name,
                consultation.project_id.display_name or "",
                consultation.date_start,
                consultation.date_end or None,
                states.get(consultation.state, ""),
                levels.get(consultation.iap2_level, ""),
                consultation.respondent_count,
                consultation.quota_total,
                html2plaintext(consultation.purpose or "").strip(),
            ],
        )

    @api.model
    def _consultation_themes(self, consultations):
        """The themes heard in the campaigns, with the organisation's response."""
        themes = consultations.theme_ids._srm_reportable()
        theme_states = self._labels("srm.consultation.theme", "state")
        return self._section(
            "consultation_themes",
            self.env._("What we heard and our response"),
            [
                column("consultation_id", self.env._("Consultation"), "char", 26),
                column("name", self.env._("Theme"), "char", 16),
                column("count", self.env._("Mentions"), "integer", 16),
                column("segment_summary", self.env._("By segment"), "char", 16),
                column("response", self.env._("Response"), "text", 40),
                column("state", self.env._("Status"), "char", 16),
            ],
            [
                [
                    theme.consultation_id.display_name,
                    theme.name,
                    theme.count,
                    theme.segment_summary or "",
                    html2plaintext(theme.response or "").strip(),
                    theme_states.get(theme.state, ""),
                ]
                for theme in themes
            ],
            count=len(themes),
        )
