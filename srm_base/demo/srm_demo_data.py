# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo data: the Río Claro Copper Project.

A copper and gold mine in feasibility, next to the town of Río Claro and to
the lands of an Indigenous community. About forty stakeholders of every type
and 150 engagements over the last two years, written in Spanish, French and
English. The generator is deterministic (seeded), its dates are relative to
today, and it runs once: the records get external ids ending in ``_demo``
that other modules can refer to.
"""

import random
from datetime import datetime, time, timedelta

from odoo import Command, api, fields, models

SEED = 20260101
ENGAGEMENT_COUNT = 150
XMLID_PREFIX = "srm_base."

# ---------------------------------------------------------------------------
# Reference data
# ---------------------------------------------------------------------------

REGIONS = [
    # key, name, parent key
    ("valley", "Río Claro Valley", None),
    ("town", "Río Claro (town)", "valley"),
    ("el_molino", "El Molino", "valley"),
    ("quelana", "Ayllu Quelana territory", "valley"),
    ("upper_valley", "Upper valley", "valley"),
    ("regional_capital", "Regional capital", None),
    ("international", "International", None),
]

SEGMENTS = [
    # key, name, kind, priority
    ("water", "Water quantity and quality", "problem", "3"),
    ("dust", "Dust, noise and road traffic", "problem", "2"),
    ("jobs", "Local jobs and suppliers", "interest", "2"),
    ("land", "Land access and compensation", "need", "2"),
    ("heritage", "Cultural heritage and sacred sites", "interest", "3"),
    ("esg", "Investor ESG disclosure", "need", "1"),
    ("community_investment", "Community investment", "interest", "1"),
]

TOPICS = [
    # key, name, color
    ("water", "Water", 4),
    ("dust", "Dust and air quality", 2),
    ("traffic", "Road traffic", 3),
    ("jobs", "Local employment", 10),
    ("land", "Land and compensation", 5),
    ("heritage", "Cultural heritage", 6),
    ("permits", "Permitting", 7),
    ("biodiversity", "Biodiversity", 11),
    ("investment", "Community investment", 8),
    ("grievance", "Grievance", 1),
]

USERS = [
    # key, name, login, groups, job
    ("manager", "Diego Herrera", "srm_manager", ["srm_base.group_srm_manager"],
     "Community relations manager"),
    ("user", "Marta Quispe", "srm_user", ["srm_base.group_srm_user"],
     "Community relations officer"),
    ("confidential", "Ana Contreras", "srm_confidential",
     ["srm_base.group_srm_user", "srm_base.group_srm_confidential"], "Legal counsel"),
    ("restricted", "Sofía Lagos", "srm_restricted", ["srm_base.group_srm_restricted"],
     "Field contractor (social baseline)"),
    ("auditor", "Paul Martin", "srm_auditor", ["srm_base.group_srm_auditor"],
     "Internal auditor"),
]

# key, name, type code, is company, region, influence, interest, legitimacy, urgency,
# language (es/fr/en), segments, extra values
STAKEHOLDERS = [
    ("municipality", "Municipalidad de Río Claro", "government", True, "town", 5, 4, 5, 3, "es",
     ["water", "jobs", "community_investment"], {"city": "Río Claro", "phone": "+56 51 255 0100",
                                                  "email": "oficina.partes@rioclaro.example.cl"}),
    ("mayor", "Jorge Sepúlveda Araya", "government", False, "town", 5, 4, 5, 3, "es",
     ["jobs", "land"], {"function": "Mayor of Río Claro", "email": "alcalde@rioclaro.example.cl"}),
    ("council", "Concejo Municipal de Río Claro", "government", True, "town", 4, 4, 5, 2, "es",
     ["water", "community_investment"], {"city": "Río Claro"}),
    ("councillor", "María José Tapia", "government", False, "town", 3, 5, 4, 4, "es",
     ["water", "dust"], {"function": "Town councillor", "email": "mjtapia@rioclaro.example.cl"}),
    ("environment_agency", "Servicio de Evaluación Ambiental - Dirección Regional", "government",
     True, "regional_capital", 5, 3, 5, 4, "es", [],
     {"email": "evaluacion.regional@sea.example.cl", "phone": "+56 51 220 4400"}),
    ("water_authority", "Dirección General de Aguas - Oficina Regional", "government", True,
     "regional_capital", 5, 3, 5, 3, "es", ["water"], {"email": "dga.regional@mop.example.cl"}),
    ("environment_regulator", "Superintendencia del Medio Ambiente", "government", True,
     "regional_capital", 5, 2, 5, 2, "es", [], {"email": "oficina.regional@sma.example.cl"}),
    ("regional_government", "Gobierno Regional", "government", True, "regional_capital", 4, 3, 5, 2,
     "es", ["community_investment"], {}),
    ("community_ayllu", "Comunidad Indígena Ayllu Quelana", "indigenous", True, "quelana", 5, 5, 5, 5,
     "es", ["heritage", "water", "land"], {"email": "directiva@aylluquelana.example.org",
                                            "phone": "+56 9 7711 2040"}),
    ("ayllu_president", "Rosa Condori Mamani", "indigenous", False, "quelana", 5, 5, 5, 5, "es",
     ["heritage", "water"], {"function": "President of the community",
                             "mobile": "+56 9 7711 2041"}),
    ("elders_council", "Consejo de Mayores Ayllu Quelana", "indigenous", True, "quelana", 4, 5, 5, 4,
     "es", ["heritage"], {}),
    ("indigenous_irrigators", "Asociación Indígena de Regantes Quelana", "indigenous", True,
     "quelana", 3, 5, 5, 5, "es", ["water"], {"phone": "+56 9 7711 2090"}),
    ("neighbours_aromos", "Junta de Vecinos Villa Los Aromos", "community", True, "town", 3, 5, 4, 4,
     "es", ["dust", "community_investment"], {"email": "jjvv.losaromos@example.cl"}),
    ("neighbours_molino", "Junta de Vecinos Sector El Molino", "community", True, "el_molino", 3, 5, 4,
     5, "es", ["dust", "water"], {"phone": "+56 9 6620 3301"}),
    ("rural_water", "Comité de Agua Potable Rural El Molino", "community", True, "el_molino", 3, 5, 5,
     5, "es", ["water"], {"email": "apr.elmolino@example.cl"}),
    ("resident_alarcon", "Pedro Alarcón Díaz", "individual", False, "el_molino", 2, 5, 3, 4, "es",
     ["dust"], {"phone": "+56 9 8123 4567", "do_not_contact": True}),
    ("resident_rojas", "Carmen Rojas Vidal", "individual", False, "town", 1, 4, 3, 2, "es",
     ["jobs"], {"email": "carmen.rojas@example.cl"}),
    ("school", "Escuela Rural Río Claro", "community", True, "town", 2, 4, 4, 2, "es",
     ["community_investment"], {"email": "escuela.rioclaro@example.cl"}),
    ("landowner_fernandez", "Lucía Fernández Quispe", "landowner", False, "upper_valley", 4, 5, 4, 4,
     "es", ["land", "water"], {"ref": "LAND-0017", "mobile": "+56 9 5555 0101",
                               "email": "lucia.fernandez@example.com",
                               "properties": {"land_parcel": "Lot 17 - Camino Viejo",
                                              "water_rights": True, "household_size": 5}}),
    ("landowner_valdivia", "Hernán Valdivia Soto", "landowner", False, "upper_valley", 3, 5, 4, 3,
     "es", ["land"], {"ref": "LAND-0021", "do_not_contact": True,
                      "properties": {"land_parcel": "Lot 21 - Quebrada Honda",
                                     "water_rights": False, "household_size": 2}}),
    ("landowner_olivos", "Agrícola Los Olivos Ltda.", "landowner", True, "upper_valley", 4, 4, 4, 3,
     "es", ["land", "water"], {"ref": "LAND-0009", "email": "gerencia@losolivos.example.cl",
                               "properties": {"land_parcel": "Lots 9 and 10",
                                              "water_rights": True}}),
    ("landowner_munoz", "Sucesión Muñoz Carrasco", "landowner", True, "el_molino", 2, 4, 4, 2, "es",
     ["land"], {"ref": "LAND-0033", "properties": {"land_parcel": "Lot 33 - El Molino"}}),
    ("ngo_eau_vive", "Eau Vive Solidarité", "ngo", True, "international", 3, 4, 3, 3, "fr",
     ["water"], {"email": "contact@eauvive-solidarite.example.org", "city": "Lyon"}),
    ("ngo_water_watch", "Observatorio Ciudadano del Agua", "ngo", True, "regional_capital", 3, 5, 4,
     4, "es", ["water"], {"email": "observatorio@aguaciudadana.example.org"}),
    ("ngo_cordillera", "Fundación Cordillera Verde", "ngo", True, "regional_capital", 2, 4, 3, 2, "es",
     ["heritage"], {"email": "info@cordilleraverde.example.org"}),
    ("radio", "Radio Valle FM", "media", True, "town", 3, 3, 3, 2, "es", [],
     {"email": "prensa@radiovalle.example.cl", "phone": "+56 51 255 0870"}),
    ("newspaper", "Diario del Valle", "media", True, "regional_capital", 3, 3, 3, 2, "es", [],
     {"email": "redaccion@diariodelvalle.example.cl"}),
    ("journalist", "Andrea Muñoz Pérez", "media", False, "regional_capital", 3, 4, 3, 3, "es", [],
     {"function": "Environment reporter", "email": "amunoz@diariodelvalle.example.cl"}),
    ("trade_press", "Tom Whitaker", "media", False, "international", 2, 3, 3, 1, "en", ["esg"],
     {"function": "Correspondent, mining trade press", "email": "tom.whitaker@example.co.uk"}),
    ("investor_caisse", "Caisse Boréale d'Investissement", "investor", True, "international", 5, 3, 4,
     2, "fr", ["esg"], {"email": "esg@caisseboreale.example.ca", "city": "Montréal"}),
    ("investor_fund", "Andes Copper Fund LP", "investor", True, "international", 4, 3, 4, 2, "en",
     ["esg"], {"email": "ir@andescopperfund.example.com", "city": "Toronto"}),
    ("lender", "Banco Regional de Desarrollo", "investor", True, "regional_capital", 4, 3, 4, 3, "es",
     ["esg", "community_investment"], {"email": "sostenibilidad@brd.example.cl"}),
    ("union", "Sindicato de Trabajadores Minera Río Claro", "employee", True, "town", 4, 5, 4, 3,
     "es", ["jobs"], {"email": "sindicato.rioclaro@example.cl"}),
    ("contractor", "Transportes del Valle SpA", "employee", True, "town", 2, 4, 3, 2, "es",
     ["jobs", "dust"], {"email": "operaciones@transportesdelvalle.example.cl"}),
    ("employee_araya", "Luis Araya Tapia", "employee", False, "town", 2, 4, 3, 2, "es", ["jobs"],
     {"function": "Site supervisor", "mobile": "+56 9 4433 1200"}),
    ("chamber", "Cámara de Comercio de Río Claro", "business", True, "town", 3, 4, 3, 2, "es",
     ["jobs"], {"email": "camara@comerciorioclaro.example.cl"}),
    ("hostel", "Hostal El Arriero", "business", True, "town", 1, 3, 3, 1, "es", ["jobs"],
     {"phone": "+56 51 255 0932"}),
    ("hydrogeologist", "Claire Dubois", "academic", False, "international", 3, 3, 4, 2, "fr",
     ["water"], {"function": "Hydrogeologist", "email": "claire.dubois@example.fr"}),
    ("university", "Universidad del Norte - Centro de Estudios Hídricos", "academic", True,
     "regional_capital", 3, 3, 4, 2, "es", ["water"], {"email": "ceh@unorte.example.cl"}),
    ("farmers_coop", "Cooperativa de Pequeños Agricultores del Valle", "organisation", True, "valley",
     3, 5, 4, 4, "es", ["water", "land"], {"email": "coopvalle@example.cl"}),
    ("parish", "Parroquia San José de Río Claro", "community", True, "town", 2, 3, 4, 1, "es",
     ["community_investment"], {}),
    ("firefighters", "Cuerpo de Bomberos de Río Claro", "community", True, "town", 2, 3, 4, 2, "es",
     ["community_investment"], {"phone": "+56 51 255 0132"}),
]

RELATIONSHIPS = [
    # stakeholder, relationship type, related stakeholder, start (days ago)
    ("ayllu_president", "leads", "community_ayllu", 1400),
    ("ayllu_president", "member", "elders_council", 3000),
    ("indigenous_irrigators", "member", "community_ayllu", 5000),
    ("mayor", "leads", "municipality", 1100),
    ("mayor", "member", "council", 1100),
    ("councillor", "member", "council", 1100),
    ("journalist", "works_for", "newspaper", 2100),
    ("hydrogeologist", "advises", "ngo_eau_vive", 500),
    ("hydrogeologist", "advises", "ngo_water_watch", 300),
    ("landowner_fernandez", "member", "farmers_coop", 4000),
    ("landowner_fernandez", "family", "ayllu_president", None),
    ("resident_alarcon", "member", "neighbours_molino", 2500),
    ("employee_araya", "member", "union", 900),
    ("contractor", "member", "chamber", 1800),
    ("hostel", "member", "chamber", 2600),
    ("ngo_water_watch", "represents", "rural_water", 400),
]

# The mayor also owns land in the upper valley: at some meetings he speaks as a landowner.
CAPACITY_OVERRIDES = {"mayor": ("landowner", "Speaks as owner of Lot 4, upper valley")}

# Engagement texts. Each theme has subjects and summaries per language, with outcomes.
THEMES = {
    "water": {
        "topics": ["water"],
        "es": [
            ("Monitoreo de pozos y caudal del estero",
             "Se revisaron los resultados trimestrales de los piezómetros y el caudal del estero. "
             "La comunidad pidió acceso directo a los datos y un monitoreo participativo.",
             "Se acordó compartir los datos mensualmente y realizar un muestreo conjunto."),
            ("Preocupación por el agua potable rural",
             "El comité de agua potable expresó su temor a que el bombeo del proyecto baje el nivel "
             "del pozo que abastece a 180 familias.",
             "El proyecto financiará un estudio hidrogeológico independiente."),
        ],
        "fr": [
            ("Échange sur la gestion de l'eau du projet",
             "Présentation du bilan hydrique et du plan de recirculation de l'eau de procédé. "
             "Questions sur l'impact cumulatif avec l'agriculture de la vallée.",
             "Envoi du rapport hydrogéologique complet et d'une note en français."),
        ],
        "en": [
            ("Water balance briefing",
             "Walked through the site water balance, make-up water needs and the recycling target. "
             "Questions on drought scenarios and downstream users.",
             "Share the drought-scenario model results before the next quarterly call."),
        ],
    },
    "dust": {
        "topics": ["dust", "traffic"],
        "es": [
            ("Reclamo por polvo en el camino de acceso",
             "Vecinos reportan polvo en suspensión al paso de los camiones de sondaje, sobre todo en "
             "la tarde. Piden limitar la velocidad y humectar el camino.",
             "Humectación dos veces al día y límite de 30 km/h para contratistas."),
            ("Tránsito de camiones frente a la escuela",
             "Apoderados preocupados por el paso de camiones en horario de entrada y salida de clases.",
             "Se suspende el tránsito de camiones entre 7:45 y 8:30 y entre 13:00 y 13:30."),
        ],
        "fr": [],
        "en": [],
    },
    "jobs": {
        "topics": ["jobs"],
        "es": [
            ("Empleo local y capacitación",
             "Conversación sobre el porcentaje de contratación local durante la construcción y los "
             "cursos de capacitación en operación de equipos.",
             "Se publicará un registro de postulantes locales y un calendario de cursos."),
            ("Proveedores locales",
             "La cámara de comercio pidió reglas claras para que empresas del valle puedan ser "
             "proveedoras del proyecto.",
             "Taller de registro de proveedores el próximo mes."),
        ],
        "fr": [],
        "en": [
            ("Local content commitments",
             "Discussed the local hiring and procurement targets in the feasibility study and how "
             "they will be reported.",
             "Local content KPIs to be added to the quarterly ESG report."),
        ],
    },
    "land": {
        "topics": ["land"],
        "es": [
            ("Negociación de servidumbre de paso",
             "Se presentó la propuesta de servidumbre para la línea eléctrica y el camino. "
             "La propietaria pidió una tasación independiente.",
             "Se contratará un tasador elegido de común acuerdo."),
            ("Visita a predio para trazado del camino",
             "Recorrido del deslinde con el propietario y el topógrafo; se identificaron dos "
             "canales de regadío que el trazado debe respetar.",
             "El trazado se ajustará para no cortar los canales."),
        ],
        "fr": [],
        "en": [],
    },
    "heritage": {
        "topics": ["heritage"],
        "es": [
            ("Sitios de significación cultural",
             "La comunidad presentó su mapa de sitios ceremoniales y de pastoreo. Se pidió que ningún "
             "sondaje se realice sin la presencia de un monitor de la comunidad.",
             "Se acordó un protocolo de hallazgos y la contratación de dos monitores culturales."),
            ("Proceso de consulta indígena",
             "Reunión metodológica sobre el proceso de consulta: plazos, asesoría independiente "
             "financiada por el proyecto y uso del idioma propio en las asambleas.",
             "Borrador de protocolo de consulta a revisar en asamblea."),
        ],
        "fr": [],
        "en": [],
    },
    "permits": {
        "topics": ["permits"],
        "es": [
            ("Reunión de pertinencia ambiental",
             "Presentación del cronograma del estudio de impacto ambiental y de las líneas de base "
             "en curso. La autoridad pidió ampliar la línea de base de fauna.",
             "Se ampliará la campaña de fauna a la temporada de invierno."),
        ],
        "fr": [
            ("Point sur le calendrier des permis",
             "Le calendrier d'obtention des permis environnementaux a été présenté, avec les risques "
             "liés à la consultation autochtone.",
             "Mise à jour trimestrielle du calendrier à transmettre."),
        ],
        "en": [
            ("Permitting schedule update",
             "Updated the environmental permitting schedule and the main risks: Indigenous "
             "consultation and the water-rights transfer.",
             "Send the updated permitting risk register."),
        ],
    },
    "esg": {
        "topics": ["permits", "investment"],
        "es": [
            ("Requisitos socioambientales del financiamiento",
             "El banco revisó el plan de relacionamiento comunitario frente a sus salvaguardas y "
             "pidió un mecanismo de reclamos operativo antes del desembolso.",
             "Mecanismo de reclamos en operación antes del próximo trimestre."),
        ],
        "fr": [
            ("Revue ESG trimestrielle",
             "Revue des indicateurs sociaux et environnementaux : plaintes reçues, emplois locaux, "
             "consommation d'eau. Intérêt marqué pour le processus de consultation autochtone.",
             "Inclure un suivi du consentement de la communauté dans le prochain rapport."),
            ("Visite du site par l'investisseur",
             "Visite du site et rencontre avec la direction de la communauté. L'investisseur a "
             "souligné l'importance d'un consentement libre, préalable et éclairé.",
             "Compte rendu à partager avec la communauté."),
        ],
        "en": [
            ("Quarterly investor ESG call",
             "Reviewed grievance statistics, local employment and water use. The fund asked how "
             "free, prior and informed consent is being documented.",
             "Add a consent-tracking section to the ESG report."),
        ],
    },
    "investment": {
        "topics": ["investment"],
        "es": [
            ("Fondo de inversión comunitaria",
             "Presentación de las bases del fondo concursable para organizaciones del valle.",
             "Las bases se publicarán en la radio local y en la municipalidad."),
            ("Apoyo a la escuela rural",
             "La dirección de la escuela pidió apoyo para reparar el techo del gimnasio y para un "
             "programa de ciencias del agua.",
             "Se evaluará el apoyo en el comité del fondo comunitario."),
        ],
        "fr": [],
        "en": [],
    },
    "media": {
        "topics": ["water", "permits"],
        "es": [
            ("Entrevista sobre el estudio de impacto ambiental",
             "Entrevista sobre el calendario del estudio de impacto ambiental y la preocupación de "
             "los vecinos por el agua.",
             "Se enviarán las cifras de consumo de agua por escrito."),
        ],
        "fr": [],
        "en": [
            ("Interview on the feasibility study",
             "Questions on the feasibility results, capital cost and community opposition.",
             "Send the public summary of the feasibility study."),
        ],
    },
    "biodiversity": {
        "topics": ["biodiversity"],
        "es": [
            ("Línea de base de flora y fauna",
             "Se presentaron los resultados preliminares de la línea de base. La fundación pidió "
             "incluir el humedal alto en el área de estudio.",
             "El humedal alto se incorpora a la campaña de primavera."),
        ],
        "fr": [
            ("Zones humides et biodiversité",
             "Échange sur la protection des zones humides d'altitude et sur les données de suivi.",
             "Partage des données brutes du suivi de la faune."),
        ],
        "en": [],
    },
    "grievance": {
        "topics": ["grievance", "dust"],
        "es": [
            ("Reclamo por daño a cerco",
             "Un camión contratista dañó el cerco del predio. El vecino exige reparación inmediata.",
             "Reparación del cerco por el contratista en una semana."),
            ("Llamado por ruido nocturno",
             "Llamado para reclamar por ruido de la sondaje durante la noche.",
             "Se revisarán los horarios de la sondaje y se informará al vecino."),
        ],
        "fr": [],
        "en": [],
    },
}

# Which themes fit which stakeholder type
THEMES_BY_TYPE = {
    "government": ["permits", "water", "investment", "jobs"],
    "indigenous": ["heritage", "water", "land"],
    "community": ["dust", "water", "investment", "grievance"],
    "individual": ["dust", "grievance", "jobs"],
    "landowner": ["land", "water", "grievance"],
    "ngo": ["water", "biodiversity", "heritage"],
    "media": ["media"],
    "investor": ["esg", "permits"],
    "employee": ["jobs", "dust"],
    "business": ["jobs", "investment"],
    "academic": ["water", "biodiversity"],
    "organisation": ["water", "land", "jobs"],
}

TYPE_BY_CHANNEL = [
    # engagement type code, weight
    ("meeting", 30),
    ("call", 20),
    ("email", 15),
    ("site_visit", 8),
    ("letter", 6),
    ("public_meeting", 6),
    ("interview", 5),
    ("social_media", 4),
    ("consultation", 4),
    ("other", 2),
]

PUBLIC_MEETINGS = {
    "es": [
        ("Asamblea informativa del proyecto",
         "Asamblea abierta en la sede social: presentación del proyecto, del calendario del "
         "estudio de impacto ambiental y ronda de preguntas. Principales temas: agua, polvo y empleo.",
         "Se publicarán las respuestas a las preguntas en la radio y en la municipalidad."),
        ("Cabildo abierto sobre el agua",
         "Cabildo convocado por el concejo municipal sobre el uso del agua en el valle. "
         "Intervenciones de regantes, comunidad indígena y vecinos de El Molino.",
         "Mesa técnica del agua con participación de la comunidad."),
    ],
}


def _ref(env, key):
    return env.ref(XMLID_PREFIX + key)


def _register(env, records_by_xmlid):
    env["ir.model.data"]._update_xmlids(
        [
            {"xml_id": XMLID_PREFIX + xmlid, "record": record, "noupdate": True}
            for xmlid, record in records_by_xmlid.items()
        ]
    )


def load_demo_data(env):
    """Create the demo records once (the <function> runs on every update)."""
    if env.ref(XMLID_PREFIX + "srm_project_rio_claro_demo", raise_if_not_found=False):
        return
    env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True,
                           mail_create_nosubscribe=True, no_mail_to_attendees=True))
    rng = random.Random(SEED)
    now = fields.Datetime.now().replace(minute=0, second=0, microsecond=0)
    today = fields.Date.context_today(env["res.partner"])
    company = env.company
    country = env.ref("base.cl", raise_if_not_found=False)
    xmlids = {}

    # users of each group
    users = {}
    for key, name, login, groups, job in USERS:
        user = env["res.users"].with_context(no_reset_password=True).create({
            "name": name,
            "login": login,
            "password": login,
            "email": f"{login}@example.com",
            "company_id": company.id,
            "company_ids": [Command.set(company.ids)],
            "groups_id": [Command.set([env.ref(g).id for g in groups])],
            "notification_type": "inbox",
        })
        user.partner_id.function = job
        users[key] = user
        xmlids[f"user_{login}_demo"] = user

    # regions, segments, topics
    regions = {}
    for key, name, parent in REGIONS:
        regions[key] = env["srm.region"].create({
            "name": name,
            "parent_id": regions[parent].id if parent else False,
            "country_id": country.id if country and key != "international" else False,
        })
        xmlids[f"srm_region_{key}_demo"] = regions[key]
    segments = {}
    for key, name, kind, priority in SEGMENTS:
        segments[key] = env["srm.segment"].create({"name": name, "kind": kind, "priority": priority})
        xmlids[f"srm_segment_{key}_demo"] = segments[key]
    topics = {}
    for key, name, color in TOPICS:
        topic = env["srm.topic"].with_context(active_test=False).search([("name", "=", name)], limit=1)
        topics[key] = topic or env["srm.topic"].create({"name": name, "color": color})
        xmlids[f"srm_topic_{key}_demo"] = topics[key]

    # projects
    project = env["srm.project"].create({
        "name": "Río Claro Copper Project",
        "code": "RCCP",
        "company_id": company.id,
        "user_id": users["manager"].id,
        "member_ids": [Command.set([u.id for u in users.values()])],
        "phase": "feasibility",
        "location": "Río Claro valley, 12 km upstream of the town",
        "country_id": country.id if country else False,
        "region_id": regions["valley"].id,
        "latitude": -30.7912,
        "longitude": -70.6123,
        "date_start": today - timedelta(days=900),
        "description": "<p>Open-pit copper and gold mine in feasibility. The concession borders "
        "the town of Río Claro, the farms of the upper valley and the lands of the Ayllu Quelana "
        "Indigenous community. Main concerns: water, dust and road traffic, cultural "
        "heritage, local jobs.</p>",
        "stakeholder_properties_definition": [
            {"name": "land_parcel", "type": "char", "string": "Land parcel"},
            {"name": "water_rights", "type": "boolean", "string": "Holds water rights"},
            {"name": "household_size", "type": "integer", "string": "Household size"},
        ],
    })
    exploration = env["srm.project"].create({
        "name": "Los Andes Exploration",
        "code": "LAEX",
        "company_id": company.id,
        "user_id": users["manager"].id,
        "member_ids": [Command.set([users["manager"].id, users["user"].id])],
        "phase": "exploration",
        "location": "High Andes, 60 km east of Río Claro",
        "country_id": country.id if country else False,
        "region_id": regions["upper_valley"].id,
        "date_start": today - timedelta(days=400),
    })
    xmlids["srm_project_rio_claro_demo"] = project
    xmlids["srm_project_los_andes_demo"] = exploration

    # stakeholders
    types = {t.code: t for t in env["srm.stakeholder.type"].search([])}
    owners = [users["user"], users["manager"], users["confidential"]]
    stakeholders = {}
    for index, (key, name, type_code, is_company, region, influence, interest, legitimacy,
                urgency, lang, segment_keys, extra) in enumerate(STAKEHOLDERS):
        extra = dict(extra)
        properties = extra.pop("properties", None)
        do_not_contact = extra.pop("do_not_contact", False)
        vals = {
            "name": name,
            "is_company": is_company,
            "is_stakeholder": True,
            "stakeholder_type_id": types[type_code].id,
            "srm_region_id": regions[region].id,
            "srm_influence": influence,
            "srm_interest": interest,
            "srm_legitimacy": legitimacy,
            "srm_urgency": urgency,
            "srm_segment_ids": [Command.set([segments[s].id for s in segment_keys])],
            "srm_project_ids": [Command.set([project.id])],
            "srm_main_project_id": project.id,
            "srm_do_not_contact": do_not_contact,
            "srm_preferred_channel": (
                "in_person" if type_code in ("indigenous", "landowner", "community")
                else "phone" if extra.get("phone") and not extra.get("email")
                else "email"
            ),
            "user_id": owners[index % len(owners)].id,
            "country_id": country.id if country and region != "international" else False,
            "partner_latitude": -30.79 + rng.uniform(-0.08, 0.08) if region != "international" else 0,
            "partner_longitude": -70.61 + rng.uniform(-0.08, 0.08) if region != "international" else 0,
            "comment": {"es": "Idioma de trabajo: español.", "fr": "Langue de travail : français.",
                        "en": "Working language: English."}[lang],
        }
        if not do_not_contact and (extra.get("email") or index % 3 == 0):
            vals.update({
                "srm_consent": True,
                "srm_consent_date": today - timedelta(days=rng.randint(200, 700)),
                "srm_consent_basis": "consent" if not is_company else "legitimate_interest",
            })
        if region in ("regional_capital", "international") and type_code in ("government",):
            vals["srm_consent_basis"] = "legal_obligation"
        vals.update(extra)
        if properties:
            vals["srm_properties"] = properties
        stakeholders[key] = env["res.partner"].create(vals)
        xmlids[f"res_partner_{key}_demo"] = stakeholders[key]
    # the exploration project shares a few stakeholders, and has one of its own
    for key in ("mayor", "environment_agency", "water_authority", "investor_fund"):
        stakeholders[key].srm_project_ids = [Command.link(exploration.id)]
    herders = env["res.partner"].create({
        "name": "Asociación de Crianceros de Alta Cordillera",
        "is_company": True,
        "is_stakeholder": True,
        "stakeholder_type_id": types["community"].id,
        "srm_region_id": regions["upper_valley"].id,
        "srm_influence": 2,
        "srm_interest": 5,
        "srm_legitimacy": 4,
        "srm_urgency": 3,
        "srm_project_ids": [Command.set([exploration.id])],
        "srm_main_project_id": exploration.id,
        "srm_preferred_channel": "in_person",
    })
    stakeholders["herders"] = herders
    xmlids["res_partner_herders_demo"] = herders

    relationship_types = {
        "member": _ref(env, "srm_relationship_type_member"),
        "represents": _ref(env, "srm_relationship_type_represents"),
        "works_for": _ref(env, "srm_relationship_type_works_for"),
        "family": _ref(env, "srm_relationship_type_family"),
        "leads": _ref(env, "srm_relationship_type_leads"),
        "advises": _ref(env, "srm_relationship_type_advises"),
    }
    env["srm.relationship"].create([
        {
            "partner_id": stakeholders[a].id,
            "type_id": relationship_types[kind].id,
            "related_partner_id": stakeholders[b].id,
            "date_start": today - timedelta(days=days) if days else False,
        }
        for a, kind, b, days in RELATIONSHIPS
    ])

    _create_engagements(env, rng, now, project, exploration, stakeholders, users, topics)
    _create_upcoming_meeting(env, now, project, stakeholders, users)
    _register(env, xmlids)


def _pick_type(env, rng):
    codes = [code for code, _weight in TYPE_BY_CHANNEL]
    weights = [weight for _code, weight in TYPE_BY_CHANNEL]
    code = rng.choices(codes, weights=weights)[0]
    return _ref(env, f"srm_engagement_type_{code}")


def _create_engagements(env, rng, now, project, exploration, stakeholders, users, topics):
    keys = list(stakeholders)
    weights = [stakeholders[key].srm_influence + stakeholders[key].srm_interest for key in keys]
    lang_of = {row[0]: row[9] for row in STAKEHOLDERS}
    lang_of["herders"] = "es"
    type_code_of = {key: stakeholders[key].stakeholder_type_id.code for key in stakeholders}
    staff = [users["user"], users["user"], users["manager"], users["confidential"], users["restricted"]]
    community_pool = [
        k for k in keys
        if type_code_of[k] in ("community", "individual", "indigenous", "landowner", "government")
        and project in stakeholders[k].srm_project_ids
        and not stakeholders[k].srm_do_not_contact
    ]
    vals_list = []
    capacities = []
    for _index in range(ENGAGEMENT_COUNT):
        days_ago = rng.randint(1, 730)
        date = datetime.combine((now - timedelta(days=days_ago)).date(), time(rng.randint(8, 18)))
        engagement_type = _pick_type(env, rng)
        if engagement_type.is_group:
            partner_keys = rng.sample(community_pool, rng.randint(5, 10))
            lang = "es"
            subject, summary, outcome = rng.choice(PUBLIC_MEETINGS["es"])
            topic_keys = ["water", "dust", "jobs"]
        else:
            main = rng.choices(keys, weights=weights)[0]
            partner_keys = [main]
            related = [
                k for k in keys
                if k != main and type_code_of[k] == type_code_of[main]
                and stakeholders[k].srm_project_ids & stakeholders[main].srm_project_ids
            ]
            if related and rng.random() < 0.25:
                partner_keys.append(rng.choice(related))
            lang = lang_of[main]
            themes = THEMES_BY_TYPE.get(type_code_of[main], ["water"])
            theme_key = rng.choice(themes)
            theme = THEMES[theme_key]
            texts = theme.get(lang) or theme["es"] or theme["en"]
            if not theme.get(lang):
                lang = "es" if theme["es"] else "en"
            subject, summary, outcome = rng.choice(texts)
            topic_keys = theme["topics"]
        partners = [stakeholders[k] for k in partner_keys]
        blocked = any(p.srm_do_not_contact for p in partners)
        if blocked:
            direction = "inbound"
        else:
            direction = rng.choices(["outbound", "inbound", "mutual"], weights=[45, 25, 30])[0]
        on_exploration = all(exploration in p.srm_project_ids for p in partners) and (
            any(project not in p.srm_project_ids for p in partners) or rng.random() < 0.3
        )
        confidential = (
            type_code_of[partner_keys[0]] in ("landowner", "investor") and rng.random() < 0.35
        ) or rng.random() < 0.03
        responsible = rng.choice(staff)
        attendee = rng.choice(staff)
        if confidential:
            # only people with confidential access work on confidential engagements
            responsible = rng.choice([users["confidential"], users["manager"]])
            attendee = responsible
        elif on_exploration:
            responsible = rng.choice([users["user"], users["manager"]])
            attendee = responsible
        follow_up = rng.random() < 0.3
        vals = {
            "name": subject,
            "engagement_type_id": engagement_type.id,
            "date": date,
            "duration": rng.choice([0.25, 0.5, 1.0, 1.5, 2.0, 3.0]),
            "direction": direction,
            "project_id": (exploration if on_exploration else project).id,
            "partner_ids": [Command.set([p.id for p in partners])],
            "user_id": responsible.id,
            "attendee_user_ids": [Command.set(list({responsible.id, attendee.id}))],
            "summary": summary,
            "outcome": outcome,
            "topic_ids": [Command.set([topics[k].id for k in topic_keys])],
            "sentiment": rng.choices(["-2", "-1", "0", "1", "2"], weights=[8, 20, 35, 27, 10])[0],
            "follow_up_needed": follow_up,
            "follow_up_date": (date + timedelta(days=rng.randint(7, 30))).date() if follow_up else False,
            "is_confidential": confidential,
            "location": {
                "meeting": "Oficina comunitaria del proyecto, Río Claro",
                "site_visit": "Área del proyecto",
                "public_meeting": "Sede social Villa Los Aromos",
                "consultation": "Sede de la comunidad Ayllu Quelana",
            }.get(engagement_type.code, False),
        }
        vals_list.append(vals)
        capacities.append([k for k in partner_keys if k in CAPACITY_OVERRIDES and engagement_type.is_group])
    engagements = env["srm.engagement"].create(vals_list)
    types = {t.code: t for t in env["srm.stakeholder.type"].search([])}
    for engagement, keys_with_capacity in zip(engagements, capacities, strict=True):
        for key in keys_with_capacity:
            type_code, note = CAPACITY_OVERRIDES[key]
            line = engagement.participant_ids.filtered(lambda p, k=key: p.partner_id == stakeholders[k])
            line.write({"capacity_type_id": types[type_code].id, "capacity_note": note})
    # follow-ups still to do become activities of their responsible
    todo = env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
    today = fields.Date.context_today(engagements)
    for engagement in engagements.filtered(
        lambda e: e.follow_up_needed and e.follow_up_date and e.follow_up_date >= today - timedelta(days=20)
    ):
        if todo:
            engagement.activity_schedule(
                act_type_xmlid="mail.mail_activity_data_todo",
                date_deadline=engagement.follow_up_date,
                summary="Follow up",
                user_id=engagement.user_id.id,
            )


def _create_upcoming_meeting(env, now, project, stakeholders, users):
    """A meeting next week, to try 'Log Engagement' from the calendar."""
    start = datetime.combine((now + timedelta(days=7)).date(), time(15))
    event = env["calendar.event"].create({
        "name": "Mesa técnica del agua - sesión mensual",
        "start": start,
        "stop": start + timedelta(hours=2),
        "location": "Municipalidad de Río Claro",
        "description": "<p>Revisión de los datos de monitoreo de pozos con el comité de agua potable "
        "rural y la asociación de regantes.</p>",
        "user_id": users["user"].id,
        "partner_ids": [Command.set([
            users["user"].partner_id.id,
            stakeholders["rural_water"].id,
            stakeholders["indigenous_irrigators"].id,
            stakeholders["councillor"].id,
        ])],
    })
    env["ir.model.data"]._update_xmlids(
        [{"xml_id": XMLID_PREFIX + "calendar_event_water_table_demo", "record": event, "noupdate": True}]
    )


class SrmProject(models.Model):
    """The demo data file calls this; it lives here so that the model itself carries no demo code."""

    _inherit = "srm.project"

    @api.model
    def _srm_load_demo_data(self):
        """Called by the demo data file: the Río Claro Copper Project."""
        load_demo_data(self.env)
