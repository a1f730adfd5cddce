# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import BaseCase, tagged

from odoo.addons.srm_ai import engine


@tagged("post_install", "-at_install")
class TestEngine(BaseCase):
    """The offline engine on its own: no database, no optional package needed."""

    CLEAR = [
        ("en", "The meeting was very productive, thank you for listening to us.", 1),
        ("en", "We are angry: the dust is unbearable and nobody answers our complaints.", -1),
        ("en", "This is not good at all.", -1),
        ("fr", "La réunion était très constructive, merci beaucoup.", 1),
        ("fr", "Nous sommes très mécontents, l'eau est polluée et personne ne répond.", -1),
        ("fr", "Ce n'est pas acceptable.", -1),
        ("es", "La reunión fue excelente, gracias por su apoyo.", 1),
        ("es", "Estamos muy enojados, el agua está contaminada y no pagaron la compensación.", -1),
        ("es", "No estamos satisfechos.", -1),
        ("zh", "会议很有成效，非常感谢你们的支持。", 1),
        ("zh", "我们非常不满意，水被污染了，没有人回应我们的投诉。", -1),
        ("zh", "质量不好", -1),
    ]

    def test_sentiment_signs_in_four_languages(self):
        for lang, text, sign in self.CLEAR:
            result = engine.sentiment.analyse(text)
            self.assertEqual(result["lang"], lang, text)
            self.assertEqual(result["score"] > 0, sign > 0, f"{text}: {result}")
            self.assertEqual(result["label"], "positive" if sign > 0 else "negative", text)
            # the embedded lexicon alone gets the sign right too (no optional package)
            lexicon, _lang, hits = engine.sentiment.lexicon_score(text, lang)
            self.assertTrue(hits, text)
            self.assertEqual(lexicon > 0, sign > 0, text)

    def test_negation_intensifier_contrast(self):
        good = engine.sentiment.lexicon_score("The road is good.", "en")[0]
        very_good = engine.sentiment.lexicon_score("The road is very good.", "en")[0]
        not_good = engine.sentiment.lexicon_score("The road is not good.", "en")[0]
        self.assertGreater(very_good, good)
        self.assertLess(not_good, 0)
        mixed = engine.sentiment.lexicon_score("The project is good but the noise is terrible.", "en")[0]
        self.assertLess(mixed, 0)
        self.assertEqual(engine.sentiment.analyse("")["label"], "neutral")

    def test_language_detection(self):
        self.assertEqual(engine.text.detect_language("Le bruit des camions est insupportable la nuit."), "fr")
        self.assertEqual(engine.text.detect_language("El ruido de los camiones es insoportable."), "es")
        self.assertEqual(engine.text.detect_language("The noise of the trucks is unbearable."), "en")
        self.assertEqual(engine.text.detect_language("卡车的噪音让人无法忍受。"), "zh")

    def test_concepts_cross_languages(self):
        for text in ("water", "L'eau", "el agua", "饮用水"):
            self.assertIn("#water", engine.text.terms(text), text)

    def test_masking(self):
        masker = engine.privacy.Masker([("Jean Dupont", "person"), ("Acme Mining", "organisation")])
        masked = masker.mask("Jean Dupont (jean@x.org, +33 6 12 34 56 78) said Dupont and ACME MINING disagree.")
        for secret in ("Jean", "Dupont", "jean@x.org", "12 34", "ACME"):
            self.assertNotIn(secret, masked)
        self.assertIn("[PERSON_1]", masked)
        self.assertIn("[EMAIL]", masked)
        self.assertIn("[PHONE]", masked)
        self.assertEqual(masker.unmask("Meet [PERSON_1]"), "Meet Jean Dupont")

    def test_masking_with_the_register(self):
        from datetime import date

        register = engine.privacy.Gazetteer()
        for name, kind in (
            ("Pierre Martin", "person"),
            ("José García", "person"),
            ("Hans Müller", "person"),
            ("Søren Kierkegaard", "person"),
            ("王秀英", "person"),
            ("Hill Farm Cooperative", "organisation"),
            ("Mark Wood", "person"),
        ):
            register.add(name, kind)
        masker = engine.privacy.Masker([], register, today=date(2026, 6, 1))
        masked = masker.mask(
            "Pierre Martin's neighbours, Jose Garcia, Hans Mueller, Soren Kierkegaard, Mr Li, Sra. Ruiz and "
            "李先生 met the Hill Farm cooperative. 王秀英说水很脏。 Martin DOB 03/04/1975, ID AB123456, "
            "DNI 12345678Z, 身份证11010519491231002X, address 221B Baker Street and 12 rue Victor Hugo, "
            "born in 1962. Meeting of 2026-05-12. We will mark the wood."
        )
        for secret in (
            "Pierre", "Martin", "Jose", "Garcia", "Hans", "Mueller", "Soren", "Kierkegaard", "Li,", "Ruiz", "李",
            "王秀英", "Hill Farm", "1975", "AB123456", "12345678Z", "11010519491231002X", "Baker",
            "Victor Hugo", "1962",
        ):
            self.assertNotIn(secret, masked)
        # events, common words and everybody's text stay
        for kept in ("Meeting of 2026-05-12", "We will mark the wood", "水很脏"):
            self.assertIn(kept, masked)
        self.assertTrue(masker.unmask(masked).startswith("Pierre Martin's neighbours, José García, Hans Müller"))

    def test_provider_addresses(self):
        check = engine.provider.check_url
        for url in (
            "http://127.0.0.1:8000/v1", "http://localhost/v1", "http://[::1]/v1", "http://10.1.2.3/v1",
            "http://172.16.0.9/v1", "http://192.168.1.1/v1", "http://169.254.169.254/latest",
            "http://[fe80::1]/v1", "http://[fd00::1]/v1", "http://[::ffff:10.0.0.1]/v1", "http://100.64.1.1/v1",
        ):
            with self.assertRaises(engine.provider.ProviderError) as caught:
                check(url)
            self.assertEqual(caught.exception.kind, "address", url)
        check("http://127.0.0.1:8000/v1", allow_private=True)
        check("https://93.184.216.34/v1")  # a public address (a literal: nothing is resolved)
        with self.assertRaises(engine.provider.ProviderError):
            check("file:///etc/passwd", allow_private=True)

    def test_forecast(self):
        falling = engine.forecast.forecast([0.6, 0.3, 0.0, -0.3])
        self.assertEqual(falling["direction"], "falling")
        self.assertLess(falling["next"], -0.3)
        self.assertEqual(engine.forecast.forecast([0.2, 0.21, 0.19])["direction"], "stable")
        self.assertEqual(engine.forecast.forecast([-0.5, 0.0, 0.5])["direction"], "rising")

    def test_summary_and_status(self):
        sentences = engine.summary.summarise(
            ["Villagers complained about dust from the trucks. They asked for water spraying on the road. "
             "The dust also covers the crops near the road. The next meeting is in May."],
            max_sentences=2,
        )
        self.assertEqual(len(sentences), 2)
        self.assertTrue(any("dust" in s for s in sentences))
        status = engine.status()
        self.assertIn(status["mode"], ("embeddings", "lexicon+", "lexicon"))
        self.assertTrue(status["parts"]["lexicon"])
