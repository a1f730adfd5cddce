# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .. import engine
from .srm_ai_sentiment_mixin import decode_vector, encode_vector, text_hash

CANDIDATE_LIMIT = 3000
TOP_K = 10


class SrmAiSimilar(models.TransientModel):
    """Past engagements and issues most similar to a record, computed on demand
    among the records the user may read."""

    _name = "srm.ai.similar"
    _inherit = ["srm.link.check.mixin"]
    _description = "Similar Record"
    _order = "score desc, id"

    source_model = fields.Char(required=True, readonly=True)
    source_id = fields.Integer(required=True, readonly=True)
    engagement_id = fields.Many2one("srm.engagement", readonly=True, ondelete="cascade")
    issue_id = fields.Many2one("srm.issue", readonly=True, ondelete="cascade")
    record_type = fields.Selection([("engagement", "Engagement"), ("issue", "Issue")], string="Type", readonly=True)
    name = fields.Char(string="Record", readonly=True)
    date = fields.Datetime(readonly=True)
    score = fields.Float(string="Similarity", digits=(3, 2), readonly=True)
    shared_terms = fields.Char(string="In Common", readonly=True)
    method = fields.Char(readonly=True)

    # written from the records found among those the user may read (see _srm_ai_candidates)
    _srm_link_fields = ("engagement_id", "issue_id")

    @api.model
    def _srm_ai_candidates(self, record):
        engagements = self.env["srm.engagement"].search(
            [("id", "!=", record.id if record._name == "srm.engagement" else 0)], limit=CANDIDATE_LIMIT
        )
        issues = self.env["srm.issue"].search(
            [("id", "!=", record.id if record._name == "srm.issue" else 0)], limit=CANDIDATE_LIMIT
        )
        return engagements, issues

    @api.model
    def _srm_ai_compute(self, record, k=TOP_K):
        """Return (vals of the most similar records, method)."""
        engagements, issues = self._srm_ai_candidates(record)
        candidates = [(("srm.engagement", e.id), e._srm_ai_similarity_text()) for e in engagements]
        candidates += [(("srm.issue", i.id), i._srm_ai_similarity_text()) for i in issues]
        candidates = [(key, text) for key, text in candidates if text and text.strip()]
        service = self.env["srm.ai.service"]
        query_vector = None
        candidate_vectors = None
        if service._srm_ai_use_embeddings():
            # sudo: embeddings are hidden from users (computed values, read and kept here)
            stored = record.sudo()._srm_ai_vectors()
            query_vector = stored.get(record.id)
            if query_vector is None:
                query_text = record._srm_ai_similarity_text()
                vectors = service._srm_ai_embed([query_text])
                query_vector = vectors[0] if vectors is not None else None
                if query_vector is not None:
                    # keep it for next time
                    record.sudo()._srm_ai_store_vector(encode_vector(query_vector), text_hash(query_text))
                    query_vector = decode_vector(encode_vector(query_vector))
            candidate_vectors = {}
            for (model, rid), vector in [
                (("srm.engagement", i), v) for i, v in engagements.sudo()._srm_ai_vectors().items()
            ] + [(("srm.issue", i), v) for i, v in issues.sudo()._srm_ai_vectors().items()]:
                candidate_vectors[(model, rid)] = vector
        results = engine.similarity.most_similar(
            record._srm_ai_similarity_text(),
            candidates,
            k=k,
            query_vector=query_vector,
            candidate_vectors=candidate_vectors,
        )
        vals_list = []
        for result in results:
            model, rid = result["key"]
            target = self.env[model].browse(rid)
            terms = [
                engine.text.concept_label(t[1:], (self.env.lang or "en")[:2]) if t.startswith("#") else t
                for t in result["terms"]
            ]
            vals_list.append(
                {
                    "source_model": record._name,
                    "source_id": record.id,
                    "engagement_id": rid if model == "srm.engagement" else False,
                    "issue_id": rid if model == "srm.issue" else False,
                    "record_type": "engagement" if model == "srm.engagement" else "issue",
                    "name": target.display_name,
                    "date": target.date if model == "srm.engagement" else target.date_received,
                    "score": result["score"],
                    "shared_terms": ", ".join(dict.fromkeys(terms)),
                    "method": result["method"],
                }
            )
        return vals_list

    @api.model
    def _srm_ai_open_for(self, record):
        # the record's own text is compared with others: only for who may read it
        record.check_access("read")
        self.search(
            [("create_uid", "=", self.env.uid), ("source_model", "=", record._name), ("source_id", "=", record.id)]
        ).unlink()
        similar = self.create(self._srm_ai_compute(record))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Similar to %s", record.display_name),
            "res_model": self._name,
            "view_mode": "list",
            "views": [(self.env.ref("srm_ai.srm_ai_similar_view_list").id, "list")],
            "domain": [("id", "in", similar.ids)],
            "target": "new",
            "context": {"create": False},
        }

    def action_open(self):
        self.ensure_one()
        target = self.engagement_id or self.issue_id
        return {
            "type": "ir.actions.act_window",
            "res_model": target._name,
            "res_id": target.id,
            "view_mode": "form",
            "target": "current",
        }
