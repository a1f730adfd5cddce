# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import Form, tagged

from .common import CommitmentCase


@tagged("post_install", "-at_install")
class TestDefaultProject(CommitmentCase):
    """The commitments of a stakeholder are proposed a project their user may read."""

    def test_commitments_of_a_stakeholder_whose_main_project_is_hidden(self):
        shared = self.env["res.partner"].create(
            {
                "name": "Cooperativa Compartida",
                "is_stakeholder": True,
                "srm_project_ids": [Command.set((self.project | self.other_project).ids)],
                "srm_main_project_id": self.other_project.id,
            }
        )
        context = shared.with_user(self.restricted).action_srm_view_commitments()["context"]
        self.assertEqual(context["default_project_id"], self.project.id)
        form = Form(self.env["srm.commitment"].with_user(self.restricted).with_context(**context))
        form.name = "Repair the cooperative's fence"
        form.date_due = fields.Date.today() + timedelta(days=10)
        commitment = form.save()
        self.assertEqual(commitment.project_id, self.project)
        self.assertEqual(commitment.user_id, self.restricted)
        # a user of every project is proposed the main project
        context = shared.with_user(self.officer).action_srm_view_commitments()["context"]
        self.assertEqual(context["default_project_id"], self.other_project.id)
