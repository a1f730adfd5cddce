# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command
from odoo.tests import tagged

from odoo.addons.srm_base.tests.list_queries import ListQueriesMixin

from .common import CommitmentCase


@tagged("post_install", "-at_install")
class TestCommitmentListQueries(CommitmentCase, ListQueriesMixin):
    """The commitments register costs the same queries for 3 commitments as for 30."""

    def _commitments(self, label, count):
        partners = self.env["res.partner"].create(
            [{"name": f"{label} stakeholder {i}", "is_stakeholder": True} for i in range(count)]
        )
        commitments = self.env["srm.commitment"]
        for i in range(count):
            commitments |= self._commitment(
                due_in=i % 9,
                name=f"{label} commitment {i}",
                partner_ids=[Command.set([partners[i].id, self.council.id])],
                category_id=(self.category_env if i % 2 else self.category_info).id,
                user_id=(self.officer if i % 2 else self.colleague).id,
            )
        # some were due days ago and are overdue now
        for commitment in commitments[::4]:
            commitment.date_due -= timedelta(days=12)
        for commitment in commitments[::3]:
            commitment.activity_schedule("mail.mail_activity_data_todo", user_id=self.officer.id)
        return commitments

    def test_commitment_list_queries_do_not_grow_with_rows(self):
        self._commitments("Few", 3)
        self._commitments("Many", 30)
        view = "srm_commitments.srm_commitment_view_list"
        few, few_page = self._list_queries("srm.commitment", view, [("name", "like", "Few commitment")], self.manager)
        many, many_page = self._list_queries(
            "srm.commitment", view, [("name", "like", "Many commitment")], self.manager
        )
        self.assertEqual(few_page["length"], 3)
        self.assertEqual(many_page["length"], 30)
        self.assertTrue(any(row["is_overdue"] for row in many_page["records"]))
        self.assertEqual(few, many, "the commitment list must not query per row")
