# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo import Command, fields
from odoo.tests import new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.srm_base.tests.test_performance import view_specification

from .common import SrmAiCase

# queries of web_read with the stakeholder form's fields, whatever the stakeholder has
FORM_BUDGET = 20


@tagged("post_install", "-at_install")
class TestStakeholderForm(SrmAiCase):
    """Opening a stakeholder costs a fixed number of queries, close to Contacts' own
    form: the lists of its pages (timeline, issues, insights) are read when a page is
    opened, the smart buttons are counted together; what they show is what the user
    may read."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.segment = env["srm.segment"].create({"name": "Form segment"})
        cls.region = env["srm.region"].create({"name": "Form region"})
        cls.other_project = env["srm.project"].create({"name": "Form other project", "code": "FOP"})
        profile = {
            "is_stakeholder": True,
            "stakeholder_type_id": env.ref("srm_base.srm_stakeholder_type_landowner").id,
            "srm_segment_ids": [Command.set(cls.segment.ids)],
            "srm_region_id": cls.region.id,
            "srm_project_ids": [Command.set(cls.project.ids)],
            "srm_main_project_id": cls.project.id,
            "user_id": cls.user.id,
        }
        cls.village.write(profile)
        cls.farmer.write(profile)
        cls.residents = env["res.partner"].create(
            [{"name": f"Riverside resident {i}", "parent_id": cls.village.id} for i in range(3)]
        )
        # an ordinary stakeholder: a few records of each kind
        cls._engagement("We met about the road.", cls.farmer)
        cls.env["srm.issue"].create({"name": "Dust on the road", "complainant_id": cls.farmer.id})
        # a busy one: engagements (some confidential, some of another project), issues
        # of the village and of its residents, commitments, monthly insights, recommendations
        Engagement = env["srm.engagement"]
        Engagement.create(
            [
                {
                    "name": f"Busy meeting {i}",
                    "engagement_type_id": cls.meeting_type.id,
                    "date": fields.Datetime.now() - relativedelta(days=i),
                    "summary": "The council asked about the water.",
                    "partner_ids": [Command.set((cls.village | cls.residents[i % 3]).ids)],
                    "is_confidential": i % 10 == 0,
                    "project_id": (cls.project if i % 4 else cls.other_project).id,
                }
                for i in range(60)
            ]
        )
        Issue = env["srm.issue"]
        cls.busy_issues = Issue.create(
            [
                {
                    "name": f"Busy issue {i}",
                    "complainant_id": cls.residents[i % 3].id if i % 2 else False,
                    "partner_ids": [Command.set(cls.village.ids)] if not i % 2 else [],
                    "is_confidential": i % 7 == 0,
                    "project_id": (cls.project if i % 3 else cls.other_project).id,
                }
                for i in range(30)
            ]
        )
        env["srm.commitment"].create(
            [
                {
                    "name": f"Busy commitment {i}",
                    "partner_ids": [Command.set(cls.village.ids)],
                    "date_due": fields.Date.today() + relativedelta(days=i),
                    "project_id": (cls.project if i % 2 else cls.other_project).id,
                }
                for i in range(15)
            ]
        )
        month = fields.Date.today().replace(day=1)
        env["srm.ai.sentiment.snapshot"].create(
            [
                {
                    "partner_id": cls.village.id,
                    "month": month - relativedelta(months=i),
                    "sentiment": 0.1,
                    "item_count": 5,
                    "health_score": 60,
                }
                for i in range(18)
            ]
        )
        env["srm.ai.recommendation"].create(
            [
                {
                    "partner_id": cls.village.id,
                    "rule_id": env.ref("srm_ai.srm_ai_recommendation_rule_no_contact").id,
                    "reason": f"Busy reason {i}",
                }
                for i in range(12)
            ]
        )
        cls.restricted = new_test_user(
            env,
            login="srm_ai_form_restricted",
            groups="srm_base.group_srm_restricted",
            srm_project_ids=[Command.set(cls.project.ids)],
        )
        # the form as a user sees it, and Odoo's own Contacts form without the suite's additions
        Partner = env["res.partner"].with_user(cls.user)
        cls.arch = etree.fromstring(Partner.get_views([(False, "form")])["views"]["form"]["arch"])
        cls.form_spec = view_specification(Partner, cls.arch)
        savepoint = env.cr.savepoint()
        data = env["ir.model.data"].search([("model", "=", "ir.ui.view"), ("module", "=like", "srm\\_%")])
        srm_views = env["ir.ui.view"].browse(data.mapped("res_id")).exists()
        srm_views.filtered(lambda view: view.inherit_id and view.model == "res.partner").active = False
        env.registry.clear_cache()
        contacts = Partner.get_views([(env.ref("base.view_partner_form").id, "form")])["views"]["form"]
        cls.contacts_spec = view_specification(Partner, contacts["arch"])
        env.flush_all()
        savepoint.close(rollback=True)
        env.invalidate_all()
        env.registry.clear_cache()

    def _open(self, partner, spec, user=None):
        return partner.with_user(user or self.user).with_context(default_is_stakeholder=True).web_read(spec)[0]

    def _queries(self, partner, spec):
        self._open(partner, spec)  # a running server has read the user's groups and rules
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self._open(partner, spec)
        return self.env.cr.sql_log_count - before

    def test_form_within_budget_whatever_the_stakeholder_has(self):
        ordinary = self._queries(self.farmer, self.form_spec)
        busy = self._queries(self.village, self.form_spec)
        # Contacts' own form reads the village's contacts too: compare with it on each
        contacts_ordinary = self._queries(self.farmer, self.contacts_spec)
        contacts_busy = self._queries(self.village, self.contacts_spec)
        self.assertEqual(
            busy - contacts_busy,
            ordinary - contacts_ordinary,
            "the form must not query per engagement, issue, commitment or insight",
        )
        # with a type, a region, segments, projects and every smart button
        self.assertLessEqual(ordinary, FORM_BUDGET, f"Contacts' form: {contacts_ordinary} queries")
        self.env.invalidate_all()
        with self.assertQueryCount(FORM_BUDGET + contacts_busy - contacts_ordinary):
            data = self._open(self.village, self.form_spec)
        for fname in ("srm_ai_snapshot_ids", "srm_ai_recommendation_ids", "srm_issue_ids", "srm_engagement_ids"):
            self.assertNotIn(fname, data, "read when its page is opened")
        self.assertEqual(data["srm_engagement_count"], 60 - 6)
        self.assertEqual(data["srm_issue_count"], 30 - 5)
        self.assertEqual(data["srm_commitment_count"], 15)

    def test_counts_match_the_pages_for_a_restricted_user(self):
        """A project-restricted user opening the busy stakeholder: each count and each
        page shows the records of their project that they may read, nothing else."""
        pages = {widget.get("model"): widget for widget in self.arch.xpath("//widget[@name='srm_related_list']")}
        self.assertEqual(
            set(pages),
            {"srm.engagement", "srm.issue", "srm.ai.sentiment.snapshot", "srm.ai.recommendation", "srm.relationship"},
        )

        def page(user, model):
            widget = pages[model]
            if widget.get("domain"):
                domain = safe_eval(widget.get("domain"), {"id": self.village.id})
            else:
                domain = [(widget.get("field"), "in", self.village.ids)]
            return self.env[model].with_user(user).search(domain)

        for user in (self.restricted, self.user, self.manager):
            with self.subTest(user=user.login):
                data = self._open(self.village, self.form_spec, user)
                engagements = page(user, "srm.engagement")
                issues = page(user, "srm.issue")
                self.assertEqual(data["srm_engagement_count"], len(engagements))
                self.assertEqual(data["srm_issue_count"], len(issues))
                commitments = (
                    self.env["srm.commitment"].with_user(user).search([("partner_ids", "in", self.village.ids)])
                )
                self.assertEqual(data["srm_commitment_count"], len(commitments))
                if user == self.restricted:
                    # the village's records are the other project's too: its months are
                    # computed from what they may read (no text of theirs was scored, so
                    # only this month's health is left), and recommendations drawn from
                    # both projects' records are not theirs
                    self.assertEqual(len(page(user, "srm.ai.sentiment.snapshot")), 1)
                    self.assertFalse(page(user, "srm.ai.recommendation"))
                else:
                    self.assertEqual(len(page(user, "srm.ai.sentiment.snapshot")), 18)
                    self.assertEqual(len(page(user, "srm.ai.recommendation")), 12)
                if user == self.restricted:
                    # their project's only, and no confidential record
                    self.assertEqual(engagements.project_id, self.project)
                    self.assertFalse(engagements.filtered("is_confidential"))
                    self.assertEqual(issues.project_id, self.project)
                    self.assertFalse(issues.filtered("is_confidential"))
                    self.assertEqual(len(engagements), 45 - 3)
                    self.assertEqual(len(issues), 20 - 3)
                    self.assertEqual(len(commitments), 7)
