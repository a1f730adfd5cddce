# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo data: the land of the Río Claro Copper Project.

The census cut-off date and the entitlement matrix of srm_base's demo project (or,
without it, of a small project of its own); thirty parcels of the upper valley,
El Molino and the Ayllu Quelana territory, drawn as GeoJSON rectangles around the
project, with their holders (the demo landowners, the Indigenous community and
occupants without title); twenty census households with their members and assets;
agreements with their payment schedules, whose payments are commitments, some
paid with evidence and some overdue; livelihood measures followed up over time;
and the demo engagements with landowners linked to their parcels.

Deterministic (seeded), dates relative to today; it runs once: the records get
external ids ending in ``_demo``.
"""

import json
import random
from datetime import timedelta

from markupsafe import Markup

from odoo import Command, api, fields, models

SEED = 20260407
XMLID_PREFIX = "srm_land."
BASE_PREFIX = "srm_base."

# the project's point (srm_base demo) and the grid of parcels around it
ORIGIN = (-70.6300, -30.8050)  # longitude, latitude of the south-west corner of the grid
CELL = 0.0055  # degrees: about 530 m east-west and 610 m north-south
COLUMNS = 6
CUTOFF_DAYS_AGO = 240

# fmt: off
# lot number, locality, tenure, land use, status, holders [(key, right, share)]
# holder keys: demo stakeholders of srm_base ("base:<key>") or people created here
PARCELS = [
    (1, "Camino Viejo", "private_title", "irrigated", "restored", [("juana", "owner", 100)]),
    (2, "Camino Viejo", "private_title", "cropland", "accessed", [("mario", "owner", 60), ("elena", "co_owner", 40)]),
    (3, "Camino Viejo", "private_title", "irrigated", "accessed", [("ramon", "owner", 100), ("gloria", "tenant", 0)]),
    (4, "Upper valley", "private_title", "grazing", "negotiating", [("base:mayor", "owner", 100)]),
    (5, "Upper valley", "private_title", "cropland", "compensated", [("teresa", "owner", 100)]),
    (6, "Upper valley", "informal", "residential", "compensated", [("victor", "occupant", 0)]),
    (7, "Upper valley", "private_title", "fallow", "surveyed", [("eduardo", "owner", 100)]),
    (8, "Upper valley", "state", "grazing", "agreed", []),
    (9, "Upper valley", "private_title", "irrigated", "compensated", [("base:landowner_olivos", "owner", 100)]),
    (10, "Upper valley", "private_title", "irrigated", "compensated", [("base:landowner_olivos", "owner", 100)]),
    (11, "Quebrada Honda", "informal", "residential", "agreed", [("segundo", "occupant", 0)]),
    (13, "Quebrada Honda", "private_title", "grazing", "negotiating",
     [("patricia", "owner", 50), ("nelson", "co_owner", 50)]),
    (14, "Quebrada Honda", "private_title", "cropland", "identified", [("julio", "owner", 100)]),
    (15, "Quebrada Honda", "informal", "cropland", "negotiating", [("marcelina", "occupant", 0)]),
    (16, "Camino Viejo", "private_title", "mixed", "agreed", [("ximena", "owner", 100), ("rosa_elvira", "tenant", 0)]),
    (17, "Camino Viejo", "private_title", "irrigated", "negotiating", [("base:landowner_fernandez", "owner", 100)]),
    (18, "Ayllu Quelana", "customary", "grazing", "agreed",
     [("base:community_ayllu", "owner", 100), ("segundo", "customary_user", 0)]),
    (19, "Ayllu Quelana", "customary", "cultural", "surveyed", [("base:community_ayllu", "owner", 100)]),
    (20, "Ayllu Quelana", "communal", "grazing", "negotiating",
     [("base:community_ayllu", "owner", 100), ("marcelina", "customary_user", 0)]),
    (21, "Quebrada Honda", "private_title", "irrigated", "negotiating", [("base:landowner_valdivia", "owner", 100)]),
    (22, "Ayllu Quelana", "customary", "grazing", "identified", [("base:community_ayllu", "owner", 100)]),
    (23, "Ayllu Quelana", "communal", "forest", "surveyed", [("base:community_ayllu", "owner", 100)]),
    (24, "El Molino", "private_title", "cropland", "agreed", [("hilda", "owner", 100)]),
    (25, "El Molino", "informal", "commercial", "agreed", [("oscar", "occupant", 0)]),
    (27, "El Molino", "private_title", "residential", "negotiating",
     [("lidia", "owner", 70), ("andres", "co_owner", 30)]),
    (28, "El Molino", "state", "fallow", "surveyed", []),
    (30, "El Molino", "communal", "grazing", "identified", [("base:farmers_coop", "owner", 100)]),
    (31, "El Molino", "informal", "cropland", "surveyed", [("rosa_elvira", "occupant", 0)]),
    (32, "El Molino", "private_title", "cropland", "compensated", [("andres", "owner", 100)]),
    (33, "El Molino", "private_title", "mixed", "negotiating", [("base:landowner_munoz", "owner", 100)]),
]

# people of the census who were not stakeholders yet: key, name
PEOPLE = [
    ("juana", "Juana Choque Flores"), ("mario", "Mario Condori Ticona"), ("elena", "Elena Vargas Rojas"),
    ("ramon", "Ramón Quispe Huanca"), ("gloria", "Gloria Huanca Colque"), ("teresa", "Teresa Mamani Cruz"),
    ("victor", "Víctor Alanoca Poma"), ("eduardo", "Eduardo Rivera Olivares"), ("segundo", "Segundo Ayca Chambe"),
    ("patricia", "Patricia Soto Gallardo"), ("nelson", "Nelson Cortés Pizarro"), ("julio", "Julio Castillo Vega"),
    ("marcelina", "Marcelina Tito Cáceres"), ("ximena", "Ximena Aguilar Díaz"), ("rosa_elvira", "Rosa Elvira Ramos"),
    ("hilda", "Hilda Pérez Carvajal"), ("oscar", "Óscar Mollo Apaza"), ("lidia", "Lidia Tapia Araya"),
    ("andres", "Andrés Tapia Araya"),
]

# household head, lots, size, displacement, vulnerable (note), present at the cut-off
HOUSEHOLDS = [
    ("juana", [1], 4, "economic", None, True),
    ("mario", [2], 5, "economic", None, True),
    ("ramon", [3], 3, "economic", "Head over 75, lives alone with his wife", True),
    ("gloria", [3], 6, "economic", None, True),
    ("teresa", [5], 2, "economic", None, True),
    ("victor", [6], 5, "physical", "Very poor household, no land elsewhere", True),
    ("base:landowner_fernandez", [17], 5, "economic", None, True),
    ("base:landowner_valdivia", [21], 2, "both", None, True),
    ("segundo", [11, 18], 7, "physical", "Indigenous herder family", True),
    ("patricia", [13], 3, "economic", None, True),
    ("marcelina", [15, 20], 4, "both", "Single mother of three", True),
    ("ximena", [16], 4, "economic", None, True),
    ("rosa_elvira", [16, 31], 3, "physical", None, True),
    ("hilda", [24], 5, "economic", None, True),
    ("oscar", [25], 4, "economic", None, True),
    ("lidia", [27], 6, "physical", None, True),
    ("andres", [32], 3, "economic", None, True),
    ("eduardo", [7], 2, "none", None, True),
    ("julio", [14], 3, "economic", None, False),
    ("nelson", [13], 2, "economic", None, False),
]

MEMBER_NAMES = ["Carmen", "José", "Luis", "Ana", "Pedro", "Rocío", "Diego", "Valentina", "Tomás", "Isabel", "Felipe"]

# loss, holder category, compensation type, compensation, assistance, unit rate (USD), unit
ENTITLEMENTS = [
    ("land", "formal", "choice", "Replacement land of equal productive potential, or cash at full replacement cost "
     "(market value plus transaction costs).", "Transport of belongings; legal support for the new title.", 6200, "ha"),
    ("land", "recognisable", "land_for_land", "Replacement land with recognised tenure, agreed with the community.",
     "Title regularisation of the replacement land at the project's cost.", 4800, "ha"),
    ("land", "none", "assistance", "No compensation for the land itself.",
     "Resettlement assistance: secure tenure on a plot of the resettlement site.", 0, "ha"),
    ("structure", "formal", "cash", "Full replacement cost of the structure, without depreciation.",
     "Moving allowance of three months of minimum wage.", 165, "m²"),
    ("structure", "recognisable", "cash", "Full replacement cost of the structure, without depreciation.",
     "Moving allowance of three months of minimum wage.", 165, "m²"),
    ("structure", "none", "in_kind", "Replacement house on the resettlement site for occupants present at the cut-off.",
     "Moving allowance of three months of minimum wage.", 165, "m²"),
    ("crop", "formal", "cash", "Market value of the lost harvest, or the right to harvest before access.", "",
     900, "ha"),
    ("crop", "recognisable", "cash", "Market value of the lost harvest.", "", 900, "ha"),
    ("crop", "none", "cash", "Market value of the lost harvest of crops planted before the cut-off.", "", 900, "ha"),
    ("tree", "formal", "cash", "Value of the production until a new tree produces, plus seedlings.", "", 85, "tree"),
    ("tree", "none", "cash", "Value of the production until a new tree produces, plus seedlings.", "", 85, "tree"),
    ("business", "formal", "cash", "Lost net income during the transition (six months), re-establishment costs.",
     "Business advice and priority for project supply contracts.", 0, ""),
    ("business", "none", "cash", "Lost net income during the transition (six months).",
     "Business advice and a stall in the new market.", 0, ""),
    ("income", "vulnerable", "assistance", "", "Food basket and transitional allowance until income is restored; "
     "priority access to livelihood programmes.", 240, "month"),
    ("access", "recognisable", "in_kind", "Alternative grazing land and a new track to the water points.",
     "Joint monitoring of access with the community.", 0, ""),
    ("relocation", "formal", "assistance", "", "Moving allowance and transport.", 1200, "household"),
    ("relocation", "none", "assistance", "", "Moving allowance and transport.", 1200, "household"),
]

# assets per land use: category, description, unit, quantity range, unit rate range
ASSETS_BY_USE = {
    "irrigated": [("crop", "Alfalfa field", "ha", (0.5, 3.0), None),
                  ("tree", "Olive trees, producing", "tree", (10, 80), None),
                  ("structure", "Irrigation canal, lined", "m", (50, 300), (18, 25))],
    "cropland": [("crop", "Maize and beans", "ha", (0.3, 2.0), None),
                 ("structure", "Storage shed, adobe", "m²", (10, 30), None)],
    "residential": [("structure", "House, adobe and tin roof", "m²", (35, 90), None),
                    ("tree", "Fruit trees", "tree", (3, 15), None),
                    ("structure", "Corral", "m²", (20, 60), (12, 20))],
    "commercial": [("business", "Grocery shop and bakery", "unit", (1, 1), (3500, 6000)),
                   ("structure", "Shop building", "m²", (25, 50), None)],
    "grazing": [("structure", "Stone corral", "m²", (40, 120), (8, 14)),
                ("structure", "Herder's hut", "m²", (12, 25), None)],
    "mixed": [("crop", "Vegetable garden", "ha", (0.1, 0.5), None),
              ("tree", "Quince and fig trees", "tree", (5, 30), None),
              ("structure", "House, brick", "m²", (60, 120), None)],
    "forest": [("tree", "Native carob trees (algarrobo)", "tree", (20, 60), None)],
    "fallow": [],
    "cultural": [],
}

# agreements: key, lot(s), holder key, type, title, signed (days ago) or None, state, confidential,
# schedule [(kind, description, share of the total or amount, due (days after signature), paid)]
AGREEMENTS = [
    ("lot01", [1], "juana", "purchase", "Purchase of Lot 1 - Camino Viejo", 200, "signed", True,
     [("payment", "On signature", 0.5, 0, True), ("payment", "On registration of the title", 0.5, 60, True)]),
    ("lot02", [2], "mario", "purchase", "Purchase of Lot 2 - Camino Viejo", 180, "signed", True,
     [("payment", "On signature", 0.6, 0, True), ("payment", "Balance", 0.4, 90, True)]),
    ("lot03", [3], "ramon", "compensation", "Compensation for Lot 3 and its canal", 170, "signed", True,
     [("payment", "Land and canal", 0.7, 0, True), ("payment", "Crops and trees", 0.3, 30, True),
      ("in_kind", "New lined canal to the remaining field, 250 m", 4500, 120, True)]),
    ("lot03_tenant", [3], "gloria", "compensation", "Compensation of the tenant of Lot 3", 165, "signed", True,
     [("payment", "Standing crops and moving allowance", 1.0, 7, True)]),
    ("lot05", [5], "teresa", "purchase", "Purchase of Lot 5 - Upper valley", 120, "signed", True,
     [("payment", "On signature", 0.5, 0, True), ("payment", "Balance", 0.5, 90, False)]),
    ("lot06", [6], "victor", "resettlement", "Resettlement of the Alanoca household", 110, "signed", True,
     [("payment", "Moving allowance", 3600, 0, True),
      ("in_kind", "Replacement house of 60 m² on the resettlement site", 38000, 150, False),
      ("payment", "Transitional allowance, first semester", 1440, 30, True)]),
    ("lot09_10", [9, 10], "base:landowner_olivos", "lease", "Lease of Lots 9 and 10 for the power line", 95,
     "signed", True,
     [("payment", "First annual rent", 0.25, 0, True), ("payment", "Second annual rent", 0.25, 365, False),
      ("payment", "Third annual rent", 0.25, 730, False), ("payment", "Fourth annual rent", 0.25, 1095, False)]),
    ("lot11", [11], "segundo", "resettlement", "Resettlement of the Ayca household", 80, "signed", True,
     [("payment", "Moving allowance", 3600, 0, False), ("in_kind", "Replacement house and corral", 42000, 120, False),
      ("in_kind", "Grazing rights on the alternative pasture", 0, 30, False)]),
    ("lot16", [16], "ximena", "compensation", "Compensation for Lot 16 - Camino Viejo", 60, "signed", True,
     [("payment", "On signature", 0.5, 0, False), ("payment", "Balance", 0.5, 45, False)]),
    ("lot24", [24], "hilda", "purchase", "Purchase of Lot 24 - El Molino", 50, "signed", True,
     [("payment", "On signature", 0.5, 5, True), ("payment", "Balance", 0.5, 60, False)]),
    ("lot25", [25], "oscar", "compensation", "Compensation for the shop of Lot 25", 45, "signed", True,
     [("payment", "Shop building and lost income", 1.0, 15, False)]),
    ("lot32", [32], "andres", "purchase", "Purchase of Lot 32 - El Molino", 130, "signed", True,
     [("payment", "Full price", 1.0, 10, True)]),
    ("ayllu_access", [18], "base:community_ayllu", "access", "Access to Lot 18 for the geotechnical survey", 70,
     "signed", True,
     [("payment", "Access fee to the community", 2500, 0, True),
      ("in_kind", "New track to the water points of the pasture", 0, 45, False)]),
    ("ayllu_benefits", [], "base:community_ayllu", "benefit_sharing",
     "Benefit sharing with the Ayllu Quelana community", 30, "signed", False,
     [("payment", "Community development fund, first year", 50000, 30, False),
      ("payment", "Community development fund, second year", 50000, 395, False)]),
    ("lot17", [17], "base:landowner_fernandez", "lease", "Easement and lease of Lot 17 for the access road", None,
     "negotiation", True, [("payment", "On signature", 0.5, 0, False), ("payment", "After one year", 0.5, 365, False)]),
    ("lot21", [21], "base:landowner_valdivia", "purchase", "Purchase of Lot 21 - Quebrada Honda", None, "draft", True,
     [("payment", "On signature", 1.0, 0, False)]),
]

# household key, measure type, measure, starts (days ago), target (days from now), follow-ups [(days ago, status)]
MEASURES = [
    ("victor", "housing", "Replacement house on the resettlement site", 100, 60, [(60, "delayed"), (20, "at_risk")]),
    ("victor", "allowance", "Transitional allowance until income is restored", 110, 180,
     [(80, "on_track"), (30, "on_track")]),
    ("segundo", "replacement_land", "Alternative pasture for 120 goats", 75, 120, [(40, "delayed")]),
    ("segundo", "agriculture", "Fodder crops and water troughs on the new pasture", 60, 200, [(15, "on_track")]),
    ("juana", "agriculture", "Seeds and drip irrigation kit for the replacement field", 190, -10,
     [(150, "on_track"), (90, "on_track"), (20, "restored")]),
    ("mario", "employment", "Heavy-equipment operator course for two members", 170, 30,
     [(120, "on_track"), (40, "restored")]),
    ("ramon", "vulnerable", "Food basket and home visits", 160, 200, [(100, "on_track"), (10, "on_track")]),
    ("rosa_elvira", "housing", "Replacement house on the resettlement site", 90, 90, [(30, "on_track")]),
    ("marcelina", "allowance", "Transitional allowance and childcare support", 70, 150, [(35, "at_risk")]),
    ("oscar", "business", "Business advice and a stall in the new market", 40, 90, [(10, "delayed")]),
    ("lidia", "housing", "Replacement house on the resettlement site", 20, 240, []),
    ("andres", "employment", "Priority hiring as driver for the construction contractor", 120, 0, [(60, "restored")]),
]
# fmt: on


def _register(env, records_by_xmlid):
    env["ir.model.data"]._update_xmlids(
        [
            {"xml_id": XMLID_PREFIX + xmlid, "record": record, "noupdate": True}
            for xmlid, record in records_by_xmlid.items()
        ]
    )


def _rectangle(rng, index):
    """A GeoJSON rectangle in cell ``index`` of the grid, with its point."""
    column, row = index % COLUMNS, index // COLUMNS
    west = ORIGIN[0] + column * CELL + rng.uniform(0.0002, 0.0008)
    south = ORIGIN[1] + row * CELL + rng.uniform(0.0002, 0.0008)
    east = west + rng.uniform(0.0030, 0.0046)
    north = south + rng.uniform(0.0030, 0.0046)
    ring = [
        [round(x, 6), round(y, 6)]
        for x, y in ((west, south), (east, south), (east, north), (west, north), (west, south))
    ]
    return json.dumps({"type": "Polygon", "coordinates": [ring]})


class _Demo:
    """The project, users and people of the demo, and what is created."""

    def __init__(self, env):
        self.env = env
        self.rng = random.Random(SEED)
        self.today = fields.Date.context_today(env["srm.land.parcel"])
        self.cutoff = self.today - timedelta(days=CUTOFF_DAYS_AGO)
        self.project = env.ref(BASE_PREFIX + "srm_project_rio_claro_demo", raise_if_not_found=False)
        self.created = {}
        self.xmlids = {}
        if not self.project:
            self.project = env["srm.project"].create({"name": "Demo Mine", "code": "DEMO-LAND", "user_id": env.user.id})
            self.created["srm_project_demo"] = self.project
        self.people = {}
        self.officer = self.user("confidential")
        self.manager = self.user("manager")

    def user(self, key):
        return self.env.ref(f"{BASE_PREFIX}user_srm_{key}_demo", raise_if_not_found=False) or self.env.user

    def partner(self, key):
        if key in self.people:
            return self.people[key]
        partner = self.env["res.partner"]
        if key.startswith("base:"):
            partner = self.env.ref(f"{BASE_PREFIX}res_partner_{key[5:]}_demo", raise_if_not_found=False)
        if not partner:
            name = dict(PEOPLE).get(key) or key.removeprefix("base:").replace("_", " ").title()
            partner = self.env["res.partner"].create(
                {
                    "name": name,
                    "is_stakeholder": True,
                    "stakeholder_type_id": self.env.ref("srm_base.srm_stakeholder_type_landowner").id,
                    "srm_project_ids": [Command.link(self.project.id)],
                    "srm_preferred_channel": "in_person",
                    "lang": "es_ES" if self.env["res.lang"]._lang_get("es_ES") else False,
                }
            )
            self.created[f"res_partner_land_{key.removeprefix('base:')}_demo"] = partner
        self.people[key] = partner
        return partner


def load_demo_data(env):
    """Create the demo records once (the <function> runs on every update)."""
    if env.ref(XMLID_PREFIX + "srm_land_parcel_lot01_demo", raise_if_not_found=False):
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
    demo = _Demo(env)
    demo.project.write(
        {
            "land_cutoff_date": demo.cutoff,
            "land_cutoff_note": "Announced at the public assembly of the valley, on Radio Valle FM during two "
            "weeks and on the notice boards of Río Claro, El Molino and the Ayllu Quelana community hall. "
            "The census teams marked every structure counted with a painted code.",
        }
    )
    rates = _create_entitlements(demo)
    parcels = _create_parcels(demo)
    households = _create_households(demo, parcels, rates)
    _create_agreements(demo, parcels, households)
    _create_measures(demo, households)
    _link_engagements(demo, parcels, households)
    demo.xmlids.update(demo.created)
    _register(env, demo.xmlids)


def _create_entitlements(demo):
    """The entitlement matrix: {(loss, holder category): entitlement}."""
    entitlements = demo.env["srm.land.entitlement"].create(
        [
            {
                "project_id": demo.project.id,
                "sequence": index,
                "loss_category": loss,
                "holder_category": holder,
                "compensation_type": kind,
                "compensation": compensation or False,
                "assistance": assistance or False,
                "unit_rate": rate,
                "unit": unit or False,
            }
            for index, (loss, holder, kind, compensation, assistance, rate, unit) in enumerate(ENTITLEMENTS)
        ]
    )
    return {(e.loss_category, e.holder_category): e for e in entitlements}


def _proof(right, tenure):
    if right in ("owner", "co_owner") and tenure == "private_title":
        return "Registered title"
    if tenure in ("customary", "communal"):
        return "Certificate of the community"
    return "Testimony of neighbours"


def _create_parcels(demo):
    """The parcels and their holders, a title deed and a survey plan on a few: {lot: parcel}."""
    env, rng, today = demo.env, demo.rng, demo.today
    parcels = {}
    for index, (lot, locality, tenure, land_use, state, holders) in enumerate(PARCELS):
        title = f"Fojas {rng.randint(100, 999)} N° {rng.randint(100, 999)} - {2000 + lot % 20}"
        parcel = env["srm.land.parcel"].create(
            {
                "name": f"LOT-{lot:02d}",
                "project_id": demo.project.id,
                "company_id": demo.project.company_id.id,
                "locality": locality,
                "tenure": tenure,
                "land_use": land_use,
                "state": state,
                "geojson": _rectangle(rng, index),
                "user_id": (demo.officer if index % 3 else demo.manager).id,
                "title_reference": title if tenure == "private_title" else False,
                # state land is no secret: shared with the project team
                "is_confidential": tenure != "state",
                "right_ids": [
                    Command.create(
                        {
                            "partner_id": demo.partner(key).id,
                            "right_type": right,
                            "share": share,
                            "proof": _proof(right, tenure),
                            "date_start": today - timedelta(days=rng.randint(2000, 12000)),
                        }
                    )
                    for key, right, share in holders
                ],
            }
        )
        parcels[lot] = parcel
        demo.xmlids[f"srm_land_parcel_lot{lot:02d}_demo"] = parcel
    for lot in (1, 17, 21):
        documents = env["ir.attachment"].create(
            [
                {
                    "name": name,
                    "raw": text.encode(),
                    "mimetype": "text/plain",
                    "res_model": "srm.land.parcel",
                    "res_id": parcels[lot].id,
                }
                for name, text in (
                    (f"Inscripcion de dominio LOT-{lot:02d}.txt", f"Conservador de Bienes Raíces: lote {lot}."),
                    (f"Plano topografico LOT-{lot:02d}.txt", f"Levantamiento topográfico del lote {lot}, 1:2000."),
                )
            ]
        )
        parcels[lot].document_ids = [Command.set(documents.ids)]
    return parcels


def _household_members(demo, index, partner, size, present):
    surname = " ".join(partner.name.split()[1:])
    members = [{"name": partner.name, "partner_id": partner.id, "relationship": "head", "sequence": 1}]
    for number in range(1, size):
        members.append(
            {
                "name": f"{MEMBER_NAMES[(index + number) % len(MEMBER_NAMES)]} {surname}",
                "relationship": "spouse" if number == 1 else "child",
                "sequence": number + 1,
                # a child of one household was born after the cut-off
                "present_at_cutoff": present and not (index == 10 and number == size - 1),
            }
        )
    return [Command.create(member) for member in members]


def _asset_values(demo, household, parcel, rates):
    rng = demo.rng
    holder_category = "formal" if parcel.tenure == "private_title" else "none"
    values = []
    for category, name, unit, (low, high), rate_range in ASSETS_BY_USE[parcel.land_use]:
        quantity = round(rng.uniform(low, high), 1) if unit == "ha" else rng.randint(int(low), int(high))
        entitlement = rates.get((category, holder_category)) or rates.get((category, "formal"))
        values.append(
            {
                "parcel_id": parcel.id,
                "household_id": household.id,
                "category": category,
                "name": name,
                "quantity": quantity,
                "unit": unit,
                "entitlement_id": entitlement.id if entitlement and not rate_range else False,
                "unit_rate": rng.randint(*rate_range) if rate_range else (entitlement.unit_rate if entitlement else 0),
                "date_counted": demo.cutoff - timedelta(days=rng.randint(0, 45)),
                "user_id": demo.user("restricted").id,
            }
        )
    return values


def _create_households(demo, parcels, rates):
    """The census households, their members and assets: {head key: household}."""
    env, rng = demo.env, demo.rng
    households = {}
    assets = []
    for index, (head, lots, size, displacement, vulnerable, present) in enumerate(HOUSEHOLDS):
        partner = demo.partner(head)
        household = env["srm.land.household"].create(
            {
                "project_id": demo.project.id,
                "company_id": demo.project.company_id.id,
                "head_partner_id": partner.id,
                "user_id": demo.officer.id,
                "parcel_ids": [Command.set([parcels[lot].id for lot in lots])],
                "census_date": demo.cutoff - timedelta(days=rng.randint(5, 60))
                if present
                else demo.cutoff + timedelta(days=40),
                "present_at_cutoff": present,
                "displacement": displacement,
                "is_vulnerable": bool(vulnerable),
                "vulnerability_note": vulnerable or False,
                "member_ids": _household_members(demo, index, partner, size, present),
                "livelihood_baseline": "Goat herding, small garden and remittances."
                if displacement == "physical"
                else "Irrigated farming and seasonal work in the valley.",
                "baseline_income": rng.randrange(350, 1200, 10),
            }
        )
        households[head] = household
        demo.xmlids[f"srm_land_household_{index + 1:02d}_demo"] = household
        env["srm.land.right"].search(
            [("parcel_id", "in", household.parcel_ids.ids), ("partner_id", "=", partner.id)]
        ).household_id = household
        if present:  # who arrived after the cut-off has nothing counted
            for lot in lots:
                assets += _asset_values(demo, household, parcels[lot], rates)
    env["srm.land.asset"].create(assets)
    return households


def _schedule(demo, schedule, total, start):
    return [
        Command.create(
            {
                "sequence": sequence,
                "kind": kind,
                "name": name,
                "amount": round(total * share, -1) if isinstance(share, float) else share,
                "date_due": start + timedelta(days=due_after),
                "user_id": demo.officer.id,
            }
        )
        for sequence, (kind, name, share, due_after, _paid) in enumerate(schedule)
    ]


def _signatories(demo, holder_key, holder):
    env = demo.env
    signatory = holder
    if holder_key == "base:community_ayllu":
        signatory = env.ref(BASE_PREFIX + "res_partner_ayllu_president_demo", raise_if_not_found=False) or holder
    witness = env.ref(BASE_PREFIX + "res_partner_mayor_demo", raise_if_not_found=False) or env["res.partner"]
    return {
        "signature_place": "Oficina comunitaria del proyecto, Río Claro",
        "holder_signatory_id": signatory.id,
        "company_signatory_id": demo.manager.id,
        "witness_ids": [Command.set(witness.ids)],
    }


def _pay(demo, line):
    """The payment or delivery was made: its commitment is fulfilled with evidence."""
    rng = demo.rng
    done = min(demo.today, line.date_due + timedelta(days=rng.randint(0, 6)))
    if line.kind == "payment":
        reference = f"TRF-{done.year}-{rng.randint(1000, 9999)}"
        evidence = f"Transfer {reference} to the holder's account; receipt signed by the holder."
    else:
        reference = f"ACTA-{rng.randint(100, 999)}"
        evidence = f"Delivery certificate {reference} signed by the household and a witness."
    line.write(
        {
            "payment_method": "bank_transfer" if line.kind == "payment" else "delivery",
            "payment_reference": reference,
        }
    )
    line.commitment_id.write({"evidence_note": Markup("<p>%s</p>") % evidence, "date_fulfilled": done})
    line.commitment_id.action_fulfill()


def _create_agreements(demo, parcels, households):
    """Agreements and their payment schedules, signed ones with their commitments; some
    payments made with evidence, some overdue."""
    env, today = demo.env, demo.today
    for key, lots, holder_key, kind, title, signed_ago, state, confidential, schedule in AGREEMENTS:
        holder = demo.partner(holder_key)
        household = households.get(holder_key, env["srm.land.household"])
        land = env["srm.land.parcel"].union(*[parcels[lot] for lot in lots])
        total = sum(parcel.area_ha * (6200 if parcel.tenure == "private_title" else 4800) for parcel in land)
        total = (total + household.asset_amount) * (0.35 if kind == "lease" else 1.0)
        date_signed = today - timedelta(days=signed_ago) if signed_ago is not None else False
        values = {
            "name": title,
            "project_id": demo.project.id,
            "company_id": demo.project.company_id.id,
            "agreement_type": kind,
            "partner_id": holder.id,
            "parcel_ids": [Command.set(land.ids)],
            "household_id": household.id,
            "user_id": demo.officer.id,
            "is_confidential": confidential,
            "date_signed": date_signed,
            "terms": Markup("<p>%s</p>") % title,
            "line_ids": _schedule(demo, schedule, total, date_signed or today + timedelta(days=30)),
        }
        if date_signed:
            values.update(_signatories(demo, holder_key, holder))
        agreement = env["srm.land.agreement"].create(values)
        demo.xmlids[f"srm_land_agreement_{key}_demo"] = agreement
        if state == "negotiation":
            agreement.action_negotiate()
        if state != "signed":
            continue
        agreement.action_sign()
        for line, entry in zip(agreement.line_ids.sorted("sequence"), schedule, strict=True):
            if entry[-1]:
                _pay(demo, line)


def _create_measures(demo, households):
    notes = {
        "on_track": "Visit: the household follows the plan.",
        "delayed": "Visit: works behind schedule; the household was informed.",
        "at_risk": "Visit: income below the baseline; support to be reinforced.",
        "restored": "Visit: income at or above the baseline for two consecutive visits.",
    }
    demo.env["srm.land.livelihood.measure"].create(
        [
            {
                "household_id": households[head].id,
                "measure_type": measure_type,
                "name": name,
                "user_id": demo.officer.id,
                "date_start": demo.today - timedelta(days=start_ago),
                "date_target": demo.today + timedelta(days=target_in),
                "state": "completed" if followups and followups[-1][1] == "restored" else "ongoing",
                "followup_ids": [
                    Command.create(
                        {
                            "date": demo.today - timedelta(days=days_ago),
                            "status": status,
                            "indicator": "Monthly household income (USD)",
                            "value": demo.rng.randrange(250, 1300, 10),
                            "user_id": demo.officer.id,
                            "note": notes[status],
                        }
                    )
                    for days_ago, status in followups
                ],
            }
            for head, measure_type, name, start_ago, target_in, followups in MEASURES
        ]
    )


def _link_engagements(demo, parcels, households):
    """The demo engagements with a holder are about their parcels and households."""
    env = demo.env
    holders = env["res.partner"].union(*demo.people.values())
    rights = env["srm.land.right"].search([("parcel_id", "in", [parcel.id for parcel in parcels.values()])])
    parcels_of = {partner: rights.filtered(lambda r, p=partner: r.partner_id == p).parcel_id for partner in holders}
    household_of = {household.head_partner_id: household for household in households.values()}
    engagements = env["srm.engagement"].search(
        [("project_id", "=", demo.project.id), ("partner_ids", "in", holders.ids)]
    )
    for engagement in engagements:
        partners = engagement.partner_ids & holders
        engagement.write(
            {
                "land_parcel_ids": [Command.set(env["srm.land.parcel"].union(*[parcels_of[p] for p in partners]).ids)],
                "land_household_ids": [Command.set([household_of[p].id for p in partners if p in household_of])],
            }
        )


class SrmLandParcel(models.Model):
    """The demo data file calls this; it lives here so that the model itself carries no demo code."""

    _inherit = "srm.land.parcel"

    @api.model
    def _srm_load_demo_data(self):
        """Called by the demo data file: the land of the Río Claro Copper Project."""
        load_demo_data(self.env)
