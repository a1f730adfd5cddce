# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import tagged

from .common import LandCase

LANGS = ("fr_FR", "es_ES", "zh_CN")


@tagged("post_install", "-at_install")
class TestTranslations(LandCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for lang in LANGS:
            cls.env["res.lang"]._activate_lang(lang)
        cls.env["ir.module.module"]._load_module_terms(["srm_land"], list(LANGS), overwrite=True)

    def test_errors_in_the_user_language(self):
        parcel = self._parcel(right_ids=[Command.create({"partner_id": self.ines.id, "share": 80})])
        messages = {
            "fr_FR": r"Les parts des détenteurs de la parcelle P-001 totalisent 110.0 % : ensemble",
            "es_ES": r"Las participaciones de los titulares de la parcela P-001 suman 110.0 %: juntos",
            "zh_CN": r"地块 P-001 的权利人份额合计为 110.0 %：合计不能超过 100 %。",
        }
        for lang, message in messages.items():
            with self.subTest(lang=lang), self.assertRefused(message):
                self.env["srm.land.right"].with_user(self.officer).with_context(lang=lang).create(
                    {"parcel_id": parcel.id, "partner_id": self.tomas.id, "share": 30}
                )
        not_closed = '{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]}'
        with self.assertRefused("ne se ferme pas"):
            parcel.with_context(lang="fr_FR").geojson = not_closed
        with self.assertRefused("no se cierra"):
            parcel.with_context(lang="es_ES").geojson = not_closed
        with self.assertRefused("未闭合"):
            parcel.with_context(lang="zh_CN").geojson = not_closed

    def test_labels_translated(self):
        field = self.env["ir.model.fields"]._get("srm.land.parcel", "area_ha")
        self.assertEqual(field.with_context(lang="fr_FR").field_description, "Surface (ha)")
        self.assertEqual(field.with_context(lang="zh_CN").field_description, "面积（公顷）")
        states = dict(
            self.env["srm.land.parcel"]
            .with_context(lang="es_ES")
            ._fields["state"]
            ._description_selection(self.env(context={"lang": "es_ES"}))
        )
        self.assertEqual(states["accessed"], "Acceso obtenido")
