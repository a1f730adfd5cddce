# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import api, fields, models
from odoo.tools import SQL, html2plaintext

from .srm_ai_sentiment_mixin import (
    BATCH_SIZE,
    EMBED_BATCH_SIZE,
    SENTIMENT_LABELS,
    analyse_text,
    check_engine,
    id_ranges,
    text_at_fault,
    within,
)

_logger = logging.getLogger(__name__)

# the scores not scored again with the model yet, but those the engine failed on (either
# flag may be NULL on rows stored before it existed)
UNMODELLED = SQL("model_scored IS NOT TRUE AND analysis_failed IS NOT TRUE")

SCORED_MODELS = ("res.partner", "srm.engagement", "srm.issue")


class SrmAiMessageScore(models.Model):
    """Sentiment of an email or message written by a stakeholder.

    Kept apart from mail.message so that the message table stays untouched and
    the score carries the stakeholder and what the record rules of its record
    need: company, project, confidentiality, audience (worker grievances) and
    whether its author is a protected complainant (sensitive or anonymous
    grievance), whom only Confidential access users may know.
    """

    _name = "srm.ai.message.score"
    _description = "Stakeholder Message Sentiment"
    _order = "date desc, id desc"
    _check_company_auto = True

    message_id = fields.Many2one("mail.message", required=True, ondelete="cascade", index=True, readonly=True)
    partner_id = fields.Many2one("res.partner", string="Stakeholder", required=True, index=True, readonly=True)
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    res_model = fields.Char(string="Document Model", readonly=True)
    res_id = fields.Many2oneReference(string="Document", model_field="res_model", readonly=True)
    date = fields.Datetime(required=True, index=True, readonly=True)
    subject = fields.Char(readonly=True)
    model_scored = fields.Boolean(
        string="Scored by the Model",
        readonly=True,
        index=True,
        help="Scored with the multilingual embeddings; else with the lexicons until the scheduled job has "
        "scored it again.",
    )
    is_confidential = fields.Boolean(
        compute="_compute_source_access", store=True, readonly=True, index=True, compute_sudo=True
    )
    is_protected = fields.Boolean(
        string="Protected Complainant",
        compute="_compute_source_access",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
        help="Written about a sensitive or anonymous grievance: only Confidential access users see it.",
    )
    is_worker = fields.Boolean(
        string="Worker Grievance",
        compute="_compute_source_access",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
        help="Written about a worker grievance: only worker grievance officers see it.",
    )
    project_id = fields.Many2one(
        "srm.project", compute="_compute_source_access", store=True, readonly=True, index=True, compute_sudo=True
    )
    record_partner_id = fields.Many2one(
        "res.partner",
        string="Stakeholder Record",
        compute="_compute_source_access",
        store=True,
        readonly=True,
        index="btree_not_null",
        compute_sudo=True,
        help="The stakeholder whose record holds the message, when it was written on a stakeholder.",
    )
    score = fields.Float(string="Sentiment Score", digits=(3, 2), readonly=True)
    label = fields.Selection(SENTIMENT_LABELS, string="Sentiment", readonly=True, index=True)
    lang = fields.Char(string="Language", readonly=True)
    analysis_failed = fields.Boolean(
        readonly=True,
        index=True,
        help="The engine failed on the message's text: it has no sentiment (or the lexicons' when only "
        "its embedding failed) and the scheduled job leaves it aside until its text is edited.",
    )

    _sql_constraints = [("message_uniq", "unique(message_id)", "A message is scored once.")]

    @api.depends("res_model", "res_id")
    def _compute_source_access(self):
        """Copy from the record of the message what its record rules look at (the
        record is read as it is: these fields decide who may see the score)."""
        by_model = {}
        for score in self:
            if score.res_model in SCORED_MODELS and score.res_id:
                by_model.setdefault(score.res_model, set()).add(score.res_id)
        records = {
            model: {r.id: r for r in self.env[model].sudo().with_context(active_test=False).browse(ids).exists()}
            for model, ids in by_model.items()
        }
        for score in self:
            record = records.get(score.res_model, {}).get(score.res_id)
            fields_ = record._fields if record else {}
            scope = record.grievance_scope if "grievance_scope" in fields_ else False
            score.is_confidential = bool("is_confidential" in fields_ and record.is_confidential)
            score.is_protected = bool(
                ("is_sensitive" in fields_ and record.is_sensitive)
                or ("is_anonymous" in fields_ and record.is_anonymous)
            )
            score.is_worker = scope == "worker"
            score.project_id = record.project_id if "project_id" in fields_ else False
            score.record_partner_id = record if record and record._name == "res.partner" else False

    @api.model
    def _srm_ai_pending_query(self, limit=None, lock=False, message_ids=None, id_range=None):
        return SQL(
            """
            SELECT m.id FROM mail_message m
              JOIN res_partner p ON p.id = m.author_id AND p.is_stakeholder
         LEFT JOIN srm_ai_message_score s ON s.message_id = m.id
             WHERE s.id IS NULL
               AND m.model IN %(models)s
               AND m.message_type IN ('email', 'comment')
               AND m.body IS NOT NULL AND m.body <> ''
               AND NOT EXISTS (SELECT 1 FROM res_users u WHERE u.partner_id = p.id AND NOT u.share)
               %(only)s%(within)s
          ORDER BY m.id
               %(limit)s %(lock)s
            """,
            models=SCORED_MODELS,
            only=SQL("AND m.id IN %s", tuple(message_ids)) if message_ids else SQL(""),
            within=within(SQL("m.id"), id_range),
            limit=SQL("LIMIT %s", limit) if limit else SQL(""),
            lock=SQL("FOR UPDATE OF m SKIP LOCKED") if lock else SQL(""),
        )

    @api.model
    def _srm_ai_count_stale(self):
        self.env["mail.message"].flush_model()
        self.env.cr.execute(SQL("SELECT count(*) FROM (%s) q", self._srm_ai_pending_query()))
        return self.env.cr.fetchone()[0]

    @api.model
    def _srm_ai_score_batch(self, limit=BATCH_SIZE, message_ids=None, embed=True, id_range=None):
        """Score messages not scored yet (of ids within ``id_range`` when given);
        ``embed=False`` (right after posting) scores with the lexicons only, the
        scheduled job scores them again with the model."""
        self.env["mail.message"].flush_model()
        self.env.cr.execute(
            self._srm_ai_pending_query(limit=limit, lock=True, message_ids=message_ids, id_range=id_range)
        )
        # sudo: every stakeholder message is scored (batch job, or right after it was posted);
        # the scores carry the access fields of their records (_compute_source_access)
        messages = self.env["mail.message"].sudo().browse([row[0] for row in self.env.cr.fetchall()])
        if not messages:
            return 0
        # message id: error, for the messages whose text could not be read or analysed
        texts, failed = self._srm_ai_message_texts(messages)
        service = self.env["srm.ai.service"]
        vectors, unembedded = service._srm_ai_embed_each(texts) if embed else (None, {})
        vals_list = []
        # the messages whose text the engine failed on
        analysis_errors = {}
        for index, message in enumerate(messages):
            record = self.env[message.model].sudo().browse(message.res_id).exists()  # sudo: as above
            company = record.company_id if record and "company_id" in record._fields else False
            vals = {
                "message_id": message.id,
                "partner_id": message.author_id.id,
                "company_id": (company or message.author_id.company_id or self.env.company).id,
                "res_model": message.model,
                "res_id": message.res_id,
                "date": message.date,
                "subject": (message.subject or "")[:200],
            }
            if message.id not in failed:
                result, error = analyse_text(texts[index], None if vectors is None else vectors[index])
                if error is not None:
                    failed[message.id] = analysis_errors[message.id] = error
            if message.id in failed:
                # no sentiment: left out of the stakeholder's, and never analysed again
                vals.update(score=0.0, label=False, analysis_failed=True)
            else:
                vals.update(
                    score=result["score"],
                    label=result["label"] if texts[index] else "neutral",
                    lang=result["lang"],
                    model_scored=vectors is not None and index not in unembedded,
                    analysis_failed=index in unembedded,
                )
            vals_list.append(vals)
        # the engine failing on a plain text too (embedded when the texts were) is the
        # engine's failure, not the texts'
        check_engine(analysis_errors, service, with_vector=vectors is not None)
        self.sudo().create(vals_list)  # sudo: scores are written by the analysis only
        self._srm_ai_log_set_aside(failed, "analysed")
        self._srm_ai_log_set_aside({messages[i].id: error for i, error in unembedded.items()}, "embedded")
        messages.author_id._srm_ai_refresh_sentiment()
        return len(messages)

    @api.model
    def _srm_ai_message_texts(self, messages):
        """The plain texts of ``messages`` and {message id: error} for those that cannot be
        read (their text is then empty)."""
        texts, failed = [], {}
        for message in messages:
            try:
                texts.append(html2plaintext(message.body or "").strip())
            except Exception as exc:  # pylint: disable=broad-except
                if not text_at_fault(exc):
                    raise  # not the text's: the batch fails and is run again
                failed[message.id] = exc
                texts.append("")
        return texts, failed

    @api.model
    def _srm_ai_log_set_aside(self, errors, what):
        """Log the messages of ``errors`` ({message id: error}) set aside: their text could not be ``what``."""
        for message_id, error in errors.items():
            _logger.warning(
                "mail.message %s: its text could not be %s (%s: %s); the message is left aside",
                message_id,
                what,
                type(error).__name__,
                error,
            )

    @api.model
    def _srm_ai_count_failed(self, company=None):
        """How many messages (of ``company`` when given) the engine failed on."""
        domain = [("analysis_failed", "=", True)] + ([("company_id", "=", company.id)] if company else [])
        return self.sudo().search_count(domain)  # sudo: a count, for the settings

    @api.model
    def _srm_ai_count_unmodelled(self):
        # sudo: scheduled job
        return self.sudo().search_count([("model_scored", "=", False), ("analysis_failed", "=", False)])

    @api.model
    def _srm_ai_batch_ranges(self, method, size, count):
        """The next ``count`` batches of ``method``'s backlog (``_srm_ai_score_batch``,
        ``_srm_ai_model_batch``), as ranges of ids."""
        if method == "_srm_ai_score_batch":
            self.env["mail.message"].flush_model()
            return id_ranges(self.env.cr, self._srm_ai_pending_query(), size, count)
        self.flush_model()
        query = SQL("SELECT id FROM srm_ai_message_score WHERE %s", UNMODELLED)
        return id_ranges(self.env.cr, query, size, count, newest_first=True)

    @api.model
    def _srm_ai_model_batch(self, limit=EMBED_BATCH_SIZE, id_range=None):
        """Score again with the model the messages scored with the lexicons (posted
        while the job was not running), of ids within ``id_range`` when given; return
        how many."""
        service = self.env["srm.ai.service"]
        if not service._srm_ai_use_embeddings():
            return 0
        self.flush_model()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM srm_ai_message_score WHERE %s%s ORDER BY id DESC LIMIT %s FOR UPDATE SKIP LOCKED",
                UNMODELLED,
                within(SQL("id"), id_range),
                limit,
            )
        )
        # sudo: scores are written by the analysis only (scheduled job)
        scores = self.sudo().browse([row[0] for row in self.env.cr.fetchall()])
        if not scores:
            return 0
        texts, unread = self._srm_ai_message_texts(scores.message_id)
        vectors, failed = service._srm_ai_embed_each(texts)
        if vectors is None:
            return 0
        failed.update(
            (index, unread[score.message_id.id]) for index, score in enumerate(scores) if score.message_id.id in unread
        )
        analysis_errors = {}
        for index, (score, text, vector) in enumerate(zip(scores, texts, vectors, strict=True)):
            if index in failed:
                continue
            result, error = analyse_text(text, vector)
            if error is not None:
                failed[index] = analysis_errors[index] = error
                continue
            score.write(
                {
                    "score": result["score"],
                    "label": result["label"] if text else "neutral",
                    "lang": result["lang"],
                    "model_scored": True,
                }
            )
        # the engine failing on the embedded plain text too is the engine's failure, not the texts'
        check_engine(analysis_errors, service, with_vector=True)
        if failed:
            # the lexicons' sentiment stays; the scheduled job leaves these messages aside
            scores.browse([scores[index].id for index in failed]).write({"analysis_failed": True})
            self._srm_ai_log_set_aside(
                {scores[index].message_id.id: error for index, error in failed.items()}, "scored by the model"
            )
        scores.partner_id._srm_ai_refresh_sentiment()
        return len(scores)
