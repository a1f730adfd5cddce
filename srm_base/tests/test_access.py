# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import SrmCase

# users may export what they can read (the default for new internal users)
EXPORT = ",base.group_allow_export"


@tagged("post_install", "-at_install")
class TestAccess(SrmCase):
    """What each group reads, counts, groups, exports and changes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Engagement = cls.env["srm.engagement"]
        cls.company_b = cls.env["res.company"].create({"name": "SRM Test Company B"})
        cls.project_b = cls.env["srm.project"].create(
            {"name": "Mine B", "code": "TST-B", "company_id": cls.company_b.id}
        )
        cls.public = cls._engagement(cls.stakeholder, name="ACL public meeting")
        cls.secret = cls._engagement(
            cls.stakeholder, name="ACL land negotiation", is_confidential=True
        )
        cls.road = cls._engagement(
            cls.road_stakeholder, name="ACL road works", project_id=cls.other_project.id
        )
        cls.no_project = cls._engagement(cls.community, name="ACL no project", project_id=False)
        cls.in_company_b = Engagement.create({
            "name": "ACL company B",
            "partner_ids": [Command.set(cls.community.ids)],
            "project_id": cls.project_b.id,
            "company_id": cls.company_b.id,
        })
        cls.all_engagements = cls.public | cls.secret | cls.road | cls.no_project | cls.in_company_b
        for engagement in cls.all_engagements:
            engagement.message_post(body=f"Note on {engagement.name}", message_type="comment",
                                    subtype_xmlid="mail.mt_note")
        member = cls.env.ref("srm_base.srm_relationship_type_member")
        cls.relation_mine = cls.env["srm.relationship"].create({
            "partner_id": cls.stakeholder.id, "type_id": member.id, "related_partner_id": cls.community.id,
        })
        cls.relation_road = cls.env["srm.relationship"].create({
            "partner_id": cls.road_stakeholder.id, "type_id": member.id,
            "related_partner_id": cls.community.id,
        })

        cls.users = {
            "manager": cls._new_user("srm_acl_manager", "srm_base.group_srm_manager" + EXPORT),
            "user": cls._new_user("srm_acl_user", "srm_base.group_srm_user" + EXPORT),
            "confidential": cls._new_user(
                "srm_acl_confidential", "srm_base.group_srm_user,srm_base.group_srm_confidential" + EXPORT
            ),
            "auditor": cls._new_user("srm_acl_auditor", "srm_base.group_srm_auditor" + EXPORT),
            "restricted": cls._new_user(
                "srm_acl_restricted", "srm_base.group_srm_restricted" + EXPORT,
                srm_project_ids=[Command.set(cls.project.ids)],
            ),
            "internal": cls._new_user("srm_acl_internal", "base.group_user" + EXPORT),
        }

    # what each user must see among the engagements of company A
    def _expected_engagements(self, key):
        return {
            "manager": self.public | self.secret | self.road | self.no_project,
            "confidential": self.public | self.secret | self.road | self.no_project,
            "user": self.public | self.road | self.no_project,
            "auditor": self.public | self.road | self.no_project,
            "restricted": self.public,
            "internal": None,
        }[key]

    def test_engagement_visibility(self):
        domain = [("id", "in", self.all_engagements.ids)]
        for key, user in self.users.items():
            expected = self._expected_engagements(key)
            Engagement = self.env["srm.engagement"].with_user(user)
            with self.subTest(user=key):
                if expected is None:
                    with self.assertRaises(AccessError), mute_logger("odoo.models"):
                        Engagement.search(domain)
                    continue
                found = Engagement.search(domain)
                self.assertEqual(found, expected)
                self.assertEqual(Engagement.search_count(domain), len(expected))
                groups = Engagement.read_group(domain, ["project_id"], ["project_id"])
                self.assertEqual(sum(g["project_id_count"] for g in groups), len(expected))
                [(count,)] = Engagement._read_group(domain, [], ["__count"])
                self.assertEqual(count, len(expected))
                exported = found.export_data(["name", "partner_ids/name"])["datas"]
                self.assertEqual({row[0] for row in exported}, set(expected.mapped("name")))
                # the list view of the web client
                web = Engagement.web_search_read(domain, {"name": {}, "date": {}})
                self.assertEqual(web["length"], len(expected))
                names = {r["name"] for r in Engagement.search_read(domain, ["name"])}
                self.assertEqual(names, set(expected.mapped("name")))
                hidden = self.all_engagements - expected
                for engagement in hidden:
                    with self.assertRaises(AccessError), mute_logger("odoo.models"):
                        engagement.with_user(user).read(["name"])
                    with self.assertRaises(AccessError), mute_logger("odoo.models"):
                        engagement.with_user(user).export_data(["name"])

    def test_confidential_hidden_everywhere_else(self):
        for key in ("user", "auditor", "restricted"):
            user = self.users[key]
            with self.subTest(user=key):
                # from the stakeholder: timeline, smart button, participation lines
                stakeholder = self.stakeholder.with_user(user)
                self.assertNotIn(self.secret, stakeholder.srm_engagement_ids)
                self.assertEqual(stakeholder.srm_engagement_count, 1)
                participants = self.env["srm.engagement.participant"].with_user(user).search(
                    [("engagement_id", "in", self.all_engagements.ids)]
                )
                self.assertNotIn(self.secret, participants.engagement_id)
                # search by name, name_search (many2one dropdowns)
                Engagement = self.env["srm.engagement"].with_user(user)
                self.assertFalse(Engagement.search([("name", "ilike", "land negotiation")]))
                self.assertFalse(Engagement.name_search("land negotiation"))
                # the chatter of the confidential engagement
                Message = self.env["mail.message"].with_user(user)
                messages = Message.search([("model", "=", "srm.engagement"), ("res_id", "=", self.secret.id)])
                self.assertFalse(messages)
                secret_note = self.secret.message_ids[:1]
                with self.assertRaises(AccessError), mute_logger("odoo.models", "odoo.addons.mail.models.mail_message"):
                    secret_note.with_user(user).read(["body"])
        for key in ("manager", "confidential"):
            stakeholder = self.stakeholder.with_user(self.users[key])
            self.assertIn(self.secret, stakeholder.srm_engagement_ids)
            self.assertEqual(stakeholder.srm_engagement_count, 2)
            messages = self.env["mail.message"].with_user(self.users[key]).search(
                [("model", "=", "srm.engagement"), ("res_id", "=", self.secret.id)]
            )
            self.assertTrue(messages)
        # a plain employee can see contacts but nothing of the engagements
        internal = self.stakeholder.with_user(self.users["internal"])
        self.assertEqual(internal.read(["name"])[0]["name"], "Elena Ríos")
        self.assertNotIn("srm_engagement_ids", internal.read()[0])
        self.assertEqual(internal.srm_engagement_count, 0)

    def test_followers_of_hidden_engagements(self):
        """A search of followers does not tell who follows an engagement the user may not read."""
        follower = self.users["confidential"].partner_id
        (self.secret | self.road).message_subscribe(partner_ids=follower.ids)
        domain = [
            ("res_model", "=", "srm.engagement"),
            ("res_id", "in", self.all_engagements.ids),
            ("partner_id", "=", follower.id),
        ]
        for key, user in self.users.items():
            expected = (self._expected_engagements(key) or self.secret.browse()) & (self.secret | self.road)
            with self.subTest(user=key):
                followers = self.env["mail.followers"].with_user(user).search(domain)
                self.assertEqual(set(followers.mapped("res_id")), set(expected.ids))
        # nor does reading followers by id, one by one
        all_followers = self.env["mail.followers"].search(domain)
        self.assertEqual(len(all_followers), 2)
        for key, user in self.users.items():
            readable = (self._expected_engagements(key) or self.secret.browse()) & (self.secret | self.road)
            for each in all_followers:
                with self.subTest(user=key, engagement=each.res_id):
                    as_user = each.with_user(user)
                    if each.res_id in readable.ids:
                        self.assertEqual(as_user.read(["partner_id"])[0]["partner_id"][0], follower.id)
                    else:
                        with self.assertRaises(AccessError), mute_logger("odoo.models"):
                            as_user.read(["partner_id"])

    def test_followers_of_a_stakeholder(self):
        """The chatter of a stakeholder searches its followers with no condition on the
        SRM records (the followers of a partner are not theirs), and a search over
        stakeholders and engagements still leaves out those of hidden engagements."""
        follower = self.users["confidential"].partner_id
        (self.secret | self.road).message_subscribe(partner_ids=follower.ids)
        self.stakeholder.message_subscribe(partner_ids=follower.ids)
        for key, user in self.users.items():
            Followers = self.env["mail.followers"].with_user(user)
            with self.subTest(user=key):
                chatter = [("res_id", "=", self.stakeholder.id), ("res_model", "=", "res.partner")]
                self.assertNotIn('"srm_engagement"', Followers._search(chatter).select().code)
                self.assertIn(follower, Followers.search(chatter).partner_id)
                mixed = Followers.search([
                    ("res_model", "in", ["res.partner", "srm.engagement"]),
                    ("res_id", "in", self.stakeholder.ids + (self.secret | self.road).ids),
                    ("partner_id", "=", follower.id),
                ])
                expected = (self._expected_engagements(key) or self.secret.browse()) & (self.secret | self.road)
                self.assertEqual(
                    {(f.res_model, f.res_id) for f in mixed},
                    {("res.partner", self.stakeholder.id)} | {("srm.engagement", e.id) for e in expected},
                )

    def test_write_rights(self):
        values = {"outcome": "Agreed to meet again"}
        for key in ("manager", "user", "confidential", "restricted"):
            with self.subTest(user=key):
                self.public.with_user(self.users[key]).write(values)
        self.secret.with_user(self.users["confidential"]).write(values)
        for key in ("auditor", "internal"):
            with self.subTest(user=key), self.assertRaises(AccessError), mute_logger("odoo.models"):
                self.public.with_user(self.users[key]).write(values)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.road.with_user(self.users["restricted"]).write(values)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.secret.with_user(self.users["user"]).write(values)

        # create: auditors never, restricted users only on their projects
        vals = {"name": "New one", "partner_ids": [Command.set(self.stakeholder.ids)]}
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.env["srm.engagement"].with_user(self.users["auditor"]).create(dict(vals, project_id=self.project.id))
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.env["srm.engagement"].with_user(self.users["restricted"]).create(
                dict(vals, project_id=self.other_project.id)
            )
        created = self.env["srm.engagement"].with_user(self.users["restricted"]).create(
            dict(vals, project_id=self.project.id)
        )
        self.assertEqual(created.participant_ids.partner_id, self.stakeholder)
        # deleting is for managers
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            created.with_user(self.users["user"]).unlink()
        created.with_user(self.users["manager"]).unlink()

    def test_stakeholder_visibility_and_write(self):
        stakeholders = self.stakeholder | self.community | self.do_not_contact | self.road_stakeholder
        domain = [("id", "in", stakeholders.ids)]
        expected = {
            "manager": stakeholders,
            "user": stakeholders,
            "confidential": stakeholders,
            "auditor": stakeholders,
            "restricted": self.stakeholder | self.community | self.do_not_contact,
            "internal": stakeholders,
        }
        for key, user in self.users.items():
            with self.subTest(user=key):
                Partner = self.env["res.partner"].with_user(user)
                self.assertEqual(Partner.search(domain), expected[key])
                self.assertEqual(Partner.search_count(domain), len(expected[key]))
        Partner = self.env["res.partner"].with_user(self.users["restricted"])
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.road_stakeholder.with_user(self.users["restricted"]).read(["name"])
        # restricted users record stakeholders of their projects
        created = Partner.create({
            "name": "Met in the field", "is_stakeholder": True,
            "srm_project_ids": [Command.set(self.project.ids)],
        })
        self.assertTrue(created.is_stakeholder)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Partner.create({"name": "Elsewhere", "is_stakeholder": True,
                            "srm_project_ids": [Command.set(self.other_project.ids)]})
        # auditors read everything and change nothing
        auditor_view = self.stakeholder.with_user(self.users["auditor"])
        self.assertEqual(auditor_view.srm_influence, 3)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            auditor_view.write({"srm_influence": 5})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.env["srm.relationship"].with_user(self.users["auditor"]).create({
                "partner_id": self.stakeholder.id,
                "type_id": self.env.ref("srm_base.srm_relationship_type_family").id,
                "related_partner_id": self.community.id,
            })
        self.stakeholder.with_user(self.users["user"]).write({"srm_influence": 5})
        self.assertEqual(self.stakeholder.srm_quadrant, "keep_satisfied")

    def test_projects_and_relationships_of_restricted_users(self):
        projects = self.project | self.other_project
        Project = self.env["srm.project"].with_user(self.users["restricted"])
        self.assertEqual(Project.search([("id", "in", projects.ids)]), self.project)
        self.assertEqual(
            self.env["srm.project"].with_user(self.users["user"]).search([("id", "in", projects.ids)]),
            projects,
        )
        relations = self.relation_mine | self.relation_road
        Relationship = self.env["srm.relationship"].with_user(self.users["restricted"])
        self.assertEqual(Relationship.search([("id", "in", relations.ids)]), self.relation_mine)
        # membership changes apply at once
        self.other_project.member_ids = [Command.link(self.users["restricted"].id)]
        self.assertEqual(Project.search([("id", "in", projects.ids)]), projects)
        self.assertIn(self.road, self.env["srm.engagement"].with_user(self.users["restricted"]).search([]))

    def test_multi_company(self):
        user = self.users["manager"]
        Engagement = self.env["srm.engagement"].with_user(user)
        self.assertNotIn(self.in_company_b, Engagement.search([]))
        self.assertNotIn(self.project_b, self.env["srm.project"].with_user(user).search([]))
        user.write({"company_ids": [Command.link(self.company_b.id)]})
        both = Engagement.with_context(allowed_company_ids=[self.company.id, self.company_b.id])
        self.assertIn(self.in_company_b, both.search([]))
        # only its own company: company B stays out
        self.assertNotIn(self.in_company_b, Engagement.with_context(allowed_company_ids=[self.company.id]).search([]))

    def test_menus_and_groups(self):
        root = self.env.ref("srm_base.srm_menu_root")
        for key, user in self.users.items():
            with self.subTest(user=key):
                visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
                self.assertEqual(root.id in visible, key != "internal")
        config = self.env.ref("srm_base.srm_menu_config")
        self.assertIn(config.id, self.env["ir.ui.menu"].with_user(self.users["manager"])._visible_menu_ids())
        self.assertNotIn(config.id, self.env["ir.ui.menu"].with_user(self.users["user"])._visible_menu_ids())
        # the chain restricted < user < manager
        manager = self.users["manager"]
        for group in ("group_srm_user", "group_srm_restricted", "group_srm_confidential"):
            self.assertTrue(manager.has_group(f"srm_base.{group}"))
        self.assertFalse(manager.has_group("srm_base.group_srm_auditor"))
        self.assertTrue(self.users["user"].has_group("srm_base.group_srm_restricted"))
        self.assertFalse(self.users["user"].has_group("srm_base.group_srm_confidential"))


@tagged("post_install", "-at_install")
class TestAssessmentFields(SrmCase):
    """The team's assessment of a stakeholder (type, segments, scores, quadrant,
    salience) is read by the SRM groups only: not by the stakeholder's own portal login
    or their organisation's, nor by other internal users."""

    ASSESSMENT = (
        "stakeholder_type_id",
        "srm_segment_ids",
        "srm_influence",
        "srm_interest",
        "srm_legitimacy",
        "srm_urgency",
        "srm_quadrant",
        "srm_salience",
    )

    def test_stakeholder_does_not_read_how_the_team_rates_them(self):
        self.community.write({"srm_influence": 5, "srm_interest": 1})
        secretary = self.env["res.partner"].create({"name": "Council secretary", "parent_id": self.community.id})
        portal = new_test_user(
            self.env, login="srm_council_portal", groups="base.group_portal", partner_id=secretary.id
        )
        sales = self._new_user("srm_sales_only", "base.group_user")
        srm_user = self._new_user("srm_rater", "srm_base.group_srm_user")
        for user in (portal, sales):
            council = self.community.with_user(user)
            self.assertEqual(council.read(["name"])[0]["name"], "Junta de Vecinos Test")
            for fname in self.ASSESSMENT:
                with self.subTest(user=user.login, field=fname), self.assertRaises(AccessError):
                    council.read([fname])
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                council.search([("srm_quadrant", "=", "keep_satisfied")])
        # the team reads them as before
        values = self.community.with_user(srm_user).read(["srm_quadrant", "stakeholder_type_id"])[0]
        self.assertEqual(values["srm_quadrant"], "keep_satisfied")
        self.assertEqual(values["stakeholder_type_id"][0], self.type_community.id)
