# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import uuid
from datetime import timedelta

from odoo import Command, fields

from odoo.addons.srm_base.tests.common import SrmCase

# a 1x1 PNG image
PNG_1PX = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class FieldCase(SrmCase):
    """A field liaison officer restricted to the project "Test Mine", and helpers to send
    records as the field app does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = cls._new_user(
            "field_officer", "srm_base.group_srm_restricted", srm_project_ids=[Command.set(cls.project.ids)]
        )
        cls.colleague = cls._new_user(
            "field_colleague", "srm_base.group_srm_user", srm_project_ids=[Command.set(cls.project.ids)]
        )
        cls.topic = cls.env["srm.topic"].create({"name": "Water quality (field)"})

    def _sync(self, user, records, sent_at=None):
        return self.env["srm.field.sync"].with_user(user)._srm_field_sync(records, sent_at)["results"]

    def _engagement(self, record_id=None, minutes_ago=60, **values):
        """A record as the app sends it for a new engagement."""
        record_id = record_id or str(uuid.uuid4())
        now = fields.Datetime.now()
        vals = {
            "project_id": self.project.id,
            "engagement_type_id": self.type_meeting.id,
            "name": "Village council, water point",
            "date": iso(now - timedelta(minutes=minutes_ago)),
            "direction": "mutual",
            "stakeholders": [{"id": self.stakeholder.id, "capacity_type_id": self.type_community.id, "attended": True}],
            "topic_ids": [self.topic.id],
            "summary": "The council asked about the pump.",
            "location": "Village A",
            "latitude": -27.36,
            "longitude": -70.33,
            "accuracy": 12.5,
        }
        vals.update(values)
        return {
            "op_id": record_id,
            "uuid": record_id,
            "kind": "engagement",
            "op": "create",
            "captured_at": iso(now - timedelta(minutes=minutes_ago)),
            "offline": False,
            "values": vals,
        }

    def _update(self, created, result, base_version=None, **values):
        """The app's record for an edit of the engagement ``created`` (answered ``result``)."""
        return dict(
            created,
            op_id=str(uuid.uuid4()),
            op="update",
            id=result["id"],
            base_version=base_version or result["version"],
            values=dict(created["values"], **values),
        )

    def _engagements(self, uuid_value):
        return self.env["srm.engagement"].with_context(active_test=False).search([("srm_field_uuid", "=", uuid_value)])
