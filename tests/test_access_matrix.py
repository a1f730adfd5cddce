# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who sees what, on every path an outsider's client can take (SECURITY.md).

The admin sets the scene over JSON-RPC: two projects; per project a normal and a
confidential engagement, commitment and grievance; on project 1 a sensitive and an
anonymous grievance whose complainants wrote to them by email, and a worker grievance;
an AI brief prepared by a Confidential access user; a grievance log archived with
"Leave out confidential records"; land parcels when srm_land is installed. One user per
role is created, then each role's client reads the scene through:

- JSON-RPC ``/jsonrpc`` (search, read, read_group, name_search, export_data);
- the web client's ``/web/dataset/call_kw`` (web_search_read, web_read);
- the chatter's records (mail.message, mail.followers, mail.activity, ir.attachment);
- ``/report/html/...`` and ``/web/content/...`` (the archived report file);
- the portal (``/my/issues``) and the public pages (``/grievance/...``).

The tables below are the whole expectation: a key is a record of the scene, a set the
keys a role must see (no more, no less) on every path.
"""

import base64
import datetime
import io
import zipfile

import pytest
import requests
from conftest import JsonRpcError, WebSession
from fixtures_srm import installed_modules, minimal_values, unique

ACCESS_ERRORS = ("odoo.exceptions.AccessError", "odoo.exceptions.MissingError")

ROLES = (
    "manager",
    "user",
    "confidential",
    "auditor",
    "restricted",
    "restricted_conf",
    "worker",
    "portal_complainant",
    "portal_stakeholder",
)
INTERNAL_ROLES = ROLES[:7]

# groups of each role (xml ids); project-restricted roles are members of project p1 only
ROLE_GROUPS = {
    "manager": ["base.group_user", "srm_base.group_srm_manager"],
    "user": ["base.group_user", "srm_base.group_srm_user"],
    "confidential": ["base.group_user", "srm_base.group_srm_user", "srm_base.group_srm_confidential"],
    "auditor": ["base.group_user", "srm_base.group_srm_auditor"],
    "restricted": ["base.group_user", "srm_base.group_srm_restricted"],
    "restricted_conf": ["base.group_user", "srm_base.group_srm_restricted", "srm_base.group_srm_confidential"],
    "worker": ["base.group_user", "srm_issues.group_srm_issue_worker"],
    "portal_complainant": ["base.group_portal"],
    "portal_stakeholder": ["base.group_portal"],
}
PROJECT_MEMBERS = {"restricted", "restricted_conf"}

# Scene keys: <kind><project>[c] -- e1 engagement of p1, e1c its confidential twin, ...
# isens / ianon: sensitive / anonymous grievance of p1; iwork: worker grievance of p1
ALL = {
    "srm.engagement": {"e1", "e1c", "e2", "e2c"},
    "srm.commitment": {"c1", "c1c", "c2", "c2c"},
    "srm.issue": {"i1", "i1c", "i2", "i2c", "isens", "ianon", "iwork"},
    "srm.land.parcel": {"l1", "l1c", "l2", "l2c"},
}
COMMUNITY = ALL["srm.issue"] - {"iwork"}

# ---------------------------------------------------------------- THE MATRIX
# role -> model -> keys visible on search / read / read_group / name_search / export_data /
# web_search_read / web_read; the same keys bound mail.message, mail.followers,
# mail.activity, ir.attachment and AI message scores of those records.
MATRIX = {
    "manager": {
        "srm.engagement": {"e1", "e1c", "e2", "e2c"},
        "srm.commitment": {"c1", "c1c", "c2", "c2c"},
        "srm.issue": COMMUNITY,
        "srm.land.parcel": {"l1", "l1c", "l2", "l2c"},
    },
    "user": {
        "srm.engagement": {"e1", "e2"},
        "srm.commitment": {"c1", "c2"},
        "srm.issue": {"i1", "i2", "isens", "ianon"},
        "srm.land.parcel": {"l1", "l2"},
    },
    "confidential": {
        "srm.engagement": {"e1", "e1c", "e2", "e2c"},
        "srm.commitment": {"c1", "c1c", "c2", "c2c"},
        "srm.issue": COMMUNITY,
        "srm.land.parcel": {"l1", "l1c", "l2", "l2c"},
    },
    "auditor": {
        "srm.engagement": {"e1", "e2"},
        "srm.commitment": {"c1", "c2"},
        "srm.issue": {"i1", "i2", "isens", "ianon"},
        "srm.land.parcel": {"l1", "l2"},
    },
    "restricted": {
        "srm.engagement": {"e1"},
        "srm.commitment": {"c1"},
        "srm.issue": {"i1", "isens", "ianon"},
        "srm.land.parcel": {"l1"},
    },
    "restricted_conf": {
        "srm.engagement": {"e1", "e1c"},
        "srm.commitment": {"c1", "c1c"},
        "srm.issue": {"i1", "i1c", "isens", "ianon"},
        "srm.land.parcel": {"l1", "l1c"},
    },
    "worker": {
        "srm.engagement": set(),
        "srm.commitment": set(),
        "srm.issue": {"iwork"},
        "srm.land.parcel": set(),
    },
    # portal users have no access right on the register: refused or empty, never a record
    "portal_complainant": {
        "srm.engagement": set(),
        "srm.commitment": set(),
        "srm.issue": {"isens"},  # the grievance they filed
        "srm.land.parcel": set(),
    },
    "portal_stakeholder": {
        "srm.engagement": set(),
        "srm.commitment": set(),
        "srm.issue": set(),  # concerned issues are shown by the portal pages only
        "srm.land.parcel": set(),
    },
}

# who knows the complainants of the protected grievances (isens, ianon): name, email,
# contact record, on the issue, its messages, followers, activities and AI scores
SEES_PROTECTED_IDENTITY = {"manager", "confidential", "restricted_conf", "portal_complainant"}

# other records, by role: the AI brief of the Confidential access user (private to its
# author), the grievance log archived without confidential records (its entry and its file)
OTHER = {
    "brief": {"confidential"},
    "report_log": {"manager", "user", "confidential", "auditor"},
}

# portal pages: the grievances listed on /my/issues (own, then concerning the stakeholder)
PORTAL_MY_ISSUES = {
    "portal_complainant": {"isens"},
    "portal_stakeholder": {"i1", "ianon"},
}
# grievances whose own page /my/issues/<id> opens for the role
PORTAL_ISSUE_PAGE = {
    "portal_complainant": {"isens"},
    "portal_stakeholder": {"i1", "ianon"},
}


# ---------------------------------------------------------------- the scene
def _json_route(session, path, params):
    """A JSON route of the web client, called with the session's cookie."""
    response = session.post(path, json={"jsonrpc": "2.0", "method": "call", "params": params})
    response.raise_for_status()
    answer = response.json()
    if answer.get("error"):
        raise JsonRpcError(answer["error"])
    return answer["result"]


def _rpc_web(session, model, method, args, kwargs=None):
    """``/web/dataset/call_kw``: the web client's way to call a model method."""
    params = {"model": model, "method": method, "args": args, "kwargs": kwargs or {}}
    return _json_route(session, f"/web/dataset/call_kw/{model}/{method}", params)


def _create_records(odoo, tag, modules, company, projects, stakeholders, complainants):
    """Engagements, commitments, parcels (normal and confidential per project) and grievances."""
    now = datetime.datetime.now().replace(microsecond=0).isoformat(sep=" ")
    records = {model: {} for model in ALL}
    for model, prefix in (("srm.engagement", "e"), ("srm.commitment", "c"), ("srm.land.parcel", "l")):
        if model == "srm.land.parcel" and "srm_land" not in modules:
            continue
        fields = odoo.execute_kw(model, "fields_get", [], {"attributes": ["type"]})
        for project in ("1", "2"):
            for confidential in (False, True):
                key = f"{prefix}{project}{'c' if confidential else ''}"
                values = {
                    "name": f"{model} {key} {tag}",
                    "project_id": projects["p" + project],
                    "company_id": company,
                    "is_confidential": confidential,
                }
                if "partner_ids" in fields:
                    values["partner_ids"] = [[6, 0, [stakeholders["s" + project]]]]
                if model == "srm.engagement":
                    values.update(date=now, direction="inbound", summary=f"Summary {key} {tag}")
                if "visibility" in fields:  # srm.commitment: the visibility sets the flag
                    values["visibility"] = "confidential" if confidential else "internal"
                records[model][key] = odoo.execute_kw(model, "create", [minimal_values(odoo, model, values)])

    def issue(key, project, **values):
        values = {
            "name": f"srm.issue {key} {tag}",
            "project_id": projects[project],
            "company_id": company,
            "partner_ids": [[6, 0, [stakeholders["s" + project[-1]]]]],
            "description": f"<p>Description {key} {tag}</p>",
            **values,
        }
        records["srm.issue"][key] = odoo.execute_kw("srm.issue", "create", [minimal_values(odoo, "srm.issue", values)])

    for project in ("1", "2"):
        issue(f"i{project}", f"p{project}")
        issue(f"i{project}c", f"p{project}", is_confidential=True)
    issue("isens", "p1", is_sensitive=True, complainant_partner_id=complainants["isens"])
    issue("ianon", "p1", is_anonymous=True, complainant_partner_id=complainants["ianon"])
    issue("iwork", "p1", grievance_scope="worker")
    return records


def _create_users(odoo, tag, projects, stakeholders, complainants):
    """One user per role, created in one call (a user's creation is slow)."""
    vals_list = []
    for role in ROLES:
        login = unique(role)
        group_ids = [odoo.ref(xmlid) for xmlid in ROLE_GROUPS[role]]
        if role in INTERNAL_ROLES:  # Odoo 18: exporting needs this group
            group_ids.append(odoo.ref("base.group_allow_export"))
        values = {
            "name": f"Matrix {role} {tag}",
            "login": login,
            "password": login + "_Pw1",
            "groups_id": [[6, 0, group_ids]],
        }
        if role == "portal_complainant":  # the user's name is its partner's: keep the complainant's
            values.update(partner_id=complainants["isens"], name=f"Complainant isens {tag}")
        elif role == "portal_stakeholder":
            values.update(partner_id=stakeholders["s1"], name=f"Stakeholder s1 {tag}")
        vals_list.append(values)
    uids = odoo.execute_kw("res.users", "create", [vals_list], {"context": {"no_reset_password": True}})
    users = {
        role: (uid, vals["login"], vals["password"]) for role, uid, vals in zip(ROLES, uids, vals_list, strict=True)
    }
    members = [[4, users[role][0]] for role in PROJECT_MEMBERS]
    odoo.execute_kw("srm.project", "write", [[projects["p1"]], {"member_ids": members}])
    return users


def _create_chatter(odoo, tag, issues, complainants, conf_uid):
    """Complainants' emails and followers, internal notes, an activity and a file per grievance."""
    messages, activities, attachments = {}, {}, {}
    for key in ("isens", "ianon"):
        odoo.execute_kw("srm.issue", "message_subscribe", [[issues[key]]], {"partner_ids": [complainants[key]]})
        messages[key] = odoo.execute_kw(
            "srm.issue",
            "message_post",
            [[issues[key]]],
            {
                "body": f"Email of complainant {key} {tag}",
                "message_type": "email",
                "subtype_xmlid": "mail.mt_comment",
                "author_id": complainants[key],
                "email_from": f"Complainant {key} {tag} <{key}.{tag}@example.org>",
            },
        )
    for key in ("i1", "i1c", "i2c", "iwork"):
        messages[key] = odoo.execute_kw(
            "srm.issue",
            "message_post",
            [[issues[key]]],
            {"body": f"Note on {key} {tag}", "message_type": "comment", "subtype_xmlid": "mail.mt_note"},
        )
    for key, issue_id in issues.items():
        odoo.execute_kw(
            "srm.issue",
            "activity_schedule",
            [[issue_id]],
            {
                "act_type_xmlid": "mail.mail_activity_data_todo",
                "summary": f"Activity {key} {tag}",
                "user_id": odoo.uid if key == "iwork" else conf_uid,
            },
        )
        found = odoo.execute_kw(
            "mail.activity", "search", [[("res_model", "=", "srm.issue"), ("res_id", "=", issue_id)]]
        )
        activities[key] = found[0]
        attachments[key] = odoo.execute_kw(
            "ir.attachment",
            "create",
            [
                {
                    "name": f"file_{key}_{tag}.txt",
                    "res_model": "srm.issue",
                    "res_id": issue_id,
                    "datas": base64.b64encode(f"Attachment {key} {tag}".encode()).decode(),
                }
            ],
        )
    return messages, activities, attachments


def _create_report_log(conf, projects):
    """The grievance log of both projects archived by ``conf``, without confidential records."""
    today = datetime.date.today()
    wizard = conf.execute_kw(
        "srm.report.wizard",
        "create",
        [
            {
                "report_kind": "grievance_log",
                "output_format": "xlsx",
                "exclude_confidential": True,
                "project_ids": [[6, 0, list(projects.values())]],
                "date_from": (today - datetime.timedelta(days=31)).isoformat(),
                "date_to": (today + datetime.timedelta(days=1)).isoformat(),
            }
        ],
    )
    conf.execute_kw("srm.report.wizard", "action_generate", [[wizard]])
    return conf.execute_kw(
        "srm.report.log", "search", [[("user_id", "=", conf.uid)]], {"order": "id desc", "limit": 1}
    )[0]


@pytest.fixture(scope="module")
def scene(odoo, odoo_as, srm_env):
    tag = unique("mx")
    modules = installed_modules(odoo)
    for needed in ("srm_issues", "srm_commitments"):
        assert needed in modules, f"{needed} is needed by the access matrix"
    company = odoo.execute_kw("res.users", "read", [[odoo.uid], ["company_id"]])[0]["company_id"][0]
    projects = {
        key: odoo.execute_kw(
            "srm.project", "create", [{"name": f"{key} {tag}", "code": f"{key}-{tag}", "company_id": company}]
        )
        for key in ("p1", "p2")
    }
    stakeholders = {
        key: odoo.execute_kw(
            "res.partner",
            "create",
            [
                {
                    "name": f"Stakeholder {key} {tag}",
                    "is_stakeholder": True,
                    "srm_project_ids": [[6, 0, [projects["p" + key[-1]]]]],
                    "email": f"stakeholder.{key}.{tag}@example.org",
                }
            ],
        )
        for key in ("s1", "s2")
    }
    # complainants of the protected grievances: contacts, not stakeholders of anything
    complainants = {
        key: odoo.execute_kw(
            "res.partner", "create", [{"name": f"Complainant {key} {tag}", "email": f"{key}.{tag}@example.org"}]
        )
        for key in ("isens", "ianon")
    }
    records = _create_records(odoo, tag, modules, company, projects, stakeholders, complainants)
    users = _create_users(odoo, tag, projects, stakeholders, complainants)
    messages, activities, attachments = _create_chatter(
        odoo, tag, records["srm.issue"], complainants, users["confidential"][0]
    )
    clients = {role: odoo_as(login, password) for role, (_uid, login, password) in users.items()}
    webs = {}
    for role, (_uid, login, password) in users.items():
        webs[role] = WebSession(srm_env["url"], srm_env["db"])
        webs[role].authenticate(login, password)
    brief = None
    if "srm_ai" in modules:  # the Confidential access user's brief on s1 quotes confidential records
        brief = clients["confidential"].execute_kw("srm.ai.briefing", "create", [{"partner_id": stakeholders["s1"]}])
        clients["confidential"].execute_kw("srm.ai.briefing", "action_prepare", [[brief]])
    report_log = _create_report_log(clients["confidential"], projects) if "srm_reporting" in modules else None
    yield {
        "tag": tag,
        "projects": projects,
        "stakeholders": stakeholders,
        "complainants": complainants,
        "records": records,
        "users": users,
        "clients": clients,
        "webs": webs,
        "messages": messages,
        "activities": activities,
        "attachments": attachments,
        "brief": brief,
        "report_log": report_log,
        "modules": modules,
    }
    for web in webs.values():
        web.close()


def _keys(mapping, ids):
    reverse = {v: k for k, v in mapping.items()}
    return {reverse[i] for i in ids if i in reverse}


def _refused_or(callable_, empty):
    """The answer of ``callable_``, or ``empty`` when the server refuses it (no access right)."""
    try:
        return callable_()
    except JsonRpcError as error:
        assert error.name in ACCESS_ERRORS, error
        return empty


def _check(role, what, got, expected):
    """Assert a cell of the matrix."""
    assert got == expected, f"{role} / {what}: sees {sorted(got)}, expected {sorted(expected)}"


def _expected_other(key, role):
    return {key} if role in OTHER[key] else set()


def _identity_strings(scene, key):
    tag = scene["tag"]
    return (f"Complainant {key} {tag}", f"{key}.{tag}@example.org")


# ---------------------------------------------------------------- records × paths
@pytest.mark.parametrize("model", sorted(ALL))
@pytest.mark.parametrize("role", ROLES)
def test_records_per_role_and_path(scene, role, model):
    records = scene["records"][model]
    if not records:
        pytest.skip(f"{model} not installed")
    client, web = scene["clients"][role], scene["webs"][role]
    expected = MATRIX[role][model]
    ids = list(records.values())
    domain = [("id", "in", ids)]

    found = _keys(records, _refused_or(lambda: client.execute_kw(model, "search", [domain]), []))
    _check(role, f"{model} search", found, expected)
    count = _refused_or(lambda: client.execute_kw(model, "search_count", [domain]), 0)
    _check(role, f"{model} search_count", set(range(count)), set(range(len(expected))))
    groups = _refused_or(
        lambda: client.execute_kw(model, "read_group", [domain, ["project_id"], ["project_id"]], {"lazy": False}), []
    )
    _check(role, f"{model} read_group", set(range(sum(g["__count"] for g in groups))), set(range(len(expected))))
    named = _refused_or(
        lambda: client.execute_kw(model, "name_search", [scene["tag"]], {"args": domain, "limit": 100}), []
    )
    _check(role, f"{model} name_search", _keys(records, [row[0] for row in named]), expected)
    rows = _refused_or(
        lambda: _rpc_web(web, model, "web_search_read", [], {"domain": domain, "specification": {"display_name": {}}}),
        {"records": []},
    )
    _check(role, f"{model} web_search_read", _keys(records, [row["id"] for row in rows["records"]]), expected)

    # every record: read and web_read answer only the visible ones
    for key, record_id in records.items():
        try:
            client.execute_kw(model, "read", [[record_id], ["display_name"]])
            readable = True
        except JsonRpcError as error:
            assert error.name in ACCESS_ERRORS, error
            readable = False
        try:
            _rpc_web(web, model, "web_read", [[record_id]], {"specification": {"display_name": {}}})
            web_readable = True
        except JsonRpcError as error:
            assert error.name in ACCESS_ERRORS, error
            web_readable = False
        _check(role, f"{model} read {key}", {key} if readable else set(), {key} & expected)
        _check(role, f"{model} web_read {key}", {key} if web_readable else set(), {key} & expected)

    # export: the visible records export; adding a hidden one is refused, never exported
    if expected and role in INTERNAL_ROLES:
        visible_ids = [records[key] for key in sorted(expected)]
        exported = client.execute_kw(model, "export_data", [visible_ids, ["id", "display_name"]])["datas"]
        assert len(exported) == len(expected), (role, model, exported)
    hidden = set(records) - expected
    if hidden:
        hidden_ids = [records[key] for key in sorted(hidden)]
        try:
            leaked = client.execute_kw(model, "export_data", [hidden_ids, ["display_name"]])["datas"]
        except JsonRpcError as error:  # portal users may not export at all (UserError)
            assert error.name in ACCESS_ERRORS or role not in INTERNAL_ROLES, error
            leaked = []
        _check(role, f"{model} export_data of hidden records", {row[0] for row in leaked if row[0]}, set())


# ---------------------------------------------------------------- chatter, attachments, activities
@pytest.mark.parametrize("role", INTERNAL_ROLES)
def test_chatter_attachments_activities_follow_the_issue(scene, role):
    client = scene["clients"][role]
    issues = scene["records"]["srm.issue"]
    expected = MATRIX[role]["srm.issue"]
    by_res_id = {v: k for k, v in issues.items()}
    domain = [("model", "=", "srm.issue"), ("res_id", "in", list(issues.values()))]

    msgs = _refused_or(lambda: client.search_read("mail.message", domain, ["res_id"]), [])
    got = {by_res_id[m["res_id"]] for m in msgs} & set(scene["messages"])
    _check(role, "mail.message of the grievances", got, expected & set(scene["messages"]))

    rdomain = [("res_model", "=", "srm.issue"), ("res_id", "in", list(issues.values()))]
    attachments = _refused_or(lambda: client.search_read("ir.attachment", rdomain, ["res_id", "name"]), [])
    got = {by_res_id[a["res_id"]] for a in attachments if a["name"].startswith("file_")}
    _check(role, "ir.attachment of the grievances", got, expected)
    activities = _refused_or(lambda: client.search_read("mail.activity", rdomain, ["res_id"]), [])
    _check(role, "mail.activity of the grievances", {by_res_id[a["res_id"]] for a in activities}, expected)
    followers = _refused_or(lambda: client.search_read("mail.followers", rdomain, ["res_id"]), [])
    _check(role, "mail.followers of the grievances", {by_res_id[f["res_id"]] for f in followers}, expected)
    for model in ("srm.engagement", "srm.commitment"):
        records = scene["records"][model]
        fdomain = [("res_model", "=", model), ("res_id", "in", list(records.values()))]
        followers = _refused_or(lambda d=fdomain: client.search_read("mail.followers", d, ["res_id"]), [])
        _check(
            role, f"mail.followers of {model}", _keys(records, [f["res_id"] for f in followers]), MATRIX[role][model]
        )

    # /web/content of each grievance's attachment
    web = scene["webs"][role]
    opened = set()
    for key, attachment in scene["attachments"].items():
        response = web.get(f"/web/content/{attachment}?download=true")
        if response.status_code == 200 and scene["tag"].encode() in response.content:
            opened.add(key)
    _check(role, "/web/content of grievance attachments", opened, expected)


@pytest.mark.parametrize("role", INTERNAL_ROLES)
def test_protected_complainant_identity(scene, role):
    """Name, address and contact of the complainants of isens and ianon, on every path."""
    client = scene["clients"][role]
    issues = scene["records"]["srm.issue"]
    sees = role in SEES_PROTECTED_IDENTITY
    leaks = set()
    for key in ("isens", "ianon"):
        if key not in MATRIX[role]["srm.issue"]:
            continue
        complainant = scene["complainants"][key]
        name, email = _identity_strings(scene, key)
        texts = []
        row = client.execute_kw("srm.issue", "read", [[issues[key]], ["complainant_id", "complainant_display"]])[0]
        texts.append(str(row))
        ids_seen = {row["complainant_id"][0]} if row["complainant_id"] else set()
        exported = client.execute_kw(
            "srm.issue", "export_data", [[issues[key]], ["complainant_id", "complainant_display"]]
        )["datas"]
        texts.append(str(exported))
        msgs = client.search_read(
            "mail.message",
            [("model", "=", "srm.issue"), ("res_id", "=", issues[key])],
            ["author_id", "email_from", "partner_ids"],
        )
        for message in msgs:
            texts.append(str({k: message[k] for k in ("author_id", "email_from", "partner_ids")}))
            if message["author_id"]:
                ids_seen.add(message["author_id"][0])
            ids_seen.update(message["partner_ids"])
        # the web client's chatter (the Store payload of the thread's messages)
        formatted = _refused_or(
            lambda k=key: _json_route(
                scene["webs"][role], "/mail/thread/messages", {"thread_model": "srm.issue", "thread_id": issues[k]}
            ),
            {},
        )
        texts.append(str(formatted))
        followers = client.search_read(
            "mail.followers",
            [("res_model", "=", "srm.issue"), ("res_id", "=", issues[key])],
            ["partner_id", "name", "email"],
        )
        texts.append(str(followers))
        ids_seen.update(f["partner_id"][0] for f in followers if f["partner_id"])
        if "srm_ai" in scene["modules"]:
            scores = _refused_or(
                lambda k=key: client.search_read(
                    "srm.ai.message.score",
                    [("res_model", "=", "srm.issue"), ("res_id", "=", issues[k])],
                    ["partner_id", "record_partner_id", "subject"],
                ),
                [],
            )
            texts.append(str(scores))
            for score in scores:
                for field in ("partner_id", "record_partner_id"):
                    if score[field]:
                        ids_seen.add(score[field][0])
        blob = "\n".join(texts)
        if complainant in ids_seen or name in blob or email in blob:
            leaks.add(key)
        if not sees:
            with pytest.raises(JsonRpcError) as error:
                client.execute_kw("srm.issue", "read", [[issues[key]], ["complainant_partner_id"]])
            assert error.value.name in ACCESS_ERRORS
    expected = {"isens", "ianon"} & MATRIX[role]["srm.issue"] if sees else set()
    _check(role, "protected complainant identity", leaks, expected)


@pytest.mark.parametrize("role", INTERNAL_ROLES)
def test_ai_message_scores_follow_the_issue(scene, role):
    if "srm_ai" not in scene["modules"]:
        pytest.skip("srm_ai not installed")
    client = scene["clients"][role]
    issues = scene["records"]["srm.issue"]
    scores = _refused_or(
        lambda: client.search_read(
            "srm.ai.message.score",
            [("res_model", "=", "srm.issue"), ("res_id", "in", list(issues.values()))],
            ["res_id"],
        ),
        [],
    )
    got = _keys(issues, [s["res_id"] for s in scores])
    # scores exist only for scored messages: what a role sees is within what it may see
    if not got <= MATRIX[role]["srm.issue"]:
        _check(role, "srm.ai.message.score of the grievances", got, got & MATRIX[role]["srm.issue"])


# ---------------------------------------------------------------- AI brief, reports
@pytest.mark.parametrize("role", INTERNAL_ROLES)
def test_ai_brief_is_private_to_its_author(scene, role):
    if not scene["brief"]:
        pytest.skip("srm_ai not installed")
    client, brief = scene["clients"][role], scene["brief"]
    found = _refused_or(lambda: client.execute_kw("srm.ai.briefing", "search", [[("id", "=", brief)]]), [])
    _check(role, "srm.ai.briefing search", {"brief"} if found else set(), _expected_other("brief", role))
    page = scene["webs"][role].get(f"/report/html/srm_ai.srm_ai_briefing_report/{brief}")
    shown = page.status_code == 200 and f"Stakeholder s1 {scene['tag']}" in page.text
    _check(role, "/report/html brief", {"brief"} if shown else set(), _expected_other("brief", role))


def _report_texts(scene):
    """Names that a report left without confidential records must never contain."""
    tag = scene["tag"]
    issues = scene["records"]["srm.issue"]
    forbidden = {f"srm.issue {key} {tag}" for key in issues if key.endswith("c") or key == "iwork"}
    for key in ("isens", "ianon"):
        forbidden.update(_identity_strings(scene, key))
    return forbidden


@pytest.mark.parametrize("role", INTERNAL_ROLES)
def test_archived_report_and_its_file(scene, role):
    if not scene["report_log"]:
        pytest.skip("srm_reporting not installed")
    client, web, log = scene["clients"][role], scene["webs"][role], scene["report_log"]
    admin_row = scene["clients"]["manager"].execute_kw(
        "srm.report.log", "read", [[log], ["contains_confidential", "attachment_id"]]
    )[0]
    assert not admin_row["contains_confidential"]
    found = _refused_or(lambda: client.execute_kw("srm.report.log", "search", [[("id", "=", log)]]), [])
    expected = _expected_other("report_log", role)
    _check(role, "srm.report.log search", {"report_log"} if found else set(), expected)
    response = web.get(f"/web/content/{admin_row['attachment_id'][0]}?download=true")
    opened = response.status_code == 200 and response.content.startswith(b"PK")
    _check(role, "/web/content archived report file", {"report_log"} if opened else set(), expected)
    if opened:
        with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
            text = "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
        assert f"srm.issue i1 {scene['tag']}" in text
        assert not {s for s in _report_texts(scene) if s in text}, role
    # the report routes print no archived report again (its file is in the archive): refused
    # for the roles that read it, forbidden for the others
    page = web.get(f"/report/html/srm_reporting.report_srm_document/{log}")
    assert page.status_code == (400 if found else 403), (role, page.status_code)
    leaked = {s for s in _report_texts(scene) if s in page.text}
    leaked |= {
        f"srm.issue {k} {scene['tag']}" for k in ALL["srm.issue"] if f"srm.issue {k} {scene['tag']}" in page.text
    }
    _check(role, "/report/html of the archived report", leaked, set())


# ---------------------------------------------------------------- portal and public pages
@pytest.mark.parametrize("role", ("portal_complainant", "portal_stakeholder"))
def test_portal_pages(scene, role):
    web, issues, tag = scene["webs"][role], scene["records"]["srm.issue"], scene["tag"]
    references = {
        row["id"]: row["reference"]
        for row in scene["clients"]["manager"].search_read(
            "srm.issue", [("id", "in", list(issues.values()))], ["reference"], context={"active_test": False}
        )
    }
    # iwork is not readable by the manager: worker grievances are apart
    page = web.get("/my/issues")
    assert page.status_code == 200
    listed = {key for key, issue_id in issues.items() if issue_id in references and references[issue_id] in page.text}
    listed |= {key for key in issues if f"srm.issue {key} {tag}" in page.text}
    _check(role, "/my/issues", listed, PORTAL_MY_ISSUES[role])
    opened, leaks = set(), set()
    for key, issue_id in issues.items():
        response = web.get(f"/my/issues/{issue_id}", allow_redirects=False)
        marker = references.get(issue_id) or f"srm.issue {key} {tag}"
        if response.status_code == 200 and marker in response.text:
            opened.add(key)
            if role == "portal_stakeholder":
                for other in ("isens", "ianon"):
                    if any(s in response.text for s in _identity_strings(scene, other)):
                        leaks.add(key)
                if f"Note on {key}" in response.text:
                    leaks.add(key)
    _check(role, "/my/issues/<id>", opened, PORTAL_ISSUE_PAGE[role])
    _check(role, "complainant or internal notes on concerned pages", leaks, set())


def test_public_pages_show_no_grievance(scene, web):
    tag = scene["tag"]
    for path in ("/grievance", "/grievance/summary"):
        page = web.get(path)
        assert page.status_code == 200, path
        assert tag not in page.text, path
    page = web.get("/grievance/status")
    assert page.status_code == 200
    private = requests.get(f"{web.base_url}/my/issues", allow_redirects=False, timeout=60)
    assert private.status_code in (302, 303)  # the portal asks a visitor to sign in


# ---------------------------------------------------------------- auditors change nothing
def test_auditor_changes_nothing(scene):
    auditor = scene["clients"]["auditor"]
    records = scene["records"]
    i1, e1, c1 = records["srm.issue"]["i1"], records["srm.engagement"]["e1"], records["srm.commitment"]["c1"]
    p1, s1 = scene["projects"]["p1"], scene["stakeholders"]["s1"]
    attempts = {
        "write issue": ("srm.issue", "write", [[i1], {"name": "auditor was here"}], {}),
        "write engagement": ("srm.engagement", "write", [[e1], {"summary": "auditor was here"}], {}),
        "write commitment": ("srm.commitment", "write", [[c1], {"name": "auditor was here"}], {}),
        "create issue": ("srm.issue", "create", [{"name": "by auditor", "project_id": p1}], {}),
        "create engagement": (
            "srm.engagement",
            "create",
            [{"name": "by auditor", "project_id": p1, "partner_ids": [[6, 0, [s1]]], "direction": "inbound"}],
            {},
        ),
        "message_post": ("srm.issue", "message_post", [[i1]], {"body": "auditor note", "message_type": "comment"}),
        "message_post engagement": ("srm.engagement", "message_post", [[e1]], {"body": "auditor note"}),
        "activity_schedule": (
            "srm.issue",
            "activity_schedule",
            [[i1]],
            {"act_type_xmlid": "mail.mail_activity_data_todo", "summary": "auditor activity"},
        ),
        "follow": ("srm.issue", "message_subscribe", [[i1]], {"partner_ids": [s1]}),
        "attach": (
            "ir.attachment",
            "create",
            [{"name": "auditor.txt", "res_model": "srm.issue", "res_id": i1, "datas": base64.b64encode(b"x").decode()}],
            {},
        ),
    }
    accepted = []
    for what, (model, method, args, kwargs) in attempts.items():
        try:
            auditor.execute_kw(model, method, args, kwargs)
            accepted.append(what)
        except JsonRpcError as error:
            assert error.name in ACCESS_ERRORS + ("odoo.exceptions.UserError",), (what, error)
    assert not accepted, f"an auditor could: {accepted}"
    manager = scene["clients"]["manager"]
    assert "auditor" not in manager.execute_kw("srm.issue", "read", [[i1], ["name"]])[0]["name"]
    assert not manager.search_read(
        "mail.message", [("model", "=", "srm.issue"), ("res_id", "=", i1), ("body", "ilike", "auditor")], ["id"]
    )
