# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The daily commitments job and the grievance escalation job at full volume, each next
to the floor of the same writes done by a few SQL statements, measured in the same run.

::

    python3 tests/benchmarks/bench_crons.py --db srm_bench_crons --commitments 100000 --issues 50000

The database is a throwaway one: created with srm_commitments and srm_issues (no demo
data) when it does not exist, then filled by ``generate_data.py`` (``--scale`` for the
stakeholders and engagements, 0.01 by default; ``--commitments`` commitments and
``--issues`` issues, as that script makes them: due dates and receipt dates spread over
the last year, so that about half the commitments are overdue and most open issues
passed a deadline) and committed; a database already filled is used as it is. The owner of
each commitment and issue is then made its follower, once, as Odoo does when a record is
created with an owner (see ``follow_owners``). ``--drop`` drops it at the end.

Rows (time, SQL queries, what was written):

* ``srm.commitment._cron_process_commitments``: overdue flag, recurring series, reminder
  and escalation activities, a note on each escalated commitment, one digest per person;
  then the same job again, which must add nothing;
* ``srm.issue._cron_srm_sla_check``: breach flags, one escalation activity per passed
  deadline, one digest per person; then again, which must add nothing;
* the floor of each: the same flags, activities and notes written by a few SQL
  statements (``INSERT ... SELECT``, ``UPDATE``) with no access check, no follower and no
  message to anybody: what any implementation has to write.

Each measured variant runs in a savepoint rolled back afterwards, so that every variant
starts from the same data; the jobs' commits per batch are replaced by flushes.
"""

import argparse
import contextlib
import datetime
import os
import pathlib
import subprocess
import sys
import time
from unittest.mock import patch

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

from generate_data import Generator, odoo_registry  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parents[2]


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="srm_bench_crons", help="throwaway database (created if missing)")
    parser.add_argument("--commitments", type=int, default=100000)
    parser.add_argument("--issues", type=int, default=50000)
    parser.add_argument("--scale", type=float, default=0.01, help="stakeholders and engagements (generate_data)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--only", default="commitments,issues", help="jobs to measure, comma-separated")
    parser.add_argument("--drop", action="store_true", help="drop the database at the end")
    parser.add_argument("--http-port", default="8079", help="port of the install subprocess")
    parser.add_argument("odoo_args", nargs="*", help="options given to Odoo's configuration (after --)")
    return parser.parse_args(argv)


# ---------------------------------------------------------------------- database
def ensure_database(args):
    import odoo.service.db

    if odoo.service.db.exp_db_exist(args.db):
        return
    print(f"creating {args.db} (srm_commitments, srm_issues, no demo data)", flush=True)
    addons = f"{REPO},{pathlib.Path(odoo.__file__).parent / 'addons'}"
    subprocess.run(
        [sys.executable, "-m", "odoo", "-d", args.db, f"--addons-path={addons}", "-i", "srm_commitments,srm_issues",
         "--without-demo=all", "--stop-after-init", "--log-level=warn", f"--http-port={args.http_port}"],
        check=True,
    )


def populate(env, args):
    """Stakeholders, engagements, commitments and issues by generate_data.py, once."""
    env.cr.execute("SELECT (SELECT COUNT(*) FROM srm_commitment), (SELECT COUNT(*) FROM srm_issue)")
    commitments, issues = env.cr.fetchone()
    if commitments >= args.commitments and issues >= args.issues:
        return False
    generator = Generator(env, args.scale, args.seed, 1.0)
    generator.counts["commitments"] = args.commitments - commitments
    generator.counts["issues"] = args.issues - issues
    generator.run()
    return True


def follow_owners(env):
    """The owner of each commitment and issue follows it, as Odoo's auto-subscription makes
    them when a record is created with an owner; ``generate_data.py`` creates them without
    followers. Done once, in SQL; returns {model: followers added}.

    On a database with no follower at all, PostgreSQL plans the foreign-key check of each
    follower the jobs add for an empty table (a sequential scan, which the session keeps):
    after an autovacuum had emptied ``mail_followers``, the commitments job took 93 s
    instead of 22 s, all of it in that check."""
    from odoo.tools import SQL

    cr = env.cr
    added = {}
    for model in ("srm.commitment", "srm.issue"):
        cr.execute(SQL("SELECT 1 FROM mail_followers WHERE res_model = %s LIMIT 1", model))
        if cr.fetchone():
            continue
        cr.execute(SQL(
            """INSERT INTO mail_followers (res_model, res_id, partner_id)
               SELECT %s, r.id, u.partner_id FROM %s r JOIN res_users u ON u.id = r.user_id
               ON CONFLICT DO NOTHING""",
            model, SQL.identifier(env[model]._table),
        ))
        added[model] = cr.rowcount
        # the subtypes' foreign key is checked by index, not planned for the empty table it was
        # (the setting lasts until the commit that follows)
        cr.execute(SQL("ANALYZE mail_followers"))
        cr.execute(SQL("SET LOCAL enable_seqscan = off"))
        cr.execute(SQL(
            """INSERT INTO mail_followers_mail_message_subtype_rel (mail_followers_id, mail_message_subtype_id)
               SELECT f.id, subtype_id FROM mail_followers f CROSS JOIN unnest(%s::int[]) AS subtype_id
                WHERE f.res_model = %s
               ON CONFLICT DO NOTHING""",
            env["mail.message.subtype"]._default_subtypes(model)[0], model,
        ))
    return added


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


def counts(env, model):
    """(activities, notes, messages to people, their recipients) of ``model`` so far."""
    env.flush_all()
    env.cr.execute(
        """SELECT (SELECT COUNT(*) FROM mail_activity WHERE res_model = %(model)s),
                  (SELECT COUNT(*) FROM mail_message WHERE model = %(model)s AND message_type = 'notification'),
                  (SELECT COUNT(*) FROM mail_message WHERE message_type = 'user_notification'),
                  (SELECT COUNT(DISTINCT r.res_partner_id)
                     FROM mail_message m JOIN mail_message_res_partner_rel r ON r.mail_message_id = m.id
                    WHERE m.message_type = 'user_notification')""",
        {"model": model},
    )
    return env.cr.fetchone()


def row(label, measured, note=""):
    seconds, queries = measured[0], measured[1]
    print(f"| {label:<58} | {seconds:9.2f} s | {queries:>8} | {note}", flush=True)


def delta(after, before):
    activities, notes, messages, recipients = (a - b for a, b in zip(after, before, strict=True))
    return (f"{activities} activities, {notes} notes, {messages} messages to people "
            f"({after[3]} people in all)")


def cron_env(env, xmlid):
    """The environment of the job as ir.cron runs it: its user, a progress record."""
    cron = env.ref(xmlid)
    job_env = env(user=cron.user_id.id, context={})
    progress = job_env["ir.cron.progress"].sudo().create({"cron_id": cron.id, "remaining": 0, "done": 0})
    return job_env(context={"ir_cron_progress_id": progress.id})


# ---------------------------------------------------------------------- floors
def commitments_floor(env):
    """The writes of the daily job in SQL: overdue flag, reminder activities and markers,
    escalation notes, activities and markers. No access check, follower or message."""
    from odoo import fields
    from odoo.tools import SQL

    from odoo.addons.srm_commitments.models.srm_commitment import (
        ACTIVE_STATES,
        ACTIVITY_ESCALATION,
        ACTIVITY_REMINDER,
    )

    cr = env.cr
    today = fields.Date.context_today(env["srm.commitment"])
    model_id = env["ir.model"]._get_id("srm.commitment")
    reminder_type = env.ref(ACTIVITY_REMINDER).id
    escalation_type = env.ref(ACTIVITY_ESCALATION).id
    cr.execute(SQL(
        """UPDATE srm_commitment SET is_overdue = (state IN %(active)s AND date_due < %(today)s)
            WHERE is_overdue IS DISTINCT FROM (state IN %(active)s AND date_due < %(today)s)""",
        active=ACTIVE_STATES, today=today,
    ))
    cr.execute(SQL(
        """WITH todo AS (
               UPDATE srm_commitment SET reminder_sent_date = %(today)s
                WHERE state IN %(active)s AND reminder_sent_date IS NULL
                  AND date_reminder <= %(today)s AND date_due >= %(today)s AND user_id IS NOT NULL
               RETURNING id, user_id, date_due, name)
           INSERT INTO mail_activity (res_model_id, res_model, res_id, res_name, activity_type_id, user_id,
                                      date_deadline, automated, create_uid, write_uid, create_date, write_date)
           SELECT %(model_id)s, 'srm.commitment', id, name, %(type)s, user_id, date_due, true,
                  %(uid)s, %(uid)s, now(), now() FROM todo""",
        today=today, active=ACTIVE_STATES, model_id=model_id, type=reminder_type, uid=env.uid,
    ))
    cr.execute(SQL(
        """WITH todo AS (
               UPDATE srm_commitment c
                  SET escalation_date = %(today)s,
                      escalation_user_id = COALESCE(t.escalation_user_id, p.user_id, c.user_id)
                 FROM srm_commitment c2
                 LEFT JOIN srm_commitment_team t ON t.id = c2.team_id
                 LEFT JOIN srm_project p ON p.id = c2.project_id
                WHERE c.id = c2.id AND c.state IN %(active)s AND c.escalation_date IS NULL
                  AND c.date_due < %(today)s
               RETURNING c.id, c.escalation_user_id, c.name),
           notes AS (
               INSERT INTO mail_message (model, res_id, record_name, message_type, body, date, author_id,
                                         create_uid, write_uid, create_date, write_date)
               SELECT 'srm.commitment', id, name, 'notification', '<p>Overdue: escalated.</p>', now(),
                      %(author)s, %(uid)s, %(uid)s, now(), now() FROM todo)
           INSERT INTO mail_activity (res_model_id, res_model, res_id, res_name, activity_type_id, user_id,
                                      date_deadline, automated, create_uid, write_uid, create_date, write_date)
           SELECT %(model_id)s, 'srm.commitment', id, name, %(type)s, escalation_user_id, %(today)s, true,
                  %(uid)s, %(uid)s, now(), now() FROM todo WHERE escalation_user_id IS NOT NULL""",
        today=today, active=ACTIVE_STATES, model_id=model_id, type=escalation_type, uid=env.uid,
        author=env.user.partner_id.id,
    ))
    env.invalidate_all()


def issues_floor(env):
    """The writes of the escalation job in SQL: the breach flags (one UPDATE), then the
    escalated flags and one activity per newly escalated deadline for the team leader
    (one UPDATE feeding one INSERT). No access check, follower or message."""
    from odoo import fields
    from odoo.tools import SQL

    from odoo.addons.srm_issues.models.srm_issue import DEADLINES

    cr = env.cr
    now = fields.Datetime.now()
    model_id = env["ir.model"]._get_id("srm.issue")
    activity_type = env.ref("srm_issues.mail_activity_type_issue_escalation").id
    ident = SQL.identifier

    def passed(deadline):
        return SQL("(%s IS NULL AND %s < %s)", ident(deadline.done_field), ident(deadline.due_field), now)

    cr.execute(SQL(
        """UPDATE srm_issue SET %s, is_sla_breached = is_sla_breached OR %s
            WHERE NOT COALESCE(is_closed, false) AND (%s)""",
        SQL(", ").join(SQL("%s = %s OR %s", ident(d.breached_field), ident(d.breached_field), passed(d))
                       for d in DEADLINES),
        SQL(" OR ").join(passed(d) for d in DEADLINES),
        SQL(" OR ").join(SQL("(%s AND NOT %s)", passed(d), ident(d.breached_field)) for d in DEADLINES),
    ))

    def due(deadline, table):
        return SQL("(%s.%s AND %s.%s IS NULL AND NOT COALESCE(%s.%s, false))",
                   ident(table), ident(deadline.breached_field), ident(table), ident(deadline.done_field),
                   ident(table), ident(deadline.escalated_field))

    cr.execute(SQL(
        """WITH todo AS (
               UPDATE srm_issue i SET %(set)s
                 FROM srm_issue old
                 LEFT JOIN srm_issue_team t ON t.id = old.team_id
                 LEFT JOIN srm_project p ON p.id = old.project_id
                WHERE i.id = old.id AND NOT COALESCE(old.is_closed, false) AND (%(any)s)
               RETURNING i.id, i.name, COALESCE(t.user_id, p.user_id, old.user_id) AS user_id, %(which)s)
           INSERT INTO mail_activity (res_model_id, res_model, res_id, res_name, activity_type_id, user_id,
                                      summary, date_deadline, automated, active, create_uid, write_uid,
                                      create_date, write_date)
           SELECT %(model_id)s, 'srm.issue', todo.id, todo.name, %(type)s, todo.user_id, d.summary, %(today)s,
                  true, true, %(uid)s, %(uid)s, now(), now()
             FROM todo CROSS JOIN LATERAL (VALUES %(labels)s) AS d(due, summary)
            WHERE d.due AND todo.user_id IS NOT NULL""",
        set=SQL(", ").join(SQL("%s = COALESCE(old.%s, false) OR %s", ident(d.escalated_field),
                               ident(d.escalated_field), due(d, "old")) for d in DEADLINES),
        any=SQL(" OR ").join(due(d, "old") for d in DEADLINES),
        which=SQL(", ").join(SQL("%s AS due_%s", due(d, "old"), SQL(d.key)) for d in DEADLINES),
        labels=SQL(", ").join(SQL("(todo.due_%s, %s)", SQL(d.key), env._(d.label)) for d in DEADLINES),
        model_id=model_id, type=activity_type, today=now.date(), uid=env.uid,
    ))
    env.invalidate_all()


# ---------------------------------------------------------------------- the jobs
def bench_job(env, title, model, xmlid, run, floor):
    before = counts(env, model)
    with rolled_back(env, "floor"):
        floor_run = timed(env, lambda: floor(env))
        floor_counts = counts(env, model)
    with rolled_back(env, "job"):
        first = timed(env, lambda: run(cron_env(env, xmlid)))
        first_counts = counts(env, model)
        second = timed(env, lambda: run(cron_env(env, xmlid)))
        second_counts = counts(env, model)
    print(f"\n{title}", flush=True)
    row("job, first run", first, delta(first_counts, before))
    row("job, second run", second, delta(second_counts, first_counts))
    row("floor: the same writes in SQL", floor_run, delta(floor_counts, before))
    ratio = first[0] / floor_run[0] if floor_run[0] else 0
    print(f"first run: x{ratio:.1f} the floor's time", flush=True)
    return first_counts[:2] != before[:2] and second_counts == first_counts


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    import odoo
    from odoo.tools import config

    config.parse_config(["--log-level=warn", *args.odoo_args])
    ensure_database(args)
    registry = odoo_registry(args.db, args.odoo_args)
    only = set(args.only.split(","))
    ok = True
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        started = time.perf_counter()
        admin_env = odoo.api.Environment(cr, env.ref("base.user_admin").id, {"tracking_disable": True})(su=True)
        if populate(admin_env, args):
            cr.commit()
            with registry.cursor() as analyze_cr:
                analyze_cr._cnx.autocommit = True
                analyze_cr.execute("ANALYZE")
            print(f"generated in {time.perf_counter() - started:.0f}s", flush=True)
        added = follow_owners(admin_env)
        if added:
            cr.commit()
            with registry.cursor() as analyze_cr:
                analyze_cr._cnx.autocommit = True
                analyze_cr.execute("ANALYZE mail_followers, mail_followers_mail_message_subtype_rel")
            print(f"owners made followers: {added}", flush=True)
        env.invalidate_all()
        cr.execute("SELECT (SELECT COUNT(*) FROM srm_commitment), (SELECT COUNT(*) FROM srm_issue)")
        commitments, issues = cr.fetchone()
        print(f"database {args.db}: {commitments} commitments, {issues} issues; pid {os.getpid()}, "
              f"{os.cpu_count()} cores, {datetime.datetime.now():%Y-%m-%d %H:%M}", flush=True)
        if "commitments" in only:
            ok &= bench_job(
                env, f"daily commitments job, {commitments} commitments", "srm.commitment",
                "srm_commitments.ir_cron_srm_commitment_follow_up",
                lambda job_env: job_env["srm.commitment"]._cron_process_commitments(), commitments_floor,
            )
        if "issues" in only:
            ok &= bench_job(
                env, f"grievance escalation job, {issues} issues", "srm.issue", "srm_issues.ir_cron_srm_issue_sla",
                lambda job_env: job_env["srm.issue"]._cron_srm_sla_check(), issues_floor,
            )
        cr.rollback()
    if args.drop:
        import odoo.service.db

        odoo.service.db.exp_drop(args.db)  # the database and its filestore
        print(f"dropped {args.db}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
