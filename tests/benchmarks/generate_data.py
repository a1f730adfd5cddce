# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fill a database with a realistic SRM volume in minutes.

At ``--scale 1.0``: 100,000 stakeholders, 1,000,000 engagements (with their
stakeholder links and participation lines), 100,000 commitments and 50,000
issues over 20 projects and 3 companies, with text in English, French,
Spanish and Chinese generated from word lists.

Configuration records (companies, projects, users) go through the ORM, so
that every rule and default of the suite applies to them. The bulk rows go in
with PostgreSQL ``COPY``: the ORM would take hours for a million engagements.
What the ORM would have computed is set in SQL the same way the models compute
it (power/interest quadrant, salience, IAP2 level, last engagement date, days
since contact, commercial partner, complete name, normalized email), and the
stored computed fields of srm.commitment and srm.issue, which depend on their
modules' rules, are recomputed with the ORM in batches. ``ANALYZE`` runs at
the end.

Modules that are not installed are skipped with a message
(``skipped: srm_issues not installed``).

Usage (the database must have srm_base installed; create one with
``python3 -m odoo -d srm_scale_full -i srm_base,... --without-demo=all --stop-after-init``)::

    python3 tests/benchmarks/generate_data.py --db srm_scale_full --scale 1.0 --seed 42

Odoo options (``--addons-path``, ``-c``) can follow ``--``.
"""

import argparse
import csv
import datetime
import io
import itertools
import json
import logging
import random
import secrets
import sys
import time

_logger = logging.getLogger("srm.generate_data")

WORDS = {
    "en": (
        "dust noise water road access compensation land meeting community school "
        "clinic river fence cattle jobs training contractor blasting traffic safety "
        "heritage burial site fishing permit survey consultation report monitoring "
        "well drilling night shift wages housing electricity youth elders women "
        "council grievance promise schedule agreement visit"
    ).split(),
    "fr": (
        "poussière bruit eau route accès indemnisation terrain réunion communauté "
        "école dispensaire rivière clôture bétail emplois formation sous-traitant "
        "dynamitage circulation sécurité patrimoine sépulture pêche permis enquête "
        "consultation rapport surveillance puits forage nuit salaires logement "
        "électricité jeunes aînés femmes conseil plainte engagement calendrier accord"
    ).split(),
    "es": (
        "polvo ruido agua camino acceso compensación tierra reunión comunidad "
        "escuela clínica río cerca ganado empleos capacitación contratista voladura "
        "tráfico seguridad patrimonio cementerio pesca permiso encuesta consulta "
        "informe monitoreo pozo perforación noche salarios vivienda electricidad "
        "jóvenes ancianos mujeres consejo queja compromiso calendario acuerdo"
    ).split(),
    "zh": (
        "灰尘 噪音 水源 道路 通行 补偿 土地 会议 社区 学校 诊所 河流 围栏 牲畜 就业 "
        "培训 承包商 爆破 交通 安全 文化遗产 墓地 捕鱼 许可证 调查 协商 报告 监测 水井 "
        "钻探 夜班 工资 住房 电力 青年 长者 妇女 委员会 投诉 承诺 日程 协议"
    ).split(),
}
LANG_CODES = {"en": "en_US", "fr": "fr_FR", "es": "es_ES", "zh": "zh_CN"}
FIRST_NAMES = {
    "en": "John Mary Peter Linda James Susan Robert Karen David Nancy Thomas Sarah".split(),
    "fr": "Jean Marie Pierre Élodie Luc Chloé François Amélie Benoît Zoé Hélène Noël".split(),
    "es": "José María Juan Lucía Andrés Sofía Martín Camila Diego Valentina Iñigo Núñez".split(),
    "zh": "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳".split(),
}
LAST_NAMES = {
    "en": "Smith Johnson Brown Taylor Wilson Evans Walker White Harris Clarke".split(),
    "fr": "Martin Bernard Dubois Lefèvre Moreau Girard Bonnet Dupont Lambert Fontaine".split(),
    "es": "García Rodríguez López Martínez Sánchez Pérez Gómez Díaz Muñoz Peña".split(),
    "zh": "王 李 张 刘 陈 杨 黄 赵 吴 周".split(),
}
ORG_WORDS = {
    "en": ("Council", "Association", "Trust", "Cooperative", "Authority"),
    "fr": ("Conseil", "Association", "Fondation", "Coopérative", "Autorité"),
    "es": ("Consejo", "Asociación", "Fundación", "Cooperativa", "Autoridad"),
    "zh": ("委员会", "协会", "基金会", "合作社", "管理局"),
}
CITIES = {
    "en": "Kalgoorlie Greenfield Riverton Millbrook Ashford".split(),
    "fr": "Rouyn-Noranda Val-d'Or Chibougamau Matagami Malartic".split(),
    "es": "Cajamarca Antofagasta Oruro Potosí Arequipa".split(),
    "zh": "昆明 包头 鞍山 攀枝花 金昌".split(),
}
LANG_WEIGHTS = [("en", 45), ("fr", 20), ("es", 25), ("zh", 10)]

FULL = {
    "companies": 3,
    "projects": 20,
    "users_per_company": 5,
    "stakeholders": 100_000,
    "engagements": 1_000_000,
    "commitments": 100_000,
    "issues": 50_000,
}
COPY_CHUNK = 50_000


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="database with srm_base installed")
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = full volume, 0.01 = quick run")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--years", type=float, default=3.0, help="engagements are spread over this many past years"
    )
    parser.add_argument("--issues", type=int, help="number of issues (default: 50,000 x scale)")
    parser.add_argument("--commitments", type=int, help="number of commitments (default: 100,000 x scale)")
    parser.add_argument(
        "--only-modules",
        action="store_true",
        help="keep the stakeholders and engagements already generated; add only the "
        "commitments and issues (after installing srm_commitments or srm_issues)",
    )
    parser.add_argument("odoo_args", nargs="*", help="options given to Odoo's configuration (after --)")
    return parser.parse_args(argv)


class Generator:
    def __init__(self, env, scale, seed, years):
        self.env = env
        self.cr = env.cr
        self.rng = random.Random(seed)
        self.scale = scale
        self.years = years
        self.now = datetime.datetime.now().replace(microsecond=0)
        self.counts = {key: max(1, round(value * scale)) for key, value in FULL.items()}
        for key in ("companies", "projects", "users_per_company"):
            self.counts[key] = FULL[key]  # the structure stays, only the volume scales
        self.uid = env.uid
        self.installed = set(
            env["ir.module.module"].sudo().search([("state", "=", "installed")]).mapped("name")
        )

    # ------------------------------------------------------------------ helpers
    def lang(self):
        return self.rng.choices([k for k, _ in LANG_WEIGHTS], [w for _, w in LANG_WEIGHTS])[0]

    def sentence(self, lang=None, words=(6, 14)):
        lang = lang or self.lang()
        count = self.rng.randint(*words)
        chosen = self.rng.choices(WORDS[lang], k=count)
        sep = "" if lang == "zh" else " "
        text = sep.join(chosen)
        return (text[:1].upper() + text[1:]) + ("。" if lang == "zh" else ".")

    def paragraph(self, lang=None, sentences=(1, 4)):
        lang = lang or self.lang()
        return " ".join(self.sentence(lang) for _ in range(self.rng.randint(*sentences)))

    def past(self, days):
        return self.now - datetime.timedelta(seconds=self.rng.randint(0, int(days * 86400)))

    def reserve_ids(self, table, count):
        """Reserve ``count`` consecutive ids of ``table`` and return the first one."""
        self.cr.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
        seq = self.cr.fetchone()[0]
        from odoo.tools import SQL

        self.cr.execute(SQL("LOCK TABLE %s IN EXCLUSIVE MODE", SQL.identifier(table)))
        self.cr.execute(
            SQL(
                "SELECT GREATEST((SELECT COALESCE(MAX(id), 0) FROM %s), "
                "COALESCE(pg_sequence_last_value(%s::regclass), 0))",
                SQL.identifier(table),
                seq,
            )
        )
        start = self.cr.fetchone()[0] + 1
        self.cr.execute("SELECT setval(%s, %s)", [seq, start + count - 1])
        return start

    def copy_rows(self, table, columns, rows):
        """COPY rows (iterable of tuples) into table, in chunks; returns the row count."""
        total = 0
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv)"

        def flush():
            buf.seek(0)
            self.cr._obj.copy_expert(sql, buf)
            buf.seek(0)
            buf.truncate()

        pending = 0
        for row in rows:
            writer.writerow(row)
            pending += 1
            total += 1
            if pending >= COPY_CHUNK:
                flush()
                pending = 0
        if pending:
            flush()
        return total

    def column_defaults(self, model, given):
        """Column values of the stored fields not in ``given``: model defaults, and
        the first record of the comodel for a required many2one without default."""
        fields_ = {
            name: field
            for name, field in model._fields.items()
            if field.store
            and field.column_type
            and name not in given
            and name not in ("id", "create_uid", "write_uid", "create_date", "write_date")
            and not field.compute
            and field.type not in ("properties", "binary")
        }
        defaults = model.with_context(active_test=False).default_get(list(fields_))
        values = {}
        for name, field in fields_.items():
            value = defaults.get(name)
            if field.type == "many2one" and field.required and not value:
                value = self.env[field.comodel_name].sudo().with_context(active_test=False).search([], limit=1).id
            if value in (None, False) and not field.required:
                continue
            if field.type == "many2one" and isinstance(value, (list, tuple)):
                value = value[0]
            if field.translate and value:
                value = json.dumps({"en_US": value})
            elif field.type == "boolean":
                value = bool(value)
            values[name] = value
        return values

    def bulk(self, model_name, rows, count, columns):
        """COPY ``count`` rows of ``model_name`` (``rows(first_id)`` yields dicts with
        ``columns``); fills the other columns with the model's defaults."""
        model = self.env[model_name]
        table = model._table
        first = self.reserve_ids(table, count)
        extra = self.column_defaults(model, set(columns))
        cols = ["id", *columns, *extra, "create_uid", "write_uid", "create_date", "write_date"]
        extra_values = tuple(extra.values())
        audit = (self.uid, self.uid, self.now, self.now)

        def tuples():
            for offset, row in enumerate(rows(first)):
                yield (first + offset, *(row[c] for c in columns), *extra_values, *audit)

        started = time.time()
        done = self.copy_rows(table, cols, tuples())
        _logger.info("%s: %d rows in %.1fs", table, done, time.time() - started)
        return first, done

    # ------------------------------------------------------------------ structure (ORM)
    def make_structure(self):
        env = self.env
        Company = env["res.company"].sudo()
        companies = Company.search([], order="id", limit=self.counts["companies"])
        names = ["Andes Copper S.A.", "Nord Minerais Inc.", "Yunnan Lithium Co."]
        while len(companies) < self.counts["companies"]:
            companies |= Company.create({"name": names[len(companies) % len(names)] + f" #{len(companies)}"})
        self.companies = companies
        env.user.sudo().write({"company_ids": [(4, c.id) for c in companies]})
        srm_user = env.ref("srm_base.group_srm_user")
        confidential = env.ref("srm_base.group_srm_confidential")
        Users = env["res.users"].sudo().with_context(no_reset_password=True, mail_create_nolog=True)
        self.users_by_company = {}
        for company in companies:
            users = Users.search([("login", "like", f"srm_scale_c{company.id}_%")])
            for index in range(len(users), self.counts["users_per_company"]):
                groups = [srm_user.id] + ([confidential.id] if index == 0 else [])
                users |= Users.create(
                    {
                        "name": f"Officer {index + 1} of {company.name}",
                        "login": f"srm_scale_c{company.id}_{index}",
                        "password": f"srm_scale_c{company.id}_{index}",
                        "company_id": company.id,
                        "company_ids": [(6, 0, companies.ids)],
                        "groups_id": [(6, 0, groups + [env.ref("base.group_user").id])],
                    }
                )
            self.users_by_company[company.id] = users.ids
        Project = env["srm.project"].sudo()
        projects = Project.search([("code", "like", "SCALE-%")], order="id")
        for index in range(len(projects), self.counts["projects"]):
            company = companies[index % len(companies)]
            projects |= Project.with_company(company).create(
                {
                    "name": f"{self.rng.choice(CITIES[self.lang()])} project {index + 1}",
                    "code": f"SCALE-{index + 1:02d}",
                    "company_id": company.id,
                    "user_id": self.users_by_company[company.id][0],
                    "member_ids": [(6, 0, self.users_by_company[company.id])],
                }
            )
        self.projects = [(p.id, p.company_id.id) for p in projects]
        self.stakeholder_types = env["srm.stakeholder.type"].sudo().search([]).ids or [None]
        self.engagement_types = [
            (t.id, t.default_iap2_level or None) for t in env["srm.engagement.type"].sudo().search([])
        ]
        Topic = env["srm.topic"].sudo()
        topics = Topic.search([])
        for word in WORDS["en"][: max(0, 12 - len(topics))]:
            topics |= Topic.create({"name": word.capitalize()})
        self.topics = topics.ids
        codes = ["CA", "PE", "CL", "CN", "FR", "ES", "AU"]
        self.countries = env["res.country"].sudo().search([("code", "in", codes)]).ids
        env.flush_all()

    # ------------------------------------------------------------------ stakeholders
    def make_stakeholders(self):
        count = self.counts["stakeholders"]
        rng = self.rng
        self.partner_project = {}  # partner id -> project index
        self.project_partners = [[] for _ in self.projects]

        def quadrant(influence, interest):
            if influence >= 4 and interest >= 4:
                return "manage_closely"
            if influence >= 4:
                return "keep_satisfied"
            if interest >= 4:
                return "keep_informed"
            return "monitor"

        salience_map = {
            (True, True, True): "definitive",
            (True, True, False): "dominant",
            (True, False, True): "dangerous",
            (False, True, True): "dependent",
            (True, False, False): "dormant",
            (False, True, False): "discretionary",
            (False, False, True): "demanding",
            (False, False, False): "none",
        }
        has_salience = "srm_salience" in self.env["res.partner"]._fields
        columns = [
            "name", "complete_name", "type", "active", "is_company", "lang", "email", "email_normalized",
            "phone", "city", "country_id", "company_id", "commercial_partner_id", "partner_share", "ref",
            "is_stakeholder", "stakeholder_type_id", "srm_influence", "srm_interest", "srm_legitimacy",
            "srm_urgency", "srm_quadrant", "srm_consent", "srm_do_not_contact", "srm_main_project_id",
            "user_id", "color",
        ]
        if has_salience:
            columns.append("srm_salience")

        def rows(first):
            for offset in range(count):
                pid = first + offset
                lang = self.lang()
                is_org = rng.random() < 0.25
                if is_org:
                    name = f"{rng.choice(CITIES[lang])} {rng.choice(ORG_WORDS[lang])}"
                elif lang == "zh":
                    name = rng.choice(LAST_NAMES[lang]) + rng.choice(FIRST_NAMES[lang])
                else:
                    name = f"{rng.choice(FIRST_NAMES[lang])} {rng.choice(LAST_NAMES[lang])}"
                name = f"{name} {pid}"  # distinct names, like a real register
                email = f"stakeholder{pid}@example.{lang}" if rng.random() < 0.7 else None
                project_index = rng.randrange(len(self.projects))
                project_id, company_id = self.projects[project_index]
                self.partner_project[pid] = project_index
                self.project_partners[project_index].append(pid)
                influence, interest = rng.randint(1, 5), rng.randint(1, 5)
                legitimacy, urgency = rng.randint(1, 5), rng.randint(1, 5)
                do_not_contact = rng.random() < 0.02
                row = {
                    "name": name,
                    "complete_name": name,
                    "type": "contact",
                    "active": True,
                    "is_company": is_org,
                    "lang": LANG_CODES[lang] if LANG_CODES[lang] in self.langs else "en_US",
                    "email": email,
                    "email_normalized": email,
                    "phone": f"+1 555 {pid:07d}" if rng.random() < 0.5 else None,
                    "city": rng.choice(CITIES[lang]),
                    "country_id": rng.choice(self.countries) if self.countries else None,
                    "company_id": company_id,
                    "commercial_partner_id": pid,
                    "partner_share": True,
                    "ref": f"STK-{pid:07d}",
                    "is_stakeholder": True,
                    "stakeholder_type_id": rng.choice(self.stakeholder_types),
                    "srm_influence": influence,
                    "srm_interest": interest,
                    "srm_legitimacy": legitimacy,
                    "srm_urgency": urgency,
                    "srm_quadrant": quadrant(influence, interest),
                    "srm_consent": (not do_not_contact) and rng.random() < 0.6,
                    "srm_do_not_contact": do_not_contact,
                    "srm_main_project_id": project_id,
                    "user_id": rng.choice(self.users_by_company[company_id]),
                    "color": rng.randint(0, 11),
                }
                if has_salience:
                    row["srm_salience"] = salience_map[(influence >= 4, legitimacy >= 4, urgency >= 4)]
                yield row

        self.langs = set(self.env["res.lang"].sudo().search([]).mapped("code"))
        first, done = self.bulk("res.partner", rows, count, columns)
        self.partner_first, self.partner_count = first, done
        # project membership (m2m of res.partner.srm_project_ids == srm.project.stakeholder_ids)
        field = self.env["res.partner"]._fields["srm_project_ids"]
        self.copy_rows(
            field.relation,
            [field.column1, field.column2],
            ((pid, self.projects[idx][0]) for pid, idx in self.partner_project.items()),
        )

    # ------------------------------------------------------------------ engagements
    def make_engagements(self):
        count = self.counts["engagements"]
        rng = self.rng
        days = self.years * 365
        model = self.env["srm.engagement"]
        partner_rel = model._fields["partner_ids"]
        topic_rel = model._fields["topic_ids"]
        directions = ["outbound", "inbound", "mutual"]
        sentiments = [None, "-2", "-1", "0", "0", "1", "1", "2"]
        links = []  # (engagement id, partner id)
        topic_links = []
        last_date = {}
        columns = [
            "name", "engagement_type_id", "iap2_level", "date", "duration", "location", "direction",
            "project_id", "company_id", "user_id", "summary", "outcome", "sentiment", "follow_up_needed",
            "follow_up_date", "is_confidential",
        ]
        # a few stakeholders are engaged far more often than the others (Zipf-like)
        weights_cache = {}

        def pick_partners(project_index, k):
            partners = self.project_partners[project_index]
            if not partners:
                return []
            cum_weights = weights_cache.get(project_index)
            if cum_weights is None:
                cum_weights = weights_cache[project_index] = list(
                    itertools.accumulate(1.0 / (1 + i % 500) for i in range(len(partners)))
                )
            return list(dict.fromkeys(rng.choices(partners, cum_weights=cum_weights, k=k)))

        def rows(first):
            for offset in range(count):
                eid = first + offset
                lang = self.lang()
                project_index = rng.randrange(len(self.projects))
                project_id, company_id = self.projects[project_index]
                type_id, iap2 = rng.choice(self.engagement_types)
                date = self.past(days)
                partners = pick_partners(project_index, rng.choice((1, 1, 1, 2, 2, 3, 5)))
                direction = rng.choice(directions)
                if direction == "outbound":
                    direction = "mutual"  # do-not-contact stakeholders may be among them
                for pid in partners:
                    links.append((eid, pid))
                    if last_date.get(pid) is None or last_date[pid] < date:
                        last_date[pid] = date
                for topic in set(rng.choices(self.topics, k=rng.randint(0, 2))):
                    topic_links.append((eid, topic))
                follow_up = rng.random() < 0.15
                yield {
                    "name": self.sentence(lang, (3, 7)).rstrip(".。"),
                    "engagement_type_id": type_id,
                    "iap2_level": iap2,
                    "date": date,
                    "duration": rng.choice((0.25, 0.5, 1.0, 1.5, 2.0, 3.0)),
                    "location": rng.choice(CITIES[lang]),
                    "direction": direction,
                    "project_id": project_id,
                    "company_id": company_id,
                    "user_id": rng.choice(self.users_by_company[company_id]),
                    "summary": self.paragraph(lang),
                    "outcome": self.sentence(lang) if rng.random() < 0.6 else None,
                    "sentiment": rng.choice(sentiments),
                    "follow_up_needed": follow_up,
                    "follow_up_date": (date + datetime.timedelta(days=14)).date() if follow_up else None,
                    "is_confidential": rng.random() < 0.05,
                }

        first, done = self.bulk("srm.engagement", rows, count, columns)
        self.engagement_first, self.engagement_count = first, done
        started = time.time()
        self.copy_rows(partner_rel.relation, [partner_rel.column1, partner_rel.column2], links)
        self.copy_rows(topic_rel.relation, [topic_rel.column1, topic_rel.column2], topic_links)
        # one participation line per stakeholder and engagement, in the stakeholder's usual capacity
        first_part = self.reserve_ids("srm_engagement_participant", len(links))
        self.cr.execute("SELECT id, stakeholder_type_id FROM res_partner WHERE id >= %s", [self.partner_first])
        capacity = dict(self.cr.fetchall())
        self.copy_rows(
            "srm_engagement_participant",
            ["id", "engagement_id", "partner_id", "capacity_type_id", "attended",
             "create_uid", "write_uid", "create_date", "write_date"],
            (
                (first_part + i, eid, pid, capacity.get(pid), True, self.uid, self.uid, self.now, self.now)
                for i, (eid, pid) in enumerate(links)
            ),
        )
        _logger.info("engagement links: %d stakeholders, %d topics in %.1fs", len(links), len(topic_links),
                     time.time() - started)
        # stored figures of the stakeholders, as srm_base computes them
        self.cr.execute(
            """
            UPDATE res_partner p
               SET srm_last_engagement_date = l.last_date,
                   srm_days_since_contact = (CURRENT_DATE - l.last_date::date)
              FROM (SELECT r.partner_id, MAX(e.date) AS last_date
                      FROM srm_engagement_partner_rel r
                      JOIN srm_engagement e ON e.id = r.engagement_id
                     WHERE r.partner_id >= %s
                  GROUP BY r.partner_id) l
             WHERE p.id = l.partner_id
            """,
            [self.partner_first],
        )
        if "date_local" in self.env["srm.engagement"]._fields:
            # the stored local day of each engagement, as srm_base computes it
            from odoo.tools import SQL

            from odoo.addons.srm_base.models.srm_engagement import date_local_update_sql

            self.cr.execute(date_local_update_sql(SQL("e.id >= %s", first)))
        self.links = links

    # ------------------------------------------------------------------ commitments, issues
    DATE_NAMES = ("date", "date_received", "date_deadline", "date_due", "due_date", "deadline", "date_start")
    TEXT_NAMES = ("description", "summary", "note", "notes")

    def _classify(self, name, field, sequence_field):
        """How ``generic_rows`` fills a field (None: the model's default)."""
        kind = None
        if name == sequence_field:
            kind = "sequence"
        elif field.type == "char" and ("token" in name or "tracking_code" in name or name.endswith("_code")):
            kind = "token"
        elif field.type == "char" and (field.required or name in ("name", "title", "location")):
            kind = "title"
        elif field.type in ("text", "html") and (field.required or name in self.TEXT_NAMES):
            kind = "text"
        elif field.type == "selection" and (name == "state" or (field.required and not field.default)):
            values = [v for v in field.get_values(self.env) if not v.startswith("cancel")]
            kind = ("selection", values)
        elif field.type in ("date", "datetime") and (field.required or name in self.DATE_NAMES):
            kind = field.type
        elif field.type == "many2one" and field.comodel_name == "res.users" and name == "user_id":
            kind = "user"
        elif field.type == "many2one" and field.comodel_name == "res.partner" and field.required:
            kind = "partner"
        elif field.type == "many2one" and field.required:
            kind = ("comodel", self.env[field.comodel_name].sudo().search([]).ids or [None])
        return kind

    def _value(self, kind, lang, offset, company_id, project_index):
        rng = self.rng
        if kind == "sequence":
            return f"{self.seq_prefix}{offset + 1:0{self.seq_padding}d}"
        if kind == "token":
            return secrets.token_hex(8)
        if kind == "title":
            return self.sentence(lang, (3, 8)).rstrip(".。")
        if kind == "text":
            return self.paragraph(lang)
        if isinstance(kind, tuple):
            return rng.choice(kind[1])
        if kind == "date":
            return (self.now + datetime.timedelta(days=rng.randint(-365, 180))).date()
        if kind == "datetime":
            return self.past(365)
        if kind == "user":
            return rng.choice(self.users_by_company[company_id])
        if kind == "partner":
            partners = self.project_partners[project_index]
            return rng.choice(partners) if partners else self.partner_first + rng.randrange(self.partner_count)
        return None

    def generic_rows(self, model_name, count, sequence_field=None):
        """Rows for a model of another module, from its fields: stakeholders,
        project and company consistent, dates spread, selections drawn."""
        model = self.env[model_name]
        rng = self.rng
        skip = {"id", "create_uid", "write_uid", "create_date", "write_date", "company_id", "project_id",
                "is_confidential", "message_main_attachment_id", "active"}
        rows_fields = {}
        for name, field in model._fields.items():
            if (not field.store or not field.column_type or name in skip or field.related
                    or field.type in ("properties", "binary") or (field.compute and field.readonly is not False)):
                continue  # stored computed fields are recomputed after the load
            kind = self._classify(name, field, sequence_field)
            if kind is not None:
                rows_fields[name] = kind
        sequence = None
        self.seq_prefix, self.seq_padding = "", 5
        if sequence_field:
            sequence = self.env["ir.sequence"].sudo().search([("code", "=", model_name)], limit=1)
            if sequence:
                self.seq_prefix, self.seq_padding = sequence._get_prefix_suffix()[0], sequence.padding
        columns = list(rows_fields) + ["company_id", "project_id", "is_confidential"]
        has_active = "active" in model._fields and model._fields["active"].store
        if has_active:
            columns.append("active")

        def rows(first):
            for offset in range(count):
                lang = self.lang()
                project_index = rng.randrange(len(self.projects))
                project_id, company_id = self.projects[project_index]
                row = {"company_id": company_id, "project_id": project_id, "is_confidential": rng.random() < 0.05}
                if has_active:
                    row["active"] = True
                for name, kind in rows_fields.items():
                    row[name] = self._value(kind, lang, offset, company_id, project_index)
                yield row

        return rows, columns, sequence

    def link_stakeholders(self, model_name, first, count):
        field = self.env[model_name]._fields.get("partner_ids")
        if not field or field.type != "many2many" or not field.store:
            return
        rng = self.rng
        self.cr.execute(f"SELECT id, project_id FROM {self.env[model_name]._table} WHERE id >= %s", [first])
        project_index = {pid: i for i, (pid, _c) in enumerate(self.projects)}
        rows = []
        for rid, project_id in self.cr.fetchall():
            partners = self.project_partners[project_index.get(project_id, 0)]
            for pid in set(rng.choices(partners, k=rng.randint(1, 2))) if partners else ():
                rows.append((rid, pid))
        self.copy_rows(field.relation, [field.column1, field.column2], rows)

    def follow_owners(self, model_name, first):
        """Each record followed by its owner, as the ORM's create subscribes the user it is
        assigned to: the daily jobs then find the followers table of a real database (an
        empty one made PostgreSQL check each follower they add against a sequential scan
        of the rows added before in the same transaction, most of their time)."""
        model = self.env[model_name]
        if "user_id" not in model._fields or "message_follower_ids" not in model._fields:
            return
        self.cr.execute(
            f"""
            INSERT INTO mail_followers (res_model, res_id, partner_id)
            SELECT %s, r.id, u.partner_id
              FROM {model._table} r
              JOIN res_users u ON u.id = r.user_id
             WHERE r.id >= %s
            ON CONFLICT DO NOTHING
            """,
            [model_name, first],
        )
        _logger.info("%s: %d followers", model._table, self.cr.rowcount)

    def recompute_stored(self, model_name, first, batch=5000):
        """Recompute with the ORM the stored computed fields of the generated rows."""
        model = self.env[model_name].sudo().with_context(tracking_disable=True, mail_notrack=True)
        fields_ = [
            f for f in model._fields.values()
            if f.store and f.compute and f.column_type and not f.related
        ]
        if not fields_:
            return
        self.cr.execute(f"SELECT id FROM {model._table} WHERE id >= %s ORDER BY id", [first])
        ids = [r[0] for r in self.cr.fetchall()]
        started = time.time()
        for index in range(0, len(ids), batch):
            records = model.browse(ids[index:index + batch])
            for field in fields_:
                self.env.add_to_compute(field, records)
            records.flush_recordset()
            self.env.invalidate_all()
        _logger.info("%s: recomputed %s on %d rows in %.1fs", model._table,
                     ", ".join(f.name for f in fields_), len(ids), time.time() - started)

    def make_module_records(self, module, model_name, key, sequence_field):
        if module not in self.installed or model_name not in self.env:
            print(f"skipped: {module} not installed", flush=True)
            return
        rows, columns, sequence = self.generic_rows(model_name, self.counts[key], sequence_field)
        first, done = self.bulk(model_name, rows, self.counts[key], columns)
        self.link_stakeholders(model_name, first, done)
        self.follow_owners(model_name, first)
        if sequence:
            sequence.write({"number_next": sequence.number_next_actual + done})
        self.recompute_stored(model_name, first)
        print(f"{model_name}: {done} rows", flush=True)

    def sequence_field(self, model_name):
        model = self.env.get(model_name)
        if model is None:
            return None
        for name in ("name", "reference", "ref", "code"):
            field = model._fields.get(name)
            if field is not None and field.type == "char" and field.store and not field.translate:
                default = field.default and field.default(model)
                if default in ("New", "/", model.env._("New")) or name != "name":
                    return name
        return None

    def load_existing(self):
        """The structure and stakeholders of an earlier run of this script."""
        self.make_structure()
        project_index = {pid: i for i, (pid, _c) in enumerate(self.projects)}
        self.project_partners = [[] for _ in self.projects]
        self.cr.execute(
            "SELECT id, srm_main_project_id FROM res_partner WHERE ref LIKE 'STK-%%' ORDER BY id"
        )
        rows = self.cr.fetchall()
        if not rows:
            sys.exit("no generated stakeholder in this database: run without --only-modules first")
        for pid, project_id in rows:
            if project_id in project_index:
                self.project_partners[project_index[project_id]].append(pid)
        self.partner_first, self.partner_count = rows[0][0], len(rows)

    def run_modules_only(self):
        started = time.time()
        self.load_existing()
        self.make_module_records("srm_commitments", "srm.commitment", "commitments",
                                 self.sequence_field("srm.commitment"))
        self.make_module_records("srm_issues", "srm.issue", "issues", self.sequence_field("srm.issue"))
        self.env.flush_all()
        print(f"generated in {time.time() - started:.0f}s", flush=True)

    def run(self):
        started = time.time()
        self.make_structure()
        print(f"structure: {len(self.companies)} companies, {len(self.projects)} projects", flush=True)
        self.make_stakeholders()
        print(f"res.partner: {self.partner_count} stakeholders", flush=True)
        self.make_engagements()
        print(f"srm.engagement: {self.engagement_count} engagements, {len(self.links)} stakeholder links",
              flush=True)
        self.make_module_records("srm_commitments", "srm.commitment", "commitments",
                                 self.sequence_field("srm.commitment"))
        self.make_module_records("srm_issues", "srm.issue", "issues", self.sequence_field("srm.issue"))
        self.env.flush_all()
        self.env.registry.clear_cache()
        print(f"generated in {time.time() - started:.0f}s", flush=True)


def odoo_registry(db, odoo_args=()):
    """Odoo's registry of ``db``, in this process; the repository is on the addons path
    unless the options say otherwise."""
    import pathlib

    import odoo
    from odoo.modules.registry import Registry
    from odoo.tools import config

    options = ["-d", db, "--log-level=warn", *odoo_args]
    if not any(o.startswith(("--addons-path", "-c", "--config")) for o in options):
        repo = pathlib.Path(__file__).resolve().parents[2]
        odoo_addons = pathlib.Path(odoo.__file__).parent / "addons"
        options.append(f"--addons-path={odoo_addons},{repo}")
    config.parse_config(options)
    odoo.modules.module.initialize_sys_path()
    return Registry(db)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    import odoo

    registry = odoo_registry(args.db, args.odoo_args)
    logging.getLogger("srm.generate_data").setLevel(logging.INFO)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        if "srm.engagement" not in env:
            sys.exit(f"database {args.db} has no srm_base installed")
        env = odoo.api.Environment(cr, env.ref("base.user_admin").id, {"tracking_disable": True})
        env = env(su=True)
        generator = Generator(env, args.scale, args.seed, args.years)
        for key in ("issues", "commitments"):
            if getattr(args, key) is not None:
                generator.counts[key] = getattr(args, key)
        if args.only_modules:
            generator.run_modules_only()
        else:
            # the rows are consistent by construction: skip the foreign-key triggers
            # during the load (superuser only; otherwise they simply run)
            try:
                with cr.savepoint(flush=False):
                    cr.execute("SET LOCAL session_replication_role = replica")
            except Exception:  # noqa: BLE001
                _logger.info("foreign keys checked row by row (not a PostgreSQL superuser)")
            generator.run()
        cr.commit()
    # ANALYZE outside the transaction, so the planner sees the new volume at once
    with registry.cursor() as cr:
        cr._cnx.autocommit = True
        started = time.time()
        cr.execute("ANALYZE")
        print(f"ANALYZE in {time.time() - started:.0f}s", flush=True)


if __name__ == "__main__":
    main()
