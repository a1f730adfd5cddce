# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.srm_base.tools.links import check_readable_links

from .srm_land_agreement_line import SYNC_CONTEXT


class SrmCommitment(models.Model):
    _inherit = "srm.commitment"

    land_agreement_line_id = fields.Many2one(
        "srm.land.agreement.line",
        string="Land Payment",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
        copy=False,
        help="The payment or in-kind promise of a land agreement this commitment records.",
    )
    land_agreement_id = fields.Many2one(
        related="land_agreement_line_id.agreement_id",
        string="Land Agreement",
        store=True,
        index="btree_not_null",
    )

    _sql_constraints = [
        (
            "land_agreement_line_uniq",
            "unique(land_agreement_line_id)",
            "A payment of a land agreement is recorded by one commitment.",
        ),
    ]

    @api.constrains("is_confidential", "land_agreement_line_id")
    def _check_land_confidential(self):
        # the agreement may be hidden from the user: only its flag is read
        lines = self.filtered(lambda c: c.land_agreement_line_id and not c.is_confidential).land_agreement_line_id
        for line in lines.sudo():
            if line.agreement_id.is_confidential:
                raise ValidationError(
                    self.env._(
                        "%s records a payment of a confidential land agreement: it stays confidential.",
                        line.commitment_ids[:1].display_name,
                    )
                )

    @api.constrains("date_fulfilled", "state", "land_agreement_line_id")
    def _check_land_payment_date(self):
        for commitment in self.filtered(lambda c: c.land_agreement_line_id and c.date_fulfilled):
            # the signature date decides, whoever may read the agreement
            line = commitment.land_agreement_line_id.sudo()
            signed = line.agreement_id.date_signed
            if signed and commitment.date_fulfilled < signed:
                raise ValidationError(line._paid_before_signature_message(commitment.date_fulfilled))

    # a commitment records a payment its user may read: the agreement it links (a related
    # field) is read as superuser, its name would tell what the user may not read
    @api.model_create_multi
    def create(self, vals_list):
        check_readable_links(self, vals_list, ("land_agreement_line_id",), create=True)
        return super().create(vals_list)

    def write(self, vals):
        check_readable_links(self, [vals], ("land_agreement_line_id",))
        res = super().write(vals)
        if not self.env.context.get(SYNC_CONTEXT) and {"date_due", "user_id"} & set(vals):
            lines = self.land_agreement_line_id
            if lines:
                line_vals = {name: vals[name] for name in ("date_due", "user_id") if name in vals}
                # a payment rescheduled in the register is rescheduled in its agreement
                lines.with_context(**{SYNC_CONTEXT: True}).write(line_vals)
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_land_payment(self):
        linked = self.filtered("land_agreement_line_id")
        if linked:
            raise UserError(
                self.env._(
                    "%(commitment)s records a payment of the land agreement %(agreement)s: cancel it "
                    "instead of deleting it.",
                    commitment=linked[0].display_name,
                    agreement=linked[0].land_agreement_id.sudo().display_name,
                )
            )

    def action_open_land_agreement(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "srm.land.agreement",
            "res_id": self.land_agreement_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
