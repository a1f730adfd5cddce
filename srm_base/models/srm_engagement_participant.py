# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SrmEngagementParticipant(models.Model):
    """The capacity in which a stakeholder took part in an engagement.

    A mayor who speaks at a public meeting as a landowner is recorded with the
    capacity "Landowner", whatever their usual stakeholder type.
    """

    _name = "srm.engagement.participant"
    _description = "Engagement Participant"
    _order = "engagement_id, id"

    engagement_id = fields.Many2one(
        "srm.engagement", required=True, index=True, ondelete="cascade"
    )
    partner_id = fields.Many2one(
        "res.partner", string="Stakeholder", required=True, index=True, ondelete="cascade"
    )
    capacity_type_id = fields.Many2one(
        "srm.stakeholder.type",
        string="Capacity",
        help="The role in which the stakeholder took part in this engagement.",
    )
    capacity_note = fields.Char(string="Capacity Details")
    attended = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "engagement_partner_uniq",
            "unique(engagement_id, partner_id)",
            "A stakeholder is listed only once per engagement.",
        ),
    ]
