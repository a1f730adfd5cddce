# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Public intake: identity of the sender, floods and bot trap of the public form, public
figures without small counts, and grievance references without gaps."""

import re
import time
from datetime import date, datetime, timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import TEST_CURSOR_COOKIE_NAME, Opener
from odoo.tools import mute_logger

from .common import SrmIssueCase, SrmIssueCommon

CODE_RE = re.compile(r'o_srm_tracking_code">([A-Z2-7-]+)<')


class PublicFormMixin:
    """Drive the public form like a browser: its hidden fields, its own session."""

    def _form(self, url="/grievance"):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        fields = {
            name: re.search(rf'name="{name}" value="([^"]*)"', response.text).group(1)
            for name in ("csrf_token", "submission_token", "form_ts")
        }
        return response, fields

    def _data(self, **overrides):
        data = {
            "kind": "grievance",
            "project_id": str(self.project_a.id),
            "category_id": str(self.cat_dust.id),
            "name": "Dust from the haul road",
            "description": "Every afternoon the trucks cover our houses with dust.",
            "location": "Tessa, near the school",
            "contact_name": "Fatou Ndiaye",
            "contact_email": "fatou.ndiaye@example.com",
            "contact_phone": "+221 77 123 45 67",
            "consent": "on",
        }
        data.update(overrides)
        return data

    def _send(self, data, waited=60, **hidden):
        """Open the form, fill it in for ``waited`` seconds (the signed time the form was
        shown is moved back accordingly) and send it."""
        __, fields = self._form()
        if waited:
            fields["form_ts"] = self.env["srm.issue.flood"]._srm_sign_form(
                fields["submission_token"], time.time() - waited
            )
        fields.update(hidden)
        return self.url_open("/grievance/submit", data=dict(data, **fields))

    def setUp(self):
        super().setUp()
        # requests logged before the test, from the same address, would count in its window
        self.env["srm.issue.flood"].sudo().search([]).unlink()

    def _new_browser(self):
        """Another browser behind the same connection: a new session, same address."""
        test_cookie = self.opener.cookies.get(TEST_CURSOR_COOKIE_NAME)
        self.opener = Opener(self.cr)
        self.opener.cookies[TEST_CURSOR_COOKIE_NAME] = test_cookie

    def _last_issue(self):
        return self.env["srm.issue"].with_context(active_test=False).search([], order="id desc", limit=1)

    def _count(self):
        return self.env["srm.issue"].with_context(active_test=False).search_count([])


@tagged("post_install", "-at_install")
class TestSrmIssuePublicFlood(HttpCase, SrmIssueCommon, PublicFormMixin):
    """Nobody blocks a village behind a shared connection, scripts are stopped, and a
    refused visitor is told how else to reach the team."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._srm_issue_setup()
        cls.env["srm.project"].search([("srm_issue_public", "=", True)]).srm_issue_public = False
        cls.project_a.srm_issue_public = True
        Param = cls.env["ir.config_parameter"].sudo()
        Param.set_param("srm_issues.public_contact_phone", "+221 33 800 00 00")
        Param.set_param("srm_issues.public_contact_email", "grievances@northpit.example")
        Param.set_param("srm_issues.public_contact_office", "Site office, Tessa road")

    def _set(self, **params):
        for key, value in params.items():
            self.env["ir.config_parameter"].sudo().set_param(f"srm_issues.{key}", str(value))

    def test_a_village_behind_one_connection_is_not_blocked(self):
        self._set(flood_max_submit=2)
        before = self._count()
        codes = []
        for index in range(5):
            self._new_browser()
            response = self._send(
                self._data(name=f"Villager {index}", contact_name=f"Villager {index}",
                           contact_email=f"villager{index}@example.org")
            )
            self.assertEqual(response.status_code, 200, f"villager {index} is not refused")
            codes.append(CODE_RE.search(response.text).group(1))
        self.assertEqual(self._count(), before + 5, "every grievance is stored")
        issues = self.env["srm.issue"].search([("name", "like", "Villager")], order="id")
        self.assertEqual(issues.mapped("intake_review"), [False, False, True, True, True])
        self.assertEqual(set(issues[2:].mapped("intake_review_reason")), {"address"})
        self.assertEqual(len(set(codes)), 5)
        for issue, code in zip(issues, codes, strict=True):
            self.assertEqual(self.env["srm.issue"]._srm_find_by_code(code), issue)
        to_review = self.env["srm.issue"].with_user(self.user_user).search([("intake_review", "=", True)])
        self.assertEqual(to_review, issues[2:], "staff find them with the To Review filter")

    def test_one_person_blocks_only_themselves(self):
        self._set(flood_max_submit_session=1, flood_ceiling_submit_session=3)
        statuses = []
        for index in range(4):
            statuses.append(self._send(self._data(name=f"Same browser {index}")))
        self.assertEqual([r.status_code for r in statuses], [200, 200, 200, 429])
        issues = self.env["srm.issue"].search([("name", "like", "Same browser")], order="id")
        self.assertEqual(len(issues), 3)
        self.assertEqual(issues.mapped("intake_review"), [False, True, True])
        self.assertEqual(issues[1].intake_review_reason, "session")
        refused = statuses[-1].text
        self.assertIn("Too many grievances were sent from your connection", refused)
        self.assertIn('value="Same browser 3"', refused, "what was typed is kept")
        for contact in ("+221 33 800 00 00", "grievances@northpit.example", "Site office, Tessa road"):
            self.assertIn(contact, refused, "the page says how else to reach the team")
        # the neighbour on the same connection still gets through
        self._new_browser()
        neighbour = self._send(self._data(name="Neighbour", contact_email="neighbour@example.org"))
        self.assertEqual(neighbour.status_code, 200)
        self.assertTrue(CODE_RE.search(neighbour.text))

    def test_machine_ceiling_of_an_address_refuses(self):
        self._set(flood_max_submit=1, flood_ceiling_submit=3)
        statuses = []
        for index in range(4):
            self._new_browser()
            statuses.append(self._send(self._data(name=f"Bot {index}", contact_email=f"bot{index}@example.org")))
        self.assertEqual([r.status_code for r in statuses], [200, 200, 200, 429])
        self.assertIn("+221 33 800 00 00", statuses[-1].text)
        self.assertEqual(self.env["srm.issue"].search_count([("name", "like", "Bot ")]), 3)

    def test_bot_trap(self):
        before = self._count()
        # a script fills in the hidden field
        trapped = self._send(self._data(name="Honeypot"), srm_website="http://spam.example")
        self.assertEqual(trapped.status_code, 200)
        self.assertNotIn("o_srm_tracking_code", trapped.text)
        self.assertIn("press “Send” again", trapped.text)
        self.assertIn('value="Honeypot"', trapped.text, "a person who got there keeps what they typed")
        self.assertNotIn("spam.example", trapped.text)
        # a script sends the form as soon as it gets it, or without the signed time
        fast = self._send(self._data(name="Too fast"), waited=0)
        self.assertNotIn("o_srm_tracking_code", fast.text)
        __, fields = self._form()
        bare = self.url_open(
            "/grievance/submit",
            data=dict(self._data(name="No time"), csrf_token=fields["csrf_token"],
                      submission_token=fields["submission_token"]),
        )
        self.assertNotIn("o_srm_tracking_code", bare.text)
        forged = self._send(self._data(name="Forged time"), waited=0, form_ts=f"{int(time.time()) - 600}")
        self.assertNotIn("o_srm_tracking_code", forged.text)
        other_form = self.env["srm.issue.flood"]._srm_sign_form("another-form-token-1234567890", time.time() - 600)
        stolen = self._send(self._data(name="Stolen time"), waited=0, form_ts=other_form)
        self.assertNotIn("o_srm_tracking_code", stolen.text)
        self.assertEqual(self._count(), before)
        # the person sends the form again from the page: the time it was first shown counts
        form_ts = re.search(r'name="form_ts" value="([^"]*)"', fast.text).group(1)
        token = re.search(r'name="submission_token" value="([^"]*)"', fast.text).group(1)
        shown_at = self.env["srm.issue.flood"]._srm_form_shown_at(form_ts, token)
        self.assertIsNotNone(shown_at)
        self.env["ir.config_parameter"].sudo().set_param("srm_issues.public_min_fill_seconds", "0")
        again = self.url_open(
            "/grievance/submit",
            data=dict(self._data(name="Too fast"), csrf_token=fields["csrf_token"], submission_token=token,
                      form_ts=form_ts),
        )
        self.assertIn("o_srm_tracking_code", again.text)
        self.assertEqual(self._count(), before + 1)


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
