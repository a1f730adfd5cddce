# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A sentiment scoring backlog processed by OCA queue_job's job workers (srm_queue_job),
with 2 then 4 workers: throughput in all and per worker.

::

    python3 tests/benchmarks/bench_queue.py --db srm_bench_queue --template srm_tmpl \\
        --texts 20000 --workers 2,4 --drop

The database is a throwaway one: copied from ``--template`` (or created empty) when it
does not exist, with ``srm_queue_job`` (and so ``queue_job``) installed, then filled with
``--texts`` engagements (inserted in SQL, texts and stakeholders taken from 200 generated
stakeholders and a few dozen sentences in en, fr, es and zh) whose sentiment is not scored
yet: the backlog a large import leaves behind. ``--drop`` drops it at the end.

For each number of workers N, the backlog is reset (every engagement and issue marked as not
scored, earlier scoring jobs deleted), an Odoo server is started in prefork mode with N HTTP
workers and queue_job's job runner (``--load=base,web,queue_job``, ``[queue_job] channels =
root:N,root.srm:N,root.srm.ai:N,root.srm.ai.stakeholders:1``), and srm_ai's scheduled action
(``_cron_srm_ai_score``, as srm_queue_job runs it) enqueues the backlog as jobs of
``--batch`` records on ``root.srm.ai``; each job claims its rows with ``FOR UPDATE SKIP
LOCKED`` and leaves the stakeholders' figures to jobs on ``root.srm.ai.stakeholders``. The
time runs from the commit of the jobs to the end of the last one (stakeholder jobs included);
every text must be scored and no job may fail. Jobs retried after a conflict with another
job are counted. The server is stopped after each run.
"""

import argparse
import contextlib
import datetime
import os
import pathlib
import platform
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import psycopg2

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

from generate_data import odoo_registry  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parents[2]
SENTENCES = [
    "The village is happy with the new water supply and thanks the company.",
    "Dust from the haul road covers the crops and nobody answers our complaints.",
    "The meeting went well; the mayor supports the road works.",
    "Farmers are angry about the delays in the compensation payments.",
    "Les habitants remercient l'entreprise pour la nouvelle école.",
    "Le bruit des camions la nuit est insupportable pour les familles.",
    "La comunidad está satisfecha con el nuevo centro de salud.",
    "Los pescadores denuncian que el río está contaminado desde la obra.",
    "村民对新修的道路非常满意。",
    "噪音太大，居民晚上无法休息，大家很不满。",
]


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="srm_bench_queue", help="throwaway database (created if missing)")
    parser.add_argument("--template", help="database to copy when --db does not exist (else an empty one)")
    parser.add_argument("--texts", type=int, default=20000, help="engagements of the backlog")
    parser.add_argument("--batch", type=int, default=500, help="records per job")
    parser.add_argument("--workers", default="2,4", help="numbers of job workers, comma-separated")
    parser.add_argument("--port", type=int, default=8303, help="HTTP port of the servers")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds allowed to each run")
    parser.add_argument("--drop", action="store_true", help="drop the database at the end")
    return parser.parse_args(argv)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def addons_path():
    import odoo

    return f"{REPO},{pathlib.Path(odoo.__file__).parent / 'addons'}"


def odoo_command(data_dir):
    """The prefork server re-spawns its gevent (websocket) process with the script it was
    started with, which ``python3 -m odoo`` does not give it: a script as odoo-bin's."""
    script = pathlib.Path(data_dir) / "odoo-bin"
    script.write_text("import odoo\n\nodoo.cli.main()\n")
    return [sys.executable, str(script)]


def db_exists(db):
    with contextlib.closing(psycopg2.connect(dbname="postgres")) as conn, conn.cursor() as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db])
        return bool(cr.fetchone())


def module_installed(db, module):
    with contextlib.closing(psycopg2.connect(dbname=db)) as conn, conn.cursor() as cr:
        cr.execute("SELECT state FROM ir_module_module WHERE name = %s", [module])
        row = cr.fetchone()
        return bool(row and row[0] == "installed")


def prepare_database(args, data_dir):
    if not db_exists(args.db):
        command = ["createdb", args.db] + (["-T", args.template] if args.template else [])
        subprocess.run(command, check=True)
    if not module_installed(args.db, "srm_queue_job"):
        print(f"installing srm_queue_job in {args.db}", flush=True)
        subprocess.run(
            [sys.executable, "-m", "odoo", "-d", args.db, f"--addons-path={addons_path()}",
             f"--data-dir={data_dir}", "-i", "srm_queue_job", "--stop-after-init", "--without-demo=all",
             "--log-level=warn", "--max-cron-threads=0", f"--http-port={args.port}"],
            check=True,
        )  # fmt: skip


_REGISTRY = []


def registry_of(args, data_dir):
    """Odoo's registry of the database in this process (loaded once)."""
    if not _REGISTRY:
        _REGISTRY.append(odoo_registry(args.db, [f"--addons-path={addons_path()}", f"--data-dir={data_dir}"]))
    return _REGISTRY[0]


def make_backlog(args, data_dir):
    """Engagements with texts up to --texts, linked to generated stakeholders."""
    import odoo

    registry = registry_of(args, data_dir)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        missing = args.texts - env["srm.engagement"].search_count([])
        if missing <= 0:
            return
        partners = env["res.partner"].search([("name", "=like", "Queue bench %")])
        if not partners:
            partners = env["res.partner"].create(
                [{"name": f"Queue bench {index}", "is_stakeholder": True} for index in range(200)]
            )
        company = env.company.id
        etype = env.ref("srm_base.srm_engagement_type_meeting").id
        rng = random.Random(42)
        now = datetime.datetime.now()
        rows = [
            (company, etype, f"Bench meeting {index}", "inbound", now - datetime.timedelta(days=rng.randrange(700)),
             " ".join(rng.sample(SENTENCES, 2)), now, now, odoo.SUPERUSER_ID, odoo.SUPERUSER_ID)
            for index in range(missing)
        ]  # fmt: skip
        cr.execute("SELECT max(id) FROM srm_engagement")
        first = (cr.fetchone()[0] or 0) + 1
        for start in range(0, len(rows), 5000):
            chunk = rows[start : start + 5000]
            cr.execute(
                "INSERT INTO srm_engagement (company_id, engagement_type_id, name, direction, date, summary,"
                " create_date, write_date, create_uid, write_uid) VALUES " + ",".join(["%s"] * len(chunk)),
                chunk,
            )
        cr.execute(
            "INSERT INTO srm_engagement_partner_rel (engagement_id, partner_id)"
            " SELECT e.id, (%s::int[])[1 + (e.id %% %s)] FROM srm_engagement e WHERE e.id >= %s"
            " ON CONFLICT DO NOTHING",
            [partners.ids, len(partners), first],
        )
        cr.execute("ANALYZE srm_engagement")
    print(f"backlog: {missing} engagements added to {args.db}", flush=True)


def reset_backlog(args):
    """Every text not scored, no scoring job left: the same backlog for each run."""
    with contextlib.closing(psycopg2.connect(dbname=args.db)) as conn, conn.cursor() as cr:
        cr.execute("UPDATE srm_engagement SET ai_scored_at = NULL")
        cr.execute("UPDATE srm_issue SET ai_scored_at = NULL")
        cr.execute("DELETE FROM queue_job WHERE channel LIKE 'root.srm.ai%%'")
        cr.execute("SELECT count(*) FROM srm_engagement")
        engagements = cr.fetchone()[0]
        conn.commit()
    return engagements


def start_server(args, workers, data_dir, logfile):
    conf = pathlib.Path(data_dir) / f"bench_queue_{workers}.conf"
    channels = f"root:{workers},root.srm:{workers},root.srm.ai:{workers},root.srm.ai.stakeholders:1"
    conf.write_text(f"[options]\n\n[queue_job]\nchannels = {channels}\n")
    command = odoo_command(data_dir) + [
        "-c", str(conf), "-d", args.db, f"--db-filter=^{args.db}$", f"--addons-path={addons_path()}",
        f"--data-dir={data_dir}", f"--workers={workers}", "--max-cron-threads=0",
        "--load=base,web,queue_job", "--http-interface=127.0.0.1", f"--http-port={args.port}",
        f"--gevent-port={free_port()}", "--limit-time-cpu=1200", "--limit-time-real=2400",
        "--log-level=info", f"--logfile={logfile}",
    ]  # fmt: skip
    process = subprocess.Popen(command, start_new_session=True)
    deadline = time.monotonic() + 180
    last_error = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"the server stopped (exit code {process.returncode}); see {logfile}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{args.port}/web/login", timeout=10) as answer:
                if answer.status == 200 and "queue job runner ready" in pathlib.Path(logfile).read_text():
                    return process
        except OSError as exc:
            # not listening yet: try again until the deadline
            last_error = exc
        time.sleep(1)
    stop_server(process)
    sys.exit(f"the server did not answer with its job runner ready ({last_error}); see {logfile}")


def stop_server(process):
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def enqueue(args, data_dir):
    """srm_ai's scheduled action, as the cron runs it: with queue_job, one job per batch."""
    import odoo

    registry = registry_of(args, data_dir)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        service = env["srm.ai.service"]
        stale = service._srm_ai_count_stale()
        jobs = service._cron_srm_ai_score(batch_size=args.batch, max_jobs=10**6)
    return stale, jobs


def wait_for_jobs(args, started):
    with contextlib.closing(psycopg2.connect(dbname=args.db)) as conn:
        conn.autocommit = True
        deadline = time.monotonic() + args.timeout
        with conn.cursor() as cr:
            while time.monotonic() < deadline:
                cr.execute("SELECT state, count(*) FROM queue_job WHERE channel LIKE 'root.srm.ai%%' GROUP BY state")
                states = dict(cr.fetchall())
                if not states.keys() & {"pending", "enqueued", "started", "wait_dependencies"}:
                    break
                time.sleep(0.5)
            else:
                sys.exit(f"jobs not finished after {args.timeout}s: {states}")
            elapsed = time.monotonic() - started
            cr.execute(
                "SELECT count(*), coalesce(sum(exec_time), 0), array_agg(DISTINCT channel), coalesce(sum(retry - 1), 0)"
                " FROM queue_job WHERE channel LIKE 'root.srm.ai%%' AND state = 'done'"
            )
            done, exec_time, channels, retries = cr.fetchone()
            cr.execute("SELECT count(*) FROM srm_engagement WHERE ai_scored_at IS NULL OR ai_scored_at < write_date")
            left = cr.fetchone()[0]
    return elapsed, states, done, exec_time, channels, retries, left


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    data_dir = tempfile.mkdtemp(prefix="srm_bench_queue_")
    worker_counts = [int(n) for n in args.workers.split(",")]
    print(f"# bench_queue.py {' '.join(sys.argv[1:])}")
    print(f"# {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, {platform.node()}, {os.cpu_count()} cores,"
          f" load average {os.getloadavg()[0]:.1f}, Python {platform.python_version()}")  # fmt: skip
    try:
        prepare_database(args, data_dir)
        make_backlog(args, data_dir)
        results = []
        for workers in worker_counts:
            engagements = reset_backlog(args)
            logfile = str(pathlib.Path(data_dir) / f"server_{workers}.log")
            process = start_server(args, workers, data_dir, logfile)
            try:
                stale, jobs = enqueue(args, data_dir)
                started = time.monotonic()
                elapsed, states, done, exec_time, channels, retries, left = wait_for_jobs(args, started)
            finally:
                stop_server(process)
            failed = states.get("failed", 0)
            rate = stale / elapsed
            results.append((workers, stale, jobs, elapsed, rate, rate / workers, retries, failed, left))
            print(
                f"{workers} workers: {stale} texts ({engagements} engagements) in {jobs} jobs on"
                f" {', '.join(channels or [])}: {elapsed:.1f} s, {rate:.0f} texts/s,"
                f" {rate / workers:.0f} texts/s per worker; job time {exec_time:.1f} s;"
                f" retries {retries}, failed jobs {failed}, texts left {left}",
                flush=True,
            )
        print()
        print("| workers | texts | scoring jobs | wall (s) | texts/s | texts/s per worker | retries | failed | left |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for workers, stale, jobs, elapsed, rate, per_worker, retries, failed, left in results:
            figures = f"{elapsed:.1f} | {rate:.0f} | {per_worker:.0f}"
            print(f"| {workers} | {stale} | {jobs} | {figures} | {retries} | {failed} | {left} |")
        if any(r[7] or r[8] for r in results):
            sys.exit("some jobs failed or some texts were not scored")
    finally:
        if args.drop and db_exists(args.db):
            subprocess.run(["dropdb", "--force", args.db], check=False)
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
