# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

from markupsafe import Markup, escape

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from .. import engine
from .srm_ai_sentiment_mixin import commit_if_allowed

# texts without a stored embedding embedded during an analysis; beyond, the
# analysis uses TF-IDF and concepts only until the scheduled job has embedded them
EMBEDDING_LIMIT = 300


class SrmAiTheme(models.Model):
    """A group of recent engagement notes and issues about the same subject."""

    _name = "srm.ai.theme"
    _description = "Emerging Theme"
    _inherit = ["mail.thread", "srm.link.check.mixin", "srm.link.search.mixin", "srm.link.mask.mixin"]
    # an issue links the theme it was created from; its name is made of other people's texts
    _srm_mask_links = True
    _order = "period_end desc, is_growing desc, size desc, id"
    _check_company_auto = True

    name = fields.Char(string="Theme", required=True, tracking=True)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    period_start = fields.Date(required=True)
    period_end = fields.Date(required=True, index=True)
    key_terms = fields.Char()
    size = fields.Integer(string="Records", help="Engagements and issues of the period in this theme.")
    previous_size = fields.Integer(
        string="Previous Period", help="Records of the previous period about the same subject."
    )
    growth = fields.Float(string="Growth (%)", digits=(10, 0))
    is_growing = fields.Boolean(string="Growing", index=True)
    languages = fields.Char()
    method = fields.Char(string="Analysis Method", help="How the records were grouped.")
    engagement_ids = fields.Many2many(
        "srm.engagement", "srm_ai_theme_engagement_rel", "theme_id", "engagement_id", string="Engagements"
    )
    issue_ids = fields.Many2many("srm.issue", "srm_ai_theme_issue_rel", "theme_id", "issue_id", string="Issues")
    state = fields.Selection(
        [("new", "New"), ("reviewed", "Reviewed"), ("converted", "Issue Created"), ("dismissed", "Dismissed")],
        default="new",
        required=True,
        index=True,
        tracking=True,
    )
    issue_id = fields.Many2one("srm.issue", string="Created Issue", readonly=True, copy=False)

    # written by the analysis (as superuser) and by "Create Issue": a user links only
    # records they may read
    _srm_link_fields = ("engagement_ids", "issue_ids", "issue_id")

    @api.model
    def _srm_searched_link_fields(self):
        # its engagements and issues: a theme does not tell its reader of one they may not
        # read (written as superuser by the analysis); the issue created from it, which
        # reads "Restricted" to them (its state says that one was created), by id
        return (*super()._srm_searched_link_fields(), "engagement_ids", "issue_ids", "issue_id")

    # ------------------------------------------------------------------
    # Analysis
    # ------------------------------------------------------------------

    @api.model
    def _srm_ai_period_documents(self, company, start, end):
        """Texts of the period that may be analysed: never confidential records,
        sensitive issues or worker grievances."""
        start_dt = datetime.combine(start, time.min)
        end_dt = datetime.combine(end, time.max)
        # sudo: themes are found over the whole company (what they show follows the
        # records' rules, see srm_ai_security.xml); callers check the user's rights
        engagements = (
            self.env["srm.engagement"]
            .sudo()
            .search(
                [
                    ("company_id", "=", company.id),
                    ("is_confidential", "=", False),
                    ("date", ">=", start_dt),
                    ("date", "<=", end_dt),
                ]
            )
        )
        issues = (
            self.env["srm.issue"]
            .sudo()
            .search(
                [
                    ("company_id", "=", company.id),
                    ("is_confidential", "=", False),
                    ("is_sensitive", "=", False),
                    ("grievance_scope", "!=", "worker"),
                    ("date_received", ">=", start_dt),
                    ("date_received", "<=", end_dt),
                ]
            )
        )
        documents = [(("srm.engagement", e.id), e._srm_ai_similarity_text()) for e in engagements]
        documents += [(("srm.issue", i.id), i._srm_ai_similarity_text()) for i in issues]
        return [(key, text) for key, text in documents if text and text.strip()]

    @api.model
    def _srm_ai_forget(self, records):
        """``records`` (engagements or issues) were made confidential, sensitive or a
        worker's grievance: they leave the themes they were grouped in, which their
        readers may search by record."""
        fname = {"srm.engagement": "engagement_ids", "srm.issue": "issue_ids"}.get(records._name)
        if not fname or not records:
            return
        # sudo: the themes are the analysis's own; the change of the records was checked
        # by their write
        for theme in self.sudo().search([(fname, "in", records.ids)]):
            gone = theme[fname] & records.sudo()
            theme.write({fname: [Command.unlink(rid) for rid in gone.ids], "size": max(theme.size - len(gone), 0)})

    @api.model
    def _srm_ai_analyse(self, company=None, end=None):
        """Group the period's texts into themes, compare with the previous period,
        and replace the themes of earlier runs that nobody reviewed."""
        company = company or self.env.company
        end = end or fields.Date.context_today(self)
        days = company.srm_ai_theme_days or 30
        start = end - timedelta(days=days - 1)
        previous_start = start - timedelta(days=days)
        documents = self._srm_ai_period_documents(company, start, end)
        previous = self._srm_ai_period_documents(company, previous_start, start - timedelta(days=1))
        # questionnaires and boilerplate say nothing of the subject
        documents, previous, changed = engine.themes.prepare(documents, previous)
        documents = [(key, text) for key, text in documents if text.strip()]
        previous = [(key, text) for key, text in previous if text.strip()]
        vectors, previous_vectors = self._srm_ai_document_vectors(company, documents, previous, changed)
        lang = (self.env.lang or "en")[:2]
        themes, method = engine.themes.find_themes(
            documents,
            previous,
            lang=lang if lang in engine.text.LANGUAGES else "en",
            use_embeddings=vectors is not None,
            vectors=vectors,
            previous_vectors=previous_vectors,
        )
        # sudo: themes are written by the analysis only
        self.sudo().search([("company_id", "=", company.id), ("state", "=", "new")]).unlink()
        vals_list = []
        for theme in themes:
            engagement_ids = [key[1] for key in theme["keys"] if key[0] == "srm.engagement"]
            issue_ids = [key[1] for key in theme["keys"] if key[0] == "srm.issue"]
            growth = theme["growth"] * 100 if theme["previous_size"] else 100.0 * theme["size"]
            vals_list.append(
                {
                    "name": theme["label"] or self.env._("Theme"),
                    "company_id": company.id,
                    "period_start": start,
                    "period_end": end,
                    "key_terms": ", ".join(theme["terms"]),
                    "size": theme["size"],
                    "previous_size": theme["previous_size"],
                    "growth": growth,
                    "is_growing": theme["growing"],
                    "languages": ", ".join(theme["langs"]),
                    "method": method,
                    "engagement_ids": [Command.set(engagement_ids)],
                    "issue_ids": [Command.set(issue_ids)],
                }
            )
        return self.sudo().create(vals_list)  # sudo: as above

    @api.model
    def _srm_ai_document_vectors(self, company, documents, previous, changed=()):
        """Embeddings of the documents of both periods (arrays aligned with them): the
        stored ones (except for the texts in ``changed``), the missing ones computed now
        when they are few; (None, None) without the embedding model or when too many
        are missing."""
        service = self.env["srm.ai.service"]
        if not service._srm_ai_use_embeddings(company):
            return None, None
        keys = [key for key, _text in list(documents) + list(previous)]
        stored = {}
        changed = set(changed)
        for model in ("srm.engagement", "srm.issue"):
            ids = [rid for name, rid in keys if name == model]
            # sudo: embeddings are hidden from users; the documents were chosen above
            vectors = self.env[model].sudo().browse(ids)._srm_ai_vectors()
            stored.update(((model, rid), v) for rid, v in vectors.items() if (model, rid) not in changed)
        texts = dict(list(documents) + list(previous))
        missing = [key for key in keys if key not in stored]
        if len(missing) > EMBEDDING_LIMIT:
            return None, None
        if missing:
            computed = service._srm_ai_embed([texts[key] for key in missing], company)
            if computed is None:
                return None, None
            stored.update(zip(missing, computed, strict=True))
        np = engine.embeddings.np
        current = np.vstack([stored[key] for key, _text in documents]) if documents else None
        before = np.vstack([stored[key] for key, _text in previous]) if previous else None
        return current, before

    @api.model
    def _cron_srm_ai_analyse(self):
        companies = self.env["res.company"].search([])
        for done, company in enumerate(companies, start=1):
            self.with_company(company)._srm_ai_analyse(company)
            self.env["ir.cron"]._notify_progress(done=done, remaining=len(companies) - done)
            commit_if_allowed(self.env)

    @api.model
    def action_srm_ai_analyse_now(self):
        # replaces the themes nobody reviewed: refused to whoever may not change themes
        # (auditors are read-only)
        self.check_access("write")
        themes = self._srm_ai_analyse(self.env.company)
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_ai.srm_ai_theme_action")
        if not themes:
            action["help"] = Markup("<p>%s</p>") % self.env._(
                "No theme found in the period: too few engagement notes or issues share a subject."
            )
        return action

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_mark_reviewed(self):
        self.filtered(lambda t: t.state == "new").state = "reviewed"

    def action_dismiss(self):
        self.filtered(lambda t: t.state in ("new", "reviewed")).state = "dismissed"

    def action_create_issue(self):
        self.ensure_one()
        self.check_access("write")
        if self.issue_id:
            raise UserError(self.env._("An issue was already created from this theme."))
        lines = [Markup("<li>%s</li>") % e.display_name for e in self.engagement_ids[:10]]
        lines += [Markup("<li>%s</li>") % i.display_name for i in self.issue_ids[:10]]
        examples = Markup("").join(lines)
        description = Markup("<p>%s</p><p>%s</p><ul>%s</ul>") % (
            self.env._(
                "Emerging theme found from %(start)s to %(end)s: %(size)s records (previous period: %(previous)s).",
                start=self.period_start,
                end=self.period_end,
                size=self.size,
                previous=self.previous_size,
            ),
            self.env._("Key terms: %s", escape(self.key_terms or "")),
            examples,
        )
        partners = self.engagement_ids.partner_ids | self.issue_ids.partner_ids
        issue = self.env["srm.issue"].create(
            {
                "name": self.env._("Emerging theme: %s", self.name),
                "kind": "concern",
                "description": description,
                "company_id": self.company_id.id,
                "partner_ids": [Command.set(partners.ids)],
                "engagement_ids": [Command.set(self.engagement_ids.ids)],
                "srm_ai_theme_id": self.id,
            }
        )
        self.write({"issue_id": issue.id, "state": "converted"})
        return {
            "type": "ir.actions.act_window",
            "res_model": "srm.issue",
            "res_id": issue.id,
            "view_mode": "form",
        }
