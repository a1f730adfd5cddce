#!/usr/bin/env python3
# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Themes and similar records across languages: how srm_ai's engine groups and
ranks community complaints written in English, French, Spanish and Chinese.

    python3 tests/benchmarks/bench_themes.py [--tune] [--leave-out CONCERNS [--more]]
    python3 tests/benchmarks/bench_themes.py --file my_complaints.tsv [--similar my_duplicates.tsv]

Data (written for this benchmark, under ``data/``):
- ``themes_multilingual.tsv``: complaints about six concerns (water, dust, jobs,
  compensation, noise, road), three per concern in each of the four languages,
  the same complaint in each language. Themes are scored with the adjusted Rand
  index (ARI) and purity against the concerns, on the four-concern subset (water,
  dust, jobs, compensation) and on all six. The test set: nothing is chosen on it.
- ``themes_dev.tsv``: the development set, on which the concern projection's
  shrinkage, size, weight and threshold were chosen: ten concerns, five complaints
  per concern in each language, each its own complaint (not translations). Scored
  on all ten concerns and, as the mean ARI, on 40 sets of four concerns drawn at
  random (each grouped on its own).
- ``similar_grievances.tsv``: eight incidents, each reported six times in the
  four languages; three incidents are about water, so the same subject is not
  enough. Similar records are scored by precision at 5: the share of the five
  closest records that report the same incident (five duplicates exist).

Each is run with TF-IDF and concepts only, with raw embeddings (no centring),
with embeddings centred per language, and with the concern vectors of
``train_themes.py`` as well (what srm_ai runs). ``--tune`` searches the blend
weight, rescaling and theme threshold of the centred embeddings on the grievances
(grouped by subject) and reports them on the themes set, which the search never
sees. ``--leave-out water_supply,water_quality`` trains the projection without
the complaints of those concerns (``themes_train.tsv``'s names) first, to see how
it groups concerns it never saw.

``--file`` groups complaints of your own instead of the project's sets, in every
mode: a UTF-8 file of ``concern<TAB>lang<TAB>text`` lines (lines starting with
``#`` are skipped; the language column is only reported, the engine detects it),
scored as a whole and, when it has more than four concerns, as the mean of sets
of four. ``--similar`` scores similar records on a file of your own, of
``incident<TAB>lang<TAB>text`` lines (several reports of each incident).
"""

import argparse
import itertools
import os
import random
import sys
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "srm_ai"))

from engine import embeddings, similarity, themes  # noqa: E402

THEMES = os.path.join(HERE, "data", "themes_multilingual.tsv")
DEV = os.path.join(HERE, "data", "themes_dev.tsv")
SIMILAR = os.path.join(HERE, "data", "similar_grievances.tsv")
FOUR = ("water", "dust", "jobs", "compensation")
# the training concerns (themes_train.tsv) a theme of each measured concern may be named after
NAMED_AS = {
    "water": {"water_quality", "water_supply"},
    "dust": {"dust", "air_smoke_smell"},
    "dust_air": {"dust", "air_smoke_smell"},
    "jobs": {"local_jobs", "suppliers_contracts"},
    "compensation": {"compensation", "land_acquisition"},
    "land_compensation": {"land_acquisition", "compensation", "resettlement"},
    "noise": {"noise", "blasting_cracks"},
    "noise_blasting": {"noise", "blasting_cracks"},
    "road": {"road_safety", "roads_access"},
    "road_safety": {"road_safety", "roads_access"},
    "health": {"health"},
    "heritage": {"heritage"},
    "livelihoods_fishing": {"fishing", "farming_livestock"},
    "workers_conduct": {"workers_conduct", "security_forces"},
}
SUBJECT = {
    "dry_well": "water",
    "oil_canal": "water",
    "dead_fish": "water",
    "school_dust": "dust",
    "cracks": "noise",
    "unpaid_land": "compensation",
    "near_miss": "road",
    "hiring": "jobs",
}


def load(path):
    rows = []
    with open(path, encoding="utf-8") as data:
        for number, line in enumerate(data, 1):
            if line.strip() and not line.startswith("#"):
                parts = line.rstrip("\n").split("\t", 2)
                if len(parts) != 3:
                    sys.exit(f"{path}, line {number}: expected group<TAB>lang<TAB>text")
                rows.append(tuple(parts))
    return rows


def ari_purity(truth, predicted):
    from sklearn.metrics import adjusted_rand_score

    clusters = {}
    for t, p in zip(truth, predicted, strict=True):
        clusters.setdefault(p, []).append(t)
    purity = sum(Counter(m).most_common(1)[0][1] for m in clusters.values()) / len(truth)
    return adjusted_rand_score(truth, predicted), purity


PREVIOUS = (0.4, 0.78, 0.17)  # blend and rescaling of e5 cosines before centring


class _Raw:
    """Embeddings as they come (no centring), with the rescaling made for them."""

    def __enter__(self):
        self.saved = (
            similarity.language_means(),
            similarity.LEXICAL_WEIGHT,
            similarity.SEMANTIC_FLOOR,
            similarity.SEMANTIC_SPAN,
            similarity.CENTRE_PRIOR,
            similarity._projection,
        )
        similarity._means = {}
        similarity._projection = ()
        similarity.LEXICAL_WEIGHT, similarity.SEMANTIC_FLOOR, similarity.SEMANTIC_SPAN = PREVIOUS
        similarity.CENTRE_PRIOR = 10**9

    def __exit__(self, *_exc):
        (
            similarity._means,
            similarity.LEXICAL_WEIGHT,
            similarity.SEMANTIC_FLOOR,
            similarity.SEMANTIC_SPAN,
            similarity.CENTRE_PRIOR,
            similarity._projection,
        ) = self.saved


class _NoConcerns:
    """Centred embeddings without the concern vectors (as before the projection)."""

    def __enter__(self):
        self.saved = similarity._projection
        similarity._projection = ()

    def __exit__(self, *_exc):
        similarity._projection = self.saved


class _Same:
    def __enter__(self):
        return self

    def __exit__(self, *_exc):
        return None


def _context(mode):
    return _Raw() if mode == "raw" else _NoConcerns() if mode == "centred" else _Same()


def four_concern_sets(rows, size=4, count=40, seed=5):
    """Indexes of the rows of ``count`` sets of ``size`` concerns drawn at random."""
    topics = sorted({r[0] for r in rows})
    combos = list(itertools.combinations(topics, size))
    chosen = random.Random(seed).sample(combos, min(count, len(combos)))
    return [[i for i, r in enumerate(rows) if r[0] in combo] for combo in chosen]


def run_subsets(rows, vectors, mode):
    """Mean ARI over sets of four concerns drawn at random, each grouped alone."""
    from statistics import mean

    scores = []
    for idx in four_concern_sets(rows):
        scores.append(run_themes([rows[i] for i in idx], None if vectors is None else vectors[idx], mode)[0])
    return mean(scores), min(scores)


def names_report(rows, vectors):
    """How the themes (of three texts or more) of a set and of its sets of four concerns are
    named: a theme of one concern (70 % of its texts) after that concern, after another one,
    or not after a training concern; a theme of several, after a third one."""
    keys = list(train_concerns())
    names = {n["en"]: keys[i] for i, n in enumerate(similarity.topic_projection()[3])}
    counts = Counter()
    for idx in [list(range(len(rows)))] + four_concern_sets(rows):
        sub = [rows[i] for i in idx]
        for theme in run_themes(sub, vectors[idx], "concerns")[4]:
            if theme["size"] < 3:
                continue
            found = Counter(sub[k][0] for k in theme["keys"]).most_common(2)
            named = [names.get(part) for part in theme["label"].split(" / ")]
            if None in named:
                counts["one concern, not named" if found[0][1] >= 0.7 * theme["size"] else "several, not named"] += 1
            elif found[0][1] >= 0.7 * theme["size"]:
                right = named[0] in NAMED_AS.get(found[0][0], ())
                counts["one concern, named after it" if right else "one concern, named after another"] += 1
            else:
                allowed = set().union(*(NAMED_AS.get(concern, set()) for concern, _n in found))
                counts["several, named after theirs" if set(named) <= allowed else "several, after a third"] += 1
    return ", ".join(f"{label}: {n}" for label, n in sorted(counts.items()))


def train_concerns():
    import json

    with open(similarity.topic_projection_path(), encoding="utf-8") as data:
        return json.load(data)["concerns"]


def run_themes(rows, vectors, mode, threshold=None):
    documents = [(i, text) for i, (_g, _l, text) in enumerate(rows)]
    kwargs = {"min_size": 1, "use_embeddings": mode != "tfidf"}
    if threshold is not None:
        kwargs["threshold"] = threshold
    if mode != "tfidf":
        kwargs["vectors"] = vectors
    with _context(mode):
        found, _method = themes.find_themes(documents, **kwargs)
    predicted = [None] * len(rows)
    for number, theme in enumerate(found):
        for key in theme["keys"]:
            predicted[key] = number
    predicted = [p if p is not None else f"single{i}" for i, p in enumerate(predicted)]
    ari, purity = ari_purity([r[0] for r in rows], predicted)
    mixed = sum(1 for t in found if len(t["langs"]) > 1)
    return ari, purity, len(found), mixed, found


def precision_at(rows, vectors, mode, k=5):
    hits = 0
    for i, (incident, _lang, text) in enumerate(rows):
        candidates = [(j, r[2]) for j, r in enumerate(rows) if j != i]
        kwargs = {}
        if mode != "tfidf":
            kwargs = {"query_vector": vectors[i], "candidate_vectors": {j: vectors[j] for j, _t in candidates}}
        with _context(mode):
            top = similarity.most_similar(text, candidates, k=k, min_score=-1, **kwargs)
        hits += sum(1 for r in top if rows[r["key"]][0] == incident)
    return hits / (k * len(rows))


def tune(grievances, g_vectors):
    """Blend weight, rescaling and threshold that group the grievances by subject best."""
    rows = [(SUBJECT[g], lang, text) for g, lang, text in grievances]
    best = None
    for weight in (0.0, 0.15, 0.3, 0.45):
        for floor in (0.0, 0.05, 0.1, 0.15):
            for span in (0.3, 0.45, 0.6):
                similarity.LEXICAL_WEIGHT, similarity.SEMANTIC_FLOOR, similarity.SEMANTIC_SPAN = weight, floor, span
                p5 = precision_at(grievances, g_vectors, "centred")
                for threshold in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4):
                    ari, _p, _n, _m, _f = run_themes(rows, g_vectors, "centred", threshold)
                    score = ari + p5
                    if best is None or score > best[0]:
                        best = (score, weight, floor, span, threshold, ari, p5)
    return best


def print_sets(sets, modes, threshold, shown):
    """ARI, purity and counts of each set in each mode; the themes of the last mode."""
    for name, all_rows, all_vectors, keep in sets:
        idx = [i for i, r in enumerate(all_rows) if keep is None or r[0] in keep]
        rows = [all_rows[i] for i in idx]
        for mode in modes:
            vectors = all_vectors[idx] if all_vectors is not None else None
            ari, purity, count, mixed, found = run_themes(rows, vectors, mode, threshold if mode == "centred" else None)
            print(f"{name:<32} {mode:<8} {ari:6.3f} {purity:7.3f} {count:7d} {mixed:13d}")
            if mode == modes[-1]:
                for theme in found[:shown]:
                    topics = ", ".join(f"{t} {n}" for t, n in Counter(rows[k][0] for k in theme["keys"]).most_common())
                    print(f"{'':<41}- {theme['label']} ({theme['size']}: {topics}; {', '.join(theme['langs'])})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tune", action="store_true")
    parser.add_argument(
        "--leave-out", default="", help="concerns of themes_train.tsv the projection is trained without"
    )
    parser.add_argument(
        "--more", action="store_true", help="with --leave-out: train as train_themes.py --more (every training file)"
    )
    parser.add_argument("--file", action="append", default=[], help="complaints of your own (see above)")
    parser.add_argument("--similar", help="reports of incidents of your own (see above)")
    args = parser.parse_args()
    theme_rows = load(THEMES)
    dev_rows = load(DEV)
    grievances = load(args.similar or SIMILAR)
    own = [(os.path.basename(path)[:24], load(path)) for path in args.file]
    modes = ["tfidf"]
    t_vectors = d_vectors = g_vectors = None
    own_vectors = [None] * len(own)
    if embeddings.available():
        from embed_cache import EmbeddingCache

        cache = EmbeddingCache(shard="themes")
        t_vectors = cache.embed([r[2] for r in theme_rows], progress=False)
        d_vectors = cache.embed([r[2] for r in dev_rows], progress=False)
        g_vectors = cache.embed([r[2] for r in grievances], progress=False)
        own_vectors = [cache.embed([r[2] for r in rows], progress=False) for _name, rows in own]
        cache.save()
        modes += ["raw", "centred"]
        if not similarity.language_means():
            print("no language means shipped for this embedding model: centred = raw")
        if args.leave_out:
            import train_themes

            left = set(args.leave_out.split(","))
            rows = [r for r in train_themes.load_training(args.more) if r[0] not in left]
            groups = train_themes.LDA_GROUPS if args.more else {}
            matrix, mean, centroids = train_themes.fit(rows, groups=groups)
            names = [dict(zip(train_themes.LANGS, train_themes.NAMES[c], strict=True)) for c in centroids]
            similarity._projection = (matrix, mean, embeddings.np.vstack(list(centroids.values())), names)
            print(f"concern projection trained without: {', '.join(sorted(left))}")
        if similarity.topic_projection() is not None:
            modes.append("concerns")
        else:
            print("no concern projection shipped for this embedding model")
    else:
        print(f"embeddings unavailable ({embeddings.unavailable_reason()}): TF-IDF and concepts only")
    threshold = None
    if args.tune and g_vectors is not None:
        best = tune(grievances, g_vectors)
        _s, weight, floor, span, threshold, ari, p5 = best
        similarity.LEXICAL_WEIGHT, similarity.SEMANTIC_FLOOR, similarity.SEMANTIC_SPAN = weight, floor, span
        print(
            f"tuned on the grievances: lexical weight {weight}, floor {floor}, span {span}, "
            f"threshold {threshold} (subject ARI {ari:.3f}, P@5 {p5:.3f})"
        )
    print(f"{'set':<32} {'mode':<8} {'ARI':>6} {'purity':>7} {'themes':>7} {'multilingual':>13}")
    sets = [
        ("test: 4 concerns x 4 langs", theme_rows, t_vectors, FOUR),
        ("test: 6 concerns x 4 langs", theme_rows, t_vectors, None),
        ("dev: 10 concerns x 4 langs", dev_rows, d_vectors, None),
    ]
    subsets = [
        ("test: the 15 sets of 4 concerns", theme_rows, t_vectors),
        ("dev: 40 sets of 4 concerns", dev_rows, d_vectors),
    ]
    if own:
        sets = [(name, rows, vectors, None) for (name, rows), vectors in zip(own, own_vectors, strict=True)]
        subsets = [
            (f"{name}: sets of 4", rows, vectors)
            for (name, rows), vectors in zip(own, own_vectors, strict=True)
            if len({r[0] for r in rows}) > 4
        ]
    print_sets(sets, modes, threshold, 12 if own else 8)
    for name, all_rows, all_vectors in subsets:
        for mode in modes:
            mean_ari, worst = run_subsets(all_rows, all_vectors, mode)
            print(f"{name:<32} {mode:<8} {mean_ari:6.3f} (mean ARI; lowest {worst:.3f})")
    if "concerns" in modes and not own and not args.leave_out:
        for name, all_rows, all_vectors in (("test", theme_rows, t_vectors), ("dev", dev_rows, d_vectors)):
            print(f"names, {name} set and its sets of four concerns: {names_report(all_rows, all_vectors)}")
    print()
    for mode in modes:
        if mode == "concerns":
            continue  # similar records compare incidents: the concern vectors are for themes only
        p5 = precision_at(grievances, g_vectors, mode)
        print(f"similar records, P@5 over {len(grievances)} grievances ({mode}): {p5:.3f}")
    if embeddings.available() and not own:
        # time of an analysis: the training complaints, half this period and half the previous one
        import train_themes

        rows = load(train_themes.TRAIN)
        vectors = EmbeddingCache(shard="train").embed([r[2] for r in rows], progress=False)
        current = [(i, rows[i][2]) for i in range(0, len(rows), 2)]
        previous = [(i, rows[i][2]) for i in range(1, len(rows), 2)]
        start = time.perf_counter()
        found, _method = themes.find_themes(current, previous, vectors=vectors[0::2], previous_vectors=vectors[1::2])
        print(
            f"\nthemes of {len(current)} texts against {len(previous)} of the previous period "
            f"(embeddings given): {time.perf_counter() - start:.2f} s, {len(found)} themes"
        )


if __name__ == "__main__":
    main()
