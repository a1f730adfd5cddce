# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import binascii
import json

from odoo import fields, models
from odoo.exceptions import UserError

from .. import geo

# errors listed in one message before "... and N more"
MAX_ERRORS = 10


class SrmLandGeojsonImportWizard(models.TransientModel):
    """Import the areas of a project's parcels from a GeoJSON file (a GIS export or a
    GPS survey): one feature per parcel, matched by its reference."""

    _name = "srm.land.geojson.import.wizard"
    _inherit = ["srm.land.link.mixin"]
    _description = "Import Parcel Areas from GeoJSON"

    project_id = fields.Many2one("srm.project", required=True)
    file = fields.Binary(string="GeoJSON File", required=True)
    filename = fields.Char()
    reference_property = fields.Char(
        required=True,
        default="reference",
        help="The property of each feature holding the parcel's reference, e.g. reference, lot, ID.",
    )
    create_missing = fields.Boolean(
        string="Create Missing Parcels",
        help="Create a parcel for each reference the project does not have yet; otherwise such a feature is an error.",
    )
    tenure = fields.Selection(
        selection=lambda self: self.env["srm.land.parcel"]._fields["tenure"].selection,
        default="private_title",
        help="The tenure of the parcels created.",
    )

    def _read_features(self):
        try:
            data = json.loads(base64.b64decode(self.file or b"").decode("utf-8-sig"))
        except (binascii.Error, UnicodeDecodeError, ValueError) as error:
            raise UserError(self.env._("The file is not valid GeoJSON: %(error)s.", error=error)) from error
        if (
            isinstance(data, dict)
            and data.get("type") == "FeatureCollection"
            and isinstance(data.get("features"), list)
        ):
            return data["features"]
        if isinstance(data, dict) and data.get("type") == "Feature":
            return [data]
        raise UserError(self.env._("The file must be a GeoJSON FeatureCollection, one feature per parcel."))

    def _check_features(self, features):
        """{reference: geometry text} of the file, or a UserError listing every problem."""
        Parcel = self.env["srm.land.parcel"]
        areas, errors = {}, []
        for number, feature in enumerate(features, start=1):
            properties = (feature or {}).get("properties") or {} if isinstance(feature, dict) else {}
            reference = str(properties.get(self.reference_property) or "").strip()
            if not reference:
                errors.append(
                    self.env._(
                        "Feature %(number)s has no property “%(property)s”.",
                        number=number,
                        property=self.reference_property,
                    )
                )
                continue
            if reference in areas:
                errors.append(self.env._("Parcel %(reference)s appears twice in the file.", reference=reference))
                continue
            text = json.dumps(feature.get("geometry"))
            try:
                geo.parse_polygons(text)
            except geo.GeoJSONError as error:
                errors.append(Parcel.new({"name": reference})._srm_geojson_message(error))
                continue
            areas[reference] = text
        parcels = Parcel.search([("project_id", "=", self.project_id.id), ("name", "in", list(areas))])
        missing = set(areas) - set(parcels.mapped("name"))
        if missing and not self.create_missing:
            errors += [
                self.env._(
                    "The project %(project)s has no parcel %(reference)s.",
                    project=self.project_id.display_name,
                    reference=reference,
                )
                for reference in sorted(missing)
            ]
        if errors:
            listed = "\n".join(f"- {error}" for error in errors[:MAX_ERRORS])
            if len(errors) > MAX_ERRORS:
                listed += "\n" + self.env._("... and %(count)s more.", count=len(errors) - MAX_ERRORS)
            raise UserError(
                self.env._("Nothing was imported: correct the file and try again.\n%(errors)s", errors=listed)
            )
        return areas, parcels, missing

    def action_import(self):
        self.ensure_one()
        features = self._read_features()
        if not features:
            raise UserError(self.env._("The file holds no feature."))
        areas, parcels, missing = self._check_features(features)
        for parcel in parcels:
            parcel.geojson = areas[parcel.name]
        created = self.env["srm.land.parcel"].create(
            [
                {
                    "name": reference,
                    "project_id": self.project_id.id,
                    "company_id": self.project_id.company_id.id,
                    "tenure": self.tenure,
                    "geojson": areas[reference],
                }
                for reference in sorted(missing)
            ]
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(updated)s parcel areas updated, %(created)s parcels created.",
                    updated=len(parcels),
                    created=len(created),
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
