# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import Counter
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

# models another SRM module may provide, that a theme or a condition can become
LINKABLE_MODELS = ("srm.commitment", "srm.issue")

# a record that needs a due date (a commitment) is due this many days after its creation,
# until its owner sets the real date (it is created as a draft)
DEFAULT_DUE_DAYS = 30

# values given to the new record when its model has these fields and accepts these values
LINKED_RECORD_HINTS = {
    "srm.issue": {"kind": "issue", "channel": "in_person"},
    "srm.commitment": {"source": "consultation"},
}


def linkable_models_selection(env):
    """The models a consultation record can be turned into, among those installed."""
    return [(model, env["ir.model"]._get(model).name or model) for model in LINKABLE_MODELS if model in env]


def _default_due_date(source, Model):
    """A due date for a new record of ``Model`` that requires one and has no default."""
    for fname in ("date_due", "date_deadline"):
        field = Model._fields.get(fname)
        if field and field.type == "date" and field.required and not Model.default_get([fname]).get(fname):
            return {fname: fields.Date.context_today(source) + timedelta(days=DEFAULT_DUE_DAYS)}
    return {}


def create_linked_record(source, model_name, title, description, partners, project, company, confidential):
    """Create a record of ``model_name`` (commitment, issue...) from a consultation record.

    The model belongs to a module that may not be installed: its fields are
    filled only when they exist, so that this keeps working whatever shape the
    other module gives them. Raises a UserError when the module is missing.
    """
    env = source.env
    if model_name not in env:
        raise UserError(
            env._(
                "The module providing “%s” is not installed: install it to turn this into one.",
                model_name,
            )
        )
    Model = env[model_name]
    model_fields = Model._fields
    vals = {}
    title_field = next(
        (name for name in ("title", "name") if name in model_fields and model_fields[name].type == "char"),
        None,
    )
    if title_field:
        vals[title_field] = title
    if "description" in model_fields and description:
        field = model_fields["description"]
        vals["description"] = description if field.type == "html" else html2plaintext(description)
    if "partner_ids" in model_fields and partners:
        vals["partner_ids"] = [(6, 0, partners.ids)]
    for fname, value in (("project_id", project.id), ("company_id", company.id), ("is_confidential", confidential)):
        if fname in model_fields and value:
            vals[fname] = value
    for fname in ("consultation_id", "srm_consultation_id"):
        if fname in model_fields and model_fields[fname].type == "many2one" and (
            model_fields[fname].comodel_name == "srm.consultation"
        ):
            consultation = source.consultation_id if "consultation_id" in source._fields else False
            if consultation:
                vals[fname] = consultation.id
    vals.update(_default_due_date(source, Model))
    for fname, value in LINKED_RECORD_HINTS.get(model_name, {}).items():
        field = model_fields.get(fname)
        if not field or fname in vals:
            continue
        if field.type == "selection":
            allowed = [key for key, _label in field._description_selection(env)]
            if value not in allowed:
                continue
        elif field.type != "char":
            continue
        vals[fname] = value
    record = Model.create(vals)
    return record


class SrmConsultationTheme(models.Model):
    """What respondents talked about, with the organisation's response."""

    _name = "srm.consultation.theme"
    _description = "Consultation Theme"
    _inherit = ["mail.thread"]
    _order = "consultation_id, count desc, sequence, id"

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
        selection="_selection_linked_record", string="Action", readonly=True, copy=False
    )
    can_create_commitment = fields.Boolean(compute="_compute_can_create")
    can_create_issue = fields.Boolean(compute="_compute_can_create")

    @api.model
    def _selection_linked_record(self):
        return linkable_models_selection(self.env)

    def _compute_can_create(self):
        for theme in self:
            theme.can_create_commitment = "srm.commitment" in self.env and not theme.linked_record
            theme.can_create_issue = "srm.issue" in self.env and not theme.linked_record

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

    def _srm_turn_into(self, model_name):
        """Create a commitment or an issue from the theme, when that module is installed."""
        self.ensure_one()
        self.consultation_id.check_access("write")
        if self.linked_record:
            raise UserError(
                self.env._("The theme “%(theme)s” is already followed by %(record)s.",
                           theme=self.name, record=self.linked_record.display_name)
            )
        partners = self.line_ids.user_input_id.filtered(lambda a: not a.srm_is_confidential).partner_id
        description = Markup("<p>%s</p>%s") % (
            self.env._(
                "Raised by %(count)s respondents of the consultation “%(consultation)s”.",
                count=self.count,
                consultation=self.consultation_id.name,
            ),
            self.response or "",
        )
        record = create_linked_record(
            self,
            model_name,
            self.name,
            description,
            partners,
            self.consultation_id.project_id,
            self.consultation_id.company_id,
            self.consultation_id.is_confidential,
        )
        self.write({"linked_record": f"{model_name},{record.id}", "state": "actioned"})
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

    def action_create_commitment(self):
        return self._srm_open_record(self._srm_turn_into("srm.commitment"))

    def action_create_issue(self):
        return self._srm_open_record(self._srm_turn_into("srm.issue"))

    def action_open_linked_record(self):
        self.ensure_one()
        return self._srm_open_record(self.linked_record)
