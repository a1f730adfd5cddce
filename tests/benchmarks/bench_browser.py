# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a user waits for in a browser: the SRM pages opened in headless Chromium,
each next to its baseline (Odoo's Contacts pages) in the same run.

``bench_scale.py`` measures the server's work of one ORM call per page; a page in the
web client makes several calls (the view, the record, the chatter's messages,
followers and activities, the avatars, the list's count, the client action's data...)
and renders them. This benchmark opens each page in headless Chromium, driven over
the DevTools protocol, and measures:

- **load**: from the navigation to the page's URL (``/odoo/contacts/<id>``,
  ``/odoo/action-<xml id>``...: a full page load, the web client booting, browser
  caches warm) until the view is rendered and the page is idle;
- **in-app**: the same page opened from the web client already loaded (the action
  service's ``doAction``, as a click on a menu or on a record does), until rendered
  and idle.

"Rendered and idle": the view's selector is in the page, no request is in flight
(DevTools Network events), and neither the DOM nor the network moved for
``--quiet`` ms; the time reported is that of the last DOM change or network response
(Resource Timing, in the page's clock), not the end of the quiet wait. The web
client's "Loading" indicator is not counted: shown when a request takes more than
250 ms, it fades out some 300 ms after the page is rendered. Each page is
opened ``--repeat`` times after a first opening that is discarded; the median is
printed, with the number of RPCs (XHR/fetch requests) and images of the last
opening, and the slowest requests of each page (route, or model and method, with
their time in the browser and the server's answer time).

Pages: the stakeholder form of the busiest stakeholder (most engagements) and of an
ordinary one (the 500th) against the Contacts form of the same partner; the
stakeholder list against the Contacts list; the engagement list, searched by
project and by period (last month), for the admin and for a project-restricted
user; the SRM Overview dashboard (goal: under 1 s), whose baseline is the raw SQL
of its figures (on the engagements' local day) that ``bench_scale.py --only dashboard``
measures, run by this script after the pages (``--no-dashboard-sql``: not run). Every
user works with all their companies active, as in ``bench_scale.py``.

It starts its own Odoo server on the database (read-only use: nothing is written
but the logins and the web assets Odoo builds on the first page), or uses the one
given by ``--url``::

    python3 tests/benchmarks/bench_browser.py --db bench_1m --repeat 7 --restricted \\
        --data-dir ~/.local/share/Odoo
    python3 tests/benchmarks/bench_browser.py --url http://127.0.0.1:8273 --db bench_1m

The server is started from the repository's root as
``python3 -m odoo [-c CONFIG] -d DB --addons-path=REPO,ODOO/addons --workers=0
--max-cron-threads=0 --http-port=PORT``. The project-restricted user does not
exist in a generated database: with ``--restricted`` a second server (port + 1)
runs in Odoo's test mode (every request in one transaction, rolled back when the
benchmark ends, requests served one at a time), creates the user there (restricted
to the first three projects, as ``bench_scale.py`` does), and the engagement
searches are measured there for both users, so that the two compare under the same
conditions. The server's figures of each request (queries, time) come from the log
of the servers this script starts (``--log-dir``). The database must be at the
code's module versions (upgrade a copy if it is not: this script never upgrades).
Needs ``chromium``, ``websocket-client`` and ``psycopg2`` (the busiest stakeholder
is found in SQL). A benchmark, not a test: CI does not run it.
"""

import argparse
import contextlib
import datetime
import json
import os
import pathlib
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

import psycopg2
import requests
import websocket

REPO = pathlib.Path(__file__).resolve().parents[2]
ODOO_ADDONS = "/opt/odoo18/server/odoo/addons"
RESTRICTED_LOGIN = "srm_bench_browser_restricted"
RESTRICTED_PASSWORD = "srm-bench-browser"
ROLE = "--serve-rolled-back"

# recorded in every document: the time of the last DOM change (page clock), but for
# Odoo's "Loading" indicator (shown when a request takes more than 250 ms, removed with
# a fade-out after the page is rendered: not what the user waits for)
INIT_SCRIPT = """
window.__bench = {lastMut: 0};
const benchIndicator = (n) => n.matches('.o_loading_indicator') || !!n.querySelector('.o_loading_indicator');
new MutationObserver((mutations) => {
    for (const m of mutations) {
        if (m.target.nodeType === 1 && m.target.closest('.o_loading_indicator')) { continue; }
        // (added or removed: the indicator, or empty text nodes, OWL's placeholders)
        const nodes = [...m.addedNodes, ...m.removedNodes].filter(
            (n) => n.nodeType === 1 || (n.nodeType === 3 && n.textContent.trim()));
        if (m.type === 'childList' && nodes.every((n) => n.nodeType === 1 && benchIndicator(n))) { continue; }
        window.__bench.lastMut = performance.now();
    }
}).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
performance.setResourceTimingBufferSize(5000);
"""

# whether the view is rendered (a new element matching the selector) and the page's clock
STATE_SCRIPT = """
(() => {
    const sel = %s;
    const t0 = window.__bench ? (window.__bench.t0 || 0) : 0;
    const ready = [...document.querySelectorAll(sel)].some((el) => !el.closest('[data-bench-old]'));
    let netEnd = 0;
    for (const e of performance.getEntriesByType('resource')) {
        if (e.startTime >= t0 && e.responseEnd > netEnd) { netEnd = e.responseEnd; }
    }
    const rows = [...document.querySelectorAll('.o_data_row')].filter((el) => !el.closest('[data-bench-old]'));
    return JSON.stringify({ready, t0, now: performance.now(), netEnd, rows: rows.length,
                           lastMut: window.__bench ? window.__bench.lastMut : 0,
                           error: !!document.querySelector('.o_error_dialog, .o_dialog .modal-body .o_error_detail')});
})()
"""


# ---------------------------------------------------------------------- browser
class Browser:
    """Headless Chromium driven over the DevTools protocol (one page, one socket)."""

    IGNORED_TYPES = {"WebSocket", "EventSource", "Ping", "Preflight"}
    # loaded by the bus's shared worker: its end is an event of the worker, not of the page
    IGNORED_URLS = ("/bus/websocket_worker_bundle",)

    def __init__(self, chromium, width=1920, height=1080, timeout=60):
        self.timeout = timeout
        self.user_data_dir = tempfile.mkdtemp(prefix="bench_browser_")
        cmd = [
            chromium,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-background-timer-throttling",
            "--disable-renderer-backgrounding",
            "--disable-backgrounding-occluded-windows",
            "--disable-breakpad",
            "--disable-default-apps",
            "--disable-translate",
            "--no-first-run",
            "--no-default-browser-check",
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            "--remote-allow-origins=*",
            f"--window-size={width},{height}",
            f"--user-data-dir={self.user_data_dir}",
            "about:blank",
        ]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = pathlib.Path(self.user_data_dir, "DevToolsActivePort")
        deadline = time.monotonic() + 30
        while not (port_file.exists() and port_file.read_text().strip()):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError(f"{chromium} did not start")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        targets = requests.get(f"http://127.0.0.1:{port}/json/list", timeout=10).json()
        page = next(t for t in targets if t["type"] == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=timeout, suppress_origin=True)
        self.next_id = 0
        self.requests = {}
        self.js_errors = []
        self.rows = 0  # list rows of the page last rendered
        for domain in ("Page", "Runtime", "Network"):
            self.call(f"{domain}.enable")
        self.call("Network.setCacheDisabled", {"cacheDisabled": False})
        self.call("Page.addScriptToEvaluateOnNewDocument", {"source": INIT_SCRIPT})

    def close(self):
        with contextlib.suppress(Exception):
            self.ws.close()
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.user_data_dir, ignore_errors=True)

    # -- protocol
    def call(self, method, params=None, timeout=None):
        self.next_id += 1
        mid = self.next_id
        self.ws.send(json.dumps({"id": mid, "method": method, "params": params or {}}))
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            msg = self._receive(max(0.01, deadline - time.monotonic()))
            if msg is None:
                if time.monotonic() > deadline:
                    raise TimeoutError(method)
                continue
            if msg.get("id") == mid:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})

    def pump(self, seconds):
        """Handle the events that arrive within ``seconds``."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            self._receive(left)

    def _receive(self, timeout):
        self.ws.settimeout(timeout)
        try:
            msg = json.loads(self.ws.recv())
        except websocket.WebSocketTimeoutException:
            return None
        handler = getattr(self, "_on_" + msg.get("method", "").replace(".", "_"), None)
        if handler:
            handler(msg["params"])
        return msg

    def evaluate(self, expression, await_promise=False):
        result = self.call(
            "Runtime.evaluate",
            {
                "expression": expression,
                "awaitPromise": await_promise,
                "returnByValue": True,
            },
        )
        if result.get("exceptionDetails"):
            details = result["exceptionDetails"]
            raise RuntimeError(details.get("exception", {}).get("description") or details.get("text"))
        return result["result"].get("value")

    # -- network events
    def _on_Network_requestWillBeSent(self, p):
        request = p["request"]
        if (
            request["url"].startswith(("data:", "blob:"))
            or p.get("type") in self.IGNORED_TYPES
            or any(u in request["url"] for u in self.IGNORED_URLS)
        ):
            return
        self.requests[p["requestId"]] = {
            "url": request["url"],
            "type": p.get("type", ""),
            "post": request.get("postData", ""),
            "start": p["timestamp"],
            "end": None,
            "ttfb": None,
            "status": None,
        }

    def _on_Network_responseReceived(self, p):
        entry = self.requests.get(p["requestId"])
        if entry:
            timing = p["response"].get("timing") or {}
            entry["status"] = p["response"].get("status")
            if timing:
                entry["ttfb"] = timing.get("receiveHeadersStart", timing.get("receiveHeadersEnd", 0)) - timing.get(
                    "sendEnd", 0
                )
            entry["cached"] = p["response"].get("fromDiskCache") or p["response"].get("fromPrefetchCache")

    def _on_Network_loadingFinished(self, p):
        entry = self.requests.get(p["requestId"])
        if entry:
            entry["end"] = p["timestamp"]

    def _on_Network_loadingFailed(self, p):
        entry = self.requests.get(p["requestId"])
        if entry:
            entry["end"] = p["timestamp"]
            entry["failed"] = p.get("errorText", "failed")

    def _on_Runtime_exceptionThrown(self, p):
        self.js_errors.append(p["exceptionDetails"].get("exception", {}).get("description", "exception"))

    def _on_Runtime_consoleAPICalled(self, p):
        if p.get("type") == "error":
            self.js_errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in p["args"]))

    def pending(self):
        return [r for r in self.requests.values() if r["end"] is None]

    # -- pages
    def wait_rendered(self, selector, quiet_ms, timeout=None):
        """Wait until ``selector`` is rendered and the page idle; the page's time (ms)
        from its clock's origin (``window.__bench.t0``, else the navigation) to the last
        DOM change or network response."""
        deadline = time.monotonic() + (timeout or self.timeout)
        script = STATE_SCRIPT % json.dumps(selector)
        while time.monotonic() < deadline:
            self.pump(0.05)
            if self.pending():
                continue
            try:
                state = json.loads(self.evaluate(script))
            except RuntimeError:  # the document is being replaced
                continue
            if state["error"]:
                raise RuntimeError(f"error dialog on the page ({selector})")
            last = max(state["lastMut"], state["netEnd"])
            if state["ready"] and state["now"] - last >= quiet_ms:
                self.rows = state["rows"]
                return last - state["t0"]
        raise TimeoutError(f"{selector} not rendered and idle after {timeout or self.timeout} s")

    def navigate(self, url, selector, quiet_ms):
        self.requests = {}
        self.call("Page.navigate", {"url": url})
        return self.wait_rendered(selector, quiet_ms)

    def in_app(self, js_action, selector, quiet_ms):
        """Run ``js_action`` (an expression using ``env``) in the loaded web client."""
        self.pump(0.05)
        self.evaluate(
            f"document.querySelectorAll({json.dumps(selector)}).forEach((el) => el.setAttribute('data-bench-old', 1));"
        )
        self.requests = {}
        self.evaluate(
            "(() => { const env = odoo.__WOWL_DEBUG__.root.env; window.__bench.t0 = performance.now();"
            f" {js_action}; }})()"
        )
        return self.wait_rendered(selector, quiet_ms)

    def rpc_summary(self):
        """The requests of the last page: (RPC count, image count, rows of the slowest)."""
        rows = []
        rpcs = images = 0
        for r in self.requests.values():
            if r["end"] is None:
                continue
            kind = r["type"]
            if kind in ("XHR", "Fetch"):
                rpcs += 1
            elif kind == "Image":
                images += 1
            else:
                continue
            rows.append(
                {
                    "call": describe_request(r),
                    "kind": kind,
                    "ms": (r["end"] - r["start"]) * 1000,
                    "ttfb": r["ttfb"],
                    "status": r["status"],
                }
            )
        rows.sort(key=lambda row: -row["ms"])
        return rpcs, images, rows


def describe_request(r):
    return describe_path(r["url"])


def describe_path(url):
    """route, or model.method for ORM calls"""
    path = "/" + url.split("//", 1)[-1].split("/", 1)[-1] if "//" in url else url
    path = path.split("?", 1)[0]
    if path.startswith("/web/dataset/call_kw/"):
        return path[len("/web/dataset/call_kw/") :].replace("/", ".")
    if path.startswith("/web/image/"):
        return "/web/image/" + "/".join(path.split("/")[3:5])
    return path


# the server's log line of a request: queries, their time and the rest of its time (s)
LOG_LINE = re.compile(r'"(?:GET|POST) (\S+) HTTP/[\d.]+" \d+ - (\d+) ([\d.]+) ([\d.]+)')


def collect(samples, rows):
    """Add a page opening's requests to ``samples``: call -> list of (browser ms, ttfb ms)."""
    for row in rows:
        samples.setdefault(row["call"], []).append((row["ms"], row["ttfb"]))


def median_or_none(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


# ---------------------------------------------------------------------- Odoo
def start_server(args, port, rolled_back=False):
    """An Odoo server on ``args.db`` (or this script in its test-mode role)."""
    cmd = [
        sys.executable,
        *([__file__, ROLE] if rolled_back else ["-m", "odoo"]),
        *(["-c", args.config] if args.config else []),
        "-d",
        args.db,
        f"--db-filter=^{args.db}$",
        f"--addons-path={args.addons_path}",
        "--workers=0",
        "--max-cron-threads=0",
        f"--http-port={port}",
    ]
    if args.data_dir:
        cmd.append(f"--data-dir={args.data_dir}")
    log = open(os.path.join(args.log_dir, f"odoo_{port}.log"), "w")  # noqa: SIM115 (closed with the process)
    proc = subprocess.Popen(
        cmd, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.PIPE, start_new_session=True
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server on port {port} stopped: see {log.name}")
        with contextlib.suppress(requests.RequestException):
            if requests.post(f"{url}/web/webclient/version_info", json={}, timeout=5).ok:
                return proc, url
        time.sleep(1)
    raise RuntimeError(f"the server on port {port} did not answer: see {log.name}")


def stop_server(proc):
    """Stop a server started by ``start_server``: the test-mode role rolls back and exits
    when its stdin closes, Odoo's server on SIGTERM."""
    with contextlib.suppress(BrokenPipeError):
        proc.stdin.close()
    for sig, wait in ((None, 30 if ROLE in proc.args else 0), (signal.SIGTERM, 15), (signal.SIGKILL, 15)):
        if sig:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, sig)
        try:
            proc.wait(wait)
            return
        except subprocess.TimeoutExpired:
            continue


def serve_rolled_back():
    """Test-mode role (``bench_browser.py --serve-rolled-back ODOO_OPTIONS``): Odoo in
    this process, one transaction for every request, the restricted user created in it,
    everything rolled back when stdin closes."""
    import odoo  # noqa: PLC0415 (only this role needs Odoo in the process)
    from odoo.tools import config  # noqa: PLC0415

    config.parse_config(sys.argv[2:])
    odoo.service.server.load_server_wide_modules()
    db = config["db_name"].split(",")[0]
    registry = odoo.modules.registry.Registry(db)
    cr = registry.cursor()
    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
    projects = env["srm.project"].search([], limit=3)
    companies = env["res.company"].search([])
    env["res.users"].with_context(no_reset_password=True).create(
        {
            "name": "Benchmark restricted officer",
            "login": RESTRICTED_LOGIN,
            "password": RESTRICTED_PASSWORD,
            "groups_id": [(6, 0, [env.ref("srm_base.group_srm_restricted").id, env.ref("base.group_user").id])],
            "company_ids": [(6, 0, companies.ids)],
            "company_id": companies[:1].id,
            "srm_project_ids": [(6, 0, projects.ids)],
        }
    )
    env.flush_all()
    registry.enter_test_mode(cr)
    server = odoo.service.server.ThreadedServer(odoo.http.root)
    server.http_spawn()
    try:
        sys.stdin.read()  # until the benchmark closes the pipe
    finally:
        server.httpd.shutdown()
        registry.leave_test_mode()
        cr.rollback()
        cr.close()


def json_rpc(session, url, route, params):
    answer = session.post(
        f"{url}{route}", json={"jsonrpc": "2.0", "method": "call", "params": params}, timeout=300
    ).json()
    if answer.get("error"):
        raise RuntimeError(answer["error"]["data"]["message"])
    return answer["result"]


def pick_records(args, url):
    """Ids the pages open: busiest and ordinary stakeholders, the searched project."""
    session = requests.Session()
    json_rpc(session, url, "/web/session/authenticate", {"db": args.db, "login": args.login, "password": args.password})

    def call(model, method, *a, **kw):
        return json_rpc(
            session,
            url,
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(a), "kwargs": kw},
        )

    with psycopg2.connect(dbname=args.db) as conn, conn.cursor() as cr:
        cr.execute("SET TRANSACTION READ ONLY")
        cr.execute(
            "SELECT partner_id, COUNT(*) FROM srm_engagement_partner_rel"
            " GROUP BY partner_id ORDER BY COUNT(*) DESC LIMIT 1"
        )
        busiest, busiest_count = cr.fetchone()
    ordinary = call("res.partner", "search", [("is_stakeholder", "=", True)], limit=1, offset=500)[0]
    project = call("srm.project", "search_read", [], ["display_name"], limit=1)[0]
    return {"busiest": busiest, "busiest_count": busiest_count, "ordinary": ordinary, "project": project}


# ---------------------------------------------------------------------- pages
FORM = ".o_form_view .o_form_renderer"
LIST = ".o_list_view .o_list_renderer table"
DASHBOARD = ".o_srm_dashboard .o_srm_dashboard_filters"


def page_plan(ids):
    """(group, label, label of its baseline or None, URL, in-app JS, selector)."""

    def form_js(action, rid):
        return (
            f"env.services.action.doAction({json.dumps(action)}, {{viewType: 'form', props: {{resId: {rid}}},"
            " clearBreadcrumbs: true})"
        )

    def action_js(action, view_type=None):
        view = f", viewType: '{view_type}'" if view_type else ""
        return f"env.services.action.doAction({json.dumps(action)}, {{clearBreadcrumbs: true{view}}})"

    stk = "srm_base.res_partner_action_stakeholder"
    contacts = "contacts.action_contacts"
    pages = []
    for who, pid in (("busiest stakeholder", ids["busiest"]), ("ordinary stakeholder", ids["ordinary"])):
        base = f"Contacts form ({pid})"
        pages.append(
            ("form", f"stakeholder form, {who} ({pid})", base, f"/odoo/action-{stk}/{pid}", form_js(stk, pid), FORM)
        )
        pages.append(("form", base, None, f"/odoo/contacts/{pid}", form_js(contacts, pid), FORM))
    pages.append(("list", "stakeholder list", "Contacts list", f"/odoo/action-{stk}", action_js(stk), LIST))
    pages.append(("list", "Contacts list", None, "/odoo/contacts?view_type=list", action_js(contacts, "list"), LIST))
    pages.append(
        (
            "dashboard",
            "SRM Overview dashboard",
            None,
            "/odoo/srm-overview",
            action_js("srm_reporting.srm_dashboard_action"),
            DASHBOARD,
        )
    )
    return pages


def search_plan(ids):
    """Engagement list searches: (label, domain); opened in-app with the action's domain."""
    today = datetime.date.today()
    month_end = today.replace(day=1)
    month_start = (month_end - datetime.timedelta(days=1)).replace(day=1)
    project = ids["project"]
    return [
        ("engagement list", []),
        (f"engagements by project ({project['display_name']})", [["project_id", "=", project["id"]]]),
        (
            f"engagements by period ({month_start:%Y-%m})",
            [["date", ">=", f"{month_start} 00:00:00"], ["date", "<", f"{month_end} 00:00:00"]],
        ),
    ]


ENGAGEMENTS = "srm_base.srm_engagement_action"


def search_js(domain):
    """The engagement action opened with ``domain`` (as a search does), its definition loaded
    once (before the clock starts)."""
    if not domain:
        return f"env.services.action.doAction({json.dumps(ENGAGEMENTS)}, {{clearBreadcrumbs: true}})"
    return (
        "(async () => { if (!window.__benchAction) {"
        f" window.__benchAction = await env.services.action.loadAction({json.dumps(ENGAGEMENTS)});"
        " window.__bench.t0 = performance.now(); }"
        " env.services.action.doAction(Object.assign({}, window.__benchAction,"
        f" {{domain: {json.dumps(domain)}, id: undefined}}), {{clearBreadcrumbs: true}}); }})()"
    )


class Bench:
    def __init__(self, args):
        self.args = args
        self.results = []  # dicts: group, label, baseline, user, and per kind (load, in-app) figures
        self.log_path = None  # the log of the server this script started
        self.dashboard_sql = None  # ms of the raw SQL of the dashboard's figures

    def login(self, browser, url, login, password):
        browser.requests = {}
        browser.call("Page.navigate", {"url": f"{url}/web/login"})
        browser.wait_rendered("form", 100)
        browser.evaluate(
            "fetch('/web/session/authenticate', {method: 'POST', headers: {'Content-Type': 'application/json'},"
            " body: JSON.stringify({jsonrpc: '2.0', method: 'call', params: "
            f"{json.dumps({'db': self.args.db, 'login': login, 'password': password})}}})}})"
            ".then((r) => r.json()).then((r) => { if (r.error) { throw new Error(r.error.data.message); }"
            # every company of the user active (the web client's cookie), as in bench_scale.py:
            # the same records for every user and page, and no switch of company on a form
            " const ids = Object.keys(r.result.user_companies.allowed_companies);"
            " document.cookie = `cids=${ids.join('-')}; path=/`; })",
            await_promise=True,
        )

    def log_offset(self):
        return os.path.getsize(self.log_path) if self.log_path else 0

    def read_log(self, offset, samples):
        """Add the server's figures of the requests logged since ``offset`` to ``samples``:
        call -> list of (queries, server ms)."""
        if not self.log_path:
            return
        time.sleep(0.05)  # the last line is written once the answer is sent
        with open(self.log_path, encoding="utf-8", errors="replace") as log:
            log.seek(offset)
            for line in log:
                match = LOG_LINE.search(line)
                if match:
                    path, queries, sql, rest = match.groups()
                    samples.setdefault(describe_path(path), []).append(
                        (int(queries), (float(sql) + float(rest)) * 1000)
                    )

    def measure(self, browser, url, group, label, baseline, path, js, selector, user=""):
        """Open the page ``repeat + 1`` times by URL and in-app; the first of each discarded."""
        args = self.args
        times = {"load": [], "in-app": []}
        browser_calls = {"load": {}, "in-app": {}}
        server_calls = {"load": {}, "in-app": {}}
        counts = {"load": None, "in-app": None}
        for i in range(args.repeat + 1):
            for kind in ("load", "in-app"):
                if kind == "load" and not path:
                    continue
                offset = self.log_offset()
                if kind == "load":
                    t = browser.navigate(url + path, selector, args.quiet)
                else:
                    t = browser.in_app(js, selector, args.quiet)
                if i:
                    rpcs, images, rows = browser.rpc_summary()
                    times[kind].append(t)
                    counts[kind] = (rpcs, images)
                    collect(browser_calls[kind], rows)
                    self.read_log(offset, server_calls[kind])
        row = {"group": group, "label": label, "baseline": baseline, "user": user}
        row["shown"] = f"{label} ({browser.rows} rows)" if group in ("list", "search") else label
        for kind in ("load", "in-app"):
            row[kind] = median_or_none(times[kind])
            row[kind + " runs"] = times[kind]
            row[kind + " counts"] = counts[kind]
            row[kind + " calls"] = self.call_table(browser_calls[kind], server_calls[kind])
        self.results.append(row)
        print(
            f"  {user + ': ' if user else ''}{row['shown']}: "
            f"load {fmt(row['load'])} ms ({fmt_counts(counts['load'])}), "
            f"in-app {fmt(row['in-app'])} ms ({fmt_counts(counts['in-app'])})",
            flush=True,
        )
        if browser.js_errors:
            print("    browser errors:", "; ".join(browser.js_errors[:3]))
            browser.js_errors.clear()
        return row

    def call_table(self, browser_calls, server_calls):
        """Per call, slowest first: (call, per opening, browser ms, ttfb ms, queries, server ms),
        medians over the openings."""
        repeat = max(1, self.args.repeat)
        table = []
        for call, samples in browser_calls.items():
            server = server_calls.get(call, [])
            table.append(
                (
                    call,
                    len(samples) / repeat,
                    median_or_none([s[0] for s in samples]),
                    median_or_none([s[1] for s in samples]),
                    median_or_none([s[0] for s in server]),
                    median_or_none([s[1] for s in server]),
                )
            )
        table.sort(key=lambda row: -row[2])
        return table

    def run_pages(self, browser, url, ids):
        wanted = set(self.args.only.split(",")) if self.args.only else None
        for group, label, baseline, path, js, selector in page_plan(ids):
            if wanted and group not in wanted:
                continue
            try:
                self.measure(browser, url, group, label, baseline, path, js, selector)
            except (TimeoutError, RuntimeError) as exc:
                print(f"  {label}: FAILED, {exc}", flush=True)

    def run_searches(self, browser, url, ids, user):
        if self.args.only and "search" not in self.args.only.split(","):
            return
        for label, domain in search_plan(ids):
            path = f"/odoo/action-{ENGAGEMENTS}" if not domain else None
            try:
                self.measure(browser, url, "search", label, None, path, search_js(domain), LIST, user=user)
            except (TimeoutError, RuntimeError) as exc:
                print(f"  {user}: {label}: FAILED, {exc}", flush=True)

    def run(self):
        args = self.args
        procs = []
        print(f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, load average {load_average()}")
        try:
            if args.url:
                url = args.url.rstrip("/")
            else:
                print(f"starting Odoo on {args.db}, port {args.port} (log in {args.log_dir})", flush=True)
                proc, url = start_server(args, args.port)
                procs.append(proc)
                self.log_path = os.path.join(args.log_dir, f"odoo_{args.port}.log")
            ids = pick_records(args, url)
            print(
                f"busiest stakeholder {ids['busiest']} ({ids['busiest_count']} engagements), ordinary "
                f"{ids['ordinary']}, project {ids['project']['display_name']}",
                flush=True,
            )
            browser = Browser(args.chromium, timeout=args.timeout)
            try:
                self.login(browser, url, args.login, args.password)
                self.run_pages(browser, url, ids)
                self.run_searches(browser, url, ids, "admin")
            finally:
                browser.close()
            if args.dashboard_sql and (not args.only or "dashboard" in args.only.split(",")):
                self.dashboard_sql = run_dashboard_sql(args)
            if args.restricted and (not args.only or "search" in args.only.split(",")):
                self.run_restricted(procs, ids)
        finally:
            now = datetime.datetime.now(datetime.timezone.utc)
            print(f"\n{now:%Y-%m-%d %H:%M} UTC, load average {load_average()}", flush=True)
            self.print_report()
            for proc in reversed(procs):
                stop_server(proc)

    def run_restricted(self, procs, ids):
        args = self.args
        port = args.port + 1
        print(f"starting Odoo in test mode on port {port} (rolled back at the end)", flush=True)
        proc, url = start_server(args, port, rolled_back=True)
        procs.append(proc)
        self.log_path = os.path.join(args.log_dir, f"odoo_{port}.log")
        for login, password, user in (
            (args.login, args.password, "admin, test mode"),
            (RESTRICTED_LOGIN, RESTRICTED_PASSWORD, "restricted, test mode"),
        ):
            browser = Browser(args.chromium, timeout=args.timeout)
            try:
                self.login(browser, url, login, password)
                self.run_searches(browser, url, ids, user)
            finally:
                browser.close()

    # -- report
    def print_report(self):
        results = {(r["user"], r["label"]): r for r in self.results}
        baselines = {(r["user"], r["baseline"]) for r in self.results if r["baseline"]}
        print(
            "\n| page | user | load ms | in-app ms | RPCs load / in-app | baseline | baseline load / in-app ms"
            " | baseline RPCs | ratio load / in-app |"
        )
        print("| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |")
        for r in self.results:
            if (r["user"], r["label"]) in baselines:
                continue  # printed with its page
            base = results.get((r["user"], r["baseline"]))
            cells = [r["shown"], r["user"] or "admin", fmt(r["load"]), fmt(r["in-app"]), rpc_counts(r)]
            if base:
                cells += [
                    base["shown"],
                    f"{fmt(base['load'])} / {fmt(base['in-app'])}",
                    rpc_counts(base),
                    f"x{ratio(r['load'], base['load'])} / x{ratio(r['in-app'], base['in-app'])}",
                ]
            elif r["group"] == "dashboard":
                # the goal of the dashboard opened from the menu (a full page load adds the
                # web client's start, the same for every page)
                verdict = "met" if r["in-app"] < 1000 else "**not met**"
                sql = self.dashboard_sql
                cells += [
                    "raw SQL of its figures (bench_scale.py, local day)" if sql else "goal: under 1 s",
                    fmt(sql),
                    "",
                    f"x{ratio(r['load'], sql)} / x{ratio(r['in-app'], sql)}; in-app under 1 s: {verdict}"
                    if sql
                    else verdict,
                ]
            else:
                cells += ["", "", "", ""]
            print("| " + " | ".join(cells) + " |")
        print(
            "\nSlowest requests of each page, medians of the openings: ms in the browser, until the"
            " server's answer (ttfb), and the server's queries and time from its log"
        )
        for r in self.results:
            print(
                f"\n{r['user'] + ': ' if r['user'] else ''}{r['shown']}: load runs "
                f"{', '.join(fmt(t) for t in r['load runs']) or '-'}; "
                f"in-app runs {', '.join(fmt(t) for t in r['in-app runs'])}"
            )
            for kind in ("in-app", "load"):
                for call, per, ms, ttfb, queries, server in r[kind + " calls"][: self.args.top]:
                    print(
                        f"    {kind:<6} {ms:7.0f} ms  ttfb {fmt(ttfb):>5} ms  server {fmt(server):>5} ms"
                        f" {fmt(queries):>4} queries  x{per:g}  {call}"
                    )


def rpc_counts(r):
    load = r["load counts"][0] if r["load counts"] else "-"
    return f"{load} / {r['in-app counts'][0]}"


def fmt_counts(counts):
    return f"{counts[0]} RPCs, {counts[1]} images" if counts else "-"


def run_dashboard_sql(args):
    """The time (ms) ``bench_scale.py --only dashboard`` measures for the raw SQL of the
    dashboard's figures on the local day (Odoo in its own process, rolled back), or None."""
    cmd = [
        sys.executable,
        str(pathlib.Path(__file__).with_name("bench_scale.py")),
        "--db",
        args.db,
        "--only",
        "dashboard",
        "--repeat",
        str(args.repeat),
        "--",
        f"--addons-path={args.addons_path}",
    ]
    if args.data_dir:
        cmd.append(f"--data-dir={args.data_dir}")
    print("raw SQL of the dashboard: " + " ".join(cmd[1:]), flush=True)
    try:
        out = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=900).stdout
    except subprocess.TimeoutExpired:
        return None
    for line in out.splitlines():
        if line.startswith("| dashboard") and "local day" in line:
            print("  " + " ".join(line.split()), flush=True)
            match = re.search(r"local day\s*\|\s*([\d.,]+) ms", line)
            return float(match.group(1).replace(",", "")) if match else None
    print("  no figure printed", flush=True)
    return None


def load_average():
    return ", ".join(f"{v:.2f}" for v in os.getloadavg())


def fmt(value):
    return "-" if value is None else f"{value:.0f}"


def ratio(a, b):
    return f"{a / b:.2f}" if a and b else "-"


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="bench_1m")
    parser.add_argument("--url", help="an Odoo server already running on --db (else one is started)")
    parser.add_argument("--port", type=int, default=8273, help="port of the server started (and port + 1)")
    parser.add_argument("--config", help="Odoo configuration file of the server started (database connection...)")
    parser.add_argument("--addons-path", default=f"{REPO},{ODOO_ADDONS}", help="of the server started")
    parser.add_argument("--data-dir", help="Odoo's data directory holding the database's filestore")
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quiet", type=float, default=500, help="ms without DOM change or request: idle")
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--top", type=int, default=6, help="slowest requests printed per page")
    parser.add_argument("--only", default="", help="comma-separated groups: form,list,search,dashboard")
    parser.add_argument(
        "--restricted",
        action="store_true",
        help="engagement searches of a project-restricted user too (test-mode server)",
    )
    parser.add_argument(
        "--no-dashboard-sql",
        dest="dashboard_sql",
        action="store_false",
        help="do not run bench_scale.py --only dashboard for the dashboard's baseline",
    )
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--log-dir", default=tempfile.gettempdir())
    return parser.parse_args(argv)


if __name__ == "__main__":
    if sys.argv[1:2] == [ROLE]:
        serve_rolled_back()
    else:
        Bench(parse_args(sys.argv[1:])).run()
