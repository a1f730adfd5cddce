# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The suite seen from outside: an integration partner's script on Odoo's external
JSON-RPC API (/jsonrpc), logged in as users of each SRM group, creating and reading
stakeholders, engagements, commitments and issues, and checking what each may see.

The admin sets the scene: two companies, three projects, users of each group, one
public and one confidential record per project. Then, as each user:

- confidential records are invisible to user, auditor and restricted users (search,
  search_count, read_group, read by id, export), visible to confidential and manager;
- the restricted user sees only the records of its projects;
- the auditor reads but cannot write or create (AccessError);
- a user of the second company sees nothing of the first, and the reverse.
"""

import datetime

import pytest
from conftest import JsonRpcError
from fixtures_srm import create_user, installed_modules, minimal_values, require_module, unique

ACCESS_ERRORS = ("odoo.exceptions.AccessError", "odoo.exceptions.MissingError")


@pytest.fixture(scope="module")
def scene(odoo, odoo_as):
    """Companies, projects, stakeholders, engagements and users, made by the admin."""
    tag = unique("api")
    company_a = odoo.execute_kw("res.users", "read", [[odoo.uid], ["company_id"]])[0]["company_id"][0]
    company_b = odoo.execute_kw("res.company", "create", [{"name": f"QA Company B {tag}"}])
    admin_companies = odoo.execute_kw("res.users", "read", [[odoo.uid], ["company_ids"]])[0]["company_ids"]
    odoo.execute_kw("res.users", "write", [[odoo.uid], {"company_ids": [[6, 0, admin_companies + [company_b]]]}])
    ctx_b = {"allowed_company_ids": [company_b], "default_company_id": company_b}

    def project(name, company, ctx=None):
        return odoo.execute_kw(
            "srm.project", "create", [{"name": f"{name} {tag}", "code": f"{name}-{tag}", "company_id": company}],
            {"context": ctx or {}},
        )

    p1, p2 = project("P1", company_a), project("P2", company_a)
    p3 = project("P3", company_b, ctx_b)

    def stakeholder(name, projects, company=False, ctx=None):
        return odoo.execute_kw(
            "res.partner",
            "create",
            [{"name": f"{name} {tag}", "is_stakeholder": True, "srm_project_ids": [[6, 0, projects]],
              "company_id": company, "email": f"{name.lower()}.{tag}@example.org"}],
            {"context": ctx or {}},
        )

    s1, s2 = stakeholder("Amélie P1", [p1], company_a), stakeholder("王芳 P2", [p2], company_a)
    s3 = stakeholder("Diego P3", [p3], company_b, ctx_b)
    today = datetime.datetime.now().replace(microsecond=0).isoformat(sep=" ")

    def engagement(name, project_id, partner, confidential, company, ctx=None):
        return odoo.execute_kw(
            "srm.engagement",
            "create",
            [{"name": f"{name} {tag}", "project_id": project_id, "partner_ids": [[6, 0, [partner]]],
              "is_confidential": confidential, "company_id": company, "date": today, "direction": "inbound",
              "summary": f"Summary of {name}"}],
            {"context": ctx or {}},
        )

    engagements = {
        "e1": engagement("E1 public", p1, s1, False, company_a),
        "e1c": engagement("E1 confidential", p1, s1, True, company_a),
        "e2": engagement("E2 public", p2, s2, False, company_a),
        "e2c": engagement("E2 confidential", p2, s2, True, company_a),
        "e3": engagement("E3 company B", p3, s3, False, company_b, ctx_b),
    }
    users = {}
    for kind in ("manager", "user", "confidential", "auditor"):
        users[kind] = create_user(odoo, kind, company=company_a)
    users["restricted"] = create_user(odoo, "restricted", company=company_a, projects=[p1])
    users["user_b"] = create_user(odoo, "user", company=company_b)
    clients = {kind: odoo_as(login, password) for kind, (_uid, login, password) in users.items()}
    return {
        "tag": tag, "company_a": company_a, "company_b": company_b, "projects": {"p1": p1, "p2": p2, "p3": p3},
        "stakeholders": {"s1": s1, "s2": s2, "s3": s3}, "engagements": engagements, "users": users,
        "clients": clients, "ctx_b": ctx_b,
    }


# what each user must see of the scene's engagements
VISIBLE_ENGAGEMENTS = {
    "manager": {"e1", "e1c", "e2", "e2c"},
    "confidential": {"e1", "e1c", "e2", "e2c"},
    "user": {"e1", "e2"},
    "auditor": {"e1", "e2"},
    "restricted": {"e1"},
    "user_b": {"e3"},
}
VISIBLE_STAKEHOLDERS = {
    "manager": {"s1", "s2"},
    "confidential": {"s1", "s2"},
    "user": {"s1", "s2"},
    "auditor": {"s1", "s2"},
    "restricted": {"s1"},
    "user_b": {"s3"},
}


def _names(mapping, ids):
    reverse = {v: k for k, v in mapping.items()}
    return {reverse[i] for i in ids if i in reverse}


@pytest.mark.parametrize("kind", sorted(VISIBLE_ENGAGEMENTS))
def test_engagements_visible_per_group(scene, kind):
    client = scene["clients"][kind]
    engagements = scene["engagements"]
    domain = [("id", "in", list(engagements.values()))]
    found = client.execute_kw("srm.engagement", "search", [domain])
    assert _names(engagements, found) == VISIBLE_ENGAGEMENTS[kind]
    # every way of reading agrees: count, read_group, search_read, export
    assert client.execute_kw("srm.engagement", "search_count", [domain]) == len(VISIBLE_ENGAGEMENTS[kind])
    groups = client.execute_kw(
        "srm.engagement", "read_group", [domain, ["is_confidential"], ["is_confidential"]], {"lazy": False}
    )
    assert sum(g["__count"] for g in groups) == len(VISIBLE_ENGAGEMENTS[kind])
    if not VISIBLE_ENGAGEMENTS[kind] & {"e1c", "e2c"}:
        assert all(not g["is_confidential"] for g in groups), groups
    rows = client.search_read("srm.engagement", domain, ["name", "summary", "is_confidential"])
    assert {r["id"] for r in rows} == set(found)
    exported = client.execute_kw("srm.engagement", "export_data", [found, ["name", "summary"]])["datas"]
    assert "confidential" not in " ".join(r[0] for r in exported) or VISIBLE_ENGAGEMENTS[kind] & {"e1c", "e2c"}


@pytest.mark.parametrize("kind", sorted(VISIBLE_ENGAGEMENTS))
def test_hidden_engagements_cannot_be_read_by_id(scene, kind):
    client = scene["clients"][kind]
    for name, eid in scene["engagements"].items():
        if name in VISIBLE_ENGAGEMENTS[kind]:
            continue
        with pytest.raises(JsonRpcError) as error:
            client.execute_kw("srm.engagement", "read", [[eid], ["name", "summary"]])
        assert error.value.name in ACCESS_ERRORS, (kind, name, error.value)


@pytest.mark.parametrize("kind", sorted(VISIBLE_STAKEHOLDERS))
def test_stakeholders_visible_per_group(scene, kind):
    client = scene["clients"][kind]
    stakeholders = scene["stakeholders"]
    found = client.execute_kw("res.partner", "search", [[("id", "in", list(stakeholders.values()))]])
    assert _names(stakeholders, found) == VISIBLE_STAKEHOLDERS[kind]


def test_engagement_count_on_stakeholder_skips_confidential(scene):
    """The smart button's count of a user without confidential access leaves the
    confidential engagement out; a manager counts it."""
    s1 = scene["stakeholders"]["s1"]
    count_user = scene["clients"]["user"].execute_kw("res.partner", "read", [[s1], ["srm_engagement_count"]])
    count_manager = scene["clients"]["manager"].execute_kw("res.partner", "read", [[s1], ["srm_engagement_count"]])
    assert count_user[0]["srm_engagement_count"] == 1
    assert count_manager[0]["srm_engagement_count"] == 2


@pytest.mark.parametrize("kind", ["user", "confidential", "manager", "restricted"])
def test_writers_create_stakeholder_and_engagement(scene, kind):
    client = scene["clients"][kind]
    p1 = scene["projects"]["p1"]
    partner = client.execute_kw(
        "res.partner", "create",
        [{"name": f"Created by {kind} {scene['tag']}", "is_stakeholder": True, "srm_project_ids": [[6, 0, [p1]]]}],
    )
    engagement = client.execute_kw(
        "srm.engagement", "create",
        [{"name": f"Call logged by {kind}", "project_id": p1, "partner_ids": [[6, 0, [partner]]],
          "direction": "inbound"}],
    )
    row = client.execute_kw("srm.engagement", "read", [[engagement], ["partner_ids", "project_id"]])[0]
    assert row["partner_ids"] == [partner]
    assert row["project_id"][0] == p1
    client.execute_kw("srm.engagement", "write", [[engagement], {"outcome": "Written over the API"}])


def test_restricted_cannot_log_on_other_project(scene):
    client = scene["clients"]["restricted"]
    s1 = scene["stakeholders"]["s1"]
    with pytest.raises(JsonRpcError) as error:
        client.execute_kw(
            "srm.engagement", "create",
            [{"name": "Outside my project", "project_id": scene["projects"]["p2"], "partner_ids": [[6, 0, [s1]]],
              "direction": "inbound"}],
        )
    assert error.value.name == "odoo.exceptions.AccessError"


def test_auditor_reads_but_cannot_write(scene):
    client = scene["clients"]["auditor"]
    e1, s1 = scene["engagements"]["e1"], scene["stakeholders"]["s1"]
    assert client.execute_kw("srm.engagement", "read", [[e1], ["name"]])[0]["id"] == e1
    attempts = [
        ("srm.engagement", "write", [[e1], {"name": "changed by auditor"}]),
        ("srm.engagement", "create", [{"name": "by auditor", "partner_ids": [[6, 0, [s1]]],
                                       "project_id": scene["projects"]["p1"]}]),
        ("srm.engagement", "unlink", [[e1]]),
        ("res.partner", "write", [[s1], {"srm_influence": 5}]),
    ]
    for model, method, args in attempts:
        with pytest.raises(JsonRpcError) as error:
            scene["clients"]["auditor"].execute_kw(model, method, args)
        assert error.value.name == "odoo.exceptions.AccessError", (model, method, error.value)
    name = scene["clients"]["manager"].execute_kw("srm.engagement", "read", [[e1], ["name"]])[0]["name"]
    assert "auditor" not in name


def test_companies_are_isolated(scene):
    """Neither company's user reaches the other's records, even by id or by asking
    for the other company in the context."""
    client_b = scene["clients"]["user_b"]
    with pytest.raises(JsonRpcError) as error:
        client_b.execute_kw("srm.engagement", "read", [[scene["engagements"]["e1"]], ["name"]])
    assert error.value.name in ACCESS_ERRORS
    with pytest.raises(JsonRpcError):
        client_b.execute_kw(
            "srm.engagement", "search", [[]], {"context": {"allowed_company_ids": [scene["company_a"]]}}
        )
    client_a = scene["clients"]["user"]
    found = client_a.execute_kw("srm.project", "search", [[("id", "in", list(scene["projects"].values()))]])
    assert scene["projects"]["p3"] not in found


# --------------------------------------------------------------------- commitments and issues
def _secured_records(odoo, model, scene, extra):
    """One public and one confidential record of ``model`` on P1, one public on P2."""
    tag = scene["tag"]
    fields = odoo.execute_kw(model, "fields_get", [], {"attributes": ["type"]})
    records = {}
    for key, project, confidential in (("r1", "p1", False), ("r1c", "p1", True), ("r2", "p2", False)):
        values = {"project_id": scene["projects"][project], "is_confidential": confidential,
                  "company_id": scene["company_a"]}
        partner = scene["stakeholders"]["s1" if project == "p1" else "s2"]
        if "partner_ids" in fields:
            values["partner_ids"] = [[6, 0, [partner]]]
        for name in ("name", "title"):
            if name in fields and fields[name]["type"] == "char":
                values[name] = f"{model} {key} {tag}"
                break
        if "visibility" in fields:  # srm.commitment: visibility and the confidential flag are one thing
            values["visibility"] = "confidential" if confidential else "internal"
        values.update(extra)
        records[key] = odoo.execute_kw(model, "create", [minimal_values(odoo, model, values)])
        flag = odoo.execute_kw(model, "read", [[records[key]], ["is_confidential"]])[0]["is_confidential"]
        assert flag == confidential, f"{model} {key} created with is_confidential={flag}"
    return records


@pytest.mark.parametrize("module,model", [("srm_commitments", "srm.commitment"), ("srm_issues", "srm.issue")])
def test_commitments_and_issues_visible_per_group(odoo, srm_modules, scene, module, model):
    require_module(odoo, srm_modules, module)
    records = _secured_records(odoo, model, scene, {})
    expected = {
        "manager": {"r1", "r1c", "r2"},
        "confidential": {"r1", "r1c", "r2"},
        "user": {"r1", "r2"},
        "auditor": {"r1", "r2"},
        "restricted": {"r1"},
        "user_b": set(),
    }
    domain = [("id", "in", list(records.values()))]
    for kind, visible in expected.items():
        client = scene["clients"][kind]
        found = client.execute_kw(model, "search", [domain])
        assert _names(records, found) == visible, (model, kind)
        assert client.execute_kw(model, "search_count", [domain]) == len(visible), (model, kind)
    fields = odoo.execute_kw(model, "fields_get", [], {"attributes": ["type"]})
    harmless = next(name for name in ("name", "title", "description") if name in fields)
    with pytest.raises(JsonRpcError) as error:
        scene["clients"]["auditor"].execute_kw(model, "write", [[records["r1"]], {harmless: "auditor was here"}])
    assert error.value.name == "odoo.exceptions.AccessError", error.value
    for kind in ("user", "restricted"):
        with pytest.raises(JsonRpcError) as error:
            scene["clients"][kind].execute_kw(model, "read", [[records["r1c"]], ["display_name"]])
        assert error.value.name in ACCESS_ERRORS


@pytest.mark.parametrize("module,model", [("srm_commitments", "srm.commitment"), ("srm_issues", "srm.issue")])
def test_users_create_commitments_and_issues(odoo, srm_modules, scene, module, model):
    require_module(odoo, srm_modules, module)
    for kind in ("user", "restricted"):
        client = scene["clients"][kind]
        values = {"project_id": scene["projects"]["p1"]}
        fields = client.execute_kw(model, "fields_get", [], {"attributes": ["type"]})
        if "partner_ids" in fields:
            values["partner_ids"] = [[6, 0, [scene["stakeholders"]["s1"]]]]
        for name in ("name", "title"):
            if name in fields and fields[name]["type"] == "char":
                values[name] = f"Created by {kind} over the API"
                break
        new_id = client.execute_kw(model, "create", [minimal_values(client, model, values)])
        assert client.execute_kw(model, "search_count", [[("id", "=", new_id)]]) == 1


def test_installed_modules_match_expectations(odoo, srm_modules):
    """SRM_MODULES lists what the database must have; a missing one is a setup error."""
    missing = set(srm_modules) - installed_modules(odoo)
    assert not missing, f"modules expected but not installed: {sorted(missing)}"
