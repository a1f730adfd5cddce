# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Public grievance pages: no login needed.

* ``/grievance``: the form (GET) and ``/grievance/submit`` (POST, CSRF-protected);
* ``/grievance/status``: status for a tracking code;
* ``/grievance/summary``: aggregate figures that name nobody;
* ``/grievance/confirm``: the owner of an address confirms (or not) that they sent a
  grievance given with it (link of a signed, expiring token).

Every input is validated here; records are created by ``srm.issue._srm_public_submit``
called with ``sudo()``, and an address is confirmed by ``_srm_confirm_identity`` on the
issue of a verified token: the only elevated writes of these pages. Reads use
``sudo()`` on the issue found by its tracking code or token, or on aggregate counts only.

Floods: requests are counted per remote address, browser session and contact (see
``srm.issue.flood``). Past the soft limits a grievance is still stored, marked for
review; only the hard ceilings refuse, and the page then says how else to reach the
team. A hidden field and the signed time the form was shown stop scripts.
"""
import io
import logging
import re
import secrets
import zipfile

from odoo import http, tools
from odoo.http import request

_logger = logging.getLogger(__name__)

LIMITS = {
    "name": 150,
    "description": 5000,
    "location": 200,
    "contact_name": 100,
    "contact_email": 120,
    "contact_phone": 30,
}
KINDS = ("grievance", "concern", "incident", "enquiry")
EMAIL_RE = re.compile(
    r"^[^@\s<>()\[\]\\,;:\"']+"
    r"@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)
PHONE_RE = re.compile(r"^\+?[0-9 ()./-]{4,30}$")
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
# the bot trap: a field hidden to people, that scripts fill in
HONEYPOT = "srm_website"
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# extension -> stored mimetype; the content must match (see _sniff)
ALLOWED_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "txt": "text/plain",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
}
FILENAME_RE = re.compile(r"[^\w\-. ()]+", re.UNICODE)


def _sniff(data, ext):
    """True when the first bytes of ``data`` are those of a file of type ``ext``."""
    if ext == "pdf":
        return data.startswith(b"%PDF-")
    if ext == "png":
        return data.startswith(b"\x89PNG\r\n\x1a\n")
    if ext in ("jpg", "jpeg"):
        return data.startswith(b"\xff\xd8\xff")
    if ext == "gif":
        return data[:6] in (b"GIF87a", b"GIF89a")
    if ext == "txt":
        if b"\x00" in data:
            return False
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return False
        return True
    if ext in ("docx", "xlsx", "odt"):
        if not data.startswith(b"PK\x03\x04"):
            return False
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                if ext == "docx":
                    return "word/document.xml" in names
                if ext == "xlsx":
                    return "xl/workbook.xml" in names
                if "mimetype" not in names:
                    return False
                with archive.open("mimetype") as mimetype:
                    return mimetype.read(64).strip() == ALLOWED_TYPES["odt"].encode()
        except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError):
            return False
    return False


class SrmIssuePublic(http.Controller):
    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _srm_lang(self, requested=None):
        """The visitor's language: explicit choice, else the one of the request (from the
        URL prefix, the ``frontend_lang`` cookie or the browser, see http_routing)."""
        installed = dict(request.env["res.lang"].sudo().get_installed())
        for candidate in (requested, request.env.lang):
            if candidate and candidate in installed:
                lang = candidate
                break
        else:
            lang = next(iter(installed), "en_US")
        request.update_context(lang=lang)
        return lang

    def _srm_render(self, template, values, status=200, lang=None):
        langs = request.env["res.lang"].sudo().get_installed()
        values = dict(
            values,
            srm_langs=langs,
            srm_lang=lang or request.env.lang,
            srm_path=request.httprequest.path,
        )
        response = request.render(template, values, status=status)
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "SAMEORIGIN"
        if lang:
            response.set_cookie("frontend_lang", lang, max_age=365 * 24 * 3600, samesite="Lax")
        return response

    def _srm_address(self):
        return request.httprequest.remote_addr or "unknown"

    def _srm_keys(self, email=None, phone=None):
        """Flood keys of the request: its address, its browser session and the contact given."""
        return request.env["srm.issue.flood"].sudo()._srm_keys(
            address=self._srm_address(), session=request.session.sid, email=email, phone=phone
        )

    def _srm_contact_alternatives(self):
        """How else to reach the grievance team, for a visitor the form refuses: the
        system parameters ``srm_issues.public_contact_phone``, ``_email`` and ``_office``,
        else the company's phone, email and address."""
        params = request.env["ir.config_parameter"].sudo()
        company = request.env.company.sudo()
        office = params.get_param("srm_issues.public_contact_office") or company.partner_id._display_address(
            without_company=True
        ).strip()
        return {
            "phone": params.get_param("srm_issues.public_contact_phone") or company.phone or "",
            "email": params.get_param("srm_issues.public_contact_email") or company.email or "",
            "office": office,
            "company": company.name,
        }

    def _srm_public_projects(self):
        return request.env["srm.project"].sudo().search([("srm_issue_public", "=", True)])

    def _srm_public_categories(self):
        return request.env["srm.issue.category"].sudo().search([("is_public", "=", True)])

    def _srm_limits(self):
        params = request.env["ir.config_parameter"].sudo()
        try:
            max_mb = float(params.get_param("srm_issues.public_max_attachment_mb", 5))
            max_files = int(params.get_param("srm_issues.public_max_attachments", 3))
        except ValueError:
            max_mb, max_files = 5.0, 3
        return int(max_mb * 1024 * 1024), max_files

    def _srm_form_context(self, form, errors, lang, general_errors=None, alternatives=False):
        max_size, max_files = self._srm_limits()
        Flood = request.env["srm.issue.flood"].sudo()
        token = form.get("submission_token")
        if not TOKEN_RE.match(token or ""):
            token = secrets.token_urlsafe(24)
        # the form sent again keeps the time it was first shown
        form_ts = form.get("form_ts")
        if Flood._srm_form_shown_at(form_ts, token) is None:
            form_ts = Flood._srm_sign_form(token)
        return {
            "form": form,
            "errors": errors,
            "general_errors": general_errors or [],
            "alternatives": self._srm_contact_alternatives() if alternatives else None,
            "projects": self._srm_public_projects(),
            "categories": self._srm_public_categories(),
            "kinds": [
                (key, label)
                for key, label in request.env["srm.issue"]._fields["kind"]._description_selection(request.env)
                if key in KINDS
            ],
            "attachment_help": request.env._(
                "At most %(files)s files of %(size)s MB each. Accepted: %(types)s.",
                files=max_files,
                size=round(max_size / 1024 / 1024, 1),
                types=", ".join(sorted(ALLOWED_TYPES)),
            ),
            "submission_token": token,
            "form_ts": form_ts,
            "honeypot": HONEYPOT,
            "lang": lang,
        }

    @staticmethod
    def _srm_text(post, key):
        value = post.get(key)
        if not isinstance(value, str):
            return ""
        return CONTROL_RE.sub("", value).strip()

    def _srm_read_form(self, post):
        form = {key: self._srm_text(post, key) for key in (
            "name", "description", "location", "contact_name", "contact_email",
            "contact_phone", "kind", "category_id", "project_id", "submission_token", "form_ts",
        )}
        form["is_anonymous"] = post.get("is_anonymous") in ("on", "1", "true")
        form["consent"] = post.get("consent") in ("on", "1", "true")
        return form

    def _srm_validate(self, form):
        """Return (values for the model, errors {field: message})."""
        errors = {}
        values = {
            "name": form["name"],
            "description": form["description"],
            "location": form["location"],
            "is_anonymous": form["is_anonymous"],
        }
        self._srm_validate_texts(form, errors)
        values.update(self._srm_validate_choices(form, errors))
        if not form["is_anonymous"]:
            self._srm_validate_contact(form, errors)
            values.update(
                {
                    "contact_name": form["contact_name"],
                    "contact_email": form["contact_email"],
                    "contact_phone": form["contact_phone"],
                }
            )
        return values, errors

    def _srm_validate_texts(self, form, errors):
        _ = request.env._
        for key, limit in LIMITS.items():
            if len(form[key]) > limit:
                errors[key] = _("At most %s characters.", limit)
        if not form["name"]:
            errors["name"] = _("Give a short subject.")
        if not form["description"]:
            errors["description"] = _("Describe what happened.")

    def _srm_validate_choices(self, form, errors):
        """Kind, category and project must be among the ones the form offers."""
        _ = request.env._
        values = {"kind": form["kind"] or "grievance"}
        if values["kind"] not in KINDS:
            errors["kind"] = _("Choose one of the proposed types.")
        if form["category_id"]:
            values["category_id"] = int(form["category_id"]) if form["category_id"].isdigit() else 0
            if values["category_id"] not in self._srm_public_categories().ids:
                errors["category_id"] = _("Choose one of the proposed categories.")
        projects = self._srm_public_projects()
        if form["project_id"]:
            values["project_id"] = int(form["project_id"]) if form["project_id"].isdigit() else 0
            if values["project_id"] not in projects.ids:
                errors["project_id"] = _("Choose one of the proposed projects.")
        elif len(projects) == 1:
            values["project_id"] = projects.id
        return values

    def _srm_validate_contact(self, form, errors):
        _ = request.env._
        if not form["contact_name"]:
            errors["contact_name"] = _("Give your name, or tick “Stay anonymous”.")
        if not form["contact_email"] and not form["contact_phone"]:
            errors.setdefault(
                "contact_email", _("Give an email address or a phone number so we can answer you.")
            )
        if not form["consent"]:
            errors["consent"] = _("We need your consent to record your contact details.")
        email = form["contact_email"]
        if email and (not EMAIL_RE.match(email) or not tools.email_normalize(email)):
            errors["contact_email"] = _("This email address is not valid.")
        if form["contact_phone"] and not PHONE_RE.match(form["contact_phone"]):
            errors["contact_phone"] = _("This phone number is not valid.")

    def _srm_read_files(self):
        """Return (files [(name, mimetype, data)], error message or None)."""
        _ = request.env._
        max_size, max_files = self._srm_limits()
        uploads = [
            upload for upload in request.httprequest.files.getlist("attachments") if upload and upload.filename
        ]
        if len(uploads) > max_files:
            return [], _("Attach at most %s files.", max_files)
        files = []
        for upload in uploads:
            if upload.stream.seekable():
                upload.stream.seek(0)  # read again when the request is retried
            raw_name = upload.filename.replace("\\", "/").rsplit("/", 1)[-1]
            filename = FILENAME_RE.sub("_", CONTROL_RE.sub("", raw_name)).strip(" ._")[-100:] or "file"
            ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
            if ext not in ALLOWED_TYPES:
                return [], _(
                    "“%(name)s”: this type of file is not accepted. Accepted: %(types)s.",
                    name=filename,
                    types=", ".join(sorted(ALLOWED_TYPES)),
                )
            data = upload.stream.read(max_size + 1)
            if len(data) > max_size:
                return [], _(
                    "“%(name)s” is too large: at most %(size)s MB per file.",
                    name=filename,
                    size=round(max_size / 1024 / 1024, 1),
                )
            if not data:
                return [], _("“%s” is empty.", filename)
            if not _sniff(data, ext):
                return [], _("“%s” does not contain what its name says.", filename)
            files.append((filename, ALLOWED_TYPES[ext], data))
        return files, None

    # ------------------------------------------------------------------
    # Submission
    # ------------------------------------------------------------------

    @http.route("/grievance", type="http", auth="public", methods=["GET"], website=True, sitemap=False)
    def grievance_form(self, lang=None, **kw):
        lang = self._srm_lang(lang)
        context = self._srm_form_context({}, {}, lang)
        return self._srm_render("srm_issues.public_grievance_form", context, lang=lang)

    @http.route("/grievance/submit", type="http", auth="public", methods=["POST"], website=True, sitemap=False)
    def grievance_submit(self, **post):
        _ = request.env._
        lang = self._srm_lang(post.get("lang"))
        form = self._srm_read_form(post)
        Flood = request.env["srm.issue.flood"].sudo()

        def again(errors, general_errors=None, status=200, alternatives=False):
            context = self._srm_form_context(form, errors, lang, general_errors, alternatives=alternatives)
            return self._srm_render("srm_issues.public_grievance_form", context, status=status, lang=lang)

        if not Flood._check_and_log(self._srm_keys(), "attempt"):
            message = _(
                "Too many attempts from your connection. Please wait a few minutes and send the "
                "form again: what you typed is kept below."
            )
            return again({}, [message], status=429, alternatives=True)
        values, errors = self._srm_validate(form)
        files, file_error = self._srm_read_files()
        if file_error:
            errors["attachments"] = file_error
        if errors:
            general = [_("Some information is missing or not valid: please check the highlighted fields.")]
            if request.httprequest.files.getlist("attachments"):
                general.append(_("For your security, attached files must be selected again."))
            return again(errors, general)
        token = form["submission_token"] if TOKEN_RE.match(form["submission_token"] or "") else None
        if token:
            reference = Flood._lock_submission(token)
            if reference:
                return self._srm_render(
                    "srm_issues.public_grievance_done",
                    {"reference": reference, "code": None, "duplicate": True},
                    lang=lang,
                )
        # bot trap: the hidden field is empty and the form took a person's time to fill
        if self._srm_text(post, HONEYPOT) or not Flood._srm_filled_by_a_person(form["form_ts"], token):
            general = [_("Please check your grievance and press “Send” again: what you typed is kept below.")]
            if request.httprequest.files.getlist("attachments"):
                general.append(_("For your security, attached files must be selected again."))
            return again({}, general)
        keys = self._srm_keys(email=values.get("contact_email"), phone=values.get("contact_phone"))
        decision, reason = Flood._srm_check_submission(keys)
        if decision == "refuse":
            message = _(
                "Too many grievances were sent from your connection. Please wait a few minutes and "
                "send the form again: what you typed is kept below."
            )
            return again({}, [message], status=429, alternatives=True)
        values["lang"] = lang
        issue, code = request.env["srm.issue"].sudo()._srm_public_submit(
            values, files, submission_token=token, review=reason
        )
        return self._srm_render(
            "srm_issues.public_grievance_done",
            {"reference": issue.reference, "code": code, "duplicate": False},
            lang=lang,
        )

    # ------------------------------------------------------------------
    # Status for a tracking code
    # ------------------------------------------------------------------

    @http.route("/grievance/status", type="http", auth="public", methods=["GET", "POST"], website=True, sitemap=False)
    def grievance_status(self, code=None, **kw):
        lang = self._srm_lang(kw.get("lang"))
        values = {"status": None, "searched": False, "code": "", "error": None, "alternatives": None}
        if request.httprequest.method == "POST":
            _ = request.env._
            values["searched"] = True
            if not request.env["srm.issue.flood"].sudo()._check_and_log(self._srm_keys(), "status"):
                values["error"] = _("Too many look-ups from your connection. Please wait a few minutes.")
                values["alternatives"] = self._srm_contact_alternatives()
                return self._srm_render("srm_issues.public_grievance_status", values, status=429, lang=lang)
            code = code if isinstance(code, str) else ""
            values["code"] = CONTROL_RE.sub("", code).strip()[:64]
            issue = request.env["srm.issue"]._srm_find_by_code(values["code"])
            if issue:
                values["status"] = issue.with_context(lang=lang)._srm_public_status()
            else:
                values["error"] = _("No grievance matches this tracking code. Check the code and try again.")
        return self._srm_render("srm_issues.public_grievance_status", values, lang=lang)

    # ------------------------------------------------------------------
    # Public summary
    # ------------------------------------------------------------------

    @http.route("/grievance/summary", type="http", auth="public", methods=["GET"], website=True, sitemap=False)
    def grievance_summary(self, lang=None, **kw):
        """Whole past quarters only: the page takes no period, project or other filter."""
        lang = self._srm_lang(lang)
        summary = request.env["srm.issue"].with_context(lang=lang)._srm_public_summary()
        return self._srm_render("srm_issues.public_grievance_summary", {"summary": summary}, lang=lang)

    # ------------------------------------------------------------------
    # Confirmation of the address given with a grievance
    # ------------------------------------------------------------------

    @http.route("/grievance/confirm", type="http", auth="public", methods=["GET", "POST"], website=True, sitemap=False)
    def grievance_confirm(self, token=None, answer=None, **kw):
        """The link emailed to the address given. Opening it only shows the question:
        mail scanners open links too, so the answer is a button (POST, CSRF-protected)."""
        lang = self._srm_lang(kw.get("lang"))
        values = {"token": token if isinstance(token, str) else "", "issue": None, "done": None, "alternatives": None}
        if not request.env["srm.issue.flood"].sudo()._check_and_log(self._srm_keys(), "status"):
            values["alternatives"] = self._srm_contact_alternatives()
            return self._srm_render("srm_issues.public_grievance_confirm", values, status=429, lang=lang)
        # the issue of a valid signed token, read with sudo for its reference and state only
        issue = request.env["srm.issue"]._srm_identity_issue(values["token"])
        if not issue:
            values["alternatives"] = self._srm_contact_alternatives()
            return self._srm_render("srm_issues.public_grievance_confirm", values, status=404, lang=lang)
        if request.httprequest.method == "POST" and answer in ("yes", "no") and issue.identity_state == "unverified":
            issue._srm_confirm_identity(answer == "yes")
            values["done"] = answer
        values["issue"] = {
            "reference": issue.reference,
            "date_received": issue.date_received,
            "state": issue.identity_state,
        }
        return self._srm_render("srm_issues.public_grievance_confirm", values, lang=lang)
