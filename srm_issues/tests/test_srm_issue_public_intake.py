# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Public intake: identity of the sender, floods and bot trap of the public form, public
figures without small counts, and grievance references without gaps."""

from datetime import date, datetime, timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SrmIssueCase


@tagged("post_install", "-at_install")
class TestSrmIssueReferenceWithoutGaps(SrmIssueCase):
    """A refused grievance gives its number back: the register has no gaps."""

    def _number(self, issue):
        return int(issue.reference.rsplit("-", 1)[-1])

    def test_refused_create_leaves_no_gap(self):
        first = self._issue(name="First")
        with self.assertRaises(ValidationError):
            self._issue(name="Received tomorrow", date_received=datetime.now() + timedelta(days=1))
        second = self._issue(name="Second")
        self.assertEqual(self._number(second), self._number(first) + 1)

    def test_refused_public_submission_leaves_no_gap(self):
        Issue = self.env["srm.issue"].sudo()
        values = {
            "name": "Public",
            "description": "Text",
            "project_id": self.project_a.id,
            "is_anonymous": True,
            "lang": "en_US",
        }
        first, __ = Issue._srm_public_submit(values, [], submission_token="token-of-one-form-000001")
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            Issue._srm_public_submit(values, [], submission_token="token-of-one-form-000001")
        second, __ = Issue._srm_public_submit(values, [], submission_token="token-of-one-form-000002")
        self.assertEqual(self._number(second), self._number(first) + 1)

    def test_existing_sequences_keep_their_numbers(self):
        issue = self._issue(name="Before")
        sequence = self.env["ir.sequence"].sudo().search(
            [("code", "=", "srm.issue"), ("company_id", "=", self.env.company.id)], limit=1
        )
        self.assertEqual(sequence.implementation, "no_gap")
        # a database numbered before: standard sequence at 41
        sequence.implementation = "standard"
        sequence.date_range_ids.filtered(lambda r: r.date_from <= date.today() <= r.date_to).number_next = 41
        self.env["srm.issue"]._srm_sequences_without_gaps()
        self.assertEqual(sequence.implementation, "no_gap")
        after = self._issue(name="After")
        self.assertEqual(after.reference, issue.reference.rsplit("-", 1)[0] + "-0041")
