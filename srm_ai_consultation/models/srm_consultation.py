# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from odoo.addons.srm_ai import engine
from odoo.addons.srm_ai.models.srm_ai_theme import EMBEDDING_LIMIT


class SrmConsultation(models.Model):
    _inherit = "srm.consultation"

    def _srm_extract_themes(self, texts):
        """Themes of the free-text answers, with the analysis engine.

        The team's themes and the frequent words found by srm_consultation are kept as
        they are; the answers none of them covers are grouped by meaning across
        languages (the same engine as emerging issues), and every theme gets the
        average sentiment of its answers.
        """
        results = super()._srm_extract_themes(texts)
        service = self.env["srm.ai.service"]
        company = self.company_id or self.env.company
        covered = {index for result in results for index in result["indexes"]}
        rest = [(index, text) for index, text in enumerate(texts) if index not in covered and (text or "").strip()]
        if len(rest) >= 2:
            lang = (self.env.lang or "en")[:2]
            themes, _method = engine.themes.find_themes(
                rest,
                lang=lang if lang in engine.text.LANGUAGES else "en",
                use_embeddings=service._srm_ai_use_embeddings(company) and len(rest) <= EMBEDDING_LIMIT,
            )
            for theme in themes:
                results.append(
                    {
                        "name": (theme["label"] or "").capitalize() or self.env._("Theme"),
                        "keywords": theme["terms"][:5],
                        "indexes": sorted(theme["keys"]),
                        "origin": "ai",
                    }
                )
            # answers grouped by meaning under the name of a theme join that theme
            results = self._srm_merge_same_name_themes(results)
        use_embeddings = service._srm_ai_use_embeddings(company) and len(texts) <= EMBEDDING_LIMIT
        scores = [analysis["score"] for analysis in engine.sentiment.analyse_many(texts, use_embeddings)]
        for result in results:
            values = result.setdefault("values", {})
            indexes = result["indexes"]
            values["srm_ai_sentiment"] = sum(scores[i] for i in indexes) / len(indexes) if indexes else 0.0
        return results
