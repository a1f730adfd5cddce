# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError


class SrmLandParcel(models.Model):
    _inherit = "srm.land.parcel"

    has_open_issues = fields.Boolean(
        string="Open Grievances",
        compute="_compute_has_open_issues",
        search="_search_has_open_issues",
        help="Grievances about the parcel that are not closed, among those the user may read.",
    )

    def _srm_issue_counts(self):
        """{parcel id: [open, total]} of the grievances about these parcels the current user
        may read (record rules apply: confidential, worker and other projects' grievances
        are not counted for users who may not read them)."""
        counts = defaultdict(lambda: [0, 0])
        Issue = self.env["srm.issue"]
        parcels = self.filtered("id")
        if not parcels or not Issue.has_access("read"):
            return counts
        groups = Issue._read_group(
            [("land_parcel_ids", "in", parcels.ids)], ["land_parcel_ids", "is_closed"], ["__count"]
        )
        for parcel, is_closed, count in groups:
            if not is_closed:
                counts[parcel.id][0] += count
            counts[parcel.id][1] += count
        return counts

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_has_open_issues(self):
        counts = self._srm_issue_counts()
        for parcel in self:
            parcel.has_open_issues = bool(counts.get(parcel.id, (0, 0))[0])

    def _search_has_open_issues(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Operation not supported"))
        # as the user: the grievances they may not read do not count
        open_issues = ("issue_ids", "any", [("is_closed", "=", False)])
        if (operator == "=") == bool(value):
            return [open_issues]
        return ["!", open_issues]

    def _srm_map_links(self):
        links = super()._srm_map_links()
        if not self.env["srm.issue"].has_access("read"):
            return links
        counts = self._srm_issue_counts()
        for parcel in self.filtered("id"):
            open_count, total = counts.get(parcel.id, (0, 0))
            links[parcel.id].insert(
                0,
                {
                    "label": self.env._("Grievances"),
                    "count": self.env._("%(open)s open / %(total)s", open=open_count, total=total),
                    "method": "action_view_issues",
                    "map_method": "action_view_issues_map",
                },
            )
        return links

    def action_view_issues_map(self):
        """The grievances about the parcel on the map: where they happened, else at the parcel."""
        return self._srm_map_action(self.action_view_issues(), "srm_land_issues_map.srm_issue_view_leaflet_map_land")
