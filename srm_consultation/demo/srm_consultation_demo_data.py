# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo data: the feasibility consultation of the Río Claro Copper Project.

One campaign with three target segments (water, dust and road traffic, local
jobs), a questionnaire of four choice questions and one open question, about
60 completed interviews in Spanish, French and English (in person, by phone
and online), a few invitations still unanswered, themes with the company's
response, and the free, prior and informed consent process with the Ayllu
Quelana community. Deterministic (seeded), dates relative to today, created once.
"""

import base64
import random
from datetime import datetime, time, timedelta

from odoo import Command, api, fields, models

SEED = 20260707
# the Río Claro story of srm_base's demo data, and the records of this one
BASE = "srm_base."
PREFIX = "srm_consultation."

QUESTIONS = [
    # key, type, title {lang: text}, choices [(key, {lang: text})]
    ("water_concern", "simple_choice", {
        "en": "How concerned are you about the project's effects on water?",
        "fr": "À quel point les effets du projet sur l'eau vous inquiètent-ils ?",
        "es": "¿Cuánto le preocupan los efectos del proyecto sobre el agua?",
    }, [
        ("very", {"en": "Very concerned", "fr": "Très inquiet", "es": "Muy preocupado"}),
        ("somewhat", {"en": "Somewhat concerned", "fr": "Assez inquiet", "es": "Algo preocupado"}),
        ("not", {"en": "Not concerned", "fr": "Pas inquiet", "es": "Nada preocupado"}),
        ("unknown", {"en": "Don't know", "fr": "Ne sait pas", "es": "No sabe"}),
    ]),
    ("topics", "multiple_choice", {
        "en": "Which topics matter most to you?",
        "fr": "Quels sujets comptent le plus pour vous ?",
        "es": "¿Qué temas le importan más?",
    }, [
        ("water", {"en": "Water", "fr": "Eau", "es": "Agua"}),
        ("dust", {"en": "Dust and road traffic", "fr": "Poussière et circulation", "es": "Polvo y tránsito"}),
        ("jobs", {"en": "Local jobs and suppliers", "fr": "Emplois et fournisseurs locaux",
                  "es": "Empleo y proveedores locales"}),
        ("heritage", {"en": "Cultural heritage", "fr": "Patrimoine culturel", "es": "Patrimonio cultural"}),
        ("investment", {"en": "Community investment", "fr": "Investissement communautaire",
                        "es": "Inversión comunitaria"}),
    ]),
    ("channel", "simple_choice", {
        "en": "How would you like to be kept informed?",
        "fr": "Comment souhaitez-vous être informé ?",
        "es": "¿Cómo prefiere recibir información?",
    }, [
        ("meetings", {"en": "Community meetings", "fr": "Réunions communautaires", "es": "Reuniones comunitarias"}),
        ("radio", {"en": "Local radio", "fr": "Radio locale", "es": "Radio local"}),
        ("email", {"en": "Email", "fr": "Courriel", "es": "Correo electrónico"}),
        ("messaging", {"en": "WhatsApp or SMS", "fr": "WhatsApp ou SMS", "es": "WhatsApp o SMS"}),
        ("visits", {"en": "Home visits", "fr": "Visites à domicile", "es": "Visitas a domicilio"}),
    ]),
    ("trust", "simple_choice", {
        "en": "Do you trust the information the project shares?",
        "fr": "Faites-vous confiance aux informations partagées par le projet ?",
        "es": "¿Confía en la información que entrega el proyecto?",
    }, [
        ("yes", {"en": "Yes", "fr": "Oui", "es": "Sí"}),
        ("partly", {"en": "Partly", "fr": "En partie", "es": "En parte"}),
        ("no", {"en": "No", "fr": "Non", "es": "No"}),
    ]),
    ("suggestion", "text_box", {
        "en": "What would you like the project to do differently?",
        "fr": "Que souhaiteriez-vous que le projet fasse autrement ?",
        "es": "¿Qué le gustaría que el proyecto hiciera de otra manera?",
    }, []),
]

# answer weights per segment
CONCERN = {"water": [60, 30, 5, 5], "dust": [30, 40, 20, 10], "jobs": [15, 35, 40, 10]}
TRUST = {"water": [10, 45, 45], "dust": [20, 50, 30], "jobs": [40, 45, 15]}
CHANNEL_BY_LANG = {
    "es": (["meetings", "radio", "messaging", "visits", "email"], [35, 25, 20, 15, 5]),
    "fr": (["email", "messaging", "meetings"], [60, 30, 10]),
    "en": (["email", "messaging", "meetings"], [65, 25, 10]),
}

# free-text answers, by segment and language
TEXTS = {
    "water": {
        "es": [
            "Queremos un monitoreo participativo del agua del estero y de los pozos.",
            "Que el proyecto no use el agua de los agricultores: el agua es vida para el valle.",
            "Publicar cada mes los datos de calidad del agua en la municipalidad.",
            "Temo que baje el nivel del pozo de agua potable rural en verano.",
            "Necesitamos saber cuánta agua va a usar la mina durante la sequía.",
        ],
        "fr": [
            "Publier chaque mois les données sur la qualité de l'eau.",
            "Associer la communauté à la surveillance de l'eau et des puits.",
            "Garantir que l'eau des agriculteurs ne soit pas réduite pendant la sécheresse.",
        ],
        "en": [
            "Share water quality data every month with the community.",
            "Fund independent monitoring of the wells and of the creek water.",
            "Guarantee that the farmers' water is not reduced during droughts.",
        ],
    },
    "dust": {
        "es": [
            "Regar el camino dos veces al día para reducir el polvo de los camiones.",
            "Prohibir el paso de camiones frente a la escuela a la hora de entrada.",
            "El polvo afecta nuestros cultivos y la salud de los niños.",
            "Bajar la velocidad de los camiones en el camino del sector El Molino.",
        ],
        "fr": [
            "Réduire la poussière sur la route d'accès en arrosant la piste.",
            "Limiter la vitesse des camions près des maisons.",
        ],
        "en": [
            "Reduce dust on the access road by watering it twice a day.",
            "Keep trucks away from the school at drop-off time.",
        ],
    },
    "jobs": {
        "es": [
            "Dar empleo a la gente del valle y capacitar a los jóvenes.",
            "Comprar a proveedores locales antes que a empresas de fuera.",
            "Publicar las vacantes de empleo en la radio local.",
        ],
        "fr": [
            "Former les jeunes de la vallée pour qu'ils obtiennent un emploi sur le projet.",
            "Acheter auprès des fournisseurs locaux de la vallée.",
        ],
        "en": [
            "Hire local people first and train young people for jobs at the mine.",
            "Buy from local suppliers and publish the procurement rules.",
        ],
    },
    # said by some respondents whatever their segment
    "other": {
        "es": [
            "Respetar los sitios sagrados y el patrimonio de la comunidad Quelana.",
            "Más información y reuniones en el pueblo, no solo en la ciudad.",
            "Queremos más información antes de cada decisión importante.",
        ],
        "fr": ["Davantage d'information avant chaque décision importante."],
        "en": ["More information and meetings in the town before each important decision."],
    },
}

THEMES = [
    # key, name, keywords, response (HTML) or None
    ("water", "Water quantity and quality",
     "water, eau, agua, pozo, puits, well, estero, creek, sequia, secheresse, drought",
     "<p>The project will publish its water monitoring data every month at the municipality and "
     "online, and will fund participatory monitoring of the wells and the creek with the rural "
     "water committee and the Quelana irrigators, starting next quarter.</p>"),
    ("dust", "Dust and truck traffic",
     "dust, poussiere, polvo, camion, truck, velocidad, vitesse, speed",
     "<p>Contractors water the access road twice a day, keep to 30 km/h, and no truck passes the "
     "school between 7:45 and 8:30 or between 13:00 and 13:30.</p>"),
    ("jobs", "Local jobs and suppliers",
     "job, emploi, empleo, proveedor, fournisseur, supplier, hire, capacit, vacante", None),
    ("heritage", "Cultural heritage and sacred sites",
     "heritage, patrimoine, patrimonio, sagrad, sacre, sacred", None),
]

FIRST_NAMES = {
    "es": ["Ana", "Luis", "Carmen", "José", "Rosa", "Miguel", "Elena", "Javier", "Patricia", "Raúl",
           "Isabel", "Andrés", "Sofía", "Manuel", "Teresa", "Francisco", "Gloria", "Héctor", "Daniela",
           "Ricardo", "Valentina", "Camilo", "Ximena", "Tomás"],
    "fr": ["Claire", "Julien", "Camille", "Antoine", "Léa", "Mathieu", "Chloé", "Nicolas", "Élise",
           "Thomas", "Manon", "Hugo"],
    "en": ["Emma", "James", "Olivia", "William", "Sophie", "Daniel", "Grace", "Henry", "Lucy", "Samuel",
           "Hannah", "Oliver"],
}
LAST_NAMES = {
    "es": ["Rojas", "Flores", "Castillo", "Morales", "Pizarro", "Vega", "Tapia", "Araya", "Cortés",
           "Gutiérrez", "Olivares", "Carrasco", "Zepeda", "Alfaro"],
    "fr": ["Martin", "Bernard", "Lefèvre", "Moreau", "Girard", "Roux", "Fournier", "Lambert"],
    "en": ["Smith", "Taylor", "Brown", "Wilson", "Clarke", "Hughes", "Walker", "Wright"],
}

SEGMENT_QUOTAS = [("water", 25), ("dust", 20), ("jobs", 20)]
# completed answers per segment: jobs stays under its quota
DONE_PER_SEGMENT = {"water": 26, "dust": 22, "jobs": 12}
LANG_SHARE = (["es", "fr", "en"], [64, 18, 18])
# invitations or planned interviews still waiting, per segment
PENDING_PER_SEGMENT = {"water": 4, "dust": 2, "jobs": 3}
CONFIDENTIAL_RESPONDENTS = 3


def _ref(env, xmlid, prefix=BASE):
    return env.ref(prefix + xmlid, raise_if_not_found=False)


def _translate(record, field, texts, langs):
    translations = {code: texts[code[:2]] for code in langs if code[:2] in texts and code != "en_US"}
    if translations:
        record.update_field_translations(field, translations)


def _create_survey(env, langs):
    survey = env["survey.survey"].create({
        "title": "Río Claro feasibility consultation: interview guide",
        "survey_type": "survey",
        "access_mode": "token",
        "questions_layout": "one_page",
        "description": "<p>Thank you for taking part. Your answers help the Río Claro Copper Project "
        "understand the concerns of the valley before the feasibility study is completed.</p>",
        "description_done": "<p>Thank you! A report of what we heard will be shared with all "
        "participants.</p>",
        "question_and_page_ids": [
            Command.create({
                "title": title["en"],
                "question_type": kind,
                "sequence": index,
                "constr_mandatory": kind != "text_box",
                "suggested_answer_ids": [
                    Command.create({"value": label["en"], "sequence": position})
                    for position, (_key, label) in enumerate(choices)
                ],
            })
            for index, (_key, kind, title, choices) in enumerate(QUESTIONS)
        ],
    })
    _translate(survey, "title", {"fr": "Consultation de faisabilité de Río Claro : guide d'entretien",
                                 "es": "Consulta de factibilidad de Río Claro: pauta de entrevista"}, langs)
    questions = {}
    choices = {}
    for question, (key, _kind, title, labels) in zip(survey.question_ids.sorted("sequence"), QUESTIONS, strict=True):
        questions[key] = question
        _translate(question, "title", title, langs)
        for answer, (choice_key, label) in zip(question.suggested_answer_ids.sorted("sequence"), labels, strict=True):
            choices[(key, choice_key)] = answer
            _translate(answer, "value", label, langs)
    return survey, questions, choices


def _language_of(partner):
    comment = partner.comment or ""
    if "français" in comment:
        return "fr"
    if "English" in comment:
        return "en"
    return "es"


def _answer_questions(rng, answer, key, lang, questions, choices):
    """The answers of one completed interview of segment ``key``, in language ``lang``."""
    concern = rng.choices(["very", "somewhat", "not", "unknown"], weights=CONCERN[key])[0]
    answer._save_lines(questions["water_concern"], choices[("water_concern", concern)].id)
    topics = {key} | set(rng.sample(["water", "dust", "jobs", "heritage", "investment"], rng.randint(0, 2)))
    answer._save_lines(questions["topics"], [choices[("topics", t)].id for t in sorted(topics)])
    options, weights = CHANNEL_BY_LANG[lang]
    answer._save_lines(questions["channel"], choices[("channel", rng.choices(options, weights)[0])].id)
    trust = rng.choices(["yes", "partly", "no"], weights=TRUST[key])[0]
    answer._save_lines(questions["trust"], choices[("trust", trust)].id)
    pool = TEXTS[key] if rng.random() < 0.8 else TEXTS["other"]
    text = rng.choice(pool.get(lang) or pool["es"])
    if rng.random() < 0.15:
        extra = TEXTS["other"].get(lang) or TEXTS["other"]["es"]
        text = f"{text} {rng.choice(extra)}"
    answer._save_lines(questions["suggestion"], text)


def _respondents(env, rng, consultation, project, segments, regions, individual, today):
    """Respondents per segment key, [(partner, language)]: stakeholders of the project
    already in the segments, then residents met in the field (created)."""
    existing = env["res.partner"].search([
        ("is_stakeholder", "=", True),
        ("srm_project_ids", "in", project.ids),
        ("srm_segment_ids", "in", [s.id for s in segments.values()]),
        ("srm_do_not_contact", "=", False),
    ], order="id")
    lines_by_partner = consultation._srm_segment_lines_for(existing)
    people = {key: [] for key in segments}  # segment key -> [(partner, lang)]
    key_of_segment = {segment: key for key, segment in segments.items()}
    for partner in existing:
        line = lines_by_partner.get(partner.id)
        if not line:
            continue
        key = key_of_segment[line.segment_id]
        if len(people[key]) < DONE_PER_SEGMENT[key] // 3:
            people[key].append((partner, _language_of(partner)))
    used_names = set()
    new_vals, new_meta = [], []
    for key, _quota in SEGMENT_QUOTAS:
        needed = DONE_PER_SEGMENT[key] + PENDING_PER_SEGMENT[key] - len(people[key])
        for _index in range(needed):
            lang = rng.choices(*LANG_SHARE)[0]
            while True:
                name = f"{rng.choice(FIRST_NAMES[lang])} {rng.choice(LAST_NAMES[lang])}"
                if name not in used_names:
                    used_names.add(name)
                    break
            slug = name.lower().replace(" ", ".")
            region = regions["international"] if lang != "es" else rng.choice(
                [regions["town"], regions["el_molino"], regions["upper_valley"]]
            )
            new_vals.append({
                "name": name,
                "is_stakeholder": True,
                "stakeholder_type_id": individual.id,
                "srm_region_id": region.id if region else False,
                "srm_segment_ids": [Command.set(segments[key].ids)],
                "srm_project_ids": [Command.set(project.ids)],
                "srm_main_project_id": project.id,
                "srm_influence": rng.randint(1, 3),
                "srm_interest": rng.randint(3, 5),
                "email": f"{slug}@example.com" if rng.random() < 0.8 else False,
                "srm_consent": True,
                "srm_consent_date": today - timedelta(days=rng.randint(46, 400)),
                "srm_consent_basis": "consent",
                "comment": {"es": "Idioma de trabajo: español.", "fr": "Langue de travail : français.",
                            "en": "Working language: English."}[lang],
            })
            new_meta.append((key, lang))
    new_partners = env["res.partner"].create(new_vals)
    for partner, (key, lang) in zip(new_partners, new_meta, strict=True):
        people[key].append((partner, lang))
    return people


def load_consultation_demo(env):
    """Create the demo consultation once (the <function> runs on every update)."""
    if _ref(env, "srm_consultation_rio_claro_demo", PREFIX):
        return
    env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True,
                           mail_create_nosubscribe=True, mail_notrack=True))
    rng = random.Random(SEED)
    now = fields.Datetime.now().replace(minute=0, second=0, microsecond=0)
    today = now.date()
    langs = [code for code, _name in env["res.lang"].get_installed()]

    project = _ref(env, "srm_project_rio_claro_demo") or env["srm.project"].create(
        {"name": "Río Claro Copper Project", "code": "RCCP-C"}
    )
    segments = {}
    for key, name in (("water", "Water quantity and quality"), ("dust", "Dust, noise and road traffic"),
                      ("jobs", "Local jobs and suppliers")):
        segments[key] = _ref(env, f"srm_segment_{key}_demo") or env["srm.segment"].create(
            {"name": name, "kind": "problem" if key != "jobs" else "interest"}
        )
    owner = _ref(env, "user_srm_manager_demo") or env.user
    interviewers = [
        user for user in (
            _ref(env, "user_srm_user_demo"), _ref(env, "user_srm_restricted_demo"), owner,
        ) if user
    ]
    individual = env["srm.stakeholder.type"].search([("code", "=", "individual")], limit=1)
    regions = {
        key: _ref(env, f"srm_region_{key}_demo")
        for key in ("town", "el_molino", "upper_valley", "international")
    }

    survey, questions, choices = _create_survey(env, langs)
    consultation = env["srm.consultation"].create({
        "name": "Feasibility consultation: water, dust and jobs",
        "project_id": project.id,
        "company_id": project.company_id.id,
        "user_id": owner.id,
        "survey_id": survey.id,
        "iap2_level": "consult",
        "date_start": today - timedelta(days=45),
        "date_end": today + timedelta(days=15),
        "purpose": "<p>Before the feasibility study is completed, hear the households, farmers, "
        "workers and organisations of the Río Claro valley about water, dust and road traffic, and "
        "local jobs, so that the project design and the environmental impact study answer their "
        "concerns. About sixty interviews, in person where possible.</p>",
        "segment_ids": [
            Command.create({"segment_id": segments[key].id, "quota": quota, "sequence": index})
            for index, (key, quota) in enumerate(SEGMENT_QUOTAS)
        ],
        "theme_ids": [
            Command.create({"name": name, "keywords": keywords, "sequence": index})
            for index, (_key, name, keywords, _response) in enumerate(THEMES)
        ],
    })
    consultation.action_open()
    line_of = {line.segment_id: line for line in consultation.segment_ids}
    people = _respondents(env, rng, consultation, project, segments, regions, individual, today)

    # answers: completed interviews, then invitations still waiting
    Answer = env["survey.user_input"]
    done_answers = Answer
    plans = []  # (answer, segment key, lang)
    pending_plans = []
    for key, _quota in SEGMENT_QUOTAS:
        for position, (partner, lang) in enumerate(people[key]):
            pending = position >= DONE_PER_SEGMENT[key]
            reachable = bool(partner.email) and consultation._srm_has_contact_basis(partner)
            if reachable and (pending or rng.random() < 0.3):
                channel = "online"
            else:
                channel = rng.choices(["in_person", "phone"], weights=[72, 28])[0]
            answer = survey._create_answer(
                partner=partner,
                check_attempts=False,
                invite_token=Answer._generate_invite_token(),
                deadline=consultation._srm_deadline(),
                srm_consultation_id=consultation.id,
                srm_consultation_segment_id=line_of[segments[key]].id,
                srm_channel=channel,
                srm_last_contact_date=now - timedelta(days=rng.randint(8, 30)) if channel == "online" else False,
            )
            (pending_plans if pending else plans).append((answer, key, lang))
    for index, (answer, key, lang) in enumerate(plans):
        answered_on = datetime.combine(
            today - timedelta(days=rng.randint(1, 44)), time(rng.randint(9, 18), rng.choice([0, 15, 30, 45]))
        )
        answer.write({
            "srm_answer_date": answered_on,
            "srm_interviewer_id": rng.choice(interviewers).id if answer.srm_channel != "online" else False,
            "srm_is_confidential": index % (len(plans) // CONFIDENTIAL_RESPONDENTS) == 7,
        })
        answer._mark_in_progress()
        _answer_questions(rng, answer, key, lang, questions, choices)
        done_answers |= answer
    done_answers._mark_done()
    for answer in done_answers:
        answer.write({"end_datetime": answer.srm_answer_date,
                      "start_datetime": answer.srm_answer_date - timedelta(minutes=rng.randint(15, 50))})

    # themes from the open answers, and the company's response to two of them
    consultation.action_extract_themes()
    for key, name, _keywords, response in THEMES:
        theme = consultation.theme_ids.filtered(lambda t, n=name: t.name == n)
        if response:
            theme.write({"response": response, "state": "responded"})
        env["ir.model.data"]._update_xmlids([
            {"xml_id": f"{PREFIX}srm_consultation_theme_{key}_demo", "record": theme, "noupdate": True}
        ])

    consent = _create_consent_record(env, today, project, consultation, owner)
    env["ir.model.data"]._update_xmlids([
        {"xml_id": PREFIX + xmlid, "record": record, "noupdate": True}
        for xmlid, record in (
            ("srm_consultation_rio_claro_demo", consultation),
            ("survey_consultation_rio_claro_demo", survey),
            ("srm_consent_record_quelana_demo", consent),
        )
    ])


def _create_consent_record(env, today, project, consultation, owner):
    community = _ref(env, "res_partner_community_ayllu_demo") or env["res.partner"].create(
        {"name": "Comunidad Indígena Ayllu Quelana", "is_stakeholder": True, "is_company": True}
    )
    president = _ref(env, "res_partner_ayllu_president_demo")
    elders = _ref(env, "res_partner_elders_council_demo")
    minutes = env["ir.attachment"].create({
        "name": "Acta sesion informativa Ayllu Quelana.txt",
        "mimetype": "text/plain",
        "datas": base64.b64encode(
            "Acta de la sesión informativa: presentación del proyecto, del estudio de impacto "
            "ambiental y del calendario de consulta, en español y con traducción. 84 asistentes.".encode()
        ),
    })
    return env["srm.consent.record"].create({
        "name": "FPIC: Ayllu Quelana, feasibility and water use",
        "partner_id": community.id,
        "representative_ids": [Command.set([p.id for p in (president, elders) if p])],
        "consultation_id": consultation.id,
        "project_id": project.id,
        "company_id": project.company_id.id,
        "user_id": owner.id,
        "subject": "Feasibility works on community lands and use of water from the Quelana creek.",
        "decision_process": "General assembly of the community, after a recommendation of the "
        "council of elders; decisions by consensus, or by two-thirds majority when consensus fails.",
        "step_ids": [
            Command.create({
                "step_type": "information", "date": today - timedelta(days=150),
                "name": "Information session at the community hall",
                "notes": "Project, impact study and consultation calendar presented, in Spanish with "
                "interpretation. Documents left with the community's board.",
                "attachment_ids": [Command.set(minutes.ids)],
            }),
            Command.create({
                "step_type": "information", "date": today - timedelta(days=110),
                "name": "Independent hydrogeologist chosen by the community presents the water study",
            }),
            Command.create({
                "step_type": "consultation", "date": today - timedelta(days=75),
                "name": "Three community workshops on water, heritage and land access",
                "notes": "Concerns about the creek's flow in dry years and about the ceremonial site "
                "near the access road.",
            }),
            Command.create({
                "step_type": "negotiation", "date": today - timedelta(days=20),
                "name": "First negotiation round with the board and the council of elders",
                "notes": "Draft conditions discussed; the assembly will decide next month.",
            }),
        ],
        "condition_ids": [
            Command.create({"name": "Participatory monitoring of the Quelana creek with community monitors",
                            "sequence": 1}),
            Command.create({"name": "No works within 200 m of the ceremonial site; heritage monitor "
                            "present during earthworks", "sequence": 2}),
            Command.create({"name": "Yearly report to the general assembly, in Spanish", "sequence": 3}),
        ],
    })


class SrmConsultation(models.Model):
    """The demo data file calls this; it lives here so that the model itself carries no demo code."""

    _inherit = "srm.consultation"

    @api.model
    def _srm_load_consultation_demo(self):
        """Called by the demo data file: a consultation with about 60 interviews."""
        load_consultation_demo(self.env)
