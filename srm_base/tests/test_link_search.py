# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import tagged

from .common import SrmCase


@tagged("post_install", "-at_install")
class TestLinkSearch(SrmCase):
    """A project-restricted user's searches, counts, groupings and name searches through
    the links of what they read (a stakeholder's projects, engagements, relationships; an
    engagement's, a segment's or a project's stakeholders; a user's projects) match only
    through the linked records they may read: a stakeholder shared with another project
    does not tell them so."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.shared = Partner.create(
            {
                "name": "Cooperativa Compartida",
                "is_stakeholder": True,
                "srm_project_ids": [Command.set((cls.project | cls.other_project).ids)],
            }
        )
        # not a stakeholder: every project user reads it, whatever its projects
        cls.contact = Partner.create(
            {
                "name": "Proveedor Contacto",
                "srm_project_ids": [Command.set(cls.other_project.ids)],
            }
        )
        cls.visible = cls.stakeholder | cls.shared | cls.community | cls.contact
        # the community took part in an engagement of the other project only (and became
        # one of its stakeholders)
        cls.road_meeting = cls._engagement(cls.community, name="LS road meeting", project_id=cls.other_project.id)
        cls.mine_meeting = cls._engagement(cls.stakeholder | cls.shared, name="LS mine meeting")
        cls.mine_secret = cls._engagement(cls.stakeholder, name="LS mine secret", is_confidential=True)
        # a stakeholder taken off the project after an engagement of it
        cls.strayed_meeting = cls._engagement(cls.road_stakeholder, name="LS strayed meeting")
        cls.road_stakeholder.srm_project_ids = [Command.unlink(cls.project.id)]
        member = cls.env.ref("srm_base.srm_relationship_type_member")
        Relationship = cls.env["srm.relationship"]
        cls.road_link = Relationship.create(
            {
                "partner_id": cls.shared.id,
                "type_id": member.id,
                "related_partner_id": cls.road_stakeholder.id,
            }
        )
        cls.road_link_inverse = Relationship.create(
            {
                "partner_id": cls.road_stakeholder.id,
                "type_id": member.id,
                "related_partner_id": cls.community.id,
            }
        )
        cls.mine_link = Relationship.create(
            {
                "partner_id": cls.stakeholder.id,
                "type_id": member.id,
                "related_partner_id": cls.community.id,
            }
        )
        cls.road_segment = cls.env["srm.segment"].create(
            {
                "name": "LS road users",
                "partner_ids": [Command.set(cls.road_stakeholder.ids)],
            }
        )
        cls.mine_segment = cls.env["srm.segment"].create(
            {
                "name": "LS mine users",
                "partner_ids": [Command.set(cls.stakeholder.ids)],
            }
        )
        cls.restricted = cls._new_user(
            "srm_ls_restricted", "srm_base.group_srm_restricted", srm_project_ids=[Command.set(cls.project.ids)]
        )
        cls.contractor = cls._new_user(
            "srm_ls_contractor",
            "srm_base.group_srm_restricted,srm_base.group_srm_confidential",
            srm_project_ids=[Command.set(cls.project.ids)],
        )
        cls.officer = cls._new_user("srm_ls_officer", "srm_base.group_srm_user")
        cls.manager = cls._new_user("srm_ls_manager", "srm_base.group_srm_manager")
        # a user of the other project only, whose contact (not a stakeholder: every project
        # user reads it) attended its meeting
        cls.road_colleague = cls._new_user(
            "srm_ls_road_colleague", "srm_base.group_srm_user", srm_project_ids=[Command.set(cls.other_project.ids)]
        )
        cls.road_meeting.partner_ids = [Command.link(cls.road_colleague.partner_id.id)]
        cls.road_colleague.partner_id.is_stakeholder = False
        # a project the restricted user manages without being of its team: they read the
        # project, not its stakeholders
        cls.port = cls.env["srm.project"].create({"name": "Test Port", "user_id": cls.restricted.id})
        cls.port_stakeholder = Partner.create(
            {
                "name": "Naviera Test",
                "is_stakeholder": True,
                "srm_project_ids": [Command.set(cls.port.ids)],
            }
        )

    def _found(self, user, domain, model="res.partner", among=None):
        """What ``user`` finds with ``domain`` among the records ``among`` (the visible
        stakeholders by default), by search, after checking that a count, a grouping and a
        name search find as many."""
        Model = self.env[model].with_user(user)
        among = self.visible if among is None else among
        full = [*domain, ("id", "in", among.ids)]
        found = Model.search(full)
        self.assertEqual(Model.search_count(full), len(found), domain)
        self.assertEqual(Model._read_group(full, [], ["__count"])[0][0], len(found), domain)
        self.assertEqual(sum(group["__count"] for group in Model.read_group(full, ["id"], [], lazy=False)), len(found))
        self.assertEqual({id_ for id_, _name in Model.name_search("", full, limit=None)}, set(found.ids), domain)
        return found

    def test_searching_by_another_project_finds_nothing(self):
        other = self.other_project.id
        for user in (self.restricted, self.contractor):
            self.assertEqual(self._found(user, []), self.visible)
            for domain in (
                [("srm_project_ids", "in", [other])],
                [("srm_project_ids", "in", other)],
                [("srm_project_ids", "=", other)],
                ["!", ("srm_project_ids", "not in", [other])],
                ["!", ("srm_project_ids", "!=", other)],
                [("srm_project_ids.id", "=", other)],
                [("srm_project_ids.id", "in", [other])],
                [("srm_project_ids.name", "=", "Test Road")],
                [("srm_project_ids", "ilike", "Road")],
                [("srm_project_ids", "any", [("id", "=", other)])],
                ["|", ("srm_project_ids", "in", [other]), ("name", "=", "No such stakeholder")],
            ):
                with self.subTest(user=user.login, domain=domain):
                    self.assertFalse(self._found(user, domain))
            with self.subTest(user=user.login, grouped=True):
                groups = (
                    self.env["res.partner"]
                    .with_user(user)
                    ._read_group([("id", "in", self.visible.ids)], ["srm_project_ids"], ["__count"])
                )
                self.assertEqual(dict(groups), {self.project: 3, self.env["srm.project"]: 1})
            for domain in ([("srm_project_ids", "not in", [other])], [("srm_project_ids", "!=", other)]):
                with self.subTest(user=user.login, domain=domain):
                    self.assertEqual(self._found(user, domain), self.visible)

    def test_projects_they_may_not_read_count_as_none(self):
        """A contact of another project only has no project they may read."""
        self.assertEqual(self._found(self.restricted, [("srm_project_ids", "=", False)]), self.contact)
        self.assertEqual(
            self._found(self.restricted, [("srm_project_ids", "!=", False)]),
            self.stakeholder | self.shared | self.community,
        )

    def test_searching_by_their_own_project_still_works(self):
        mine = self.stakeholder | self.shared | self.community
        for user in (self.restricted, self.contractor):
            for domain in (
                [("srm_project_ids", "in", self.project.ids)],
                [("srm_project_ids", "=", self.project.id)],
                [("srm_project_ids", "in", [self.project.id, self.other_project.id])],
                [("srm_project_ids.name", "=", "Test Mine")],
                [("srm_project_ids", "any", [("code", "=", "TST-MINE")])],
            ):
                with self.subTest(user=user.login, domain=domain):
                    self.assertEqual(self._found(user, domain), mine)
        # the project's own figure and list
        project = self.project.with_user(self.restricted)
        listed = self._found(
            self.restricted,
            project.action_view_stakeholders()["domain"],
            among=self.visible | self.do_not_contact | self.road_stakeholder,
        )
        self.assertEqual(listed, mine | self.do_not_contact)
        self.assertEqual(project.stakeholder_count, 4)

    def test_reading_shows_only_their_projects(self):
        self.env.invalidate_all()
        shared = self.shared.with_user(self.restricted)
        self.assertEqual(shared.srm_project_ids, self.project)
        self.assertEqual(shared.read(["srm_project_ids"])[0]["srm_project_ids"], self.project.ids)
        self.env.invalidate_all()
        values = shared.web_read(
            {
                "srm_project_ids": {"fields": {"display_name": {}}},
                "srm_relationship_ids": {"fields": {"display_name": {}}},
                "srm_engagement_count": {},
            }
        )[0]
        self.assertEqual([project["id"] for project in values["srm_project_ids"]], self.project.ids)
        self.assertFalse(values["srm_relationship_ids"])
        self.assertEqual(values["srm_engagement_count"], 1)

    def test_reading_after_a_check_made_as_superuser(self):
        """The record rules of a relationship are checked as superuser on its
        stakeholders' projects, which stay in memory: reading them next, in the same
        transaction, still shows the user their projects only."""
        member = self.env.ref("srm_base.srm_relationship_type_member")
        link = self.env["srm.relationship"].create(
            {
                "partner_id": self.shared.id,
                "type_id": member.id,
                "related_partner_id": self.community.id,
            }
        )
        self.env.invalidate_all()
        shared = self.shared.with_user(self.restricted)
        link.with_user(self.restricted).write({"note": "Met at the market"})
        self.assertEqual(shared.read(["srm_project_ids"])[0]["srm_project_ids"], self.project.ids)
        self.env.invalidate_all()
        link.with_user(self.restricted).write({"note": "Met at the school"})
        values = shared.web_read({"srm_project_ids": {"fields": {"display_name": {}}}})[0]
        self.assertEqual(values["srm_project_ids"], [{"id": self.project.id, "display_name": "[TST-MINE] Test Mine"}])

    def test_engagements_they_may_not_read(self):
        road, secret = self.road_meeting, self.mine_secret
        for user, domain, expected in (
            (self.restricted, [("srm_engagement_ids", "in", road.ids)], None),
            (self.restricted, [("srm_engagement_ids", "=", road.id)], None),
            (self.restricted, [("srm_engagement_ids", "in", secret.ids)], None),
            (self.restricted, [("srm_engagement_ids.project_id", "=", self.other_project.id)], None),
            (self.restricted, [("srm_engagement_ids", "!=", False), ("id", "=", self.community.id)], None),
            (self.restricted, [("srm_engagement_ids", "=", False), ("is_stakeholder", "=", True)], self.community),
            (self.restricted, [("srm_engagement_ids", "in", self.mine_meeting.ids)], self.stakeholder | self.shared),
            # a confidential engagement of their project, with Confidential access
            (self.contractor, [("srm_engagement_ids", "in", secret.ids)], self.stakeholder),
        ):
            with self.subTest(user=user.login, domain=domain):
                self.assertEqual(self._found(user, domain), expected or self.env["res.partner"])
        # an engagement's stakeholders: one taken off the project no longer finds it
        engagements = self.mine_meeting | secret | self.strayed_meeting
        for partner, expected in ((self.road_stakeholder, None), (self.stakeholder, self.mine_meeting)):
            with self.subTest(partner=partner.name):
                domain = [("partner_ids", "in", partner.ids)]
                found = self._found(self.restricted, domain, "srm.engagement", engagements)
                self.assertEqual(found, expected or self.env["srm.engagement"])
        self.assertEqual(self.strayed_meeting.with_user(self.restricted).partner_ids, self.env["res.partner"])

    def test_relationships_they_may_not_read(self):
        for domain in (
            [("srm_relationship_ids", "in", self.road_link.ids)],
            [("srm_relationship_ids", "!=", False), ("id", "=", self.shared.id)],
            [("srm_relationship_inverse_ids", "in", self.road_link_inverse.ids)],
        ):
            with self.subTest(domain=domain):
                self.assertFalse(self._found(self.restricted, domain))
        self.assertEqual(self._found(self.restricted, [("srm_relationship_ids", "!=", False)]), self.stakeholder)
        self.assertEqual(self._found(self.restricted, [("srm_relationship_inverse_ids", "!=", False)]), self.community)

    def test_segments_projects_and_users(self):
        """Segments and users, which every employee reads, and a project they manage
        without being of its team, do not tell them who is linked to what elsewhere."""
        projects = self.project | self.port
        self.assertEqual(
            self.env["srm.project"].with_user(self.restricted).search([("id", "in", projects.ids)]), projects
        )
        segments = self.road_segment | self.mine_segment
        users = self.road_colleague | self.restricted
        # contacts by the projects of their users
        contacts = self.road_colleague.partner_id | self.restricted.partner_id
        other = self.other_project.id
        for model, among, domain, expected in (
            ("srm.segment", segments, [("partner_ids", "in", self.road_stakeholder.ids)], None),
            ("srm.segment", segments, [("partner_ids", "in", self.stakeholder.ids)], self.mine_segment),
            ("srm.project", projects, [("stakeholder_ids", "in", self.port_stakeholder.ids)], None),
            ("srm.project", projects, [("stakeholder_ids", "in", self.stakeholder.ids)], self.project),
            ("res.users", users, [], users),
            ("res.users", users, [("srm_project_ids", "in", [other])], None),
            ("res.users", users, [("partner_id.srm_project_ids", "=", other)], None),
            ("res.users", users, [("partner_id", "any", [("srm_project_ids", "=", other)])], None),
            ("res.users", users, [("srm_engagement_ids", "in", self.road_meeting.ids)], None),
            ("res.users", users, [("srm_project_ids", "in", self.project.ids)], self.restricted),
            ("res.partner", contacts, [], contacts),
            ("res.partner", contacts, [("user_ids.srm_project_ids", "in", [other])], None),
            ("res.partner", contacts, [("user_ids", "any", [("srm_project_ids", "=", other)])], None),
            (
                "res.partner",
                contacts,
                [("user_ids.srm_project_ids", "in", self.project.ids)],
                self.restricted.partner_id,
            ),
        ):
            with self.subTest(model=model, domain=domain):
                found = self._found(self.restricted, domain, model, among)
                self.assertEqual(found, expected or self.env[model])

    def test_company_wide_users_search_as_before(self):
        """Users who are not restricted to their projects find what Odoo finds."""
        partners = self.visible | self.road_stakeholder | self.port_stakeholder
        for user in (self.officer, self.manager):
            for domain in (
                [("srm_project_ids", "in", self.other_project.ids)],
                [("srm_project_ids", "!=", False)],
                [("srm_project_ids", "!=", self.project.id)],
                [("srm_engagement_ids", "in", self.road_meeting.ids)],
                [("srm_relationship_ids", "!=", False)],
            ):
                with self.subTest(user=user.login, domain=domain):
                    expected = self.env["res.partner"].search([*domain, ("id", "in", partners.ids)])
                    self.assertTrue(expected)
                    self.assertEqual(self._found(user, domain, among=partners), expected)

    def test_one_query_whatever_the_number_of_stakeholders(self):
        Partner = self.env["res.partner"].with_user(self.restricted)
        domain = [
            ("srm_project_ids", "in", [self.project.id, self.other_project.id]),
            ("srm_engagement_ids", "!=", False),
        ]
        Partner.search_count(domain)
        with self.assertQueryCount(1):
            Partner.search_count(domain)


@tagged("post_install", "-at_install")
class TestLinkSearchEveryUser(SrmCase):
    """Users of the whole company search through links by the linked records they may
    read too: a user without Confidential access does not learn who attended a
    confidential engagement, nor a user of one company which stakeholders belong to the
    projects of another."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.secret = cls._engagement(cls.stakeholder, name="LSE secret", is_confidential=True)
        cls.meeting = cls._engagement(cls.community, name="LSE meeting")
        cls.other_company = cls.env["res.company"].create({"name": "LSE Other Company"})
        cls.foreign_project = cls.env["srm.project"].create(
            {"name": "LSE Foreign", "code": "LSE-FOR", "company_id": cls.other_company.id}
        )
        # a contact of no company, known to both
        cls.foreign = cls.env["res.partner"].create(
            {
                "name": "LSE Foreign Supplier",
                "company_id": False,
                "srm_project_ids": [Command.set(cls.foreign_project.ids)],
            }
        )
        cls.partners = cls.stakeholder | cls.community | cls.foreign
        cls.officer = cls._new_user("srm_lse_officer", "srm_base.group_srm_user")
        cls.confidential = cls._new_user(
            "srm_lse_confidential", "srm_base.group_srm_user,srm_base.group_srm_confidential"
        )

    def _found(self, user, domain):
        Partner = self.env["res.partner"].with_user(user)
        full = [*domain, ("id", "in", self.partners.ids)]
        found = Partner.search(full)
        self.assertEqual(Partner.search_count(full), len(found), domain)
        self.assertEqual({id_ for id_, _name in Partner.name_search("", full, limit=None)}, set(found.ids), domain)
        return found

    def test_confidential_engagement_without_confidential_access(self):
        Partner = self.env["res.partner"]
        self.assertFalse(self.env["srm.engagement"].with_user(self.officer).search([("id", "=", self.secret.id)]))
        for domain, expected in (
            ([("srm_engagement_ids", "in", self.secret.ids)], Partner),
            ([("srm_engagement_ids", "=", self.secret.id)], Partner),
            (["!", ("srm_engagement_ids", "not in", self.secret.ids)], Partner),
            ([("srm_engagement_ids", "!=", False)], self.community),
            ([("srm_engagement_ids", "=", False)], self.stakeholder | self.foreign),
            ([("srm_engagement_ids", "in", self.meeting.ids)], self.community),
        ):
            with self.subTest(domain=domain):
                self.assertEqual(self._found(self.officer, domain), expected)
        # with Confidential access, as Odoo finds
        self.assertEqual(
            self._found(self.confidential, [("srm_engagement_ids", "in", self.secret.ids)]), self.stakeholder
        )
        self.assertEqual(
            self._found(self.confidential, [("srm_engagement_ids", "!=", False)]), self.stakeholder | self.community
        )

    def test_projects_of_another_company(self):
        self.assertEqual(self._found(self.officer, []), self.partners)
        for domain in (
            [("srm_project_ids", "in", self.foreign_project.ids)],
            [("srm_project_ids", "!=", False), ("id", "=", self.foreign.id)],
        ):
            with self.subTest(domain=domain):
                self.assertFalse(self._found(self.officer, domain))
        # a user of both companies, working in both
        self.officer.company_ids = [Command.link(self.other_company.id)]
        Partner = (
            self.env["res.partner"]
            .with_user(self.officer)
            .with_context(allowed_company_ids=[self.company.id, self.other_company.id])
        )
        self.assertEqual(Partner.search([("srm_project_ids", "in", self.foreign_project.ids)]), self.foreign)

    def test_one_query_whatever_the_user(self):
        domain = [("srm_project_ids", "in", [self.project.id]), ("srm_engagement_ids", "!=", False)]
        for user in (self.officer, self.confidential):
            Partner = self.env["res.partner"].with_user(user)
            Partner.search_count(domain)
            with self.subTest(user=user.login), self.assertQueryCount(1):
                Partner.search_count(domain)
