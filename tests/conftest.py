# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fixtures of the cross-module tests that run against a live Odoo server.

``bash setup/test.sh`` starts the server on a freshly installed database and sets:

    SRM_URL             base URL of the server, e.g. http://127.0.0.1:8069
    SRM_DB              database name
    SRM_ADMIN_LOGIN     admin login (admin)
    SRM_ADMIN_PASSWORD  admin password (admin)
    SRM_MODULES         space-separated SRM modules installed in that database

Without them every test fails (a suite that silently skips hides defects), unless
SRM_ALLOW_SKIP=1 is set, in which case they are skipped.
"""

import os
import pathlib
import re

import pytest
import requests

REQUIRED_ENV = ("SRM_URL", "SRM_DB", "SRM_ADMIN_LOGIN", "SRM_ADMIN_PASSWORD")
REPO_ROOT = pathlib.Path(__file__).resolve().parent.parent
TIMEOUT = 120  # seconds per HTTP request


class JsonRpcError(Exception):
    """An error answered by the server; keeps Odoo's exception name and message."""

    def __init__(self, error):
        data = error.get("data") or {}
        self.name = data.get("name", "")  # e.g. "odoo.exceptions.AccessError"
        self.message = data.get("message") or error.get("message", "")
        self.debug = data.get("debug", "")
        super().__init__(f"{self.name}: {self.message}")


class OdooClient:
    """Minimal JSON-RPC client of Odoo's external API (``/jsonrpc``).

    >>> client = OdooClient(url, db, "admin", "admin")
    >>> client.execute_kw("res.partner", "search_count", [[]])
    """

    def __init__(self, url, db, login, password):
        self.url = url.rstrip("/")
        self.db = db
        self.login = login
        self.password = password
        self._session = requests.Session()
        self._id = 0
        self.uid = self.call("common", "authenticate", db, login, password, {})
        if not self.uid:
            raise AssertionError(f"login {login!r} refused by {self.url} (database {db!r})")

    def call(self, service, method, *args):
        self._id += 1
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"service": service, "method": method, "args": args},
            "id": self._id,
        }
        response = self._session.post(f"{self.url}/jsonrpc", json=payload, timeout=TIMEOUT)
        response.raise_for_status()
        answer = response.json()
        if answer.get("error"):
            raise JsonRpcError(answer["error"])
        return answer["result"]

    def execute_kw(self, model, method, args=None, kwargs=None):
        return self.call(
            "object",
            "execute_kw",
            self.db,
            self.uid,
            self.password,
            model,
            method,
            args or [],
            kwargs or {},
        )

    def search_read(self, model, domain=None, fields=None, **kwargs):
        kwargs.setdefault("fields", fields or [])
        return self.execute_kw(model, "search_read", [domain or []], kwargs)

    def ref(self, xmlid):
        """Database id of a record from its XML id (``module.name``)."""
        module, name = xmlid.split(".", 1)
        rows = self.search_read(
            "ir.model.data", [("module", "=", module), ("name", "=", name)], ["res_id"]
        )
        if not rows:
            raise LookupError(f"no record with XML id {xmlid}")
        return rows[0]["res_id"]


class WebSession(requests.Session):
    """A ``requests.Session`` that takes paths relative to the server URL."""

    def __init__(self, base_url, db):
        super().__init__()
        self.base_url = base_url.rstrip("/")
        self.db = db

    def request(self, method, url, *args, **kwargs):
        if url.startswith("/"):
            url = self.base_url + url
        kwargs.setdefault("timeout", TIMEOUT)
        return super().request(method, url, *args, **kwargs)

    def authenticate(self, login, password):
        """Log in like the web client does; returns the session info."""
        response = self.post(
            "/web/session/authenticate",
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "params": {"db": self.db, "login": login, "password": password},
            },
        )
        response.raise_for_status()
        answer = response.json()
        if answer.get("error"):
            raise JsonRpcError(answer["error"])
        return answer["result"]


def pytest_report_header(config):
    url, db = os.environ.get("SRM_URL"), os.environ.get("SRM_DB")
    if url and db:
        return f"SRM server: {url} database {db}"
    return "SRM server: not configured (SRM_URL/SRM_DB unset); run bash setup/test.sh"


@pytest.fixture(scope="session")
def srm_env():
    """The server settings; fails (or skips with SRM_ALLOW_SKIP=1) when they are missing."""
    missing = [name for name in REQUIRED_ENV if not os.environ.get(name)]
    if missing:
        reason = (
            f"{', '.join(missing)} not set: these tests need a running SRM server; "
            "run them with `bash setup/test.sh`, or set the variables "
            "(SRM_ALLOW_SKIP=1 turns this failure into a skip)"
        )
        if os.environ.get("SRM_ALLOW_SKIP") == "1":
            pytest.skip(reason)
        pytest.fail(reason, pytrace=False)
    return {
        "url": os.environ["SRM_URL"].rstrip("/"),
        "db": os.environ["SRM_DB"],
        "login": os.environ["SRM_ADMIN_LOGIN"],
        "password": os.environ["SRM_ADMIN_PASSWORD"],
    }


@pytest.fixture(scope="session")
def srm_modules():
    """SRM modules expected in the database: $SRM_MODULES, else every srm_* addon of the repo."""
    listed = os.environ.get("SRM_MODULES", "").split()
    if listed:
        return listed
    return sorted(
        path.parent.name
        for path in REPO_ROOT.glob("srm_*/__manifest__.py")
        if re.match(r"^srm_\w+$", path.parent.name)
    )


@pytest.fixture(scope="session")
def odoo(srm_env):
    """JSON-RPC client logged in as the admin user."""
    return OdooClient(srm_env["url"], srm_env["db"], srm_env["login"], srm_env["password"])


@pytest.fixture(scope="session")
def odoo_as(srm_env):
    """Factory of JSON-RPC clients for other users: ``odoo_as(login, password)``."""

    def connect(login, password):
        return OdooClient(srm_env["url"], srm_env["db"], login, password)

    return connect


@pytest.fixture
def web(srm_env):
    """Anonymous HTTP session on the server (``web.get("/web/login")``)."""
    with WebSession(srm_env["url"], srm_env["db"]) as session:
        yield session


@pytest.fixture
def admin_web(srm_env):
    """HTTP session logged in as admin (cookies of the web client)."""
    with WebSession(srm_env["url"], srm_env["db"]) as session:
        session.authenticate(srm_env["login"], srm_env["password"])
        yield session


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "slow: drives Odoo in subprocesses on its own database (minutes); deselect with -m 'not slow'"
    )
