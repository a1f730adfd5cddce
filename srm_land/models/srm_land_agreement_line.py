# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_amount, format_date

LINE_KINDS = [
    ("payment", "Payment"),
    ("in_kind", "In kind"),
]

LINE_STATES = [
    ("draft", "Not signed"),
    ("planned", "Planned"),
    ("done", "Paid / delivered"),
    ("cancelled", "Cancelled"),
]

PAYMENT_METHODS = [
    ("bank_transfer", "Bank transfer"),
    ("cheque", "Cheque"),
    ("cash", "Cash, against receipt"),
    ("mobile_money", "Mobile money"),
    ("escrow", "Escrow or court deposit"),
    ("delivery", "Delivery in kind"),
]

COMMITMENT_ACTIVE_STATES = ("draft", "open", "in_progress")
# fields of a line written to its commitment: {line field: commitment field}
SYNCED_FIELDS = {"date_due": "date_due", "user_id": "user_id"}
# context key: a change coming from the other side of the line/commitment pair
SYNC_CONTEXT = "srm_land_syncing"


class SrmLandAgreementLine(models.Model):
    """A payment or an in-kind promise of an agreement's schedule.

    Once the agreement is signed the line is a commitment of the commitments
    register, created through its normal ``create`` (see
    ``_srm_prepare_commitment_values``): the commitment's owner, due date,
    reminders, escalation and evidence are the line's. The commitment is the
    single source of the line's status: a line is paid or delivered when its
    commitment is fulfilled, whichever side it was recorded from.
    """

    _name = "srm.land.agreement.line"
    _inherit = ["srm.land.link.mixin", "srm.link.search.mixin"]
    # a commitment links it; its name says which agreement it belongs to
    _srm_mask_links = True
    _description = "Agreement Payment or Delivery"
    _order = "agreement_id, date_due, sequence, id"

    agreement_id = fields.Many2one("srm.land.agreement", required=True, index=True, ondelete="cascade")
    project_id = fields.Many2one(related="agreement_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="agreement_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(related="agreement_id.partner_id", string="Holder")
    agreement_state = fields.Selection(related="agreement_id.state", string="Agreement Status")
    sequence = fields.Integer(default=10)
    kind = fields.Selection(LINE_KINDS, required=True, default="payment")
    name = fields.Char(string="Description", required=True)
    currency_id = fields.Many2one(related="agreement_id.currency_id", string="Currency")
    amount = fields.Monetary(help="Amount paid; for a delivery in kind, its estimated value (optional).")
    date_due = fields.Date(string="Due Date", required=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('share', '=', False)]",
        help="Who makes sure it is paid or delivered on time: the owner of its commitment.",
    )
    commitment_ids = fields.One2many("srm.commitment", "land_agreement_line_id", string="Commitments")
    commitment_id = fields.Many2one("srm.commitment", compute="_compute_commitment_id")
    state = fields.Selection(LINE_STATES, string="Status", compute="_compute_state", store=True, index=True)
    is_overdue = fields.Boolean(string="Overdue", compute="_compute_commitment_id")
    date_done = fields.Date(
        string="Paid On", compute="_compute_state", store=True, help="Date the commitment was fulfilled."
    )
    payment_method = fields.Selection(PAYMENT_METHODS, copy=False)
    payment_reference = fields.Char(copy=False, help="Transfer number, cheque number, receipt number or delivery note.")

    @api.model
    def _srm_searched_link_fields(self):
        # its commitments: one made confidential in the register is not every reader's
        return (*super()._srm_searched_link_fields(), "commitment_ids")

    @api.depends("agreement_id.user_id")
    def _compute_user_id(self):
        for line in self:
            if not line.user_id:
                line.user_id = line.agreement_id.user_id

    @api.depends("commitment_ids")
    def _compute_commitment_id(self):
        for line in self:
            line.commitment_id = line.commitment_ids[:1]
            line.is_overdue = line.commitment_id.is_overdue

    @api.depends("commitment_ids.state", "commitment_ids.date_fulfilled", "agreement_id.state")
    def _compute_state(self):
        for line in self:
            commitment = line.commitment_ids[:1]
            if commitment.state == "fulfilled":
                line.state, line.date_done = "done", commitment.date_fulfilled
            elif commitment.state == "cancelled" or line.agreement_id.state == "cancelled":
                line.state, line.date_done = "cancelled", False
            elif commitment:
                line.state, line.date_done = "planned", False
            else:
                line.state, line.date_done = "draft", False

    @api.depends("name", "agreement_id")
    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.agreement_id.display_name} – {line.name}" if line.agreement_id else line.name

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("amount", "kind")
    def _check_amount(self):
        for line in self:
            if line.amount < 0 or (line.kind == "payment" and not line.amount):
                raise ValidationError(
                    self.env._(
                        "The payment “%(line)s” of %(agreement)s needs an amount above zero.",
                        line=line.name,
                        agreement=line.agreement_id.display_name,
                    )
                )

    @api.constrains("date_due", "agreement_id")
    def _check_dates_after_signature(self):
        for line in self:
            signed = line.agreement_id.date_signed
            if signed and line.date_due and line.date_due < signed:
                raise ValidationError(
                    self.env._(
                        "“%(line)s” of %(agreement)s is due on %(date)s, before the agreement was signed "
                        "(%(signed)s): a payment or delivery comes on or after the signature.",
                        line=line.name,
                        agreement=line.agreement_id.display_name,
                        date=format_date(self.env, line.date_due),
                        signed=format_date(self.env, signed),
                    )
                )
            if signed and line.date_done and line.date_done < signed:
                raise ValidationError(line._paid_before_signature_message(line.date_done))

    def _paid_before_signature_message(self, date_done):
        self.ensure_one()
        return self.env._(
            "“%(line)s” of %(agreement)s cannot be paid or delivered on %(date)s: the agreement was "
            "signed on %(signed)s.",
            line=self.name,
            agreement=self.agreement_id.display_name,
            date=format_date(self.env, date_done),
            signed=format_date(self.env, self.agreement_id.date_signed),
        )

    # ------------------------------------------------------------------
    # CRUD and synchronisation with the commitments
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        # a line added to a signed agreement is promised at once
        lines.filtered(lambda line: line.agreement_id.state == "signed")._srm_create_commitments()
        return lines

    def write(self, vals):
        protected = {"kind", "amount", "agreement_id", "currency_id"} & set(vals)
        if protected:
            done = self.filtered(lambda line: line.state == "done")
            if done:
                raise UserError(
                    self.env._(
                        "“%s” is already paid or delivered: its amount and kind can no longer change.",
                        done[0].display_name,
                    )
                )
        res = super().write(vals)
        if not self.env.context.get(SYNC_CONTEXT):
            with_commitment = self.filtered("commitment_ids")
            commitment_vals = {SYNCED_FIELDS[name]: vals[name] for name in SYNCED_FIELDS if name in vals}
            if with_commitment and commitment_vals:
                with_commitment.commitment_ids.with_context(**{SYNC_CONTEXT: True}).write(commitment_vals)
            if with_commitment and {"name", "amount", "kind"} & set(vals):
                for line in with_commitment:
                    values = line._srm_prepare_commitment_values()
                    line.commitment_ids.with_context(**{SYNC_CONTEXT: True}).write(
                        {"name": values["name"], "description": values["description"]}
                    )
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_promised(self):
        recorded = self.filtered("commitment_ids")
        if recorded:
            raise UserError(
                self.env._(
                    "“%(line)s” is in the commitments register (%(commitment)s): cancel it instead of deleting it.",
                    line=recorded[0].display_name,
                    commitment=recorded[0].commitment_ids[:1].display_name,
                )
            )

    def _srm_commitment_category(self):
        return self.env.ref("srm_commitments.srm_commitment_category_compensation", raise_if_not_found=False)

    def _srm_prepare_commitment_values(self):
        """Values of the commitment recording this payment or delivery.

        Hook for other modules. The commitment is confidential when the
        agreement is (it names the holder and the amount).
        """
        self.ensure_one()
        agreement = self.agreement_id
        siblings = agreement.line_ids.filtered(lambda line: line.kind == self.kind).sorted(
            lambda line: (line.date_due, line.sequence, line.id)
        )
        number = f"{list(siblings).index(self) + 1}/{len(siblings)}" if self in siblings else ""
        amount = format_amount(self.env, self.amount, self.currency_id) if self.amount else ""
        if self.kind == "payment":
            name = self.env._(
                "Payment %(number)s of %(agreement)s to %(holder)s: %(amount)s",
                number=number,
                agreement=agreement.reference,
                holder=agreement.partner_id.name,
                amount=amount,
            )
        else:
            name = self.env._(
                "Delivery %(number)s of %(agreement)s to %(holder)s: %(what)s",
                number=number,
                agreement=agreement.reference,
                holder=agreement.partner_id.name,
                what=self.name,
            )
        description = Markup("<p>%s</p><ul><li>%s</li><li>%s</li>%s</ul>") % (
            self.name,
            self.env._("Agreement: %s", agreement.display_name),
            self.env._("Signed on %s", format_date(self.env, agreement.date_signed)),
            Markup("<li>%s</li>") % self.env._("Parcels: %s", ", ".join(agreement.parcel_ids.mapped("name")))
            if agreement.parcel_ids
            else "",
        )
        if amount:
            description += Markup("<p>%s</p>") % self.env._("Amount: %s", amount)
        return {
            "name": name,
            "description": description,
            "land_agreement_line_id": self.id,
            "project_id": agreement.project_id.id,
            "company_id": agreement.company_id.id,
            "partner_ids": [Command.set(agreement.partner_id.ids)],
            "engagement_id": agreement.engagement_id.id,
            "category_id": self._srm_commitment_category().id,
            "source": "agreement",
            "user_id": (self.user_id or agreement.user_id).id,
            "date_due": self.date_due,
            "priority": "1",
            "visibility": "confidential" if agreement.is_confidential else "internal",
        }

    def _srm_create_commitments(self):
        """One commitment per line of a signed agreement, created in one batch.

        A new commitment cannot be due before today: the lines of an agreement
        recorded after the fact get their commitment due today, then their own
        due date, as in the register's history.
        """
        todo = self.filtered(lambda line: not line.commitment_ids and line.state != "cancelled")
        if not todo:
            return self.env["srm.commitment"]
        today = fields.Date.context_today(self)
        vals_list = []
        late = defaultdict(list)
        for index, line in enumerate(todo):
            vals = line._srm_prepare_commitment_values()
            if vals["date_due"] < today:
                late[vals["date_due"]].append(index)
                vals["date_due"] = today
            vals_list.append(vals)
        commitments = self.env["srm.commitment"].with_context(**{SYNC_CONTEXT: True}).create(vals_list)
        for date_due, indexes in late.items():
            commitments.browse([commitments[i].id for i in indexes]).write({"date_due": date_due})
        return commitments.with_env(self.env)

    def _sync_commitment_visibility(self):
        for confidential, lines in self.grouped(lambda line: line.agreement_id.is_confidential).items():
            lines.commitment_ids.with_context(**{SYNC_CONTEXT: True}).write(
                {"visibility": "confidential" if confidential else "internal"}
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_record_payment(self):
        """Open the wizard recording the payment or delivery, with its evidence."""
        self.ensure_one()
        if self.state != "planned":
            raise UserError(
                self.env._(
                    "Only the payments and deliveries of a signed agreement that are still to do can be "
                    "recorded: “%s” is not.",
                    self.display_name,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record Payment") if self.kind == "payment" else self.env._("Record Delivery"),
            "res_model": "srm.land.payment.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_line_id": self.id},
        }

    def action_cancel(self):
        active = self.commitment_ids.filtered(lambda c: c.state in COMMITMENT_ACTIVE_STATES)
        if self.filtered(lambda line: line.state == "done"):
            raise UserError(self.env._("A payment or delivery already made cannot be cancelled."))
        active.action_cancel()
        return True

    def action_open_commitment(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "srm.commitment",
            "res_id": self.commitment_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
