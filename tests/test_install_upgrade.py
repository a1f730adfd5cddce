# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Install, upgrade and removal of the SRM suite in a database that already lives.

Not through the live server: the test drives ``python3 -m odoo`` in subprocesses on
its own throwaway database (``srm_qa_install_<pid>``):

1. Odoo with contacts, mail and calendar (no demo data), and data of an organisation
   that has no SRM yet: companies and people with tags and addresses, a meeting with
   attendees, messages and a scheduled activity on a partner;
2. every SRM module installed (``-i``), then upgraded (``-u``), then uninstalled
   (``button_immediate_uninstall`` in ``odoo shell``);
3. after each step, the partners and their data outside the suite are compared with a
   snapshot taken before: the columns Odoo had, their tags, meetings, messages and
   activities are untouched. After the removal no table, column, XML id, database
   function or trigger of the suite remains (a trigger on the table of a module that
   stays, such as queue_job's, included).

Marked ``slow`` (about 4 minutes on 2 cores); ``bash setup/test.sh`` runs it.
Environment: SRM_MODULES (modules to install; default every installable srm_* addon),
SRM_EXTRA_ADDONS_PATH; PostgreSQL reachable as for setup/test.sh (PG* variables).
"""

import ast
import json
import os
import pathlib
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow

REPO = pathlib.Path(__file__).resolve().parent.parent
TIMEOUT = 600  # per Odoo run
SNAPSHOT_SQL = {
    # the partners of the organisation, with Odoo's own columns only
    "partners": "SELECT {columns} FROM res_partner WHERE ref LIKE 'OUTSIDE-%' ORDER BY id",
    "tags": "SELECT r.partner_id, c.name::text FROM res_partner_res_partner_category_rel r "
    "JOIN res_partner_category c ON c.id = r.category_id "
    "JOIN res_partner p ON p.id = r.partner_id WHERE p.ref LIKE 'OUTSIDE-%' ORDER BY 1, 2",
    "events": "SELECT e.id, e.name::text, e.start, e.stop, array_agg(a.partner_id ORDER BY a.partner_id) "
    "FROM calendar_event e JOIN calendar_attendee a ON a.event_id = e.id "
    "WHERE e.name::text LIKE '%%Outside meeting%%' GROUP BY e.id ORDER BY e.id",
    "messages": "SELECT m.id, m.res_id, m.body::text, m.message_type FROM mail_message m "
    "JOIN res_partner p ON p.id = m.res_id AND m.model = 'res.partner' "
    "WHERE p.ref LIKE 'OUTSIDE-%' ORDER BY m.id",
    "activities": "SELECT a.id, a.res_id, a.summary, a.date_deadline FROM mail_activity a "
    "JOIN res_partner p ON p.id = a.res_id AND a.res_model = 'res.partner' "
    "WHERE p.ref LIKE 'OUTSIDE-%' ORDER BY a.id",
    "users": "SELECT id, login, partner_id, active FROM res_users ORDER BY id",
}

OUTSIDE_DATA = r'''
from odoo import Command
Partner = env["res.partner"].with_context(tracking_disable=True)
tag_supplier = env["res.partner.category"].create({"name": "Outside supplier"})
tag_vip = env["res.partner.category"].create({"name": "Outside VIP"})
belgium = env.ref("base.be")
companies = Partner.create([
    {"name": f"Outside Company {i}", "is_company": True, "ref": f"OUTSIDE-C{i}", "street": f"Rue {i}",
     "city": "Liège", "zip": "4000", "country_id": belgium.id, "email": f"info{i}@outside.example",
     "phone": f"+32 4 000 00 {i:02d}", "vat": False, "category_id": [Command.set(tag_supplier.ids)],
     "comment": "<p>Customer since 2010</p>"}
    for i in range(5)
])
people = Partner.create([
    {"name": f"Outside Person {i} Zoë 王", "parent_id": companies[i % 5].id, "ref": f"OUTSIDE-P{i}",
     "function": "Buyer", "email": f"person{i}@outside.example", "lang": "en_US",
     "category_id": [Command.set(tag_vip.ids)] if i % 3 == 0 else []}
    for i in range(20)
])
env["calendar.event"].with_context(no_mail_to_attendees=True).create({
    "name": "Outside meeting with suppliers",
    "start": "2026-03-02 09:00:00",
    "stop": "2026-03-02 10:00:00",
    "partner_ids": [Command.set((companies[:2] | people[:3]).ids)],
})
for partner in people[:5]:
    partner.message_post(body=f"Outside note about {partner.name}", message_type="comment",
                         subtype_xmlid="mail.mt_note")
people[0].activity_schedule("mail.mail_activity_data_todo", summary="Outside follow-up",
                            date_deadline="2026-12-01", user_id=env.ref("base.user_admin").id)
env.cr.commit()
print("OUTSIDE-DATA-OK", len(companies), len(people))
'''

UNINSTALL = r'''
modules = env["ir.module.module"].search([("name", "in", {modules!r}), ("state", "=", "installed")])
print("UNINSTALL", modules.mapped("name"))
modules.button_immediate_uninstall()
env.cr.commit()
left = env["ir.module.module"].search([("name", "=like", "srm\\_%"), ("state", "!=", "uninstalled")])
print("UNINSTALL-LEFT", left.mapped("name"))
'''


def _modules():
    listed = os.environ.get("SRM_MODULES", "").split()
    if listed:
        return listed
    found = []
    for manifest in sorted(REPO.glob("srm_*/__manifest__.py")):
        data = ast.literal_eval(manifest.read_text())
        if data.get("installable", True):
            found.append(manifest.parent.name)
    return found


def _addons_path():
    import odoo

    paths = [str(pathlib.Path(odoo.__file__).parent / "addons"), str(REPO)]
    extra = os.environ.get("SRM_EXTRA_ADDONS_PATH")
    if extra:
        paths += [p for p in extra.split(",") if p]
    return ",".join(paths)


class OdooRunner:
    def __init__(self, db, tmp_path):
        self.db = db
        self.data_dir = tmp_path / "data"
        self.conf = tmp_path / "odoo.conf"
        self.conf.write_text("[options]\n")
        self.log = tmp_path / "odoo.log"

    def base_args(self):
        return [sys.executable, "-m", "odoo", "-c", str(self.conf), "-d", self.db, f"--addons-path={_addons_path()}",
                f"--data-dir={self.data_dir}", "--db-filter", f"^{self.db}$", "--workers=0", "--max-cron-threads=0",
                "--http-port=8179", "--log-level=warn"]

    def run(self, *args, stdin=None, shell=False):
        cmd = self.base_args()
        if shell:
            cmd = [sys.executable, "-m", "odoo", "shell", *cmd[3:], "--no-http"]
        else:
            cmd += ["--stop-after-init", "--no-http"]
        cmd += list(args)
        proc = subprocess.run(cmd, input=stdin, capture_output=True, text=True, timeout=TIMEOUT, check=False)
        with self.log.open("a") as log:
            log.write(f"$ {' '.join(cmd)}\n{proc.stdout}\n{proc.stderr}\n")
        errors = [line for line in proc.stderr.splitlines() if " ERROR " in line or " CRITICAL " in line]
        tail = "\n".join((errors or proc.stderr.splitlines())[-30:])
        assert proc.returncode == 0 and not errors, f"odoo {' '.join(args)} failed (exit {proc.returncode}):\n{tail}"
        return proc.stdout


def _sql(db, query):
    out = subprocess.run(
        ["psql", "-X", "-q", "-A", "-t", "-d", db, "-v", "ON_ERROR_STOP=1", "-c",
         f"SELECT coalesce(json_agg(row_to_json(q)), '[]') FROM ({query}) q"],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout
    return json.loads(out)


def _odoo_partner_columns(db):
    """res_partner columns created by Odoo itself (not by srm_* modules)."""
    rows = _sql(
        db,
        "SELECT f.name FROM ir_model_fields f JOIN information_schema.columns c "
        "ON c.table_name = 'res_partner' AND c.column_name = f.name "
        "WHERE f.model = 'res.partner' AND f.store AND NOT EXISTS ("
        "  SELECT 1 FROM ir_model_data d WHERE d.model = 'ir.model.fields' AND d.res_id = f.id "
        "  AND d.module LIKE 'srm\\_%')",
    )
    # write_date and write_uid included: installing the suite must not rewrite the existing
    # partners (srm_base fills its stored computed columns in SQL before the ORM sees them)
    return sorted(r["name"] for r in rows)


def _snapshot(db, columns):
    result = {}
    for key, query in SNAPSHOT_SQL.items():
        if key == "partners":
            query = query.format(columns=", ".join(f'"{c}"' for c in columns))
        result[key] = _sql(db, query)
    return result


def _diff(before, after):
    problems = []
    old = {row["id"]: row for row in before["partners"]}
    new = {row["id"]: row for row in after["partners"]}
    for pid in sorted(set(old) | set(new)):
        if pid not in new or pid not in old:
            problems.append(f"partner {pid}: {'removed' if pid not in new else 'added'}")
            continue
        changed = {c: (old[pid][c], new[pid].get(c)) for c in old[pid] if old[pid][c] != new[pid].get(c)}
        if changed:
            problems.append(f"partner {pid} ({old[pid].get('ref')}): changed {changed}")
    for key in before:
        if key != "partners" and before[key] != after[key]:
            b = {json.dumps(r, sort_keys=True) for r in before[key]}
            a = {json.dumps(r, sort_keys=True) for r in after[key]}
            problems.append(f"{key}: lost {sorted(b - a)[:3]} / new or changed {sorted(a - b)[:3]}")
    return problems


@pytest.fixture
def runner(tmp_path):
    db = f"srm_qa_install_{os.getpid()}"
    subprocess.run(["dropdb", "--if-exists", db], capture_output=True, check=False)
    odoo_runner = OdooRunner(db, tmp_path)
    yield odoo_runner
    subprocess.run(["dropdb", "--if-exists", db], capture_output=True, check=False)


def test_install_upgrade_uninstall_keeps_outside_data(runner):
    modules = _modules()
    assert modules, "no SRM module to install"
    db = runner.db
    runner.run("-i", "contacts,mail,calendar", "--without-demo=all")
    out = runner.run(stdin=OUTSIDE_DATA, shell=True)
    assert "OUTSIDE-DATA-OK 5 20" in out, out[-2000:]
    columns = _odoo_partner_columns(db)
    assert "name" in columns and "email" in columns
    before = _snapshot(db, columns)
    assert len(before["partners"]) == 25 and before["events"] and len(before["messages"]) >= 5

    runner.run("-i", ",".join(modules), "--without-demo=all")
    installed = {r["name"] for r in _sql(db, "SELECT name FROM ir_module_module WHERE state = 'installed'")}
    assert set(modules) <= installed, f"not installed: {set(modules) - installed}"
    assert not _diff(before, _snapshot(db, columns)), _diff(before, _snapshot(db, columns))
    # the suite's own columns exist and do not mark anybody as a stakeholder by itself
    flagged = _sql(db, "SELECT id FROM res_partner WHERE ref LIKE 'OUTSIDE-%' AND is_stakeholder")
    assert flagged == [], "installing the suite turned existing contacts into stakeholders"

    runner.run("-u", ",".join(modules))
    assert not _diff(before, _snapshot(db, columns)), _diff(before, _snapshot(db, columns))

    out = runner.run(stdin=UNINSTALL.replace("{modules!r}", repr(modules)), shell=True)
    assert "UNINSTALL-LEFT []" in out, out[-2000:]
    problems = _diff(before, _snapshot(db, columns))
    assert not problems, problems
    left_tables = _sql(db, "SELECT table_name FROM information_schema.tables "
                           "WHERE table_schema = 'public' AND table_name LIKE 'srm\\_%'")
    assert left_tables == [], f"tables left by the suite: {left_tables}"
    left_columns = _sql(db, "SELECT column_name FROM information_schema.columns "
                            "WHERE table_name = 'res_partner' AND (column_name LIKE 'srm\\_%' "
                            "OR column_name = 'is_stakeholder' OR column_name = 'stakeholder_type_id')")
    assert left_columns == [], f"res_partner columns left by the suite: {left_columns}"
    left_data = _sql(db, "SELECT module, count(*) FROM ir_model_data WHERE module LIKE 'srm\\_%' GROUP BY module")
    assert left_data == [], f"XML ids left by the suite: {left_data}"
    left_routines = _sql(
        db,
        "SELECT 'function' AS kind, proname::text AS name FROM pg_proc WHERE proname LIKE 'srm\\_%' "
        "UNION ALL SELECT 'trigger', tgname::text || ' on ' || tgrelid::regclass::text "
        "FROM pg_trigger WHERE tgname LIKE 'srm\\_%'",
    )
    assert left_routines == [], f"database functions and triggers left by the suite: {left_routines}"
    # Odoo still works on these partners after the removal
    out = runner.run(
        stdin="print('PARTNERS', env['res.partner'].search_count([('ref', '=like', 'OUTSIDE-%')]))\n", shell=True
    )
    assert "PARTNERS 25" in out
