# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
import threading
import time
from urllib.parse import urlsplit

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, str2bool

from .. import engine
from ..engine.provider import ChatProvider, ProviderError
from .srm_ai_sentiment_mixin import BATCH_SIZE, PROBE_TEXT, EngineFailure, text_at_fault

_logger = logging.getLogger(__name__)

SYSTEM_PROMPT = (
    "You assist a stakeholder engagement team. Names, emails, phone numbers, identity "
    "numbers, addresses and dates of birth are replaced by placeholders such as [PERSON_1], "
    "[ADDRESS_1] or [ID_1]; keep the placeholders as they are. "
    "Be factual, brief and respectful; use only the facts given."
)
ALLOW_PRIVATE_PARAM = "srm_ai.provider_allow_private"
# the register's names, per database, until a partner changes: {dbname: (signature, gazetteer)}
_gazetteers = {}
_gazetteers_lock = threading.Lock()


class SrmAiService(models.AbstractModel):
    """Entry point of the analysis engine and of the optional provider."""

    _name = "srm.ai.service"
    _description = "SRM Insights Service"

    # ------------------------------------------------------------------
    # Engine
    # ------------------------------------------------------------------

    @api.model
    def _srm_ai_use_embeddings(self, company=None):
        if self.env.context.get("srm_ai_no_embeddings"):
            return False
        company = company or self.env.company
        return bool(company.srm_ai_use_embeddings) and engine.embeddings.available()

    @api.model
    def _srm_ai_mode(self):
        status = engine.status()
        if status["mode"] == "embeddings" and not self.env.company.srm_ai_use_embeddings:
            return "lexicon+" if any(status["parts"][p] for p in ("vader", "sklearn", "jieba")) else "lexicon"
        return status["mode"]

    @api.model
    def _srm_ai_mode_description(self):
        status = engine.status()
        mode = self._srm_ai_mode()
        labels = {
            "embeddings": self.env._("Offline, best mode: multilingual embeddings and trained sentiment model"),
            "lexicon+": self.env._("Offline: lexicons with optional refinements"),
            "lexicon": self.env._("Offline: embedded lexicons only"),
        }
        parts = [name for name, active in status["parts"].items() if active]
        if mode != "embeddings":
            parts = [p for p in parts if p != "embeddings"]
        elif status["embedding_model"]:
            parts[parts.index("embeddings")] = status["embedding_model"]
        text = f"{labels[mode]} ({', '.join(parts)})"
        if status["missing"]:
            text += self.env._("; not installed: %s", ", ".join(status["missing"]))
        elif mode != "embeddings":
            text += self.env._("; multilingual embeddings switched off")
        if self.env.company.srm_ai_provider_enabled:
            text += self.env._("; provider on: %s", self.env.company.srm_ai_provider_model or "?")
        return text

    @api.model
    def _srm_ai_embed(self, texts, company=None):
        if not texts or not self._srm_ai_use_embeddings(company):
            return None
        return engine.embeddings.embed(texts)

    @api.model
    def _srm_ai_embed_each(self, texts, company=None):
        """Embeddings of ``texts`` and the texts the engine failed on: (vectors, {index: error});
        (None, {}) when embeddings are off. The texts are embedded together; when that fails,
        one at a time, so that a text the engine cannot read does not hold the others back
        (its vector is None). When the engine fails on a plain text too, the failure is the
        engine's: ``EngineFailure`` is raised (and the errors that are not a text's fault, see
        ``text_at_fault``)."""
        try:
            vectors = self._srm_ai_embed(texts, company)
        except Exception as exc:  # pylint: disable=broad-except
            if not text_at_fault(exc):
                raise
            _logger.info("Embedding %s texts together failed (%s), embedding them one at a time", len(texts), exc)
        else:
            return (None if vectors is None else list(vectors)), {}
        vectors, errors = [], {}
        for index, text in enumerate(texts):
            try:
                vectors.append(self._srm_ai_embed([text], company)[0])
            except Exception as exc:  # pylint: disable=broad-except
                if not text_at_fault(exc):
                    raise
                vectors.append(None)
                errors[index] = exc
        if errors:
            try:
                self._srm_ai_embed([PROBE_TEXT], company)
            except Exception as exc:  # pylint: disable=broad-except
                if not text_at_fault(exc):
                    raise
                raise EngineFailure(f"{type(exc).__name__}: {exc}") from exc
        return vectors, errors

    @api.model
    def _srm_ai_count_failed(self, company=None):
        """How many texts (of ``company`` when given) the engine failed on: set aside until
        they are changed."""
        return sum(model._srm_ai_count_failed(company) for model in self._srm_ai_scored_models())

    # ------------------------------------------------------------------
    # Provider
    # ------------------------------------------------------------------

    @api.model
    def _srm_ai_provider_enabled(self, company=None):
        company = company or self.env.company
        return bool(company.srm_ai_provider_enabled and company.srm_ai_provider_url and company.srm_ai_provider_model)

    @api.model
    def _srm_ai_sendable(self, records):
        """Records that may leave the server: never confidential ones, nor
        sensitive, anonymous or worker grievances."""

        def allowed(record):
            record = record.sudo()  # the flags below decide, whoever asks
            if "is_confidential" in record._fields and record.is_confidential:
                return False
            if "is_sensitive" in record._fields and record.is_sensitive:
                return False
            if "is_anonymous" in record._fields and record.is_anonymous:
                return False
            if "grievance_scope" in record._fields and record.grievance_scope == "worker":
                return False
            return True

        return records.filtered(allowed)

    @api.model
    def _srm_ai_gazetteer(self):
        """Every name (and street) of the register, as a gazetteer of the masker.

        Read in one query and kept until a partner is added, changed or removed.
        """
        Partner = self.env["res.partner"]
        Partner.flush_model(["name", "is_company", "street"])
        self.env.cr.execute(SQL("SELECT count(*), max(write_date) FROM res_partner"))
        signature = tuple(self.env.cr.fetchone())
        dbname = self.env.cr.dbname
        cached = _gazetteers.get(dbname)
        if cached and cached[0] == signature:
            return cached[1]
        gazetteer = engine.privacy.Gazetteer()
        # every contact, archived ones too, but not the system's own accounts (public
        # user, user templates, bots: partners of archived users)
        self.env.cr.execute(
            SQL(
                """
                SELECT p.name, p.is_company, p.street
                  FROM res_partner p
                 WHERE (p.name IS NOT NULL OR p.street IS NOT NULL)
                   AND NOT EXISTS (SELECT 1 FROM res_users u WHERE u.partner_id = p.id AND NOT u.active)
                """
            )
        )
        for name, is_company, street in self.env.cr.fetchall():
            if name:
                gazetteer.add(name, "organisation" if is_company else "person")
            if street:
                gazetteer.add(street, "address")
        with _gazetteers_lock:
            _gazetteers[dbname] = (signature, gazetteer)
        return gazetteer

    @api.model
    def _srm_ai_masker(self, record_groups, partners=None):
        """A masker knowing the people and organisations named by these records
        (always masked) and every name of the register."""
        # sudo: the names are read to be hidden, never shown; a protected complainant
        # must be masked even when the user may not know who they are
        people = self.env["res.partner"].sudo()
        if partners:
            people |= partners.sudo()
        for record in [rec for group in record_groups for rec in group.sudo()]:
            for fname in ("partner_ids", "partner_id", "complainant_id", "complainant_partner_id", "user_id"):
                if fname in record._fields:
                    value = record[fname]
                    people |= value.partner_id if value._name == "res.users" else value
        names = []
        for partner in people.exists():
            names.append((partner.name, "organisation" if partner.is_company else "person"))
            if partner.parent_id and partner.parent_id.name:
                names.append((partner.parent_id.name, "organisation"))
        return engine.privacy.Masker(names, self._srm_ai_gazetteer(), today=fields.Date.context_today(self))

    @api.model
    def _srm_ai_provider_allow_private(self):
        """Whether an administrator allowed a provider on a private, loopback or
        link-local address (a self-hosted model on this server or its network)."""
        # sudo: a system parameter, read (never shown) to decide where texts may go
        return str2bool(self.env["ir.config_parameter"].sudo().get_param(ALLOW_PRIVATE_PARAM) or "0", False)

    @api.model
    def _srm_ai_provider_call(self, purpose, records, build_messages, partners=None, company=None):
        """Ask the provider, with masked non-confidential content only.

        ``records`` is a recordset or a list of recordsets; confidential records
        (and sensitive issues) are removed before ``build_messages(sendable)``
        builds the chat messages (plain text, unmasked) from what is left; the
        messages are masked here before anything is sent.
        Returns a dict: text (answer with real names restored, or None),
        error (translated message or None), log (the call log).
        Nothing is sent, and None is returned, when the provider is off.
        """
        company = company or self.env.company
        if not self._srm_ai_provider_enabled(company):
            return None
        groups = [r for r in (records if isinstance(records, (list, tuple)) else [records]) if r is not None]
        sendable = [self._srm_ai_sendable(r) for r in groups]
        masker = self._srm_ai_masker(sendable, partners)
        messages = [{"role": "system", "content": SYSTEM_PROMPT}]
        built = build_messages(sendable if isinstance(records, (list, tuple)) else sendable[0])
        for message in built:
            messages.append({"role": message["role"], "content": masker.mask(message["content"])})
        log_vals = {
            "user_id": self.env.uid,
            "company_id": company.id,
            "purpose": purpose,
            "res_model": ",".join(dict.fromkeys(r._name for r in groups if r)),
            "res_ids": "; ".join(f"{r._name}({','.join(map(str, r.ids))})" for r in sendable if r),
            "record_count": sum(len(r) for r in sendable),
            "excluded_count": sum(len(r) for r in groups) - sum(len(r) for r in sendable),
            "provider_url": self._srm_ai_provider_host(company.srm_ai_provider_url),
            "provider_model": company.srm_ai_provider_model,
            "request_chars": sum(len(m["content"]) for m in messages),
            "masked_count": masker.count,
        }
        start = time.monotonic()
        try:
            provider = ChatProvider(
                company.srm_ai_provider_url,
                company.srm_ai_provider_model,
                # sudo: the key is read by SRM managers only, but used for every user's call
                company.sudo().srm_ai_provider_api_key,
                company.srm_ai_provider_timeout,
                allow_private=self._srm_ai_provider_allow_private(),
            )
            answer, _elapsed = provider.complete(messages)
        except ProviderError as exc:
            log_vals.update(
                status="failed",
                error_kind=exc.kind,
                error=str(exc)[:250],
                duration=time.monotonic() - start,
            )
            # sudo: users cannot write the call log; every call is logged, whoever makes it
            log = self.env["srm.ai.call.log"].sudo().create(log_vals)
            _logger.info("AI provider call failed (%s): %s", exc.kind, exc)
            return {"text": None, "error": self._srm_ai_error_message(exc), "log": log}
        log_vals.update(status="success", duration=time.monotonic() - start)
        # sudo: as above, the log is written for every user
        log = self.env["srm.ai.call.log"].sudo().create(log_vals)
        return {"text": masker.unmask(answer), "error": None, "log": log}

    @api.model
    def _srm_ai_provider_host(self, url):
        parts = urlsplit(url or "")
        return f"{parts.scheme}://{parts.netloc}{parts.path}" if parts.netloc else (url or "")

    @api.model
    def _srm_ai_error_message(self, exc):
        messages = {
            "timeout": self.env._("The AI provider did not answer in time."),
            "connection": self.env._("The AI provider cannot be reached."),
            "auth": self.env._("The AI provider refused the API key: check it in the settings."),
            "rate_limit": self.env._("The AI provider is rate-limiting requests: try again later."),
            "server": self.env._("The AI provider had an internal error."),
            "http": self.env._("The AI provider rejected the request."),
            "malformed": self.env._("The AI provider sent an answer that cannot be read."),
            "config": self.env._("The AI provider is not fully configured (URL and model)."),
            "address": self.env._(
                "The AI provider's address is private, loopback or link-local: nothing was sent. "
                "An administrator can allow such an address in the settings (Allow a Private "
                "Provider Address)."
            ),
        }
        return f"{messages.get(exc.kind, str(exc))} ({exc})"

    @api.model
    def _srm_ai_test_provider(self, company):
        if not self.env.user.has_group("srm_base.group_srm_manager"):
            raise UserError(self.env._("Only SRM managers can test the AI provider."))
        if not self._srm_ai_provider_enabled(company):
            raise UserError(self.env._("Switch the provider on and set its URL and model first."))
        result = self._srm_ai_provider_call(
            "test",
            self.env["res.partner"],
            lambda _records: [{"role": "user", "content": "Reply with the single word: OK"}],
            company=company,
        )
        ok = result["error"] is None
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("AI provider"),
                "message": self.env._("The provider answered.") if ok else result["error"],
                "type": "success" if ok else "danger",
                "sticky": not ok,
            },
        }

    # ------------------------------------------------------------------
    # Batch scoring (cron / queue_job)
    # ------------------------------------------------------------------

    @api.model
    def _srm_ai_scored_models(self):
        # sudo: the scoring job covers every record (scores are computed values)
        return [
            self.env["srm.engagement"].sudo(),
            self.env["srm.issue"].sudo(),
            self.env["srm.ai.message.score"].sudo(),
        ]

    @api.model
    def _srm_ai_count_stale(self):
        return sum(model._srm_ai_count_stale() for model in self._srm_ai_scored_models())

    @api.model
    def _cron_srm_ai_score(self, batch_size=BATCH_SIZE):
        """Score what changed since it was last scored, one batch per call; each
        batch claims its rows with SELECT ... FOR UPDATE SKIP LOCKED and is committed,
        so an interrupted run resumes with what is left. With OCA queue_job,
        srm_queue_job hands the batches to job workers instead.
        """
        models_ = self._srm_ai_scored_models()
        done = 0
        for model in models_:
            done = model._srm_ai_score_batch(batch_size)
            if done:
                break
        remaining = self._srm_ai_count_stale() if done else 0
        if not done and self._srm_ai_use_embeddings():
            # nothing left to score: embed the texts saved since (newest first) and score
            # them again with the model, one committed batch per call
            embedding_models = models_[:2]
            for model in embedding_models:
                done = model._srm_ai_embed_batch()
                if done:
                    break
            if not done:
                done = models_[2]._srm_ai_model_batch()
            remaining = (
                sum(m._srm_ai_count_missing_vectors() for m in embedding_models) + models_[2]._srm_ai_count_unmodelled()
                if done
                else 0
            )
        # one batch per call: Odoo's cron commits it and calls again while work remains
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return done

    @api.model
    def _srm_ai_refresh_all(self):
        """Score every text, refresh every stakeholder, find themes and run the
        recommendation rules (used after installing with demo data)."""
        # lexicon only here: embeddings (a few texts per second) are filled in by the scheduled job
        service = self.with_context(srm_ai_no_embeddings=True)
        for model in service._srm_ai_scored_models():
            for _batch in range(10000):
                if not model._srm_ai_score_batch(BATCH_SIZE):
                    break
        # sudo: run once after installing, for everything
        stakeholders = service.env["res.partner"].sudo().search([("is_stakeholder", "=", True)])
        stakeholders._srm_ai_refresh_sentiment()
        rules = service.env["srm.ai.recommendation.rule"].sudo().search([])
        for company in service.env["res.company"].sudo().search([]):
            service.env["srm.ai.theme"].with_company(company)._srm_ai_analyse(company)
            rules.with_company(company)._run(company)
        return True
