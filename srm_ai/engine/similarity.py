# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""TF-IDF vectors over multilingual terms, cosine similarity, and embedding blend."""
import math
from collections import Counter

from . import embeddings
from .text import terms


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


def rescale_embedding_cosine(value):
    """e5 cosines sit around 0.75 for unrelated texts: spread them on 0..1."""
    return max(0.0, min(1.0, (value - 0.78) / 0.17))


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
    for index, (key, _text) in enumerate(candidates):
        vec = model.vectors[index]
        lexical = cosine(qvec, vec)
        score = lexical
        method = "tfidf"
        other = candidate_vectors.get(key) if candidate_vectors else None
        if query_vector is not None and other is not None and np is not None:
            semantic = rescale_embedding_cosine(float(np.dot(query_vector, other)))
            score = 0.4 * lexical + 0.6 * semantic
            method = "tfidf+embeddings"
        if score >= min_score:
            results.append(
                {"key": key, "score": round(min(score, 1.0), 4), "terms": shared_terms(qvec, vec), "method": method}
            )
    results.sort(key=lambda r: -r["score"])
    return results[:k]
