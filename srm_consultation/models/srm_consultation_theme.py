# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import Counter

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

from odoo.addons.srm_base.tools.links import name_for_reader


class SrmConsultationTheme(models.Model):
    """What respondents talked about, with the organisation's response."""

    _name = "srm.consultation.theme"
    _description = "Consultation Theme"
    _inherit = ["mail.thread", "srm.link.check.mixin"]
    _order = "consultation_id, count desc, sequence, id"
    # what follows the theme up: a record its writer may read (else the theme reads as
    # followed by a record they know nothing of, and tells it exists)
    _srm_link_fields = ("linked_record",)

    name = fields.Char(required=True, translate=False, tracking=True)
    sequence = fields.Integer(default=10)
    consultation_id = fields.Many2one(
        "srm.consultation", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="consultation_id.company_id", store=True, index=True)
    project_id = fields.Many2one(related="consultation_id.project_id", store=True)
    keywords = fields.Char(
        help="Words that identify the theme in free-text answers, separated by commas, in every "
        "language of the respondents (e.g. water, eau, agua). A keyword matches the words "
        "starting with it; case and accents are ignored."
    )
    origin = fields.Selection(
        [
            ("manual", "Defined by the team"),
            ("keyword", "Suggested from frequent words"),
            ("ai", "Found by text analysis"),
        ],
        default="manual",
        required=True,
        readonly=True,
    )
    count = fields.Integer(
        string="Answers", readonly=True, help="Free-text answers that mention the theme."
    )
    line_ids = fields.Many2many(
        "survey.user_input.line",
        "srm_consultation_theme_line_rel",
        "theme_id",
        "line_id",
        string="Quotes",
        readonly=True,
    )
    segment_summary = fields.Char(string="By Segment", compute="_compute_segment_summary")
    response = fields.Html(
        string="Our Response", help="What the organisation answers or does about this theme.", tracking=True
    )
    state = fields.Selection(
        [
            ("new", "To review"),
            ("responded", "Responded"),
            ("actioned", "Turned into action"),
            ("dismissed", "Not retained"),
        ],
        string="Status",
        default="new",
        required=True,
        tracking=True,
    )
    linked_record = fields.Reference(
        selection="_selection_linked_record",
        string="Action",
        readonly=True,
        copy=False,
        help="The commitment or issue that follows the theme up.",
    )

    @api.model
    def _selection_linked_record(self):
        """The kinds of record that can follow a theme up: each module that can turn a theme
        into one adds its model (srm_consultation_commitments, srm_consultation_issues)."""
        return []

    @api.depends("line_ids")
    def _compute_segment_summary(self):
        for theme in self:
            # one answer per respondent: count respondents, not lines
            counts = Counter()
            for answer in theme.line_ids.user_input_id:
                counts[answer.srm_segment_id.name or self.env._("No segment")] += 1
            theme.segment_summary = " · ".join(f"{name} {count}" for name, count in counts.most_common())

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if "state" not in vals and html2plaintext(vals.get("response") or "").strip():
                vals["state"] = "responded"
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("response") and "state" not in vals:
            res = super().write(vals)
            self.filtered(lambda t: t.state == "new" and html2plaintext(t.response or "").strip()).write(
                {"state": "responded"}
            )
            return res
        return super().write(vals)

    def _srm_reportable(self):
        """The themes a "What we heard" report shows: those the team defined or reviewed.

        Suggestions of the analysis nobody has looked at yet, and themes the team did
        not retain, stay out of what is reported to participants and regulators.
        """
        return self.filtered(
            lambda t: t.state != "dismissed"
            and (t.origin == "manual" or t.state != "new")
            and (t.count or html2plaintext(t.response or "").strip())
        )

    # ------------------------------------------------------------------
    # Follow-up: the modules linking consultations to commitments and issues
    # create the record from the values they prepare, then link it here
    # ------------------------------------------------------------------

    def _srm_follow_up_partners(self):
        """The stakeholders who mentioned the theme, except confidential respondents:
        nothing created from a theme names them."""
        self.ensure_one()
        return self.line_ids.user_input_id.filtered(lambda a: not a.srm_is_confidential).partner_id

    def _srm_follow_up_description(self):
        """Where the theme comes from, and the organisation's response (HTML)."""
        self.ensure_one()
        return Markup("<p>%s</p>%s") % (
            self.env._(
                "Raised by %(count)s respondents of the consultation “%(consultation)s”.",
                count=self.count,
                consultation=self.consultation_id.name,
            ),
            self.response or "",
        )

    def _srm_check_can_follow_up(self):
        """Refuse to follow a theme up twice, or without the right to change its consultation."""
        self.ensure_one()
        self.consultation_id.check_access("write")
        if self.linked_record:
            raise UserError(
                self.env._(
                    "The theme “%(theme)s” is already followed by %(record)s.",
                    theme=self.name,
                    record=name_for_reader(self.linked_record),
                )
            )

    def _srm_link_follow_up(self, record):
        """Record that ``record`` (a commitment, an issue...) follows the theme up."""
        self.ensure_one()
        self.write({"linked_record": f"{record._name},{record.id}", "state": "actioned"})
        self.consultation_id.message_post(
            body=self.env._(
                "Theme “%(theme)s” turned into %(record)s.", theme=self.name, record=record.display_name
            ),
            subtype_xmlid="mail.mt_note",
        )
        return record

    def _srm_open_record(self, record):
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "view_mode": "form",
        }

    def action_open_linked_record(self):
        self.ensure_one()
        return self._srm_open_record(self.linked_record)
