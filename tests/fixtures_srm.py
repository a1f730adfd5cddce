# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Helpers shared by the cross-module tests of tests/: users of each SRM group,
records of the optional modules, module presence.

Import them from a test module (``from fixtures_srm import ...``); pytest puts tests/
on ``sys.path`` (rootdir conftest).
"""

import datetime
import secrets

import pytest

GROUPS = {
    "manager": ["srm_base.group_srm_manager"],
    "user": ["srm_base.group_srm_user"],
    "confidential": ["srm_base.group_srm_user", "srm_base.group_srm_confidential"],
    "auditor": ["srm_base.group_srm_auditor"],
    "restricted": ["srm_base.group_srm_restricted"],
}


def unique(prefix="qa"):
    """A short name nobody else uses (tests can run twice on one database)."""
    return f"{prefix}_{secrets.token_hex(4)}"


def installed_modules(odoo):
    rows = odoo.search_read("ir.module.module", [("state", "=", "installed"), ("name", "=like", "srm_%")], ["name"])
    return {row["name"] for row in rows}


def require_module(odoo, srm_modules, module):
    """Skip the test when ``module`` is not installed and not expected; fail loudly when
    it is listed in SRM_MODULES but missing from the database."""
    if module in installed_modules(odoo):
        return
    if module in srm_modules:
        pytest.fail(f"{module} is listed in SRM_MODULES but is not installed in the database", pytrace=False)
    pytest.skip(f"skipped: {module} not installed")


def create_user(odoo, kind, companies=None, company=None, projects=()):
    """A user of the SRM group ``kind`` (see GROUPS); returns (id, login, password)."""
    login = unique(f"srm_{kind}")
    group_ids = [odoo.ref("base.group_user")] + [odoo.ref(xmlid) for xmlid in GROUPS[kind]]
    try:  # Odoo 18: exporting needs this group; an integration exports
        group_ids.append(odoo.ref("base.group_allow_export"))
    except LookupError:
        pass
    values = {
        "name": f"QA {kind} {login[-8:]}",
        "login": login,
        "password": login + "_Pw1",
        "groups_id": [[6, 0, group_ids]],
    }
    if company:
        values["company_id"] = company
        values["company_ids"] = [[6, 0, companies or [company]]]
    uid = odoo.execute_kw("res.users", "create", [values], {"context": {"no_reset_password": True}})
    for project in projects:
        odoo.execute_kw("srm.project", "write", [[project], {"member_ids": [[4, uid]]}])
    return uid, login, login + "_Pw1"


_FIELDS_CACHE = {}


def minimal_values(odoo, model, values):
    """``values`` completed with what ``model`` requires and has no default for, so that
    the tests create records of modules whose exact fields they do not know."""
    cache = _FIELDS_CACHE
    if model not in cache:
        fields = odoo.execute_kw(
            model, "fields_get", [], {"attributes": ["required", "type", "relation", "selection", "readonly"]}
        )
        defaults = odoo.execute_kw(model, "default_get", [list(fields)])
        cache[model] = (fields, defaults)
    fields, defaults = cache[model]
    result = dict(values)
    for name, field in fields.items():
        if not field.get("required") or name in result or defaults.get(name) not in (None, False):
            continue
        if field.get("readonly") and name not in ("name",):
            continue
        kind = field["type"]
        if kind in ("char", "text", "html"):
            result[name] = f"QA {name} {unique()}"
        elif kind == "many2one":
            ids = odoo.execute_kw(field["relation"], "search", [[]], {"limit": 1})
            if ids:
                result[name] = ids[0]
        elif kind == "selection":
            result[name] = field["selection"][0][0]
        elif kind == "date":
            result[name] = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
        elif kind == "datetime":
            result[name] = datetime.datetime.now().replace(microsecond=0).isoformat(sep=" ")
        elif kind in ("integer", "float", "monetary"):
            result[name] = 1
        elif kind == "many2many" and name == "partner_ids" and "partner_ids" not in result:
            pass
    return result


def model_fields(odoo, model):
    return odoo.execute_kw(model, "fields_get", [], {"attributes": ["type", "relation"]})
