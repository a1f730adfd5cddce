# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Extractive summaries and key terms."""
import re
from collections import Counter

from .sentiment import strip_questions
from .similarity import TfIdf, cosine
from .text import CJK_RE, concept_label, split_sentences

MIN_QUOTE_WORDS = 4


def key_terms(texts, top=8, lang="en"):
    """Most characteristic terms of a set of texts (concepts shown in ``lang``)."""
    counts = Counter()
    model = TfIdf(list(texts))
    for vector in model.vectors:
        counts.update(vector)
    result = []
    for term, _weight in counts.most_common(top * 3):
        word = concept_label(term[1:], lang) if term.startswith("#") else term
        if word not in result:
            result.append(word)
        if len(result) >= top:
            break
    return result


def summarise(texts, max_sentences=3, max_chars=600):
    """Pick the sentences closest to the centroid of ``texts``, in reading order."""
    sentences = []
    for text in texts:
        sentences.extend(s for s in split_sentences(text or "") if len(s) > 8)
    if not sentences:
        return []
    if len(sentences) <= max_sentences:
        return sentences
    model = TfIdf(sentences)
    centroid = Counter()
    for vector in model.vectors:
        centroid.update(vector)
    total = sum(v * v for v in centroid.values()) ** 0.5 or 1.0
    centroid = {t: v / total for t, v in centroid.items()}
    scored = []
    for index, vector in enumerate(model.vectors):
        score = cosine(vector, centroid) + (0.05 if index == 0 else 0.0)
        scored.append((score, index))
    chosen, seen, length = [], [], 0
    for _score, index in sorted(scored, reverse=True):
        vector = model.vectors[index]
        if any(cosine(vector, model.vectors[other]) > 0.7 for other in seen):
            continue  # near duplicate
        if length + len(sentences[index]) > max_chars and chosen:
            continue
        chosen.append(index)
        seen.append(index)
        length += len(sentences[index])
        if len(chosen) >= max_sentences:
            break
    return [sentences[i] for i in sorted(chosen)]


def quotes(texts, max_sentences=3, max_chars=400):
    """What people said in these notes, in their words: whole sentences only (no
    survey questions or their multiple-choice answers, no fragments), each once,
    the most representative first chosen, in reading order."""
    sentences = []
    seen = set()
    for text in texts:
        for sentence in split_sentences(strip_questions(text or "")):
            sentence = re.sub(r"\s+", " ", sentence).strip(" :;,-")
            key = sentence.lower()
            words = len(sentence.split()) if not CJK_RE.search(sentence) else len(sentence) // 2
            if words < MIN_QUOTE_WORDS or key in seen or not sentence[:1].isalnum():
                continue
            seen.add(key)
            sentences.append(sentence)
    return summarise(sentences, max_sentences=max_sentences, max_chars=max_chars)
