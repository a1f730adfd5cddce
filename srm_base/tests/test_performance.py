# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo import Command
from odoo.tests import tagged

from .common import SrmCase


def view_specification(model, arch):
    """The fields the web client reads for a view, as given to web_read / web_search_read."""
    root = etree.fromstring(arch) if isinstance(arch, str) else arch

    def field_nodes(node):
        for child in node:
            if child.tag == "field":
                yield child
            elif child.tag not in ("list", "kanban", "form"):
                yield from field_nodes(child)

    spec = {}
    for node in field_nodes(root):
        field = model._fields[node.get("name")]
        if field.type == "many2one":
            spec[field.name] = {"fields": {"display_name": {}}}
        elif field.type in ("one2many", "many2many"):
            sub = node.find("list")
            if sub is not None:
                spec[field.name] = {
                    "fields": view_specification(model.env[field.comodel_name], sub),
                    "limit": int(sub.get("limit", 40)),
                }
            else:
                spec[field.name] = {"fields": {"display_name": {}}}
        else:
            spec[field.name] = {}
    return spec


# queries of a busy stakeholder's form as an SRM user (web_read of the form's fields), with
# every module that extends the form installed: its tags, segments, projects, smart buttons
# and what it shows of the records its lookups link to in one query, the pages of
# relationships, engagements, issues and insights read when opened
FORM_QUERIES = 16
# a project-restricted user's: the rules of their projects are read too, and whether the
# stakeholder's stored figures (last engagement...) count records they may not read
RESTRICTED_FORM_QUERIES = 19


@tagged("post_install", "-at_install")
class TestPerformance(SrmCase):
    """Opening the stakeholder list and form costs the same number of queries
    whatever the number of stakeholders and engagements."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = cls._new_user("srm_perf_user", "srm_base.group_srm_user")
        Partner = cls.env["res.partner"].with_user(cls.user)
        list_view = cls.env.ref("srm_base.res_partner_view_list_stakeholder")
        views = Partner.get_views([(list_view.id, "list"), (False, "form")])["views"]
        cls.list_spec = view_specification(Partner, views["list"]["arch"])
        cls.form_spec = view_specification(Partner, views["form"]["arch"])
        cls.member = cls.env.ref("srm_base.srm_relationship_type_member")
        cls.batch = 0

    def _populate(self, count, engagements_each):
        """``count`` stakeholders of a new segment, each with engagements and relationships."""
        self.__class__.batch += 1
        segment = self.env["srm.segment"].create({"name": f"Perf segment {self.batch}"})
        tag = self.env["res.partner.category"].create({"name": f"Perf tag {self.batch}"})
        partners = self.env["res.partner"].create([
            {
                "name": f"Perf stakeholder {self.batch}-{i}",
                "email": f"perf{self.batch}.{i}@example.com",
                "is_stakeholder": True,
                "stakeholder_type_id": self.type_individual.id,
                "srm_segment_ids": [Command.set(segment.ids)],
                "category_id": [Command.set(tag.ids)],
                "srm_project_ids": [Command.set(self.project.ids)],
                "user_id": self.user.id,
            }
            for i in range(count)
        ])
        # one batch per stakeholder: every stakeholder's history is then processed
        # alike by the modules that react to new engagements, whatever the volume
        for partner in partners:
            self.env["srm.engagement"].create([
                {
                    "name": f"Perf engagement {j}",
                    "partner_ids": [Command.set([partner.id, self.community.id])],
                    "project_id": self.project.id,
                    "is_confidential": j % 5 == 0,
                }
                for j in range(engagements_each)
            ])
        self.env["srm.relationship"].create([
            {"partner_id": partner.id, "type_id": self.member.id, "related_partner_id": other.id}
            for partner in partners[:1]
            for other in partners[1:]
        ])
        for partner in partners[: engagements_each]:
            partner.activity_schedule("mail.mail_activity_data_todo", user_id=self.user.id)
        # what the administrator just created must not stay in the cache shared with the user
        self.env.flush_all()
        self.env.invalidate_all()
        return segment, partners

    def _queries(self, func):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        func()
        return self.env.cr.sql_log_count - before

    def _open_list(self, segment):
        Partner = self.env["res.partner"].with_user(self.user).with_context(default_is_stakeholder=True)
        result = Partner.web_search_read(
            [("is_stakeholder", "=", True), ("srm_segment_ids", "in", segment.ids)],
            self.list_spec, limit=80, count_limit=10001,
        )
        return result

    def _open_form(self, partner):
        return partner.with_user(self.user).with_context(default_is_stakeholder=True).web_read(self.form_spec)

    def test_list_and_form_query_count_is_constant(self):
        small_segment, small = self._populate(5, 3)
        big_segment, big = self._populate(15, 9)
        # warm the caches (views, access rules, translations)
        self._open_list(small_segment)
        self._open_form(small[0])

        list_small = self._queries(lambda: self._open_list(small_segment))
        list_big = self._queries(lambda: self._open_list(big_segment))
        self.assertEqual(self._open_list(big_segment)["length"], 15)
        self.assertEqual(list_small, list_big, "the stakeholder list must not query per row")

        form_small = self._queries(lambda: self._open_form(small[0]))
        form_big = self._queries(lambda: self._open_form(big[0]))
        self.assertEqual(form_small, form_big, "the stakeholder form must not query per engagement")

        data = self._open_form(big[0])[0]
        # the confidential engagements are not counted for a user without access
        self.assertEqual(data["srm_engagement_count"], 9 - 2)
        # the timeline and the relationships are read when their page is opened, not with the form
        self.assertNotIn("srm_engagement_ids", data)
        self.assertNotIn("srm_relationship_ids", data)

    def test_form_query_count(self):
        """A busy stakeholder's form costs a fixed number of queries, and no more than
        its page needs: the smart buttons are counted together, the timeline is read
        when its page is opened. Pinned with every module that extends the form
        installed (the number depends on what they add)."""
        modules = {"srm_ai", "srm_commitments", "srm_issues", "srm_map", "srm_reporting", "srm_consultation"}
        installed = set(self.env.registry._init_modules)
        if modules - installed:
            self.skipTest(f"pinned with {', '.join(sorted(modules))} installed")
        _segment, partners = self._populate(6, 12)
        busy = partners[0]
        self._open_form(busy)
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=FORM_QUERIES):
            data = self._open_form(busy)[0]
        self.assertEqual(data["srm_engagement_count"], 12 - 3)
        self.assertNotIn("srm_relationship_ids", data)

    def test_fully_profiled_form(self):
        """A stakeholder with every lookup and list of its profile filled opens in no more
        queries than a busy one: what the form shows of its type, region, title, country,
        main project (and its attributes), tags, segments and projects is read with its
        lists, and reads as Odoo would read it, in the user's language and under the
        user's rules."""
        self.env["res.lang"]._activate_lang("fr_FR")
        parent_tag = self.env["res.partner.category"].create({"name": "Profile parent tag"})
        tags = self.env["res.partner.category"].create([
            {"name": "Profile tag", "parent_id": parent_tag.id},
            {"name": "Archived profile tag", "active": False},
        ])
        segments = self.env["srm.segment"].create([{"name": f"Profile segment {i}"} for i in range(3)])
        segments[2].active = False
        region = self.env["srm.region"].create({"name": "Profile valley"})
        self.type_landowner.with_context(lang="fr_FR").name = "Propriétaire foncier"
        self.project.stakeholder_properties_definition = [
            {"name": "parcel_ref", "string": "Parcel reference", "type": "char"},
        ]
        partner = self.env["res.partner"].create({
            "name": "Fully profiled stakeholder",
            "email": "profiled@example.com",
            "is_stakeholder": True,
            "stakeholder_type_id": self.type_landowner.id,
            "srm_region_id": region.id,
            "title": self.env.ref("base.res_partner_title_madam").id,
            "country_id": self.env.ref("base.cl").id,
            "user_id": self.user.id,
            "category_id": [Command.set((tags | parent_tag).ids)],
            "srm_segment_ids": [Command.set(segments.ids)],
            "srm_project_ids": [Command.set((self.project | self.other_project).ids)],
            "srm_main_project_id": self.project.id,
        })
        partner.srm_properties = {"parcel_ref": "P-17"}
        restricted = self._new_user(
            "srm_profile_restricted", "srm_base.group_srm_restricted", srm_project_ids=[Command.set(self.project.ids)]
        )
        lookups = ["stakeholder_type_id", "srm_region_id", "title", "country_id", "srm_main_project_id", "user_id"]
        lists = ["category_id", "srm_segment_ids", "srm_project_ids"]
        for user, lang in ((self.user, "en_US"), (self.user, "fr_FR"), (restricted, "fr_FR")):
            with self.subTest(user=user.login, lang=lang):
                user.lang = lang
                record = partner.with_user(user).with_context(lang=lang, default_is_stakeholder=True)
                # a request starts with an empty cache: the lists another user read are not in it
                self.env.invalidate_all()
                record.web_read(self.form_spec)
                self.env.flush_all()
                self.env.invalidate_all()
                queries = RESTRICTED_FORM_QUERIES if user == restricted else FORM_QUERIES
                with self.assertQueryCount(__system__=queries):
                    data = record.web_read(self.form_spec)[0]
                # what the ORM reads, from an empty cache: the lines the user may read, in
                # the comodel's order, archived ones left out
                for fname in lists:
                    self.env.invalidate_all()
                    Comodel = self.env[partner._fields[fname].comodel_name].with_user(user).with_context(lang=lang)
                    lines = Comodel.search([("id", "in", partner.sudo().with_context(active_test=False)[fname].ids)])
                    self.assertEqual(data[fname], lines.read(["display_name"]), fname)
                for fname in lookups:
                    self.env.invalidate_all()
                    linked = record[fname]
                    self.assertEqual(data[fname], {"id": linked.id, "display_name": linked.sudo().display_name}, fname)
                self.assertEqual(
                    [(prop["name"], prop["value"]) for prop in data["srm_properties"]], [("parcel_ref", "P-17")]
                )
                # in the user's language; archived lines, and projects the user may not see, left out
                type_name = "Propriétaire foncier" if lang == "fr_FR" else self.type_landowner.name
                self.assertEqual(data["stakeholder_type_id"]["display_name"], type_name)
                self.assertEqual(
                    [tag["display_name"] for tag in data["category_id"]],
                    ["Profile parent tag", "Profile parent tag / Profile tag"],
                )
                self.assertEqual([seg["id"] for seg in data["srm_segment_ids"]], segments[:2].ids)
                projects = self.project if user == restricted else self.project | self.other_project
                self.assertEqual({project["id"] for project in data["srm_project_ids"]}, set(projects.ids))

    def test_form_lists_read_together_as_the_user_may_read_them(self):
        """The form's segments, projects and relationships are read in one query, with
        what each field's own read gives: the user's rules, the order, archived lines."""
        segments = self.env["srm.segment"].create([{"name": f"Together segment {i}"} for i in range(3)])
        segments[1].active = False
        partner = self.stakeholder
        partner.write({
            "srm_segment_ids": [Command.set(segments.ids)],
            "srm_project_ids": [Command.set((self.project | self.other_project).ids)],
        })
        Relationship = self.env["srm.relationship"]
        links = Relationship.create([
            {"partner_id": partner.id, "type_id": self.member.id, "related_partner_id": self.community.id},
            {"partner_id": partner.id, "type_id": self.member.id, "related_partner_id": self.road_stakeholder.id},
            {"partner_id": self.do_not_contact.id, "type_id": self.member.id, "related_partner_id": partner.id},
            {"partner_id": self.road_stakeholder.id, "type_id": self.member.id, "related_partner_id": partner.id},
        ])
        links[0].active = False
        fnames = ["srm_segment_ids", "srm_project_ids", "srm_relationship_ids", "srm_relationship_inverse_ids"]
        restricted = self._new_user(
            "srm_perf_restricted", "srm_base.group_srm_restricted", srm_project_ids=[Command.set(self.project.ids)]
        )
        for user in (self.user, restricted):
            with self.subTest(user=user.login):
                record = partner.with_user(user)
                # what the user may read of each list, in the comodel's order, archived lines included
                expected = {}
                for fname in fnames:
                    field = partner._fields[fname]
                    Comodel = self.env[field.comodel_name].with_user(user).with_context(active_test=False)
                    if field.type == "many2many":
                        domain = [("id", "in", partner.sudo().with_context(active_test=False)[fname].ids)]
                    else:
                        domain = [(field.inverse_name, "=", partner.id)]
                    expected[fname] = Comodel.search(domain).ids
                self.env.invalidate_all()
                record.fetch(["name", *fnames])  # the user's rules are read once
                record.invalidate_recordset()
                with self.assertQueryCount(2):  # the stakeholder, then its four lists
                    record.fetch(["name", *fnames])
                for fname in fnames:
                    self.assertEqual(record.with_context(active_test=False)[fname].ids, expected[fname], fname)
        # what the rules hide from the project-restricted user stays hidden
        self.env.invalidate_all()
        seen = partner.with_user(restricted).read(fnames)[0]
        self.assertEqual(seen["srm_segment_ids"], (segments - segments[1]).ids)
        self.assertNotIn(links[1].id, seen["srm_relationship_ids"])
        self.assertNotIn(links[3].id, seen["srm_relationship_inverse_ids"])
        self.assertIn(links[2].id, seen["srm_relationship_inverse_ids"])
        # and from the page of relationships, read when it is opened
        Relationship = Relationship.with_user(restricted)
        self.assertFalse(Relationship.search([("partner_id", "in", partner.ids)]))  # one ended, one hidden
        self.assertEqual(Relationship.search([("related_partner_id", "in", partner.ids)]), links[2])
