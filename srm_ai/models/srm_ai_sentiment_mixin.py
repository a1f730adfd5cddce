# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import hashlib
import logging

import psycopg2

from odoo import api, fields, models, modules
from odoo.tools import SQL, html2plaintext

from .. import engine

_logger = logging.getLogger(__name__)

SENTIMENT_LABELS = [
    ("negative", "Negative"),
    ("neutral", "Neutral"),
    ("positive", "Positive"),
]
BATCH_SIZE = 1000
# records embedded per scheduled batch (a few seconds of one core); each batch is
# committed, so an interrupted backlog resumes where it stopped
EMBED_BATCH_SIZE = 128
SYNC_LIMIT = 20  # records scored at once on save (lexicon); more go to the background job
# a plain text the engine reads whatever the language: when the engine fails on it too,
# the failure is the engine's (texts are not set aside for it)
PROBE_TEXT = "Thank you for the meeting."


class SrmAiSentimentMixin(models.AbstractModel):
    """Sentiment score of a record's text, computed on save, on demand and in batches.

    A record needs scoring when ``ai_scored_at`` is empty or older than its
    ``write_date``: an interrupted batch run simply resumes with what is left. A text
    the engine fails on is set aside (``ai_failed_at``) until the record is changed:
    the rest of its batch is scored and the backlog goes on past it.
    """

    _name = "srm.ai.sentiment.mixin"
    _description = "SRM Sentiment Score"

    ai_sentiment_score = fields.Float(
        string="AI Sentiment Score",
        readonly=True,
        index=True,
        copy=False,
        digits=(3, 2),
        help="From -1 (very negative) to 1 (very positive), computed from the text.",
    )
    ai_sentiment_label = fields.Selection(
        SENTIMENT_LABELS, string="AI Sentiment", readonly=True, index=True, copy=False
    )
    ai_sentiment_lang = fields.Char(string="Detected Language", readonly=True, copy=False)
    ai_scored_at = fields.Datetime(string="Scored On", readonly=True, index=True, copy=False)
    ai_embedding = fields.Char(
        string="Text Embedding", readonly=True, copy=False, prefetch=False,
        groups="base.group_system",
        help="Multilingual embedding of the text (base64 float16), when the embedding model is installed.",
    )
    ai_text_hash = fields.Char(
        string="Text Fingerprint", readonly=True, copy=False, prefetch=False, index=True,
        groups="base.group_system",
        help="Fingerprint of the text last embedded: an unchanged text is not embedded again.",
    )
    ai_failed_at = fields.Datetime(
        string="Analysis Failed On",
        readonly=True,
        copy=False,
        prefetch=False,
        index="btree_not_null",
        groups="base.group_system",
        help="The engine failed on this text (its analysis or its embedding): the scheduled job "
        "leaves it aside until the record is changed.",
    )

    # fields whose change makes the score stale
    _srm_ai_text_fields = ()
    # fields deciding who may read the record, copied on the scores of its messages
    _srm_ai_access_fields = (
        "company_id", "project_id", "is_confidential", "is_sensitive", "is_anonymous", "grievance_scope"
    )

    def _srm_ai_sentiment_text(self):
        """Plain text to score (override)."""
        self.ensure_one()
        return ""

    def _srm_ai_similarity_text(self):
        """Plain text compared with other records (override)."""
        return self._srm_ai_sentiment_text()

    def _srm_ai_sentiment_partners(self):
        """Stakeholders whose sentiment this record tells about (override)."""
        return self.env["res.partner"]

    @api.model
    def _srm_ai_html_text(self, value):
        return html2plaintext(value or "").strip() if value else ""

    # ------------------------------------------------------------------
    # Scoring
    # ------------------------------------------------------------------

    def _srm_ai_score(self, embed=False):
        """Score these records now and refresh their stakeholders.

        The embedding of an unchanged text (same fingerprint, on this record or
        another one) is reused; new texts are embedded only when ``embed`` is set
        (the scheduled job): saving a record never waits for the embedding model,
        its score is the lexicon's until the job has embedded it.

        A record whose text the engine fails on does not hold the others back: it is
        stored without a score (or with the lexicon's when only its embedding failed)
        and set aside until it is changed. Database errors (a concurrent transaction), the
        server's (memory, time limit: see ``text_at_fault``) and the whole engine's (see
        ``check_engine``) are not the text's: they fail the whole batch, which is run again.
        """
        # sudo: scores are computed values, stored whoever saved the text (the callers
        # check the user's rights: create/write, action_srm_ai_score, the batch job)
        records = self.sudo().exists()
        if not records:
            return
        # record id: error, for the records whose text could not be read or analysed
        texts, similarity_texts, failed = records._srm_ai_texts()
        hashes = [text_hash(text) if text.strip() else None for text in similarity_texts]
        # fingerprint: error, for the texts the engine could not embed
        known, unembedded = records._srm_ai_known_vectors(hashes, similarity_texts, embed)
        rows = []
        unembedded_ids = {}
        # the records whose text the engine failed on
        analysis_errors, with_vector = {}, False
        for index, record in enumerate(records):
            result = None
            if record.id not in failed and texts[index].strip():
                vector = known.get(hashes[index])
                result, error = analyse_text(texts[index], vector)
                if error is not None:
                    failed[record.id] = analysis_errors[record.id] = error
                    with_vector = with_vector or vector is not None
            if result is None:
                rows.append((record.id, None, None, None, None, None, record.id in failed))
                continue
            if hashes[index] in unembedded:
                unembedded_ids[record.id] = unembedded[hashes[index]]
            rows.append(
                (
                    record.id,
                    result["score"],
                    result["label"],
                    result["lang"],
                    encode_vector(vector),
                    hashes[index],
                    record.id in unembedded_ids,
                )
            )
        company = records[:1].company_id if "company_id" in records._fields else self.env.company
        check_engine(analysis_errors, self.env["srm.ai.service"], company, with_vector)
        self._srm_ai_store_scores(rows)
        records._srm_ai_log_set_aside(failed, "analysed")
        records._srm_ai_log_set_aside(unembedded_ids, "embedded")
        partners = records._srm_ai_sentiment_partners()
        if partners:
            partners._srm_ai_refresh_sentiment()

    def _srm_ai_texts(self):
        """The texts of these records to score and to embed, and {record id: error} of the
        records whose text cannot be read (their texts are then empty)."""
        texts, similarity_texts, failed = [], [], {}
        for record in self:
            try:
                text = record._srm_ai_sentiment_text()
                # one embedding per record, of its full text: used by the sentiment model and for similarity
                similarity = record._srm_ai_similarity_text() if text.strip() else ""
            except Exception as exc:  # pylint: disable=broad-except
                if not text_at_fault(exc):
                    raise  # not the text's: the batch fails and is run again
                failed[record.id] = exc
                text = similarity = ""
            texts.append(text)
            similarity_texts.append(similarity)
        return texts, similarity_texts, failed

    def _srm_ai_known_vectors(self, hashes, texts, embed):
        """The embeddings of these fingerprints ({fingerprint: vector}): stored ones, and
        those of the other ``texts`` (in the order of ``hashes``) when ``embed`` is set;
        with {fingerprint: error} of the texts the engine failed to embed."""
        company = self[:1].company_id if "company_id" in self._fields else self.env.company
        service = self.env["srm.ai.service"]
        if not service._srm_ai_use_embeddings(company):
            return {}, {}
        # a text read whole keeps the vector stored under its fingerprint of before
        # (the text's alone), found by the same query; a long one is embedded again, in pieces
        legacy = {
            h: legacy_text_hash(text) for h, text in zip(hashes, texts, strict=True) if h and h.startswith(WHOLE + ":")
        }
        found = self._srm_ai_vectors_by_hash([h for h in hashes if h] + list(legacy.values()))
        known = {h: found[h] for h in hashes if h and h in found}
        known.update((h, found[old]) for h, old in legacy.items() if h not in known and old in found)
        unembedded = {}
        missing = {h: text for h, text in zip(hashes, texts, strict=True) if h and h not in known}
        if embed and missing:
            computed, errors = service._srm_ai_embed_each(list(missing.values()), company)
            for index, (h, vector) in enumerate(zip(missing, computed or [], strict=False)):
                if index in errors:
                    unembedded[h] = errors[index]
                else:
                    known[h] = decode_vector(encode_vector(vector))
        return known, unembedded

    def _srm_ai_log_set_aside(self, errors, what):
        """Log the records of ``errors`` ({id: error}) set aside: their text could not be ``what``."""
        for record_id, error in errors.items():
            _logger.warning(
                "%s %s: its text could not be %s (%s: %s); it is left aside until the record is changed",
                self._name,
                record_id,
                what,
                type(error).__name__,
                error,
            )

    def _srm_ai_vectors_by_hash(self, hashes):
        """Stored embeddings of these text fingerprints, on any record of the model: {hash: vector}."""
        if not hashes:
            return {}
        self.flush_model(["ai_embedding", "ai_text_hash"])
        self.env.cr.execute(
            SQL(
                "SELECT DISTINCT ON (ai_text_hash) ai_text_hash, ai_embedding FROM %s "
                "WHERE ai_text_hash IN %s AND ai_embedding IS NOT NULL",
                SQL.identifier(self._table),
                tuple(set(hashes)),
            )
        )
        return {h: decode_vector(value) for h, value in self.env.cr.fetchall()}

    def _srm_ai_store_scores(self, rows):
        """Write scores in one query, without touching write_date (so they stay fresh).

        ``rows``: (id, score, label, lang, embedding, fingerprint, failed), ``failed``
        when the engine failed on the text: the record is set aside until it is changed."""
        if not rows:
            return
        self.flush_model()
        self.env.cr.execute(
            SQL(
                """
                UPDATE %(table)s AS t
                   SET ai_sentiment_score = v.score,
                       ai_sentiment_label = v.label,
                       ai_sentiment_lang = v.lang,
                       ai_embedding = v.embedding,
                       ai_text_hash = v.hash,
                       ai_scored_at = GREATEST(now() AT TIME ZONE 'UTC', t.write_date),
                       ai_failed_at = CASE WHEN v.failed THEN GREATEST(now() AT TIME ZONE 'UTC', t.write_date) END
                  FROM (VALUES %(values)s) AS v(id, score, label, lang, embedding, hash, failed)
                 WHERE t.id = v.id
                """,
                table=SQL.identifier(self._table),
                values=SQL(", ").join(
                    SQL("(%s, %s::float, %s::varchar, %s::varchar, %s::varchar, %s::varchar, %s::boolean)", *row)
                    for row in rows
                ),
            )
        )
        self.invalidate_model(
            [
                "ai_sentiment_score",
                "ai_sentiment_label",
                "ai_sentiment_lang",
                "ai_scored_at",
                "ai_embedding",
                "ai_text_hash",
                "ai_failed_at",
            ]
        )

    def _srm_ai_store_vector(self, encoded, fingerprint=None):
        self.ensure_one()
        self.flush_recordset()
        self.env.cr.execute(
            SQL(
                "UPDATE %s SET ai_embedding = %s, ai_text_hash = COALESCE(%s, ai_text_hash) WHERE id = %s",
                SQL.identifier(self._table),
                encoded,
                fingerprint,
                self.id,
            )
        )
        self.invalidate_recordset(["ai_embedding", "ai_text_hash"])

    def _srm_ai_vectors(self):
        """Stored embeddings of these records: {id: vector} (records without one are left out)."""
        if not self.ids:
            return {}
        self.flush_model(["ai_embedding"])
        self.env.cr.execute(
            SQL(
                "SELECT id, ai_embedding FROM %s WHERE id IN %s AND ai_embedding IS NOT NULL",
                SQL.identifier(self._table),
                tuple(self.ids),
            )
        )
        return {rid: decode_vector(value) for rid, value in self.env.cr.fetchall()}

    def action_srm_ai_score(self):
        # scores are stored on the records and may alert their owners: refused to
        # whoever may not change these records (auditors are read-only)
        self.check_access("write")
        self._srm_ai_score()
        return True

    def _srm_ai_after_text_change(self):
        scored = len(self) <= SYNC_LIMIT and saved_without_engine_failure(self._srm_ai_score)
        if not scored or self.env["srm.ai.service"]._srm_ai_use_embeddings():
            # the scheduled job embeds the new texts (and scores them again with the
            # model) in the background, or scores a large import
            cron = self.env.ref("srm_ai.ir_cron_srm_ai_score", raise_if_not_found=False)
            if cron:
                cron.sudo()._trigger()  # sudo: any user saving a text may wake the scoring job

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if not self.env.context.get("srm_ai_no_score"):
            records._srm_ai_after_text_change()
        return records

    def write(self, vals):
        res = super().write(vals)
        if set(vals) & set(self._srm_ai_text_fields) and not self.env.context.get("srm_ai_no_score"):
            self._srm_ai_after_text_change()
        if set(vals) & set(self._srm_ai_access_fields):
            self._srm_ai_refresh_message_scores()
        return res

    def _srm_ai_refresh_message_scores(self):
        """The scores of these records' messages follow a change of who may read them."""
        # sudo: the scores are hidden from most users; they are updated for everybody
        scores = (
            self.env["srm.ai.message.score"]
            .sudo()
            .search([("res_model", "=", self._name), ("res_id", "in", self.ids)])
        )
        if scores:
            for fname in ("is_confidential", "is_protected", "is_worker", "project_id", "record_partner_id"):
                self.env.add_to_compute(scores._fields[fname], scores)

    # ------------------------------------------------------------------
    # Batches (cron, several workers, resumable)
    # ------------------------------------------------------------------

    @api.model
    def _srm_ai_stale_condition(self):
        return SQL("(ai_scored_at IS NULL OR ai_scored_at < write_date)")

    @api.model
    def _srm_ai_count_stale(self):
        self.env.cr.execute(
            SQL("SELECT count(*) FROM %s WHERE %s", SQL.identifier(self._table), self._srm_ai_stale_condition())
        )
        return self.env.cr.fetchone()[0]

    @api.model
    def _srm_ai_claim_batch(self, limit=BATCH_SIZE, id_range=None):
        """Lock and return up to ``limit`` stale records, of ids within ``id_range``
        (first, last) when given; rows locked by another worker are skipped."""
        self.flush_model()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE %s%s ORDER BY id LIMIT %s FOR UPDATE SKIP LOCKED",
                SQL.identifier(self._table),
                self._srm_ai_stale_condition(),
                within(SQL("id"), id_range),
                limit,
            )
        )
        return self.browse([row[0] for row in self.env.cr.fetchall()])

    @api.model
    def _srm_ai_batch_ranges(self, method, size, count):
        """The next ``count`` batches of ``method``'s backlog (``_srm_ai_score_batch``,
        ``_srm_ai_embed_batch``), as ranges of ids."""
        self.flush_model()
        if method == "_srm_ai_score_batch":
            condition, newest_first = self._srm_ai_stale_condition(), False
        else:
            condition, newest_first = self._srm_ai_missing_vector_condition(), True
        query = SQL("SELECT id FROM %s WHERE %s", SQL.identifier(self._table), condition)
        return id_ranges(self.env.cr, query, size, count, newest_first=newest_first)

    @api.model
    def _srm_ai_missing_vector_condition(self):
        # scored records with a text and no embedding yet (saved since, or scored while
        # the embedding model was off or absent), or one embedded otherwise than texts
        # are now (a fingerprint of before, or of another piece size); not those whose text
        # the engine failed on (set aside until they are changed and scored again)
        return SQL(
            "ai_sentiment_label IS NOT NULL AND ai_failed_at IS NULL"
            " AND (ai_embedding IS NULL OR ai_text_hash IS NULL"
            " OR NOT (ai_text_hash LIKE %s OR ai_text_hash LIKE %s))",
            f"{WHOLE}:%",
            f"{pieces_tag()}:%",
        )

    @api.model
    def _srm_ai_count_missing_vectors(self):
        self.flush_model()
        self.env.cr.execute(
            SQL(
                "SELECT count(*) FROM %s WHERE %s",
                SQL.identifier(self._table),
                self._srm_ai_missing_vector_condition(),
            )
        )
        return self.env.cr.fetchone()[0]

    @api.model
    def _srm_ai_count_failed(self, company=None):
        """How many records (of ``company`` when given) the engine failed on: set aside until
        they are changed."""
        self.flush_model(["ai_failed_at", "company_id"])
        self.env.cr.execute(
            SQL(
                "SELECT count(*) FROM %s WHERE ai_failed_at IS NOT NULL%s",
                SQL.identifier(self._table),
                SQL(" AND company_id = %s", company.id) if company else SQL(""),
            )
        )
        return self.env.cr.fetchone()[0]

    @api.model
    def _srm_ai_embed_batch(self, limit=EMBED_BATCH_SIZE, id_range=None):
        """Embed one batch of scored records that have no embedding, newest first (of
        ids within ``id_range`` when given), and score them again with the model;
        return how many."""
        if not self.env["srm.ai.service"]._srm_ai_use_embeddings():
            return 0
        self.flush_model()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE %s%s ORDER BY id DESC LIMIT %s FOR UPDATE SKIP LOCKED",
                SQL.identifier(self._table),
                self._srm_ai_missing_vector_condition(),
                within(SQL("id"), id_range),
                limit,
            )
        )
        # sudo: embeddings and scores are computed values (scheduled job only)
        records = self.browse([row[0] for row in self.env.cr.fetchall()]).sudo()
        if not records:
            return 0
        records.with_context(srm_ai_no_score=True)._srm_ai_score(embed=True)
        return len(records)

    @api.model
    def _srm_ai_score_batch(self, limit=BATCH_SIZE, id_range=None):
        """Score one batch of stale records (of ids within ``id_range`` when given);
        return how many were scored."""
        records = self._srm_ai_claim_batch(limit, id_range=id_range)
        if records:
            records.with_context(srm_ai_no_score=True)._srm_ai_score()
        return len(records)


def text_at_fault(error):
    """Whether ``error``, raised while the engine read one text, is that text's fault: the
    text is then set aside and the rest of its batch goes on. A database error (a concurrent
    transaction), a lack of memory, an interruption or Odoo's CPU time limit (a bare
    ``Exception`` raised from a signal, as other limits of the server may be) is not: the
    batch fails, is run again, and no text loses its score for it."""
    if isinstance(error, (psycopg2.Error, MemoryError, KeyboardInterrupt, SystemExit)):
        return False
    return type(error) is not Exception


class EngineFailure(RuntimeError):
    """The engine fails on a plain text too: the failure is the engine's, not the texts'
    (raised by ``check_engine``, before the scores of a batch are stored)."""


def analyse_text(text, vector=None):
    """The engine's analysis of one text: (result, None), or (None, error) when the engine
    fails on it and the failure is the text's (``text_at_fault``); other failures raise."""
    try:
        return engine.sentiment.analyse(text, vector=vector), None
    except Exception as exc:  # pylint: disable=broad-except
        if not text_at_fault(exc):
            raise
        return None, exc


def saved_without_engine_failure(score):
    """Run ``score`` (the scoring of texts just saved or posted) so that saving never fails
    for the engine: when the engine itself fails (``check_engine``, before their scores are
    stored), their scoring is left to the scheduled job, which retries it; the server's and
    the database's failures still fail the save. Returns whether they were scored."""
    try:
        score()
    except EngineFailure as exc:
        _logger.warning("Sentiment left to the scoring job, the engine failed: %s", exc)
        return False
    return True


def check_engine(errors, service, company=None, with_vector=False):
    """Raise ``EngineFailure`` when the engine's failures on texts of a batch (``errors``:
    {key: error}) are the engine's, not the texts': when it fails on a plain text too (with
    its embedding when the texts were analysed with theirs, so that a broken embedding model
    is found as well)."""
    if not errors:
        return
    try:
        vector = None
        if with_vector:
            vectors = service._srm_ai_embed([PROBE_TEXT], company)
            vector = vectors[0] if vectors is not None else None
        engine.sentiment.analyse(PROBE_TEXT, vector=vector)
    except Exception as exc:  # pylint: disable=broad-except
        if not text_at_fault(exc):
            raise
        raise EngineFailure(f"{type(exc).__name__}: {exc}") from exc


def within(column, id_range):
    """The condition that ``column`` is within ``id_range`` (first, last), if any."""
    if not id_range:
        return SQL("")
    first, last = id_range
    return SQL(" AND %s BETWEEN %s AND %s", column, first, last)


def id_ranges(cr, ids_query, size, count, newest_first=False):
    """The ids that ``ids_query`` selects, cut into at most ``count`` batches of ``size``
    in id order (newest first if asked), as (first, last) pairs (first <= last).

    Jobs given ranges of their own never lock the same rows: at REPEATABLE READ (Odoo's
    isolation), a job that locked rows another job scored since its snapshot began
    would fail with a serialization error, whatever SKIP LOCKED skips."""
    cr.execute(
        SQL(
            """
            SELECT min(id), max(id) FROM (
                SELECT id, (row_number() OVER (ORDER BY id %s) - 1) / %s AS batch FROM (%s) ids
            ) numbered GROUP BY batch ORDER BY batch LIMIT %s
            """,
            SQL("DESC") if newest_first else SQL("ASC"),
            size,
            ids_query,
            count,
        )
    )
    return [(first, last) for first, last in cr.fetchall()]


WHOLE = "w"  # fingerprint tag of a text embedded in one pass


def pieces_tag():
    """Fingerprint tag of a text embedded in pieces of the current size."""
    return f"p{engine.embeddings.CHUNK_CHARS}"


def text_hash(text):
    """Fingerprint of a text as it is embedded: the same text is embedded once. It
    names how the text is read, whole or in pieces of ``CHUNK_CHARS`` characters, so
    that texts embedded otherwise (whole, before pieces; another piece size) are
    embedded again by the scheduled job."""
    text = text or ""
    tag = pieces_tag() if engine.embeddings.read_in_pieces(text) else WHOLE
    return f"{tag}:{legacy_text_hash(text)}"


def legacy_text_hash(text):
    """The fingerprint of before (the text alone), still on records embedded since."""
    return hashlib.sha1((text or "").encode("utf-8")).hexdigest()[:20]


def encode_vector(vector):
    if vector is None:
        return None
    np = engine.embeddings.np
    return base64.b64encode(np.asarray(vector, dtype=np.float16).tobytes()).decode()


def decode_vector(value):
    np = engine.embeddings.np
    if not value or np is None:
        return None
    return np.frombuffer(base64.b64decode(value), dtype=np.float16).astype(np.float32)


def commit_if_allowed(env):
    """Commit a finished batch, except in tests (their transaction is rolled back)."""
    if not modules.module.current_test:
        env.cr.commit()  # pylint: disable=invalid-commit
