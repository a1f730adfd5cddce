# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged

from odoo.addons.srm_base.tools import text


@tagged("post_install", "-at_install")
class TestText(TransactionCase):
    """The text normaliser shared by the consultations' themes and srm_ai's engine."""

    def test_strip_accents(self):
        self.assertEqual(text.strip_accents("Éducation"), "education")
        self.assertEqual(text.strip_accents("EDUCACIÓN, ÑANDÚ"), "educacion, nandu")
        self.assertEqual(text.strip_accents("Río Claro"), "rio claro")
        self.assertEqual(text.strip_accents("水质"), "水质", "Chinese is left as it is")
        self.assertEqual(text.strip_accents(None), "")
        self.assertEqual(text.strip_accents(False), "")

    def test_normalize(self):
        self.assertEqual(text.normalize("  Qualité   de\tl'eau\n"), "qualite de l'eau")
        self.assertEqual(text.normalize("Calidad del AGUA"), text.normalize("calidad  del agua"))
        self.assertEqual(text.normalize(""), "")

    def test_words(self):
        self.assertEqual(
            text.words("L'eau du Río Claro n'est plus potable!"),
            ["l", "eau", "du", "rio", "claro", "n", "est", "plus", "potable"],
        )
        self.assertEqual(text.words("CO2 levels: 3 times higher"), ["co", "levels", "times", "higher"])
        self.assertEqual(text.words("dust-free road"), ["dust", "free", "road"])
        self.assertEqual(text.words("水质变差了。Water"), ["水质变差了", "water"])
        self.assertEqual(text.words(None), [])

    def test_stop_words_of_each_language(self):
        self.assertTrue(text.is_stopword("the", "en"))
        self.assertTrue(text.is_stopword("The"))
        self.assertFalse(text.is_stopword("the", "fr"))
        self.assertTrue(text.is_stopword("déjà", "fr"))
        self.assertTrue(text.is_stopword("deja", "fr"), "accents are ignored")
        self.assertTrue(text.is_stopword("TODAVÍA", "es"))
        self.assertTrue(text.is_stopword("的", "zh"))
        self.assertTrue(text.is_stopword("toujours"))
        self.assertFalse(text.is_stopword("water"))
        self.assertFalse(text.is_stopword("agua", "es"))
        self.assertFalse(text.is_stopword("eau"))
        self.assertFalse(text.is_stopword("the", "xx"), "a language without a list has no stop words")
        self.assertIn("deja", text.ALL_STOPWORDS)
        self.assertIn("déjà", text.ALL_STOPWORDS)
        self.assertEqual(set(text.STOPWORDS), {"en", "fr", "es", "zh"})
