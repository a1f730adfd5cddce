# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import json

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import LandCase, square


@tagged("post_install", "-at_install")
class TestParcel(LandCase):
    def test_area_computed_from_polygon(self):
        # 0.01° x 0.01° at the equator: 1113.2 m x 1113.2 m on the WGS84 sphere
        parcel = self._parcel(geojson=square(0.0, 0.0))
        self.assertAlmostEqual(parcel.area_ha, 123.92, places=1)
        # no point given: the middle of the polygon
        self.assertAlmostEqual(parcel.latitude, 0.005)
        self.assertAlmostEqual(parcel.longitude, 0.005)
        # the same square near the project, 30° south, is smaller
        parcel.geojson = square(-70.61, -30.79)
        self.assertAlmostEqual(parcel.area_ha, 106.4, places=0)
        self.assertAlmostEqual(parcel.latitude, 0.005, msg="a point already given is kept")

    def test_area_of_multipolygon_feature_with_hole(self):
        outer = [[0, 0], [0.01, 0], [0.01, 0.01], [0, 0.01], [0, 0]]
        hole = [[0.002, 0.002], [0.004, 0.002], [0.004, 0.004], [0.002, 0.004], [0.002, 0.002]]
        feature = {
            "type": "Feature",
            "properties": {"reference": "P-9"},
            "geometry": {"type": "MultiPolygon", "coordinates": [[outer, hole], [outer]]},
        }
        parcel = self._parcel(geojson=json.dumps(feature), latitude=-30.8, longitude=-70.6)
        self.assertAlmostEqual(parcel.area_ha, 2 * 123.92 - 123.92 * 0.04, places=0)
        self.assertEqual((parcel.latitude, parcel.longitude), (-30.8, -70.6))
        parcel.geojson = False
        self.assertEqual(parcel.area_ha, 0.0)

    def test_invalid_geojson_refused(self):
        parcel = self._parcel(geojson=square(-70.61, -30.79))
        area = parcel.area_ha
        not_closed = json.dumps(
            {
                "type": "Polygon",
                "coordinates": [[[-70.61, -30.79], [-70.60, -30.79], [-70.60, -30.78], [-70.61, -30.78]]],
            }
        )
        cases = {
            '{"type": "Polygon", "coordinates": [[[-70.61, -30.79]': "not valid GeoJSON",
            not_closed: "does not close",
            '{"type": "Point", "coordinates": [-70.61, -30.79]}': "is a Point: an area is a Polygon",
            '{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [0, 0]]]}': "needs at least 4",
            '{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [2, 0], [0, 0]]]}': "has no area",
            '{"type": "Polygon", "coordinates": [[[0, 0], [2, 2], [2, 0], [0, 1], [0, 0]]]}': "crosses itself",
            '{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 95], [0, 0]]]}': "out of range",
            '{"type": "Polygon", "coordinates": [[["a", 0], [1, 0], [1, 1], ["a", 0]]]}': r"not \[longitude,",
            "[1, 2]": "is not GeoJSON",
        }
        for text, message in cases.items():
            with self.subTest(geojson=text), self.assertRefused(message):
                parcel.write({"geojson": text, "title_reference": "changed"})
            self.assertEqual(parcel.area_ha, area)
            self.assertFalse(parcel.title_reference, "nothing of the refused change is written")
        with self.assertRefused("does not close"):
            self._parcel(name="P-002", geojson=not_closed)
        self.assertFalse(self.Parcel.search([("name", "=", "P-002")]))

    def test_shares_up_to_100_percent(self):
        parcel = self._parcel(
            right_ids=[
                Command.create({"partner_id": self.ines.id, "right_type": "co_owner", "share": 60}),
                Command.create({"partner_id": self.tomas.id, "right_type": "co_owner", "share": 40}),
            ]
        )
        self.assertEqual(parcel.share_total, 100)
        self.assertEqual(parcel.holder_partner_ids, self.ines | self.tomas)
        self.assertEqual(parcel.right_ids.mapped("holder_category"), ["formal", "formal"])
        # an occupant without a share of the land is a holder too (PS5)
        parcel.right_ids = [Command.create({"partner_id": self.rosa.id, "right_type": "occupant", "share": 0})]
        occupant = parcel.right_ids.filtered(lambda r: r.partner_id == self.rosa)
        self.assertEqual(occupant.holder_category, "none")
        # the holders are stakeholders of the project
        self.assertLessEqual(self.ines | self.tomas | self.rosa, self.project.stakeholder_ids)

        with self.assertRefused("add up to 110.0 %"):
            parcel.write({"right_ids": [Command.update(occupant.id, {"share": 10})]})
        with self.assertRefused("add up to 105.0 %"):
            self.env["srm.land.right"].with_user(self.officer).create(
                {"parcel_id": parcel.id, "partner_id": self.rosa.id, "share": 5}
            )
        with self.assertRefused("from 0 to 100"):
            occupant.with_user(self.officer).share = -5
        with self.assertRefused("add up to 120.0 %"):
            self._parcel(
                name="P-003",
                right_ids=[
                    Command.create({"partner_id": self.ines.id, "share": 60}),
                    Command.create({"partner_id": self.tomas.id, "share": 60}),
                ],
            )
        self.assertEqual(parcel.share_total, 100)
        self.assertEqual(occupant.share, 0)
        # shares swapped in one save: checked once the parcel is written
        ines, tomas = parcel.right_ids.sorted("share")[1:].sorted(lambda r: r.partner_id != self.ines)
        parcel.write({"right_ids": [Command.update(tomas.id, {"share": 60}), Command.update(ines.id, {"share": 40})]})
        self.assertEqual((ines.share, tomas.share), (40, 60))

    def test_status_tracked(self):
        parcel = self._parcel().with_context(tracking_disable=False)
        self.flush_tracking()  # the creation is recorded in another transaction
        parcel.state = "negotiating"
        self.flush_tracking()
        tracked = self.env["mail.tracking.value"].search(
            [("mail_message_id.model", "=", parcel._name), ("mail_message_id.res_id", "=", parcel.id)]
        )
        self.assertEqual(tracked.filtered(lambda t: t.field_id.name == "state").new_value_char, "Negotiating")

    def test_reference_unique_in_project(self):
        self._parcel(name="P-010")
        self._parcel(name="P-010", project_id=self.other_project.id)
        with (
            self.assertRaisesRegex(Exception, "unique"),
            self.env.cr.savepoint(),
            self.assertLogs("odoo.sql_db", "ERROR"),
        ):
            self._parcel(name="P-010")

    def test_documents_follow_the_parcel(self):
        deed = (
            self.env["ir.attachment"]
            .with_user(self.officer)
            .create({"name": "title-deed.pdf", "raw": b"%PDF-1.4 deed", "res_model": "srm.land.parcel", "res_id": 0})
        )
        parcel = self._parcel(document_ids=[Command.set(deed.ids)])
        self.assertEqual((deed.res_model, deed.res_id), ("srm.land.parcel", parcel.id))

    def _import(self, features, **values):
        collection = {"type": "FeatureCollection", "features": features}
        wizard = (
            self.env["srm.land.geojson.import.wizard"]
            .with_user(self.officer)
            .create(
                {
                    "project_id": self.project.id,
                    "file": base64.b64encode(json.dumps(collection).encode()),
                    "filename": "survey.geojson",
                    "reference_property": "lot",
                    **values,
                }
            )
        )
        return wizard.action_import()

    @staticmethod
    def _feature(lot, lon, lat):
        return {"type": "Feature", "properties": {"lot": lot}, "geometry": json.loads(square(lon, lat))}

    def test_import_areas_from_a_gis_file(self):
        parcel = self._parcel("LOT-7")
        result = self._import([self._feature("LOT-7", 0, 0), self._feature("LOT-8", 0.02, 0)], create_missing=True)
        self.assertIn("1 parcel areas updated, 1 parcels created", result["params"]["message"])
        self.assertAlmostEqual(parcel.area_ha, 123.92, places=1)
        created = self.Parcel.search([("project_id", "=", self.project.id), ("name", "=", "LOT-8")])
        self.assertAlmostEqual(created.area_ha, 123.92, places=1)
        self.assertTrue(created.is_confidential)

        # one wrong feature: nothing is imported, every problem is listed
        before = parcel.geojson
        broken = self._feature("LOT-7", 0.05, 0)
        broken["geometry"]["coordinates"][0].pop()
        with self.assertRefused(
            r"Nothing was imported(.|\n)*LOT-7 does not close(.|\n)*has no parcel LOT-9", UserError
        ):
            self._import([broken, self._feature("LOT-9", 0.1, 0), {"type": "Feature", "properties": {}}])
        self.assertEqual(parcel.geojson, before)
        self.assertFalse(self.Parcel.search([("name", "=", "LOT-9")]))
        with self.assertRefused("not valid GeoJSON", UserError):
            self.env["srm.land.geojson.import.wizard"].with_user(self.officer).create(
                {"project_id": self.project.id, "file": base64.b64encode(b"{not json")}
            ).action_import()
