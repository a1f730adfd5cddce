# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

VISIBILITIES = [
    ("public", "Public"),
    ("internal", "Internal"),
    ("confidential", "Confidential"),
]


class SrmCommitmentOwnerMixin(models.AbstractModel):
    """Owner, team, visibility and reminder of a commitment.

    Shared by the commitments and their recurring series (whose occurrences copy
    these fields): the owner must be able to read the record (confidential or not: its
    company, its project for a project-restricted owner), the team
    follows the owner, the visibility "Confidential" and the confidential flag of
    ``srm.secured.mixin`` are one thing, and only users with Confidential access may
    set either.
    """

    _name = "srm.commitment.owner.mixin"
    _inherit = ["srm.secured.mixin"]
    _description = "Commitment owner and visibility"

    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
        help="Who makes sure the commitment is fulfilled on time.",
    )
    team_id = fields.Many2one(
        "srm.commitment.team",
        compute="_compute_team_id",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        check_company=True,
        tracking=True,
    )
    visibility = fields.Selection(
        VISIBILITIES,
        compute="_compute_visibility",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
        help="Public: may be published to stakeholders (public commitments register). "
        "Internal: staff only. Confidential: only users with Confidential access.",
    )
    reminder_days = fields.Integer(
        string="Remind (days before)",
        default=lambda self: self.env.company.srm_commitment_reminder_days,
        help="The owner gets a reminder activity this many days before the due date.",
    )

    @api.model
    def _srm_searched_link_fields(self):
        # the stakeholders of a commitment or of a recurrence (``partner_ids``): another
        # project's are not every reader's
        return (*super()._srm_searched_link_fields(), "partner_ids")

    @api.depends("is_confidential")
    def _compute_visibility(self):
        for record in self:
            if record.is_confidential:
                record.visibility = "confidential"
            elif record.visibility in (False, "confidential"):
                record.visibility = "internal"

    @api.depends("user_id", "company_id")
    def _compute_team_id(self):
        todo = self.filtered(lambda r: r.user_id and not (r.team_id and r.user_id in r.team_id.member_ids))
        teams = self.env["srm.commitment.team"]._team_of_users(todo.user_id, todo.company_id)
        for record in todo:
            team = teams.get((record.user_id.id, record.company_id.id))
            if team:
                record.team_id = team

    @api.constrains("user_id", "is_confidential", "project_id", "company_id")
    def _check_confidential_owner(self):
        """The owner of a commitment (or series) must be able to read it, checked as them
        under the record rules: with Confidential access for a confidential one, working in
        its company, and a member of its project when they are project-restricted. Checked
        again when its project, company or confidentiality changes."""
        record, user = self._srm_unreadable_by_user_in("user_id")
        if not record:
            return
        if record.is_confidential and not user.has_group("srm_base.group_srm_confidential"):
            raise ValidationError(
                self.env._(
                    "%(user)s cannot own the confidential commitment “%(name)s”: they have no "
                    "Confidential access. Choose another owner, or ask a manager to give them access.",
                    user=user.name,
                    name=record.display_name,
                )
            )
        raise ValidationError(
            self.env._(
                "%(user)s cannot own the commitment “%(name)s”: %(reason)s. Choose another owner.",
                user=user.name,
                name=record.display_name,
                reason=record._srm_unreadable_reason(user),
            )
        )

    @api.constrains("reminder_days")
    def _check_reminder_days(self):
        if any(record.reminder_days < 0 for record in self):
            raise ValidationError(self.env._("The reminder cannot be a negative number of days."))

    def _check_confidential_rights(self, vals_list):
        if self.env.su or self.env.user.has_group("srm_base.group_srm_confidential"):
            return
        if any(vals.get("visibility") == "confidential" or vals.get("is_confidential") for vals in vals_list):
            raise UserError(
                self.env._(
                    "Only users with Confidential access can make a commitment confidential. Ask a manager to do it."
                )
            )

    @api.model
    def _sync_visibility_vals(self, vals, create=False):
        """Confidential visibility and the confidential flag of srm_base are one thing."""
        if create and "visibility" not in vals and self.env.context.get("default_visibility"):
            # a default visibility would otherwise come after the flag is decided
            vals["visibility"] = self.env.context["default_visibility"]
        if "visibility" in vals:
            vals["is_confidential"] = vals["visibility"] == "confidential"
