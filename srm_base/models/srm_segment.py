# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class SrmSegment(models.Model):
    """A group of stakeholders sharing an interest, a need or a problem."""

    _name = "srm.segment"
    _inherit = ["srm.link.search.mixin"]
    _description = "Stakeholder Segment"
    _order = "priority desc, sequence, name"

    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(
        [("interest", "Interest"), ("need", "Need"), ("problem", "Problem")],
        required=True,
        default="interest",
    )
    priority = fields.Selection(
        [("0", "Low"), ("1", "Medium"), ("2", "High"), ("3", "Critical")],
        default="1",
        required=True,
        index=True,
    )
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    color = fields.Integer()
    active = fields.Boolean(default=True)
    partner_ids = fields.Many2many(
        "res.partner",
        "srm_segment_partner_rel",
        "segment_id",
        "partner_id",
        string="Stakeholders",
    )
    partner_count = fields.Integer(compute="_compute_partner_count", string="Stakeholder count")

    @api.model
    def _srm_searched_link_fields(self):
        # every employee reads segments, a project-restricted user the stakeholders of
        # their projects only
        return (*super()._srm_searched_link_fields(), "partner_ids")

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_partner_count(self):
        data = dict(
            self.env["res.partner"]._read_group(
                [("srm_segment_ids", "in", self.ids)], ["srm_segment_ids"], ["__count"]
            )
        )
        for segment in self:
            segment.partner_count = data.get(segment, 0)
