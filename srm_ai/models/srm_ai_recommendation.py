# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models

from .res_partner import AI_FIELDS


class SrmAiRecommendation(models.Model):
    """What a rule proposes for a stakeholder, with the reason, and its activity.

    Its reason counts records of every project and company (the stakeholder's last
    engagement, sentiment, overdue commitments, grievances): a reader who may not read
    every record of the stakeholder (see ``srm.scoped.figures.mixin``) does not see it."""

    _name = "srm.ai.recommendation"
    _inherit = ["srm.link.check.mixin", "srm.scoped.figures.mixin"]
    _description = "Recommendation"
    _order = "create_date desc, id desc"
    _check_company_auto = True

    rule_id = fields.Many2one("srm.ai.recommendation.rule", required=True, ondelete="cascade", index=True)
    rule_type = fields.Selection(related="rule_id.rule_type", store=True)
    partner_id = fields.Many2one("res.partner", string="Stakeholder", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    user_id = fields.Many2one("res.users", string="Relationship Owner", index=True)
    reason = fields.Text(required=True)
    advice = fields.Text()
    activity_id = fields.Many2one("mail.activity", ondelete="set null", readonly=True)
    state = fields.Selection(
        [("open", "Open"), ("done", "Done"), ("dismissed", "Dismissed")], default="open", required=True, index=True
    )
    is_confidential = fields.Boolean(
        string="Confidential",
        readonly=True,
        index=True,
        help="The reason counts confidential records: only users with Confidential access see it.",
    )

    # written by the rules (as superuser): a user links only records they may read
    _srm_link_fields = ("rule_id", "partner_id", "activity_id")

    @api.model
    def _srm_scoped_hides_rows(self):
        return True

    def _srm_scoped_partial(self, fnames, candidates=None):
        """The recommendations about stakeholders whose figures the user reads computed."""
        scope = [("id", "in", self.ids if candidates is None else candidates)]
        # sudo: the stakeholders of recommendations the user may read (``candidates``, or read by them)
        Recommendation = self.sudo()
        partners = self.env["res.partner"].browse(
            [partner.id for (partner,) in Recommendation._read_group(scope, ["partner_id"])]
        )
        partial = partners._srm_scoped_partial(AI_FIELDS)
        if not partial:
            return set()
        return set(Recommendation._search(scope + [("partner_id", "in", sorted(partial))]).get_result_ids())

    @api.model
    def _srm_scoped_hidden(self, partial, values):
        return set(partial)

    @api.model
    def _srm_ai_create_for(self, rule, partner, reason, company, confidential=False):
        user = partner._srm_ai_owner()
        activity_type = rule.activity_type_id or self.env.ref("mail.mail_activity_data_todo")
        # the activity is seen by everybody who opens the stakeholder, who may not read the
        # records the reason counts (confidential ones, another project's or company's):
        # no reason there, the recommendation follows the rules of those records
        if confidential:
            note = self.env._("Recommendation based on confidential records: see Insights > Recommendations.")
        else:
            pointer = self.env._("Why: see the recommendation in the stakeholder's Insights tab.")
            note = rule.advice + "\n" + pointer if rule.advice else pointer
        # sudo: the activity goes to the relationship owner, whoever runs the rules
        activity = partner.sudo().activity_schedule(
            activity_type_id=activity_type.id,
            summary=rule.name,
            note=note,
            user_id=user.id,
            date_deadline=fields.Date.context_today(self) + timedelta(days=rule.deadline_days),
        )
        return self.create(
            {
                "rule_id": rule.id,
                "partner_id": partner.id,
                "company_id": company.id,
                "user_id": user.id,
                "reason": reason,
                "advice": rule.advice,
                "activity_id": activity.id,
                "is_confidential": confidential,
            }
        )

    def action_done(self):
        self.check_access("write")
        self.activity_id.action_feedback()
        self.write({"state": "done"})

    def action_dismiss(self):
        self.check_access("write")
        self.activity_id.unlink()
        self.write({"state": "dismissed"})

    @api.model
    def _srm_ai_close_finished(self):
        """Recommendations whose activity was marked done elsewhere become done."""
        self.search([("state", "=", "open"), ("activity_id", "=", False)]).write({"state": "done"})
