# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
import re
import time
import zipfile

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import SrmIssueCommon

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


@tagged("post_install", "-at_install")
class TestSrmIssuePublicPages(HttpCase, SrmIssueCommon):
    """The public grievance form, status page and summary, driven over HTTP."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._srm_issue_setup()
        cls.env["srm.project"].search([("srm_issue_public", "=", True)]).srm_issue_public = False
        cls.project_a.srm_issue_public = True
        cls.project_b.srm_issue_public = True
        cls.Issue = cls.env["srm.issue"].with_context(active_test=False)

    # helpers ------------------------------------------------------------

    def _get_form(self, url="/grievance", headers=None):
        response = self.url_open(url, headers=headers)
        self.assertEqual(response.status_code, 200)
        token = re.search(r'name="csrf_token" value="([^"]+)"', response.text).group(1)
        submission = re.search(r'name="submission_token" value="([^"]+)"', response.text).group(1)
        return response, token, submission

    def _valid_data(self, **overrides):
        data = {
            "kind": "grievance",
            "project_id": str(self.project_a.id),
            "category_id": str(self.cat_dust.id),
            "name": "Dust from the haul road",
            "description": "Every afternoon the trucks cover our houses with dust.",
            "location": "Tessa, near the school",
            "contact_name": "Fatou Ndiaye",
            "contact_email": "fatou.ndiaye@example.com",
            "contact_phone": "+221 77 123 45 67",
            "consent": "on",
        }
        data.update(overrides)
        return data

    def _submit(self, data, files=None, csrf=True):
        __, token, submission = self._get_form()
        payload = dict(data)
        payload.setdefault("submission_token", submission)
        # a person took a minute to fill the form in (signed time it was shown, moved back)
        payload.setdefault(
            "form_ts", self.env["srm.issue.flood"]._srm_sign_form(payload["submission_token"], time.time() - 60)
        )
        if csrf is True:
            payload["csrf_token"] = token
        elif csrf:
            payload["csrf_token"] = csrf
        return self.url_open("/grievance/submit", data=payload, files=files)

    def _count(self):
        return self.Issue.search_count([])

    # the form -----------------------------------------------------------

    def test_valid_submission_is_stored_once_with_reference_and_code(self):
        before = self._count()
        files = [
            ("attachments", ("photo.png", PNG, "image/png")),
            ("attachments", ("letter.pdf", PDF, "application/pdf")),
            ("attachments", ("minutes.docx", _docx(), "application/octet-stream")),
        ]
        response = self._submit(self._valid_data(), files=files)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self._count(), before + 1)
        issue = self.Issue.search([], order="id desc", limit=1)
        self.assertIn(issue.reference, response.text)
        code = re.search(r'o_srm_tracking_code">([A-Z2-7-]+)<', response.text).group(1)
        self.assertEqual(self.env["srm.issue"]._srm_find_by_code(code), issue)
        self.assertEqual(self.env["srm.issue"]._srm_find_by_code(code.lower().replace("-", " ")), issue)
        self.assertNotIn(code, repr(issue.sudo().read()), "only a hash of the code is kept")
        self.assertEqual(issue.channel, "web_form")
        self.assertEqual(issue.project_id, self.project_a)
        self.assertEqual(issue.category_id, self.cat_dust)
        self.assertEqual(issue.stage_id, self.stage_new)
        self.assertFalse(issue.user_id)
        complainant = issue.sudo().complainant_partner_id
        self.assertEqual(complainant.email, "fatou.ndiaye@example.com")
        self.assertEqual(complainant.phone, "+221 77 123 45 67")
        attachments = self.env["ir.attachment"].search([("res_model", "=", "srm.issue"), ("res_id", "=", issue.id)])
        self.assertEqual(
            sorted(attachments.mapped("mimetype")),
            sorted(["image/png", "application/pdf",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"]),
        )
        # the same form sent again (double click, replay) stores nothing more
        replay = self.url_open(
            "/grievance/submit",
            data=dict(
                self._valid_data(), csrf_token=self._get_form()[1], submission_token=issue.sudo().submission_token
            ),
        )
        self.assertEqual(replay.status_code, 200)
        self.assertEqual(self._count(), before + 1, "a form sent twice is stored once")
        self.assertIn("already sent", replay.text)
        self.assertIn(issue.reference, replay.text)
        self.assertNotIn(code, replay.text)

    def test_anonymous_submission_keeps_no_identity(self):
        data = self._valid_data(is_anonymous="on", contact_name="", contact_email="", contact_phone="", consent="")
        response = self._submit(data)
        self.assertEqual(response.status_code, 200)
        issue = self.Issue.search([], order="id desc", limit=1)
        self.assertTrue(issue.is_anonymous)
        self.assertFalse(issue.sudo().complainant_partner_id)
        # contact details typed before ticking "anonymous" are dropped
        self._submit(self._valid_data(is_anonymous="on", name="Second anonymous"))
        second = self.Issue.search([], order="id desc", limit=1)
        self.assertEqual(second.name, "Second anonymous")
        self.assertFalse(second.sudo().complainant_partner_id)
        self.assertFalse(self.env["res.partner"].search([("email", "=", "fatou.ndiaye@example.com")]))

    def test_missing_and_invalid_fields_rerender_with_input(self):
        before = self._count()
        data = self._valid_data(
            name="Trucks at night", description="", contact_email="not-an-email",
            contact_phone="call me maybe", consent="", project_id="999999", category_id="abc",
        )
        response = self._submit(data)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self._count(), before)
        text = response.text
        self.assertIn('value="Trucks at night"', text)
        self.assertIn('value="not-an-email"', text)
        self.assertIn('value="Tessa, near the school"', text)
        self.assertIn("Describe what happened.", text)
        self.assertIn("This email address is not valid.", text)
        self.assertIn("This phone number is not valid.", text)
        self.assertIn("We need your consent", text)
        self.assertIn("Choose one of the proposed projects.", text)
        self.assertIn("Choose one of the proposed categories.", text)
        # too long, no contact at all
        long_text = "x" * 5001
        response = self._submit(self._valid_data(description=long_text, contact_email="", contact_phone=""))
        self.assertEqual(self._count(), before)
        self.assertIn("At most 5000 characters.", response.text)
        self.assertIn(long_text, response.text, "what the visitor typed is not lost")
        self.assertIn("Give an email address or a phone number", response.text)

    def test_attachments_size_type_and_content_checked(self):
        self.env["ir.config_parameter"].set_param("srm_issues.public_max_attachment_mb", "0.001")
        before = self._count()
        cases = [
            ([("attachments", ("big.pdf", PDF + b"0" * 2000, "application/pdf"))], "too large"),
            ([("attachments", ("virus.exe", b"MZ\x90\x00", "application/octet-stream"))], "not accepted"),
            ([("attachments", ("page.html", b"<html><script>x</script></html>", "text/html"))], "not accepted"),
            ([("attachments", ("fake.pdf", b"<html><script>alert(1)</script>", "application/pdf"))],
             "does not contain what its name says"),
            ([("attachments", ("fake.png", PDF, "image/png"))], "does not contain what its name says"),
            ([("attachments", ("binary.txt", b"abc\x00def", "text/plain"))], "does not contain what its name says"),
            ([("attachments", (f"f{n}.txt", b"note", "text/plain")) for n in range(4)], "at most 3 files"),
        ]
        for files, message in cases:
            with self.subTest(message=message, name=files[0][1][0]):
                response = self._submit(self._valid_data(), files=files)
                self.assertEqual(response.status_code, 200)
                self.assertIn(message, response.text)
                self.assertIn('value="Dust from the haul road"', response.text)
                self.assertIn("must be selected again", response.text)
        self.assertEqual(self._count(), before)
        self._submit(self._valid_data(), files=[("attachments", ("note.txt", "Bonjour à tous".encode(), "text/plain"))])
        self.assertEqual(self._count(), before + 1)

    def test_script_tags_are_stored_and_rendered_escaped(self):
        script = '<script>alert("x")</script><img src=x onerror=alert(1)>'
        response = self._submit(self._valid_data(name=script, description=""))
        self.assertNotIn(script, response.text)
        self.assertIn("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;", response.text)
        response = self._submit(self._valid_data(name=script, description=script, location=script))
        self.assertEqual(response.status_code, 200)
        issue = self.Issue.search([], order="id desc", limit=1)
        self.assertEqual(issue.name, script, "kept as typed, as plain text")
        self.assertNotIn("<script", issue.description)
        self.assertNotIn("<img", issue.description)
        self.assertIn("&lt;script&gt;", issue.description)
        self.assertNotIn("<script>alert", response.text)

    @mute_logger("odoo.http")
    def test_wrong_or_missing_csrf_is_rejected(self):
        before = self._count()
        missing = self._submit(self._valid_data(), csrf=False)
        self.assertEqual(missing.status_code, 400)
        wrong = self._submit(self._valid_data(), csrf="0123456789abcdef0123456789abcdef01234567o9999999999")
        self.assertEqual(wrong.status_code, 400)
        self.assertEqual(self._count(), before)

    def test_flood_is_refused_after_the_limit(self):
        # one browser: past its soft limit grievances are stored for review, past its
        # ceiling they are refused
        self.env["ir.config_parameter"].set_param("srm_issues.flood_max_submit_session", "1")
        self.env["ir.config_parameter"].set_param("srm_issues.flood_ceiling_submit_session", "2")
        self.env["srm.issue.flood"].search([]).unlink()  # earlier requests of this address
        before = self._count()
        for n in range(2):
            response = self._submit(self._valid_data(name=f"Flood {n}"))
            self.assertEqual(response.status_code, 200)
        self.assertEqual(self.Issue.search([], order="id desc", limit=2).mapped("intake_review"), [True, False])
        refused = self._submit(self._valid_data(name="Flood 3"))
        self.assertEqual(refused.status_code, 429)
        self.assertIn("Too many grievances were sent from your connection", refused.text)
        self.assertIn('value="Flood 3"', refused.text, "what was typed is kept")
        self.assertEqual(self._count(), before + 2)
        self.env["ir.config_parameter"].set_param("srm_issues.flood_max_attempt", "1")
        self.env["srm.issue.flood"].search([]).unlink()
        self._submit(self._valid_data(description=""))
        blocked = self._submit(self._valid_data(name="Flood 4"))
        self.assertEqual(blocked.status_code, 429)
        self.assertIn("Too many attempts", blocked.text)
        self.assertEqual(self._count(), before + 2)
        self.assertFalse(
            self.env["srm.issue.flood"].search([("key", "ilike", "127.0.0.1")]), "addresses are stored hashed"
        )

    def test_form_in_visitor_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["res.lang"]._activate_lang("es_ES")
        self.env["ir.module.module"]._load_module_terms(["srm_issues"], ["fr_FR", "es_ES"], overwrite=True)
        french = self.url_open("/grievance?lang=fr_FR").text
        self.assertIn("Signaler une préoccupation ou une plainte", french)
        self.assertIn("Rester anonyme", french)
        self.opener.cookies.set("frontend_lang", None)
        spanish = self.url_open("/grievance", headers={"Accept-Language": "es-ES,es;q=0.9"})
        self.assertIn("Presentar una inquietud o una queja", spanish.text)
        # the chosen language travels with the form
        self.opener.cookies.set("frontend_lang", None)
        response = self._submit(self._valid_data(lang="fr_FR", description=""))
        self.assertIn("Décrivez ce qui s&#39;est passé.", response.text.replace("'", "&#39;"))
        self._submit(self._valid_data(lang="fr_FR"))
        issue = self.Issue.search([], order="id desc", limit=1)
        self.assertEqual(issue.lang, "fr_FR")
        self.assertEqual(issue.sudo().complainant_partner_id.lang, "fr_FR")

    # status and summary ------------------------------------------------

    def _status(self, code):
        __, token, __ = self._get_form("/grievance")
        return self.url_open("/grievance/status", data={"code": code, "csrf_token": token})

    def test_status_page_shows_only_that_code(self):
        response = self._submit(self._valid_data())
        code = re.search(r'o_srm_tracking_code">([A-Z2-7-]+)<', response.text).group(1)
        issue = self.Issue.search([], order="id desc", limit=1)
        other = self._issue(name="Another person's grievance")
        other_code = other._srm_set_tracking_code()
        issue.message_post(body="Internal: the driver was drunk", subtype_xmlid="mail.mt_note")
        issue.with_user(self.user_user).stage_id = self.stage_ack
        issue.with_user(self.user_user).message_post(
            body="We will water the road from Monday.", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        page = self._status(code)
        self.assertEqual(page.status_code, 200)
        text = page.text
        self.assertIn(issue.reference, text)
        self.assertIn("Acknowledged", text)
        self.assertIn("We will water the road from Monday.", text)
        self.assertIn("registered under the reference", text, "the acknowledgement is shown")
        for secret in ("drunk", other.reference, "Fatou", "fatou.ndiaye", "Dust from the haul road",
                       "Every afternoon", self.user_user.name):
            self.assertNotIn(secret, text)
        wrong = self._status("AAAA-BBBB-CCCC-DDDD")
        self.assertIn("No grievance matches this tracking code", wrong.text)
        self.assertNotIn(issue.reference, wrong.text)
        self.assertNotIn(other.reference, wrong.text)
        self.assertNotIn(issue.reference, self._status("").text)
        self.assertIn(other.reference, self._status(other_code).text)
        # GET shows the empty form only
        self.assertNotIn(issue.reference, self.url_open(f"/grievance/status?code={code}").text)

    def test_status_lookups_are_rate_limited(self):
        self.env["ir.config_parameter"].set_param("srm_issues.flood_max_status", "3")
        for __ in range(3):
            self.assertEqual(self._status("AAAA-BBBB-CCCC-DDDD").status_code, 200)
        self.assertEqual(self._status("AAAA-BBBB-CCCC-DDDD").status_code, 429)

    def test_public_summary_names_nobody(self):
        self._submit(self._valid_data())
        self._issue(name="Secret worker matter", grievance_scope="worker")
        page = self.url_open("/grievance/summary")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Grievances in figures", page.text)
        for secret in ("Fatou", "Dust from the haul road", "Secret worker matter", "Awa"):
            self.assertNotIn(secret, page.text)
        self.assertIn("Topics with fewer than 3 grievances are counted together", page.text)
