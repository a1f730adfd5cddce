#!/usr/bin/env python3
# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Engagement log to XLSX: the SRM report against Odoo's own list export.

Both exports read the same engagements of one project as the same user
(record rules apply) and write an .xlsx file; each runs in its own Python
process so that their memory peaks do not mix. For each export the script
prints the elapsed time, the growth of the process's peak resident memory
during the export (VmHWM, reset just before the export) and, in a second run of the same export under
tracemalloc, the peak of Python allocations; then the ratios.

  * "srm_reporting": srm.report.log._generate(engagement log, xlsx): the OCA
    report_xlsx report of srm_reporting, written in xlsxwriter's constant-memory
    mode from rows read in batches (and logged with its SHA-256 digest);
  * "odoo_export": what the list view's "Export" (/web/export/xlsx) does:
    search, export_data() of the same columns, ExportXlsxWriter.

Usage:
  # throwaway database with srm_reporting and 100,000 engagements, then measure
  python3 tests/benchmarks/bench_xlsx_export.py -d srm_bench_xlsx --init --rows 100000
  # an existing database (project chosen by code; engagements added up to --rows)
  python3 tests/benchmarks/bench_xlsx_export.py -d mydb --project-code BENCH --rows 100000

Options --addons-path (default: Odoo's addons and the repository root) and
--login (default admin, who must be an SRM manager) select where and as whom.
"""

import argparse
import datetime
import json
import os
import resource
import subprocess
import sys
import time
import tracemalloc

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_ADDONS = ",".join(path for path in ("/opt/odoo18/server/odoo/addons", REPO) if os.path.isdir(path))
FIELDS = [
    ".id", "date", "name", "engagement_type_id", "direction", "project_id", "partner_ids", "topic_ids",
    "iap2_level", "sentiment", "duration", "location", "user_id", "summary", "outcome", "follow_up_date",
    "is_confidential",
]  # fmt: skip
PERIOD = ("2020-01-01", "2029-12-31")


def _status_mb(key):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024.0
    return None


def reset_peak_rss():
    """Reset the process's peak resident memory (Linux), so that it measures the export only."""
    try:
        with open("/proc/self/clear_refs", "w") as clear_refs:
            clear_refs.write("5")
        return True
    except OSError:
        return False


def current_rss_mb():
    return _status_mb("VmRSS") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def peak_rss_mb():
    return _status_mb("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def odoo_env(args):
    import odoo
    from odoo import api
    from odoo.tools import config

    config.parse_config(["-d", args.database, f"--addons-path={args.addons_path}", "--log-level=warn"])
    odoo.service.server.load_server_wide_modules()
    registry = odoo.modules.registry.Registry(args.database)
    cr = registry.cursor()
    env = api.Environment(cr, odoo.SUPERUSER_ID, {})
    user = env["res.users"].search([("login", "=", args.login)], limit=1)
    if not user:
        sys.exit(f"no user with login {args.login!r}")
    return cr, api.Environment(cr, user.id, {"lang": "en_US", "tz": "UTC"})


# ----------------------------------------------------------------------
# Data
# ----------------------------------------------------------------------


def init_database(args):
    """Create the throwaway database with srm_reporting installed (no demo data)."""
    subprocess.run(["dropdb", "--if-exists", args.database], check=True)
    command = [
        sys.executable, "-m", "odoo", "-d", args.database, f"--addons-path={args.addons_path}",
        "-i", "srm_reporting", "--without-demo=all", "--stop-after-init", "--log-level=warn",
        "--http-port", str(args.http_port),
    ]  # fmt: skip
    print("installing srm_reporting in", args.database, "...", flush=True)
    subprocess.run(command, check=True)


def ensure_rows(args):
    """Make sure the benchmark project holds ``args.rows`` engagements (fast SQL inserts)."""
    from odoo import Command

    cr, env = odoo_env(args)
    su = env(su=True)
    Project = su["srm.project"]
    project = Project.search([("code", "=", args.project_code)], limit=1)
    if not project:
        project = Project.create({"name": "XLSX benchmark", "code": args.project_code, "user_id": env.uid})
    count = su["srm.engagement"].search_count([("project_id", "=", project.id)])
    missing = args.rows - count
    if missing <= 0:
        cr.close()
        return project.id, count
    print(f"adding {missing} engagements to project {args.project_code} ...", flush=True)
    partners = su["res.partner"].search([("is_stakeholder", "=", True), ("name", "=like", "Bench stakeholder %")])
    if len(partners) < 2000:
        types = su["srm.stakeholder.type"].search([])
        partners |= (
            su["res.partner"]
            .with_context(tracking_disable=True, mail_create_nolog=True)
            .create(
                [
                    {
                        "name": f"Bench stakeholder {index:05d}",
                        "is_stakeholder": True,
                        "stakeholder_type_id": types[index % len(types)].id,
                        "srm_project_ids": [Command.link(project.id)],
                        "srm_influence": 1 + index % 5,
                        "srm_interest": 1 + (index * 7) % 5,
                    }
                    for index in range(len(partners), 2000)
                ]
            )
        )
    topics = su["srm.topic"].search([("name", "=like", "Bench topic %")])
    if len(topics) < 12:
        topics |= su["srm.topic"].create([{"name": f"Bench topic {index:02d}"} for index in range(len(topics), 12)])
    types = su["srm.engagement.type"].search([])
    su.flush_all()
    cr.execute(
        """
        INSERT INTO srm_engagement (name, engagement_type_id, date, duration, location, direction,
                                    project_id, user_id, iap2_level, sentiment, summary, outcome,
                                    follow_up_needed, follow_up_date, is_confidential, company_id,
                                    create_uid, create_date, write_uid, write_date)
             SELECT 'Bench engagement ' || n,
                    (%(types)s::int[])[1 + n %% array_length(%(types)s::int[], 1)],
                    TIMESTAMP '2024-01-01' + (n * INTERVAL '17 minutes'),
                    (n %% 5) * 0.5,
                    'Village ' || (n %% 40),
                    (ARRAY['outbound', 'inbound', 'mutual'])[1 + n %% 3],
                    %(project)s, %(uid)s,
                    (ARRAY['inform', 'consult', 'involve', 'collaborate', 'empower'])[1 + n %% 5],
                    ((n %% 5) - 2)::varchar,
                    'Summary of the discussion number ' || n || ': concerns about dust, water and jobs were raised.',
                    CASE WHEN n %% 3 = 0 THEN NULL ELSE 'Answer given and follow-up planned for item ' || n END,
                    n %% 7 = 0,
                    CASE WHEN n %% 7 = 0 THEN DATE '2024-02-01' + (n %% 700) END,
                    n %% 50 = 0,
                    %(company)s, %(uid)s, now() at time zone 'UTC', %(uid)s, now() at time zone 'UTC'
               FROM generate_series(%(start)s, %(stop)s) AS n
          RETURNING id
        """,
        {
            "types": types.ids, "project": project.id, "uid": env.uid, "company": project.company_id.id,
            "start": count + 1, "stop": args.rows,
        },
    )  # fmt: skip
    new_ids = [row[0] for row in cr.fetchall()]
    cr.execute(
        """
        INSERT INTO srm_engagement_partner_rel (engagement_id, partner_id)
             SELECT DISTINCT e.id, (%(partners)s::int[])[1 + ((e.id * k) %% array_length(%(partners)s::int[], 1))]
               FROM unnest(%(ids)s::int[]) AS e(id), generate_series(1, 1 + (random() * 2)::int) AS k
        ON CONFLICT DO NOTHING
        """,
        {"partners": partners.ids, "ids": new_ids},
    )
    cr.execute(
        """
        INSERT INTO srm_engagement_srm_topic_rel (srm_engagement_id, srm_topic_id)
             SELECT e.id, (%(topics)s::int[])[1 + e.id %% array_length(%(topics)s::int[], 1)]
               FROM unnest(%(ids)s::int[]) AS e(id)
        ON CONFLICT DO NOTHING
        """,
        {"topics": topics.ids, "ids": new_ids},
    )
    if "date_local" in su["srm.engagement"]._fields:
        from odoo.tools import SQL

        from odoo.addons.srm_base.models.srm_engagement import date_local_update_sql

        cr.execute(date_local_update_sql(SQL("e.id IN %s", tuple(new_ids or [0]))))
    su.invalidate_all()
    partners._srm_update_last_engagement()
    cr.commit()
    cr.close()
    return project.id, args.rows


# ----------------------------------------------------------------------
# The two exports (each run in a child process)
# ----------------------------------------------------------------------


def export_srm(env, project_id):
    log = env["srm.report.log"]._generate(
        {"kind": "engagement_log", "project_ids": [project_id], "date_from": PERIOD[0], "date_to": PERIOD[1]},
        "xlsx",
    )
    return log.attachment_id.sudo().raw, log.record_count


class _FakeRequest:
    """What ExportXlsxWriter reads from the HTTP request: its environment."""

    def __init__(self, env):
        self.env = env


def export_odoo(env, project_id):
    from odoo import http

    from odoo.addons.web.controllers.export import ExcelExport

    Model = env["srm.engagement"].with_context(import_compat=False)
    domain = [
        ("project_id", "=", project_id),
        ("date", ">=", f"{PERIOD[0]} 00:00:00"),
        ("date", "<", f"{PERIOD[1]} 23:59:59"),
    ]
    fields_info = [{"name": name, "label": name, "type": Model._fields[name.lstrip(".")].type} for name in FIELDS]
    http._request_stack.push(_FakeRequest(env))
    try:
        records = Model.search(domain, offset=0, limit=False, order=False)
        rows = records.export_data(FIELDS).get("datas", [])
        content = ExcelExport().from_data(fields_info, [f["label"] for f in fields_info], rows)
    finally:
        http._request_stack.pop()
    return content, len(rows)


FLOOR_QUERY = """
    SELECT e.id, e.date, e.name, t.name->>'en_US', e.direction,
           CASE WHEN p.code IS NOT NULL THEN '[' || p.code || '] ' ELSE '' END || (p.name->>'en_US'),
           (SELECT string_agg(rp.complete_name, ', ' ORDER BY rp.complete_name)
              FROM srm_engagement_partner_rel r JOIN res_partner rp ON rp.id = r.partner_id
             WHERE r.engagement_id = e.id),
           (SELECT string_agg(tp.name->>'en_US', ', ' ORDER BY tp.name->>'en_US')
              FROM srm_engagement_srm_topic_rel r JOIN srm_topic tp ON tp.id = r.srm_topic_id
             WHERE r.srm_engagement_id = e.id),
           e.iap2_level, e.sentiment, e.duration, e.location, up.name, e.summary, e.outcome,
           e.follow_up_date, e.is_confidential
      FROM srm_engagement e
 LEFT JOIN srm_engagement_type t ON t.id = e.engagement_type_id
 LEFT JOIN srm_project p ON p.id = e.project_id
 LEFT JOIN res_users u ON u.id = e.user_id
 LEFT JOIN res_partner up ON up.id = u.partner_id
     WHERE e.project_id = %(project)s AND e.date >= %(start)s AND e.date < %(end)s
       AND e.company_id IN %(companies)s
       AND (%(confidential)s OR e.is_confidential IS NOT TRUE)
  ORDER BY e.date, e.id
"""


def export_floor(env, project_id):
    """The floor: the same rows and cells read by one SQL query applying the same access
    rules (the user's companies, confidential records only with Confidential access), in
    a server-side cursor, written by xlsxwriter in constant-memory mode with typed cells."""
    import io

    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer,
        {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
    )
    sheet = book.add_worksheet("Engagements")
    date_format = book.add_format({"num_format": "yyyy-mm-dd hh:mm", "valign": "top"})
    day_format = book.add_format({"num_format": "yyyy-mm-dd", "valign": "top"})
    text_format = book.add_format({"text_wrap": True, "valign": "top"})
    cell_format = book.add_format({"valign": "top"})
    number_format = book.add_format({"num_format": "#,##0.00", "valign": "top"})
    confidential = env.user.has_group("srm_base.group_srm_confidential")
    header = [
        "ID", "Date", "Subject", "Type", "Initiated by", "Project", "Stakeholders", "Topics", "IAP2 level",
        "Sentiment", "Duration (h)", "Location", "Responsible", "Summary", "Outcome", "Follow-up date",
    ]  # fmt: skip
    if confidential:
        header.append("Confidential")
    for col, label in enumerate(header):
        sheet.write_string(0, col, label, cell_format)
    rows = 0
    with env.cr._cnx.cursor(name="srm_floor") as cursor:
        cursor.itersize = 2000
        cursor.execute(
            FLOOR_QUERY,
            {
                "project": project_id, "start": f"{PERIOD[0]} 00:00:00", "end": f"{PERIOD[1]} 23:59:59",
                "companies": tuple(env.user.company_ids.ids), "confidential": confidential,
            },
        )  # fmt: skip
        for rows, rec in enumerate(cursor, start=1):
            sheet.write_number(rows, 0, rec[0], cell_format)
            sheet.write_datetime(rows, 1, rec[1], date_format)
            for col in (2, 3, 4, 5, 6, 7, 8, 11, 12):
                if rec[col]:
                    sheet.write_string(rows, col, rec[col], cell_format)
            if rec[9]:
                sheet.write_number(rows, 9, int(rec[9]), cell_format)
            sheet.write_number(rows, 10, rec[10] or 0.0, number_format)
            for col in (13, 14):
                if rec[col]:
                    sheet.write_string(rows, col, rec[col], text_format)
            if rec[15]:
                sheet.write_datetime(rows, 15, rec[15], day_format)
            if confidential:
                sheet.write_boolean(rows, 16, bool(rec[16]), cell_format)
    book.close()
    return buffer.getvalue(), rows


EXPORTERS = {"srm_reporting": export_srm, "odoo_export": export_odoo, "floor": export_floor}


def child(args):
    cr, env = odoo_env(args)
    exporter = EXPORTERS[args.child]
    env["srm.engagement"].search_count([])  # warm the registry and the connection
    peak_reset = reset_peak_rss()
    baseline = current_rss_mb()
    if args.tracemalloc:
        tracemalloc.start()
    start = time.perf_counter()
    content, rows = exporter(env, args.project_id)
    elapsed = time.perf_counter() - start
    result = {
        "seconds": elapsed,
        "rows": rows,
        "bytes": len(content),
        "rss_baseline_mb": baseline,
        "peak_reset": peak_reset,
    }
    if args.tracemalloc:
        result["tracemalloc_peak_mb"] = tracemalloc.get_traced_memory()[1] / 1024 / 1024
        tracemalloc.stop()
    result["rss_peak_mb"] = peak_rss_mb()
    cr.rollback()
    cr.close()
    print("RESULT " + json.dumps(result), flush=True)


def run_child(args, name, with_tracemalloc):
    command = [
        sys.executable, os.path.abspath(__file__), "-d", args.database, "--addons-path", args.addons_path,
        "--login", args.login, "--child", name, "--project-id", str(args.project_id),
    ] + (["--tracemalloc"] if with_tracemalloc else [])  # fmt: skip
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("RESULT "))
    return json.loads(line[len("RESULT ") :])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--addons-path", default=DEFAULT_ADDONS)
    parser.add_argument("--login", default="admin")
    parser.add_argument("--init", action="store_true", help="(re)create the database with srm_reporting")
    parser.add_argument("--rows", type=int, default=100000, help="engagements the benchmark project must hold")
    parser.add_argument("--project-code", default="BENCH")
    parser.add_argument("--http-port", type=int, default=8173)
    parser.add_argument("--no-tracemalloc", action="store_true", help="skip the tracemalloc runs")
    parser.add_argument("--child", choices=list(EXPORTERS), help=argparse.SUPPRESS)
    parser.add_argument("--project-id", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--tracemalloc", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args)
    if args.init:
        init_database(args)
    args.project_id, rows = ensure_rows(args)
    print(f"database {args.database}, project {args.project_code}: {rows} engagements", flush=True)
    results = {}
    for name in EXPORTERS:
        print(f"running {name} ...", flush=True)
        result = run_child(args, name, with_tracemalloc=False)
        if not args.no_tracemalloc:
            result["tracemalloc_peak_mb"] = run_child(args, name, with_tracemalloc=True)["tracemalloc_peak_mb"]
        results[name] = result
    print()
    print(f"{'export':<15}{'rows':>9}{'seconds':>10}{'file MB':>9}{'RSS growth MB':>15}{'tracemalloc MB':>16}")
    for name, res in results.items():
        growth = res["rss_peak_mb"] - res["rss_baseline_mb"]
        res["rss_growth_mb"] = growth
        print(
            f"{name:<15}{res['rows']:>9}{res['seconds']:>10.2f}{res['bytes'] / 1048576:>9.1f}"
            f"{growth:>15.1f}{res.get('tracemalloc_peak_mb', float('nan')):>16.1f}"
        )
    ours, odoo_res = results["srm_reporting"], results["odoo_export"]
    print()
    floor = results["floor"]
    print(f"time ratio (srm_reporting / odoo_export): {ours['seconds'] / odoo_res['seconds']:.2f}")
    ratio = ours["seconds"] / floor["seconds"]
    verdict = "met" if ratio <= 1.5 else "NOT met"
    print(f"time ratio (srm_reporting / floor): {ratio:.2f} (goal: at most 1.5, {verdict})")
    if floor["rss_growth_mb"] > 0:
        print(f"RSS growth ratio (srm_reporting / floor): {ours['rss_growth_mb'] / floor['rss_growth_mb']:.2f}")
    if odoo_res["rss_growth_mb"] > 0:
        print(f"RSS growth ratio: {ours['rss_growth_mb'] / odoo_res['rss_growth_mb']:.3f}")
    if "tracemalloc_peak_mb" in ours and odoo_res.get("tracemalloc_peak_mb"):
        print(f"tracemalloc peak ratio: {ours['tracemalloc_peak_mb'] / odoo_res['tracemalloc_peak_mb']:.3f}")
    print(json.dumps({"date": datetime.datetime.now().isoformat(timespec="seconds"), "results": results}))


if __name__ == "__main__":
    main()
