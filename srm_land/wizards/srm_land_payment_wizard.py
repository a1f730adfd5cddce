# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from ..models.srm_land_agreement_line import PAYMENT_METHODS


class SrmLandPaymentWizard(models.TransientModel):
    """Record that a payment was made or a promise delivered, with its evidence.

    The payment's commitment is fulfilled with this evidence: the line is then
    paid, and the commitments register shows the promise kept.
    """

    _name = "srm.land.payment.wizard"
    _inherit = ["srm.land.link.mixin"]
    _description = "Record a Land Payment or Delivery"

    line_id = fields.Many2one("srm.land.agreement.line", required=True, ondelete="cascade")
    kind = fields.Selection(related="line_id.kind")
    agreement_id = fields.Many2one(related="line_id.agreement_id")
    partner_id = fields.Many2one(related="line_id.partner_id")
    currency_id = fields.Many2one(related="line_id.currency_id")
    amount = fields.Monetary(related="line_id.amount")
    date_due = fields.Date(related="line_id.date_due")
    date_done = fields.Date(string="Paid or Delivered On", required=True, default=fields.Date.context_today)
    payment_method = fields.Selection(PAYMENT_METHODS, string="Method")
    payment_reference = fields.Char(
        string="Reference", help="Transfer number, cheque number, receipt number or delivery note."
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "srm_land_payment_wizard_attachment_rel",
        "wizard_id",
        "attachment_id",
        string="Receipts",
        help="Signed receipt, bank statement, photo of the delivery...",
    )
    note = fields.Text(string="Evidence Note", help="Who received it, who witnessed it, anything worth knowing.")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        line = self.env["srm.land.agreement.line"].browse(values.get("line_id"))
        if line and "payment_method" in fields_list and not values.get("payment_method"):
            values["payment_method"] = "delivery" if line.kind == "in_kind" else "bank_transfer"
        return values

    def _check_values(self):
        self.ensure_one()
        line = self.line_id
        if line.state != "planned":
            raise UserError(self.env._("“%s” is not a payment or delivery still to do.", line.display_name))
        if self.date_done > fields.Date.context_today(self):
            raise UserError(self.env._("A payment or delivery cannot be recorded on a future date."))
        if line.agreement_id.date_signed and self.date_done < line.agreement_id.date_signed:
            raise UserError(line._paid_before_signature_message(self.date_done))
        if not (self.payment_reference or "").strip() and not self.attachment_ids and not (self.note or "").strip():
            raise UserError(
                self.env._(
                    "A payment or delivery is recorded on evidence: give its reference, attach a receipt "
                    "or describe how it was made."
                )
            )

    def _evidence_html(self):
        methods = dict(self._fields["payment_method"]._description_selection(self.env))
        items = [
            self.env._("Paid or delivered on %s", format_date(self.env, self.date_done)),
        ]
        if self.payment_method:
            items.append(self.env._("Method: %s", methods[self.payment_method]))
        if self.payment_reference:
            items.append(self.env._("Reference: %s", self.payment_reference))
        body = Markup("<ul>%s</ul>") % Markup("").join(Markup("<li>%s</li>") % item for item in items)
        if (self.note or "").strip():
            body += Markup("<p>%s</p>") % self.note
        return body

    def action_confirm(self):
        self.ensure_one()
        self._check_values()
        line = self.line_id
        commitment = line.commitment_id
        line.write({"payment_method": self.payment_method, "payment_reference": self.payment_reference})
        commitment_vals = {"evidence_note": self._evidence_html(), "date_fulfilled": self.date_done}
        if self.attachment_ids:
            uploaded = self.attachment_ids.filtered(lambda a: a.res_model in (False, self._name))
            # receipts uploaded in this wizard (the user's own uploads, just read above):
            # from now on their access follows the commitment they are evidence of
            uploaded.sudo().write({"res_model": commitment._name, "res_id": commitment.id})
            commitment_vals["evidence_attachment_ids"] = [Command.link(a.id) for a in self.attachment_ids]
        commitment.write(commitment_vals)
        commitment.action_fulfill()
        line.agreement_id.message_post(
            body=self.env._(
                "%(line)s recorded, commitment %(commitment)s fulfilled.",
                line=line.name,
                commitment=commitment.display_name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return {"type": "ir.actions.act_window_close"}
