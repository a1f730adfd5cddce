# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Concurrency on a running server: two users updating the same issue or commitment
at once, and the crons running while users work.

- Two JSON-RPC clients (two SRM users) in threads write the same record many times,
  one field each: no update of either field is lost (each ends with its writer's last
  value). Concurrent UPDATEs of one row make PostgreSQL raise serialization failures
  in Odoo's REPEATABLE READ transactions; Odoo's RPC layer retries them, so no client
  sees an error.
- Both write the same field: every call succeeds and the record ends with one of the
  two last values, never a mix or an older one.
- The module's crons are triggered (ir.cron.method_direct_trigger, as admin), twice
  at once and while users write: the users' updates survive and no activity is
  created twice for the same record, type and user.

Runs for srm.issue (srm_issues) and srm.commitment (srm_commitments); a module that
is not installed is skipped, unless it is listed in SRM_MODULES (then it fails).
"""

import collections
import datetime
import threading

import pytest
from conftest import JsonRpcError
from fixtures_srm import create_user, minimal_values, require_module, unique

ROUNDS = 15
MODELS = [("srm_issues", "srm.issue"), ("srm_commitments", "srm.commitment")]
CRON_BUSY = ("odoo.exceptions.UserError",)  # "currently being executed": the other trigger holds the lock


@pytest.fixture(scope="module")
def two_users(odoo, odoo_as):
    project = odoo.execute_kw(
        "srm.project", "create", [{"name": f"Concurrency {unique()}", "code": unique("CONC")}]
    )
    clients = []
    for _ in range(2):
        _uid, login, password = create_user(odoo, "user", projects=[project])
        clients.append(odoo_as(login, password))
    partner = odoo.execute_kw(
        "res.partner", "create",
        [{"name": f"Concurrent stakeholder {unique()}", "is_stakeholder": True,
          "srm_project_ids": [[6, 0, [project]]]}],
    )
    return {"project": project, "clients": clients, "partner": partner}


def _text_fields(odoo, model):
    """Two plain writable fields of ``model`` for the two writers."""
    fields = odoo.execute_kw(model, "fields_get", [], {"attributes": ["type", "readonly", "store"]})
    candidates = [
        name for name in ("name", "location", "title", "description", "progress_note", "note")
        if name in fields and fields[name]["type"] in ("char", "text", "html") and not fields[name]["readonly"]
    ]
    assert len(candidates) >= 2, f"{model}: no two writable text fields among {candidates}"
    return candidates[0], candidates[1]


def _record(odoo, model, scene, **extra):
    fields = odoo.execute_kw(model, "fields_get", [], {"attributes": ["type"]})
    values = {"project_id": scene["project"]}
    if "partner_ids" in fields:
        values["partner_ids"] = [[6, 0, [scene["partner"]]]]
    for name in ("name", "title"):
        if name in fields and fields[name]["type"] == "char":
            values[name] = f"Concurrent {model} {unique()}"
            break
    values.update({k: v for k, v in extra.items() if k in fields})
    return odoo.execute_kw(model, "create", [minimal_values(odoo, model, values)])


def _run_threads(*targets):
    errors = []

    def wrap(func):
        def run():
            try:
                func()
            except Exception as exc:  # noqa: BLE001 (reported to the test below)
                errors.append(exc)
        return run

    threads = [threading.Thread(target=wrap(t)) for t in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not any(t.is_alive() for t in threads), "a writer is still running after 5 minutes"
    return errors


def _plain(value):
    return (value or "").replace("<p>", "").replace("</p>", "").strip()


@pytest.mark.parametrize("module,model", MODELS)
def test_two_users_write_different_fields(odoo, srm_modules, two_users, module, model):
    require_module(odoo, srm_modules, module)
    record = _record(odoo, model, two_users)
    field_a, field_b = _text_fields(odoo, model)
    client_a, client_b = two_users["clients"]

    def writer(client, field, tag):
        def run():
            for index in range(ROUNDS):
                assert client.execute_kw(model, "write", [[record], {field: f"{tag} {index}"}]) is True
        return run

    errors = _run_threads(writer(client_a, field_a, "A"), writer(client_b, field_b, "B"))
    assert not errors, f"a concurrent write failed instead of being retried: {errors[0]}"
    row = odoo.execute_kw(model, "read", [[record], [field_a, field_b]])[0]
    assert _plain(row[field_a]) == f"A {ROUNDS - 1}", row
    assert _plain(row[field_b]) == f"B {ROUNDS - 1}", row


@pytest.mark.parametrize("module,model", MODELS)
def test_two_users_write_the_same_field(odoo, srm_modules, two_users, module, model):
    require_module(odoo, srm_modules, module)
    record = _record(odoo, model, two_users)
    field, _other = _text_fields(odoo, model)
    client_a, client_b = two_users["clients"]
    results = collections.Counter()

    def writer(client, tag):
        def run():
            for index in range(ROUNDS):
                client.execute_kw(model, "write", [[record], {field: f"{tag} {index}"}])
                results[tag] += 1
        return run

    errors = _run_threads(writer(client_a, "A"), writer(client_b, "B"))
    assert not errors, f"a concurrent write failed instead of being retried: {errors[0]}"
    assert results == {"A": ROUNDS, "B": ROUNDS}
    final = _plain(odoo.execute_kw(model, "read", [[record], [field]])[0][field])
    assert final in (f"A {ROUNDS - 1}", f"B {ROUNDS - 1}"), final


def _crons(odoo, model):
    return odoo.search_read("ir.cron", [("model_id.model", "=", model)], ["name"])


def _duplicate_activities(odoo, model, ids):
    rows = odoo.search_read(
        "mail.activity", [("res_model", "=", model), ("res_id", "in", ids)],
        ["res_id", "activity_type_id", "user_id", "summary", "date_deadline"],
    )
    keys = collections.Counter(
        (r["res_id"], r["activity_type_id"] and r["activity_type_id"][0], r["user_id"] and r["user_id"][0],
         r["summary"])
        for r in rows
    )
    return {key: n for key, n in keys.items() if n > 1}, len(rows)


@pytest.mark.parametrize("module,model", MODELS)
def test_crons_while_users_write(odoo, srm_modules, two_users, module, model):
    """Records due for reminders/escalation; the crons run twice at once while two users
    write those records: user updates survive, no activity is doubled."""
    require_module(odoo, srm_modules, module)
    crons = _crons(odoo, model)
    if not crons:
        pytest.fail(f"{module} is installed but has no cron on {model}")
    past = (datetime.datetime.now() - datetime.timedelta(days=20)).replace(microsecond=0).isoformat(sep=" ")
    soon = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    extra = {"date_received": past, "severity": "4", "date_deadline": soon, "date_due": soon, "due_date": soon}
    records = []
    for _ in range(6):
        try:
            records.append(_record(odoo, model, two_users, **extra))
        except JsonRpcError:
            records.append(_record(odoo, model, two_users))
    field_a, field_b = _text_fields(odoo, model)
    client_a, client_b = two_users["clients"]
    cron_errors = []

    def cron_runner():
        for cron in crons:
            try:
                odoo_cron = odoo  # the admin client; JSON-RPC calls are independent requests
                odoo_cron.execute_kw("ir.cron", "method_direct_trigger", [[cron["id"]]])
            except JsonRpcError as exc:
                if exc.name not in CRON_BUSY:
                    cron_errors.append(exc)

    def writer(client, field, tag):
        def run():
            for index in range(5):
                for record in records:
                    client.execute_kw(model, "write", [[record], {field: f"{tag} {index}"}])
        return run

    errors = _run_threads(
        cron_runner, cron_runner, writer(client_a, field_a, "A"), writer(client_b, field_b, "B")
    )
    assert not errors, f"a write failed while the crons ran: {errors[0]}"
    assert not cron_errors, f"a cron failed while users wrote: {cron_errors[0]}"
    rows = odoo.execute_kw(model, "read", [records, [field_a, field_b]])
    for row in rows:
        assert _plain(row[field_a]) == "A 4" and _plain(row[field_b]) == "B 4", row
    duplicates, count = _duplicate_activities(odoo, model, records)
    assert not duplicates, f"activities created twice: {duplicates}"
    assert count > 0, f"the crons of {module} scheduled nothing on records that are due: nothing was checked"
    # a third run, alone, adds nothing either
    cron_runner()
    duplicates, count_after = _duplicate_activities(odoo, model, records)
    assert not duplicates and count_after == count, (count, count_after, duplicates)
