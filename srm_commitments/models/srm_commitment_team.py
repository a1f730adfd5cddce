# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class SrmCommitmentTeam(models.Model):
    """The people who deliver commitments together, and who to escalate to."""

    _name = "srm.commitment.team"
    _description = "Commitment Team"
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    member_ids = fields.Many2many(
        "res.users",
        "srm_commitment_team_member_rel",
        "team_id",
        "user_id",
        string="Members",
        domain="[('share', '=', False)]",
        help="The owner of a commitment is proposed the team they are a member of.",
    )
    escalation_user_id = fields.Many2one(
        "res.users",
        string="Escalate To",
        domain="[('share', '=', False)]",
        help="Who is notified, and gets an activity, when a commitment of the team becomes "
        "overdue. Without it, overdue commitments are escalated to the manager of their project.",
    )
    commitment_count = fields.Integer(compute="_compute_commitment_count")

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_commitment_count(self):
        counts = dict(
            self.env["srm.commitment"]._read_group(
                [("team_id", "in", self.ids), ("state", "not in", ("fulfilled", "cancelled"))],
                ["team_id"],
                ["__count"],
            )
        )
        for team in self:
            team.commitment_count = counts.get(team, 0)

    @api.model
    def _team_of_users(self, users, companies):
        """{(user id, company id): team} for the teams those users are members of."""
        if not users:
            return {}
        teams = self.search(
            [("member_ids", "in", users.ids), ("company_id", "in", companies.ids)],
            order="sequence, id desc",
        )
        result = {}
        for team in teams:
            for user in team.member_ids & users:
                result.setdefault((user.id, team.company_id.id), team)
        return result

    def action_view_commitments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_commitments.srm_commitment_action")
        action["domain"] = [("team_id", "=", self.id)]
        action["context"] = {"default_team_id": self.id, "search_default_filter_active": 1}
        return action
