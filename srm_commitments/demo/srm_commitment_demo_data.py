# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo data: the commitments register of the Río Claro Copper Project.

About thirty commitments made to the stakeholders of srm_base's demo project
(or, without it, to a small project of their own), some overdue, some
fulfilled with evidence, some cancelled, a few confidential, and recurring
series. Dates are relative to today. It runs once: the records get external
ids ending in ``_demo``.
"""

from datetime import timedelta

from odoo import Command, api, fields, models

XMLID_PREFIX = "srm_commitments."
BASE_PREFIX = "srm_base."

# fmt: off
# key, title, stakeholder keys, category, source, owner, due in (days, negative = past),
# state, progress, confidential, evidence (note) or None, priority
COMMITMENTS = [
    ("water_data", "Compartir mensualmente los datos de piezómetros con el comité APR",
     ["rural_water"], "environmental", "verbal", "user", 12, "open", 0, False, None, "1"),
    ("hydro_study", "Fund an independent hydrogeological study of the El Molino well",
     ["rural_water", "neighbours_molino"], "environmental", "agreement", "manager", 75, "in_progress", 40,
     False, None, "2"),
    ("road_watering", "Humectar el camino de acceso dos veces al día",
     ["neighbours_molino"], "health_safety", "verbal", "user", -20, "fulfilled", 100, False,
     "Water truck log for the month signed by the neighbourhood council president.", "1"),
    ("speed_limit", "Límite de 30 km/h para contratistas frente a Villa Los Aromos",
     ["neighbours_aromos", "contractor"], "health_safety", "public_meeting", "user", -5, "open", 50, False,
     None, "1"),
    ("school_hours", "No truck traffic at school entry and exit times",
     ["school", "neighbours_aromos"], "health_safety", "public_meeting", "restricted", 20, "in_progress", 60,
     False, None, "2"),
    ("fence_repair", "Reparar el cerco dañado por camión contratista",
     ["resident_rojas"], "compensation", "grievance", "restricted", -12, "in_progress", 30, False, None, "1"),
    ("valuation", "Independent valuation of the power-line easement (Lot 17)",
     ["landowner_fernandez"], "compensation", "letter", "confidential", 30, "open", 10, True, None, "2"),
    ("easement_payment", "Pay the first instalment of the Lot 9-10 easement",
     ["landowner_olivos"], "compensation", "agreement", "confidential", -3, "open", 0, True, None, "2"),
    ("canals", "Re-route the access road to keep both irrigation canals of Lot 21",
     ["landowner_valdivia", "farmers_coop"], "access", "agreement", "manager", 45, "open", 0, False, None, "1"),
    ("grazing_access", "Keep the Quebrada Honda grazing track open during drilling",
     ["herders"], "access", "verbal", "user", -8, "open", 0, False, None, "1"),
    ("heritage_monitors", "Contratar dos monitores culturales de la comunidad",
     ["community_ayllu", "elders_council"], "cultural_heritage", "consultation", "manager", 25, "in_progress", 50,
     False, None, "2"),
    ("chance_finds", "Agree a chance-finds protocol with the Elders' Council",
     ["elders_council"], "cultural_heritage", "consultation", "manager", -30, "fulfilled", 100, False,
     "Protocol signed at the community assembly; minutes attached to the engagement.", "2"),
    ("consultation_advice", "Finance independent advice for the Indigenous consultation",
     ["community_ayllu", "ayllu_president"], "regulatory", "consultation", "confidential", 60, "open", 0, False,
     None, "2"),
    ("consultation_language", "Interpretation into the community's language at every assembly",
     ["community_ayllu"], "information", "consultation", "user", 15, "open", 0, False, None, "0"),
    ("fauna_baseline", "Ampliar la campaña de fauna a la temporada de invierno",
     ["environment_agency"], "regulatory", "permit_condition", "manager", 90, "open", 20, False, None, "1"),
    ("wetland", "Include the upper wetland in the spring biodiversity survey",
     ["ngo_cordillera"], "environmental", "verbal", "user", -45, "fulfilled", 100, False,
     "Survey report section 4.3 covers the upper wetland; sent to the foundation.", "0"),
    ("raw_data", "Share the raw wildlife monitoring data with Eau Vive",
     ["ngo_eau_vive", "hydrogeologist"], "information", "letter", "user", -2, "open", 0, False, None, "0"),
    ("water_figures", "Send the water consumption figures to Diario del Valle",
     ["journalist"], "information", "verbal", "manager", -60, "fulfilled", 100, False,
     "Figures sent by email; published in the 12 May edition.", "0"),
    ("feasibility_summary", "Send the public summary of the feasibility study",
     ["trade_press"], "information", "verbal", "manager", -10, "cancelled", 0, False, None, "0"),
    ("local_hiring", "Publish the register of local job applicants",
     ["union", "chamber"], "employment", "public_meeting", "user", 35, "open", 0, False, None, "1"),
    ("supplier_workshop", "Taller de registro de proveedores locales",
     ["chamber", "hostel"], "employment", "verbal", "user", -15, "fulfilled", 100, False,
     "Workshop held with 23 local businesses; attendance sheet attached.", "0"),
    ("training", "Heavy-equipment operator course for 20 young people of the valley",
     ["union", "municipality"], "employment", "agreement", "manager", 120, "draft", 0, False, None, "1"),
    ("school_roof", "Evaluar el apoyo para reparar el techo del gimnasio de la escuela",
     ["school"], "community_investment", "letter", "restricted", 28, "open", 0, False, None, "0"),
    ("fund_rules", "Publicar las bases del fondo concursable en la radio local",
     ["radio", "municipality"], "community_investment", "public_meeting", "user", -25, "open", 70, False, None,
     "1"),
    ("firefighters", "Donate a water tender to the Río Claro firefighters",
     ["firefighters"], "community_investment", "agreement", "manager", 150, "draft", 0, False, None, "0"),
    ("grievance_mechanism", "Grievance mechanism operating before the next disbursement",
     ["lender"], "regulatory", "agreement", "manager", 40, "in_progress", 70, False, None, "2"),
    ("consent_tracking", "Add a consent-tracking section to the quarterly ESG report",
     ["investor_fund", "investor_caisse"], "information", "verbal", "confidential", 55, "open", 0, True, None,
     "1"),
    ("permit_risks", "Send the updated permitting risk register",
     ["investor_caisse"], "information", "letter", "confidential", -6, "in_progress", 80, True, None, "1"),
    ("night_noise", "Review the night drilling schedule and inform the neighbour",
     ["neighbours_molino"], "health_safety", "grievance", "restricted", 6, "open", 0, False, None, "1"),
    ("water_table", "Create the technical water table with the community",
     ["council", "indigenous_irrigators", "rural_water"], "environmental", "public_meeting", "manager", -90,
     "fulfilled", 100, False, "First session held at the municipality; terms of reference approved.", "2"),
]

# key, title, stakeholder keys, category, source, owner, rule values
SERIES = [
    ("monthly_water_report", "Monthly water quality report to the rural water committee",
     ["rural_water", "indigenous_irrigators"], "environmental", "permit_condition", "user",
     {"repeat_unit": "month", "repeat_on_month": "date", "start_in": 5, "repeat_type": "count",
      "repeat_count": 24}),
    ("yearly_assembly", "Asamblea anual abierta sobre el avance del proyecto",
     ["neighbours_aromos", "council", "community_ayllu"], "information", "public_meeting", "manager",
     {"repeat_unit": "year", "start_in": 40, "repeat_type": "count", "repeat_count": 5}),
    ("quarterly_dust", "Quarterly dust monitoring results for El Molino",
     ["neighbours_molino"], "environmental", "agreement", "user",
     {"repeat_unit": "month", "repeat_interval": 3, "repeat_on_month": "day", "repeat_week": "-1",
      "repeat_weekday": "fri", "start_in": 10, "repeat_type": "until", "until_in": 730}),
    ("road_log", "Share the road watering log with Villa Los Aromos",
     ["neighbours_aromos"], "health_safety", "verbal", "restricted",
     {"repeat_unit": "week", "repeat_interval": 2, "mon": True, "start_in": 2, "repeat_type": "count",
      "repeat_count": 10}),
]

# fmt: on

FALLBACK_PARTNERS = {
    "rural_water": "Rural Water Committee",
    "neighbours_molino": "El Molino Neighbourhood Council",
    "neighbours_aromos": "Villa Los Aromos Neighbourhood Council",
}


def _register(env, records_by_xmlid):
    env["ir.model.data"]._update_xmlids(
        [
            {"xml_id": XMLID_PREFIX + xmlid, "record": record, "noupdate": True}
            for xmlid, record in records_by_xmlid.items()
        ]
    )


class _DemoContext:
    """Project, stakeholders and users of srm_base's demo, or small stand-ins."""

    def __init__(self, env):
        self.env = env
        self.project = env.ref(BASE_PREFIX + "srm_project_rio_claro_demo", raise_if_not_found=False)
        self.created = {}
        if not self.project:
            self.project = env["srm.project"].create({"name": "Demo Mine", "code": "DEMO-COM", "user_id": env.user.id})
            self.created["srm_project_demo"] = self.project
        self._partners = {}

    def user(self, key):
        user = self.env.ref(f"{BASE_PREFIX}user_srm_{key}_demo", raise_if_not_found=False)
        return user or self.env.user

    def partner(self, key):
        if key not in self._partners:
            partner = self.env.ref(f"{BASE_PREFIX}res_partner_{key}_demo", raise_if_not_found=False)
            if not partner:
                partner = self.env["res.partner"].create(
                    {
                        "name": FALLBACK_PARTNERS.get(key, key.replace("_", " ").title()),
                        "is_stakeholder": True,
                        "srm_project_ids": [Command.link(self.project.id)],
                    }
                )
                self.created[f"res_partner_{key}_demo"] = partner
            self._partners[key] = partner
        return self._partners[key]

    def partners(self, keys):
        return self.env["res.partner"].union(*[self.partner(key) for key in keys])

    def engagement(self, partners):
        return self.env["srm.engagement"].search(
            [("project_id", "=", self.project.id), ("partner_ids", "in", partners.ids)],
            order="date desc",
            limit=1,
        )


def load_demo_data(env):
    """Create the demo commitments once (the <function> runs on every update)."""
    if env.ref(XMLID_PREFIX + "srm_commitment_water_data_demo", raise_if_not_found=False):
        return
    env = env(
        context=dict(
            env.context,
            tracking_disable=True,
            mail_create_nolog=True,
            mail_create_nosubscribe=True,
            mail_auto_subscribe_no_notify=True,
            mail_activity_quick_update=True,
        )
    )
    today = fields.Date.context_today(env["srm.commitment"])
    demo = _DemoContext(env)
    xmlids = {}
    categories = {
        code: env.ref(f"{XMLID_PREFIX}srm_commitment_category_{code}")
        for code in (
            "compensation",
            "environmental",
            "employment",
            "community_investment",
            "information",
            "access",
            "regulatory",
            "health_safety",
            "cultural_heritage",
        )
    }

    teams = env["srm.commitment.team"].create(
        [
            {
                "name": "Community Relations",
                "member_ids": [Command.set((demo.user("user") | demo.user("restricted")).ids)],
                "escalation_user_id": demo.user("manager").id,
            },
            {
                "name": "Land and Legal",
                "member_ids": [Command.set(demo.user("confidential").ids)],
                "escalation_user_id": demo.user("manager").id,
            },
        ]
    )
    xmlids["srm_commitment_team_community_relations_demo"] = teams[0]
    xmlids["srm_commitment_team_land_legal_demo"] = teams[1]

    vals_list = []
    for (
        _key,
        title,
        partner_keys,
        category,
        source,
        owner,
        _due_in,
        _state,
        _progress,
        confidential,
        _evidence,
        priority,
    ) in COMMITMENTS:
        partners = demo.partners(partner_keys)
        engagement = demo.engagement(partners)
        if engagement.is_confidential and not confidential:
            engagement = env["srm.engagement"]
        vals_list.append(
            {
                "name": title,
                "partner_ids": [Command.set(partners.ids)],
                "project_id": demo.project.id,
                "company_id": demo.project.company_id.id,
                "engagement_id": engagement.id,
                "category_id": categories[category].id,
                "source": source,
                "user_id": demo.user(owner).id,
                "priority": priority,
                "visibility": "confidential"
                if confidential
                else ("public" if source == "public_meeting" else "internal"),
                "date_due": today,
                "description": f"<p>{title}.</p>",
            }
        )
    commitments = env["srm.commitment"].create(vals_list)
    for commitment, (
        key,
        _title,
        _partners,
        _category,
        _source,
        _owner,
        due_in,
        state,
        progress,
        _conf,
        evidence,
        _priority,
    ) in zip(commitments, COMMITMENTS, strict=True):
        vals = {"date_due": today + timedelta(days=due_in), "progress": progress}
        if state != "draft":
            vals["state"] = state
        if state == "fulfilled":
            vals.update(
                {
                    "evidence_note": f"<p>{evidence}</p>",
                    "date_fulfilled": min(today, today + timedelta(days=due_in - 2)),
                }
            )
        # past due dates are history: written after creation, as a new commitment cannot be late
        commitment.write(vals)
        if state in ("fulfilled", "cancelled"):
            commitment._close_follow_up()
        xmlids[f"srm_commitment_{key}_demo"] = commitment

    for key, title, partner_keys, category, source, owner, rule in SERIES:
        rule = dict(rule)
        start = today + timedelta(days=rule.pop("start_in"))
        until_in = rule.pop("until_in", None)
        if until_in:
            rule["repeat_until"] = today + timedelta(days=until_in)
        series = env["srm.commitment.recurrence"].create(
            {
                "name": title,
                "partner_ids": [Command.set(demo.partners(partner_keys).ids)],
                "project_id": demo.project.id,
                "company_id": demo.project.company_id.id,
                "category_id": categories[category].id,
                "source": source,
                "user_id": demo.user(owner).id,
                "visibility": "public" if source == "public_meeting" else "internal",
                "date_start": start,
                "description": f"<p>{title}.</p>",
                **rule,
            }
        )
        xmlids[f"srm_commitment_recurrence_{key}_demo"] = series

    # what the daily job would have done by now: overdue flags, reminders, escalations
    Commitment = env["srm.commitment"]
    Commitment._refresh_overdue(today)
    while Commitment._process_follow_up_batch(today):
        pass
    xmlids.update(demo.created)
    _register(env, xmlids)


class SrmCommitment(models.Model):
    """The demo data file calls this; it lives here so that the model itself carries no demo code."""

    _inherit = "srm.commitment"

    @api.model
    def _srm_load_demo_data(self):
        """Called by the demo data file: the commitments of the Río Claro Copper Project."""
        load_demo_data(self.env)
