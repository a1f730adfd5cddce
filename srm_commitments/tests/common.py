# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import contextmanager
from datetime import date, timedelta

from odoo import Command, fields
from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, new_test_user


class CommitmentCase(TransactionCase):
    """A project with its manager, stakeholders, a team and users of each SRM group."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.company.srm_commitment_reminder_days = 7

        def user(login, groups, name):
            return new_test_user(
                cls.env,
                login=login,
                groups=groups,
                name=name,
                notification_type="inbox",
                email=f"{login}@example.com",
            )

        cls.manager = user("com_manager", "base.group_user,srm_base.group_srm_manager", "Olga Manager")
        cls.officer = user("com_officer", "base.group_user,srm_base.group_srm_user", "Pablo Officer")
        cls.colleague = user("com_colleague", "base.group_user,srm_base.group_srm_user", "Rita Colleague")
        cls.lawyer = user(
            "com_lawyer",
            "base.group_user,srm_base.group_srm_user,srm_base.group_srm_confidential",
            "Luz Lawyer",
        )
        cls.restricted = user("com_restricted", "base.group_user,srm_base.group_srm_restricted", "Tito Contractor")
        cls.auditor = user("com_auditor", "base.group_user,srm_base.group_srm_auditor", "Ada Auditor")

        cls.project = cls.env["srm.project"].create(
            {
                "name": "Commitment Test Mine",
                "code": "COM-TST",
                "user_id": cls.manager.id,
                "member_ids": [Command.set((cls.officer | cls.restricted).ids)],
            }
        )
        cls.other_project = cls.env["srm.project"].create(
            {"name": "Commitment Test Road", "code": "COM-ROAD", "user_id": cls.manager.id}
        )
        cls.type_community = cls.env.ref("srm_base.srm_stakeholder_type_community")
        cls.type_landowner = cls.env.ref("srm_base.srm_stakeholder_type_landowner")
        cls.council = cls.env["res.partner"].create(
            {
                "name": "Water Committee Test",
                "is_company": True,
                "is_stakeholder": True,
                "stakeholder_type_id": cls.type_community.id,
                "srm_project_ids": [Command.set(cls.project.ids)],
            }
        )
        cls.landowner = cls.env["res.partner"].create(
            {
                "name": "Inés Landowner",
                "is_stakeholder": True,
                "stakeholder_type_id": cls.type_landowner.id,
                "srm_project_ids": [Command.set(cls.project.ids)],
            }
        )
        cls.category_env = cls.env.ref("srm_commitments.srm_commitment_category_environmental")
        cls.category_info = cls.env.ref("srm_commitments.srm_commitment_category_information")

    @classmethod
    def _commitment(cls, due_in=10, **values):
        vals = {
            "name": "Share the well monitoring results",
            "partner_ids": [Command.set(cls.council.ids)],
            "project_id": cls.project.id,
            "category_id": cls.category_env.id,
            "user_id": cls.officer.id,
            "date_due": fields.Date.context_today(cls.env["srm.commitment"]) + timedelta(days=due_in),
        }
        vals.update(values)
        return cls.env["srm.commitment"].create(vals)

    def _activities(self, commitments, xmlid):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "srm.commitment"),
                ("res_id", "in", commitments.ids),
                ("activity_type_id", "=", self.env.ref(xmlid).id),
            ]
        )

    def _digests(self, user):
        """Messages sent to ``user`` by the daily follow-up (reminders, escalations)."""
        return self.env["mail.message"].search(
            [
                ("model", "=", False),
                ("message_type", "=", "user_notification"),
                ("partner_ids", "in", user.partner_id.ids),
            ]
        )

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
