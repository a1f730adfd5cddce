# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import contextmanager
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user


class SrmCase(TransactionCase):
    """A project, stakeholders of a few types and users of each SRM group."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.type_individual = cls.env.ref("srm_base.srm_stakeholder_type_individual")
        cls.type_landowner = cls.env.ref("srm_base.srm_stakeholder_type_landowner")
        cls.type_community = cls.env.ref("srm_base.srm_stakeholder_type_community")
        cls.type_meeting = cls.env.ref("srm_base.srm_engagement_type_meeting")
        cls.type_call = cls.env.ref("srm_base.srm_engagement_type_call")
        cls.type_letter = cls.env.ref("srm_base.srm_engagement_type_letter")

        cls.project = cls.env["srm.project"].create({"name": "Test Mine", "code": "TST-MINE"})
        cls.other_project = cls.env["srm.project"].create({"name": "Test Road", "code": "TST-ROAD"})

        cls.stakeholder = cls.env["res.partner"].create({
            "name": "Elena Ríos",
            "email": "elena.rios@example.com",
            "is_stakeholder": True,
            "stakeholder_type_id": cls.type_landowner.id,
            "srm_project_ids": [Command.set(cls.project.ids)],
        })
        cls.community = cls.env["res.partner"].create({
            "name": "Junta de Vecinos Test",
            "is_company": True,
            "is_stakeholder": True,
            "stakeholder_type_id": cls.type_community.id,
            "srm_project_ids": [Command.set(cls.project.ids)],
        })
        cls.do_not_contact = cls.env["res.partner"].create({
            "name": "Tomás Reyes",
            "is_stakeholder": True,
            "stakeholder_type_id": cls.type_individual.id,
            "srm_do_not_contact": True,
            "srm_project_ids": [Command.set(cls.project.ids)],
        })
        cls.road_stakeholder = cls.env["res.partner"].create({
            "name": "Transportes Test SpA",
            "is_company": True,
            "is_stakeholder": True,
            "srm_project_ids": [Command.set(cls.other_project.ids)],
        })

    @contextmanager
    def assertRaisesRegex(self, exception, regex):
        """Like unittest's, within a savepoint rolled back on error (as Odoo's assertRaises)."""
        with self.assertRaises(exception) as catcher:
            yield catcher
        self.assertRegex(str(catcher.exception), regex)

    @classmethod
    def _new_user(cls, login, groups, **values):
        return new_test_user(
            cls.env,
            login=login,
            groups=groups,
            notification_type="inbox",
            email=f"{login}@example.com",
            **values,
        )

    @classmethod
    def _engagement(cls, partners, days_ago=1, **values):
        vals = {
            "name": values.pop("name", f"Meeting with {partners[:1].name}"),
            "engagement_type_id": cls.type_meeting.id,
            "date": fields.Datetime.now() - timedelta(days=days_ago),
            "partner_ids": [Command.set(partners.ids)],
            "project_id": cls.project.id,
        }
        vals.update(values)
        return cls.env["srm.engagement"].create(vals)
