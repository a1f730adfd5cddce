# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Emerging themes: group texts, label groups with key terms, compare periods.

Grouping uses agglomerative clustering from scikit-learn when installed, else a
pure-Python single-pass grouping; embeddings (when available), centred per
language, are blended with TF-IDF so that texts in different languages about the
same subject meet, and texts of one language about different subjects do not;
where a concern projection ships for the embedding model, the texts' concern
vectors (``similarity.topic_vectors``) weigh in too.
Themes are named after the concerns they share, in the user's language.
"""
import re
from collections import Counter

from . import embeddings, similarity
from .options import optional_disabled
from .sentiment import strip_questions
from .similarity import (
    TfIdf,
    centre,
    concern_name,
    cosine,
    text_languages,
    topic_vectors,
)
from .text import concept_label, detect_language, split_sentences

# concepts and words of record keeping that name no concern
GENERIC_CONCEPTS = {"grievance", "meeting", "delay", "information", "consultation", "agreement", "permit"}
GENERIC_TERMS = set(
    """complaint complain complained detail detailed record recorded issue request requested report reported
    concern concerned problem people project company community today yesterday week month year time
    plainte detail demande projet entreprise communaute gens probleme semaine mois annee
    queja reclamo detalle solicitud proyecto empresa comunidad gente problema semana mes
    投诉 问题 项目 公司 社区 情况 反映 表示""".split()
)

try:  # optional
    if optional_disabled("sklearn"):
        raise ImportError("disabled")
    from sklearn.cluster import AgglomerativeClustering  # pylint: disable=import-error
except ImportError:  # pragma: no cover - depends on the environment
    AgglomerativeClustering = None
try:  # optional, installed with scikit-learn: TF-IDF cosines as one sparse product
    if optional_disabled("sklearn"):
        raise ImportError("disabled")
    from scipy import sparse  # pylint: disable=import-error
except ImportError:  # pragma: no cover - depends on the environment
    sparse = None

MAX_DOCS = 3000  # beyond, the most recent texts are kept


def _lexical(rows, columns):
    """TF-IDF cosines of two lists of TF-IDF vectors (rows x columns array): one sparse
    product where scipy is installed, else pair by pair."""
    np = embeddings.np
    if sparse is None:
        return np.asarray([[cosine(a, b) for b in columns] for a in rows], dtype=np.float64)
    vocabulary = {}

    def matrix(vectors):
        indptr, indices, data = [0], [], []
        for vector in vectors:
            for term, value in vector.items():
                indices.append(vocabulary.setdefault(term, len(vocabulary)))
                data.append(value)
            indptr.append(len(indices))
        return data, indices, indptr

    first, second = matrix(rows), matrix(columns)
    size = max(len(vocabulary), 1)
    first = sparse.csr_matrix(first, shape=(len(rows), size), dtype=np.float64)
    second = sparse.csr_matrix(second, shape=(len(columns), size), dtype=np.float64)
    return (first @ second.T).toarray()


def _blended(lexical, vectors, other_vectors, topics, other_topics):
    """The similarity of two sets of texts (array) from their TF-IDF cosines, embeddings
    and concern vectors (each may be None), on whole matrices."""
    if vectors is None or other_vectors is None:
        return lexical
    sim = similarity.blend(lexical, similarity.rescale_embedding_cosine(vectors @ other_vectors.T))
    if topics is not None and other_topics is not None:
        sim = similarity.blend_topic(sim, topics @ other_topics.T)
    return sim


def _similarity_matrix(model, vectors, topics=None):
    """Similarities of the texts two by two: an array, or lists of lists without numpy."""
    n = len(model.vectors)
    np = embeddings.np
    if np is None:
        return [[cosine(model.vectors[i], model.vectors[j]) if i != j else 1.0 for j in range(n)] for i in range(n)]
    lexical = _lexical(model.vectors, model.vectors)
    np.fill_diagonal(lexical, 1.0)
    return _blended(lexical, vectors, vectors, topics, topics)


def _cluster_sklearn(sim, threshold):
    np = embeddings.np
    distance = 1.0 - np.clip(np.asarray(sim, dtype=np.float64), 0.0, 1.0)
    np.fill_diagonal(distance, 0.0)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=1.0 - threshold
    )
    return [int(label) for label in model.fit_predict(distance)]


def _cluster_python(sim, threshold):
    """Single pass: each text joins the group whose members it is closest to on average."""
    groups = []
    labels = []
    for i in range(len(sim)):
        best, best_score = None, threshold
        for g, members in enumerate(groups):
            score = sum(sim[i][m] for m in members) / len(members)
            if score >= best_score:
                best, best_score = g, score
        if best is None:
            groups.append([i])
            labels.append(len(groups) - 1)
        else:
            groups[best].append(i)
            labels.append(best)
    return labels


def _label(model, members, lang, top=4):
    """Key terms of a group: concepts in ``lang`` first, then its own words."""
    weights = Counter()
    for m in members:
        for term, value in model.vectors[m].items():
            weights[term] += value
    # a concept names the group only when a third of its texts at least speak of it
    share = Counter(term for m in members for term in model.vectors[m] if term.startswith("#"))
    concepts, words = [], []
    for term, _w in weights.most_common(top * 6):
        if term.startswith("#"):
            if term[1:] not in GENERIC_CONCEPTS and share[term] * 3 >= len(members):
                word = concept_label(term[1:], lang)
                if word not in concepts:
                    concepts.append(word)
        elif term not in GENERIC_TERMS and len(term) > 2 and term not in words:
            words.append(term)
    return concepts[:top], (concepts + words)[:top]


def _central_phrase(text, limit=70):
    """The first sentence of a text, shortened at a word boundary."""
    sentences = split_sentences(text) or [text]
    phrase = re.sub(r"\s+", " ", sentences[0]).strip().rstrip(".。!！")
    if len(phrase) > limit:
        cut = phrase[:limit].rsplit(" ", 1)[0] if " " in phrase[:limit] else phrase[:limit]
        phrase = cut + "…"
    return phrase


def theme_name(concepts, central_text):
    """A name a person would give the concern: its subjects ("Water, pollution"),
    else the most central text's first sentence."""
    if concepts:
        name = ", ".join(concepts[:3])
        return name[:1].upper() + name[1:]
    return _central_phrase(central_text)


def _sentence_key(sentence):
    return re.sub(r"\W+", " ", sentence.lower()).strip()


def prepare(documents, previous=(), min_share=0.1, min_count=3):
    """What the texts say of their subject: without the questions of surveys and
    interviews (they repeat the questionnaire) and without boilerplate sentences
    that many texts share ("Reported by the complainant; details recorded by...").

    Returns (documents, previous, changed): the same (key, text) lists cleaned, and
    the keys whose text changed for the embedding model (their stored embeddings no
    longer apply); a text whose sentences were only set on lines of their own is read
    the same (``embeddings.read_alike``) and keeps its embedding."""
    documents, previous = list(documents), list(previous)
    everything = documents + previous
    stripped = [(key, strip_questions(text)) for key, text in everything]
    counts = Counter()
    for _key, text in stripped:
        counts.update({_sentence_key(s) for s in split_sentences(text) if _sentence_key(s)})
    limit = max(min_count, min_share * len(stripped))
    common = {sentence for sentence, count in counts.items() if count >= limit}
    cleaned = []
    changed = set()
    for (key, original), (_key, text) in zip(everything, stripped, strict=True):
        if common:
            kept = [s for s in split_sentences(text) if _sentence_key(s) not in common]
            text = "\n".join(kept)
        if text.strip() != original.strip() and not embeddings.read_alike(text, original):
            changed.add(key)
        cleaned.append((key, text))
    cleaned = [(key, text) for key, text in cleaned]
    return cleaned[: len(documents)], cleaned[len(documents) :], changed


THRESHOLD = 0.3  # similarity that joins a group, TF-IDF and concepts only
THRESHOLD_EMBEDDINGS = 0.15  # with centred embeddings (measured: bench_themes.py --tune)
THRESHOLD_TOPICS = 0.14  # with centred embeddings and concern vectors (measured: bench_themes.py)


def _vectors(texts, previous_texts, use_embeddings, vectors, previous_vectors):
    """(vectors, previous vectors, concern vectors, previous concern vectors) of both
    periods: embeddings (given, else computed when ``use_embeddings``) centred per
    language, and their concern vectors where a projection ships; Nones without."""
    np = embeddings.np
    if use_embeddings and vectors is None and embeddings.available():
        vectors = embeddings.embed(texts)
        if previous_texts and previous_vectors is None:
            previous_vectors = embeddings.embed(previous_texts)
    if vectors is None:
        return None, None, None, None
    vectors = centre(np.asarray(vectors, dtype=np.float32), text_languages(texts))
    if previous_vectors is not None:
        previous_vectors = centre(np.asarray(previous_vectors, dtype=np.float32), text_languages(previous_texts))
    # both periods' concern vectors less one mean, so that they compare
    both = vectors if previous_vectors is None else np.vstack([vectors, previous_vectors])
    projected = topic_vectors(both)
    if projected is None:
        return vectors, previous_vectors, None, None
    return vectors, previous_vectors, projected[: len(vectors)], projected[len(vectors) :]


def find_themes(documents, previous=(), min_size=2, threshold=None, lang="en", use_embeddings=True,
                vectors=None, previous_vectors=None, growth_ratio=1.5):
    """Group ``documents`` (list of (key, text)) into themes.

    ``previous`` holds the texts of the previous period, used to measure how
    each theme grew. ``vectors`` / ``previous_vectors`` are optional precomputed
    embeddings (arrays aligned with the documents).
    Returns (themes, method): each theme a dict with label, terms, keys (member
    keys, most central first), size, previous_size, growth (ratio), growing.
    """
    # questions (survey items, requests for information) are left out: themes are what people say
    documents = [(key, strip_questions(text)) for key, text in list(documents)[:MAX_DOCS]]
    previous = [(key, strip_questions(text)) for key, text in list(previous)[:MAX_DOCS]]
    if not documents:
        return [], "none"
    texts = [text for _key, text in documents]
    method = ["tfidf"]
    np = embeddings.np
    vectors, previous_vectors, topics, previous_topics = _vectors(
        texts, [t for _k, t in previous], use_embeddings, vectors, previous_vectors
    )
    if vectors is not None:
        method.append("embeddings")
    if topics is not None:
        method.append("concerns")
    if threshold is None:
        threshold = THRESHOLD if vectors is None else THRESHOLD_EMBEDDINGS if topics is None else THRESHOLD_TOPICS
    model = TfIdf(texts + [t for _k, t in previous])
    current_model_vectors = model.vectors[: len(texts)]
    sub = _Sub(current_model_vectors)
    sim = _similarity_matrix(sub, vectors, topics)
    if AgglomerativeClustering is not None and np is not None and len(texts) > 1:
        labels = _cluster_sklearn(sim, threshold)
        method.append("agglomerative")
    else:
        labels = _cluster_python(sim if np is None else sim.tolist(), threshold)
        method.append("grouping")
    groups = {}
    for index, label in enumerate(labels):
        groups.setdefault(label, []).append(index)
    themes = []
    previous_model_vectors = model.vectors[len(texts) :]
    # each text of the previous period against each of this one
    cross = None
    if previous and np is not None:
        cross = _blended(
            _lexical(previous_model_vectors, current_model_vectors), previous_vectors, vectors, previous_topics, topics
        )
    for members in groups.values():
        if len(members) < min_size:
            continue
        if np is None:
            centrality = {m: sum(sim[m][o] for o in members) for m in members}
        else:
            centrality = dict(zip(members, sim[np.ix_(members, members)].sum(axis=1).tolist(), strict=True))
        members.sort(key=lambda m: -centrality[m])
        concepts, key_terms = _label(sub, members, lang)
        # how many texts of the previous period belong to this theme: those that are, on
        # average, as close to its texts as joins a theme
        if cross is not None:
            previous_size = int((cross[:, members].mean(axis=1) >= threshold).sum())
        else:
            previous_size = sum(
                1
                for vector in previous_model_vectors
                if sum(cosine(vector, current_model_vectors[m]) for m in members) / len(members) >= threshold
            )
        size = len(members)
        growth = (size - previous_size) / previous_size if previous_size else float(size)
        named = concern_name(topics[members], lang) if topics is not None else None
        member_langs = [detect_language(texts[m]) for m in members]
        # named by a sentence: the most central one in the reader's language, if any
        central = next((m for m, m_lang in zip(members, member_langs, strict=True) if m_lang == lang), members[0])
        themes.append(
            {
                "label": named or theme_name(concepts, texts[central]),
                "terms": key_terms,
                "keys": [documents[m][0] for m in members],
                "size": size,
                "previous_size": previous_size,
                "growth": round(growth, 3),
                "growing": size >= previous_size * growth_ratio and size - previous_size >= 2,
                "langs": sorted(set(member_langs)),
            }
        )
    themes.sort(key=lambda t: (-t["size"], -t["growth"]))
    return themes, "+".join(method)


class _Sub:
    def __init__(self, vectors):
        self.vectors = vectors
