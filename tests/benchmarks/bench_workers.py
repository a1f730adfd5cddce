# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Concurrent web-client load on a running Odoo (for instance started with --workers=2):
N logged-in sessions open the stakeholder list, a stakeholder form and the engagement
list in a loop for some seconds; prints requests per second, latency percentiles and
errors.

    python3 -m odoo -d srm_scale_full --workers=2 --max-cron-threads=1 --http-port=8177 &
    python3 tests/benchmarks/bench_workers.py --url http://127.0.0.1:8177 --db srm_scale_full \\
        --clients 4 --seconds 60
"""

import argparse
import random
import statistics
import threading
import time

import requests


def call_kw(session, url, model, method, args, kwargs):
    payload = {"jsonrpc": "2.0", "method": "call", "id": 1,
               "params": {"model": model, "method": method, "args": args, "kwargs": kwargs}}
    response = session.post(f"{url}/web/dataset/call_kw/{model}/{method}", json=payload, timeout=300)
    response.raise_for_status()
    answer = response.json()
    if answer.get("error"):
        raise RuntimeError(answer["error"]["data"]["message"])
    return answer["result"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    url = args.url.rstrip("/")
    list_spec = {"display_name": {}, "email": {}, "phone": {}, "city": {}, "srm_quadrant": {},
                 "stakeholder_type_id": {"fields": {"display_name": {}}},
                 "srm_last_engagement_date": {}, "user_id": {"fields": {"display_name": {}}}}
    form_spec = dict(list_spec, srm_engagement_count={}, srm_project_ids={"fields": {"display_name": {}}},
                     child_ids={"fields": {"display_name": {}}, "limit": 40})
    eng_spec = {"date": {}, "name": {}, "engagement_type_id": {"fields": {"display_name": {}}},
                "partner_ids": {"fields": {"display_name": {}}}, "project_id": {"fields": {"display_name": {}}}}
    latencies = {"stakeholder list": [], "stakeholder form": [], "engagement list": []}
    errors = []
    lock = threading.Lock()
    deadline = time.monotonic() + args.seconds

    def client(index):
        session = requests.Session()
        auth = session.post(f"{url}/web/session/authenticate", json={
            "jsonrpc": "2.0", "method": "call",
            "params": {"db": args.db, "login": args.login, "password": args.password}}, timeout=60).json()
        if auth.get("error"):
            errors.append(auth["error"])
            return
        rng = random.Random(index)
        ids = call_kw(session, url, "res.partner", "search", [[("is_stakeholder", "=", True)]], {"limit": 2000})
        while time.monotonic() < deadline:
            for label, func in (
                ("stakeholder list", lambda: call_kw(session, url, "res.partner", "web_search_read",
                                                     [[("is_stakeholder", "=", True)], list_spec],
                                                     {"limit": 80, "offset": rng.randrange(0, 5000),
                                                      "count_limit": 10001})),
                ("stakeholder form", lambda: call_kw(session, url, "res.partner", "web_read",
                                                     [[rng.choice(ids)], form_spec], {})),
                ("engagement list", lambda: call_kw(session, url, "srm.engagement", "web_search_read",
                                                    [[("partner_ids", "in", [rng.choice(ids)])], eng_spec],
                                                    {"limit": 80, "count_limit": 10001})),
            ):
                start = time.perf_counter()
                try:
                    func()
                except Exception as exc:  # noqa: BLE001 (counted and printed)
                    with lock:
                        errors.append(repr(exc))
                    continue
                with lock:
                    latencies[label].append(time.perf_counter() - start)

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    total = sum(len(v) for v in latencies.values())
    print(f"{args.clients} clients, {elapsed:.0f}s: {total} requests, {total / elapsed:.1f} requests/s, "
          f"{len(errors)} errors")
    for label, values in latencies.items():
        if values:
            values.sort()
            p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
            print(f"  {label:<18} n={len(values):<5} median {statistics.median(values) * 1000:7.0f} ms  "
                  f"p95 {p95 * 1000:7.0f} ms")
    for error in errors[:5]:
        print("  error:", error)


if __name__ == "__main__":
    main()
