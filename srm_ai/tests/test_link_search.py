# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields
from odoo.tests import new_test_user, tagged

from .common import SrmAiCase


@tagged("post_install", "-at_install")
class TestAiLinkSearch(SrmAiCase):
    """Searching stakeholders by the id of a recommendation, or by whether they have any,
    finds nothing through a confidential recommendation for a user without Confidential
    access: they do not learn whom it is about."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        rule = cls.env.ref("srm_ai.srm_ai_recommendation_rule_no_contact")
        cls.secret_rec = cls.env["srm.ai.recommendation"].create(
            {"rule_id": rule.id, "partner_id": cls.village.id, "reason": "LS secret", "is_confidential": True}
        )
        cls.officer = new_test_user(cls.env, login="srm_ai_ls_officer", groups="srm_base.group_srm_user")
        cls.lawyer = new_test_user(
            cls.env, login="srm_ai_ls_lawyer", groups="srm_base.group_srm_user,srm_base.group_srm_confidential"
        )

    def _found(self, user, domain):
        Partner = self.env["res.partner"].with_user(user)
        full = [*domain, ("id", "=", self.village.id)]
        found = Partner.search(full)
        self.assertEqual(Partner.search_count(full), len(found), domain)
        return found

    def test_stakeholders_by_confidential_recommendation(self):
        self.assertFalse(
            self.env["srm.ai.recommendation"].with_user(self.officer).search([("id", "=", self.secret_rec.id)])
        )
        self.assertEqual(self._found(self.officer, []), self.village)
        for domain in (
            [("srm_ai_recommendation_ids", "in", self.secret_rec.ids)],
            [("srm_ai_recommendation_ids", "=", self.secret_rec.id)],
            [("srm_ai_recommendation_ids", "!=", False)],
        ):
            with self.subTest(domain=domain):
                self.assertFalse(self._found(self.officer, domain))
                self.assertEqual(self._found(self.lawyer, domain), self.village)
        self.assertEqual(self._found(self.officer, [("srm_ai_recommendation_ids", "=", False)]), self.village)


@tagged("post_install", "-at_install")
class TestThemeLinkSearch(SrmAiCase):
    """Searching themes by the id of an engagement or an issue, or by whether they have
    any, finds nothing through one the user may not read: a theme does not tell them
    that a confidential engagement or issue exists, nor what it was about."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.secret = cls._engagement("Dust on the school road", is_confidential=True)
        cls.secret_issue = cls._issue("Dust complaint", "Dust on the school road", is_confidential=True)
        # written as the analysis writes them
        cls.theme = cls.env["srm.ai.theme"].create(
            {
                "name": "LS dust",
                "period_start": fields.Date.today(),
                "period_end": fields.Date.today(),
                "engagement_ids": [Command.set(cls.secret.ids)],
                "issue_ids": [Command.set(cls.secret_issue.ids)],
            }
        )
        cls.lawyer = new_test_user(
            cls.env,
            login="srm_ai_ls_theme_lawyer",
            groups="srm_base.group_srm_user,srm_base.group_srm_confidential",
        )

    def _found(self, user, domain):
        Theme = self.env["srm.ai.theme"].with_user(user)
        full = [*domain, ("id", "=", self.theme.id)]
        found = Theme.search(full)
        self.assertEqual(Theme.search_count(full), len(found), domain)
        groups = Theme.read_group(full, ["__count"], [])
        self.assertEqual(sum(group["__count"] for group in groups), len(found), domain)
        return found

    def test_themes_by_confidential_engagement_or_issue(self):
        self.assertFalse(self.env["srm.engagement"].with_user(self.user).search([("id", "=", self.secret.id)]))
        self.assertFalse(self.env["srm.issue"].with_user(self.user).search([("id", "=", self.secret_issue.id)]))
        self.assertEqual(self._found(self.user, []), self.theme)
        for domain in (
            [("engagement_ids", "in", self.secret.ids)],
            [("engagement_ids", "!=", False)],
            [("issue_ids", "=", self.secret_issue.id)],
            [("issue_ids", "!=", False)],
        ):
            with self.subTest(domain=domain):
                self.assertFalse(self._found(self.user, domain))
                self.assertEqual(self._found(self.lawyer, domain), self.theme)
        self.assertEqual(self._found(self.user, [("engagement_ids", "=", False)]), self.theme)

    def test_themes_by_the_confidential_issue_created_from_them(self):
        """The issue created from a theme, made confidential since, is found by its id by
        those who may read it only, and reads "Restricted" to the others (the theme's
        state tells them that one was created, not which)."""
        theme = self.env["srm.ai.theme"].create(
            {
                "name": "LS school road",
                "period_start": fields.Date.today(),
                "period_end": fields.Date.today(),
                "state": "converted",
                "issue_id": self.secret_issue.id,
            }
        )
        Theme = self.env["srm.ai.theme"].with_user(self.user)

        def found(user, domain):
            Theme = self.env["srm.ai.theme"].with_user(user)
            full = [*domain, ("id", "=", theme.id)]
            themes = Theme.search(full)
            self.assertEqual(Theme.search_count(full), len(themes), domain)
            groups = Theme.read_group(full, ["__count"], [])
            self.assertEqual(sum(group["__count"] for group in groups), len(themes), domain)
            return themes

        for domain in (
            [("issue_id", "=", self.secret_issue.id)],
            [("issue_id", "in", self.secret_issue.ids)],
        ):
            with self.subTest(domain=domain):
                self.assertFalse(found(self.user, domain))
                self.assertEqual(found(self.lawyer, domain), theme)
        self.assertEqual(found(self.user, [("issue_id", "!=", self.secret_issue.id)]), theme)
        self.assertFalse(found(self.lawyer, [("issue_id", "!=", self.secret_issue.id)]))
        self.assertEqual(found(self.user, [("issue_id", "!=", False)]), theme)
        restricted = (self.secret_issue.id, "Restricted")
        self.assertEqual(theme.with_user(self.user).read(["issue_id"])[0]["issue_id"], restricted)
        groups = Theme.read_group([("id", "=", theme.id)], ["__count"], ["issue_id"])
        self.assertEqual([group["issue_id"] for group in groups], [restricted])
        self.assertEqual(
            theme.with_user(self.lawyer).read(["issue_id"])[0]["issue_id"],
            (self.secret_issue.id, self.secret_issue.display_name),
        )
