# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .srm_land_household import LIVELIHOOD_STATUSES


class SrmLandLivelihoodFollowup(models.Model):
    """A monitoring visit of a livelihood measure: how the household is doing."""

    _name = "srm.land.livelihood.followup"
    _inherit = ["srm.land.link.mixin"]
    _description = "Livelihood Follow-up"
    _order = "date desc, id desc"

    measure_id = fields.Many2one("srm.land.livelihood.measure", required=True, index=True, ondelete="cascade")
    household_id = fields.Many2one(related="measure_id.household_id", store=True, index=True)
    project_id = fields.Many2one(related="measure_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="measure_id.company_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    status = fields.Selection(LIVELIHOOD_STATUSES, required=True, default="on_track")
    indicator = fields.Char(help="What was measured, e.g. monthly income, harvest, jobs held.")
    value = fields.Float(digits=(16, 2))
    note = fields.Text()
    user_id = fields.Many2one(
        "res.users", string="Monitored By", default=lambda self: self.env.user, domain="[('share', '=', False)]"
    )
    engagement_id = fields.Many2one(
        "srm.engagement",
        string="Visit",
        index="btree_not_null",
        ondelete="set null",
        domain="[('project_id', '=', project_id)]",
    )

    @api.constrains("date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        if any(followup.date > today for followup in self):
            raise ValidationError(self.env._("A follow-up records a visit made: its date cannot be in the future."))
