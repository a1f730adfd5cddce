# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SrmRelationship(models.Model):
    _name = "srm.relationship"
    _description = "Stakeholder Relationship"
    _order = "date_start desc, id desc"

    partner_id = fields.Many2one(
        "res.partner", string="Stakeholder", required=True, index=True, ondelete="cascade"
    )
    type_id = fields.Many2one(
        "srm.relationship.type", string="Relationship", required=True, ondelete="restrict"
    )
    related_partner_id = fields.Many2one(
        "res.partner", string="Related Stakeholder", required=True, index=True, ondelete="cascade"
    )
    type_name_inverse = fields.Char(
        related="type_id.name_inverse", string="Relationship (other side)"
    )
    date_start = fields.Date(string="From")
    date_end = fields.Date(string="Until")
    note = fields.Char()
    active = fields.Boolean(compute="_compute_active", store=True, readonly=False, default=True)

    @api.depends("date_end")
    def _compute_active(self):
        today = fields.Date.context_today(self)
        for rel in self:
            rel.active = not rel.date_end or rel.date_end >= today

    @api.constrains("partner_id", "related_partner_id", "date_start", "date_end")
    def _check_relationship(self):
        for rel in self:
            if rel.partner_id == rel.related_partner_id:
                raise ValidationError(
                    self.env._("A stakeholder cannot be in a relationship with itself.")
                )
            if rel.date_start and rel.date_end and rel.date_end < rel.date_start:
                raise ValidationError(
                    self.env._(
                        "The relationship between %(a)s and %(b)s ends before it starts.",
                        a=rel.partner_id.display_name,
                        b=rel.related_partner_id.display_name,
                    )
                )

    @api.model
    def _archive_ended(self):
        """Archive the relationships whose end date has passed (nightly)."""
        ended = self.search([("date_end", "<", fields.Date.context_today(self))])
        ended.active = False

    @api.depends("partner_id", "type_id", "related_partner_id")
    def _compute_display_name(self):
        for rel in self:
            rel.display_name = (
                f"{rel.partner_id.display_name} {rel.type_id.name or ''} "
                f"{rel.related_partner_id.display_name}"
            ).strip()
