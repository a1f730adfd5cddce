# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

# the records an output quotes; a reader must be allowed to read every one of them
SOURCE_FIELDS = ("source_partner_ids", "source_engagement_ids", "source_issue_ids", "source_commitment_ids")


class SrmAiOutputMixin(models.AbstractModel):
    """A brief or a suggestion written from the records its author may read.

    It is private to its author, who may share it with colleagues; whoever reads
    it must also be allowed to read every record it quotes (the stakeholders,
    engagements, issues and commitments it was written from): sharing never
    shows more than the reader could already open. An output quoting a
    confidential record is confidential. The text is written by the analysis
    only, never typed in (the record rules are in security/srm_ai_security.xml).
    """

    _name = "srm.ai.output.mixin"
    _inherit = ["srm.link.check.mixin"]
    _description = "Insight written for its author"
    _check_company_auto = True

    # written by the analysis only (see write())
    _srm_ai_generated_fields = (
        "body",
        "mode",
        "engine_mode",
        "provider_message",
        "company_id",
        "is_confidential",
        *SOURCE_FIELDS,
    )
    # what it is about, chosen by its author among the records they may read
    _srm_link_fields = ()

    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True, default=lambda self: self.env.company
    )
    is_confidential = fields.Boolean(
        string="Confidential",
        readonly=True,
        help="Quotes confidential records: only users with Confidential access can read it, even when shared.",
    )
    shared_user_ids = fields.Many2many(
        "res.users",
        string="Shared With",
        domain=[("share", "=", False)],
        help="Colleagues who may read it too, provided they may read every record it quotes.",
    )
    source_partner_ids = fields.Many2many("res.partner", string="Stakeholders Quoted", readonly=True)
    source_engagement_ids = fields.Many2many("srm.engagement", string="Engagements Quoted", readonly=True)
    source_issue_ids = fields.Many2many("srm.issue", string="Issues Quoted", readonly=True)
    source_commitment_ids = fields.Many2many("srm.commitment", string="Commitments Quoted", readonly=True)
    srm_ai_readable = fields.Boolean(
        string="Sources Readable",
        compute="_compute_srm_ai_readable",
        search="_search_srm_ai_readable",
        help="The current user may read every record quoted.",
    )

    # ------------------------------------------------------------------
    # Who may read it
    # ------------------------------------------------------------------

    def _srm_ai_readable_ids(self):
        """Ids of these outputs whose quoted records the current user may all read
        (their record rules: company, project, confidentiality, audience)."""
        outputs = self.sudo()  # the quoted records are compared below with the reader's own rights
        reader_env = self.env(su=False)
        readable = set(outputs.ids)
        for fname in SOURCE_FIELDS:
            wanted = outputs.mapped(fname)
            if not wanted:
                continue
            Model = reader_env[wanted._name].with_context(active_test=False)
            allowed = set(Model.search([("id", "in", wanted.ids)]).ids) if Model.has_access("read") else set()
            for output in outputs:
                if not set(output[fname].ids) <= allowed:
                    readable.discard(output.id)
        return readable

    @api.depends_context("uid")
    def _compute_srm_ai_readable(self):
        readable = self._srm_ai_readable_ids()
        for output in self:
            output.srm_ai_readable = output.id in readable

    def _search_srm_ai_readable(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on readable sources."))
        uid = self.env.uid
        # sudo: only the outputs the author wrote or shared with the current user are
        # candidates; their sources are then checked with the user's own rights
        candidates = self.sudo().search(["|", ("create_uid", "=", uid), ("shared_user_ids", "in", [uid])])
        readable = list(candidates._srm_ai_readable_ids())
        return [("id", "in" if (operator == "=") == value else "not in", readable)]

    # ------------------------------------------------------------------
    # Written by the analysis only
    # ------------------------------------------------------------------

    def _srm_ai_refuse_generated(self, fnames):
        generated = set(fnames) & set(self._srm_ai_generated_fields)
        if generated and not self.env.su:
            raise AccessError(
                self.env._(
                    "%(model)s is written by the analysis: its text and the records it quotes cannot be "
                    "edited (%(fields)s).",
                    model=self._description,
                    fields=", ".join(sorted(generated)),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._srm_ai_refuse_generated(vals)
        # defaults passed in the context are typed in too
        context = {
            key: value
            for key, value in self.env.context.items()
            if not (key.startswith("default_") and key[8:] in self._srm_ai_generated_fields)
        }
        return super(SrmAiOutputMixin, self.with_env(self.env(context=context))).create(vals_list)

    def write(self, vals):
        self._srm_ai_refuse_generated(vals)
        return super().write(vals)

    def _srm_ai_sources(self, partners=None, engagements=None, issues=None, commitments=None):
        """Values recording what the output quotes, and its classification."""
        partners = partners or self.env["res.partner"]
        engagements = engagements or self.env["srm.engagement"]
        issues = issues or self.env["srm.issue"]
        commitments = commitments or self.env["srm.commitment"]
        # worker grievances are kept apart by their own audience (checked with the
        # other sources when the output is read), not by Confidential access
        confidential = (
            any(engagements.sudo().mapped("is_confidential"))
            or any(commitments.sudo().mapped("is_confidential"))
            or any(i.is_confidential and i.grievance_scope != "worker" for i in issues.sudo())
        )
        return {
            "company_id": self.env.company.id,
            "is_confidential": confidential,
            "source_partner_ids": [fields.Command.set(partners.ids)],
            "source_engagement_ids": [fields.Command.set(engagements.ids)],
            "source_issue_ids": [fields.Command.set(issues.ids)],
            "source_commitment_ids": [fields.Command.set(commitments.ids)],
        }

    def _srm_ai_check_author(self):
        """Only the author prepares (again) an output: the record rules let nobody else write it."""
        self.check_access("write")
