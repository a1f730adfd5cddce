# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from freezegun import freeze_time
from lxml import etree

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.base.models.res_partner import Partner as OdooPartner

from .common import SrmCase


@tagged("post_install", "-at_install")
class TestStakeholder(SrmCase):
    def _partner(self, **values):
        return self.env["res.partner"].create(dict({"name": "Scored", "is_stakeholder": True}, **values))

    def test_quadrant_follows_influence_and_interest(self):
        cases = [
            (5, 5, "manage_closely"),
            (4, 4, "manage_closely"),
            (5, 2, "keep_satisfied"),
            (2, 4, "keep_informed"),
            (3, 3, "monitor"),
            (1, 1, "monitor"),
        ]
        for influence, interest, quadrant in cases:
            with self.subTest(influence=influence, interest=interest):
                partner = self._partner(srm_influence=influence, srm_interest=interest)
                self.assertEqual(partner.srm_quadrant, quadrant)
        partner = self._partner(srm_influence=2, srm_interest=2)
        partner.srm_influence = 5
        self.assertEqual(partner.srm_quadrant, "keep_satisfied")
        partner.srm_interest = 5
        self.assertEqual(partner.srm_quadrant, "manage_closely")
        # stored, so that lists can filter and group on it
        self.assertIn(partner, self.env["res.partner"].search([("srm_quadrant", "=", "manage_closely")]))

    def test_salience(self):
        cases = [
            ((5, 5, 5), "definitive"),
            ((5, 5, 1), "dominant"),
            ((5, 1, 5), "dangerous"),
            ((1, 5, 5), "dependent"),
            ((4, 1, 1), "dormant"),
            ((1, 4, 1), "discretionary"),
            ((1, 1, 4), "demanding"),
            ((3, 3, 3), "none"),
        ]
        for (power, legitimacy, urgency), salience in cases:
            with self.subTest(salience=salience):
                partner = self._partner(
                    srm_influence=power, srm_legitimacy=legitimacy, srm_urgency=urgency
                )
                self.assertEqual(partner.srm_salience, salience)

    def test_scores_outside_1_5_are_refused(self):
        for fname, label in (
            ("srm_influence", "Influence"),
            ("srm_interest", "Interest"),
            ("srm_legitimacy", "Legitimacy"),
            ("srm_urgency", "Urgency"),
        ):
            for value in (0, 6, -1):
                with self.subTest(field=fname, value=value):
                    with self.assertRaisesRegex(ValidationError, f"{label} of Out of range must be between 1 and 5"):
                        self._partner(name="Out of range", **{fname: value})
        partner = self._partner(name="Valid")
        with self.assertRaisesRegex(ValidationError, "Influence of Valid must be between 1 and 5"):
            partner.srm_influence = 7
        with self.assertRaises(ValidationError):
            partner.write({"srm_urgency": 0})

    def test_scale_error_in_the_user_language(self):
        for lang in ("fr_FR", "es_ES"):
            self.env["res.lang"]._activate_lang(lang)
        self.env["ir.module.module"]._load_module_terms(["srm_base"], ["fr_FR", "es_ES"], overwrite=True)
        partner = self._partner(name="Valide")
        with self.assertRaisesRegex(
            ValidationError, r"^Influence de Valide doit être comprise entre 1 et 5 \(valeur saisie : 9\)"
        ):
            partner.with_context(lang="fr_FR").srm_influence = 9
        with self.assertRaisesRegex(
            ValidationError, r"^Urgencia de Valide debe estar entre 1 y 5 \(valor indicado: 0\)"
        ):
            partner.with_context(lang="es_ES").srm_urgency = 0
        engagement = self.env["srm.engagement"].with_context(lang="es_ES")
        with self.assertRaisesRegex(ValidationError, "debe incluir al menos un grupo de interés"):
            engagement.create({"name": "Sin nadie"})

    def test_consent_and_do_not_contact_exclude_each_other(self):
        with self.assertRaises(ValidationError):
            self._partner(srm_consent=True, srm_do_not_contact=True)
        partner = self._partner(srm_consent=True)
        with self.assertRaises(ValidationError):
            partner.srm_do_not_contact = True

    def test_check_contactable(self):
        self.assertTrue(self.stakeholder._srm_check_contactable())
        with self.assertRaisesRegex(UserError, "Tomás Reyes asked not to be contacted"):
            (self.stakeholder | self.do_not_contact)._srm_check_contactable()

    def test_relationships_visible_from_both_sides(self):
        member = self.env.ref("srm_base.srm_relationship_type_member")
        relation = self.env["srm.relationship"].create({
            "partner_id": self.stakeholder.id,
            "type_id": member.id,
            "related_partner_id": self.community.id,
            "date_start": date(2020, 1, 1),
        })
        self.assertEqual(self.stakeholder.srm_relationship_ids, relation)
        self.assertEqual(self.community.srm_relationship_inverse_ids, relation)
        self.assertEqual(relation.type_name_inverse, "has as member")
        self.assertEqual(relation.display_name, "Elena Ríos is a member of Junta de Vecinos Test")
        # the form of the other side lists it with the inverse wording, on the page of
        # relationships (read when it is opened)
        form_arch = self.env["res.partner"].get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('view_ref="srm_base.srm_relationship_view_list_stakeholder_inverse"', form_arch)
        inverse_list = self.env.ref("srm_base.srm_relationship_view_list_stakeholder_inverse")
        self.assertIn('name="type_name_inverse"', inverse_list.arch)
        self.assertEqual(
            self.env["srm.relationship"].search([("related_partner_id", "in", self.community.ids)]), relation
        )

    def test_relationship_checks(self):
        member = self.env.ref("srm_base.srm_relationship_type_member")
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self.env["srm.relationship"].create({
                "partner_id": self.stakeholder.id,
                "type_id": member.id,
                "related_partner_id": self.community.id,
                "date_start": date(2024, 5, 1),
                "date_end": date(2024, 4, 1),
            })
        with self.assertRaisesRegex(ValidationError, "with itself"):
            self.env["srm.relationship"].create({
                "partner_id": self.stakeholder.id,
                "type_id": member.id,
                "related_partner_id": self.stakeholder.id,
            })

    def test_ended_relationships_are_archived_by_the_cron(self):
        member = self.env.ref("srm_base.srm_relationship_type_member")
        today = fields.Date.today()
        relation = self.env["srm.relationship"].create({
            "partner_id": self.stakeholder.id,
            "type_id": member.id,
            "related_partner_id": self.community.id,
            "date_end": today + timedelta(days=3),
        })
        self.assertTrue(relation.active)
        with freeze_time(today + timedelta(days=10)):
            self.env["res.partner"]._cron_srm_refresh_days_since_contact()
        self.assertFalse(relation.active)
        self.assertFalse(self.stakeholder.srm_relationship_ids)

    def test_engagement_count_and_action(self):
        self._engagement(self.stakeholder)
        self._engagement(self.stakeholder | self.community)
        self.assertEqual(self.stakeholder.srm_engagement_count, 2)
        self.assertEqual(self.community.srm_engagement_count, 1)
        action = self.stakeholder.action_srm_view_engagements()
        self.assertEqual(self.env["srm.engagement"].search_count(action["domain"]), 2)
        log = self.stakeholder.action_srm_log_engagement()
        self.assertEqual(log["context"]["default_partner_ids"], self.stakeholder.ids)
        self.assertEqual(log["context"]["default_project_id"], self.project.id)

    def test_project_counts(self):
        self._engagement(self.stakeholder)
        self.assertEqual(self.project.engagement_count, 1)
        self.assertEqual(self.project.stakeholder_count, 3)
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self.project.write({"date_start": date(2025, 1, 2), "date_end": date(2025, 1, 1)})


@tagged("post_install", "-at_install")
class TestStakeholderForm(SrmCase):
    def _form_arch(self, user):
        view = self.env["res.partner"].with_user(user).get_views([(False, "form")])["views"]["form"]
        return etree.fromstring(view["arch"])

    def test_srm_users_land_on_the_stakeholder_page(self):
        srm_user = self._new_user("form_srm_user", "srm_base.group_srm_user")
        pages = self._form_arch(srm_user).xpath("//notebook/page/@name")
        self.assertEqual(pages[0], "srm_stakeholder")
        header = self._form_arch(srm_user).xpath("//header")
        self.assertEqual(len(header), 1, "one button bar on the stakeholder form")
        self.assertTrue(header[0].xpath(".//button[@name='action_srm_log_engagement']"))

    def test_other_users_keep_the_contacts_form(self):
        employee = self._new_user("form_employee", "base.group_user")
        arch = self._form_arch(employee)
        self.assertEqual(arch.xpath("//notebook/page/@name")[0], "contact_addresses")
        self.assertFalse(arch.xpath("//page[@name='srm_stakeholder']"))
        self.assertFalse(arch.xpath("//button[@name='action_srm_log_engagement']"))


@tagged("post_install", "-at_install")
class TestStakeholderNames(SrmCase):
    """Stakeholders and their contacts are named as Odoo names contacts (the suite names
    them without looking up the contact types' labels, which only a nameless contact needs)."""

    def test_names_are_odoo_names(self):
        Partner = self.env["res.partner"]
        town = Partner.create({"name": "Municipalidad de Río Claro", "is_company": True, "is_stakeholder": True})
        mayor = Partner.create({"name": "Ana Pérez ", "parent_id": town.id, "is_stakeholder": True})
        invoicing = Partner.create({"type": "invoice", "parent_id": town.id})
        freelance = Partner.create({"name": "Luis Quispe", "company_name": "Cooperativa Agua Viva"})
        farmer = Partner.create({"name": "王小明", "is_stakeholder": True})
        self.assertEqual(
            [p.display_name for p in (town, mayor, invoicing, freelance, farmer)],
            [
                "Municipalidad de Río Claro",
                "Municipalidad de Río Claro, Ana Pérez",
                "Municipalidad de Río Claro, Invoice Address",
                "Cooperativa Agua Viva, Luis Quispe",
                "王小明",
            ],
        )
        for partner in town | mayor | invoicing | freelance | farmer:
            self.assertEqual(partner._get_complete_name(), OdooPartner._get_complete_name(partner))
            self.assertEqual(partner.complete_name, OdooPartner._get_complete_name(partner))

    def test_display_names_are_odoo_display_names(self):
        """Named once per list instead of once per partner, partners keep Odoo's display
        names, in every language and whatever the context asks to show."""
        self.env["res.lang"]._activate_lang("fr_FR")
        Partner = self.env["res.partner"]
        town = Partner.create({"name": "Municipalidad de Río Claro", "is_company": True, "email": "rc@example.com"})
        partners = (
            town
            | Partner.create({"name": "Ana Pérez ", "parent_id": town.id, "email": "ana@example.com", "vat": "X1"})
            | Partner.create({"type": "invoice", "parent_id": town.id, "street": "Calle 1", "city": "Río Claro"})
            | Partner.create({"name": "Luis Quispe", "company_name": "Cooperativa Agua Viva"})
            | Partner.create({"name": "Two lines  \n of name", "is_stakeholder": True})
        )
        field = Partner._fields["display_name"]
        self.assertTrue(Partner._srm_names_as_odoo(), "the suite's naming applies to this database")
        contexts = [
            {},
            {"lang": "fr_FR"},
            {"show_email": True},
            {"show_address": True},
            {"show_address": True, "address_inline": True},
            {"partner_show_db_id": True},
            {"show_vat": True},
        ]
        for context in contexts:
            with self.subTest(context=context):
                records = partners.with_context(**context)
                records.invalidate_recordset(["display_name"])
                ours = [partner.display_name for partner in records]
                records.invalidate_recordset(["display_name"])
                with records.env.protecting([field], records):
                    OdooPartner._compute_display_name(records)
                    odoos = [records.env.cache.get(partner, field) for partner in records]
                self.assertEqual(ours, odoos)
