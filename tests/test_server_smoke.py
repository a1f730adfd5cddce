# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The server started by setup/test.sh answers and has the SRM modules installed."""


def test_admin_logs_in_over_jsonrpc(odoo, srm_env):
    user = odoo.search_read("res.users", [("id", "=", odoo.uid)], ["login"])
    assert user[0]["login"] == srm_env["login"]


def test_srm_modules_installed(odoo, srm_modules):
    assert srm_modules, "no SRM module expected: SRM_MODULES is empty and the repo has no srm_* addon"
    rows = odoo.search_read("ir.module.module", [("name", "in", srm_modules)], ["name", "state"])
    states = {row["name"]: row["state"] for row in rows}
    assert states == dict.fromkeys(srm_modules, "installed")


def test_login_page(web):
    response = web.get("/web/login")
    assert response.status_code == 200
    assert 'name="login"' in response.text


def test_admin_web_session(admin_web, odoo):
    response = admin_web.get("/odoo")
    assert response.status_code == 200
    assert "/web/login" not in response.url
    info = admin_web.post(
        "/web/session/get_session_info", json={"jsonrpc": "2.0", "method": "call", "params": {}}
    ).json()["result"]
    assert info["uid"] == odoo.uid
