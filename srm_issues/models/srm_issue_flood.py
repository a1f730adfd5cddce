# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import hashlib
import hmac
import threading
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

# namespaces of the PostgreSQL advisory locks taken by the public pages
LOCK_FLOOD = 4242001
LOCK_SUBMISSION = 4242002


def _lock_key(digest):
    """A signed 32-bit integer from a hex digest, for pg_advisory_xact_lock(int, int)."""
    value = int(digest[:8], 16)
    return value - (1 << 32) if value >= (1 << 31) else value


class SrmIssueFlood(models.Model):
    """Requests of the public grievance pages, to limit floods per address.

    Addresses are never stored: only a keyed hash of them, kept for a day.
    """

    _name = "srm.issue.flood"
    _description = "Public Grievance Page Request"
    _log_access = False
    _order = "id desc"

    key = fields.Char(required=True, index=True, help="Keyed hash of the remote address.")
    kind = fields.Selection(
        [("attempt", "Form posted"), ("submit", "Grievance accepted"), ("status", "Status lookup")],
        required=True,
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)

    @api.model
    def _srm_testing(self):
        return self.env.registry.in_test_mode() or getattr(
            threading.current_thread(), "testing", False
        )

    @api.model
    def _hash_address(self, address):
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret") or ""
        return hmac.new(
            secret.encode(), (address or "unknown").encode(), hashlib.sha256
        ).hexdigest()

    @api.model
    def _get_limit(self, kind):
        params = self.env["ir.config_parameter"].sudo()
        defaults = {"attempt": 30, "submit": 5, "status": 30}
        try:
            limit = int(params.get_param(f"srm_issues.flood_max_{kind}", defaults[kind]))
            window = int(params.get_param("srm_issues.flood_window_minutes", 10))
        except ValueError:
            limit, window = defaults[kind], 10
        return max(limit, 0), max(window, 1)

    @api.model
    def _check_and_log(self, address, kind):
        """Log a request of ``address``; return False when it is over the limit.

        The count and the insert run in their own short transaction, in READ COMMITTED
        and under an advisory lock per address: concurrent requests from one address
        are counted one after the other, and the count survives whatever happens to
        the request afterwards.
        """
        key = self._hash_address(address)
        limit, window = self._get_limit(kind)
        if self._srm_testing():
            return self._check_and_log_cr(self.env.cr, key, kind, limit, window)
        with self.env.registry.cursor() as cr:
            cr.execute(SQL("SET TRANSACTION ISOLATION LEVEL READ COMMITTED"))
            return self._check_and_log_cr(cr, key, kind, limit, window)

    @api.model
    def _check_and_log_cr(self, cr, key, kind, limit, window):
        now = fields.Datetime.now()
        cr.execute(SQL("SELECT pg_advisory_xact_lock(%s, %s)", LOCK_FLOOD, _lock_key(key)))
        cr.execute(
            SQL(
                "SELECT count(*) FROM srm_issue_flood WHERE key = %s AND kind = %s AND date >= %s",
                key,
                kind,
                now - timedelta(minutes=window),
            )
        )
        if cr.fetchone()[0] >= limit:
            return False
        cr.execute(
            SQL(
                "INSERT INTO srm_issue_flood (key, kind, date) VALUES (%s, %s, %s)", key, kind, now
            )
        )
        return True

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
