# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import SrmIssueCase

ALL = frozenset({"complaint", "reply", "note"})
PUBLIC = frozenset({"complaint", "reply"})
NONE = frozenset()
SEEN, HIDDEN, NO = "seen", "hidden", "-"

# What each role sees of, and may do on, a sensitive grievance of project North Pit:
# the complainant's email ("complaint"), the team's answer sent to her ("reply"), an
# internal note ("note"), a photo she uploaded from the portal, an activity of the
# team, and her lawyer, who follows the issue. "-": no access at all.
#
#   issue      read the issue
#   messages   messages found on the issue
#   author     the complainant as author of her email
#   recipient  the complainant as recipient of the team's answer
#   follower   the lawyer among the issue's followers
#   uploader   the complainant as uploader of the photo
#   activity   the team's activity found on the issue
#   post       post a message (as the chatter: sudo once the thread is accessible)
#   schedule   schedule an activity
#   follow     follow the issue
#   upload     attach a file (as the chatter)
COLUMNS = (
    "issue", "messages", "author", "recipient", "follower", "uploader",
    "activity", "post", "schedule", "follow", "upload",
)  # fmt: skip
MATRIX = {
    #                       issue  messages author  recipient follower uploader activity post   schedule follow upload
    "manager":            (True,  ALL,     SEEN,   SEEN,     SEEN,    SEEN,    True,    True,  True,    True,  True),
    "user":               (True,  ALL,     HIDDEN, HIDDEN,   HIDDEN,  HIDDEN,  True,    True,  True,    True,  True),
    "confidential":       (True,  ALL,     SEEN,   SEEN,     SEEN,    SEEN,    True,    True,  True,    True,  True),
    "auditor":            (True,  ALL,     HIDDEN, HIDDEN,   HIDDEN,  HIDDEN,  True,    False, False,   False, False),
    "restricted":         (True,  ALL,     HIDDEN, HIDDEN,   HIDDEN,  HIDDEN,  True,    True,  True,    True,  True),
    "portal complainant": (True,  PUBLIC,  SEEN,   SEEN,     NO,      NO,      False,   True,  False,   False, True),
    "portal concerned":   (False, NONE,    NO,     NO,       NO,      NO,      False,   False, False,   False, False),
    "public":             (False, NONE,    NO,     NO,       NO,      NO,      False,   False, False,   False, False),
}  # fmt: skip


class Rollback(Exception):
    pass


@tagged("post_install", "-at_install")
class TestSrmIssueAccessMatrix(SrmIssueCase):
    """Roles x paths on the messages, followers, attachments and activities of an issue."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.guard = cls.env["res.partner"].create({"name": "Jean Garde", "is_stakeholder": True})
        cls.user_concerned = new_test_user(
            cls.env, "iss_matrix_guard", "base.group_portal", partner_id=cls.guard.id,
            context={"no_reset_password": True},
        )  # fmt: skip
        cls.lawyer = cls.env["res.partner"].create({"name": "Maître Diallo", "email": "diallo@example.com"})
        cls.issue = cls._issue(name="Threats at the gate", partner_ids=[(6, 0, cls.guard.ids)])
        comment = cls.env.ref("mail.mt_comment")
        cls.complaint = cls.env["mail.message"].create(
            {
                "model": "srm.issue",
                "res_id": cls.issue.id,
                "message_type": "email",
                "subtype_id": comment.id,
                "author_id": cls.complainant.id,
                "email_from": "awa.traore@example.com",
                "body": "<p>The guard threatened me again.</p>",
            }
        )
        cls.reply = cls.issue.with_user(cls.user_manager).message_post(
            body="<p>We are on it.</p>", message_type="comment", subtype_xmlid="mail.mt_comment",
            partner_ids=cls.complainant.ids,
        )  # fmt: skip
        cls.note = cls.issue.with_user(cls.user_manager).message_post(
            body="<p>Roster checked</p>", subtype_xmlid="mail.mt_note"
        )
        cls.photo = (
            cls.env["ir.attachment"]
            .with_user(cls.user_portal)
            .sudo()
            .create({"name": "gate.jpg", "raw": b"jpeg", "res_model": "srm.issue", "res_id": cls.issue.id})
        )
        cls.activity = cls.issue.activity_schedule("mail.mail_activity_data_todo", user_id=cls.user_user.id)
        cls.issue.with_user(cls.user_confidential).is_sensitive = True
        cls.issue.with_user(cls.user_confidential).message_subscribe(partner_ids=cls.lawyer.ids)
        cls.labels = {cls.complaint: "complaint", cls.reply: "reply", cls.note: "note"}
        cls.roles = {
            "manager": cls.user_manager,
            "user": cls.user_user,
            "confidential": cls.user_confidential,
            "auditor": cls.user_auditor,
            "restricted": cls.user_restricted,
            "portal complainant": cls.user_portal,
            "portal concerned": cls.user_concerned,
            "public": cls.env.ref("base.public_user"),
        }

    def _try(self, function):
        """The value of ``function``, ``NO`` when it is refused; nothing it changed stays."""
        try:
            with mute_logger("odoo.models", "odoo.addons.base.models.ir_rule", "odoo.addons.mail.models.mail_message"):
                with self.env.cr.savepoint():
                    raise Rollback(function())
        except Rollback as done:
            return done.args[0]
        except (AccessError, UserError):
            return NO
        finally:
            self.env.invalidate_all()

    def _person(self, value, partner_or_user):
        if value == NO:
            return NO
        if isinstance(value, list):  # x2many: ids
            return SEEN if partner_or_user.id in value else HIDDEN
        return SEEN if value and value[0] == partner_or_user.id else HIDDEN  # many2one: (id, name)

    def _row(self, user):
        env = self.env(user=user)
        issue = self.issue.with_env(env)
        Issue = env["srm.issue"]
        issue_domain = [("res_id", "=", self.issue.id), ("model", "=", "srm.issue")]

        def messages():
            found = env["mail.message"].search(issue_domain)
            return frozenset(label for message, label in self.labels.items() if message in found)

        def follower():
            found = env["mail.followers"].search([("res_id", "=", self.issue.id), ("res_model", "=", "srm.issue")])
            return SEEN if self.lawyer in found.partner_id else HIDDEN

        def post():
            thread = Issue._get_thread_with_access(self.issue.id, mode=Issue._mail_post_access)
            if not thread:
                return False
            return bool(
                thread.sudo().message_post(body="Hello", message_type="comment", subtype_xmlid="mail.mt_comment")
            )

        def upload():
            thread = Issue._get_thread_with_access(self.issue.id, mode=Issue._mail_post_access)
            if not thread:
                return False
            values = {"name": "more.txt", "raw": b"x", "res_model": "srm.issue", "res_id": thread.id}
            return bool(env["ir.attachment"].sudo().create(values))

        def schedule():
            assignee = user if not user.share else self.user_user
            return bool(issue.activity_schedule("mail.mail_activity_data_todo", user_id=assignee.id))

        def follow():
            issue.message_subscribe(partner_ids=user.partner_id.ids)
            return user.partner_id in self.issue.sudo().message_partner_ids

        def result(value):
            return False if value == NO else value

        return (
            result(self._try(lambda: bool(issue.name))),
            result(self._try(messages)) or NONE,
            self._person(
                self._try(lambda: self.complaint.with_env(env).read(["author_id"])[0]["author_id"]), self.complainant
            ),
            self._person(
                self._try(lambda: self.reply.with_env(env).read(["partner_ids"])[0]["partner_ids"]), self.complainant
            ),
            self._try(follower),
            self._person(
                self._try(lambda: self.photo.with_env(env).read(["create_uid"])[0]["create_uid"]), self.user_portal
            ),
            result(self._try(lambda: bool(env["mail.activity"].search([("id", "=", self.activity.id)])))),
            result(self._try(post)),
            result(self._try(schedule)),
            result(self._try(follow)),
            result(self._try(upload)),
        )

    def test_role_by_path(self):
        for role, expected in MATRIX.items():
            with self.subTest(role=role):
                row = self._row(self.roles[role])
                self.assertEqual(dict(zip(COLUMNS, row, strict=True)), dict(zip(COLUMNS, expected, strict=True)), role)
