# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Language detection, tokenisation and multilingual term normalisation.

Pure Python; accents, words and stop words are srm_base's (``srm_base/tools/text.py``,
shared with the consultations' themes); ``jieba`` is used for Chinese word segmentation when installed,
character bigrams otherwise.
"""

import importlib.util
import os
import re

from .concepts import CONCEPTS
from .options import optional_disabled

try:  # optional
    if optional_disabled("jieba"):
        raise ImportError("disabled")
    import jieba  # pylint: disable=import-error

    jieba.setLogLevel(60)
except ImportError:  # pragma: no cover - depends on the environment
    jieba = None


def _base_text():
    """srm_base's text helper (srm_base/tools/text.py): the suite's one accent stripper,
    tokeniser and stop-word list. Imported from the addon under Odoo; loaded from its
    file, next to srm_ai, when the engine runs on its own (the benchmarks)."""
    try:
        from odoo.addons.srm_base.tools import text  # pylint: disable=import-outside-toplevel
    except ImportError:
        path = os.path.join(os.path.dirname(__file__), os.pardir, os.pardir, "srm_base", "tools", "text.py")
        spec = importlib.util.spec_from_file_location("srm_base_tools_text", path)
        text = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(text)
    return text


_base = _base_text()
ALL_STOPWORDS = _base.ALL_STOPWORDS
STOPWORDS = _base.STOPWORDS
WORD_RE = _base.WORD_RE
strip_accents = _base.strip_accents

LANGUAGES = ("en", "fr", "es", "zh")

CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CJK_RUN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
SENTENCE_RE = re.compile(r"(?<=[.!?。！？；;])\s*|\n+")
EMOJI_POS = set("😀😃😄😁😊🙂😍🥰👍👏🙏🎉❤💚✅")
EMOJI_NEG = set("😠😡😞😢😭😤👎💔😒😩😫")


# function words that identify a language better than content words; words shared by
# two of the languages ("de", "la", "en", "no", "a") count for neither
_LANG_MARKERS = {
    "en": set(
        """the and is are was were of to in that this with for have has not we they you our
        it be will would from but about been their there which what very my me on at so just
        your can do does did don't i'm it's get got all an or if when who how why out up
        more no""".split()
    ),
    "fr": set(
        """le les et est sont des du un une pour avec dans nous vous ils elles pas que qui
        ce cette sur au aux été très ne mais leur notre votre je c'est n'est j'ai il elle
        ou où on ça suis avons être avoir fait plus bien aussi encore tout tous merci
        beaucoup""".split()
    ),
    "es": set(
        """el los las y es son del un una para con nosotros ustedes ellos que por este esta
        muy pero su sus fue está están hemos han lo al mi mis yo tu te me se hay como más
        ya hoy todo todos nada eso esto bien ser estar tiene tienen hace porque cuando sin
        también donde quiero gracias no estamos somos tenemos queremos nuestro nuestra nuestros
        nadie nunca ningún ninguna""".split()
    ),
}
_SHARED = {
    w for lang in _LANG_MARKERS for w in _LANG_MARKERS[lang] if sum(w in other for other in _LANG_MARKERS.values()) > 1
}
for _markers in _LANG_MARKERS.values():
    _markers -= _SHARED
_FR_CHARS = set("àâçèêëîïôœùûÿ")
_ES_CHARS = set("ñ¿¡áíóú")
# links, @mentions and #hashtags say nothing of the language of a message
_NOISE_RE = re.compile(r"https?://\S+|www\.\S+|[@#][\w_]+", re.UNICODE)


def language_scores(text):
    """Evidence for en, fr, es in ``text`` (function words and accents): {lang: score}."""
    lowered = _NOISE_RE.sub(" ", text.lower())
    scores = {lang: 0.0 for lang in _LANG_MARKERS}
    for word in WORD_RE.findall(lowered):
        for lang, markers in _LANG_MARKERS.items():
            if word in markers:
                scores[lang] += 1
        if "'" in word or "’" in word:
            head = re.split(r"['’]", word)[0]
            if head in ("l", "d", "j", "n", "c", "qu", "s", "m", "t"):
                scores["fr"] += 1
            elif word.endswith(("n't", "n’t", "'s", "'re", "'ve", "'ll", "'m", "'d")):
                scores["en"] += 1
    for char in lowered:
        if char in _FR_CHARS:
            scores["fr"] += 0.5
        elif char in _ES_CHARS:
            scores["es"] += 0.7
        elif char == "é":
            scores["fr"] += 0.25
            scores["es"] += 0.1
    return scores


def detect_language(text, default="en"):
    """Return one of ``en``, ``fr``, ``es``, ``zh`` (``default`` when unclear)."""
    if not text:
        return default
    cjk = len(CJK_RE.findall(text))
    letters = sum(1 for c in text if c.isalpha())
    if cjk and (cjk >= 0.3 * max(letters, 1) or cjk >= 8):
        return "zh"
    scores = language_scores(text)
    best = max(scores, key=scores.get)
    if scores[best] == 0:
        return "zh" if cjk else default
    return best


def split_sentences(text):
    """Split a text into sentences (Latin and Chinese punctuation)."""
    if not text:
        return []
    parts = SENTENCE_RE.split(text)
    return [p.strip() for p in parts if p and p.strip()]


def _cjk_tokens(run):
    if jieba is not None:
        return [t for t in jieba.lcut(run) if t.strip()]
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def raw_tokens(text):
    """Surface tokens, lower-cased, in reading order (words and CJK words/bigrams)."""
    tokens = []
    if not text:
        return tokens
    pos = 0
    for match in CJK_RUN_RE.finditer(text):
        tokens.extend(WORD_RE.findall(text[pos : match.start()].lower()))
        tokens.extend(_cjk_tokens(match.group()))
        pos = match.end()
    tokens.extend(WORD_RE.findall(text[pos:].lower()))
    return tokens


def light_stem(word):
    """Very light suffix stripping shared by en/fr/es (plurals, common endings)."""
    if len(word) <= 4 or CJK_RE.search(word):
        return word
    for suffix in (
        "ements",
        "ement",
        "ations",
        "ation",
        "aciones",
        "ación",
        "acion",
        "ings",
        "ing",
        "ies",
        "es",
        "s",
        "x",
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            if suffix == "ies":
                return word[:-3] + "y"
            if suffix in ("ations", "ation", "aciones", "ación", "acion"):
                return word[: -len(suffix)] + "at"
            return word[: -len(suffix)]
    return word


# concept index: accent-free surface form -> concept key; Chinese forms matched as substrings
_CONCEPT_WORDS = {}
_CONCEPT_PREFIXES = {}
_CONCEPT_ZH = []
for _key, _forms in CONCEPTS.items():
    for _lang, _words in _forms.items():
        for _word in _words:
            if _lang == "zh":
                _CONCEPT_ZH.append((_word, _key))
            elif _word.endswith("*"):
                _CONCEPT_PREFIXES[strip_accents(_word[:-1])] = _key
            else:
                _CONCEPT_WORDS[strip_accents(_word)] = _key
_CONCEPT_ZH.sort(key=lambda item: -len(item[0]))
_MIN_PREFIX = min((len(p) for p in _CONCEPT_PREFIXES), default=3)


def concept_of(word):
    """Concept key of an accent-free word, or None."""
    key = _CONCEPT_WORDS.get(word)
    if key:
        return key
    for size in range(len(word), _MIN_PREFIX - 1, -1):
        key = _CONCEPT_PREFIXES.get(word[:size])
        if key:
            return key
    return None


def zh_concepts(text):
    """Concept keys found in the Chinese parts of a text."""
    found = []
    for run in CJK_RUN_RE.findall(text or ""):
        for word, key in _CONCEPT_ZH:
            if word in run:
                found.append(key)
                run = run.replace(word, " ")
    return found


def terms(text, lang=None):
    """Normalised terms of a text for similarity and themes.

    Each content word gives its light stem; words of the embedded multilingual
    concept list also give a language-independent ``#concept`` term, which is
    what lets "water", "eau", "agua" and "水" meet.
    """
    out = []
    for token in raw_tokens(text):
        if CJK_RE.search(token):
            if token in STOPWORDS["zh"] or len(token) < 2 and jieba is None:
                continue
            out.append(token)
            continue
        plain = strip_accents(token)
        for piece in re.split(r"['’]", plain):
            if len(piece) < 3 or piece in ALL_STOPWORDS:
                continue
            concept = concept_of(piece)
            if concept:
                out.append("#" + concept)
            else:
                out.append(light_stem(piece))
    out.extend("#" + key for key in zh_concepts(text))
    return out


def concept_label(key, lang="en"):
    """Readable word for a concept in a language (first form, without wildcard)."""
    forms = CONCEPTS.get(key, {})
    words = forms.get(lang) or forms.get("en") or [key]
    return words[0].rstrip("*")
