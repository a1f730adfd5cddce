# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.osv import expression
from odoo.tools import html2plaintext

from .srm_report_builder import column

COMMITMENT_FIELDS = [
    "reference", "name", "partner_ids", "project_id", "category_id", "source", "engagement_id",
    "user_id", "priority", "date_due", "state", "is_overdue", "progress", "date_fulfilled",
    "evidence_note", "evidence_attachment_ids", "description", "is_confidential",
]  # fmt: skip


class SrmReportKindCommitmentRegister(models.AbstractModel):
    """Commitments due in the period and those due before it still outstanding,
    with their fulfilment by status and category."""

    _name = "srm.report.kind.commitment_register"
    _inherit = "srm.report.builder"
    _description = "SRM Report: Commitments Register"
    _report_kind = "commitment_register"
    _report_landscape = True

    @api.model
    def _report_base_domains(self, filters):
        """The commitments, and the engagements their rows name (where each was made)."""
        domain = self._commitment_domain(filters)
        return [("srm.commitment", domain), ("srm.engagement", [("commitment_ids", "any", domain)])]

    @api.model
    def _build_report(self, filters):
        _ = self.env._
        domain = self._commitment_domain(filters)
        count = self.env["srm.commitment"].search_count(domain)
        by_status = self._register_by_status(domain, count)
        overdue = by_status["totals"]["overdue"]
        by_category = self._register_by_category(domain, count, overdue)
        fulfilled = by_category["totals"]["fulfilled"]
        on_time_share = by_category["totals"]["on_time_share"]
        return {
            "title": _("Commitments register"),
            "note": _("Commitments due in the period, and commitments due before it that are still outstanding."),
            "record_count": count,
            "confidential_count": self._confidential_count("srm.commitment", domain),
            "sections": [
                self._section(
                    "commitments",
                    _("Commitments"),
                    self._register_columns(),
                    self._register_rows(domain),
                    count=count,
                    totals={"reference": _("Total: %s", count)},
                ),
                by_status,
                by_category,
            ],
            "highlights": [
                {"label": _("Commitments"), "value": count, "type": "integer"},
                {"label": _("Fulfilled"), "value": fulfilled, "type": "integer"},
                {"label": _("Fulfilled on time"), "value": on_time_share, "type": "percent"},
                {"label": _("Overdue"), "value": overdue, "type": "integer"},
            ],
        }

    @api.model
    def _register_columns(self):
        keys = [
            "reference", "title", "stakeholders", "project", "category", "source", "engagement", "owner",
            "priority", "due_date", "status", "overdue", "days_overdue", "progress", "fulfilled_on", "on_time",
            "evidence", "description",
        ]  # fmt: skip
        hidden = {"project", "source", "engagement", "priority", "days_overdue", "progress", "on_time", "description"}
        return self._columns("commitment", self._with_confidential(keys), hidden=hidden)

    @api.model
    def _register_rows(self, domain):
        """Rows of the commitments (lazily, a batch at a time)."""
        states = self._labels("srm.commitment", "state")
        sources = self._labels("srm.commitment", "source")
        priorities = self._labels("srm.commitment", "priority")
        today = fields.Date.context_today(self)
        with_confidential = self._user_sees_confidential()

        def rows():
            for commitments in self._iter_keyset("srm.commitment", domain, COMMITMENT_FIELDS, "date_due"):
                # the meeting a commitment was made at may be one its reader may not read
                engagements = self._link_names(commitments.engagement_id)
                for commitment in commitments:
                    fulfilled = commitment.state == "fulfilled"
                    row = [
                        commitment.reference or "",
                        commitment.name,
                        ", ".join(commitment.partner_ids.mapped("display_name")),
                        commitment.project_id.display_name or "",
                        commitment.category_id.name or "",
                        sources.get(commitment.source, ""),
                        self._link_name(commitment.engagement_id, engagements),
                        commitment.user_id.name or "",
                        priorities.get(commitment.priority, ""),
                        commitment.date_due,
                        states.get(commitment.state, ""),
                        commitment.is_overdue,
                        (today - commitment.date_due).days if commitment.is_overdue else None,
                        (commitment.progress or 0) / 100.0,
                        commitment.date_fulfilled or None,
                        (commitment.date_fulfilled <= commitment.date_due)
                        if fulfilled and commitment.date_fulfilled
                        else None,
                        self._commitment_evidence(commitment),
                        html2plaintext(commitment.description or "").strip(),
                    ]
                    if with_confidential:
                        row.append(commitment.is_confidential)
                    yield row

        return rows

    @api.model
    def _register_by_status(self, domain, count):
        _ = self.env._
        Commitment = self.env["srm.commitment"]
        states = self._labels("srm.commitment", "state")
        by_state = dict(Commitment._read_group(domain, ["state"], ["__count"]))
        overdue_by_state = dict(
            Commitment._read_group(expression.AND([domain, [("is_overdue", "=", True)]]), ["state"], ["__count"])
        )
        return self._section(
            "by_status",
            _("By status"),
            self._count_columns(column("status", _("Status"), "char", 20), _("Commitments"), share=False)
            + [column("overdue", _("Overdue"), "integer", 12)],
            [[label, by_state.get(key, 0), overdue_by_state.get(key, 0)] for key, label in states.items()],
            totals=self._count_totals("status", count, share=False, overdue=sum(overdue_by_state.values())),
        )

    @api.model
    def _fulfilled_on_time_by_category(self, domain):
        """({category id: fulfilled}, {category id: fulfilled on time}) of ``domain``."""
        # fulfilled on time compares two dates of each record: read them, a batch at a time
        fulfilled, on_time = {}, {}
        fulfilled_domain = expression.AND([domain, [("state", "=", "fulfilled")]])
        fnames = ["category_id", "date_due", "date_fulfilled"]
        for batch in self._iter_keyset("srm.commitment", fulfilled_domain, fnames, "date_due"):
            for commitment in batch:
                key = commitment.category_id.id
                fulfilled[key] = fulfilled.get(key, 0) + 1
                if commitment.date_fulfilled and commitment.date_fulfilled <= commitment.date_due:
                    on_time[key] = on_time.get(key, 0) + 1
        return fulfilled, on_time

    @api.model
    def _register_by_category(self, domain, count, overdue):
        _ = self.env._
        Commitment = self.env["srm.commitment"]
        fulfilled_by_category, on_time_by_category = self._fulfilled_on_time_by_category(domain)
        overdue_by_category = {
            category.id: n
            for category, n in Commitment._read_group(
                expression.AND([domain, [("is_overdue", "=", True)]]), ["category_id"], ["__count"]
            )
        }
        rows = []
        for category, n in Commitment._read_group(domain, ["category_id"], ["__count"]):
            fulfilled = fulfilled_by_category.get(category.id, 0)
            on_time = on_time_by_category.get(category.id, 0)
            share = on_time / fulfilled if fulfilled else None
            rows.append(
                [
                    category.name or _("Uncategorised"),
                    n,
                    fulfilled,
                    on_time,
                    share,
                    overdue_by_category.get(category.id, 0),
                ]
            )
        rows.sort(key=lambda row: (-row[1], row[0]))
        fulfilled_total = sum(fulfilled_by_category.values())
        on_time_total = sum(on_time_by_category.values())
        return self._section(
            "by_category",
            _("By category"),
            self._count_columns(column("category", _("Category"), "char", 25), _("Commitments"), share=False)
            + [
                column("fulfilled", _("Fulfilled"), "integer", 12),
                column("on_time", _("Fulfilled on time"), "integer", 14),
                column("on_time_share", _("Fulfilled on time (%)"), "percent", 14),
                column("overdue", _("Overdue"), "integer", 12),
            ],
            rows,
            totals=self._count_totals(
                "category",
                count,
                share=False,
                fulfilled=fulfilled_total,
                on_time=on_time_total,
                on_time_share=on_time_total / fulfilled_total if fulfilled_total else None,
                overdue=overdue,
            ),
        )
