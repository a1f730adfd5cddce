# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Protections of the public intake: the public pages' request log and limits, and the
signed fill time of the grievance form.
"""

import hashlib
import hmac
import re
import threading
import time
from datetime import timedelta

from odoo import api, fields, models, tools
from odoo.tools import SQL

# namespaces of the PostgreSQL advisory locks taken by the public pages
LOCK_FLOOD = 4242001
LOCK_SUBMISSION = 4242002

FORM_SCOPE = "srm_issues.grievance_form"

# Limits per window (system parameter, default). A browser session or a contact is one
# person; an address can be a whole village behind one connection.
#
# Soft limits: past them a grievance is still stored, marked for review.
SOFT_LIMITS = {
    "submit": {
        "contact": ("srm_issues.flood_max_submit_contact", 3),
        "session": ("srm_issues.flood_max_submit_session", 3),
        "address": ("srm_issues.flood_max_submit", 5),
    },
}
# Hard limits: past them the request is refused. Per address, they are ceilings meant
# for machines, far above what people type by hand.
HARD_LIMITS = {
    "submit": {
        "session": ("srm_issues.flood_ceiling_submit_session", 20),
        "address": ("srm_issues.flood_ceiling_submit", 100),
    },
    "attempt": {
        "session": ("srm_issues.flood_max_attempt", 30),
        "address": ("srm_issues.flood_ceiling_attempt", 300),
    },
    "status": {
        "session": ("srm_issues.flood_max_status", 30),
        "address": ("srm_issues.flood_ceiling_status", 300),
    },
}
# reason of the review mark, from the most to the least specific limit passed
REVIEW_REASONS = ("contact", "session", "address")

def _lock_key(digest):
    """A signed 32-bit integer from a hex digest, for pg_advisory_xact_lock(int, int)."""
    value = int(digest[:8], 16)
    return value - (1 << 32) if value >= (1 << 31) else value


class SrmIssueFlood(models.Model):
    """Requests of the public grievance pages, to limit floods.

    Each request is logged under keyed hashes of its remote address, its browser
    session and, for a grievance, the contact details given: never the values
    themselves, and only for a day.
    """

    _name = "srm.issue.flood"
    _description = "Public Grievance Page Request"
    _log_access = False
    _order = "id desc"

    key = fields.Char(required=True, index=True, help="Keyed hash of the remote address, browser session or contact.")
    kind = fields.Selection(
        [("attempt", "Form posted"), ("submit", "Grievance accepted"), ("status", "Status lookup")],
        required=True,
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)

    @api.model
    def _srm_testing(self):
        return self.env.registry.in_test_mode() or getattr(threading.current_thread(), "testing", False)

    # ------------------------------------------------------------------
    # Keys and limits
    # ------------------------------------------------------------------

    @api.model
    def _hash_key(self, scope, value):
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret") or ""
        message = f"{scope}:{value or 'unknown'}"
        return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()

    @api.model
    def _srm_keys(self, address=None, session=None, email=None, phone=None):
        """The keys of a request: {scope: hash} for its address, browser session and
        contact (the normalized email, else the digits of the phone number)."""
        keys = {"address": self._hash_key("address", address or "unknown")}
        if session:
            keys["session"] = self._hash_key("session", session)
        contact = tools.email_normalize(email or "") or re.sub(r"\D", "", phone or "")
        if contact:
            keys["contact"] = self._hash_key("contact", contact)
        return keys

    @api.model
    def _srm_window(self):
        try:
            window = int(self.env["ir.config_parameter"].sudo().get_param("srm_issues.flood_window_minutes", 10))
        except ValueError:
            window = 10
        return max(window, 1)

    @api.model
    def _srm_limits(self, table, kind):
        """{scope: limit} of ``kind`` in SOFT_LIMITS or HARD_LIMITS, read from the system parameters."""
        params = self.env["ir.config_parameter"].sudo()
        limits = {}
        for scope, (param, default) in table.get(kind, {}).items():
            try:
                limits[scope] = max(int(params.get_param(param, default)), 0)
            except ValueError:
                limits[scope] = default
        return limits

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------

    @api.model
    def _check_and_log(self, keys, kind):
        """Log a request of ``kind`` (attempt, status); False when one of its keys is over
        its hard limit, then the request is refused and not logged."""
        return self._srm_count_and_log(keys, kind) != "refuse"

    @api.model
    def _srm_check_submission(self, keys):
        """Log a grievance about to be stored and say what to do with it.

        :param dict keys: from ``_srm_keys``
        :return: ``("refuse", None)`` past a hard ceiling (nothing is logged),
            ``("review", reason)`` past a soft limit (reason: contact, session or
            address), else ``("accept", None)``
        """
        result = self._srm_count_and_log(keys, "submit")
        if result in ("refuse", "accept"):
            return result, None
        return "review", result

    @api.model
    def _srm_count_and_log(self, keys, kind):
        """Count the requests of each key in the window and log this one.

        The counts and the inserts run in their own short transaction, in READ
        COMMITTED and under an advisory lock per key: concurrent requests are counted
        one after the other, and the count survives whatever happens to the request
        afterwards. Returns "refuse", "accept" or the scope of the first soft limit passed.
        """
        window = self._srm_window()
        hard = self._srm_limits(HARD_LIMITS, kind)
        soft = self._srm_limits(SOFT_LIMITS, kind)
        if self._srm_testing():
            return self._srm_count_and_log_cr(self.env.cr, keys, kind, window, hard, soft)
        with self.env.registry.cursor() as cr:
            cr.execute(SQL("SET TRANSACTION ISOLATION LEVEL READ COMMITTED"))
            return self._srm_count_and_log_cr(cr, keys, kind, window, hard, soft)

    @api.model
    def _srm_count_and_log_cr(self, cr, keys, kind, window, hard, soft):
        now = fields.Datetime.now()
        for key in sorted(keys.values()):
            cr.execute(SQL("SELECT pg_advisory_xact_lock(%s, %s)", LOCK_FLOOD, _lock_key(key)))
        cr.execute(
            SQL(
                "SELECT key, count(*) FROM srm_issue_flood WHERE key IN %s AND kind = %s AND date >= %s GROUP BY key",
                tuple(keys.values()),
                kind,
                now - timedelta(minutes=window),
            )
        )
        counts = dict(cr.fetchall())
        seen = {scope: counts.get(key, 0) for scope, key in keys.items()}
        if any(seen.get(scope, 0) >= limit for scope, limit in hard.items() if scope in keys):
            return "refuse"
        cr.execute(
            SQL(
                "INSERT INTO srm_issue_flood (key, kind, date) VALUES %s",
                SQL(", ").join(SQL("(%s, %s, %s)", key, kind, now) for key in keys.values()),
            )
        )
        for scope in REVIEW_REASONS:
            if scope in keys and scope in soft and seen[scope] >= soft[scope]:
                return scope
        return "accept"

    # ------------------------------------------------------------------
    # Bot trap: the form carries the time it was shown, signed
    # ------------------------------------------------------------------

    @api.model
    def _srm_min_fill_seconds(self):
        try:
            value = float(self.env["ir.config_parameter"].sudo().get_param("srm_issues.public_min_fill_seconds", 3))
        except ValueError:
            value = 3.0
        return max(value, 0.0)

    @api.model
    def _srm_sign_form(self, submission_token, shown_at=None):
        """The signed time a form was shown, bound to its submission token."""
        shown_at = int(shown_at if shown_at is not None else time.time())
        return tools.hash_sign(self.sudo().env, FORM_SCOPE, {"t": shown_at, "s": submission_token or ""})

    @api.model
    def _srm_form_shown_at(self, signed, submission_token):
        """When the form was shown (a timestamp), or None if ``signed`` is missing,
        forged or belongs to another form."""
        if not signed or not isinstance(signed, str) or len(signed) > 512:
            return None
        try:
            values = tools.verify_hash_signed(self.sudo().env, FORM_SCOPE, signed)
        except (ValueError, TypeError, UnicodeError):
            return None
        if not isinstance(values, dict) or values.get("s") != (submission_token or ""):
            return None
        shown_at = values.get("t")
        return shown_at if isinstance(shown_at, int) else None

    @api.model
    def _srm_filled_by_a_person(self, signed, submission_token):
        """Whether the form was sent at least the minimum fill time after it was shown."""
        shown_at = self._srm_form_shown_at(signed, submission_token)
        if shown_at is None:
            return False
        return time.time() - shown_at >= self._srm_min_fill_seconds()

    # ------------------------------------------------------------------
    # Double submission
    # ------------------------------------------------------------------

    @api.model
    def _lock_submission(self, token):
        """Serialize the submissions of one form (same token) and return the reference
        of the issue already created from it (None if none), seen through a fresh
        snapshot: a concurrent request may have committed it after this one began."""
        digest = hashlib.sha256(token.encode()).hexdigest()
        self.env.cr.execute(
            SQL("SELECT pg_advisory_xact_lock(%s, %s)", LOCK_SUBMISSION, _lock_key(digest))
        )
        query = SQL("SELECT reference FROM srm_issue WHERE submission_token = %s LIMIT 1", token)
        if self._srm_testing():
            self.env.cr.execute(query)
            row = self.env.cr.fetchone()
        else:
            with self.env.registry.cursor() as cr:
                cr.execute(SQL("SET TRANSACTION ISOLATION LEVEL READ COMMITTED"))
                cr.execute(query)
                row = cr.fetchone()
        return row[0] if row else None

    @api.autovacuum
    def _gc_old_requests(self):
        self.env.cr.execute(
            SQL(
                "DELETE FROM srm_issue_flood WHERE date < %s",
                fields.Datetime.now() - timedelta(days=1),
            )
        )
