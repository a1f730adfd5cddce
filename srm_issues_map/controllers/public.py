# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Where it happened, on the public grievance form: two optional numbers.

The browser fills them when the visitor asks for it ("Use my location"), or
the visitor types them. Both or neither are given, each a plain decimal number
in range; they are rounded to 6 decimals (about 10 cm).
"""

import re

from odoo.http import request

from odoo.addons.srm_issues.controllers.public import SrmIssuePublic

# a decimal number: no exponent, no "nan" or "inf"; a comma is taken for the decimal point
NUMBER_RE = re.compile(r"^[+-]?\d{1,3}(?:\.\d{1,15})?$")
COORDINATE_MAX_LENGTH = 32


def parse_coordinate(text, bound):
    """The number written in ``text`` when it lies between -bound and bound, else None."""
    text = (text or "").replace(",", ".").replace(" ", "")
    if len(text) > COORDINATE_MAX_LENGTH or not NUMBER_RE.match(text):
        return None
    number = float(text)
    return round(number, 6) if -bound <= number <= bound else None


class SrmIssuePublicMap(SrmIssuePublic):
    def _srm_read_form(self, post):
        form = super()._srm_read_form(post)
        for key in ("latitude", "longitude"):
            form[key] = self._srm_text(post, key)
        return form

    def _srm_validate(self, form):
        values, errors = super()._srm_validate(form)
        values.update(self._srm_validate_coordinates(form, errors))
        return values, errors

    def _srm_validate_coordinates(self, form, errors):
        """Return {latitude, longitude} (or {} when not given), adding errors for bad input."""
        latitude_text, longitude_text = form.get("latitude") or "", form.get("longitude") or ""
        if not latitude_text and not longitude_text:
            return {}
        if not latitude_text or not longitude_text:
            key = "longitude" if latitude_text else "latitude"
            errors[key] = request.env._("Give both the latitude and the longitude, or leave both empty.")
            return {}
        latitude = parse_coordinate(latitude_text, 90)
        longitude = parse_coordinate(longitude_text, 180)
        if latitude is None:
            errors["latitude"] = request.env._("The latitude is a number between -90 and 90, for example -33.4489.")
        if longitude is None:
            errors["longitude"] = request.env._("The longitude is a number between -180 and 180, for example -70.6693.")
        if latitude is None or longitude is None:
            return {}
        return {"latitude": latitude, "longitude": longitude}
