# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from collections import Counter, defaultdict
from datetime import datetime, time, timedelta

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext

from odoo.addons.srm_base.models.srm_engagement import IAP2_LEVELS
from odoo.addons.srm_base.tools.links import name_for_reader
from odoo.addons.srm_base.tools.text import ALL_STOPWORDS, normalize, words

CHANNELS = [
    ("online", "Online questionnaire"),
    ("in_person", "In person"),
    ("phone", "Phone"),
    ("video", "Video call"),
]

# contact is lawful without explicit consent on these bases
CONTACT_BASES_WITHOUT_CONSENT = ("legitimate_interest", "legal_obligation", "public_task")

# besides the stop words, words that never make a theme on their own: what answers about
# any project say (English, French, Spanish, accents removed)
THEME_NOISE_WORDS = frozenset(
    """
    company done less like many much need needs people project projects really think want well
    debe deben doit doivent entreprise faut peut projet
    empresa mejor necesitamos proyecto queremos quiere sea siempre
    """.split()
)

THEME_SUGGESTIONS = 5  # words suggested as new themes from answers no theme covers
THEME_MIN_TEXTS = 2  # a suggested word must appear in at least this many answers


def split_keywords(keywords):
    return [k.strip() for k in re.split(r"[,;\n]", keywords or "") if k.strip()]


def keyword_pattern(keywords):
    """A regex matching words that start with one of the keywords."""
    stems = [re.escape(normalize(k).rstrip("*")) for k in keywords if k.strip("* ")]
    if not stems:
        return None
    return re.compile(rf"\b(?:{'|'.join(stems)})")


class SrmConsultation(models.Model):
    """A consultation or interview campaign: who to hear, with which questions, and what they said."""

    _name = "srm.consultation"
    _description = "Consultation Campaign"
    _inherit = ["srm.secured.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _mail_post_access = "read"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    project_id = fields.Many2one(required=True)
    state = fields.Selection(
        [("planned", "Planned"), ("open", "Open"), ("closed", "Closed"), ("reported", "Reported")],
        string="Status",
        default="planned",
        required=True,
        tracking=True,
        group_expand="_group_expand_states",
        copy=False,
    )
    purpose = fields.Html(help="Why this consultation is held and what decision it informs.")
    iap2_level = fields.Selection(
        IAP2_LEVELS,
        string="IAP2 Level Promised",
        default="consult",
        required=True,
        tracking=True,
        help="Level of public participation promised to participants "
        "(International Association for Public Participation spectrum).",
    )
    iap2_promise = fields.Text(
        string="Promise to Participants",
        compute="_compute_iap2_promise",
        store=True,
        readonly=False,
        help="What participants are told about how their input will be used.",
    )
    date_start = fields.Date(string="Start", default=fields.Date.context_today, required=True, tracking=True)
    date_end = fields.Date(string="End", tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    survey_id = fields.Many2one(
        "survey.survey",
        string="Questionnaire",
        tracking=True,
        ondelete="restrict",
        help="The interview guide or questionnaire, built with Surveys. The same questionnaire "
        "can serve several campaigns: each campaign keeps its own answers.",
    )
    segment_ids = fields.One2many("srm.consultation.segment", "consultation_id", string="Target Segments", copy=True)
    theme_ids = fields.One2many("srm.consultation.theme", "consultation_id", string="Themes")
    user_input_ids = fields.One2many("survey.user_input", "srm_consultation_id", string="Answers")
    engagement_ids = fields.One2many("srm.engagement", "consultation_id", string="Engagements")
    consent_record_ids = fields.One2many("srm.consent.record", "consultation_id", string="Consent Records")
    consent_required = fields.Boolean(
        string="Require Consent to Contact",
        default=True,
        help="Invite by email only the stakeholders who consented to be contacted, or whose "
        "contact rests on another recorded basis (legitimate interest, legal obligation, "
        "public task). Interviewers record consent at the interview.",
    )
    auto_reminder = fields.Boolean(
        string="Automatic Reminders",
        default=True,
        help="Every day, remind the stakeholders invited by email who have not answered yet.",
    )
    reminder_interval = fields.Integer(
        string="Days Between Reminders", default=7, help="Days to wait after an invitation or a reminder."
    )
    reminder_max = fields.Integer(string="Reminders at Most", default=2)

    quota_total = fields.Integer(string="Target", compute="_compute_progress", store=True)
    respondent_count = fields.Integer(string="Respondents", compute="_compute_progress", store=True)
    progress = fields.Float(
        compute="_compute_progress",
        store=True,
        aggregator="avg",
        help="Share of the segment quotas reached (respondents beyond a quota do not make up for another segment).",
    )
    under_represented_count = fields.Integer(
        string="Under-represented Segments", compute="_compute_under_represented", store=True
    )
    under_represented_names = fields.Char(string="Under-represented", compute="_compute_under_represented", store=True)
    invited_count = fields.Integer(string="Invited", compute="_compute_answer_counts")
    pending_count = fields.Integer(string="Not Answered", compute="_compute_answer_counts")
    response_rate = fields.Float(compute="_compute_answer_counts")
    engagement_count = fields.Integer(compute="_compute_answer_counts")
    theme_count = fields.Integer(compute="_compute_theme_count")
    consent_record_count = fields.Integer(compute="_compute_theme_count")
    # computed, never stored nor writable, rendered by QWeb (t-out escapes every question,
    # answer and segment name) and sanitized as any HTML field all the same
    analysis_html = fields.Html(string="Answers by Segment", compute="_compute_analysis_html")

    @api.model
    def _srm_searched_link_fields(self):
        # its engagements and consent records: a confidential one is not every reader's
        return (*super()._srm_searched_link_fields(), "engagement_ids", "consent_record_ids")

    @api.model
    def _group_expand_states(self, states, domain):
        return [key for key, _label in self._fields["state"].selection]

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------

    @api.depends("iap2_level")
    def _compute_iap2_promise(self):
        promises = {
            "inform": self.env._("We will keep you informed."),
            "consult": self.env._(
                "We will keep you informed, listen to and acknowledge your concerns and "
                "aspirations, and tell you how your input influenced the decision."
            ),
            "involve": self.env._(
                "We will work with you to make sure that your concerns and aspirations are "
                "directly reflected in the alternatives developed, and tell you how your input "
                "influenced the decision."
            ),
            "collaborate": self.env._(
                "We will look to you for advice and innovation in formulating solutions and "
                "include your advice and recommendations in the decisions as much as possible."
            ),
            "empower": self.env._("We will implement what you decide."),
        }
        for consultation in self:
            consultation.iap2_promise = promises.get(consultation.iap2_level, False)

    @api.depends("segment_ids.respondent_count", "segment_ids.quota")
    def _compute_progress(self):
        for consultation in self:
            lines = consultation.segment_ids
            quota = sum(q for q in lines.mapped("quota") if q > 0)
            reached = sum(min(line.respondent_count, line.quota) for line in lines if line.quota > 0)
            consultation.quota_total = quota
            consultation.respondent_count = sum(lines.mapped("respondent_count"))
            consultation.progress = 100.0 * reached / quota if quota else 0.0

    @api.depends("segment_ids.under_represented", "segment_ids.segment_id")
    def _compute_under_represented(self):
        for consultation in self:
            lagging = consultation.segment_ids.filtered("under_represented")
            consultation.under_represented_count = len(lagging)
            consultation.under_represented_names = ", ".join(lagging.segment_id.mapped("name")) or False

    def _compute_answer_counts(self):
        Answer = self.env["survey.user_input"].sudo()
        groups = Answer._read_group(
            [("srm_consultation_id", "in", self.ids), ("test_entry", "=", False)],
            ["srm_consultation_id", "state"],
            ["__count"],
        )
        invited, done = defaultdict(int), defaultdict(int)
        for consultation, state, count in groups:
            invited[consultation.id] += count
            if state == "done":
                done[consultation.id] += count
        engagements = (
            dict(
                self.env["srm.engagement"]._read_group(
                    [("consultation_id", "in", self.ids)], ["consultation_id"], ["__count"]
                )
            )
            if self.env["srm.engagement"].has_access("read")
            else {}
        )
        for consultation in self:
            consultation.invited_count = invited[consultation.id]
            consultation.pending_count = invited[consultation.id] - done[consultation.id]
            consultation.response_rate = (
                100.0 * done[consultation.id] / invited[consultation.id] if invited[consultation.id] else 0.0
            )
            consultation.engagement_count = engagements.get(consultation, 0)

    def _compute_theme_count(self):
        themes = dict(
            self.env["srm.consultation.theme"]._read_group(
                [("consultation_id", "in", self.ids)], ["consultation_id"], ["__count"]
            )
        )
        consents = dict(
            self.env["srm.consent.record"]._read_group(
                [("consultation_id", "in", self.ids)], ["consultation_id"], ["__count"]
            )
        )
        for consultation in self:
            consultation.theme_count = themes.get(consultation, 0)
            consultation.consent_record_count = consents.get(consultation, 0)

    @api.depends_context("uid", "lang")
    def _compute_analysis_html(self):
        for consultation in self:
            if not consultation.id or not consultation.survey_id:
                consultation.analysis_html = False
                continue
            consultation.analysis_html = self.env["ir.qweb"]._render(
                "srm_consultation.srm_consultation_analysis_tables",
                {"tables": consultation._srm_choice_tables(), "consultation": consultation},
            )

    @api.constrains("user_id", "company_id", "project_id", "is_confidential")
    def _check_user_id(self):
        """The owner of a consultation may read it."""
        self._srm_check_responsible("user_id")

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for consultation in self:
            if consultation.date_end and consultation.date_end < consultation.date_start:
                raise ValidationError(self.env._("The consultation “%s” ends before it starts.", consultation.name))

    @api.constrains("reminder_interval", "reminder_max")
    def _check_reminders(self):
        for consultation in self:
            if consultation.reminder_interval < 1 or consultation.reminder_max < 0:
                raise ValidationError(
                    self.env._(
                        "Reminders of “%s” need at least one day between them and a maximum that is not negative.",
                        consultation.name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    def write(self, vals):
        res = super().write(vals)
        if "date_end" in vals:
            self._srm_update_deadlines()
        return res

    def unlink(self):
        answered = self.filtered("respondent_count")
        if answered:
            raise UserError(
                self.env._(
                    "The consultations %s already have answers: archive them instead of deleting them.",
                    ", ".join(answered.mapped("display_name")),
                )
            )
        return super().unlink()

    def _srm_deadline(self):
        self.ensure_one()
        return datetime.combine(self.date_end, time(23, 59, 59)) if self.date_end else False

    def _srm_update_deadlines(self):
        for consultation in self:
            pending = consultation.sudo().user_input_ids.filtered(lambda a: a.state != "done")
            if pending:
                pending.write({"deadline": consultation._srm_deadline()})

    # ------------------------------------------------------------------
    # Status
    # ------------------------------------------------------------------

    def action_open(self):
        for consultation in self:
            if not consultation.survey_id:
                raise UserError(
                    self.env._(
                        "Choose the questionnaire of the consultation “%s” before opening it.",
                        consultation.name,
                    )
                )
            if not consultation.survey_id.sudo().question_ids:
                raise UserError(
                    self.env._(
                        "The questionnaire “%(survey)s” has no question yet: add the questions "
                        "before opening the consultation “%(name)s”.",
                        survey=consultation.survey_id.display_name,
                        name=consultation.name,
                    )
                )
            if not consultation.segment_ids:
                raise UserError(
                    self.env._(
                        "Add at least one target segment, with its quota, before opening the consultation “%s”.",
                        consultation.name,
                    )
                )
        self.write({"state": "open"})
        return True

    def action_close(self):
        for consultation in self:
            if not consultation.respondent_count:
                raise UserError(
                    self.env._(
                        "The consultation “%s” has no answer yet: a campaign can only be closed "
                        "once somebody has been heard. Cancel it by archiving it instead.",
                        consultation.name,
                    )
                )
        self.write({"state": "closed"})
        return True

    def action_mark_reported(self):
        for consultation in self:
            if consultation.state != "closed":
                raise UserError(
                    self.env._("Close the consultation “%s” before reporting back on it.", consultation.name)
                )
        self.write({"state": "reported"})
        return True

    def action_reopen(self):
        self.write({"state": "open"})
        return True

    def _srm_check_open(self):
        for consultation in self:
            if consultation.state != "open":
                raise UserError(
                    self.env._(
                        "The consultation “%s” is not open: open it to invite or interview stakeholders.",
                        consultation.name,
                    )
                )

    # ------------------------------------------------------------------
    # Invitations
    # ------------------------------------------------------------------

    @api.model
    def _srm_has_contact_basis(self, partner):
        """Whether the stakeholder consented to contact, or may be contacted on another basis."""
        return bool(partner.srm_consent or partner.srm_consent_basis in CONTACT_BASES_WITHOUT_CONSENT)

    def _srm_segment_lines_for(self, partners):
        """The target segment each stakeholder counts for: the first by priority they belong to."""
        self.ensure_one()
        result = {}
        lines = self.segment_ids.sorted(lambda line: (-int(line.priority or 0), line.sequence, line.id))
        # partners of a form being edited are new records wrapping the real ones
        for partner in partners._origin:
            segments = partner.srm_segment_ids
            for line in lines:
                if line.segment_id._origin in segments:
                    result[partner.id] = line._origin
                    break
        return result

    def _srm_invitation_check(self, partners, channel="online"):
        """Split stakeholders into those who can be invited and those skipped, with why.

        :return: (partners to invite, list of (partner, reason))
        """
        self.ensure_one()
        partners = partners._origin
        lines = self._srm_segment_lines_for(partners)
        answers = self.sudo().user_input_ids.filtered(lambda a: not a.test_entry and a.partner_id)
        answered = set(answers.filtered(lambda a: a.state == "done").partner_id.ids)
        invited = set(answers.partner_id.ids)
        invitable = self.env["res.partner"]
        skipped = []
        for partner in partners:
            if partner.srm_do_not_contact:
                reason = self.env._("asked not to be contacted")
            elif partner.id in answered:
                reason = self.env._("has already answered")
            elif partner.id in invited:
                reason = self.env._("is already invited (send a reminder instead)")
            elif channel == "online" and self.consent_required and not self._srm_has_contact_basis(partner):
                reason = self.env._("has not consented to be contacted")
            elif channel == "online" and not partner.email:
                reason = self.env._("has no email address")
            elif partner.id not in lines:
                reason = self.env._("belongs to none of the campaign's target segments")
            else:
                invitable |= partner
                continue
            skipped.append((partner, reason))
        return invitable, skipped

    @api.model
    def _srm_format_skipped(self, skipped):
        return "\n".join(
            self.env._("%(name)s: %(reason)s", name=partner.display_name, reason=reason) for partner, reason in skipped
        )

    def _srm_invite(self, partners, channel="online", send=True):
        """Create the personal answer of each stakeholder and email its link.

        Stakeholders who cannot be invited are skipped; when nobody is left a
        UserError tells who was skipped and why.

        :return: (created survey.user_input, list of (partner, reason) skipped)
        """
        self.ensure_one()
        self.check_access("write")
        self._srm_check_open()
        invitable, skipped = self._srm_invitation_check(partners, channel)
        if not invitable:
            raise UserError(
                self.env._(
                    "Nobody can be invited to “%(name)s”:\n%(skipped)s",
                    name=self.name,
                    skipped=self._srm_format_skipped(skipped) or self.env._("no stakeholder selected"),
                )
            )
        lines = self._srm_segment_lines_for(invitable)
        survey = self.survey_id.sudo()
        Answer = self.env["survey.user_input"]
        answers = Answer.sudo()
        now = fields.Datetime.now()
        for partner in invitable:
            answers |= survey._create_answer(
                partner=partner,
                check_attempts=False,
                invite_token=Answer._generate_invite_token(),
                deadline=self._srm_deadline(),
                srm_consultation_id=self.id,
                srm_consultation_segment_id=lines[partner.id].id,
                srm_channel=channel,
                srm_last_contact_date=now if channel == "online" and send else False,
            )
        if channel == "online" and send:
            template = self.env.ref("srm_consultation.srm_consultation_mail_template_invite")
            template.sudo().send_mail_batch(answers.ids, email_layout_xmlid="mail.mail_notification_light")
        body = (
            self.env._("%(count)s stakeholders invited to answer online.", count=len(answers))
            if channel == "online"
            else self.env._("%(count)s interviews planned.", count=len(answers))
        )
        if skipped:
            body = Markup("%s<br/>%s<br/>%s") % (
                body,
                self.env._("Skipped:"),
                Markup("<br/>").join(
                    self.env._("%(name)s: %(reason)s", name=p.display_name, reason=r) for p, r in skipped
                ),
            )
        self.message_post(body=body, subtype_xmlid="mail.mt_note")
        return answers, skipped

    # ------------------------------------------------------------------
    # Reminders
    # ------------------------------------------------------------------

    def _srm_reminder_candidates(self, use_interval=False):
        """Online invitations not answered yet, due for a reminder.

        Without ``use_interval`` (the reminder button) everybody not contacted
        today is due; with it (the daily job) only those contacted at least
        ``reminder_interval`` days ago and reminded less than ``reminder_max`` times.
        """
        now = fields.Datetime.now()
        start_of_day = datetime.combine(now.date(), time.min)
        # sudo: the caller may write these consultations (action_send_reminders checks it;
        # the daily job runs as superuser); SRM users read survey answers at most, and not
        # confidential ones, yet every pending invitation is reminded and its count written
        pending = (
            self.env["survey.user_input"]
            .sudo()
            .search(
                [
                    ("srm_consultation_id", "in", self.ids),
                    ("srm_consultation_id.state", "=", "open"),
                    ("state", "!=", "done"),
                    ("test_entry", "=", False),
                    ("srm_channel", "=", "online"),
                    ("partner_id", "!=", False),
                    ("partner_id.srm_do_not_contact", "=", False),
                    ("partner_id.email", "!=", False),
                    "|",
                    ("deadline", "=", False),
                    ("deadline", ">=", now),
                ]
            )
        )

        def due(answer):
            last = answer.srm_last_contact_date
            if use_interval:
                consultation = answer.srm_consultation_id
                return answer.srm_reminder_count < consultation.reminder_max and (
                    not last or last <= now - timedelta(days=consultation.reminder_interval)
                )
            return not last or last < start_of_day

        return pending.filtered(due)

    def _srm_send_reminders(self, use_interval=False):
        """Email a reminder to who has not answered; never twice the same day."""
        answers = self._srm_reminder_candidates(use_interval=use_interval)
        if not answers:
            return answers
        template = self.env.ref("srm_consultation.srm_consultation_mail_template_reminder")
        template.sudo().send_mail_batch(answers.ids, email_layout_xmlid="mail.mail_notification_light")
        now = fields.Datetime.now()
        for count, group in answers.grouped("srm_reminder_count").items():
            group.write({"srm_reminder_count": count + 1, "srm_last_contact_date": now})
        for consultation, group in answers.grouped("srm_consultation_id").items():
            consultation.message_post(
                body=self.env._("Reminder sent to %(count)s stakeholders who have not answered yet.", count=len(group)),
                subtype_xmlid="mail.mt_note",
            )
        return answers

    def action_send_reminders(self):
        self.check_access("write")
        self._srm_check_open()
        answers = self._srm_send_reminders()
        if answers:
            message = self.env._("Reminder sent to %s stakeholders.", len(answers))
            kind = "success"
        else:
            message = self.env._(
                "No reminder to send: everybody invited online has answered, was reminded "
                "today, or asked not to be contacted."
            )
            kind = "info"
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {"message": message, "type": kind, "sticky": False},
        }

    @api.model
    def _cron_srm_consultation_reminders(self):
        """Daily: remind pending invitations of open campaigns, one campaign per batch."""
        consultations = self.search([("state", "=", "open"), ("auto_reminder", "=", True)])
        # a long run keeps the reminders already sent if it is interrupted
        self.env["srm.cron.batch"]._srm_process(consultations, "_srm_send_scheduled_reminders", batch_size=1)

    def _srm_send_scheduled_reminders(self):
        # never twice the same day: a campaign done again sends nothing
        self._srm_send_reminders(use_interval=True)

    # ------------------------------------------------------------------
    # Analysis
    # ------------------------------------------------------------------

    def _srm_choice_tables(self):
        """Answers to the choice questions, counted by target segment.

        Counts come from the answer report, so the record rules of the current
        user apply: without Confidential access, confidential respondents are left out.
        """
        self.ensure_one()
        counts = defaultdict(int)
        groups = self.env["srm.consultation.answer.report"]._read_group(
            [("consultation_id", "=", self.id)],
            ["question_id", "answer_id", "segment_id"],
            ["__count"],
        )
        for question, answer, segment, count in groups:
            counts[(question.id, answer.id, segment.id)] += count
        segments = self.segment_ids.segment_id
        questions = self.survey_id.sudo().question_ids.filtered(
            lambda q: q.question_type in ("simple_choice", "multiple_choice")
        )
        tables = []
        for question in questions:
            rows = []
            for answer in question.suggested_answer_ids:
                by_segment = [counts[(question.id, answer.id, segment.id)] for segment in segments]
                rows.append({"label": answer.value, "counts": by_segment, "total": sum(by_segment)})
            totals = [sum(row["counts"][i] for row in rows) for i in range(len(segments))]
            total = sum(totals)
            for row in rows:
                row["percent"] = 100.0 * row["total"] / total if total else 0.0
            tables.append(
                {
                    "question": question.title,
                    "multiple": question.question_type == "multiple_choice",
                    "segments": segments.mapped("name"),
                    "rows": rows,
                    "totals": totals,
                    "total": total,
                }
            )
        return tables

    def _srm_free_text_lines(self):
        """Free-text answers of completed answers the current user may read."""
        self.ensure_one()
        return self.env["survey.user_input.line"].search(
            [
                ("user_input_id.srm_consultation_id", "=", self.id),
                ("user_input_id.state", "=", "done"),
                ("user_input_id.test_entry", "=", False),
                ("skipped", "=", False),
                ("answer_type", "in", ("text_box", "char_box")),
            ],
            order="id",
        )

    def _srm_extract_themes(self, texts):
        """Group free-text answers into themes; srm_ai_consultation overrides this with its analysis.

        Without srm_ai_consultation: every theme of the campaign that has keywords gets the
        answers mentioning one of them (a keyword matches the words starting
        with it, accents and case ignored, so that "agua, eau, water" gathers
        three languages). The most frequent other words (found in at least
        two answers) are suggested as new themes.

        :param list texts: the answers, as strings
        :return: list of dicts with ``name``, ``keywords`` (list of str),
            ``indexes`` (positions in ``texts``), for an existing theme ``theme_id``,
            and optionally ``origin`` and ``values`` (more field values of the theme)
        """
        self.ensure_one()
        normalized = [normalize(text) for text in texts]
        results = []
        for theme in self.theme_ids.filtered("keywords"):
            keywords = split_keywords(theme.keywords)
            pattern = keyword_pattern(keywords)
            indexes = [i for i, text in enumerate(normalized) if pattern and pattern.search(text)]
            results.append({"theme_id": theme.id, "name": theme.name, "keywords": keywords, "indexes": indexes})
        known = {normalize(k) for result in results for k in result["keywords"]}
        frequency = Counter()
        words_of = {}
        for index, text in enumerate(normalized):
            # Latin words of four letters or more (srm_ai_consultation reads Chinese)
            candidates = {
                word
                for word in words(text)
                if len(word) >= 4
                and word.isascii()
                and word not in ALL_STOPWORDS
                and word not in THEME_NOISE_WORDS
                and not any(word.startswith(k) for k in known)
            }
            words_of[index] = candidates
            frequency.update(candidates)
        suggested = 0
        for word, count in sorted(frequency.items(), key=lambda item: (-item[1], item[0])):
            if suggested >= THEME_SUGGESTIONS or count < THEME_MIN_TEXTS:
                break
            indexes = [index for index, words in words_of.items() if word in words]
            results.append({"name": word.capitalize(), "keywords": [word], "indexes": indexes})
            suggested += 1
        return self._srm_merge_same_name_themes(results)

    @api.model
    def _srm_merge_same_name_themes(self, results):
        """Themes of the same name (case, accents and spaces aside), such as the team's
        "Water" and the frequent word "water", are one theme with the answers of both:
        the first one's name, keywords and theme, the answers of all."""
        merged = {}
        for result in results:
            same = merged.get(normalize(result["name"]))
            if same is None:
                merged[normalize(result["name"])] = dict(result, indexes=sorted(set(result["indexes"])))
            else:
                same["indexes"] = sorted(set(same["indexes"]) | set(result["indexes"]))
                same.setdefault("theme_id", result.get("theme_id"))
        return list(merged.values())

    def action_extract_themes(self):
        """Group the free-text answers into themes and count the answers of each."""
        self.ensure_one()
        self.check_access("write")
        lines = self._srm_free_text_lines()
        if not lines:
            raise UserError(self.env._("The consultation “%s” has no free-text answer to analyse yet.", self.name))
        texts = [line.value_text_box or line.value_char_box or "" for line in lines]
        Theme = self.env["srm.consultation.theme"]
        # suggestions nobody worked on are replaced by the new ones
        self.theme_ids.filtered(
            lambda t: t.origin != "manual" and t.state == "new" and not t.response and not t.linked_record
        ).unlink()
        results = self._srm_extract_themes(texts)
        seen = Theme
        by_name = {normalize(t.name): t for t in self.theme_ids}
        for result in results:
            theme = Theme.browse(result.get("theme_id")).exists() or by_name.get(normalize(result["name"]))
            matched = self.env["survey.user_input.line"].union(*(lines[i] for i in result["indexes"]))
            vals = {
                **result.get("values", {}),
                "count": len(result["indexes"]),
                "line_ids": [Command.set(matched.ids)],
            }
            if theme:
                theme.write(vals)
            else:
                theme = Theme.create(
                    dict(
                        vals,
                        consultation_id=self.id,
                        name=result["name"],
                        keywords=", ".join(result["keywords"]),
                        origin=result.get("origin", "keyword"),
                    )
                )
            seen |= theme
        (self.theme_ids - seen).write({"count": 0, "line_ids": [Command.clear()]})
        action = self.action_view_themes()
        return action

    # ------------------------------------------------------------------
    # "What we heard"
    # ------------------------------------------------------------------

    def _srm_what_we_heard_data(self):
        """Everything the "What we heard" report shows, for the PDF and for spreadsheets.

        Counts of respondents include everybody (numbers name nobody); the list
        of respondents never names those whose answers are confidential, and
        the answer tables follow the reader's access.
        """
        self.ensure_one()
        selection = dict(self._fields["iap2_level"]._description_selection(self.env))
        states = dict(self._fields["state"]._description_selection(self.env))
        channel_names = dict(self.env["survey.user_input"]._fields["srm_channel"]._description_selection(self.env))
        priorities = dict(self.env["srm.consultation.segment"]._fields["priority"]._description_selection(self.env))
        answers = self.sudo().user_input_ids.filtered(lambda a: not a.test_entry)
        done = answers.filtered(lambda a: a.state == "done").sorted(
            lambda a: (a.srm_answer_date or a.end_datetime or datetime.min, a.id)
        )
        channels = Counter(done.mapped("srm_channel"))
        engagement_types = Counter(engagement.engagement_type_id.name for engagement in done.srm_engagement_id)
        named = done.filtered(lambda a: not a.srm_is_confidential)
        theme_states = dict(self.env["srm.consultation.theme"]._fields["state"]._description_selection(self.env))
        return {
            "name": self.name,
            "project": self.project_id.display_name,
            "company": self.company_id.name,
            "owner": self.user_id.name or "",
            "state": states.get(self.state),
            "purpose": self.purpose or "",
            "purpose_text": html2plaintext(self.purpose or "").strip(),
            "iap2_level": selection.get(self.iap2_level, ""),
            "iap2_promise": self.iap2_promise or "",
            "date_start": self.date_start,
            "date_end": self.date_end,
            "invited_count": len(answers),
            "respondent_count": len(done),
            "response_rate": round(100.0 * len(done) / len(answers), 1) if answers else 0.0,
            "quota_total": self.quota_total,
            "progress": round(self.progress, 1),
            "segments": [
                {
                    "name": line.segment_id.name,
                    "priority": priorities.get(line.priority, ""),
                    "quota": line.quota,
                    "respondents": line.respondent_count,
                    "progress": round(line.progress, 1),
                    "under_represented": line.under_represented,
                }
                for line in self.segment_ids
            ],
            "channels": [
                {"channel": code, "name": channel_names.get(code, code or ""), "count": count}
                for code, count in sorted(channels.items(), key=lambda item: -item[1])
            ],
            "engagement_types": [
                {"name": name, "count": count}
                for name, count in sorted(engagement_types.items(), key=lambda item: -item[1])
            ],
            "respondents": [
                {
                    "name": answer.partner_id.display_name or answer.email or "",
                    "segment": answer.srm_segment_id.name or "",
                    "channel": channel_names.get(answer.srm_channel, ""),
                    "date": fields.Date.to_date(answer.srm_answer_date or answer.end_datetime),
                }
                for answer in named
            ],
            "confidential_respondent_count": len(done) - len(named),
            "questions": self._srm_choice_tables(),
            "themes": [
                {
                    "name": theme.name,
                    "keywords": theme.keywords or "",
                    "count": theme.count,
                    "segments": theme.segment_summary or "",
                    "state": theme_states.get(theme.state, ""),
                    "response": theme.response or "",
                    "response_text": html2plaintext(theme.response or "").strip(),
                    # what follows the theme up, "Restricted" if the reader may not read it
                    "action": name_for_reader(theme.linked_record),
                }
                for theme in self.theme_ids._srm_reportable()
            ],
        }

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_open_invite_wizard(self):
        self.ensure_one()
        self._srm_check_open()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Invite Stakeholders"),
            "res_model": "srm.consultation.invite.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_consultation_id": self.id},
        }

    def action_open_interview_wizard(self):
        self.ensure_one()
        self._srm_check_open()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record Interview"),
            "res_model": "srm.consultation.interview.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_consultation_id": self.id},
        }

    def action_view_respondents(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "srm_consultation.survey_user_input_action_srm_consultation"
        )
        action["domain"] = [("srm_consultation_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    def action_view_engagements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_base.srm_engagement_action")
        action["domain"] = [("consultation_id", "=", self.id)]
        action["context"] = {"default_consultation_id": self.id, "default_project_id": self.project_id.id}
        return action

    def action_view_themes(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_consultation.srm_consultation_theme_action")
        action["domain"] = [("consultation_id", "=", self.id)]
        action["context"] = {"default_consultation_id": self.id}
        return action

    def action_view_consent_records(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_consultation.srm_consent_record_action")
        action["domain"] = [("consultation_id", "=", self.id)]
        action["context"] = {"default_consultation_id": self.id, "default_project_id": self.project_id.id}
        return action

    def action_view_answer_report(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_consultation.srm_consultation_answer_report_action")
        action["domain"] = [("consultation_id", "=", self.id)]
        return action

    def action_edit_survey(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "survey.survey",
            "res_id": self.survey_id.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_copy_survey(self):
        """Give this campaign its own copy of the questionnaire, to adapt it."""
        self.ensure_one()
        if not self.survey_id:
            raise UserError(self.env._("The consultation “%s” has no questionnaire to copy.", self.name))
        self.survey_id = self.survey_id.copy()
        return self.action_edit_survey()

    def action_print_what_we_heard(self):
        self.ensure_one()
        return self.env.ref("srm_consultation.srm_consultation_what_we_heard_report").report_action(self)
