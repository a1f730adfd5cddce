# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import html

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.srm_base.tools.links import drop_unreadable_links
from odoo.addons.srm_consultation.tests.test_srm_consultation_common import SrmConsultationCase


@tagged("post_install", "-at_install")
class TestFollowUpLinks(SrmConsultationCase):
    """What follows a theme or a condition up is a record its writer may read: a link
    written over RPC to a confidential commitment, to one of another project or of
    another company would make the theme or condition read as followed, and tell its
    writer that the commitment exists."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.confidential_user = new_test_user(
            cls.env,
            login="cons_confidential",
            groups="srm_base.group_srm_user,srm_base.group_srm_confidential",
            name="Cons Confidential",
        )
        other_company = cls.env["res.company"].create({"name": "Other Consultation Co"})
        Commitment = cls.env["srm.commitment"]
        due = fields.Date.today()
        cls.shared = Commitment.create({"name": "Water the road", "project_id": cls.project.id, "date_due": due})
        cls.secret = Commitment.create(
            {"name": "Pay the chief", "project_id": cls.project.id, "date_due": due, "is_confidential": True}
        )
        cls.elsewhere = Commitment.create(
            {"name": "Fence the port", "project_id": cls.other_project.id, "date_due": due}
        )
        cls.abroad = Commitment.create(
            {"name": "Rebuild the jetty", "company_id": other_company.id, "date_due": due}
        )
        cls.theme = cls.env["srm.consultation.theme"].create(
            {"consultation_id": cls.consultation.id, "name": "Dust on the access road"}
        )
        cls.nation = cls.env["res.partner"].create(
            {
                "name": "Test First Nation",
                "is_company": True,
                "is_stakeholder": True,
                "srm_project_ids": [Command.set(cls.project.ids)],
            }
        )
        cls.consent = cls.env["srm.consent.record"].create(
            {
                "name": "FPIC test",
                "partner_id": cls.nation.id,
                "project_id": cls.project.id,
                "condition_ids": [Command.create({"name": "No works near the ceremonial site"})],
            }
        )
        cls.condition = cls.consent.condition_ids

    @staticmethod
    def ref(record):
        return f"{record._name},{record.id}"

    def assertRefused(self, records, values, exception=AccessError):
        """Writing ``values`` on ``records`` is refused, and returns the message."""
        with self.assertRaises(exception) as cm:
            records.write(values)
        return str(cm.exception)

    def test_project_user_links_what_they_may_read(self):
        theme = self.theme.with_user(self.restricted)
        condition = self.condition.with_user(self.restricted)
        for commitment in self.secret | self.elsewhere | self.abroad:
            self.assertRefused(theme, {"linked_record": self.ref(commitment)})
            self.assertRefused(condition, {"linked_record": self.ref(commitment)})
            with self.assertRaises(AccessError):
                theme.create(
                    {"consultation_id": self.consultation.id, "name": "Noise", "linked_record": self.ref(commitment)}
                )
            with self.assertRaises(AccessError):
                # as a default given in the context
                theme.with_context(default_linked_record=self.ref(commitment)).create(
                    {"consultation_id": self.consultation.id, "name": "Noise"}
                )
            with self.assertRaises(AccessError):
                # through the consent record's conditions
                self.consent.with_user(self.restricted).write(
                    {"condition_ids": [Command.create({"name": "Hiring", "linked_record": self.ref(commitment)})]}
                )
            with self.assertRaises(AccessError):
                self.consent.with_user(self.restricted).write(
                    {"condition_ids": [Command.update(self.condition.id, {"linked_record": self.ref(commitment)})]}
                )
        # a commitment that does not exist is refused alike: the answer tells nothing of
        # which commitments exist
        missing = self.env["srm.commitment"].search([], order="id desc", limit=1).id + 1000
        self.assertEqual(
            self.assertRefused(theme, {"linked_record": f"srm.commitment,{missing}"}),
            self.assertRefused(theme, {"linked_record": self.ref(self.secret)}),
        )
        # a record of a model that follows nothing up
        self.assertIn("Contact", self.assertRefused(theme, {"linked_record": self.ref(self.ana)}, UserError))
        self.assertFalse(self.theme.linked_record)
        self.assertFalse(self.condition.linked_record)
        self.assertEqual(self.consent.condition_ids, self.condition)
        self.assertTrue(self.theme.can_create_commitment)
        self.assertTrue(self.consent.can_create_commitments)
        # a commitment of their project they may read is linked
        theme.write({"linked_record": self.ref(self.shared)})
        self.assertEqual(self.theme.linked_record, self.shared)

    def test_project_user_turns_themes_and_conditions_into_commitments(self):
        action = self.theme.with_user(self.restricted).action_create_commitment()
        commitment = self.env["srm.commitment"].browse(action["res_id"])
        self.assertEqual(commitment.create_uid, self.restricted)
        self.assertEqual(self.theme.linked_record, commitment)
        commitments = self.consent.with_user(self.restricted)._srm_conditions_to_commitments()
        self.assertEqual(self.condition.linked_record, commitments)

    def test_confidential_commitment_linked_with_confidential_access_only(self):
        self.assertRefused(self.theme.with_user(self.user), {"linked_record": self.ref(self.secret)})
        self.assertRefused(self.condition.with_user(self.user), {"linked_record": self.ref(self.secret)})
        self.assertRefused(self.theme.with_user(self.user), {"linked_record": self.ref(self.abroad)})
        # a user of every project links the other project's commitment
        self.theme.with_user(self.user).write({"linked_record": self.ref(self.elsewhere)})
        self.assertEqual(self.theme.linked_record, self.elsewhere)
        self.theme.with_user(self.confidential_user).write({"linked_record": self.ref(self.secret)})
        self.condition.with_user(self.confidential_user).write({"linked_record": self.ref(self.secret)})
        self.assertEqual(self.theme.linked_record, self.secret)
        self.assertEqual(self.condition.linked_record, self.secret)

    def test_confidential_consultation_followed_up_with_confidential_access(self):
        self.consultation.is_confidential = True
        self.consent.is_confidential = True
        action = self.theme.with_user(self.confidential_user).action_create_commitment()
        self.assertTrue(self.env["srm.commitment"].browse(action["res_id"]).is_confidential)
        commitments = self.consent.with_user(self.confidential_user)._srm_conditions_to_commitments()
        self.assertTrue(commitments.is_confidential)
        self.assertEqual(self.condition.linked_record, commitments)

    def test_copy_leaves_out_what_the_user_may_not_read(self):
        self.theme.linked_record = self.secret
        self.condition.linked_record = self.secret
        copy = self.theme.with_user(self.user).copy()
        self.assertFalse(copy.linked_record)
        self.assertFalse(self.condition.with_user(self.user).copy().linked_record)
        with self.assertRaises(AccessError):
            self.theme.with_user(self.user).copy({"linked_record": self.ref(self.secret)})
        # a reference the user may not read is left out of what a copy would link
        Theme = self.env["srm.consultation.theme"]
        vals_list = [{"linked_record": self.ref(self.secret)}, {"linked_record": self.ref(self.shared)}]
        drop_unreadable_links(Theme.with_user(self.user), vals_list, ["linked_record"])
        self.assertEqual(vals_list, [{"linked_record": False}, {"linked_record": self.ref(self.shared)}])

    def test_refusal_in_the_language_of_the_user(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(["srm_base"], ["fr_FR"], overwrite=True)
        theme = self.theme.with_user(self.restricted).with_context(lang="fr_FR")
        message = self.assertRefused(theme, {"linked_record": self.ref(self.secret)})
        self.assertIn("vous pouvez lire", message)

    def what_we_heard(self, user, lang=None):
        """The theme's row of the "What we heard" report ``user`` prints, and the whole page."""
        report = self.env["ir.actions.report"].with_user(user).with_context(lang=lang or "en_US")
        content, _kind = report._render_qweb_html(
            "srm_consultation.srm_consultation_what_we_heard_report", self.consultation.ids
        )
        page = html.fromstring(content)
        rows = [
            row
            for row in page.xpath("//tr[contains(@class, 'o_srm_theme_row')]")
            if self.theme.name in row.text_content()
        ]
        self.assertEqual(len(rows), 1)
        return " ".join(rows[0].text_content().split()), page.text_content()

    def test_follow_up_the_reader_may_no_longer_read(self):
        """A theme followed up by a commitment that later became confidential, or that is
        of a project the reader is not a member of: the report and the theme keep
        working, the commitment reads "Restricted" and nothing of it shows."""
        self.env["res.lang"]._activate_lang("fr_FR")
        self.theme.write({"response": "<p>The road is watered twice a day.</p>", "state": "actioned"})
        self.theme.linked_record = self.shared
        self.shared.is_confidential = True
        for user, commitment in ((self.user, self.shared), (self.restricted, self.elsewhere)):
            with self.subTest(user=user.login):
                self.theme.linked_record = commitment
                # as in a new request: nothing the superuser read stays in memory
                self.env.invalidate_all()
                consultation = self.consultation.with_user(user)
                themes = {theme["name"]: theme for theme in consultation._srm_what_we_heard_data()["themes"]}
                self.assertEqual(themes[self.theme.name]["action"], "Restricted")
                row, page = self.what_we_heard(user)
                self.assertIn("Followed up as Restricted.", row)
                self.assertNotIn(str(commitment.id), row)
                self.assertNotIn(commitment.name, page)
                row, page = self.what_we_heard(user, "fr_FR")
                self.assertIn("Restreint", row)
                self.assertNotIn(commitment.name, page)
                # the theme refuses a second follow-up without naming the first
                with self.assertRaises(UserError) as cm:
                    self.theme.with_user(user).action_create_commitment()
                self.assertIn("Restricted", str(cm.exception))
                self.assertNotIn(commitment.name, str(cm.exception))
        # whoever may read the commitment reads its name
        self.theme.linked_record = self.shared
        row, _page = self.what_we_heard(self.confidential_user)
        self.assertIn(f"Followed up as {self.shared.display_name}.", row)
        # a follow-up that no longer exists is left out
        self.shared.unlink()
        row, _page = self.what_we_heard(self.user)
        self.assertNotIn("Followed up", row)
