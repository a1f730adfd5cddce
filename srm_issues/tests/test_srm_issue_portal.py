# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from .common import SrmIssueCommon


@tagged("post_install", "-at_install")
class TestSrmIssuePortal(HttpCase, SrmIssueCommon):
    """A stakeholder with a portal login follows their own issues, and only those."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._srm_issue_setup()
        cls.own = cls._issue(
            name="My field was flooded",
            proposed_response="<p>We will dig a drain along your field.</p>",
            investigation_notes="<p>Internal: drain budget not approved yet</p>",
        )
        cls.own.message_post(body="Internal: check the land title", subtype_xmlid="mail.mt_note")
        cls.other = cls._issue(name="Someone else's grievance", complainant_partner_id=cls.other_complainant.id)
        cls.confidential = cls._issue(name="My confidential matter", is_confidential=True)

    def test_portal_user_sees_own_issues_only(self):
        self.authenticate("iss_portal", "iss_portal")
        listing = self.url_open("/my/issues")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(self.own.reference, listing.text)
        self.assertNotIn(self.other.reference, listing.text)
        self.assertNotIn(self.confidential.reference, listing.text)
        page = self.url_open(f"/my/issues/{self.own.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("My field was flooded", page.text)
        self.assertIn("We will dig a drain along your field.", page.text)
        self.assertNotIn("drain budget", page.text)
        self.assertNotIn("land title", page.text)
        # someone else's issue: back to the portal home
        response = self.url_open(f"/my/issues/{self.other.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertNotIn("Someone else", response.text)
        home = self.url_open("/my/home")
        self.assertIn("/my/issues", home.text)

    def test_public_visitor_is_sent_to_login(self):
        response = self.url_open(f"/my/issues/{self.own.id}", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertNotIn("My field was flooded", response.text)
        listing = self.url_open("/my/issues", allow_redirects=False)
        self.assertIn(listing.status_code, (302, 303))
