# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .srm_land_household import LIVELIHOOD_STATUSES

MEASURE_TYPES = [
    ("replacement_land", "Replacement land"),
    ("agriculture", "Agricultural support"),
    ("employment", "Employment and training"),
    ("business", "Business support"),
    ("allowance", "Transitional allowance"),
    ("housing", "Replacement housing"),
    ("vulnerable", "Support to vulnerable people"),
    ("other", "Other"),
]

MEASURE_STATES = [
    ("planned", "Planned"),
    ("ongoing", "Ongoing"),
    ("completed", "Completed"),
    ("cancelled", "Cancelled"),
]


class SrmLandLivelihoodMeasure(models.Model):
    """A livelihood restoration measure promised to a household, followed up over time."""

    _name = "srm.land.livelihood.measure"
    _inherit = ["srm.land.link.mixin"]
    _description = "Livelihood Restoration Measure"
    _order = "household_id, date_start, id"

    household_id = fields.Many2one("srm.land.household", required=True, index=True, ondelete="cascade")
    project_id = fields.Many2one(related="household_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="household_id.company_id", store=True, index=True)
    name = fields.Char(string="Measure", required=True)
    measure_type = fields.Selection(MEASURE_TYPES, string="Type", required=True, default="agriculture")
    description = fields.Text()
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, domain="[('share', '=', False)]"
    )
    date_start = fields.Date(string="Start")
    date_target = fields.Date(string="Target Date", help="When the household's livelihood should be restored.")
    state = fields.Selection(MEASURE_STATES, string="Status", default="planned", required=True)
    followup_ids = fields.One2many("srm.land.livelihood.followup", "measure_id", string="Follow-up")
    last_followup_date = fields.Date(compute="_compute_last_followup", store=True, string="Last Follow-up")
    last_status = fields.Selection(LIVELIHOOD_STATUSES, compute="_compute_last_followup", store=True)

    @api.depends("followup_ids.date", "followup_ids.status")
    def _compute_last_followup(self):
        for measure in self:
            latest = measure.followup_ids.sorted(lambda f: (f.date, f.id))[-1:]
            measure.last_followup_date = latest.date
            measure.last_status = latest.status or False

    @api.constrains("user_id", "household_id")
    def _check_user_id(self):
        """The colleague responsible for a livelihood measure may read its household."""
        label = self._fields["user_id"]._description_string(self.env)
        for user, records in self.filtered("user_id").grouped("user_id").items():
            parents = records.household_id
            refused = parents - parents._srm_readable_by(user)
            if refused:
                raise refused[:1]._srm_responsible_error(user, label)

    @api.constrains("date_start", "date_target")
    def _check_dates(self):
        for measure in self:
            if measure.date_start and measure.date_target and measure.date_target < measure.date_start:
                raise ValidationError(
                    self.env._("The measure “%s” cannot reach its target before it starts.", measure.name)
                )
