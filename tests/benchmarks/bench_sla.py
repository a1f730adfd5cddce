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

* recompute of the 17 stored computed fields of every issue through the ORM, in one
  batch as ``generate_data.py`` does: the current code, against the previous code
  (each issue walking the calendar with its own queries, kept below as ``legacy_*``)
  and against the current code called one issue at a time (on ``--single`` issues);
  the due dates of the three must be equal;
* the service-level cron on the same open issues (breach flags of the deadlines that
  passed in the last 7 days reset, as if they passed since the last run): the current
  cron against the previous one; activities, their assignees and texts, and the flags
  must be equal; a second run of the current cron must add nothing. For reference, the
  current cron once more without mail.activity's notification of each assignee (what
  is left of the first run's time is that notification).

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
import threading
import time
from unittest.mock import patch

import pytz

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

from generate_data import odoo_registry  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parents[2]
DUE_FIELDS = ["date_ack_due", "date_investigation_due", "date_resolution_due"]
STATUS_FIELDS = ["is_ack_breached", "is_investigation_breached", "is_resolution_breached", "is_sla_breached",
                 "date_next_due", "ack_escalated", "investigation_escalated", "resolution_escalated"]
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


# ---------------------------------------------------------------------- previous code (baseline)
# The service-level code of srm_issues before due dates were computed per calendar and
# escalations created per batch, verbatim except for the method calls between them.

def legacy_add_working_days(start, days, calendar, cache=None):
    tz = pytz.timezone(calendar.tz or "UTC")
    local_day = pytz.utc.localize(start).astimezone(tz).date()
    key = (calendar.id, local_day, days)
    if cache is not None and key in cache:
        return cache[key]
    window_start = tz.localize(datetime.datetime.combine(local_day + datetime.timedelta(days=1), datetime.time.min))
    day_ends = {}
    due = False
    for _step in range(60):  # at most 60 fortnights ahead
        window_end = window_start + datetime.timedelta(days=14)
        intervals = calendar._work_intervals_batch(window_start, window_end)[False]
        for _start, stop, _meta in intervals:
            day = stop.astimezone(tz).date()
            if day not in day_ends or stop > day_ends[day]:
                day_ends[day] = stop
        if len(day_ends) >= days:
            due_aware = day_ends[sorted(day_ends)[days - 1]]
            due = due_aware.astimezone(pytz.utc).replace(tzinfo=None)
            break
        window_start = window_end
    if not due:
        due = start + datetime.timedelta(days=days)
    if cache is not None:
        cache[key] = due
    return due


def legacy_add_delay(start, delay, unit, calendar, cache=None):
    if not start or not delay:
        return False
    if unit == "hours" or (unit == "working_hours" and not calendar):
        return start + datetime.timedelta(hours=delay)
    if unit == "days" or (unit == "working_days" and not calendar):
        return start + datetime.timedelta(days=delay)
    if unit == "working_hours":
        due = calendar.plan_hours(delay, start, compute_leaves=True)
        return due.replace(tzinfo=None) if due else start + datetime.timedelta(hours=delay)
    return legacy_add_working_days(start, int(round(delay)) or 1, calendar, cache)


def legacy_compute_due_dates(self):
    cache = {}
    for issue in self:
        sla = issue.sla_id.sudo()
        if not sla or not issue.date_received:
            issue.date_ack_due = False
            issue.date_investigation_due = issue.date_investigation_revised
            issue.date_resolution_due = issue.date_resolution_revised
            continue
        calendar = issue.company_id.sudo().resource_calendar_id
        received = issue.date_received
        issue.date_ack_due = legacy_add_delay(received, sla.ack_delay, sla.ack_unit, calendar, cache)
        issue.date_investigation_due = issue.date_investigation_revised or legacy_add_delay(
            received, sla.investigation_delay, sla.investigation_unit, calendar, cache
        )
        issue.date_resolution_due = issue.date_resolution_revised or legacy_add_delay(
            received, sla.resolution_delay, sla.resolution_unit, calendar, cache
        )


def legacy_schedule_activity(self, user, summary, note=None):
    from odoo import fields

    activity_type = self.env.ref(
        "srm_issues.mail_activity_type_issue_escalation", raise_if_not_found=False
    ) or self.env.ref("mail.mail_activity_data_todo")
    for issue in self:
        assignee = user or issue.user_id or issue.team_id.user_id or issue.project_id.user_id
        if not assignee:
            continue
        issue.sudo().activity_schedule(
            activity_type_id=activity_type.id,
            summary=summary,
            note=note,
            user_id=assignee.id,
            date_deadline=fields.Date.context_today(issue),
        )


def legacy_schedule_escalation(self, summary, note=None):
    for issue in self:
        leader = issue.team_id.user_id or issue.project_id.user_id or issue.user_id
        legacy_schedule_activity(issue, leader, summary, note)


def legacy_escalate_breaches(self):
    from odoo import tools

    labels = {
        "ack": self.env._("Acknowledgement deadline passed"),
        "investigation": self.env._("Investigation deadline passed"),
        "resolution": self.env._("Resolution deadline passed"),
    }
    for issue in self:
        vals = {}
        for key, breached, done, due in (
            ("ack", issue.is_ack_breached, issue.date_acknowledged, issue.date_ack_due),
            ("investigation", issue.is_investigation_breached, issue.date_investigated,
             issue.date_investigation_due),
            ("resolution", issue.is_resolution_breached, issue.date_resolved, issue.date_resolution_due),
        ):
            if not breached or done or issue[f"{key}_escalated"]:
                continue
            note = self.env._(
                "%(ref)s was due on %(due)s. Act now or send the complainant an interim "
                "notice with a revised date.",
                ref=issue.reference,
                due=tools.format_datetime(self.env, due),
            )
            legacy_schedule_escalation(issue, labels[key], note)
            vals[f"{key}_escalated"] = True
        if vals:
            issue.write(vals)


def legacy_cron_sla_check(self, batch_size=200):
    from odoo import fields
    from odoo.tools import split_every

    now = fields.Datetime.now()
    Issue = self.sudo().with_context(active_test=False)
    auto_commit = not getattr(threading.current_thread(), "testing", False)
    Cron = self.env["ir.cron"]
    stale = Issue.search(
        [
            ("is_closed", "=", False),
            "|", "|",
            "&", "&", ("date_acknowledged", "=", False), ("date_ack_due", "<", now),
            ("is_ack_breached", "=", False),
            "&", "&", ("date_investigated", "=", False), ("date_investigation_due", "<", now),
            ("is_investigation_breached", "=", False),
            "&", "&", ("date_resolved", "=", False), ("date_resolution_due", "<", now),
            ("is_resolution_breached", "=", False),
        ]
    )
    to_escalate_domain = [
        ("is_closed", "=", False),
        "|", "|",
        "&", "&", ("is_ack_breached", "=", True), ("date_acknowledged", "=", False),
        ("ack_escalated", "=", False),
        "&", "&", ("is_investigation_breached", "=", True), ("date_investigated", "=", False),
        ("investigation_escalated", "=", False),
        "&", "&", ("is_resolution_breached", "=", True), ("date_resolved", "=", False),
        ("resolution_escalated", "=", False),
    ]
    done = 0
    for batch_ids in split_every(batch_size, stale.ids):
        Issue.browse(batch_ids)._srm_refresh_sla_status()
        done += len(batch_ids)
        if auto_commit:
            self.env.cr.commit()
    to_escalate = Issue.search(to_escalate_domain)
    remaining = len(to_escalate)
    for batch_ids in split_every(batch_size, to_escalate.ids):
        legacy_escalate_breaches(Issue.browse(batch_ids))
        done += len(batch_ids)
        remaining -= len(batch_ids)
        Cron._notify_progress(done=done, remaining=remaining)
        if auto_commit:
            self.env.cr.commit()
    if not to_escalate:
        Cron._notify_progress(done=done, remaining=0)
    return done


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
        """SELECT a.res_id, a.user_id, a.activity_type_id, a.summary, a.note::text, a.date_deadline
             FROM mail_activity a WHERE a.res_model = 'srm.issue' ORDER BY 1, 2, 4, 5"""
    )
    return env.cr.fetchall()


def bench_recompute(env, ids, single):
    Issue = type(env["srm.issue"])
    results = {}
    with rolled_back(env, "legacy"):
        with patch.object(Issue, "_compute_due_dates", legacy_compute_due_dates):
            legacy = timed(env, lambda: recompute(env, ids))
        results["legacy"] = read_rows(env, DUE_FIELDS, ids)
    sample = ids[:single]
    with rolled_back(env, "single"):
        one = timed(env, lambda: recompute(env, sample, one_at_a_time=True))
        results["single"] = read_rows(env, DUE_FIELDS, sample)
    new = timed(env, lambda: recompute(env, ids))
    nfields = new[2]
    results["new"] = read_rows(env, DUE_FIELDS, ids)
    same = results["new"] == results["legacy"] and results["new"][:single] == results["single"]
    verdict = "due dates equal" if same else "DUE DATES DIFFER"
    print(f"\nrecompute of {nfields} stored fields, {len(ids)} issues ({verdict})", flush=True)
    row(f"recompute, {len(ids)} issues in one batch", new, legacy, "previous code, same batch",
        f"{new[0] / len(ids) * 1000:.2f} ms / issue against {legacy[0] / len(ids) * 1000:.1f}")
    per_issue = (one[0] / len(sample) * len(ids), one[1] / len(sample) * len(ids))
    row(f"recompute, {len(sample)} issues one at a time", one, None, "",
        f"{one[0] / len(sample) * 1000:.1f} ms / issue, {one[1] / len(sample):.1f} queries / issue "
        f"(x{per_issue[0] / new[0]:.0f} the batch's time for {len(ids)})")
    if not same:
        for new_row, legacy_row in zip(results["new"], results["legacy"], strict=True):
            if new_row != legacy_row:
                print(f"  first difference: new {new_row} previous {legacy_row}")
                break
    return same


def bench_cron(env, ids):
    from odoo import fields

    cron = env.ref("srm_issues.ir_cron_srm_issue_sla")
    cron_env = env(user=cron.user_id.id, context={"lang": "en_US"})
    # deadlines that passed in the last 7 days: their flags turn true in this run
    now = fields.Datetime.now()
    for key in ("ack", "investigation", "resolution"):
        env.cr.execute(
            f"UPDATE srm_issue SET is_{key}_breached = false WHERE date_{key}_due BETWEEN %s AND %s",
            [now - datetime.timedelta(days=7), now],
        )
    env.cr.execute("UPDATE srm_issue SET is_sla_breached = is_ack_breached OR is_investigation_breached "
                   "OR is_resolution_breached")
    env.invalidate_all()
    env.cr.execute("SELECT COUNT(*) FROM srm_issue WHERE NOT is_closed AND is_sla_breached")
    breached_before = env.cr.fetchone()[0]

    def run(func):
        progress = cron_env["ir.cron.progress"].sudo().create({"cron_id": cron.id, "remaining": 0, "done": 0})
        model = cron_env["srm.issue"].with_context(ir_cron_progress_id=progress.id)
        return lambda: func(model)

    with rolled_back(env, "legacy_cron"):
        legacy = timed(env, run(legacy_cron_sla_check))
        legacy_result = (activities(env), read_rows(env, STATUS_FIELDS, ids))
    with rolled_back(env, "new_cron"):
        new = timed(env, run(lambda model: model._cron_srm_sla_check()))
        new_result = (activities(env), read_rows(env, STATUS_FIELDS, ids))
        second = timed(env, run(lambda model: model._cron_srm_sla_check()))
        after_second = activities(env)
    with rolled_back(env, "quiet_cron"):
        # what is left: mail.activity's notification of each assignee (one message per activity)
        quiet = timed(env, run(lambda model: model.with_context(mail_activity_quick_update=True)
                               ._cron_srm_sla_check()))
    created = len(new_result[0])
    same = new_result == legacy_result
    verdict = "activities and flags equal" if same else "RESULTS DIFFER"
    print(f"\nservice-level cron, {len(ids)} issues, {breached_before} open and already breached, "
          f"{len(legacy_result[0])} activities by the previous code ({verdict})", flush=True)
    row("cron, first run", new, legacy, "previous code", f"{created} activities created")
    row("cron, second run", second, None, "", f"{len(after_second) - created} activities added")
    row("cron, first run, assignees not notified", quiet, None, "",
        "for reference: the rest of the first run is mail.activity's notification of each assignee")
    if not same:
        print(f"  activities: {len(new_result[0])} new, {len(legacy_result[0])} previous; flags equal: "
              f"{new_result[1] == legacy_result[1]}")
    return same and len(after_second) == created


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
