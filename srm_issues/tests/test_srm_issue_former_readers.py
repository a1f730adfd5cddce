# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.srm_base.tests.mail_former_readers import MUTED, FormerReadersMixin

from .common import SrmIssueCase


@tagged("post_install", "-at_install")
class TestSrmIssueFormerReaders(FormerReadersMixin, SrmIssueCase):
    """Whoever was notified of a grievance's message, wrote one, followed it or was
    assigned one of its activities before it became confidential, or moved to a project
    they do not work in, no longer reads the message or the activity and no longer
    follows it; the activity goes to someone who may read the grievance. Whoever still
    may read it keeps everything, the complainant on the portal included, as long as the
    grievance is theirs."""

    def _team_message(self, issue):
        """A reply of the team to the grievance's followers (the complainant among them)."""
        return issue.with_user(self.user_manager).message_post(
            body="We will measure the dust next week",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    def test_made_confidential(self):
        issue = self._issue(name="Dust on the well")
        self.assertIn(self.complainant, issue.message_partner_ids)
        reply = self._team_message(issue)
        self.assertTrue(reply.with_user(self.user_portal).read(["body"]))
        lost = {
            user: self._involve(issue, user, self.user_confidential) for user in self.user_user | self.user_restricted
        }
        kept = self._involve(issue, self.user_manager, self.user_confidential)

        issue.with_user(self.user_confidential).is_confidential = True

        for user, (messages, activity) in lost.items():
            self._assert_lost(issue, user, messages, activity)
            # the officer (the responsible) may not read it either: the writer takes it over
            self.assertEqual(activity.user_id, self.user_confidential)
            self.assertTrue(self._handover_note(issue, activity))
        self._assert_reaches(issue, self.user_manager, *kept)
        # a confidential grievance is not the complainant's on the portal any more
        self.assertNotIn(self.complainant, issue.message_partner_ids)
        with self.assertRaises(AccessError), mute_logger(*MUTED):
            issue.with_user(self.user_portal).read(["name"])

    def test_moved_to_another_project(self):
        issue = self._issue(name="Dust on the road")
        reply = self._team_message(issue)
        messages, activity = self._involve(issue, self.user_restricted, self.user_confidential)
        kept = self._involve(issue, self.user_user, self.user_confidential)

        issue.with_user(self.user_manager).project_id = self.project_b

        self._assert_lost(issue, self.user_restricted, messages, activity)
        # the officer may read it: they take it over rather than the manager who moved it
        self.assertEqual(activity.user_id, self.user_user)
        self._assert_reaches(issue, self.user_user, *kept)
        # still the complainant's: they follow it and read the team's replies on the portal
        self.assertIn(self.complainant, issue.message_partner_ids)
        self.assertTrue(issue.with_user(self.user_portal).read(["name"]))
        self.assertTrue(reply.with_user(self.user_portal).read(["body"]))
        later = self._team_message(issue)
        self.assertIn(self.complainant, later.sudo().notification_ids.res_partner_id)
        self.assertTrue(later.with_user(self.user_portal).read(["body"]))

    def test_officer_taken_off_the_project(self):
        """A project user taken off the grievance's project, on the project, stops following
        it and its activity goes to its officer; the complainant keeps it."""
        issue = self._issue(name="Dust on the pump")
        reply = self._team_message(issue)
        messages, activity = self._involve(issue, self.user_restricted, self.user_confidential)
        kept = self._involve(issue, self.user_user, self.user_confidential)

        self.project_a.write({"member_ids": [Command.unlink(self.user_restricted.id)]})

        self._assert_lost(issue, self.user_restricted, messages, activity)
        self.assertEqual(activity.user_id, self.user_user)
        self.assertTrue(self._handover_note(issue, activity))
        self._assert_reaches(issue, self.user_user, *kept)
        self.assertIn(self.complainant, issue.message_partner_ids)
        self.assertTrue(reply.with_user(self.user_portal).read(["body"]))

    def test_worker_officer_group_withdrawn(self):
        """A worker grievance officer whose group is withdrawn loses the worker grievances
        they followed; its officer (the responsible), who still may read it, takes over."""
        officer = new_test_user(
            self.env, "iss_worker_2", "srm_issues.group_srm_issue_worker", name="Iss Worker Officer 2"
        )
        issue = self._issue(name="Night shift", grievance_scope="worker", user_id=self.user_worker.id)
        messages, activity = self._involve(issue, officer, self.user_worker)

        officer.write({"groups_id": [Command.unlink(self.env.ref("srm_issues.group_srm_issue_worker").id)]})

        self._assert_lost(issue, officer, messages, activity)
        self.assertEqual(activity.user_id, self.user_worker)
