# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Multilingual concepts of stakeholder work (en, fr, es, zh).

Words of the same concept in different languages map to one term, so that
similarity and theme grouping work across languages without any model.
The first word of each language is the one used in theme labels. A trailing
``*`` matches any word starting with the prefix. Chinese words are matched as
substrings.
"""

CONCEPTS = {
    "water": {
        "en": ["water", "waters", "wells", "aquifer*", "groundwater", "borehole*"],
        "fr": ["eau", "eaux", "puits", "nappe", "nappes", "forage*"],
        "es": ["agua", "aguas", "pozo", "pozos", "acuífero*", "acuifero*"],
        "zh": ["水源", "饮用水", "地下水", "水井", "用水", "水"],
    },
    "river": {
        "en": ["river", "rivers", "stream", "streams", "lake", "lakes", "creek*"],
        "fr": ["rivière", "rivières", "fleuve*", "ruisseau*", "lac", "lacs"],
        "es": ["río", "rio", "ríos", "rios", "arroyo*", "lago", "lagos"],
        "zh": ["河流", "河", "湖", "溪"],
    },
    "pollution": {
        "en": ["pollution", "pollut*", "contaminat*", "toxic", "chemical*", "spill*", "leak*"],
        "fr": ["pollution", "pollu*", "contamin*", "toxique*", "chimique*", "déversement*", "fuite*"],
        "es": ["contaminación", "contamin*", "polución", "tóxic*", "toxic*", "químic*", "derrame*", "fuga*"],
        "zh": ["污染", "有毒", "化学品", "泄漏", "排放"],
    },
    "dust": {
        "en": ["dust", "dusty", "particulate*"],
        "fr": ["poussière", "poussières", "poussiéreu*"],
        "es": ["polvo", "polvareda*", "polvoriento*"],
        "zh": ["粉尘", "灰尘", "扬尘"],
    },
    "air": {
        "en": ["air", "smoke", "fumes", "odour*", "odor*", "smell*", "emission*"],
        "fr": ["air", "fumée*", "odeur*", "émission*", "emission*"],
        "es": ["aire", "humo*", "olor*", "emisión*", "emision*"],
        "zh": ["空气", "烟雾", "气味", "臭味", "废气"],
    },
    "noise": {
        "en": ["noise", "noisy", "loud", "vibration*", "blasting", "blast*"],
        "fr": ["bruit", "bruits", "bruyant*", "vibration*", "dynamitage*", "explosion*"],
        "es": ["ruido", "ruidos", "ruidos*", "vibración*", "vibracion*", "voladura*", "explosion*"],
        "zh": ["噪音", "噪声", "震动", "振动", "爆破"],
    },
    "road": {
        "en": ["road", "roads", "track*", "bridge*", "pothole*"],
        "fr": ["route", "routes", "chemin*", "pont", "ponts", "piste*"],
        "es": ["carretera", "carreteras", "camino*", "puente*", "vía", "via"],
        "zh": ["道路", "公路", "马路", "路", "桥"],
    },
    "traffic": {
        "en": ["traffic", "truck*", "lorr*", "vehicle*", "convoy*"],
        "fr": ["circulation", "trafic", "camion*", "véhicule*", "vehicule*"],
        "es": ["tráfico", "trafico", "camión", "camion*", "vehícul*", "vehicul*"],
        "zh": ["交通", "卡车", "车辆", "货车"],
    },
    "safety": {
        "en": ["safety", "safe", "unsafe", "accident*", "injur*", "danger*", "hazard*", "risk*"],
        "fr": ["sécurité", "securite", "accident*", "bless*", "danger*", "risque*"],
        "es": ["seguridad", "accidente*", "herid*", "peligr*", "riesgo*"],
        "zh": ["安全", "事故", "受伤", "危险", "风险"],
    },
    "health": {
        "en": ["health", "illness*", "sick*", "disease*", "clinic*", "hospital*", "cough*", "asthma"],
        "fr": ["santé", "sante", "malad*", "clinique*", "hôpital", "hopital", "hôpitaux", "toux"],
        "es": ["salud", "enferm*", "clínica*", "clinica*", "hospital*", "tos"],
        "zh": ["健康", "疾病", "生病", "医院", "诊所", "咳嗽", "哮喘"],
    },
    "jobs": {
        "en": ["jobs", "job", "employ*", "hiring", "hire*", "recruit*", "work", "workers", "unemploy*"],
        "fr": ["emplois", "emploi", "embauch*", "recrut*", "travail", "travailleurs", "chômage", "chomage"],
        "es": ["empleo", "empleos", "contrat*", "trabajo*", "trabajador*", "desempleo"],
        "zh": ["就业", "工作", "招聘", "雇用", "工人", "失业", "岗位"],
    },
    "local_business": {
        "en": ["suppliers", "supplier*", "procurement", "local business*", "contractor*"],
        "fr": ["fournisseurs", "fournisseur*", "achats", "sous-traitan*", "entreprises locales"],
        "es": ["proveedores", "proveedor*", "compras", "contratista*"],
        "zh": ["供应商", "采购", "承包商", "本地企业"],
    },
    "compensation": {
        "en": ["compensation", "compensat*", "payment*", "paid", "pay", "indemn*", "reimburs*"],
        "fr": ["indemnisation", "indemn*", "compensation*", "paiement*", "payé*", "paye", "rembours*"],
        "es": ["compensación", "compensa*", "indemniz*", "pago", "pagos", "pagad*", "reembols*"],
        "zh": ["补偿", "赔偿", "付款", "支付", "报销"],
    },
    "land": {
        "en": ["land", "lands", "plot*", "parcel*", "property", "properties", "resettle*", "relocat*", "expropriat*"],
        "fr": ["terre", "terres", "terrain*", "parcelle*", "foncier*", "propriété*", "réinstall*", "relocalis*",
               "expropri*"],
        "es": ["tierra", "tierras", "terreno*", "parcela*", "predio*", "propiedad*", "reasent*", "reubic*",
               "expropia*"],
        "zh": ["土地", "地块", "征地", "搬迁", "安置", "拆迁"],
    },
    "farming": {
        "en": ["crops", "crop", "farm*", "harvest*", "livestock", "cattle", "agricultur*", "irrigat*"],
        "fr": ["cultures", "récolte*", "recolte*", "agricult*", "ferme*", "bétail", "betail", "élevage*", "irrigat*"],
        "es": ["cultivos", "cultivo*", "cosecha*", "agricult*", "ganad*", "granja*", "riego*"],
        "zh": ["农作物", "庄稼", "农田", "收成", "牲畜", "农业", "灌溉"],
    },
    "fishing": {
        "en": ["fishing", "fish", "fisher*"],
        "fr": ["pêche", "peche", "poisson*", "pêcheur*", "pecheur*"],
        "es": ["pesca", "pescado*", "pescador*", "peces"],
        "zh": ["渔业", "捕鱼", "渔民", "鱼"],
    },
    "school": {
        "en": ["school", "schools", "education", "students", "student", "teacher*", "scholarship*"],
        "fr": ["école", "ecole", "écoles", "ecoles", "éducation", "education", "élèves", "eleves", "enseignant*",
               "bourse*"],
        "es": ["escuela", "escuelas", "educación", "educacion", "estudiante*", "alumno*", "maestro*", "beca*"],
        "zh": ["学校", "教育", "学生", "老师", "奖学金"],
    },
    "electricity": {
        "en": ["electricity", "power", "electric*", "outage*", "blackout*"],
        "fr": ["électricité", "electricite", "électrique*", "electrique*", "coupure*", "courant"],
        "es": ["electricidad", "eléctric*", "electric*", "apagón", "apagon*", "luz"],
        "zh": ["电力", "停电", "供电", "电"],
    },
    "housing": {
        "en": ["housing", "house", "houses", "home", "homes", "cracks", "crack*"],
        "fr": ["logement*", "maison*", "habitation*", "fissure*"],
        "es": ["vivienda*", "casa", "casas", "hogar*", "grieta*"],
        "zh": ["住房", "房屋", "房子", "裂缝"],
    },
    "consultation": {
        "en": ["consultation", "consult*", "hearing*", "participat*", "dialogue", "dialog*"],
        "fr": ["consultation", "consult*", "concertation*", "audience*", "participat*", "dialogue*"],
        "es": ["consulta", "consult*", "audiencia*", "participa*", "diálogo*", "dialogo*"],
        "zh": ["咨询", "协商", "听证", "参与", "对话"],
    },
    "information": {
        "en": ["information", "inform*", "transparen*", "communicat*", "disclos*", "report*"],
        "fr": ["information", "inform*", "transparen*", "communicat*", "divulg*", "rapport*"],
        "es": ["información", "informa*", "transparen*", "comunica*", "divulga*", "reporte*"],
        "zh": ["信息", "通报", "透明", "沟通", "披露", "报告"],
    },
    "meeting": {
        "en": ["meeting", "meetings", "meet", "workshop*", "assembl*"],
        "fr": ["réunion", "reunion", "réunions", "rencontre*", "atelier*", "assemblée*"],
        "es": ["reunión", "reunion", "reuniones", "encuentro*", "taller*", "asamblea*"],
        "zh": ["会议", "会面", "座谈", "研讨会", "大会"],
    },
    "permit": {
        "en": ["permit", "permits", "licen*", "approval*", "authoris*", "authoriz*", "regulat*"],
        "fr": ["permis", "licence*", "autorisation*", "approbation*", "réglement*", "reglement*"],
        "es": ["permiso*", "licencia*", "autoriza*", "aprobación*", "aprobacion*", "regula*"],
        "zh": ["许可证", "许可", "批准", "审批", "执照"],
    },
    "environment": {
        "en": ["environment", "environmental", "biodiversity", "wildlife", "forest*", "trees", "tree", "deforest*"],
        "fr": ["environnement*", "biodiversité", "biodiversite", "faune", "forêt*", "foret*", "arbre*", "déforest*"],
        "es": ["medio ambiente", "ambiental*", "ambiente", "biodiversidad", "fauna", "bosque*", "árbol*", "arbol*",
               "deforest*"],
        "zh": ["环境", "生态", "生物多样性", "野生动物", "森林", "树木", "砍伐"],
    },
    "waste": {
        "en": ["waste", "garbage", "rubbish", "tailings", "landfill*", "debris"],
        "fr": ["déchets", "dechets", "déchet", "ordures", "résidus", "residus", "décharge*", "decharge*"],
        "es": ["residuos", "basura*", "desecho*", "relave*", "escombro*", "vertedero*"],
        "zh": ["垃圾", "废物", "废弃物", "尾矿"],
    },
    "culture": {
        "en": ["heritage", "cultural", "culture", "sacred", "grave*", "cemeter*", "ancestral", "indigenous"],
        "fr": ["patrimoine", "culturel*", "culture*", "sacré*", "sacre*", "tombe*", "cimetière*", "ancestra*",
               "autochtone*"],
        "es": ["patrimonio", "cultural*", "cultura*", "sagrad*", "tumba*", "cementerio*", "ancestral*", "indígena*",
               "indigena*"],
        "zh": ["文化遗产", "文化", "圣地", "坟墓", "墓地", "祖先", "原住民"],
    },
    "grievance": {
        "en": ["complaint", "complaints", "complain*", "grievance*", "claim*", "protest*", "petition*"],
        "fr": ["plainte", "plaintes", "réclamation*", "reclamation*", "grief*", "protest*", "manifest*", "pétition*",
               "petition*"],
        "es": ["queja", "quejas", "reclamo*", "reclamación*", "protesta*", "denuncia*", "petición*", "peticion*"],
        "zh": ["投诉", "申诉", "抱怨", "抗议", "请愿", "索赔"],
    },
    "blockade": {
        "en": ["blockade", "block*", "strike*", "barricade*", "sit-in"],
        "fr": ["blocage", "bloqu*", "grève*", "greve*", "barrage*"],
        "es": ["bloqueo", "bloque*", "huelga*", "paro", "barricada*"],
        "zh": ["封锁", "堵路", "罢工", "阻拦"],
    },
    "investment": {
        "en": ["investment", "invest*", "development fund*", "donation*", "sponsor*", "funding", "fund"],
        "fr": ["investissement*", "invest*", "don", "dons", "financement*", "fonds", "parrain*"],
        "es": ["inversión", "inversion*", "invertir", "donación*", "donacion*", "financiamiento*", "fondo*",
               "patrocin*"],
        "zh": ["投资", "捐赠", "资助", "基金", "赞助"],
    },
    "women": {
        "en": ["women", "woman", "gender", "girls"],
        "fr": ["femmes", "femme", "genre", "filles"],
        "es": ["mujeres", "mujer", "género", "genero", "niñas"],
        "zh": ["妇女", "女性", "性别"],
    },
    "youth": {
        "en": ["youth", "young", "children", "child", "kids"],
        "fr": ["jeunes", "jeunesse", "enfants", "enfant"],
        "es": ["jóvenes", "jovenes", "juventud", "niños", "ninos", "niño", "hijos"],
        "zh": ["青年", "年轻人", "儿童", "孩子"],
    },
    "security_forces": {
        "en": ["police", "guards", "guard*", "army", "soldier*", "security forces"],
        "fr": ["police", "gendarme*", "gardes", "garde", "armée", "armee", "soldat*"],
        "es": ["policía", "policia", "guardia*", "ejército", "ejercito", "soldado*"],
        "zh": ["警察", "保安", "军队", "士兵"],
    },
    "flooding": {
        "en": ["flood", "floods", "flooding", "flooded", "drainage", "rain*", "erosion"],
        "fr": ["inondation*", "inondé*", "inonde*", "drainage", "pluie*", "érosion", "erosion"],
        "es": ["inundación*", "inundacion*", "inundad*", "drenaje", "lluvia*", "erosión", "erosion"],
        "zh": ["洪水", "洪涝", "淹", "排水", "雨", "水土流失"],
    },
    "mine": {
        "en": ["mine", "mining", "quarry", "pit", "plant", "site"],
        "fr": ["mine", "minier*", "minière*", "carrière*", "usine*", "chantier*", "site"],
        "es": ["mina", "minería", "mineria", "minero*", "cantera*", "planta", "obra*", "sitio"],
        "zh": ["矿山", "采矿", "矿", "采石场", "工厂", "工地"],
    },
    "agreement": {
        "en": ["agreement", "agree*", "deal", "contract", "memorandum", "commitment*", "promise*"],
        "fr": ["accord", "accords", "convention*", "contrat*", "engagement*", "promesse*", "promis"],
        "es": ["acuerdo", "acuerdos", "convenio*", "contrato*", "compromiso*", "promesa*", "prometi*"],
        "zh": ["协议", "合同", "承诺", "约定"],
    },
    "delay": {
        "en": ["delay", "delays", "delayed", "late", "overdue", "waiting", "postpone*"],
        "fr": ["retard", "retards", "retardé*", "attente", "attendre", "report", "reporté*"],
        "es": ["retraso", "retrasos", "retrasad*", "demora*", "espera", "esperando", "pospuest*", "aplaza*"],
        "zh": ["延误", "延迟", "拖延", "推迟", "逾期", "等待"],
    },
    "price": {
        "en": ["price", "prices", "cost", "costs", "rent", "inflation", "expensive"],
        "fr": ["prix", "coût", "cout", "coûts", "couts", "loyer*", "inflation", "cher", "chers"],
        "es": ["precio", "precios", "costo", "costos", "coste*", "alquiler*", "inflación", "caro", "caros"],
        "zh": ["价格", "物价", "成本", "房租", "通货膨胀", "昂贵"],
    },
    "training": {
        "en": ["training", "train", "skills", "skill", "apprentice*"],
        "fr": ["formation", "formations", "compétence*", "competence*", "apprenti*"],
        "es": ["capacitación", "capacitacion", "formación", "formacion", "habilidad*", "aprendiz*"],
        "zh": ["培训", "技能", "学徒"],
    },
}
