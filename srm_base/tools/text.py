# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Text normalisation shared by the SRM modules.

One accent stripper, one tokeniser and one list of stop words (English, French,
Spanish, Chinese) for everything that compares or counts words: the themes of
consultation answers (srm_consultation) and srm_ai's offline engine (its terms,
lexicons and name masking). Pure Python with no Odoo import, so that srm_ai's
engine can use it when it runs on its own.
"""

import re
import unicodedata

# a word: letters (of any script), with one inner apostrophe ("l'eau", "don't")
WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
APOSTROPHE_RE = re.compile(r"['’]")
_SPACES_RE = re.compile(r"\s+")


def strip_accents(text):
    """Lower-case, accent-free form used to compare words across spellings.

    ``"Éducation"`` and ``"EDUCACIÓN"`` give ``"education"`` and ``"educacion"``;
    letters without a decomposition (``œ``, ``ß``, Chinese) are kept as they are.
    """
    text = unicodedata.normalize("NFKD", (text or "").lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def normalize(text):
    """:func:`strip_accents` with runs of white space made one space, and trimmed:
    the form in which two names or keywords are the same."""
    return _SPACES_RE.sub(" ", strip_accents(text)).strip()


def words(text):
    """The words of a text in reading order, accent-free and lower-case.

    Elisions are split (``"l'eau"`` gives ``"l"`` and ``"eau"``); digits and
    punctuation separate words; a run of Chinese characters is one word (srm_ai's
    engine segments Chinese itself).
    """
    return [piece for word in WORD_RE.findall(strip_accents(text)) for piece in APOSTROPHE_RE.split(word) if piece]


# Function words of each language (as written, accents kept): they never make a
# term, a theme or a name on their own.
STOPWORDS = {
    "en": set(
        """a about above after again against all also am an and any are as at be because been
        before being below between both but by can could did do does doing down during each few
        for from further had has have having he her here hers herself him himself his how i if in
        into is it its itself just me more most my myself now of off on once only or other our
        ours ourselves out over own same she should so some such than that the their theirs them
        themselves then there these they this those through to too under until up very was we
        were what when where which while who whom why will with would you your yours yourself
        yourselves us said says told asked also would could may might shall must let lets get got
        one two three per via re mr mrs ms dr every
        not no nor cannot still yet again already""".split()
    ),
    "fr": set(
        """au aux avec ce ces dans de des du elle elles en et eux il ils je la le les leur leurs lui
        ma mais me même mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son
        sur ta te tes toi ton tu un une vos votre vous c d j l à m n s t y été étée étées étés étant
        suis es est sommes êtes sont serai sera serons seront serais serait étais était étions
        étiez étaient fus fut ai as avons avez ont aurai aura aurons auront avais avait avions
        aviez avaient eu être avoir cette cet ceci cela ça comme aussi alors donc car si sans sous
        entre vers chez dont où lors leurs tous tout toute toutes plus moins très bien fait faire
        qu'il qu'elle c'est n'est l'on d'un d'une
        non toujours encore déjà""".split()
    ),
    "es": set(
        """de la que el en y a los del se las por un para con no una su al lo como más pero sus le
        ya o este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien
        desde todo nos durante todos uno les ni contra otros ese eso ante ellos e esto mí antes
        algunos qué unos yo otro otras otra él tanto esa estos mucho quienes nada muchos cual poco
        ella estar estas algunas algo nosotros mi mis tú te ti tu tus ellas nosotras vosotros
        vosotras os mío mía míos mías tuyo tuya suyo suya nuestro nuestra vuestro vuestra esos
        esas estoy estás está estamos estáis están es son fue fueron ser era eran ha han he hemos
        habían había tiene tienen tener hacer hace dijo usted ustedes
        todavía aún vez""".split()
    ),
    "zh": set(
        """的 了 和 是 就 都 而 及 与 着 或 一个 没有 我们 你们 他们 她们 它们 我 你 他 她 它 这 那 这个 那个 在 也 有
        对 把 被 让 给 向 从 到 为 为了 之 其 此 等 等等 并 及其 以及 吗 呢 吧 啊 呀 嘛 哦 于 上 下 中 里 说 表示
        会 要 能 可以 已经 还 又 再 很 非常 还是 这些 那些 什么 怎么 如何 因为 所以 但是 如果 虽然 然后""".split()
    ),
}
# the stop words of each language and of all of them, accent-free ("deja" for "déjà")
PLAIN_STOPWORDS = {lang: frozenset(strip_accents(w) for w in ws) for lang, ws in STOPWORDS.items()}
# every language's stop words, as written and accent-free
ALL_STOPWORDS = frozenset(set().union(*STOPWORDS.values(), *PLAIN_STOPWORDS.values()))


def is_stopword(word, lang=None):
    """Whether ``word`` is a stop word of ``lang`` (of any language when not given),
    case and accents ignored."""
    return strip_accents(word) in (PLAIN_STOPWORDS.get(lang, frozenset()) if lang else ALL_STOPWORDS)
