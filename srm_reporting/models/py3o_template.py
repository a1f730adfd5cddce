# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import binascii
import hashlib

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class Py3oTemplate(models.Model):
    """A py3o template is a program: its instructions (``for``, ``if``, fields) are
    Python expressions evaluated on the server when a report is rendered. Only
    administrators (Settings) create, change or delete templates; everybody else
    picks among them.

    A template is *approved* when the SHA-256 digest of its file is the one an
    administrator stored, by creating or changing the template (or approving it
    with :meth:`action_srm_approve`). A file that reached the database any other
    way (written into its attachment, created in sudo on behalf of a user, left
    from before this check) does not match and is not rendered by SRM reports.
    """

    _inherit = "py3o.template"

    srm_approved_digest = fields.Char(
        string="Approved File (SHA-256)",
        readonly=True,
        copy=False,
        help="Digest of the file an administrator created or approved: stakeholder reports "
        "only render the template while its file is this one.",
    )
    srm_approved_uid = fields.Many2one("res.users", string="Approved by", readonly=True, copy=False)
    srm_approved_date = fields.Datetime(string="Approved on", readonly=True, copy=False)
    srm_is_approved = fields.Boolean(
        string="Approved",
        compute="_compute_srm_is_approved",
        help="The template's current file is the one an administrator approved.",
    )

    @api.depends("py3o_template_data", "srm_approved_digest")
    def _compute_srm_is_approved(self):
        for template in self:
            digest = template._srm_file_digest() if template.srm_approved_digest else False
            template.srm_is_approved = bool(digest) and digest == template.srm_approved_digest

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if result or operation == "read" or self.env.user._is_system():
            return result
        # report_py3o lets every "technical features" user (in the database, every
        # internal user) change templates: only administrators may
        return self, self._srm_administrators_only

    def _srm_administrators_only(self):
        return AccessError(
            self.env._(
                "Only administrators (Settings) can create, change or delete report templates: "
                "a template runs code on the server."
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        templates = super().create(vals_list)
        templates._srm_approve_by_administrator()
        return templates

    def write(self, vals):
        res = super().write(vals)
        if "py3o_template_data" in vals:
            self._srm_approve_by_administrator()
        return res

    def action_srm_approve(self):
        """Approve the current file of the templates (administrators only)."""
        if not self.env.user._is_system():
            raise self._srm_administrators_only()
        self._srm_approve_by_administrator()
        return True

    def _srm_file(self):
        """Bytes of the template's file as stored now (not as cached), or None."""
        self.ensure_one()
        self.invalidate_recordset(["py3o_template_data"])
        data = self.py3o_template_data
        if not data:
            return None
        try:
            return base64.b64decode(data)
        except (binascii.Error, ValueError):
            return None

    def _srm_file_digest(self):
        content = self._srm_file()
        return hashlib.sha256(content).hexdigest() if content else False

    def _srm_approve_by_administrator(self):
        """Record the file of the templates as approved when an administrator stored it.

        The user behind the call decides, not sudo: a template written in sudo by
        code acting for another user is left unapproved.
        """
        if not self.env.user._is_system():
            return
        now = fields.Datetime.now()
        for template in self:
            template.write(
                {
                    "srm_approved_digest": template._srm_file_digest(),
                    "srm_approved_uid": self.env.uid,
                    "srm_approved_date": now,
                }
            )

    def _srm_check_usable(self):
        """Raise a UserError unless every template may be rendered by SRM reports."""
        for template in self:
            template._srm_approved_file()

    def _srm_approved_file(self):
        """Bytes of the template's file, checked against the approved digest; a
        UserError when it has no file or a file no administrator approved."""
        self.ensure_one()
        content = self._srm_file()
        if not content:
            raise UserError(self.env._("The template “%s” has no file.", self.name))
        if hashlib.sha256(content).hexdigest() != self.srm_approved_digest:
            raise UserError(
                self.env._(
                    "The template “%s” was not approved by an administrator: it cannot be used for "
                    "reports. Ask an administrator (Settings) to upload or approve it.",
                    self.name,
                )
            )
        return content
