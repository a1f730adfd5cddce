# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import functools
import hashlib
import json

from markupsafe import Markup
from werkzeug.exceptions import Forbidden

from odoo import http
from odoo.http import request
from odoo.tools import file_open

from odoo.addons.web.controllers.session import Session

APP = "/srm/field/"
# the files of the app, kept by its service worker for use without a network
FILES = [
    "/srm_field/static/src/css/field.css",
    "/srm_field/static/src/js/app.js",
    "/srm_field/static/src/js/api.js",
    "/srm_field/static/src/js/dom.js",
    "/srm_field/static/src/js/forms.js",
    "/srm_field/static/src/js/store.js",
    "/srm_field/static/src/img/icon-192.png",
    "/srm_field/static/src/img/icon-512.png",
]
SERVICE_WORKER = "srm_field/static/src/sw.js"
# set when the user signs out of Odoo: the app removes its copy of their projects
SIGNED_OUT_COOKIE = "srm_field_signed_out"


@functools.lru_cache(maxsize=1)
def files_version():
    """A digest of the app's files: a new version of them installs a new service worker."""
    digest = hashlib.sha256()
    for path in [*FILES, SERVICE_WORKER]:
        with file_open(path.lstrip("/"), "rb") as f:
            digest.update(f.read())
    return digest.hexdigest()[:16]


class SrmFieldApp(http.Controller):
    @http.route("/srm/field", type="http", auth="user", methods=["GET"], readonly=True)
    def field_app_redirect(self, **kwargs):
        return request.redirect(APP, 303)

    @http.route(APP, type="http", auth="user", methods=["GET"], readonly=True)
    def field_app(self, **kwargs):
        """The app's page. It holds no data of the user (the service worker keeps it for
        use without a network): the app asks for the user's copy once loaded."""
        if not request.env["srm.field.sync"]._srm_field_allowed():
            raise Forbidden()
        return request.render(
            "srm_field.field_app_page",
            {
                "doctype": Markup("<!DOCTYPE html>"),
                "version": files_version(),
                "lang": (request.env.lang or "en_US").replace("_", "-"),
            },
            headers=[("Cache-Control", "no-cache")],
        )

    @http.route("/srm/field/sw.js", type="http", auth="public", methods=["GET"], readonly=True)
    def field_app_service_worker(self):
        with file_open(SERVICE_WORKER) as f:
            body = f.read()
        body = body.replace("__SRM_FIELD_VERSION__", files_version()).replace("__SRM_FIELD_FILES__", json.dumps(FILES))
        return request.make_response(
            body,
            [
                ("Content-Type", "text/javascript; charset=utf-8"),
                ("Cache-Control", "no-cache"),
                ("Service-Worker-Allowed", APP),
            ],
        )

    @http.route("/srm/field/manifest.webmanifest", type="http", auth="public", methods=["GET"], readonly=True)
    def field_app_manifest(self):
        manifest = {
            "name": request.env._("SRM Field"),
            "short_name": request.env._("SRM Field"),
            "description": request.env._("Log engagements and grievances in the field, with or without a network."),
            "lang": (request.env.lang or "en_US").replace("_", "-"),
            "id": APP,
            "start_url": APP,
            "scope": APP,
            "display": "standalone",
            "orientation": "portrait",
            "background_color": "#ffffff",
            "theme_color": "#1d6b73",
            "icons": [
                {
                    "src": f"/srm_field/static/src/img/icon-{size}.png",
                    "sizes": f"{size}x{size}",
                    "type": "image/png",
                    "purpose": "any",
                }
                for size in (192, 512)
            ],
        }
        return request.make_json_response(manifest, headers={"Content-Type": "application/manifest+json"})

    # JSON routes: Odoo's JSON-RPC, whose JSON body a page of another site cannot send
    # (no simple cross-site request carries it), so no CSRF token is needed, as for
    # Odoo's own /web/dataset routes; auth="user" answers an expired session with
    # Odoo's "session expired" error, on which the app asks to sign in again.

    @http.route("/srm/field/bootstrap", type="json", auth="user", methods=["POST"])
    def field_app_bootstrap(self, known=None):
        return request.env["srm.field.sync"]._srm_field_bootstrap(known)

    @http.route("/srm/field/sync", type="json", auth="user", methods=["POST"])
    def field_app_sync(self, records=None, sent_at=None):
        return request.env["srm.field.sync"]._srm_field_sync(records, sent_at)


class SrmFieldSession(Session):
    @http.route()
    def logout(self, redirect="/odoo"):
        """Signing out of Odoo in a browser removes the field app's copy of the user's
        projects there: the app reads this cookie when it opens, even without a network."""
        response = super().logout(redirect=redirect)
        response.set_cookie(
            SIGNED_OUT_COOKIE,
            "1",
            path=APP,
            max_age=365 * 24 * 3600,
            samesite="Lax",
            secure=request.httprequest.scheme == "https",
            httponly=False,
        )
        return response
