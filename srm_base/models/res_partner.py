# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

QUADRANTS = [
    ("manage_closely", "Manage closely"),
    ("keep_satisfied", "Keep satisfied"),
    ("keep_informed", "Keep informed"),
    ("monitor", "Monitor"),
]

SALIENCE = [
    ("definitive", "Definitive"),
    ("dominant", "Dominant"),
    ("dangerous", "Dangerous"),
    ("dependent", "Dependent"),
    ("dormant", "Dormant"),
    ("discretionary", "Discretionary"),
    ("demanding", "Demanding"),
    ("none", "Non-stakeholder"),
]

# (power, legitimacy, urgency) -> salience class (Mitchell, Agle & Wood)
SALIENCE_MAP = {
    (True, True, True): "definitive",
    (True, True, False): "dominant",
    (True, False, True): "dangerous",
    (False, True, True): "dependent",
    (True, False, False): "dormant",
    (False, True, False): "discretionary",
    (False, False, True): "demanding",
    (False, False, False): "none",
}

HIGH = 4  # on the 1-5 scales, 4 and 5 count as high


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_stakeholder = fields.Boolean(string="Stakeholder", index=True, tracking=True)
    stakeholder_type_id = fields.Many2one(
        "srm.stakeholder.type", string="Stakeholder Type", index=True, tracking=True
    )
    srm_segment_ids = fields.Many2many(
        "srm.segment",
        "srm_segment_partner_rel",
        "partner_id",
        "segment_id",
        string="Segments",
    )
    srm_influence = fields.Integer(
        string="Influence", default=3, tracking=True, help="Power to affect the project, 1 (low) to 5 (high)."
    )
    srm_interest = fields.Integer(
        string="Interest", default=3, tracking=True, help="How much the project affects or concerns them, 1 to 5."
    )
    srm_legitimacy = fields.Integer(
        string="Legitimacy", default=3, help="Legitimacy of their claim on the project, 1 to 5."
    )
    srm_urgency = fields.Integer(
        string="Urgency", default=3, help="Time-sensitivity of their claims, 1 to 5."
    )
    srm_quadrant = fields.Selection(
        QUADRANTS,
        string="Power/Interest Quadrant",
        compute="_compute_srm_quadrant",
        store=True,
        index=True,
    )
    srm_salience = fields.Selection(
        SALIENCE, string="Salience", compute="_compute_srm_salience", store=True
    )
    srm_region_id = fields.Many2one("srm.region", string="Region", index=True)
    srm_preferred_channel = fields.Selection(
        [
            ("email", "Email"),
            ("phone", "Phone"),
            ("sms", "SMS / messaging"),
            ("letter", "Letter"),
            ("in_person", "In person"),
            ("community_meeting", "Community meeting"),
            ("radio", "Radio / notice board"),
        ],
        string="Preferred Channel",
    )
    srm_consent = fields.Boolean(string="Consents to Contact", tracking=True)
    srm_consent_date = fields.Date(string="Consent Date")
    srm_consent_basis = fields.Selection(
        [
            ("consent", "Explicit consent"),
            ("legitimate_interest", "Legitimate interest"),
            ("legal_obligation", "Legal or permit obligation"),
            ("public_task", "Public task"),
        ],
        string="Basis for Contact",
    )
    srm_do_not_contact = fields.Boolean(
        string="Do Not Contact",
        index=True,
        tracking=True,
        help="The stakeholder asked not to be contacted: no invitation, mailing or "
        "outbound engagement is allowed.",
    )
    srm_project_ids = fields.Many2many(
        "srm.project",
        "srm_project_partner_rel",
        "partner_id",
        "project_id",
        string="Projects",
    )
    srm_main_project_id = fields.Many2one(
        "srm.project",
        string="Main Project",
        help="The project whose custom stakeholder attributes apply to this stakeholder.",
    )
    srm_properties = fields.Properties(
        string="Project Attributes",
        definition="srm_main_project_id.stakeholder_properties_definition",
        copy=True,
    )
    srm_relationship_ids = fields.One2many(
        "srm.relationship", "partner_id", string="Relationships"
    )
    srm_relationship_inverse_ids = fields.One2many(
        "srm.relationship", "related_partner_id", string="Relationships (other side)"
    )
    srm_engagement_ids = fields.Many2many(
        "srm.engagement",
        "srm_engagement_partner_rel",
        "partner_id",
        "engagement_id",
        string="Engagements",
        copy=False,
    )
    srm_engagement_count = fields.Integer(
        string="Engagement Count", compute="_compute_srm_engagement_count"
    )
    srm_last_engagement_date = fields.Datetime(
        string="Last Engagement", readonly=True, index=True, copy=False
    )
    srm_days_since_contact = fields.Integer(
        string="Days Since Last Contact",
        readonly=True,
        copy=False,
        help="Refreshed whenever an engagement is logged and every night.",
    )

    _sql_constraints = [
        ("srm_influence_range", "CHECK(srm_influence BETWEEN 1 AND 5)", "Influence must be between 1 and 5."),
        ("srm_interest_range", "CHECK(srm_interest BETWEEN 1 AND 5)", "Interest must be between 1 and 5."),
        ("srm_legitimacy_range", "CHECK(srm_legitimacy BETWEEN 1 AND 5)", "Legitimacy must be between 1 and 5."),
        ("srm_urgency_range", "CHECK(srm_urgency BETWEEN 1 AND 5)", "Urgency must be between 1 and 5."),
    ]

    @api.constrains("srm_influence", "srm_interest", "srm_legitimacy", "srm_urgency")
    def _check_srm_scales(self):
        labels = {
            "srm_influence": self.env._("Influence"),
            "srm_interest": self.env._("Interest"),
            "srm_legitimacy": self.env._("Legitimacy"),
            "srm_urgency": self.env._("Urgency"),
        }
        for partner in self:
            for fname, label in labels.items():
                value = partner[fname]
                if not 1 <= value <= 5:
                    raise ValidationError(
                        self.env._(
                            "%(field)s of %(name)s must be between 1 and 5 (got %(value)s).",
                            field=label,
                            name=partner.display_name,
                            value=value,
                        )
                    )

    @api.constrains("srm_consent", "srm_do_not_contact")
    def _check_srm_consent(self):
        for partner in self:
            if partner.srm_consent and partner.srm_do_not_contact:
                raise ValidationError(
                    self.env._(
                        "%s cannot both consent to contact and ask not to be contacted.",
                        partner.display_name,
                    )
                )

    @api.depends("srm_influence", "srm_interest")
    def _compute_srm_quadrant(self):
        for partner in self:
            high_power = partner.srm_influence >= HIGH
            high_interest = partner.srm_interest >= HIGH
            if high_power and high_interest:
                partner.srm_quadrant = "manage_closely"
            elif high_power:
                partner.srm_quadrant = "keep_satisfied"
            elif high_interest:
                partner.srm_quadrant = "keep_informed"
            else:
                partner.srm_quadrant = "monitor"

    @api.depends("srm_influence", "srm_legitimacy", "srm_urgency")
    def _compute_srm_salience(self):
        for partner in self:
            partner.srm_salience = SALIENCE_MAP[
                (
                    partner.srm_influence >= HIGH,
                    partner.srm_legitimacy >= HIGH,
                    partner.srm_urgency >= HIGH,
                )
            ]

    def _compute_srm_engagement_count(self):
        data = dict(
            self.env["srm.engagement"]._read_group(
                [("partner_ids", "in", self.ids)], ["partner_ids"], ["__count"]
            )
        )
        for partner in self:
            partner.srm_engagement_count = data.get(partner, 0)

    @api.onchange("srm_consent")
    def _onchange_srm_consent(self):
        if self.srm_consent and not self.srm_consent_date:
            self.srm_consent_date = fields.Date.context_today(self)

    # ------------------------------------------------------------------
    # Contact history
    # ------------------------------------------------------------------

    def _srm_update_last_engagement(self):
        """Recompute last engagement date and days since contact in one query."""
        ids = [pid for pid in self.ids if pid]
        if not ids:
            return
        self.env["srm.engagement"].flush_model(["date", "partner_ids"])
        self.env.cr.execute(
            SQL(
                """
                UPDATE res_partner p
                   SET srm_last_engagement_date = sub.last_date,
                       srm_days_since_contact = CASE WHEN sub.last_date IS NULL THEN NULL
                           ELSE (CURRENT_DATE - sub.last_date::date) END
                  FROM (
                        SELECT pid.id AS partner_id, max(e.date) AS last_date
                          FROM unnest(%s::int[]) AS pid(id)
                     LEFT JOIN srm_engagement_partner_rel rel ON rel.partner_id = pid.id
                     LEFT JOIN srm_engagement e ON e.id = rel.engagement_id
                      GROUP BY pid.id
                       ) sub
                 WHERE p.id = sub.partner_id
                """,
                ids,
            )
        )
        self.invalidate_recordset(["srm_last_engagement_date", "srm_days_since_contact"])

    @api.model
    def _cron_srm_refresh_days_since_contact(self):
        """Nightly: days since last contact move on by one for everybody, in one query."""
        self.env.cr.execute(
            """
            UPDATE res_partner
               SET srm_days_since_contact = CURRENT_DATE - srm_last_engagement_date::date
             WHERE srm_last_engagement_date IS NOT NULL
               AND srm_days_since_contact IS DISTINCT FROM
                   CURRENT_DATE - srm_last_engagement_date::date
            """
        )
        self.invalidate_model(["srm_days_since_contact"])

    def _srm_check_contactable(self):
        """Raise when one of these stakeholders asked not to be contacted."""
        blocked = self.filtered("srm_do_not_contact")
        if blocked:
            raise UserError(
                self.env._(
                    "%s asked not to be contacted.", ", ".join(blocked.mapped("display_name"))
                )
            )
        return True

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_srm_view_engagements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("srm_base.srm_engagement_action")
        action["domain"] = [("partner_ids", "in", self.ids)]
        action["context"] = {
            "default_partner_ids": self.ids,
            "default_project_id": self.srm_main_project_id.id,
        }
        return action

    def action_srm_log_engagement(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Log Engagement"),
            "res_model": "srm.engagement",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_partner_ids": self.ids,
                "default_project_id": self.srm_main_project_id.id or self.srm_project_ids[:1].id,
            },
        }
