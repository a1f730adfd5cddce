# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
from contextlib import contextmanager
from datetime import date, timedelta

from odoo import Command, fields
from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, new_test_user


def square(lon, lat, size=0.01):
    """A closed square polygon, as GeoJSON text."""
    ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]
    return json.dumps({"type": "Polygon", "coordinates": [ring]})


class LandCase(TransactionCase):
    """A project with a cut-off date, holders, and users of each SRM group.

    Records are created as the land officer (User and Confidential access), as they
    are in real life: land records are confidential by default.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # one calendar for every check: dates typed "today" by the test and dates the
        # models stamp must be the same day, whatever the hour in UTC
        (cls.env.ref("base.user_root") | cls.env.ref("base.user_admin")).tz = "UTC"
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, tz="UTC"))
        cls.company = cls.env.company
        cls.today = fields.Date.context_today(cls.env["srm.land.parcel"])

        def user(login, groups, name, **values):
            values.setdefault("notification_type", "inbox")
            return new_test_user(cls.env, login=login, groups=groups, name=name, email=f"{login}@example.com", **values)

        cls.manager = user("land_manager", "base.group_user,srm_base.group_srm_manager", "Olga Manager")
        cls.officer = user(
            "land_officer",
            "base.group_user,srm_base.group_srm_user,srm_base.group_srm_confidential",
            "Luz Land Officer",
        )
        cls.user = user("land_user", "base.group_user,srm_base.group_srm_user", "Pablo Community Officer")
        cls.auditor = user("land_auditor", "base.group_user,srm_base.group_srm_auditor", "Ada Auditor")
        cls.restricted = user("land_restricted", "base.group_user,srm_base.group_srm_restricted", "Tito Contractor")
        cls.portal = user("land_portal", "base.group_portal", "Pía Portal", notification_type="email")

        cls.project = cls.env["srm.project"].create(
            {
                "name": "Land Test Mine",
                "code": "LAND-TST",
                "user_id": cls.manager.id,
                "member_ids": [Command.set((cls.officer | cls.user | cls.restricted).ids)],
                "land_cutoff_date": cls.today - timedelta(days=30),
            }
        )
        cls.other_project = cls.env["srm.project"].create(
            {"name": "Land Test Road", "code": "LAND-ROAD", "user_id": cls.manager.id}
        )
        cls.landowner_type = cls.env.ref("srm_base.srm_stakeholder_type_landowner")

        def holder(name, **values):
            return cls.env["res.partner"].create(
                {"name": name, "is_stakeholder": True, "stakeholder_type_id": cls.landowner_type.id, **values}
            )

        cls.ines = holder("Inés Paredes")
        cls.tomas = holder("Tomás Paredes")
        cls.rosa = holder("Rosa Mamani")
        cls.witness = cls.env["res.partner"].create({"name": "Juan Testigo"})
        cls.Parcel = cls.env["srm.land.parcel"].with_user(cls.officer)
        cls.Agreement = cls.env["srm.land.agreement"].with_user(cls.officer)

    @classmethod
    def _parcel(cls, name="P-001", **values):
        vals = {"name": name, "project_id": cls.project.id, "tenure": "private_title"}
        vals.update(values)
        return cls.Parcel.create(vals)

    @classmethod
    def _agreement(cls, lines=(), **values):
        """An agreement with its schedule: lines are (kind, description, amount, due in days)."""
        vals = {
            "name": "Compensation for the access road",
            "project_id": cls.project.id,
            "partner_id": cls.ines.id,
            "agreement_type": "compensation",
            "line_ids": [
                Command.create(
                    {"kind": kind, "name": name, "amount": amount, "date_due": cls.today + timedelta(days=due_in)}
                )
                for kind, name, amount, due_in in lines
            ],
        }
        vals.update(values)
        return cls.Agreement.create(vals)

    def flush_tracking(self):
        """Tracking messages are written when the transaction ends: write them now."""
        self.env.flush_all()
        self.env.cr.precommit.run()

    @contextmanager
    def assertRefused(self, regex, exception=ValidationError):
        """The operation fails with this message, and the request writes nothing."""
        with self.assertRaisesRegex(exception, regex), self.env.cr.savepoint():
            yield

    @staticmethod
    def d(text):
        return date.fromisoformat(text)
