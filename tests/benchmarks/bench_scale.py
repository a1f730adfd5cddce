# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Time and SQL queries of the SRM suite's main operations at scale, each next to
a baseline measured in the same run.

Run it on a database filled by ``generate_data.py``; Odoo runs in this process
(no HTTP: what is measured is the server's work of each call the web client or
a cron makes)::

    python3 tests/benchmarks/bench_scale.py --db srm_scale_full --small-db srm_scale_001

Every operation runs as the admin user made SRM manager (all companies, all
confidential records), in one transaction that is rolled back at the end:
the benchmark changes nothing in the database, except the crons of other
modules, which commit their batches as they do in production.

``--small-db`` measures the stakeholder list and form on a second (smaller)
database too, to show that their query counts do not grow with the data.

Columns: time is the median of ``--repeat`` warm runs (the first run fills
Odoo's caches as a running server has them), queries is the number of SQL
statements of one run.
"""

import argparse
import datetime
import io
import os
import pathlib
import statistics
import sys
import time

from lxml import etree

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

from generate_data import odoo_registry  # noqa: E402

RESULTS = []


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--small-db", help="a smaller database for the query-count comparison")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--import-rows", type=int, default=10_000)
    parser.add_argument("--export-rows", type=int, default=100_000)
    parser.add_argument(
        "--only", default="", help="comma-separated operation groups: list,form,search,dashboard,import,cron,export"
    )
    parser.add_argument("odoo_args", nargs="*")
    return parser.parse_args(argv)


# ---------------------------------------------------------------------- measuring
def measure(env, func, repeat=3, warm=True):
    """(median seconds, queries of the last run, result) of ``func(env)``."""
    cr = env.cr
    if warm:
        func(env)
        env.invalidate_all()
    times, queries, result = [], 0, None
    for _ in range(max(1, repeat)):
        env.invalidate_all()
        before = cr.sql_log_count
        start = time.perf_counter()
        result = func(env)
        env.flush_all()
        times.append(time.perf_counter() - start)
        queries = cr.sql_log_count - before
    return statistics.median(times), queries, result


def measure_pair(env, func, baseline, repeat=3):
    """``measure`` of ``func`` and of its ``baseline``, run alternately (one run of each per
    repetition, after a warm run of each): on a shared machine, load that varies during the
    measure then weighs on both alike, and their ratio says more than two medians taken
    one after the other."""
    cr = env.cr
    for warm in (func, baseline):
        warm(env)
        env.invalidate_all()
    times, queries, results = ([], []), [0, 0], [None, None]
    for _ in range(max(1, repeat)):
        for index, run in enumerate((func, baseline)):
            env.invalidate_all()
            before = cr.sql_log_count
            start = time.perf_counter()
            results[index] = run(env)
            env.flush_all()
            times[index].append(time.perf_counter() - start)
            queries[index] = cr.sql_log_count - before
    return tuple((statistics.median(times[index]), queries[index], results[index]) for index in (0, 1))


def report(group, label, srm, baseline, baseline_label, note="", goal=None, max_queries=None):
    """Print a row; ``goal``: the highest ratio to the baseline the issue allows,
    ``max_queries``: the highest query count; the verdict is added to the note."""
    verdicts = []
    if goal and srm and baseline and baseline[0] > 0:
        ratio = srm[0] / baseline[0]
        verdicts.append(f"goal x{goal:g}: {'met' if ratio <= goal else 'NOT met'}")
    if max_queries is not None and srm:
        verdicts.append(f"goal {max_queries} queries: {'met' if srm[1] <= max_queries else 'NOT met'}")
    if verdicts:
        note = "; ".join(filter(None, [note, *verdicts]))
    row = (group, label, srm, baseline, baseline_label, note)
    RESULTS.append(row)
    print_row(row, flush=True)


def fmt(value):
    if value is None:
        return "skipped", "-"
    seconds, queries = value[0], value[1]
    return f"{seconds * 1000:9.1f} ms", f"{queries}"


def print_row(row, flush=False):
    group, label, srm, baseline, baseline_label, note = row
    t1, q1 = fmt(srm)
    t2, q2 = fmt(baseline)
    ratio = ""
    if srm and baseline and baseline[0] > 0:
        ratio = f"x{srm[0] / baseline[0]:.1f}"
    print(
        f"| {label:<46} | {t1:>12} | {q1:>7} | {baseline_label:<34} | {t2:>12} | {q2:>7} | {ratio:>6} | {note}",
        flush=flush,
    )


# ---------------------------------------------------------------------- views to specs
# What the web client reads for a widget (Odoo 18's web and mail field components): of the
# records an x2many column names (``relatedFields``; an x2many column without a subview and
# without such a widget reads their ids only) and of the row itself (``fieldDependencies``).
X2MANY_WIDGET_FIELDS = {"many2many_tags": ("display_name",)}
ACTIVITY_FIELDS = (
    "activity_exception_decoration",
    "activity_exception_icon",
    "activity_state",
    "activity_summary",
    "activity_type_icon",
    "activity_type_id",
)
WIDGET_DEPENDENCIES = {"list_activity": ACTIVITY_FIELDS, "kanban_activity": ACTIVITY_FIELDS}


def _field_spec(model, name):
    field = model._fields[name]
    return {"fields": {"display_name": {}}} if field.type == "many2one" else {}


def _node_spec(model, node):
    """web_read specification of the <field> nodes below ``node`` (not inside subviews),
    as the web client builds it from the view."""
    from odoo.tools.safe_eval import safe_eval

    spec = {}
    for field_node in node.iter("field"):
        # keep only the fields of this level: skip fields of x2many subviews
        parent = field_node.getparent()
        nested = False
        while parent is not None and parent is not node:
            if parent.tag == "field":
                nested = True
                break
            parent = parent.getparent()
        if nested:
            continue
        name = field_node.get("name")
        field = model._fields.get(name)
        if field is None:
            continue
        widget = field_node.get("widget")
        if field.type == "many2one":
            spec[name] = {"fields": {"display_name": {}}}
        elif field.type in ("one2many", "many2many"):
            comodel = model.env[field.comodel_name]
            subviews = [child for child in field_node if child.tag in ("list", "kanban", "form")]
            if subviews:
                sub = _node_spec(comodel, subviews[0])
                spec[name] = {"fields": sub, "limit": 40} if field.type == "one2many" else {"fields": sub}
            elif widget in X2MANY_WIDGET_FIELDS:
                sub = dict.fromkeys(X2MANY_WIDGET_FIELDS[widget], {})
                color_field = safe_eval(field_node.get("options") or "{}").get("color_field")
                if color_field:
                    sub[color_field] = {}
                spec[name] = {"fields": sub}
            else:
                spec[name] = {}
        else:
            spec[name] = {}
        for dependency in WIDGET_DEPENDENCIES.get(widget, ()):
            if dependency in model._fields and dependency not in spec:
                spec[dependency] = _field_spec(model, dependency)
    return spec


def view_spec(env, model_name, view_id, view_type):
    views = env[model_name].get_views([(view_id, view_type)])
    arch = etree.fromstring(views["views"][view_type]["arch"])
    return _node_spec(env[model_name], arch), arch


def without_srm_views(env):
    """Deactivate the views added by SRM modules (rolled back at the end of the run):
    Odoo's own Contacts views as they are without the suite."""
    data = env["ir.model.data"].sudo().search(
        [("model", "=", "ir.ui.view"), ("module", "=like", "srm\\_%")]
    )
    views = env["ir.ui.view"].sudo().browse(data.mapped("res_id")).exists().filtered("inherit_id")
    views.write({"active": False})
    env.registry.clear_cache("templates")
    env.registry.clear_cache()
    return views


# ---------------------------------------------------------------------- operations
class Bench:
    def __init__(self, env, args):
        self.env = env
        self.cr = env.cr
        self.args = args
        self.only = set(filter(None, args.only.split(",")))
        # installed and loaded (a module whose dependencies are missing is not loaded)
        self.installed = set(
            env["ir.module.module"].sudo().search([("state", "=", "installed")]).mapped("name")
        ) & set(env.registry._init_modules)

    def wants(self, group):
        return not self.only or group in self.only

    # -- specs
    def prepare_specs(self):
        from odoo.tools.safe_eval import safe_eval

        env = self.env
        action = env.ref("srm_base.res_partner_action_stakeholder")
        list_view = env.ref("srm_base.res_partner_view_list_stakeholder")
        self.stk_domain = list(safe_eval(action.domain or "[]"))
        self.stk_list_spec, arch = view_spec(env, "res.partner", list_view.id, "list")
        self.stk_order = arch.get("default_order") or ""
        self.stk_form_spec, _arch = view_spec(env, "res.partner", False, "form")
        eng_list = env["srm.engagement"].get_views([(False, "list")])["views"]["list"]
        self.eng_list_spec = _node_spec(env["srm.engagement"], etree.fromstring(eng_list["arch"]))
        self.eng_export_fields = [f for f in self.eng_list_spec if f != "message_ids" and not f.startswith("activity_")]
        # Odoo's own Contacts, with the suite's view extensions switched off
        savepoint = self.cr.savepoint()
        without_srm_views(env)
        contacts_action = env.ref("contacts.action_contacts", raise_if_not_found=False)
        self.contacts_domain = list(safe_eval(contacts_action.domain or "[]")) if contacts_action else []
        self.contacts_list_spec, arch = view_spec(env, "res.partner", env.ref("base.view_partner_tree").id, "list")
        self.contacts_order = arch.get("default_order") or ""
        self.contacts_form_spec, _arch = view_spec(env, "res.partner", env.ref("base.view_partner_form").id, "form")
        env.flush_all()
        savepoint.close(rollback=True)
        env.invalidate_all()
        env.registry.clear_cache("templates")
        env.registry.clear_cache()

    # -- list / form
    def op_list(self, env=None):
        env = env or self.env

        def srm(e):
            return e["res.partner"].with_context(default_is_stakeholder=True).web_search_read(
                self.stk_domain, self.stk_list_spec, limit=80, order=self.stk_order, count_limit=10001
            )

        def contacts(e):
            return e["res.partner"].web_search_read(
                self.contacts_domain, self.contacts_list_spec, limit=80, order=self.contacts_order,
                count_limit=10001,
            )

        return measure(env, srm, self.args.repeat), measure(env, contacts, self.args.repeat)

    def busiest_partner(self, env=None):
        env = env or self.env
        env.cr.execute(
            "SELECT partner_id FROM srm_engagement_partner_rel GROUP BY partner_id ORDER BY COUNT(*) DESC LIMIT 1"
        )
        row = env.cr.fetchone()
        return row[0] if row else env["res.partner"].search([("is_stakeholder", "=", True)], limit=1).id

    def op_form(self, env=None, partner_id=None):
        env = env or self.env
        partner_id = partner_id or self.busiest_partner(env)

        def srm(e):
            return e["res.partner"].browse(partner_id).web_read(self.stk_form_spec)

        def contacts(e):
            return e["res.partner"].browse(partner_id).web_read(self.contacts_form_spec)

        return measure(env, srm, self.args.repeat), measure(env, contacts, self.args.repeat), partner_id

    def run_list_form(self):
        if self.wants("list"):
            srm, base = self.op_list()
            count = srm[2]["length"]
            report("list", f"stakeholder list, first 80 of {count}", srm, base, "Contacts list (same partners)")
        if self.wants("form"):
            srm, base, pid = self.op_form()
            env = self.env
            self.cr.execute("SELECT COUNT(*) FROM srm_engagement_partner_rel WHERE partner_id = %s", [pid])
            n = self.cr.fetchone()[0]
            report("form", f"stakeholder form + smart buttons ({n} engagements)", srm, base, "Contacts form",
                   goal=2, max_queries=20)
            median_pid = env["res.partner"].search([("is_stakeholder", "=", True)], limit=1, offset=500).id
            srm, base, pid = self.op_form(partner_id=median_pid)
            report("form", "stakeholder form, an ordinary stakeholder", srm, base, "Contacts form",
                   goal=2, max_queries=20)
            srm, base, pid = self.op_form(partner_id=self.profiled_partner(env))
            report("form", "stakeholder form, every profile field filled", srm, base, "Contacts form",
                   goal=2, max_queries=20)

    def profiled_partner(self, env):
        """An ordinary stakeholder given a type, a region, a title, a country, a salesperson,
        tags, segments, projects and a main project (rolled back with the run)."""
        from odoo import Command

        Partner = env["res.partner"].sudo()
        partner = Partner.search([("is_stakeholder", "=", True)], limit=1, offset=1000)
        tags = env["res.partner.category"].sudo().search([], limit=2) or env["res.partner.category"].sudo().create(
            [{"name": "Landowners' association"}, {"name": "Water users"}]
        )
        projects = env["srm.project"].sudo().search([], limit=2)
        Region = env["srm.region"].sudo()
        region = Region.search([], limit=1) or Region.create({"name": "Upper valley"})
        segments = env["srm.segment"].sudo().search([], limit=3) or env["srm.segment"].sudo().create(
            [{"name": name} for name in ("Landowners", "Water users", "Youth")]
        )
        partner.write({
            "stakeholder_type_id": env["srm.stakeholder.type"].sudo().search([], limit=1).id,
            "srm_region_id": region.id,
            "title": env["res.partner.title"].sudo().search([], limit=1).id,
            "country_id": env.ref("base.cl").id,
            "user_id": env.uid,
            "category_id": [Command.set(tags.ids)],
            "srm_segment_ids": [Command.set(segments.ids)],
            "srm_project_ids": [Command.set(projects.ids)],
            "srm_main_project_id": projects[:1].id,
        })
        env.flush_all()
        return partner.id

    # -- engagement searches
    RAW_PAGE = """
        SELECT e.id, e.date, e.name, t.name->>'en_US', p.name->>'en_US', e.iap2_level, e.sentiment,
               up.name, e.follow_up_needed, e.is_confidential, c.name,
               ARRAY(SELECT rp.complete_name FROM srm_engagement_partner_rel r
                       JOIN res_partner rp ON rp.id = r.partner_id
                      WHERE r.engagement_id = e.id AND ({partner_rules}))
          FROM srm_engagement e
     LEFT JOIN srm_engagement_type t ON t.id = e.engagement_type_id
     LEFT JOIN srm_project p ON p.id = e.project_id
     LEFT JOIN res_users u ON u.id = e.user_id
     LEFT JOIN res_partner up ON up.id = u.partner_id
     LEFT JOIN res_company c ON c.id = e.company_id
         WHERE ({where}) AND ({rules})
      ORDER BY e.date DESC, e.id DESC
         LIMIT 80
    """
    RAW_COUNT = "SELECT COUNT(*) FROM (SELECT 1 FROM srm_engagement e WHERE ({where}) AND ({rules}) LIMIT 10001) s"

    # the stakeholders named in a row: those the user may read (active, of their companies)
    RAW_PARTNER_RULES = (
        "rp.active AND (rp.partner_share IS NOT TRUE OR rp.company_id IN %(companies)s OR rp.company_id IS NULL)"
    )
    # and, for a project-restricted user, the stakeholders of their projects only
    RAW_PARTNER_RULES_RESTRICTED = (
        RAW_PARTNER_RULES + " AND (rp.is_stakeholder IS NOT TRUE OR EXISTS (SELECT 1 FROM srm_project_partner_rel pp"
        " WHERE pp.partner_id = rp.id AND pp.project_id IN %(projects)s))"
    )

    def search_users(self):
        """(label, env, SQL access rules, SQL rules of the stakeholders named) of the users
        the searches run as: the rules are written by hand from what each user may read
        (companies, confidential records, projects), the raw SQL's own version of the
        record rules."""
        env = self.env
        users = [("manager", env, "e.company_id IN %(companies)s", self.RAW_PARTNER_RULES)]
        Users = env["res.users"].sudo()
        user = Users.search([("login", "=like", "srm_scale_c%\\_1")], limit=1)
        if user:
            user_env = env(user=user, context=dict(env.context, allowed_company_ids=user.company_ids.ids))
            users.append(
                ("user", user_env, "e.company_id IN %(companies)s AND e.is_confidential IS NOT TRUE",
                 self.RAW_PARTNER_RULES)
            )
        projects = env["srm.project"].search([], limit=3)
        restricted = Users.with_context(no_reset_password=True).create({
            "name": "Benchmark restricted officer",
            "login": "srm_bench_restricted",
            "groups_id": [(6, 0, [env.ref("srm_base.group_srm_restricted").id, env.ref("base.group_user").id])],
            "company_ids": [(6, 0, env.companies.ids)],
            "company_id": env.company.id,
            "srm_project_ids": [(6, 0, projects.ids)],
        })
        restricted_env = env(user=restricted, context=dict(env.context, allowed_company_ids=env.companies.ids))
        users.append(
            ("project-restricted", restricted_env,
             "e.company_id IN %(companies)s AND e.is_confidential IS NOT TRUE AND e.project_id IN %(projects)s",
             self.RAW_PARTNER_RULES_RESTRICTED)
        )
        self.search_projects = projects
        env.flush_all()
        return users

    def raw_search(self, where, rules, params, partner_rules="TRUE"):
        """The raw SQL page and capped count of a search, as a function of an environment."""

        def raw(e):
            e.cr.execute(self.RAW_PAGE.format(where=where, rules=rules, partner_rules=partner_rules), params)
            rows = e.cr.fetchall()
            e.cr.execute(self.RAW_COUNT.format(where=where, rules=rules), params)
            return [r[0] for r in rows], e.cr.fetchone()[0]

        return raw

    def run_searches(self):
        pid = self.busiest_partner()
        today = datetime.date.today()
        month_start = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
        month_end = today.replace(day=1)
        word = "compensation"
        users = self.search_users()
        project = self.search_projects[:1]
        searches = [
            ("by stakeholder", [("partner_ids", "in", [pid])],
             "EXISTS (SELECT 1 FROM srm_engagement_partner_rel r WHERE r.engagement_id = e.id "
             "AND r.partner_id = %(pid)s)"),
            ("by project", [("project_id", "=", project.id)], "e.project_id = %(project)s"),
            ("by period (last month)", [("date", ">=", str(month_start)), ("date", "<", str(month_end))],
             "e.date >= %(d1)s AND e.date < %(d2)s"),
            (f"by text ('{word}' in subject or summary)",
             ["|", ("name", "ilike", word), ("summary", "ilike", word)],
             "e.name ILIKE %(w)s OR e.summary ILIKE %(w)s"),
            ("by project + period + text",
             [("project_id", "=", project.id), ("date", ">=", str(today - datetime.timedelta(days=365))),
              ("summary", "ilike", word)],
             "e.project_id = %(project)s AND e.date >= %(y)s AND e.summary ILIKE %(w)s"),
        ]
        for user_label, user_env, rules, partner_rules in users:
            params = {"pid": pid, "project": project.id, "d1": month_start, "d2": month_end, "w": f"%{word}%",
                      "y": today - datetime.timedelta(days=365),
                      "companies": tuple(user_env.companies.ids), "projects": tuple(self.search_projects.ids)}
            for label, domain, where in searches:
                def srm(e, domain=tuple(domain)):
                    return e["srm.engagement"].web_search_read(
                        list(domain), self.eng_list_spec, limit=80, count_limit=10001
                    )

                s, b = measure_pair(
                    user_env, srm, self.raw_search(where, rules, params, partner_rules), self.args.repeat
                )
                same = [r["id"] for r in s[2]["records"]] == b[2][0] and s[2]["length"] == b[2][1]
                report("search", f"{user_label}: engagements {label}: {s[2]['length']} found", s, b,
                       "raw SQL page + count, same rules", "same page and count" if same else "DIFFERENT page",
                       goal=3)

    # -- dashboard
    def run_dashboard(self):
        env = self.env
        if "srm_reporting" not in self.installed:
            print("skipped: srm_reporting not installed (dashboard)")
            report("dashboard", "dashboard figures", None, None, "raw SQL", "srm_reporting not installed")
            return
        Dashboard = env["srm.dashboard"]
        flt = Dashboard._dashboard_filters({})
        soon = datetime.datetime.now().replace(microsecond=0) + datetime.timedelta(days=7)
        params = {"d1": flt["date_from"], "d2": flt["date_to"], "companies": tuple(env.companies.ids), "soon": soon}

        def srm(e):
            return e["srm.dashboard"].get_data({})

        def raw(e, local=False):
            cr = e.cr
            out = {}
            cr.execute(
                """SELECT date_trunc('month', date_local)::date m, engagement_type_id, COUNT(*),
                          AVG(NULLIF(sentiment, '')::int)
                     FROM srm_engagement
                    WHERE date_local >= %(d1)s AND date_local <= %(d2)s AND company_id IN %(companies)s
                 GROUP BY 1, 2"""
                if local
                else """SELECT date_trunc('month', date) m, engagement_type_id, COUNT(*),
                          AVG(NULLIF(sentiment, '')::int)
                     FROM srm_engagement
                    WHERE date >= %(d1)s AND date < (%(d2)s::date + 1) AND company_id IN %(companies)s
                 GROUP BY 1, 2""",
                params,
            )
            out["by_month"] = cr.fetchall()
            cr.execute(
                """SELECT srm_quadrant, COUNT(*),
                          COUNT(*) FILTER (WHERE srm_last_engagement_date IS NULL
                                              OR srm_last_engagement_date < now() - interval '90 days')
                     FROM res_partner
                    WHERE is_stakeholder AND active
                      AND (company_id IS NULL OR company_id IN %(companies)s)
                 GROUP BY 1""",
                params,
            )
            out["grid"] = cr.fetchall()
            # the dashboard's issue and commitment figures, under the rules the benchmark
            # user has there (companies; both grievance scopes, as a worker grievance officer)
            if "srm_issues" in self.installed:
                cr.execute(
                    """SELECT severity, COUNT(*), COUNT(*) FILTER (WHERE is_sla_breached),
                              COUNT(*) FILTER (WHERE is_sla_breached IS NOT TRUE
                                                 AND date_next_due <= %(soon)s)
                         FROM srm_issue
                        WHERE active AND is_closed IS NOT TRUE AND company_id IN %(companies)s
                          AND grievance_scope IN ('community', 'worker')
                     GROUP BY 1""",
                    params,
                )
                out["issues"] = cr.fetchall()
            if "srm_commitments" in self.installed:
                cr.execute(
                    """SELECT project_id, COUNT(*) FROM srm_commitment
                        WHERE is_overdue AND company_id IN %(companies)s GROUP BY 1""",
                    params,
                )
                out["commitments"] = cr.fetchall()
            return out

        def raw_local(e):
            """The same figures, the months read from the stored local day (srm_base 18.0.1.2)."""
            return raw(e, local=True)

        s = measure(env, srm, self.args.repeat)
        b = measure(env, raw, self.args.repeat)
        if "date_local" in env["srm.engagement"]._fields:
            bl = measure(env, raw_local, self.args.repeat)
            report("dashboard", "dashboard figures (last 12 months)", s, bl,
                   "raw SQL, same figures, local day", goal=1.5)
        kpis = {k["key"]: k["value"] for k in s[2]["kpis"]}
        compared = [("engagements", kpis.get("engagements"), sum(r[2] for r in b[2]["by_month"]))]
        if "issues" in b[2]:
            compared.append(("open issues", s[2]["issues"]["open"]["value"], sum(r[1] for r in b[2]["issues"])))
            compared.append((
                "issues past a deadline",
                sum(row["cells"][0]["value"] for row in s[2]["issues"]["rows"]),
                sum(r[2] for r in b[2]["issues"]),
            ))
        if "commitments" in b[2]:
            compared.append((
                "overdue commitments", s[2]["commitments"]["overdue"]["value"], sum(r[1] for r in b[2]["commitments"])
            ))
        differences = [f"{label} {srm_value} vs raw {raw_value}" for label, srm_value, raw_value in compared
                       if srm_value != raw_value]
        check = "; ".join(differences) or "figures equal"
        report("dashboard", "dashboard figures (last 12 months)", s, b, "raw SQL, same figures", check, goal=1.5)
        verdict = "met" if s[0] < 1 else "NOT met"
        print(f"dashboard: {s[0] * 1000:.0f} ms (goal: under 1 s, {verdict})", flush=True)

    # -- import
    def import_file(self, rows):
        import xlsxwriter

        buf = io.BytesIO()
        book = xlsxwriter.Workbook(buf, {"in_memory": True})
        sheet = book.add_worksheet("Stakeholders")
        header = ["Name", "Email", "Phone", "City", "Reference", "Influence", "Interest"]
        sheet.write_row(0, 0, header)
        for i in range(rows):
            sheet.write_row(
                i + 1, 0,
                [f"Imported stakeholder {i} Zoë 王{i}", f"imported{i}@example.org", f"+33 6 {i:08d}",
                 "Chibougamau", f"IMP-{i:06d}", 1 + i % 5, 1 + (i * 7) % 5],
            )
        book.close()
        return header, buf.getvalue()

    def run_import(self):
        env = self.env
        rows = self.args.import_rows
        header, content = self.import_file(rows)
        options = {"has_headers": True, "quoting": '"', "separator": ",", "date_format": "", "datetime_format": "",
                   "float_thousand_separator": ",", "float_decimal_separator": ".", "fields": [],
                   "import_skip_records": [], "import_set_empty_fields": [], "fallback_values": {},
                   "name_create_enabled_fields": {}, "sheet": "Stakeholders", "keep_matches": False,
                   "limit": rows + 10, "skip": 0, "tracking_disable": True}

        def run(context, fields):
            def go(e):
                savepoint = e.cr.savepoint()
                wizard = e["base_import.import"].with_context(**context).create({
                    "res_model": "res.partner",
                    "file": content,
                    "file_name": "stakeholders.xlsx",
                    "file_type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                })
                fields_all = list(fields) + [False] * (len(header) - len(fields))
                result = wizard.execute_import(fields_all, header, dict(options), dryrun=False)
                e.flush_all()
                savepoint.close(rollback=True)
                e.invalidate_all()
                return result
            return go

        srm_fields = ["name", "email", "phone", "city", "ref", "srm_influence", "srm_interest"]
        base_fields = ["name", "email", "phone", "city", "ref"]
        s = measure(env, run({"default_is_stakeholder": True, "tracking_disable": True}, srm_fields), 1, warm=False)
        b = measure(env, run({"tracking_disable": True}, base_fields), 1, warm=False)
        msgs = [m.get("message") for m in (s[2].get("messages") or []) + (b[2].get("messages") or [])][:2]
        note = (f"{len(s[2].get('ids') or [])} stakeholders / {len(b[2].get('ids') or [])} contacts created"
                + (f"; messages: {msgs}" if msgs else ""))
        report("import", f"import {rows} stakeholders from XLSX", s, b, "Contacts import, same file", note)

    # -- crons
    def run_crons(self):
        env = self.env
        for module, model in (("srm_commitments", "srm.commitment"), ("srm_issues", "srm.issue")):
            if module not in self.installed:
                print(f"skipped: {module} not installed (cron)")
                report("cron", f"{module} crons", None, None, "-", f"{module} not installed")
                continue
            crons = env["ir.cron"].sudo().search([("model_id.model", "=", model)])
            for cron in crons:
                for attempt in ("first run", "second run"):
                    def go(e, cron=cron):
                        e["ir.cron"].sudo().browse(cron.id).method_direct_trigger()

                    s = measure(env, go, 1, warm=False)
                    env.cr.execute("SELECT COUNT(*) FROM mail_activity WHERE res_model = %s", [model])
                    activities = env.cr.fetchone()[0]
                    report("cron", f"{cron.name} ({attempt})", s, None, "-", f"{activities} activities on {model}")

    # -- export
    def run_export(self):
        env = self.env
        rows = self.args.export_rows
        env.cr.execute("SELECT date FROM srm_engagement ORDER BY date DESC OFFSET %s LIMIT 1", [rows - 1])
        found = env.cr.fetchone()
        date_from = found[0] if found else datetime.datetime(2000, 1, 1)
        domain = [("date", ">=", date_from)]
        fields = self.eng_export_fields

        def odoo_export(e):
            from types import SimpleNamespace

            from odoo.http import _request_stack

            from odoo.addons.web.controllers.export import ExportXlsxWriter

            # the writer reads the currencies' decimal places through the request
            _request_stack.push(SimpleNamespace(env=e))
            try:
                return odoo_export_rows(e, ExportXlsxWriter)
            finally:
                _request_stack.pop()

        def odoo_export_rows(e, ExportXlsxWriter):
            records = e["srm.engagement"].search(domain)
            data = records.export_data(fields).get("datas", [])
            with ExportXlsxWriter(fields, [e["srm.engagement"]._fields[f].string for f in fields], len(data)) as xlsx:
                for row_index, row in enumerate(data):
                    for cell_index, cell in enumerate(row):
                        xlsx.write_cell(row_index + 1, cell_index, cell)
            return len(data), len(xlsx.value)

        b = measure(env, odoo_export, 1, warm=False)
        if "srm_reporting" not in self.installed:
            print("skipped: srm_reporting not installed (XLSX export)")
            report("export", f"XLSX export of {b[2][0]} engagements", None, b, "Odoo list export (xlsx)",
                   "srm_reporting not installed")
            return
        builder = env["srm.report.builder"]
        local_date = (date_from + datetime.timedelta(days=1)).date()
        filters = builder._normalize_filters(
            {"kind": "engagement_log", "date_from": str(local_date), "date_to": str(datetime.date.today())}
        )

        def srm_export(e):
            # as users get it: produced and filed in the report archive (rolled back at the end)
            return e["srm.report.log"]._generate(filters, "xlsx").file_size

        s = measure(env, srm_export, 1, warm=False)
        report("export", f"XLSX engagement log (~{b[2][0]} rows)", s, b, "Odoo list export (xlsx)",
               f"{s[2] // 1024} KiB vs {b[2][1] // 1024} KiB")

    def run(self):
        self.prepare_specs()
        self.run_list_form()
        if self.wants("search"):
            self.run_searches()
        if self.wants("dashboard"):
            self.run_dashboard()
        if self.wants("import"):
            self.run_import()
        if self.wants("export"):
            self.run_export()
        if self.wants("cron"):
            self.run_crons()


def bench_env(cr):
    import odoo

    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
    admin = env.ref("base.user_admin")
    admin.sudo().write({
        "groups_id": [(4, env.ref("srm_base.group_srm_manager").id)],
        "company_ids": [(6, 0, env["res.company"].search([]).ids)],
    })
    env.flush_all()
    companies = env["res.company"].search([]).ids
    return odoo.api.Environment(cr, admin.id, {"allowed_company_ids": companies, "lang": "en_US", "tz": "UTC"})


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    registry = odoo_registry(args.db, args.odoo_args)
    header = (f"| {'operation':<46} | {'time':>12} | {'queries':>7} | {'baseline':<34} | {'time':>12} | "
              f"{'queries':>7} | {'ratio':>6} | note")
    print(f"database {args.db}, repeat {args.repeat}, pid {os.getpid()}")
    print(header)
    print("|" + "|".join("-" * (len(part)) for part in header.split("|")[1:]))
    with registry.cursor() as cr:
        env = bench_env(cr)
        bench = Bench(env, args)
        try:
            bench.run()
        finally:
            cr.rollback()
    if args.small_db:
        from odoo.modules.registry import Registry

        small = Registry(args.small_db)
        with registry.cursor() as cr_big, small.cursor() as cr_small:
            env_big, env_small = bench_env(cr_big), bench_env(cr_small)
            big, small_bench = Bench(env_big, args), Bench(env_small, args)
            big.prepare_specs()
            small_bench.prepare_specs()
            n_big = env_big["res.partner"].search_count([("is_stakeholder", "=", True)])
            n_small = env_small["res.partner"].search_count([("is_stakeholder", "=", True)])
            print(f"\nquery counts at two sizes: {args.small_db} ({n_small} stakeholders) "
                  f"vs {args.db} ({n_big} stakeholders)")
            for label, func in (("stakeholder list", "op_list"), ("stakeholder form (busiest)", "op_form")):
                q_small = getattr(small_bench, func)()[0][1]
                q_big = getattr(big, func)()[0][1]
                verdict = "same" if q_small == q_big else "DIFFERENT"
                print(f"  {label:<28} {q_small:>4} queries at {n_small} vs {q_big:>4} at {n_big}: {verdict}")
            cr_big.rollback()
            cr_small.rollback()


if __name__ == "__main__":
    main()
