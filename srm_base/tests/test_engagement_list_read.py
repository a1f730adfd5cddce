# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from ..models.srm_read_rules import ReadRulesChecked
from .common import SrmCase
from .test_performance import view_specification

# queries of a page of the engagement list read by a project-restricted user (with its
# count): the engagements, their stakeholders with what the list shows of them, the names
# of their types, projects and responsible users, activities, the companies of the rules,
# the user, and the count
RESTRICTED_LIST_QUERIES = 7


@tagged("post_install", "-at_install")
class TestEngagementListRead(SrmCase):
    """A page of the engagement list shows each user the stakeholders they may read,
    named as everywhere else, whatever the shortcuts the page is read with."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.restricted = cls._new_user(
            "srm_lr_restricted", "srm_base.group_srm_restricted", srm_project_ids=[Command.set(cls.project.ids)]
        )
        cls.officer = cls._new_user("srm_lr_officer", "srm_base.group_srm_user")
        Partner = cls.env["res.partner"]
        cls.contact = Partner.create({"name": "Marta Soto", "parent_id": cls.community.id, "is_stakeholder": True})
        cls.archived = Partner.create({"name": "Archived Neighbour", "is_stakeholder": True})
        # linked to the project's engagements, then taken off the project: another
        # project's stakeholder, which a project-restricted user may not read
        cls.moved = Partner.create({"name": "Moved Away Ltd", "is_company": True, "is_stakeholder": True})
        cls.engagements = cls.env["srm.engagement"]
        for index in range(6):
            cls.engagements |= cls._engagement(
                cls.stakeholder | cls.community | cls.contact | cls.archived | cls.moved,
                days_ago=index + 1,
                name=f"List read engagement {index}",
                user_id=(cls.officer if index % 2 else cls.env.user).id,
            )
        cls.confidential = cls._engagement(
            cls.stakeholder, name="List read confidential engagement", is_confidential=True
        )
        cls.archived.active = False
        cls.moved.srm_project_ids = [Command.set(cls.other_project.ids)]
        Engagement = cls.env["srm.engagement"]
        arch = Engagement.get_views([(cls.env.ref("srm_base.srm_engagement_view_list").id, "list")])["views"]["list"]
        cls.spec = view_specification(Engagement, arch["arch"])
        cls.domain = [("name", "like", "List read")]

    def _page(self, user):
        self.env.flush_all()
        self.env.invalidate_all()
        return (
            self.env["srm.engagement"]
            .with_user(user)
            .web_search_read(self.domain, self.spec, limit=80, count_limit=10001)
        )

    def _expected(self, user):
        """The page as the ORM reads it field by field: the engagements the user's search
        finds, and of each, the active stakeholders among those the user's own search of
        stakeholders finds, named by their display name."""
        self.env.invalidate_all()
        engagements = self.env["srm.engagement"].with_user(user).search(self.domain, limit=80)
        linked = engagements.sudo().with_context(active_test=False).partner_ids
        readable = self.env["res.partner"].with_user(user).search([("id", "in", linked.ids)])
        rows = []
        for engagement in engagements:
            partners = engagement.sudo().partner_ids.filtered(lambda p: p in readable)
            rows.append(
                {
                    "id": engagement.id,
                    "name": engagement.sudo().name,
                    "partner_ids": [{"id": p.id, "display_name": p.display_name} for p in partners],
                }
            )
        return rows

    def _shown(self, page):
        return [{"id": row["id"], "name": row["name"], "partner_ids": row["partner_ids"]} for row in page["records"]]

    def test_restricted_user_sees_their_projects_active_stakeholders(self):
        page = self._page(self.restricted)
        self.assertEqual(page["length"], 6, "the confidential engagement is not listed")
        self.assertEqual(self._shown(page), self._expected(self.restricted))
        names = [value["display_name"] for value in page["records"][0]["partner_ids"]]
        self.assertEqual(names, ["Elena Ríos", "Junta de Vecinos Test", "Junta de Vecinos Test, Marta Soto"])

    def test_hidden_stakeholder_of_a_listed_engagement_stays_checked(self):
        """A stakeholder the restricted user may not read, linked to the engagements they
        list, is not spared the access check during the page: a nested read of it fails."""
        Engagement = ReadRulesChecked.with_checked(self.env["srm.engagement"].with_user(self.restricted))
        found = Engagement.search_fetch(self.domain, ["partner_ids"])
        self.assertEqual(found, self.engagements)
        moved = found.env["res.partner"].browse(self.moved.id)
        self.assertFalse(ReadRulesChecked.covers(moved))
        with self.assertRaises(AccessError):
            moved.check_access("read")
        # nor through the page's own read of the stakeholders' linked records
        self.env["res.partner"].browse(self.contact.id).parent_id = self.moved
        self.env.flush_all()
        self.env.invalidate_all()
        spec = {"partner_ids": {"fields": {"parent_id": {"fields": {"email": {}}}}}}
        with self.assertRaises(AccessError):
            self.env["srm.engagement"].with_user(self.restricted).web_search_read(self.domain, spec, limit=80)

    def test_officer_sees_every_active_stakeholder(self):
        page = self._page(self.officer)
        self.assertEqual(page["length"], 6)
        self.assertEqual(self._shown(page), self._expected(self.officer))
        names = [value["display_name"] for value in page["records"][0]["partner_ids"]]
        self.assertEqual(
            names, ["Elena Ríos", "Junta de Vecinos Test", "Junta de Vecinos Test, Marta Soto", "Moved Away Ltd"]
        )

    def test_responsible_and_masked_links_unchanged(self):
        page = self._page(self.restricted)
        users = {row["user_id"]["display_name"] for row in page["records"]}
        self.assertEqual(users, {self.officer.name, self.env.user.name})
        self.assertEqual({row["project_id"]["display_name"] for row in page["records"]}, {self.project.display_name})

    def test_lookups_named_as_odoo_names_them(self):
        """Types, projects, responsible users and companies are named as Odoo's web_read
        names them (as superuser), in the reader's language, archived ones included."""
        self.env["res.lang"]._activate_lang("fr_FR")
        self.type_meeting.with_context(lang="fr_FR").name = "Réunion (fr)"
        self.engagements[:2].engagement_type_id = self.type_call
        self.officer.partner_id.name = "Officer Renamed"
        self.engagements[-1].user_id = False
        lookups = ("engagement_type_id", "project_id", "user_id", "company_id")
        # the company column, which the list shows to multi-company users
        spec = dict(self.spec, company_id={"fields": {"display_name": {}}})
        for user in (self.restricted, self.officer):
            for lang in ("en_US", "fr_FR"):
                with self.subTest(user=user.login, lang=lang):
                    self.env.flush_all()
                    self.env.invalidate_all()
                    page = (
                        self.env["srm.engagement"]
                        .with_user(user)
                        .with_context(lang=lang)
                        .web_search_read(self.domain, spec, limit=80)
                    )
                    self.env.invalidate_all()
                    for row in page["records"]:
                        engagement = self.env["srm.engagement"].sudo().with_context(lang=lang).browse(row["id"])
                        for fname in lookups:
                            linked = engagement[fname]
                            expected = {"id": linked.id, "display_name": linked.display_name} if linked else False
                            self.assertEqual(row[fname], expected, fname)
                    types = {row["engagement_type_id"]["display_name"] for row in page["records"]}
                    meeting = "Réunion (fr)" if lang == "fr_FR" else "Meeting"
                    self.assertEqual(types, {meeting, self.type_call.with_context(lang=lang).name})
                    self.assertIn(
                        "Officer Renamed",
                        {row["user_id"] and row["user_id"]["display_name"] for row in page["records"]},
                    )
                    self.assertEqual(page["records"][0]["project_id"]["display_name"], "[TST-MINE] Test Mine")

    def test_stakeholders_values_are_those_of_the_database(self):
        """What the page's query puts in memory of each stakeholder is what the ORM reads."""
        Engagement = self.env["srm.engagement"].with_user(self.restricted)
        self.env.invalidate_all()
        engagements = Engagement.search_fetch(self.domain, ["partner_ids"])
        Partner = self.env["res.partner"].with_user(self.restricted)
        names = Partner._srm_listed_fields()
        for name in ("active", "name", "parent_id", "is_company", "complete_name", "partner_share", "is_stakeholder"):
            self.assertIn(name, names)
        partners = Partner.browse(
            {pid for ids in self.env.cache.get_values(engagements, engagements._fields["partner_ids"]) for pid in ids}
        )
        self.assertEqual(set(partners.ids), {self.stakeholder.id, self.community.id, self.contact.id, self.archived.id})
        cached = {
            (partner.id, name): self.env.cache.get(partner, partner._fields[name])
            for partner in partners
            for name in names
        }
        self.env.invalidate_all()
        partners.sudo().fetch(names)
        for partner in partners:
            for name in names:
                self.assertEqual(cached[partner.id, name], self.env.cache.get(partner, partner._fields[name]), name)

    def test_restricted_page_queries(self):
        Engagement = self.env["srm.engagement"].with_user(self.restricted)
        Engagement.web_search_read(self.domain, self.spec, limit=80, count_limit=10001)
        self.env.flush_all()
        self.env.invalidate_all()
        # the stakeholders' columns come with their links, and the page's records are not
        # checked again against the rules that selected them (each was a query more)
        with self.assertQueryCount(RESTRICTED_LIST_QUERIES):
            Engagement.web_search_read(self.domain, self.spec, limit=80, count_limit=10001)


@tagged("post_install", "-at_install")
class TestReadRulesChecked(SrmCase):
    """Records are spared a second check of the read rules only within the read of a list
    that selected them under those rules, for the same user and companies."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.restricted = cls._new_user(
            "srm_rc_restricted", "srm_base.group_srm_restricted", srm_project_ids=[Command.set(cls.project.ids)]
        )
        cls.officer = cls._new_user("srm_rc_officer", "srm_base.group_srm_user")
        cls.mine = cls._engagement(cls.stakeholder, name="Rules checked mine")
        cls.secret = cls._engagement(cls.stakeholder, name="Rules checked secret", is_confidential=True)
        cls.road = cls._engagement(cls.road_stakeholder, name="Rules checked road", project_id=cls.other_project.id)

    def test_records_selected_under_the_rules_only(self):
        Engagement = ReadRulesChecked.with_checked(self.env["srm.engagement"].with_user(self.restricted))
        found = Engagement.search_fetch([("name", "like", "Rules checked")], ["name", "partner_ids"])
        self.assertEqual(found, self.mine)
        self.assertTrue(ReadRulesChecked.covers(found))
        self.assertTrue(ReadRulesChecked.covers(found.partner_ids))
        found.check_access("read")
        for other in (self.secret, self.road):
            record = Engagement.browse(other.id)
            self.assertFalse(ReadRulesChecked.covers(record))
            self.assertFalse(record.has_access("read"))
            with self.assertRaises(AccessError):
                record.check_access("read")
        road_stakeholder = Engagement.env["res.partner"].browse(self.road_stakeholder.id)
        with self.assertRaises(AccessError):
            road_stakeholder.check_access("read")
        self.assertEqual((found.partner_ids | road_stakeholder)._filtered_access("read"), self.stakeholder)

    def test_not_for_another_user_or_other_companies(self):
        # noted for the officer, who reads every stakeholder
        Engagement = ReadRulesChecked.with_checked(self.env["srm.engagement"].with_user(self.officer))
        found = Engagement.search_fetch([("name", "like", "Rules checked")], ["partner_ids"])
        self.assertIn(self.road_stakeholder, found.partner_ids)
        as_restricted = found.partner_ids.with_user(self.restricted)
        self.assertFalse(ReadRulesChecked.covers(as_restricted))
        with self.assertRaises(AccessError):
            as_restricted.check_access("read")
        # same user, other companies allowed: the rules that selected them may differ
        company = self.env["res.company"].create({"name": "List read other company"})
        self.officer.company_ids |= company
        in_other = found.partner_ids.with_company(company).with_context(allowed_company_ids=company.ids)
        self.assertFalse(ReadRulesChecked.covers(in_other))
        # as superuser, no rule applies: nothing is noted
        Sudo = ReadRulesChecked.with_checked(self.env["srm.engagement"].sudo())
        found = Sudo.search_fetch([("name", "like", "Rules checked")], ["partner_ids"])
        self.assertFalse(ReadRulesChecked.covers(found.with_user(self.restricted)))

    def test_context_given_over_rpc_is_ignored(self):
        forged = {ReadRulesChecked.CONTEXT_KEY: {"res.partner": [self.road_stakeholder.id], "key": None}}
        partner = (
            self.env["res.partner"].with_user(self.restricted).with_context(**forged).browse(self.road_stakeholder.id)
        )
        self.assertFalse(ReadRulesChecked.covers(partner))
        with self.assertRaises(AccessError):
            partner.check_access("read")
        with self.assertRaises(AccessError):
            self.env["srm.engagement"].with_user(self.restricted).with_context(**forged).browse(self.road.id).read(
                ["name"]
            )
