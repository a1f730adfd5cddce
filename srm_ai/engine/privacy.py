# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Masking of personal data before any text leaves the server.

What is masked: links, email addresses, phone numbers, identity numbers (digits
or letters and digits), street addresses, dates of birth, and the names of
people and organisations, found three ways:

- the names of the people and organisations linked to the records sent
  (masked in any case, and their first and last names on their own);
- a gazetteer: every name of the register (and its streets), compared
  accent-free and case-free, with the usual transliterations (Müller/Mueller,
  ß/ss, ø/o...); register names are matched when written with a capital;
- a title followed by a capitalised name ("Mr Li", "Mme Dupont", "Sra. Ruiz",
  "李先生").

The work is done on tokens looked up in dictionaries: the cost does not grow
with the size of the register.
"""
import re
from datetime import date

from .text import ALL_STOPWORDS, strip_accents

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# international or local numbers: 7+ digits with optional +, spaces, dots, dashes, brackets
PHONE_RE = re.compile(r"(?<![\w])(?:\+|00)?\d[\d\s().-]{5,}\d(?![\w])")
URL_RE = re.compile(r"https?://\S+|www\.\S+")

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RE = re.compile(f"[{CJK}]")
# words of a name: letters, with inner apostrophes (O'Brien, not Martin's); hyphens separate words
NAME_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’](?![sS]\b)[^\W\d_]+)*")
NAME_GAP_RE = re.compile(r"[\s\-‐]{1,3}")
MAX_NAME_WORDS = 8

# ---------------------------------------------------------------------------
# identity numbers
# ---------------------------------------------------------------------------
ID_KEYWORDS = (
    r"ID|I\.D\.|identity|identification|passport|passeport|pasaporte|licen[cs]e|permis|carnet|"
    r"CNI|DNI|NIE|NIF|NIR|NSS|SSN|RUT|CURP|INE|c[ée]dula|carte d['’]identit[ée]"
)
ID_KEYWORDS_ZH = r"身份证(?:号码?)?|护照(?:号码?)?|证件(?:号码?)?"
ID_VALUE = r"(?=[A-Za-z0-9./-]*\d)[A-Za-z0-9][A-Za-z0-9./-]{3,}[A-Za-z0-9]"
ID_KEYWORD_RE = re.compile(
    rf"(?i)(?:(?<![\w])(?:{ID_KEYWORDS})(?![^\W\d_])|{ID_KEYWORDS_ZH})(?:\s*(?:card|number|no\.?|nº|n°|num(?:éro|ero)?\.?|#|号码?))?"
    rf"\s*[:：#]?\s*({ID_VALUE})"
)
# letters and digits mixed (AB123456, X1234567Z, 11010519491231002X, K-448-21)
ID_MIXED_RE = re.compile(
    r"(?<![\w-])(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){4,}(?![\w-])"
)

# ---------------------------------------------------------------------------
# street addresses
# ---------------------------------------------------------------------------
NAME_WORD = r"[^\W\d_][\w'’.-]*"
CAPITALISED_WORD = r"[^\W\d_a-zß-ÿ][\w'’-]*"
STREET_TYPES_EN = (
    r"Street|St|Road|Rd|Avenue|Ave|Av|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl|Square|Sq|"
    r"Terrace|Close|Crescent|Highway|Hwy|Row|Parkway|Pkwy|Alley|Gardens|Mews|Walk"
)
ADDRESS_EN_RE = re.compile(
    rf"(?<![\w])\d{{1,5}}[A-Za-z]?,?\s+(?:{NAME_WORD}\s+){{0,4}}(?:{STREET_TYPES_EN})\b\.?"
)
STREET_TYPES_LATIN = (
    r"rue|avenue|av\.|boulevard|bd|chemin|allée|allee|impasse|place|route|quai|cours|chaussée|chaussee|"
    r"lieu-dit|calle|c/|avenida|avda\.?|paseo|camino|carretera|plaza|callejón|callejon|pasaje|calzada|"
    r"travesía|travesia|ronda|rua"
)
ADDRESS_LATIN_RE = re.compile(
    rf"(?<![\w])(?:\d{{1,5}}(?:\s?(?:bis|ter|[A-Za-z]))?,?\s+)?(?i:{STREET_TYPES_LATIN})\s+"
    rf"(?:(?i:de|del|des|du|la|le|les|los|las|l['’]|d['’])\s*)*"
    rf"{CAPITALISED_WORD}(?:\s+(?:(?i:de|del|des|du|la|le|les|los|las|y|et)\s+)?{CAPITALISED_WORD}){{0,4}}"
    rf"(?:,?\s+(?:(?i:n[º°o]\.?|num\.?|número)\s*)?\d{{1,5}}(?:\s?(?:bis|ter|[A-Za-z])\b)?)?"
)
ADDRESS_ZH_RE = re.compile(
    rf"[{CJK}]{{1,12}}(?:路|街|大道|道|巷|弄|胡同|里)\s*\d+\s*(?:号|號)(?:\s*\d+\s*(?:栋|楼|单元|室))*"
)

# ---------------------------------------------------------------------------
# dates (of birth)
# ---------------------------------------------------------------------------
MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    r"janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
)
DATE_RE = re.compile(
    r"(?<![\w/.-])(?:"
    r"(?P<y1>\d{4})[./-]\d{1,2}[./-]\d{1,2}"
    r"|\d{1,2}[./-]\d{1,2}[./-](?P<y2>\d{4}|\d{2})"
    rf"|\d{{1,2}}(?:st|nd|rd|th|er|º)?\s+(?:de\s+|of\s+)?(?i:{MONTHS})\.?,?\s+(?:de\s+)?(?P<y3>\d{{4}})"
    rf"|(?i:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?P<y4>\d{{4}})"
    r")(?![\w/-])"
    r"|(?<!\d)(?P<y5>\d{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
)
BIRTH_RE = re.compile(
    r"(?i)(?:(?<![\w])(?:born|birth|birthday|d\.o\.b\.?|dob|né|née|naissance|nacid[oa]s?|nacimiento)(?![\w])"
    r"|出生|生日|生于)"
)
BIRTH_YEAR_RE = re.compile(
    r"(?i)((?:born|né|née|nacid[oa])\s+(?:in|en|el año|en el año)?\s*|(?:出生于|生于)\s*)(\d{4})(?![\d])"
)
SENTENCE_BREAK_RE = re.compile(r"[;!?。；！？\n]|\.\s+[^\W\d_]{2}")
ADULT_YEARS = 16  # a full date at least this old is taken for a date of birth

# ---------------------------------------------------------------------------
# titles
# ---------------------------------------------------------------------------
HONORIFICS = (
    r"Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lady|Lord|Madam|Mme|Mmes|Mlle|Mlles|M\.|MM\.|Monsieur|Messieurs|"
    r"Madame|Mademoiselle|Maître|Maitre|Sr|Sra|Srta|Señor|Senor|Señora|Senora|Señorita|Senorita|Don|Doña|"
    r"Dona|Dña|Chief|Elder|Pastor|Father|Imam|Rev|Mayor|Hon|Dra|Lic|Ing"
)
HONORIFIC_RE = re.compile(rf"(?<![\w])(?:{HONORIFICS})\.?[ \t]+({CAPITALISED_WORD})(?:[ \t]+({CAPITALISED_WORD}))?")
HONORIFIC_ZH_RE = re.compile(
    rf"([{CJK}]{{1,3}})(?=先生|女士|小姐|太太|夫人|老师|師傅|师傅|阿姨|大爷|大妈|老板|书记|主任|村长|同志)"
)
HONORIFIC_WORDS = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lady", "lord", "madam", "mme", "mmes",
    "mlle", "mlles", "monsieur", "messieurs", "madame", "mademoiselle", "maitre", "sr", "sra", "srta",
    "senor", "senora", "senorita", "don", "dona", "dna", "chief", "elder", "pastor", "father", "imam",
    "rev", "mayor", "hon", "dra", "lic", "ing",
}

TRANSLITERATION = str.maketrans(
    {
        "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
        "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th",
        "ı": "i", "ŀ": "l", "’": "'",
    }
)
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "ae", "Ö": "oe", "Ü": "ue"})


def normalise(word):
    """Accent-free, case-free form of a word (Dupónt, DUPONT, Dupont -> dupont)."""
    return strip_accents(word.translate(TRANSLITERATION)).casefold()


def spellings(word):
    """The forms a name word may be written in (Müller: muller, mueller)."""
    forms = {normalise(word)}
    if word.translate(UMLAUTS) != word:
        forms.add(normalise(word.translate(UMLAUTS)))
    return forms


def name_tokens(text):
    return NAME_TOKEN_RE.findall(text or "")


class Gazetteer:
    """Names (and streets) to look for, stored by their normalised words.

    ``strict`` gazetteers (the people linked to the records) mask a person's
    first or last name in any case; the register's names must be written with
    a capital (so that common words that are also somebody's name are left).
    """

    def __init__(self, strict=False):
        self.strict = strict
        self.full = {}  # tuple of normalised words -> (key, kind)
        self.parts = {}  # normalised word -> (key, kind)
        self.cjk = {}  # CJK name -> (key, kind)
        self.display = {}  # key -> name as written in the register
        self.max_words = 1
        self._cjk_re = None

    def __len__(self):
        return len(self.display)

    def add(self, name, kind="person"):
        name = " ".join((name or "").split())
        if len(name) < 2:
            return
        if kind not in ("person", "organisation", "address"):
            kind = "person"
        if CJK_RE.search(name):
            cjk = "".join(name.split())
            if len(cjk) >= 2:
                self.cjk.setdefault(cjk, (f"{kind}:{cjk}", kind))
                self.display.setdefault(f"{kind}:{cjk}", name)
                self._cjk_re = None
            return
        words = name_tokens(name)
        if not words:
            return
        key = f"{kind}:{' '.join(normalise(w) for w in words)}"
        self.display.setdefault(key, name)
        entry = (key, kind)
        for form in self._forms(words) if len(words) <= MAX_NAME_WORDS else ():
            if len(form) > 1 or kind == "organisation" and form[0] not in ALL_STOPWORDS and len(form[0]) > 2:
                self.full.setdefault(form, entry)
                self.max_words = max(self.max_words, len(form))
        if kind == "person":
            min_len = 3 if self.strict else 2
            for word in words:
                for form in spellings(word):
                    if len(form) >= min_len and form not in ALL_STOPWORDS and form not in HONORIFIC_WORDS:
                        self.parts.setdefault(form, entry)

    @staticmethod
    def _forms(words):
        forms = [()]
        for word in words:
            forms = [form + (spelling,) for form in forms for spelling in spellings(word)][:16]
        return forms

    def cjk_re(self):
        if self._cjk_re is None and self.cjk:
            names = sorted(self.cjk, key=len, reverse=True)
            self._cjk_re = re.compile("|".join(re.escape(n) for n in names))
        return self._cjk_re


class Masker:
    """Replace personal data by placeholders; the same name always gets the same
    placeholder within one Masker, and ``unmask`` puts names back for display.

    ``names`` is a list of (name, kind) with kind ``person`` or ``organisation``
    (the people and organisations linked to the records: always masked);
    ``gazetteer`` a :class:`Gazetteer` of the register; ``today`` the date from
    which dates of birth are told apart from the dates of events.
    """

    def __init__(self, names=(), gazetteer=None, today=None):
        self.linked = Gazetteer(strict=True)
        for name, kind in names:
            self.linked.add(name, kind)
        self.gazetteers = [self.linked] + ([gazetteer] if gazetteer is not None else [])
        self.today = today or date.today()
        self.placeholders = {}  # key -> placeholder
        self.originals = {}  # placeholder -> text shown by unmask
        self.counters = {}
        self.count = 0
        self._protected = []

    # placeholders --------------------------------------------------------

    def _placeholder(self, key, kind, surface):
        if key not in self.placeholders:
            prefix = {"person": "PERSON", "organisation": "ORG"}.get(kind, kind.upper())
            self.counters[prefix] = self.counters.get(prefix, 0) + 1
            placeholder = f"[{prefix}_{self.counters[prefix]}]"
            self.placeholders[key] = placeholder
            display = None
            for gazetteer in self.gazetteers:
                display = gazetteer.display.get(key)
                if display:
                    break
            self.originals[placeholder] = display or surface
        return self.placeholders[key]

    def _protect(self, value):
        """A marker standing for ``value`` until the end of ``mask``: later steps
        neither see nor change what was already replaced."""
        self._protected.append(value)
        index = len(self._protected) - 1
        return "\ue000" + "".join(chr(0xE010 + int(d, 16)) for d in f"{index:x}") + "\ue001"

    def _restore(self, text):
        def back(match):
            index = int("".join(f"{ord(c) - 0xE010:x}" for c in match.group(1)), 16)
            return self._protected[index]

        return re.sub("\ue000([\ue010-\ue01f]+)\ue001", back, text)

    def _replace(self, match, placeholder, group=0, end_group=None):
        """The text of ``match`` with the span of ``group`` (to the end of
        ``end_group``) replaced by ``placeholder``."""
        self.count += 1
        base = match.start(0)
        start = match.start(group) - base
        end = match.end(end_group if end_group is not None and match.group(end_group) else group) - base
        whole = match.group(0)
        return whole[:start] + self._protect(placeholder) + whole[end:]

    def _numbered(self, kind, surface):
        return self._placeholder(f"{kind}:{normalise(surface)}", kind, surface)

    # steps -----------------------------------------------------------------

    def _mask_dates(self, text):
        def birth_context(start):
            """A word about birth just before the date, in the same sentence."""
            window = text[max(0, start - 40) : start]
            for found in BIRTH_RE.finditer(window):
                gap = window[found.end() :]
                # (a date in between is the one the word is about)
                if len(gap) <= 20 and not SENTENCE_BREAK_RE.search(gap) and not DATE_RE.search(gap):
                    return True
            return False

        def sub(match):
            year = next(int(match.group(g)) for g in ("y1", "y2", "y3", "y4", "y5") if match.group(g))
            if year < 100:
                year += 1900 if year > self.today.year % 100 else 2000
            if birth_context(match.start()) or year <= self.today.year - ADULT_YEARS:
                return self._replace(match, self._numbered("DATE_OF_BIRTH", match.group(0)))
            # the date of an event: kept, and kept away from the phone number pattern
            return self._protect(match.group(0))

        text = DATE_RE.sub(sub, text)
        return BIRTH_YEAR_RE.sub(lambda m: self._replace(m, self._numbered("DATE_OF_BIRTH", m.group(2)), 2), text)

    def _mask_ids(self, text):
        text = ID_KEYWORD_RE.sub(lambda m: self._replace(m, self._numbered("ID", m.group(1)), 1), text)

        def mixed(match):
            value = match.group(0)
            if sum(c.isdigit() for c in value) < 3:
                return value
            return self._replace(match, self._numbered("ID", value))

        return ID_MIXED_RE.sub(mixed, text)

    def _mask_addresses(self, text):
        for pattern in (ADDRESS_ZH_RE, ADDRESS_LATIN_RE, ADDRESS_EN_RE):
            text = pattern.sub(lambda m: self._replace(m, self._numbered("ADDRESS", m.group(0).strip())), text)
        return text

    def _find(self, words, capitalised, parts=True):
        """The longest name starting at ``words[0]``: (number of words, key, kind).

        ``capitalised``: whether the register's names may match; ``parts``:
        whether a first or last name on its own may.
        """
        normalised = [normalise(w) for w in words]
        for gazetteer in self.gazetteers:
            if not gazetteer.strict and not capitalised:
                continue
            for size in range(min(gazetteer.max_words, len(words)), 0, -1):
                found = gazetteer.full.get(tuple(normalised[:size]))
                if found and (size > 1 or gazetteer.strict or capitalised):
                    return size, found[0], found[1]
        for gazetteer in self.gazetteers:
            if gazetteer.strict or capitalised and parts:
                found = gazetteer.parts.get(normalised[0])
                if found:
                    return 1, found[0], found[1]
        return None

    def _mask_honorifics(self, text):
        def sub(match):
            words = [w for w in match.groups() if w]
            found = self._find(words, True)
            if found:
                key, kind = found[1], found[2]
            else:
                key, kind = f"person:{' '.join(normalise(w) for w in words)}", "person"
            surface = match.group(0)[match.start(1) - match.start(0) :]
            return self._replace(match, self._placeholder(key, kind, surface), 1, 2)

        text = HONORIFIC_RE.sub(sub, text)
        return HONORIFIC_ZH_RE.sub(
            lambda m: self._replace(m, self._placeholder(f"person:{m.group(1)}", "person", m.group(1))), text
        )

    def _mask_cjk_names(self, text):
        for gazetteer in self.gazetteers:
            pattern = gazetteer.cjk_re()
            if pattern is None:
                continue

            def sub(match, gazetteer=gazetteer):
                key, kind = gazetteer.cjk[match.group(0)]
                self.count += 1
                return self._protect(self._placeholder(key, kind, match.group(0)))

            text = pattern.sub(sub, text)
        return text

    @staticmethod
    def _is_title(word):
        return word[:1].isupper() and not word.isupper()

    def _mask_names(self, text):
        tokens = [m for m in NAME_TOKEN_RE.finditer(text) if not CJK_RE.search(m.group(0))]
        if not tokens:
            return text
        longest = max(g.max_words for g in self.gazetteers)
        pieces = []
        position = index = 0
        while index < len(tokens):
            # the words that follow each other (spaces or hyphens between them)
            window = [tokens[index]]
            while len(window) < longest and index + len(window) < len(tokens):
                following = tokens[index + len(window)]
                if not NAME_GAP_RE.fullmatch(text[window[-1].end() : following.start()]):
                    break
                window.append(following)
            words = [m.group(0) for m in window]
            # a word in capitals is a name on its own only next to a capitalised word
            # (Jean DUPONT), not in a title or an acronym (PUBLIC NOTICE, NGO)
            first = words[0]
            neighbours = tokens[max(index - 1, 0) : index] + tokens[index + 1 : index + 2]
            parts = (
                not first.isupper()
                or len(first) < 2
                or any(
                    self._is_title(neighbour.group(0))
                    and NAME_GAP_RE.fullmatch(
                        text[min(neighbour.end(), window[0].end()) : max(neighbour.start(), window[0].start())]
                    )
                    for neighbour in neighbours
                )
            )
            found = self._find(words, first[0].isupper(), parts)
            if not found:
                index += 1
                continue
            size, key, kind = found
            start, end = window[0].start(), window[size - 1].end()
            pieces.append(text[position:start])
            pieces.append(self._protect(self._placeholder(key, kind, text[start:end])))
            self.count += 1
            position = end
            index += size
        pieces.append(text[position:])
        return "".join(pieces)

    # public ----------------------------------------------------------------

    def mask(self, text):
        if not text:
            return text or ""
        self._protected = []

        def sub(pattern, replacement, value):
            def one(match):
                self.count += 1
                return self._protect(replacement)

            return pattern.sub(one, value)

        text = sub(URL_RE, "[URL]", text)
        text = sub(EMAIL_RE, "[EMAIL]", text)
        text = self._mask_dates(text)
        text = self._mask_ids(text)
        text = sub(PHONE_RE, "[PHONE]", text)
        text = self._mask_addresses(text)
        text = self._mask_honorifics(text)
        text = self._mask_cjk_names(text)
        text = self._mask_names(text)
        return self._restore(text)

    def unmask(self, text):
        """Put the real names back into a provider's answer (for display only)."""
        if not text:
            return text
        for placeholder, original in self.originals.items():
            text = text.replace(placeholder, original)
        return text
