# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

AGREEMENT_TYPES = [
    ("access", "Access"),
    ("lease", "Lease"),
    ("purchase", "Purchase"),
    ("compensation", "Compensation"),
    ("resettlement", "Resettlement"),
    ("benefit_sharing", "Benefit sharing"),
]

AGREEMENT_STATES = [
    ("draft", "Draft"),
    ("negotiation", "In Negotiation"),
    ("signed", "Signed"),
    ("cancelled", "Cancelled"),
]

PAYMENT_STATUSES = [
    ("none", "Nothing scheduled"),
    ("pending", "To pay"),
    ("overdue", "Overdue"),
    ("done", "All paid and delivered"),
]

SEQUENCE_CODE = "srm.land.agreement"


class SrmLandAgreement(models.Model):
    """An agreement with a holder: access, lease, purchase, compensation, resettlement or
    benefit sharing, with what it pays or delivers and when.

    Once signed, each payment and each in-kind promise of its schedule is a
    commitment of the commitments register (see ``srm.land.agreement.line``).
    """

    _name = "srm.land.agreement"
    _description = "Land Agreement"
    _inherit = ["srm.land.secured.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_signed desc, id desc"
    _mail_post_access = "read"
    _rec_names_search = ["reference", "name"]

    reference = fields.Char(readonly=True, copy=False, index="trigram", default="/")
    name = fields.Char(string="Title", required=True, tracking=True)
    agreement_type = fields.Selection(
        AGREEMENT_TYPES, string="Type", required=True, default="compensation", tracking=True
    )
    state = fields.Selection(
        AGREEMENT_STATES, string="Status", default="draft", required=True, index=True, tracking=True, copy=False
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Holder",
        required=True,
        index=True,
        tracking=True,
        domain="[('is_stakeholder', '=', True)]",
        help="The rights holder, household head or community the agreement is made with.",
    )
    parcel_ids = fields.Many2many(
        "srm.land.parcel",
        "srm_land_agreement_parcel_rel",
        "agreement_id",
        "parcel_id",
        string="Parcels",
        check_company=True,
        domain="[('project_id', '=', project_id)]",
    )
    household_id = fields.Many2one(
        "srm.land.household",
        index="btree_not_null",
        tracking=True,
        check_company=True,
        domain="[('project_id', '=', project_id)]",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Land Officer",
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
        help="Owns the payments and deliveries of the agreement in the commitments register, "
        "unless a line names another owner.",
    )
    date_signed = fields.Date(string="Signature Date", tracking=True, copy=False)
    signature_place = fields.Char(string="Signed At", copy=False)
    holder_signatory_id = fields.Many2one(
        "res.partner",
        string="Signed by the Holder",
        copy=False,
        help="Who signed for the holder: the holder, a representative or the authorities of a community.",
    )
    company_signatory_id = fields.Many2one(
        "res.users", string="Signed for the Company", copy=False, domain="[('share', '=', False)]"
    )
    witness_ids = fields.Many2many(
        "res.partner",
        "srm_land_agreement_witness_rel",
        "agreement_id",
        "partner_id",
        string="Witnesses",
        copy=False,
    )
    engagement_id = fields.Many2one(
        "srm.engagement",
        string="Signing Meeting",
        index="btree_not_null",
        check_company=True,
        copy=False,
        domain="[('project_id', '=', project_id)]",
    )
    document_ids = fields.Many2many(
        "ir.attachment",
        "srm_land_agreement_document_rel",
        "agreement_id",
        "attachment_id",
        string="Signed Documents",
        copy=False,
    )
    terms = fields.Html()
    line_ids = fields.One2many("srm.land.agreement.line", "agreement_id", string="Payment Schedule", copy=True)
    currency_id = fields.Many2one(related="company_id.currency_id", string="Currency")
    amount_total = fields.Monetary(string="Total Amount", compute="_compute_amounts", store=True)
    amount_paid = fields.Monetary(string="Paid", compute="_compute_amounts", store=True)
    amount_due = fields.Monetary(string="Still to Pay", compute="_compute_amounts", store=True)
    payment_status = fields.Selection(PAYMENT_STATUSES, compute="_compute_payment_status")
    commitment_ids = fields.One2many("srm.commitment", "land_agreement_id", string="Commitments")
    commitment_count = fields.Integer(compute="_compute_commitment_count")

    @api.model
    def _srm_searched_link_fields(self):
        # its parcels, witnesses and commitments: a confidential parcel or commitment, and
        # another project's stakeholders, are not every reader's
        return (*super()._srm_searched_link_fields(), "parcel_ids", "witness_ids", "commitment_ids")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("line_ids.amount", "line_ids.kind", "line_ids.state")
    def _compute_amounts(self):
        for agreement in self:
            payments = agreement.line_ids.filtered(lambda line: line.kind == "payment" and line.state != "cancelled")
            agreement.amount_total = sum(payments.mapped("amount"))
            agreement.amount_paid = sum(payments.filtered(lambda line: line.state == "done").mapped("amount"))
            agreement.amount_due = agreement.amount_total - agreement.amount_paid

    @api.depends("line_ids.state", "line_ids.is_overdue")
    def _compute_payment_status(self):
        for agreement in self:
            lines = agreement.line_ids.filtered(lambda line: line.state != "cancelled")
            if not lines:
                agreement.payment_status = "none"
            elif any(line.is_overdue for line in lines):
                agreement.payment_status = "overdue"
            elif all(line.state == "done" for line in lines):
                agreement.payment_status = "done"
            else:
                agreement.payment_status = "pending"

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_commitment_count(self):
        counts = dict(
            self.env["srm.commitment"]._read_group(
                [("land_agreement_id", "in", self.ids)], ["land_agreement_id"], ["__count"]
            )
        )
        for agreement in self:
            agreement.commitment_count = counts.get(agreement, 0)

    @api.depends("reference", "name")
    def _compute_display_name(self):
        for agreement in self:
            agreement.display_name = (
                f"{agreement.reference} {agreement.name}"
                if agreement.reference and agreement.reference != "/"
                else agreement.name
            )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("state", "date_signed")
    def _check_signature(self):
        today = fields.Date.context_today(self)
        for agreement in self:
            if agreement.state == "signed" and not agreement.date_signed:
                raise ValidationError(
                    self.env._(
                        "Enter the signature date of the agreement %s before signing it.", agreement.display_name
                    )
                )
            if agreement.date_signed and agreement.date_signed > today:
                raise ValidationError(
                    self.env._("The agreement %s cannot be signed on a future date.", agreement.display_name)
                )
        self.line_ids._check_dates_after_signature()

    @api.constrains("parcel_ids", "household_id", "project_id")
    def _check_project(self):
        for agreement in self:
            others = agreement.parcel_ids.filtered(lambda p, a=agreement: p.project_id != a.project_id)
            if agreement.household_id and agreement.household_id.project_id != agreement.project_id:
                others |= agreement.household_id
            if others:
                raise ValidationError(
                    self.env._(
                        "The agreement %(agreement)s is of %(project)s: %(record)s belongs to another project.",
                        agreement=agreement.display_name,
                        project=agreement.project_id.display_name,
                        record=others[0].display_name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self._srm_land_check_create_rights()
        todo = [vals for vals in vals_list if vals.get("reference", "/") in ("/", False, "")]
        if todo:
            # numbering only, for agreements the user may create (checked above)
            sequence = self.env["ir.sequence"].sudo()
            for vals in todo:
                vals["reference"] = sequence.next_by_code(SEQUENCE_CODE) or "/"
        agreements = super().create(vals_list)
        agreements._attach_documents()
        agreements._srm_land_link_stakeholders(
            {project: group.partner_id for project, group in agreements.grouped("project_id").items()}
        )
        return agreements

    def write(self, vals):
        res = super().write(vals)
        if "document_ids" in vals:
            self._attach_documents()
        if "partner_id" in vals:
            self._srm_land_link_stakeholders(
                {project: group.partner_id for project, group in self.grouped("project_id").items()}
            )
        if "is_confidential" in vals:
            self.line_ids._sync_commitment_visibility()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_promised(self):
        if self.line_ids.commitment_ids:
            raise UserError(
                self.env._(
                    "The payments of %s are in the commitments register: cancel the agreement instead of deleting it.",
                    self.filtered("line_ids.commitment_ids")[0].display_name,
                )
            )

    def _attach_documents(self):
        """Documents uploaded on an agreement not saved yet belong to it once saved."""
        orphans = self.document_ids.filtered(lambda a: not a.res_id and a.res_model in (False, self._name))
        for agreement in self:
            mine = orphans & agreement.document_ids
            if mine:
                # the uploader owns these attachments; their access then follows the agreement's
                mine.sudo().write({"res_model": self._name, "res_id": agreement.id})

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _check_state(self, allowed, action):
        wrong = self.filtered(lambda a: a.state not in allowed)
        if wrong:
            states = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "%(action)s is not possible for %(name)s: it is %(state)s.",
                    action=action,
                    name=wrong[0].display_name,
                    state=states[wrong[0].state],
                )
            )

    def action_negotiate(self):
        self._check_state(("draft",), self.env._("Starting the negotiation"))
        self.write({"state": "negotiation"})
        return True

    def action_sign(self):
        """Signed: each payment and delivery of the schedule becomes a commitment."""
        self._check_state(("draft", "negotiation"), self.env._("Signing"))
        missing = self.filtered(lambda a: not a.date_signed)
        if missing:
            raise UserError(
                self.env._(
                    "Enter the signature date of %s (and its witnesses) before marking it signed.",
                    missing[0].display_name,
                )
            )
        self.write({"state": "signed"})
        self.line_ids._srm_create_commitments()
        for agreement in self:
            agreement.message_post(
                body=self.env._(
                    "Signed on %(date)s: %(count)s payments and deliveries added to the commitments register.",
                    date=format_date(self.env, agreement.date_signed),
                    count=len(agreement.line_ids),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_cancel(self):
        self._check_state(("draft", "negotiation", "signed"), self.env._("Cancelling"))
        # what was paid or delivered stays so; what is still to do is cancelled in the register
        pending = self.line_ids.commitment_ids.filtered(lambda c: c.state in ("draft", "open", "in_progress"))
        self.write({"state": "cancelled"})
        pending.action_cancel()
        return True

    def action_draft(self):
        self._check_state(("negotiation", "cancelled"), self.env._("Resetting to draft"))
        if self.line_ids.commitment_ids:
            raise UserError(
                self.env._(
                    "%s was signed and its payments are in the commitments register: record a new "
                    "agreement rather than reopening this one.",
                    self.filtered("line_ids.commitment_ids")[0].display_name,
                )
            )
        self.write({"state": "draft"})
        return True

    def action_view_commitments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_commitments.srm_commitment_action")
        action["domain"] = [("land_agreement_id", "=", self.id)]
        action["context"] = {"create": False}
        return action
