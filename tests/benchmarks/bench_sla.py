# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Service levels of srm_issues at volume: the recompute of the issues' stored fields
and the service-level cron, each next to the per-issue computation they replaced,
measured in the same run on the same issues.

::

    python3 tests/benchmarks/bench_sla.py --db srm_bench_sla --issues 2000 --drop

The database is a throwaway one: created with srm_issues (no demo data) when it does
not exist, filled with 3 companies whose working calendars are in 3 time zones (with
public holidays), teams, the default service levels plus a working-hours one and a
company one, and ``--issues`` issues received over the last 400 days (inserted in SQL,
their stored fields left empty, as ``generate_data.py`` does), then committed.
``--drop`` drops it (and its filestore) at the end.

Rows (time, SQL queries):

* recompute of the stored computed fields of every issue through the ORM, in one batch
  as ``generate_data.py`` does, against the same code called one issue at a time (on
  ``--single`` issues, extrapolated to all); the due dates of both must be equal;
* the service-level cron on the same open issues (breach flags of the deadlines that
  passed in the last 7 days reset, as if they passed since the last run), against Odoo's
  own way of doing the same: ``activity_schedule`` for each issue and passed deadline
  (each assignee notified of each activity), the flags written issue by issue. The
  activities (issue, assignee, type, summary, deadline) and the flags of both must be
  equal; a second run of the cron must add nothing. The messages sent by each are
  counted: one digest per person against one notification per activity.

The deadlines, due-date and status fields come from ``srm_issues.models.srm_issue``.
Each measured variant runs in a savepoint rolled back afterwards, so that every variant
starts from the same data; the crons' commits per batch are replaced by flushes.
"""

import argparse
import contextlib
import datetime
import os
import pathlib
import random
import subprocess
import sys
import time
from unittest.mock import patch

import pytz

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

from generate_data import odoo_registry  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parents[2]
TIMEZONES = ["Europe/Paris", "America/Lima", "Asia/Shanghai"]


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="srm_bench_sla", help="throwaway database (created if missing)")
    parser.add_argument("--issues", type=int, default=2000)
    parser.add_argument("--single", type=int, default=200,
                        help="issues recomputed one at a time (the per-issue baseline of the current code)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--drop", action="store_true", help="drop the database at the end")
    parser.add_argument("--http-port", default="8079", help="port of the install subprocess")
    parser.add_argument("odoo_args", nargs="*", help="options given to Odoo's configuration (after --)")
    return parser.parse_args(argv)


# ---------------------------------------------------------------------- Odoo's own way (baseline)
def odoo_way_sla_check(model):
    """The cron's work done the way an addon usually does it with mail.activity.mixin:
    the same issues and deadlines, one ``activity_schedule`` per issue and passed
    deadline (mail notifies each assignee of each activity), flags written per issue."""
    from odoo import fields

    from odoo.addons.srm_issues.models.srm_issue import DEADLINES

    Issue = model.sudo().with_context(active_test=False)
    Issue.search(Issue._srm_stale_status_domain(fields.Datetime.now()))._srm_refresh_sla_status()
    today = fields.Date.context_today(Issue)
    for issue in Issue.search(Issue._srm_to_escalate_domain(), order="id"):
        assignee = issue._srm_escalation_assignees()[issue]
        vals = {}
        for deadline in DEADLINES:
            if not issue[deadline.breached_field] or issue[deadline.done_field] or issue[deadline.escalated_field]:
                continue
            if assignee:
                issue.activity_schedule(
                    "srm_issues.mail_activity_type_issue_escalation",
                    date_deadline=today,
                    summary=model.env._(deadline.label),
                    user_id=assignee.id,
                    automated=True,
                )
            vals[deadline.escalated_field] = True
        if vals:
            issue.write(vals)
    return True


# ---------------------------------------------------------------------- database
def ensure_database(args):
    import odoo.service.db

    if odoo.service.db.exp_db_exist(args.db):
        return
    print(f"creating {args.db} (srm_issues, no demo data)", flush=True)
    addons = f"{REPO},{pathlib.Path(odoo.__file__).parent / 'addons'}"
    subprocess.run(
        [sys.executable, "-m", "odoo", "-d", args.db, f"--addons-path={addons}", "-i", "srm_issues",
         "--without-demo=all", "--stop-after-init", "--log-level=warn", f"--http-port={args.http_port}"],
        check=True,
    )


def populate(env, count, seed):
    """Companies with calendars in three time zones, teams, rules and ``count`` issues."""
    from odoo import Command

    rng = random.Random(seed)
    cr = env.cr
    cr.execute("DELETE FROM mail_activity WHERE res_model = 'srm.issue'")
    cr.execute("DELETE FROM srm_issue")
    companies = env["res.company"].search([], order="id")
    for index in range(len(companies), 3):
        companies |= env["res.company"].create({"name": f"SLA bench company {index + 1}"})
    companies = companies[:3]
    now = datetime.datetime.now().replace(microsecond=0)
    setup = []
    Users = env["res.users"].with_context(no_reset_password=True)
    for index, (company, tz) in enumerate(zip(companies, TIMEZONES, strict=True)):
        calendar = company.resource_calendar_id
        if not calendar:
            calendar = env["resource.calendar"].create({"name": f"Standard ({tz})", "company_id": company.id})
            company.resource_calendar_id = calendar
        calendar.tz = tz
        env["resource.calendar.leaves"].search([("calendar_id", "=", calendar.id)]).unlink()
        holidays = []
        for year in (now.year - 2, now.year - 1, now.year):
            for month, day in ((1, 1), (5, 1), (12, 25)):
                local = pytz.timezone(tz).localize(datetime.datetime(year, month, day))
                start = local.astimezone(pytz.utc).replace(tzinfo=None)
                holidays.append({"name": f"Holiday {year}-{month}-{day}", "calendar_id": calendar.id,
                                 "company_id": company.id, "date_from": start,
                                 "date_to": start + datetime.timedelta(hours=23, minutes=59)})
        env["resource.calendar.leaves"].create(holidays)
        login = f"sla_bench_leader_{index}"
        leader = Users.search([("login", "=", login)]) or Users.create({
            "name": f"Team leader {index + 1}", "login": login, "email": f"{login}@example.com",
            "company_id": company.id, "company_ids": [Command.set(companies.ids)],
            "groups_id": [Command.link(env.ref("srm_base.group_srm_manager").id)],
        })
        officer_login = f"sla_bench_officer_{index}"
        officer = Users.search([("login", "=", officer_login)]) or Users.create({
            "name": f"Officer {index + 1}", "login": officer_login, "email": f"{officer_login}@example.com",
            "company_id": company.id, "company_ids": [Command.set(companies.ids)],
            "groups_id": [Command.link(env.ref("srm_base.group_srm_user").id)],
        })
        team = env["srm.issue.team"].search([("company_id", "=", company.id), ("user_id", "=", leader.id)],
                                            limit=1)
        team = team or env["srm.issue.team"].create(
            {"name": f"Liaison {index + 1}", "company_id": company.id, "user_id": leader.id})
        project = env["srm.project"].with_company(company).search([("code", "=", f"SLA-{index}")], limit=1)
        project = project or env["srm.project"].with_company(company).create(
            {"name": f"Site {index + 1}", "code": f"SLA-{index}", "company_id": company.id})
        setup.append((company.id, project.id, team.id, officer.id))
    Sla = env["srm.issue.sla"]
    if not Sla.search([("name", "=", "Water, working hours")]):
        Sla.create({"name": "Water, working hours", "severity": "3",
                    "category_id": env.ref("srm_issues.srm_issue_category_water").id,
                    "ack_delay": 16, "ack_unit": "working_hours",
                    "investigation_delay": 10, "investigation_unit": "working_days",
                    "resolution_delay": 30, "resolution_unit": "days"})
        Sla.create({"name": f"{companies[1].name}, moderate", "severity": "2", "company_id": companies[1].id,
                    "ack_delay": 1, "ack_unit": "working_days",
                    "investigation_delay": 40, "investigation_unit": "working_hours",
                    "resolution_delay": 20, "resolution_unit": "working_days"})
    categories = env["srm.issue.category"].search([]).ids + [None]
    stages = {xmlid: env.ref(f"srm_issues.srm_issue_stage_{xmlid}").id
              for xmlid in ("new", "acknowledged", "investigation", "closed")}
    rows = []
    for number in range(count):
        company_id, project_id, team_id, officer_id = rng.choice(setup)
        received = now - datetime.timedelta(seconds=rng.randint(3600, 400 * 86400))
        draw = rng.random()
        acked = investigated = resolved = closed = None
        stage = "new"
        if draw > 0.55:
            stage, acked = "acknowledged", received + datetime.timedelta(hours=rng.randint(2, 200))
        if draw > 0.75:
            stage, investigated = "investigation", acked + datetime.timedelta(days=rng.randint(1, 30))
        if draw > 0.85:
            stage, resolved = "closed", investigated + datetime.timedelta(days=rng.randint(1, 40))
            closed = resolved
        acked, investigated, resolved, closed = (min(d, now) if d else None
                                                 for d in (acked, investigated, resolved, closed))
        rows.append((
            f"SLA-BENCH-{number + 1:06d}", f"Bench issue {number + 1}", "grievance", "community", "in_person",
            received, rng.choice("1234"), rng.choice("1234"), stages[stage], stage == "closed",
            "upheld" if stage == "closed" else None, company_id, project_id, rng.choice(categories),
            team_id if rng.random() < 0.8 else None, officer_id if rng.random() < 0.7 else None,
            acked, investigated, resolved, closed, False, True, env.uid, env.uid, now, now,
        ))
    columns = ("reference, name, kind, grievance_scope, channel, date_received, severity, likelihood, stage_id, "
               "is_closed, outcome, company_id, project_id, category_id, team_id, user_id, date_acknowledged, "
               "date_investigated, date_resolved, date_closed, is_confidential, active, create_uid, write_uid, "
               "create_date, write_date")
    placeholders = "(" + ", ".join(["%s"] * len(columns.split(","))) + ")"
    for start in range(0, len(rows), 1000):
        chunk = rows[start:start + 1000]
        cr.execute(f"INSERT INTO srm_issue ({columns}) VALUES " + ", ".join([placeholders] * len(chunk)),
                   [value for row in chunk for value in row])
    env.flush_all()
    env.invalidate_all()


# ---------------------------------------------------------------------- measuring
@contextlib.contextmanager
def rolled_back(env, name):
    """Run in a savepoint that is rolled back; commits become flushes."""
    from odoo.tools import SQL

    cr = env.cr
    env.flush_all()
    cr.execute(SQL("SAVEPOINT %s", SQL.identifier(name)))
    try:
        with patch.object(cr, "commit", cr.flush):
            yield
        env.flush_all()
    finally:
        cr.execute(SQL("ROLLBACK TO SAVEPOINT %s", SQL.identifier(name)))
        env.invalidate_all()
        env.transaction.clear()
        env.registry.clear_cache()


def timed(env, func):
    cr = env.cr
    before = cr.sql_log_count
    start = time.perf_counter()
    result = func()
    env.flush_all()
    return time.perf_counter() - start, cr.sql_log_count - before, result


def row(label, measured, baseline=None, baseline_label="", note=""):
    seconds, queries = measured[0], measured[1]
    line = f"| {label:<52} | {seconds:9.2f} s | {queries:>7} |"
    if baseline:
        ratio = baseline[0] / seconds if seconds else 0
        line += f" {baseline_label:<46} | {baseline[0]:9.2f} s | {baseline[1]:>7} | x{ratio:.1f} faster |"
    else:
        line += f" {baseline_label:<46} | {'':>11} | {'':>7} | {'':>13} |"
    print(f"{line} {note}", flush=True)


def stored_computed_fields(model):
    return [f for f in model._fields.values() if f.store and f.compute and f.column_type and not f.related]


def recompute(env, ids, one_at_a_time=False):
    """Recompute the stored computed fields of ``ids`` as generate_data.py does."""
    model = env["srm.issue"].sudo().with_context(tracking_disable=True, mail_notrack=True)
    fields_ = stored_computed_fields(model)
    groups = [[issue_id] for issue_id in ids] if one_at_a_time else [ids[i:i + 5000] for i in range(0, len(ids), 5000)]
    for group in groups:
        records = model.browse(group)
        for field in fields_:
            env.add_to_compute(field, records)
        records.flush_recordset()
    env.invalidate_all()
    return len(fields_)


def read_rows(env, columns, ids):
    env.flush_all()
    env.cr.execute(f"SELECT id, {', '.join(columns)} FROM srm_issue WHERE id = ANY(%s) ORDER BY id",
                   [list(ids)])
    return env.cr.fetchall()


def activities(env):
    env.flush_all()
    env.cr.execute(
        """SELECT a.res_id, a.user_id, a.activity_type_id, a.summary, a.date_deadline
             FROM mail_activity a WHERE a.res_model = 'srm.issue' ORDER BY 1, 2, 4, 5"""
    )
    return env.cr.fetchall()


def notifications(env):
    """Messages sent to people (activity notifications, digests) so far."""
    env.flush_all()
    env.cr.execute("SELECT COUNT(*) FROM mail_message WHERE message_type = 'user_notification'")
    return env.cr.fetchone()[0]


def bench_recompute(env, ids, single):
    from odoo.addons.srm_issues.models.srm_issue import DUE_FIELDS

    sample = ids[:single]
    with rolled_back(env, "single"):
        one = timed(env, lambda: recompute(env, sample, one_at_a_time=True))
        single_rows = read_rows(env, DUE_FIELDS, sample)
    new = timed(env, lambda: recompute(env, ids))
    nfields = new[2]
    new_rows = read_rows(env, DUE_FIELDS, ids)
    same = new_rows[:single] == single_rows
    verdict = "due dates equal" if same else "DUE DATES DIFFER"
    print(f"\nrecompute of {nfields} stored fields, {len(ids)} issues ({verdict})", flush=True)
    # the per-issue baseline, extrapolated from the sample to every issue
    per_issue = (one[0] / len(sample) * len(ids), round(one[1] / len(sample) * len(ids)))
    row(f"recompute, {len(ids)} issues in one batch", new, per_issue, f"one at a time ({len(sample)}, extrapolated)",
        f"{new[0] / len(ids) * 1000:.2f} ms / issue against {one[0] / len(sample) * 1000:.1f}, "
        f"{one[1] / len(sample):.1f} queries / issue one at a time")
    if not same:
        for new_row, single_row in zip(new_rows, single_rows, strict=False):
            if new_row != single_row:
                print(f"  first difference: batch {new_row} one at a time {single_row}")
                break
    return same


def bench_cron(env, ids):
    from odoo import fields

    from odoo.addons.srm_issues.models.srm_issue import DEADLINES, SLA_STATUS_FIELDS

    status_fields = SLA_STATUS_FIELDS + [deadline.escalated_field for deadline in DEADLINES]
    cron = env.ref("srm_issues.ir_cron_srm_issue_sla")
    cron_env = env(user=cron.user_id.id, context={"lang": "en_US"})
    # deadlines that passed in the last 7 days: their flags turn true in this run
    now = fields.Datetime.now()
    for deadline in DEADLINES:
        env.cr.execute(
            f"UPDATE srm_issue SET {deadline.breached_field} = false WHERE {deadline.due_field} BETWEEN %s AND %s",
            [now - datetime.timedelta(days=7), now],
        )
    any_breached = " OR ".join(deadline.breached_field for deadline in DEADLINES)
    env.cr.execute(f"UPDATE srm_issue SET is_sla_breached = {any_breached}")
    env.invalidate_all()
    env.cr.execute("SELECT COUNT(*) FROM srm_issue WHERE NOT is_closed AND is_sla_breached")
    breached_before = env.cr.fetchone()[0]

    def run(func):
        progress = cron_env["ir.cron.progress"].sudo().create({"cron_id": cron.id, "remaining": 0, "done": 0})
        model = cron_env["srm.issue"].with_context(ir_cron_progress_id=progress.id)
        return lambda: func(model)

    sent_before = notifications(env)
    with rolled_back(env, "odoo_way"):
        baseline = timed(env, run(odoo_way_sla_check))
        baseline_result = (activities(env), read_rows(env, status_fields, ids))
        baseline_sent = notifications(env) - sent_before
    with rolled_back(env, "cron"):
        new = timed(env, run(lambda model: model._cron_srm_sla_check()))
        new_result = (activities(env), read_rows(env, status_fields, ids))
        new_sent = notifications(env) - sent_before
        second = timed(env, run(lambda model: model._cron_srm_sla_check()))
        after_second = activities(env)
        second_sent = notifications(env) - sent_before - new_sent
    created = len(new_result[0])
    same = new_result == baseline_result
    verdict = "activities and flags equal" if same else "RESULTS DIFFER"
    print(f"\nservice-level cron, {len(ids)} issues, {breached_before} open and already breached, "
          f"{created} activities ({verdict})", flush=True)
    row("cron, first run", new, baseline, "activity_schedule per issue and deadline",
        f"{created} activities; messages sent: {new_sent} (one per person) against {baseline_sent}")
    row("cron, second run", second, None, "",
        f"{len(after_second) - created} activities and {second_sent} messages added")
    if not same:
        print(f"  activities: {len(new_result[0])} by the cron, {len(baseline_result[0])} by the baseline; "
              f"flags equal: {new_result[1] == baseline_result[1]}")
    return same and len(after_second) == created and not second_sent


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    import odoo
    from odoo.tools import config

    config.parse_config(["--log-level=warn", *args.odoo_args])
    ensure_database(args)
    registry = odoo_registry(args.db, args.odoo_args)
    print(f"database {args.db}, {args.issues} issues, pid {os.getpid()}", flush=True)
    ok = True
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"lang": "en_US", "tz": "UTC"})
        if "srm.issue" not in env:
            sys.exit(f"database {args.db} has no srm_issues installed")
        started = time.perf_counter()
        populate(env, args.issues, args.seed)
        cr.commit()
        print(f"{args.issues} issues inserted in {time.perf_counter() - started:.1f}s", flush=True)
        cr.execute("SELECT id FROM srm_issue ORDER BY id")
        ids = [r[0] for r in cr.fetchall()]
        ok &= bench_recompute(env, ids, args.single)
        ok &= bench_cron(env, ids)
        cr.rollback()
    if args.drop:
        import odoo.service.db

        odoo.service.db.exp_drop(args.db)  # the database and its filestore
        print(f"dropped {args.db}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
