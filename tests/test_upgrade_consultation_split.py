# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A database of the release where consultations lived in srm_base upgrades to
srm_consultation with every record.

Not through the live server: the test drives ``python3 -m odoo`` in subprocesses on
its own throwaway database (``srm_qa_cons_split_<pid>``):

1. the previous release (the parent of the commit that moved consultations out of
   srm_base, or ``SRM_UPGRADE_FROM``) is checked out with ``git worktree add`` into a
   temporary directory, and its srm_base, srm_commitments, srm_issues, srm_reporting
   and srm_ai are installed with demo data (the Río Claro consultation, its themes,
   answers and consent record);
2. the consultation, its consent record and a theme get notes with attachments, a
   follower and an activity; a theme becomes an issue, another a commitment, the
   conditions of consent commitments; a theme gets a tone; the reminders'
   scheduled action is deactivated and set to every 3 days;
3. the database is upgraded with the current tree (``-u srm_base`` only);
4. every row of the consultation tables, answers, engagements of consultations,
   attachments, messages, followers, activities, record rules and access rights is
   the same as before; every XML id is kept, with the same record, those of
   consultations now under srm_consultation (and srm_ai's under
   srm_ai_consultation); Survey is still installed, srm_consultation and its bridges
   are installed; the moved features work (report, themes turned into records).

Marked ``slow`` (several minutes on 2 cores); ``bash setup/test.sh`` runs it.
Environment: SRM_UPGRADE_FROM (commit to upgrade from), PostgreSQL reachable as for
setup/test.sh (PG* variables).
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
TIMEOUT = 1200  # per Odoo run
OLD_MODULES = ("srm_base", "srm_commitments", "srm_issues", "srm_reporting", "srm_ai")
BRIDGES = (
    "srm_consultation_commitments",
    "srm_consultation_issues",
    "srm_ai_consultation",
    "srm_reporting_consultation",
)
MODELS = (
    "srm.consultation",
    "srm.consultation.segment",
    "srm.consultation.theme",
    "srm.consultation.answer.report",
    "srm.consultation.invite.wizard",
    "srm.consultation.interview.wizard",
    "srm.consultation.interview.line",
    "srm.consent.record",
    "srm.consent.step",
    "srm.consent.condition",
)
TABLES = (
    "srm_consultation",
    "srm_consultation_segment",
    "srm_consultation_theme",
    "srm_consent_record",
    "srm_consent_step",
    "srm_consent_condition",
)
RELATIONS = (
    "srm_consultation_theme_line_rel",
    "srm_consent_step_attachment_rel",
    "srm_consent_record_representative_rel",
)
IN_MODELS = "(" + ", ".join(f"'{model}'" for model in MODELS) + ")"
SNAPSHOT_SQL = {
    **{table: f"SELECT to_jsonb(t) - 'write_date' - 'write_uid' AS row FROM {table} t ORDER BY id" for table in TABLES},
    **{relation: f"SELECT * FROM {relation} ORDER BY 1, 2" for relation in RELATIONS},
    "answers": "SELECT to_jsonb(t) - 'write_date' - 'write_uid' AS row FROM survey_user_input t "
    "WHERE srm_consultation_id IS NOT NULL ORDER BY id",
    "answer_lines": "SELECT l.id, l.user_input_id, l.question_id, l.suggested_answer_id, l.value_text_box "
    "FROM survey_user_input_line l JOIN survey_user_input a ON a.id = l.user_input_id "
    "WHERE a.srm_consultation_id IS NOT NULL ORDER BY l.id",
    "surveys": "SELECT id, title FROM survey_survey ORDER BY id",
    "engagements": "SELECT id, consultation_id FROM srm_engagement WHERE consultation_id IS NOT NULL ORDER BY id",
    "attachments": "SELECT id, name, res_model, res_id, checksum, file_size FROM ir_attachment "
    f"WHERE res_model IN {IN_MODELS} OR id IN (SELECT attachment_id FROM srm_consent_step_attachment_rel) "
    "ORDER BY id",
    "messages": "SELECT id, model, res_id, body::text, message_type, subtype_id FROM mail_message "
    f"WHERE model IN {IN_MODELS} ORDER BY id",
    "message_attachments": "SELECT r.message_id, r.attachment_id FROM message_attachment_rel r "
    f"JOIN mail_message m ON m.id = r.message_id WHERE m.model IN {IN_MODELS} ORDER BY 1, 2",
    "followers": f"SELECT id, res_model, res_id, partner_id FROM mail_followers WHERE res_model IN {IN_MODELS} "
    "ORDER BY id",
    "activities": f"SELECT id, res_model, res_id, summary FROM mail_activity WHERE res_model IN {IN_MODELS} "
    "ORDER BY id",
    "rules": "SELECT r.id, r.name, r.domain_force, r.perm_read, r.perm_write, r.perm_create, r.perm_unlink, "
    "r.active, ARRAY(SELECT g.group_id FROM rule_group_rel g WHERE g.rule_group_id = r.id ORDER BY 1) AS groups "
    f"FROM ir_rule r JOIN ir_model m ON m.id = r.model_id WHERE m.model IN {IN_MODELS} OR m.model LIKE 'survey.%' "
    "ORDER BY r.id",
    "access": "SELECT a.id, a.name, a.group_id, a.perm_read, a.perm_write, a.perm_create, a.perm_unlink "
    f"FROM ir_model_access a JOIN ir_model m ON m.id = a.model_id WHERE m.model IN {IN_MODELS} "
    "OR m.model LIKE 'survey.%' ORDER BY a.id",
    "cron": "SELECT c.id, c.active, c.interval_number, c.interval_type FROM ir_cron c "
    "JOIN ir_model_data d ON d.model = 'ir.cron' AND d.res_id = c.id "
    "WHERE d.name = 'ir_cron_srm_consultation_reminders'",
    "models": f"SELECT id, model FROM ir_model WHERE model IN {IN_MODELS} ORDER BY id",
    "fields": "SELECT id, model, name FROM ir_model_fields "
    f"WHERE model IN {IN_MODELS} OR (model = 'srm.engagement' AND name = 'consultation_id') "
    "OR (model LIKE 'survey.%' AND name LIKE 'srm\\_%') ORDER BY id",
    "manager_designs_surveys": "SELECT count(*) FROM res_groups_implied_rel r "
    "JOIN ir_model_data g ON g.model = 'res.groups' AND g.res_id = r.gid "
    "JOIN ir_model_data s ON s.model = 'res.groups' AND s.res_id = r.hid "
    "WHERE g.module = 'srm_base' AND g.name = 'group_srm_manager' "
    "AND s.module = 'survey' AND s.name = 'group_survey_user'",
}
# a sample of each kind of XML id taken over
TAKEN_OVER = (
    "srm_consultation.model_srm_consultation",
    "srm_consultation.model_survey_user_input",
    "srm_consultation.field_srm_consultation__name",
    "srm_consultation.field_srm_engagement__consultation_id",
    "srm_consultation.field_survey_user_input__srm_consultation_id",
    "srm_consultation.selection__srm_consultation__state__open",
    "srm_consultation.model_inherit__srm_consultation__srm_secured_mixin",
    "srm_consultation.srm_consultation_view_form",
    "srm_consultation.srm_engagement_view_form_consultation",
    "srm_consultation.srm_consultation_what_we_heard_template",
    "srm_consultation.srm_consultation_what_we_heard_report",
    "srm_consultation.srm_consultation_action",
    "srm_consultation.srm_consultation_menu",
    "srm_consultation.srm_consultation_rule_user",
    "srm_consultation.survey_user_input_rule_srm_user",
    "srm_consultation.access_srm_consultation_manager",
    "srm_consultation.access_survey_user_input_srm_restricted",
    "srm_consultation.srm_consultation_mail_template_invite",
    "srm_consultation.ir_cron_srm_consultation_reminders",
    "srm_consultation.ir_cron_srm_consultation_reminders_ir_actions_server",
    "srm_consultation.srm_consultation_rio_claro_demo",
    "srm_consultation.srm_consultation_theme_water_demo",
    "srm_consultation.srm_consent_record_quelana_demo",
    "srm_consultation.survey_consultation_rio_claro_demo",
    "srm_ai_consultation.field_srm_consultation_theme__srm_ai_sentiment",
    "srm_ai_consultation.srm_consultation_theme_view_form",
)
# XML ids a later release renamed (migration scripts keep their records)
RENAMED = {
    (module, "view_partner_form"): "res_partner_view_form"
    for module in ("srm_base", "srm_ai", "srm_map", "srm_reporting")
} | {
    ("srm_commitments", "view_partner_form_srm_commitments"): "res_partner_view_form",
    ("srm_issues", "view_partner_form_srm_issues"): "res_partner_view_form",
    ("srm_base", "view_calendar_event_form"): "calendar_event_view_form",
}
# record rules a newer release may add (the project restriction, say)
GROWING = {"rules"}

# XML ids srm_base or srm_ai still have on consultations, their fields, views, rules...
LEFT_IN_SRM_BASE_SQL = f"""
SELECT d.module, d.name FROM ir_model_data d
  LEFT JOIN ir_model_fields f ON d.model = 'ir.model.fields' AND f.id = d.res_id
  LEFT JOIN ir_model m ON d.model = 'ir.model' AND m.id = d.res_id
  LEFT JOIN ir_ui_view v ON d.model = 'ir.ui.view' AND v.id = d.res_id
  LEFT JOIN ir_rule r ON d.model = 'ir.rule' AND r.id = d.res_id
  LEFT JOIN ir_model rm ON rm.id = r.model_id
  LEFT JOIN ir_model_access a ON d.model = 'ir.model.access' AND a.id = d.res_id
  LEFT JOIN ir_model am ON am.id = a.model_id
 WHERE d.module IN ('srm_base', 'srm_ai') AND (
       d.model IN {IN_MODELS} OR d.model LIKE 'survey.%'
    OR f.model IN {IN_MODELS} OR f.model LIKE 'survey.%' OR (f.model = 'srm.engagement' AND f.name = 'consultation_id')
    OR m.model IN {IN_MODELS} OR m.model LIKE 'survey.%'
    OR v.model IN {IN_MODELS} OR v.model LIKE 'survey.%' OR v.arch_db::text LIKE '%consultation_id%'
    OR rm.model IN {IN_MODELS} OR rm.model LIKE 'survey.%'
    OR am.model IN {IN_MODELS} OR am.model LIKE 'survey.%'
    OR d.name LIKE 'srm\\_consultation%' OR d.name LIKE 'srm\\_consent\\_%')
"""
XMLIDS_SQL = "SELECT module, name, model, res_id FROM ir_model_data WHERE module LIKE 'srm\\_%' ORDER BY 1, 2"

OLD_DATA = r"""
consultation = env.ref("srm_base.srm_consultation_rio_claro_demo")
consent = env.ref("srm_base.srm_consent_record_quelana_demo")
water = env.ref("srm_base.srm_consultation_theme_water_demo")
dust = env.ref("srm_base.srm_consultation_theme_dust_demo")
jobs = env.ref("srm_base.srm_consultation_theme_jobs_demo")
for record in (consultation, consent, water):
    attachment = env["ir.attachment"].create({
        "name": f"Evidence {record._name}.txt", "raw": f"kept: {record._name}".encode(),
        "res_model": record._name, "res_id": record.id,
    })
    record.message_post(body=f"Upgrade note on {record._name}", attachment_ids=attachment.ids,
                        subtype_xmlid="mail.mt_note")
consultation.message_subscribe(partner_ids=env.ref("srm_base.user_srm_user_demo").partner_id.ids)
consultation.activity_schedule("mail.mail_activity_data_todo", summary="Upgrade follow-up",
                               user_id=env.ref("base.user_admin").id)
water._srm_turn_into("srm.issue")
dust._srm_turn_into("srm.commitment")
consent._srm_conditions_to_commitments()
jobs.srm_ai_sentiment = -0.42
env.ref("srm_base.ir_cron_srm_consultation_reminders").write({"active": False, "interval_number": 3})
env.cr.commit()
print("OLD-DATA-OK", len(consultation.theme_ids), len(consent.condition_ids))
"""

NEW_CHECKS = r"""
import json
consultation = env.ref("srm_consultation.srm_consultation_rio_claro_demo")
data = consultation._srm_what_we_heard_data()
html = env["ir.actions.report"]._render_qweb_html(
    "srm_consultation.srm_consultation_what_we_heard_report", consultation.ids)[0].decode()
follow_ups = sorted(t.linked_record._name for t in consultation.theme_ids if t.linked_record)
theme = env["srm.consultation.theme"].create({"consultation_id": consultation.id, "name": "After the upgrade"})
commitment = env["srm.commitment"].browse(theme.action_create_commitment()["res_id"])
print("NEW-CHECKS", json.dumps({
    "respondents": data["respondent_count"],
    "report_names_campaign": consultation.name in html,
    "follow_ups": follow_ups,
    "conditions_tracked": all(consultation.consent_record_ids.condition_ids.mapped("linked_record")),
    "jobs_tone": env.ref("srm_consultation.srm_consultation_theme_jobs_demo").srm_ai_sentiment_label,
    "new_theme_commitment": commitment.name,
}))
env.cr.rollback()
"""


def _git(*args):
    return subprocess.run(
        ["git", "-C", str(REPO), *args], capture_output=True, text=True, check=True, timeout=300
    ).stdout.strip()


def _previous_release():
    """The commit to upgrade from: the parent of the commit that removed consultations from srm_base."""
    commit = os.environ.get("SRM_UPGRADE_FROM")
    if commit:
        return _git("rev-parse", "--verify", f"{commit}^{{commit}}")
    moved = _git("log", "-n1", "--format=%H", "--diff-filter=D", "--", "srm_base/models/srm_consultation.py")
    assert moved, (
        "no commit removed srm_base/models/srm_consultation.py in this clone (shallow?): "
        "set SRM_UPGRADE_FROM to the commit to upgrade from"
    )
    return _git("rev-parse", f"{moved}^")


def _odoo_addons():
    import odoo

    return str(pathlib.Path(odoo.__file__).parent / "addons")


class OdooRunner:
    def __init__(self, db, tmp_path):
        self.db = db
        self.data_dir = tmp_path / "data"
        self.conf = tmp_path / "odoo.conf"
        self.conf.write_text("[options]\n")
        self.log = tmp_path / "odoo.log"

    def run(self, addons, *args, stdin=None, shell=False, no_warning=False):
        base = [f"--config={self.conf}", f"--database={self.db}", f"--addons-path={addons},{_odoo_addons()}",
                f"--data-dir={self.data_dir}", "--db-filter", f"^{self.db}$", "--workers=0",
                "--max-cron-threads=0", "--log-level=warn", "--no-http"]  # fmt: skip
        cmd = [sys.executable, "-m", "odoo", *(["shell"] if shell else []), *base]
        if not shell:
            cmd.append("--stop-after-init")
        cmd += list(args)
        proc = subprocess.run(cmd, input=stdin, capture_output=True, text=True, timeout=TIMEOUT, check=False)
        with self.log.open("a") as log:
            log.write(f"$ {' '.join(cmd)}\n{proc.stdout}\n{proc.stderr}\n")
        levels = (" ERROR ", " CRITICAL ", " WARNING ") if no_warning else (" ERROR ", " CRITICAL ")
        problems = [line for line in proc.stderr.splitlines() if any(level in line for level in levels)]
        tail = "\n".join((problems or proc.stderr.splitlines())[-30:])
        assert proc.returncode == 0 and not problems, f"odoo {' '.join(args)} failed (exit {proc.returncode}):\n{tail}"
        return proc.stdout


def _sql(db, query):
    out = subprocess.run(
        ["psql", "-X", "-q", "-A", "-t", "-d", db, "-v", "ON_ERROR_STOP=1", "-c",
         f"SELECT coalesce(json_agg(row_to_json(q)), '[]') FROM ({query}) q"],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout  # fmt: skip
    return json.loads(out)


def _snapshot(db):
    return {key: _sql(db, query) for key, query in SNAPSHOT_SQL.items()}


def _xmlids(db):
    return {(row["module"], row["name"]): (row["model"], row["res_id"]) for row in _sql(db, XMLIDS_SQL)}


def _modules(db):
    rows = _sql(db, "SELECT name, state, latest_version FROM ir_module_module")
    return {row["name"]: (row["state"], row["latest_version"]) for row in rows}


@pytest.fixture
def previous_release(tmp_path):
    commit = _previous_release()
    tree = tmp_path / "previous"
    _git("worktree", "add", "--detach", str(tree), commit)
    yield tree
    _git("worktree", "remove", "--force", str(tree))


@pytest.fixture
def runner(tmp_path):
    db = f"srm_qa_cons_split_{os.getpid()}"
    subprocess.run(["dropdb", "--if-exists", db], capture_output=True, check=False)
    yield OdooRunner(db, tmp_path)
    subprocess.run(["dropdb", "--if-exists", db], capture_output=True, check=False)


def test_upgrade_keeps_consultations(runner, previous_release):
    assert (previous_release / "srm_base/models/srm_consultation.py").exists(), "not a release with consultations"
    runner.run(previous_release, "-i", ",".join(OLD_MODULES))
    out = runner.run(previous_release, stdin=OLD_DATA, shell=True)
    assert "OLD-DATA-OK" in out, out[-2000:]
    before, xmlids_before = _snapshot(runner.db), _xmlids(runner.db)
    assert before["srm_consultation"] and before["answers"] and before["engagements"] and before["srm_consent_step"]
    assert len(before["attachments"]) >= 4 and len(before["messages"]) >= 3 and before["followers"]
    assert before["cron"][0]["active"] is False and before["manager_designs_surveys"][0]["count"] == 1
    runner.run(REPO, "-u", "srm_base", no_warning=True)

    after, xmlids_after = _snapshot(runner.db), _xmlids(runner.db)
    for key in SNAPSHOT_SQL:
        if key in GROWING:
            # later releases may add to these: every one of before is kept as it was
            missing = [row for row in before[key] if row not in after[key]]
            assert not missing, f"{key} changed or lost by the upgrade: {missing[:3]}"
        else:
            assert after[key] == before[key], f"{key} changed by the upgrade"
    modules = _modules(runner.db)
    assert modules["survey"][0] == "installed"
    # the version of the release upgraded to (1.1.0, the split, or a later one)
    manifest = ast.literal_eval((REPO / "srm_base" / "__manifest__.py").read_text())
    assert modules["srm_base"] == ("installed", manifest["version"])
    assert tuple(map(int, manifest["version"].split("."))) >= (18, 0, 1, 1, 0)
    for module in ("srm_consultation", *BRIDGES):
        assert modules[module][0] == "installed", f"{module} not installed by the upgrade"
    # every XML id is kept, on the same record: under its module, or under the module that took it over
    by_record = {}
    for (module, name), target in xmlids_after.items():
        by_record.setdefault((name, *target), set()).add(module)
    heirs = {"srm_base": {"srm_base", "srm_consultation", *BRIDGES}, "srm_ai": {"srm_ai", "srm_ai_consultation"}}

    def heirs_of(module, name):
        # srm_issues' extension of mail.thread (the authentication of senders) moved to
        # srm_base, and with it the records of the models that inherit mail.thread
        if module == "srm_issues" and (
            name == "model_mail_thread" or (name.startswith("model_inherit__") and name.endswith("__mail_thread"))
        ):
            return {"srm_issues", "srm_base"}
        return heirs.get(module, {module})

    lost = [
        f"{module}.{name}"
        for (module, name), target in xmlids_before.items()
        if not by_record.get((RENAMED.get((module, name), name), *target), set()) & heirs_of(module, name)
    ]
    assert not lost, f"XML ids lost by the upgrade: {lost[:20]}"
    # those of consultations belong to srm_consultation now, srm_ai's to srm_ai_consultation
    for xmlid in TAKEN_OVER:
        module, name = xmlid.split(".")
        old = "srm_ai" if module == "srm_ai_consultation" else "srm_base"
        assert xmlids_after.get((module, name)) == xmlids_before[(old, name)], f"{old}.{name} is not {xmlid}"
    left = _sql(runner.db, LEFT_IN_SRM_BASE_SQL)
    assert left == [], f"XML ids of consultations left in srm_base or srm_ai: {left[:10]}"

    out = runner.run(REPO, stdin=NEW_CHECKS, shell=True)
    line = next((line for line in out.splitlines() if line.startswith("NEW-CHECKS ")), None)
    assert line, out[-2000:]
    checks = json.loads(line.split(" ", 1)[1])
    assert checks["respondents"] >= 55
    assert checks["report_names_campaign"]
    assert checks["follow_ups"] == ["srm.commitment", "srm.issue"]
    assert checks["conditions_tracked"]
    assert checks["jobs_tone"] == "negative"
    assert checks["new_theme_commitment"] == "After the upgrade"
