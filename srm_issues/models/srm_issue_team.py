# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class SrmIssueTeam(models.Model):
    """A group of officers handling issues, e.g. a site's community liaison team."""

    _name = "srm.issue.team"
    _description = "Issue Team"
    _inherit = ["mail.thread"]
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users",
        string="Team Leader",
        tracking=True,
        domain="[('share', '=', False)]",
        help="Receives the escalation activities of the team's issues.",
    )
    member_ids = fields.Many2many(
        "res.users",
        "srm_issue_team_member_rel",
        "team_id",
        "user_id",
        string="Members",
        domain="[('share', '=', False)]",
    )
    issue_count = fields.Integer(compute="_compute_issue_count", string="Open Issues")

    def _compute_issue_count(self):
        counts = dict(
            self.env["srm.issue"]._read_group(
                [("team_id", "in", self.ids), ("is_closed", "=", False)],
                ["team_id"],
                ["__count"],
            )
        )
        for team in self:
            team.issue_count = counts.get(team, 0)

    @api.model
    def _srm_default_team(self, company):
        return self.search([("company_id", "=", company.id)], limit=1)

    def action_view_issues(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_issues.srm_issue_action")
        action["domain"] = [("team_id", "=", self.id)]
        action["context"] = {"default_team_id": self.id, "search_default_open": 1}
        return action
