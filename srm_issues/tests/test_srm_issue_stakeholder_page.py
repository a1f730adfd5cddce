# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo import Command
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import SrmIssueCase


@tagged("post_install", "-at_install")
class TestSrmIssueStakeholderPage(SrmIssueCase):
    """The Issues page of a stakeholder is read when it is opened; its count, read with
    the form, shows the same issues: those the user may read, of the stakeholder and of
    its contacts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the village is in the project of the project-restricted user, who may open it
        cls.village.srm_project_ids = [Command.link(cls.project_a.id)]
        cls.resident = cls.env["res.partner"].create({"name": "Tessa resident", "parent_id": cls.village.id})
        cls.elder = cls.env["res.partner"].create({"name": "Tessa elder", "parent_id": cls.resident.id})
        cls.i_raised = cls._issue(name="Page: raised by a resident", complainant_partner_id=cls.resident.id)
        cls.i_concerned = cls._issue(
            name="Page: about the village",
            complainant_partner_id=cls.other_complainant.id,
            partner_ids=[Command.set([cls.village.id, cls.elder.id])],
        )
        cls.i_other_project = cls._issue(
            name="Page: other project", project_id=cls.project_b.id, complainant_partner_id=cls.elder.id
        )
        cls.i_confidential = cls._issue(
            name="Page: confidential", is_confidential=True, partner_ids=[Command.set(cls.village.ids)]
        )
        cls.i_worker = cls._issue(
            name="Page: worker grievance", grievance_scope="worker", complainant_partner_id=cls.resident.id
        )
        cls.i_sensitive = cls._issue(name="Page: sensitive", is_sensitive=True, complainant_partner_id=cls.resident.id)
        cls.i_archived = cls._issue(name="Page: archived", partner_ids=[Command.set(cls.village.ids)])
        cls.i_archived.active = False
        cls.i_elsewhere = cls._issue(name="Page: someone else's", complainant_partner_id=cls.other_complainant.id)
        # the domain of the page, as the form gives it to its list
        arch = cls.env["res.partner"].get_views([(False, "form")])["views"]["form"]["arch"]
        widget = etree.fromstring(arch).xpath("//page[@name='srm_issues']/widget[@name='srm_related_list']")[0]
        cls.page_model = widget.get("model")
        cls.page_domain = widget.get("domain")

    def _page_issues(self, user, partner):
        domain = safe_eval(self.page_domain, {"id": partner.id})
        return self.env[self.page_model].with_user(user).search(domain)

    def test_page_is_read_when_opened(self):
        arch = self.env["res.partner"].get_views([(False, "form")])["views"]["form"]["arch"]
        page = etree.fromstring(arch).xpath("//page[@name='srm_issues']")[0]
        self.assertFalse(page.xpath(".//field"), "no list of issues is read with the form")
        self.assertEqual(self.page_model, "srm.issue")

    def test_count_and_page_show_what_each_user_may_read(self):
        community = self.i_raised | self.i_concerned | self.i_other_project | self.i_confidential
        expected = {
            # confidential issues and worker grievances stay hidden; the sensitive issue
            # does not name its complainant to anybody, so it is not the village's
            self.user_user: community - self.i_confidential,
            self.user_confidential: community,
            # a project-restricted user: the issues of their project only
            self.user_restricted: self.i_raised | self.i_concerned,
            self.user_auditor: community - self.i_confidential,
            self.user_worker: None,
            self.user_manager: None,
        }
        for user, issues in expected.items():
            with self.subTest(user=user.login):
                page = self._page_issues(user, self.village)
                if issues is not None:
                    self.assertEqual(page, issues)
                self.assertNotIn(self.i_archived, page)
                self.assertNotIn(self.i_elsewhere, page)
                village = self.village.with_user(user)
                self.assertEqual(village.srm_issue_count, len(page))
                self.assertEqual(village.srm_issue_ids, page)
                # a contact: its own and its contacts' issues, not its parent's
                resident_page = self._page_issues(user, self.resident)
                self.assertEqual(self.resident.with_user(user).srm_issue_count, len(resident_page))
                self.assertEqual(resident_page, page - self.i_confidential)

    def test_counted_in_one_query_with_the_other_buttons(self):
        partners = (self.village | self.complainant | self.other_complainant).with_user(self.user_user)
        counted = [
            fname
            for fname in ("srm_engagement_count", "srm_commitment_count", "srm_issue_count")
            if fname in partners._fields
        ]
        partners.read(counted)  # the user's groups and rules are read once
        partners.invalidate_recordset(counted)
        with self.assertQueryCount(1):
            counts = partners.read(counted)
        self.assertEqual(
            {row["id"]: row["srm_issue_count"] for row in counts},
            {
                self.village.id: 3,  # raised by a resident, about the village, the other project's
                self.complainant.id: len(self._page_issues(self.user_user, self.complainant)),
                self.other_complainant.id: len(self._page_issues(self.user_user, self.other_complainant)),
            },
        )
