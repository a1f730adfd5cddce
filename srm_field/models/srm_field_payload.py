# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Reading the values the field app sends, with an error that says what is wrong.

Every reader raises a ValidationError naming the field in the user's language, so
that the app can show, for each record it could not send, what to correct.
"""

import base64
import binascii
import re
from datetime import datetime, timedelta, timezone

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tools.misc import format_datetime

# control characters other than tab and line breaks
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
PHOTO_TYPES = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}
PHOTO_NAME_RE = re.compile(r"[^\w.\- ]+")
# a record may not be dated later than the server's clock plus this margin
FUTURE_MARGIN = timedelta(minutes=10)
MAX_IDS = 500


def parse_datetime(value):
    """A naive UTC datetime from an ISO 8601 string (``Z`` or an offset; without one, UTC)."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    # a phone's clock, or a forged payload, far off any real capture: not a date
    if not 2000 <= moment.year <= 2100:
        return None
    return moment.replace(microsecond=0)


def to_iso(moment):
    """An ISO 8601 UTC string (with ``Z``) for the app, or False."""
    if not moment:
        return False
    return fields.Datetime.to_datetime(moment).strftime("%Y-%m-%dT%H:%M:%SZ")


def photo_type(data):
    """The image type the bytes of ``data`` are, among the accepted ones, or None."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


class FieldPayload:
    """The values of one record sent by the field app, for the model ``model_name``.

    :param timedelta skew: how late the phone's clock is (added to its dates)
    :param int max_age_days: how old a date sent by the phone may be
    """

    def __init__(self, env, model_name, values, skew=None, max_age_days=30):
        if not isinstance(values, dict):
            raise ValidationError(env._("The record sent by the field app is not readable."))
        self.env = env
        self.model = env[model_name]
        self.values = values
        self.skew = skew or timedelta(0)
        self.max_age_days = max_age_days

    def has(self, key):
        return key in self.values

    def label(self, fname):
        field = self.model._fields.get(fname)
        return field._description_string(self.env) if field else fname

    # ------------------------------------------------------------------
    # Plain values
    # ------------------------------------------------------------------

    def text(self, key, label, required=False, limit=256):
        value = self.values.get(key)
        if value is None or value is False:
            value = ""
        if not isinstance(value, str):
            raise ValidationError(self.env._("%(field)s must be text.", field=label))
        value = CONTROL_RE.sub("", value).strip()
        if required and not value:
            raise ValidationError(self.env._("%(field)s is required.", field=label))
        if len(value) > limit:
            raise ValidationError(
                self.env._("%(field)s is too long (at most %(limit)s characters).", field=label, limit=limit)
            )
        return value

    def boolean(self, key, label):
        value = self.values.get(key, False)
        if value is None:
            value = False
        if not isinstance(value, bool):
            raise ValidationError(self.env._("%(field)s must be yes or no.", field=label))
        return value

    def number(self, key, label, minimum, maximum):
        """A number between ``minimum`` and ``maximum``, or False when not given."""
        value = self.values.get(key)
        if value is None or value is False or value == "":
            return False
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not minimum <= value <= maximum:
            raise ValidationError(
                self.env._(
                    "%(field)s must be a number between %(min)s and %(max)s.", field=label, min=minimum, max=maximum
                )
            )
        return float(value)

    def choice(self, key, fname, default=None):
        """A key of the selection field ``fname``."""
        value = self.values.get(key) or default
        keys = [item[0] for item in self.model._fields[fname]._description_selection(self.env)]
        if value not in keys:
            raise ValidationError(self.env._("%(field)s: choose one of the proposed values.", field=self.label(fname)))
        return value

    def datetime(self, key, label, required=True):
        """A date sent by the phone, corrected for its clock, neither in the future nor too old."""
        raw = self.values.get(key)
        if not raw:
            if required:
                raise ValidationError(self.env._("%(field)s is required.", field=label))
            return False
        moment = parse_datetime(raw)
        if moment is None:
            raise ValidationError(self.env._("%(field)s is not a valid date and time.", field=label))
        moment += self.skew
        now = fields.Datetime.now()
        if moment > now + FUTURE_MARGIN:
            raise ValidationError(
                self.env._(
                    "%(field)s (%(date)s) is in the future: check the date and time of the phone.",
                    field=label,
                    date=format_datetime(self.env, moment),
                )
            )
        if moment < now - timedelta(days=self.max_age_days):
            raise ValidationError(
                self.env._(
                    "%(field)s (%(date)s) is more than %(days)s days old: register this record in Odoo directly.",
                    field=label,
                    date=format_datetime(self.env, moment),
                    days=self.max_age_days,
                )
            )
        return moment

    # ------------------------------------------------------------------
    # Records, read with the user's rights
    # ------------------------------------------------------------------

    def _ids(self, value, label):
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise ValidationError(self.env._("%(field)s: the record chosen is not valid.", field=label))
        return value

    def record(self, key, model_name, label, domain=None, required=False):
        """The record of ``model_name`` whose id is given, if the user may read it and
        it matches ``domain``; an empty recordset when not given and not required."""
        value = self.values.get(key)
        if not value:
            if required:
                raise ValidationError(self.env._("%(field)s is required.", field=label))
            return self.env[model_name]
        record_id = self._ids(value, label)
        record = self.env[model_name].search([("id", "=", record_id)] + list(domain or []))
        if not record:
            raise ValidationError(
                self.env._("%(field)s: the record chosen does not exist or you may not see it.", field=label)
            )
        return record

    def records(self, key, model_name, label, domain=None):
        """The records of ``model_name`` whose ids are given, all readable by the user."""
        value = self.values.get(key) or []
        if not isinstance(value, list) or len(value) > MAX_IDS:
            raise ValidationError(self.env._("%(field)s: the records chosen are not valid.", field=label))
        ids = list(dict.fromkeys(self._ids(item, label) for item in value))
        if not ids:
            return self.env[model_name]
        records = self.env[model_name].search([("id", "in", ids)] + list(domain or []))
        missing = len(ids) - len(records)
        if missing:
            raise ValidationError(
                self.env._(
                    "%(field)s: %(count)s of the records chosen do not exist or you may not see them.",
                    field=label,
                    count=missing,
                )
            )
        return records

    # ------------------------------------------------------------------
    # Place and photos
    # ------------------------------------------------------------------

    def position(self):
        """The phone's position as values of srm.field.capture.mixin."""
        latitude = self.number("latitude", self.label("srm_field_latitude"), -90, 90)
        longitude = self.number("longitude", self.label("srm_field_longitude"), -180, 180)
        if (latitude is False) != (longitude is False):
            raise ValidationError(self.env._("The position of the phone is incomplete."))
        accuracy = self.number("accuracy", self.label("srm_field_accuracy"), 0, 1000000)
        return {
            "srm_field_latitude": latitude or 0.0,
            "srm_field_longitude": longitude or 0.0,
            "srm_field_accuracy": accuracy or 0.0,
        }

    def photos(self, max_count, max_bytes):
        """[(file name, mimetype, bytes)] of the photos sent, checked."""
        value = self.values.get("photos") or []
        if not isinstance(value, list):
            raise ValidationError(self.env._("The photos sent are not readable."))
        if len(value) > max_count:
            raise ValidationError(self.env._("At most %s photos per record.", max_count))
        photos = []
        for index, photo in enumerate(value, start=1):
            if not isinstance(photo, dict) or not isinstance(photo.get("data"), str):
                raise ValidationError(self.env._("Photo %s is not readable.", index))
            name = photo.get("name") if isinstance(photo.get("name"), str) else ""
            name = PHOTO_NAME_RE.sub("_", CONTROL_RE.sub("", name)).strip(" ._")[-80:] or f"photo-{index}"
            if len(photo["data"]) > max_bytes * 4 // 3 + 4:
                raise ValidationError(
                    self.env._(
                        "Photo “%(name)s” is too large (at most %(size)s MB).",
                        name=name,
                        size=round(max_bytes / 1024 / 1024, 1),
                    )
                )
            try:
                data = base64.b64decode(photo["data"], validate=True)
            except (binascii.Error, ValueError):
                data = b""
            mimetype = photo_type(data) if data else None
            if not mimetype:
                raise ValidationError(
                    self.env._("Photo “%s” is not a JPEG, PNG or WebP image, or it is damaged.", name)
                )
            extension = PHOTO_TYPES[mimetype]
            if not name.lower().endswith("." + extension):
                name = f"{name}.{extension}"
            photos.append((name, mimetype, data))
        return photos
