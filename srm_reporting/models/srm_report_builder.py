# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Data of the SRM reports, independent of the output format.

A report is a dictionary with a title, the parameters it was produced with,
key figures ("highlights") and sections. A section is a table (columns and
rows of typed Python values) or a list of label/value fields. Rows are
produced lazily, in batches read through the ORM as the current user, so that
record rules decide what each user gets and so that the XLSX writer can
stream a log of any length in constant memory. The QWeb and py3o renderers
materialize the rows as display strings (see ``_materialize``).
"""

import datetime
import logging

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools import SQL, html2plaintext
from odoo.tools.misc import format_date, formatLang

from odoo.addons.srm_commitments.models.srm_commitment import ACTIVE_STATES as ACTIVE_COMMITMENT_STATES

_logger = logging.getLogger(__name__)

REPORT_KINDS = [
    ("stakeholder_register", "Stakeholder register"),
    ("engagement_log", "Engagement log"),
    ("commitment_register", "Commitments register"),
    ("grievance_log", "Grievance log"),
    ("stakeholder_profile", "Stakeholder profile"),
    ("consultation_summary", "Consultation summary"),
    ("monthly_summary", "Monthly summary"),
]

OUTPUT_FORMATS = [
    ("pdf", "PDF"),
    ("xlsx", "Excel (XLSX)"),
    ("odt", "OpenDocument text (ODT, from template)"),
    ("docx", "Word (DOCX, from template)"),
    ("pdf_template", "PDF from template (LibreOffice)"),
]
TEMPLATE_FORMATS = {"odt", "docx", "pdf_template"}
LIBREOFFICE_FORMATS = {"docx": "docx", "pdf_template": "pdf"}
MIMETYPES = {
    "pdf": "application/pdf",
    "html": "text/html",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

BATCH_SIZE = 1000
DEFAULT_DOCUMENT_ROW_LIMIT = 20000
NOT_CONTACTED_DAYS = 90

FILTER_ID_KEYS = (
    "project_ids",
    "stakeholder_type_ids",
    "segment_ids",
    "partner_ids",
    "engagement_ids",
)


def column(key, label, ctype="char", width=None, doc=True):
    """A column of a table section; ctype drives formatting and XLSX cell types.

    Every column goes to the spreadsheet; ``doc=False`` leaves it out of the printed
    (PDF) table of a wide section, where it would squeeze the others. py3o templates
    can use every column.
    """
    return {"key": key, "label": label, "type": ctype, "width": width, "doc": doc}


class NameCache:
    """Display names of related records, computed once per report.

    Long logs mention the same few hundred stakeholders, types and users again
    and again: their names are computed once, a batch of new ids at a time,
    instead of once per row.
    """

    def __init__(self, env):
        self.env = env
        self.names = {}

    def load(self, model, ids):
        """Compute the names of ``ids`` not known yet; records the user may not read
        (record rules) get no name and are left out."""
        missing = {rid for rid in ids if rid and (model, rid) not in self.names}
        if missing:
            records = self.env[model].with_context(active_test=False).search([("id", "in", list(missing))])
            for record in records:
                self.names[(model, record.id)] = record.display_name or ""
            for rid in missing - set(records.ids):
                self.names[(model, rid)] = None

    def get(self, model, rid):
        return (self.names.get((model, rid)) or "") if rid else ""

    def join(self, model, ids):
        return ", ".join(sorted(filter(None, (self.names.get((model, rid)) for rid in ids))))


class SrmReportBuilder(models.AbstractModel):
    """The reporting framework: filters, domains, sections, columns, display formats.

    Each report is a kind, an abstract model ``srm.report.kind.<kind>`` inheriting this
    one, whose ``_build_report(filters)`` returns the report (see ``_build``).
    """

    _name = "srm.report.builder"
    _description = "SRM Report Data"

    # set by each report kind (srm.report.kind.<kind>)
    _report_kind = None
    # the report needs no period (the whole history by default)
    _report_period_optional = False
    # the report is printed on landscape pages
    _report_landscape = False

    # ------------------------------------------------------------------
    # Report kinds
    # ------------------------------------------------------------------

    @api.model
    def _report_kind_model(self, kind):
        """The model of the report ``kind`` (``srm.report.kind.<kind>``), None when unknown."""
        if not kind or not isinstance(kind, str):
            return None
        name = f"srm.report.kind.{kind}"
        return self.env[name] if name in self.env else None

    @api.model
    def _report_action(self, kind, output):
        """The ir.actions.report printing ``kind`` as ``output`` ("pdf" or "odt"): the
        record ``srm_report_<kind>_<output>`` of the module that defines the kind."""
        module = self._report_kind_model(kind)._original_module
        return self.env.ref(f"{module}.srm_report_{kind}_{output}")

    @api.model
    def _build_report(self, filters):
        """The report of this kind for normalized ``filters``: a dict with title,
        sections, highlights, record_count and optionally note, subtitle,
        confidential_count, protected_count (see ``_build``)."""
        raise NotImplementedError(f"{self._name} does not build a report")

    # ------------------------------------------------------------------
    # Filters
    # ------------------------------------------------------------------

    @api.model
    def _kind_label(self, kind):
        return dict(self.env["srm.report.log"]._fields["report_kind"]._description_selection(self.env))[kind]

    @api.model
    def _normalize_filters(self, filters):
        """Validate the filters of a report and return them in a JSON-friendly form.

        Raises UserError with a message a user understands for a missing or
        reversed period, an unknown report or a profile without one stakeholder.
        """
        filters = dict(filters or {})
        kind = filters.get("kind")
        kind_model = self._report_kind_model(kind)
        if kind_model is None:
            raise UserError(self.env._("Choose which report to produce."))
        clean = {"kind": kind}
        for key in ("date_from", "date_to"):
            value = filters.get(key)
            try:
                clean[key] = fields.Date.to_date(value) if value else False
            except ValueError as exc:
                raise UserError(self.env._("“%s” is not a valid date.", value)) from exc
        if not kind_model._report_period_optional and not (clean["date_from"] and clean["date_to"]):
            raise UserError(self.env._("The period of the report is empty: set both its first and its last day."))
        if clean["date_from"] and clean["date_to"] and clean["date_to"] < clean["date_from"]:
            raise UserError(
                self.env._(
                    "The period ends (%(end)s) before it starts (%(start)s): swap the dates.",
                    start=format_date(self.env, clean["date_from"]),
                    end=format_date(self.env, clean["date_to"]),
                )
            )
        for key in ("date_from", "date_to"):
            clean[key] = fields.Date.to_string(clean[key]) if clean[key] else False
        for key in FILTER_ID_KEYS:
            clean[key] = sorted({int(i) for i in filters.get(key) or []})
        clean["exclude_confidential"] = bool(filters.get("exclude_confidential"))
        if kind == "stakeholder_profile" and len(clean["partner_ids"]) != 1:
            raise UserError(self.env._("A stakeholder profile is produced for exactly one stakeholder: select one."))
        return clean

    @api.model
    def _tz(self):
        return pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "UTC")

    @api.model
    def _local_midnight_utc(self, day):
        """Naive UTC datetime of the user's local midnight starting ``day``."""
        local = self._tz().localize(datetime.datetime.combine(day, datetime.time.min))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _to_local(self, value):
        """Naive local datetime (user's timezone) of a naive UTC datetime."""
        if not value:
            return value
        return pytz.utc.localize(value).astimezone(self._tz()).replace(tzinfo=None)

    @api.model
    def _period_bounds(self, filters):
        """(start, end) naive UTC datetimes of the period, end excluded; None when open."""
        start = end = None
        if filters.get("date_from"):
            start = self._local_midnight_utc(fields.Date.to_date(filters["date_from"]))
        if filters.get("date_to"):
            end = self._local_midnight_utc(fields.Date.to_date(filters["date_to"]) + relativedelta(days=1))
        return start, end

    @api.model
    def _datetime_period_domain(self, fname, filters):
        start, end = self._period_bounds(filters)
        domain = []
        if start:
            domain.append((fname, ">=", fields.Datetime.to_string(start)))
        if end:
            domain.append((fname, "<", fields.Datetime.to_string(end)))
        return domain

    @api.model
    def _date_period_domain(self, fname, filters):
        domain = []
        if filters.get("date_from"):
            domain.append((fname, ">=", filters["date_from"]))
        if filters.get("date_to"):
            domain.append((fname, "<=", filters["date_to"]))
        return domain

    @api.model
    def _stakeholder_subdomain(self, filters):
        """Conditions on stakeholders coming from the type and segment filters."""
        domain = []
        if filters.get("stakeholder_type_ids"):
            domain.append(("stakeholder_type_id", "in", filters["stakeholder_type_ids"]))
        if filters.get("segment_ids"):
            domain.append(("srm_segment_ids", "in", filters["segment_ids"]))
        return domain

    @api.model
    def _secured_domain(self, filters, partner_field="partner_ids", with_partner_filters=True):
        """Project, stakeholder and confidentiality filters of an srm.secured.mixin model."""
        domain = []
        if filters.get("project_ids"):
            domain.append(("project_id", "in", filters["project_ids"]))
        if with_partner_filters and partner_field:
            sub = self._stakeholder_subdomain(filters)
            if sub:
                domain.append((partner_field, "any", sub))
            if filters.get("partner_ids"):
                domain.append((partner_field, "in", filters["partner_ids"]))
        if filters.get("exclude_confidential"):
            domain.append(("is_confidential", "=", False))
        return domain

    @api.model
    def _engagement_domain(self, filters, with_partner_filters=True):
        domain = self._datetime_period_domain("date", filters)
        domain += self._secured_domain(filters, with_partner_filters=with_partner_filters)
        if filters.get("engagement_ids"):
            domain.append(("id", "in", filters["engagement_ids"]))
        return domain

    @api.model
    def _stakeholder_domain(self, filters):
        domain = [("is_stakeholder", "=", True)]
        if filters.get("project_ids"):
            domain.append(("srm_project_ids", "in", filters["project_ids"]))
        domain += self._stakeholder_subdomain(filters)
        if filters.get("partner_ids"):
            domain.append(("id", "in", filters["partner_ids"]))
        return domain

    @api.model
    def _readable(self, model, ids):
        """Records among ``ids`` the current user may read (record rules applied)."""
        if not ids:
            return self.env[model]
        return self.env[model].search([("id", "in", list(ids))])

    @api.model
    def _filter_parameters(self, filters):
        """Human-readable list of the filters, printed at the top of every report."""
        _ = self.env._
        params = [{"label": _("Report"), "value": self._kind_label(filters["kind"])}]
        if filters.get("date_from") or filters.get("date_to"):
            params.append({"label": _("Period"), "value": self._period_label(filters)})
        else:
            params.append({"label": _("Period"), "value": _("Whole history")})
        labels = [
            ("project_ids", "srm.project", _("Projects"), _("All projects")),
            ("stakeholder_type_ids", "srm.stakeholder.type", _("Stakeholder types"), _("All types")),
            ("segment_ids", "srm.segment", _("Segments"), _("All segments")),
            ("partner_ids", "res.partner", _("Stakeholders"), False),
        ]
        for key, model, label, default in labels:
            ids = filters.get(key)
            if ids:
                names = self._readable(model, ids).mapped("display_name")
                params.append({"label": label, "value": ", ".join(names)})
            elif default:
                params.append({"label": label, "value": default})
        if filters.get("engagement_ids"):
            params.append(
                {
                    "label": _("Selection"),
                    "value": _("%s selected engagements", len(filters["engagement_ids"])),
                }
            )
        if filters.get("exclude_confidential"):
            conf = _("Excluded")
        elif self._user_sees_confidential():
            conf = _("Included")
        else:
            conf = _("Not included (no access)")
        params.append({"label": _("Confidential records"), "value": conf})
        return params

    @api.model
    def _period_label(self, filters):
        start = format_date(self.env, filters["date_from"]) if filters.get("date_from") else "…"
        end = format_date(self.env, filters["date_to"]) if filters.get("date_to") else "…"
        return self.env._("%(start)s to %(end)s", start=start, end=end)

    @api.model
    def _user_sees_confidential(self):
        return self.env.user.has_group("srm_base.group_srm_confidential")

    @api.model
    def _protect_identities(self, filters):
        """Whether the report keeps the complainants of sensitive issues unnamed: always
        for users without Confidential access, and when confidential records are left out."""
        return bool(filters.get("exclude_confidential")) or not self._user_sees_confidential()

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    @api.model
    def _labels(self, model, fname):
        return dict(self.env[model]._fields[fname]._description_selection(self.env))

    @api.model
    def _section(self, key, title, columns, rows, count=None, totals=None, layout="table", note=None, sheet=None):
        return {
            "key": key,
            "title": title,
            "sheet": sheet or title,
            "columns": columns,
            "rows": rows,
            "count": count,
            "totals": totals,
            "layout": layout,
            "note": note,
        }

    @api.model
    def _fields_section(self, key, title, items):
        """A label/value section; items are (label, value, type) triples."""
        columns = [
            column("label", self.env._("Field"), "char", 28),
            column("value", self.env._("Value"), "text", 70),
        ]
        rows = [[label, value] for label, value, _ctype in items]
        section = self._section(key, title, columns, rows, count=len(rows), layout="fields")
        section["value_types"] = [ctype for _label, _value, ctype in items]
        return section

    @api.model
    def iter_rows(self, section):
        rows = section["rows"]
        return iter(rows() if callable(rows) else rows)

    @api.model
    def _iter_keyset(self, model, domain, field_names, date_field, batch_size=BATCH_SIZE):
        """Yield records of ``domain`` ordered by (date_field, id), a batch at a time.

        Keyset pagination: each batch starts after the last (date, id) of the
        previous one, so that reading the 100,000th row costs as little as the
        first; the cache is emptied after each batch to keep memory flat.
        """
        Model = self.env[model]
        last = None
        while True:
            batch_domain = domain
            if last is not None:
                last_date, last_id = last
                batch_domain = expression.AND(
                    [
                        domain,
                        [
                            "|",
                            (date_field, ">", last_date),
                            "&",
                            (date_field, "=", last_date),
                            ("id", ">", last_id),
                        ],
                    ]
                )
            records = Model.search_fetch(batch_domain, field_names, limit=batch_size, order=f"{date_field}, id")
            if not records:
                return
            yield records
            last = (records[-1][date_field], records[-1].id)
            if len(records) < batch_size:
                return
            self.env.invalidate_all()

    @api.model
    def _iter_by_ids(self, model, domain, order, field_names, batch_size=BATCH_SIZE):
        """Yield records of ``domain`` in ``order``, a batch of ids at a time."""
        ids = self.env[model]._search(domain, order=order).get_result_ids()
        for start in range(0, len(ids), batch_size):
            records = self.env[model].browse(ids[start : start + batch_size])
            records.fetch(field_names)
            yield records
            self.env.invalidate_all()

    @api.model
    def _count(self, model, domain):
        return self.env[model].search_count(domain)

    @api.model
    def _month_domain(self, fname, month_start):
        """Domain of a local month (as grouped by _read_group 'fname:month')."""
        start = self._local_midnight_utc(month_start)
        end = self._local_midnight_utc(month_start + relativedelta(months=1))
        return [(fname, ">=", fields.Datetime.to_string(start)), (fname, "<", fields.Datetime.to_string(end))]

    @staticmethod
    def _month_key(value):
        if isinstance(value, datetime.datetime):
            value = value.date()
        return value.replace(day=1) if value else value

    @api.model
    def _sentiment_by_month(self, domain):
        """{month: (count with sentiment, average sentiment)} of engagements."""
        groups = self.env["srm.engagement"]._read_group(
            expression.AND([domain, [("sentiment", "!=", False)]]),
            ["date:month", "sentiment"],
            ["__count"],
        )
        acc = {}
        for month, sentiment, count in groups:
            key = self._month_key(month)
            total, weighted = acc.get(key, (0, 0))
            acc[key] = (total + count, weighted + int(sentiment) * count)
        return {month: (total, weighted / total if total else None) for month, (total, weighted) in acc.items()}

    @api.model
    def _share(self, part, whole):
        return part / whole if whole else 0.0

    # ------------------------------------------------------------------
    # Entry point
    # ------------------------------------------------------------------

    @api.model
    def _build(self, filters):
        """Return the report described by ``filters`` (see module docstring)."""
        filters = self._normalize_filters(filters)
        # worker grievances never enter a report (see srm.issue._search)
        builder = self.with_context(tz=self._tz().zone, srm_report_community_only=True)
        kind_model = builder._report_kind_model(filters["kind"])
        if kind_model is None:
            raise UserError(self.env._("Choose which report to produce."))
        report = kind_model._build_report(filters)
        report.setdefault("highlights", [])
        report.setdefault("note", "")
        report.setdefault("confidential_count", 0)
        # identities of protected complainants the report names (it is then confidential too)
        report.setdefault("protected_count", 0)
        report.setdefault("project_ids", self._readable("srm.project", filters.get("project_ids")).ids)
        report.update(
            kind=filters["kind"],
            filters=filters,
            kind_label=self._kind_label(filters["kind"]),
            landscape=kind_model._report_landscape,
            parameters=self._filter_parameters(filters),
            company=self.env.company,
            generated_by=self.env.user.name,
            generated_on=self._to_local(fields.Datetime.now()),
        )
        if not report.get("subtitle"):
            report["subtitle"] = self._subtitle(filters)
        report["section"] = {section["key"]: section for section in report["sections"]}
        return report

    @api.model
    def _subtitle(self, filters):
        parts = []
        projects = self._readable("srm.project", filters.get("project_ids"))
        parts.append(", ".join(projects.mapped("display_name")) if projects else self.env._("All projects"))
        if filters.get("date_from") or filters.get("date_to"):
            parts.append(self._period_label(filters))
        return " — ".join(parts)

    # ------------------------------------------------------------------
    # 1. Stakeholder register
    # ------------------------------------------------------------------

    @api.model
    def _build_stakeholder_register(self, filters):
        _ = self.env._
        Partner = self.env["res.partner"]
        domain = self._stakeholder_domain(filters)
        eng_domain = self._engagement_domain(filters, with_partner_filters=False)
        count = Partner.search_count(domain)
        quadrants = self._labels("res.partner", "srm_quadrant")
        salience = self._labels("res.partner", "srm_salience")
        channels = self._labels("res.partner", "srm_preferred_channel")
        columns = [
            column("ref", _("Reference"), "char", 12),
            column("name", _("Stakeholder"), "char", 30),
            column("stakeholder_type", _("Type"), "char", 20),
            column("segments", _("Segments"), "char", 25),
            column("projects", _("Projects"), "char", 25),
            column("region", _("Region"), "char", 18, doc=False),
            column("influence", _("Influence"), "integer", 10, doc=False),
            column("interest", _("Interest"), "integer", 10, doc=False),
            column("quadrant", _("Power/Interest"), "char", 18),
            column("salience", _("Salience"), "char", 14, doc=False),
            column("channel", _("Preferred channel"), "char", 18),
            column("consent", _("Consents to contact"), "boolean", 10),
            column("do_not_contact", _("Do not contact"), "boolean", 10),
            column("owner", _("Relationship owner"), "char", 20, doc=False),
            column("engagements", _("Engagements in period"), "integer", 12),
            column("last_engagement", _("Last engagement"), "datetime", 17),
            column("days_since_contact", _("Days since contact"), "integer", 10, doc=False),
            column("email", _("Email"), "char", 25, doc=False),
            column("phone", _("Phone"), "char", 16, doc=False),
        ]
        fnames = [
            "ref", "name", "display_name", "stakeholder_type_id", "srm_segment_ids", "srm_project_ids",
            "srm_region_id", "srm_influence", "srm_interest", "srm_quadrant", "srm_salience",
            "srm_preferred_channel", "srm_consent", "srm_do_not_contact", "user_id",
            "srm_last_engagement_date", "srm_days_since_contact", "email", "phone",
        ]  # fmt: skip

        def rows():
            for partners in self._iter_by_ids("res.partner", domain, "name, id", fnames):
                counts = dict(
                    self.env["srm.engagement"]._read_group(
                        expression.AND([eng_domain, [("partner_ids", "in", partners.ids)]]),
                        ["partner_ids"],
                        ["__count"],
                    )
                )
                for partner in partners:
                    yield [
                        partner.ref or "",
                        partner.display_name,
                        partner.stakeholder_type_id.name or "",
                        ", ".join(partner.srm_segment_ids.mapped("name")),
                        ", ".join(partner.srm_project_ids.mapped("display_name")),
                        partner.srm_region_id.display_name or "",
                        partner.srm_influence,
                        partner.srm_interest,
                        quadrants.get(partner.srm_quadrant, ""),
                        salience.get(partner.srm_salience, ""),
                        channels.get(partner.srm_preferred_channel, ""),
                        partner.srm_consent,
                        partner.srm_do_not_contact,
                        partner.user_id.name or "",
                        counts.get(partner, 0),
                        self._to_local(partner.srm_last_engagement_date),
                        partner.srm_days_since_contact if partner.srm_last_engagement_date else None,
                        partner.email or "",
                        partner.phone or "",
                    ]

        by_type = Partner._read_group(domain, ["stakeholder_type_id"], ["__count"])
        by_quadrant = dict(Partner._read_group(domain, ["srm_quadrant"], ["__count"]))
        not_contacted = Partner.search_count(expression.AND([domain, self._not_contacted_domain()]))
        sections = [
            self._section("stakeholders", _("Stakeholders"), columns, rows, count=count),
            self._section(
                "by_type",
                _("By type"),
                [
                    column("stakeholder_type", _("Type"), "char", 30),
                    column("count", _("Stakeholders"), "integer", 14),
                    column("share", _("Share"), "percent", 10),
                ],
                [
                    [stype.name or _("Undefined"), n, self._share(n, count)]
                    for stype, n in sorted(by_type, key=lambda g: -g[1])
                ],
                totals={"stakeholder_type": _("Total"), "count": count, "share": 1.0 if count else 0.0},
            ),
            self._section(
                "by_quadrant",
                _("Power/interest grid"),
                [
                    column("quadrant", _("Quadrant"), "char", 30),
                    column("count", _("Stakeholders"), "integer", 14),
                    column("share", _("Share"), "percent", 10),
                ],
                [
                    [label, by_quadrant.get(key, 0), self._share(by_quadrant.get(key, 0), count)]
                    for key, label in quadrants.items()
                ],
                totals={"quadrant": _("Total"), "count": count, "share": 1.0 if count else 0.0},
            ),
        ]
        return {
            "title": _("Stakeholder register"),
            "note": _("Stakeholders of the projects today; engagements are counted over the period."),
            "record_count": count,
            "sections": sections,
            "highlights": [
                {"label": _("Stakeholders"), "value": count, "type": "integer"},
                {"label": _("Manage closely"), "value": by_quadrant.get("manage_closely", 0), "type": "integer"},
                {
                    "label": _("Not contacted in %s days", NOT_CONTACTED_DAYS),
                    "value": not_contacted,
                    "type": "integer",
                },
                {
                    "label": _("Engagements in period"),
                    "value": self._count("srm.engagement", eng_domain),
                    "type": "integer",
                },
            ],
        }

    @api.model
    def _not_contacted_domain(self, days=NOT_CONTACTED_DAYS):
        limit = fields.Datetime.now() - relativedelta(days=days)
        return [
            "|",
            ("srm_last_engagement_date", "=", False),
            ("srm_last_engagement_date", "<", fields.Datetime.to_string(limit)),
        ]

    # ------------------------------------------------------------------
    # 2. Engagement log
    # ------------------------------------------------------------------

    @api.model
    def _engagement_columns(self):
        _ = self.env._
        columns = [
            column("id", _("ID"), "integer", 8, doc=False),
            column("date", _("Date"), "datetime", 17),
            column("subject", _("Subject"), "char", 32),
            column("engagement_type", _("Type"), "char", 16),
            column("direction", _("Initiated by"), "char", 16, doc=False),
            column("project", _("Project"), "char", 22),
            column("stakeholders", _("Stakeholders"), "char", 34),
            column("topics", _("Topics"), "char", 22),
            column("iap2_level", _("IAP2 level"), "char", 12, doc=False),
            column("sentiment", _("Sentiment"), "integer", 10),
            column("duration", _("Duration (h)"), "float", 10, doc=False),
            column("location", _("Location"), "char", 18, doc=False),
            column("responsible", _("Responsible"), "char", 18, doc=False),
            column("summary", _("Summary"), "text", 50),
            column("outcome", _("Outcome"), "text", 50),
            column("follow_up_date", _("Follow-up date"), "date", 12, doc=False),
        ]
        if self._user_sees_confidential():
            columns.append(column("confidential", _("Confidential"), "boolean", 12))
        return columns

    @api.model
    def _iter_engagement_rows(self, domain):
        """Rows of the engagement log, in chronological order, read in batches.

        Each batch is selected by the ORM (``_search``: record rules, companies and
        the report's filters apply) with keyset pagination on (date, id); its
        columns are then read with one SQL query, and the names of related records
        come from a cache filled once per report. This keeps the cost of the
        100,000th row as low as the first and memory flat.
        """
        directions = self._labels("srm.engagement", "direction")
        iap2 = self._labels("srm.engagement", "iap2_level")
        with_confidential = self._user_sees_confidential()
        Engagement = self.env["srm.engagement"]
        partners = Engagement._fields["partner_ids"]
        topics = Engagement._fields["topic_ids"]
        Engagement.flush_model()
        names = NameCache(self.env)
        relations = [
            (3, "srm.engagement.type", False),
            (5, "srm.project", False),
            (6, "res.partner", True),
            (7, "srm.topic", True),
            (12, "res.users", False),
        ]
        last = None
        while True:
            batch_domain = domain
            if last is not None:
                batch_domain = expression.AND(
                    [domain, ["|", ("date", ">", last[0]), "&", ("date", "=", last[0]), ("id", ">", last[1])]]
                )
            query = Engagement._search(batch_domain, order="date, id", limit=BATCH_SIZE)
            records = self.env.execute_query(
                SQL(
                    """
                    SELECT e.id, e.date, e.name, e.engagement_type_id, e.direction, e.project_id,
                           ARRAY(SELECT rel.%(p2)s FROM %(prel)s rel WHERE rel.%(p1)s = e.id),
                           ARRAY(SELECT rel.%(t2)s FROM %(trel)s rel WHERE rel.%(t1)s = e.id),
                           e.iap2_level, e.sentiment, e.duration, e.location, e.user_id, e.summary,
                           e.outcome, e.follow_up_date, e.is_confidential
                      FROM srm_engagement e
                     WHERE e.id IN %(ids)s
                  ORDER BY e.date, e.id
                    """,
                    prel=SQL.identifier(partners.relation),
                    p1=SQL.identifier(partners.column1),
                    p2=SQL.identifier(partners.column2),
                    trel=SQL.identifier(topics.relation),
                    t1=SQL.identifier(topics.column1),
                    t2=SQL.identifier(topics.column2),
                    ids=query.subselect(),
                )
            )
            if not records:
                return
            for index, model, many in relations:
                ids = set()
                for record in records:
                    ids.update(record[index] if many else (record[index],))
                names.load(model, ids)
            for rec in records:
                row = [
                    rec[0],
                    self._to_local(rec[1]),
                    rec[2],
                    names.get("srm.engagement.type", rec[3]),
                    directions.get(rec[4], ""),
                    names.get("srm.project", rec[5]),
                    names.join("res.partner", rec[6]),
                    names.join("srm.topic", rec[7]),
                    iap2.get(rec[8], ""),
                    int(rec[9]) if rec[9] else None,
                    rec[10] or 0.0,
                    rec[11] or "",
                    names.get("res.users", rec[12]),
                    rec[13] or "",
                    rec[14] or "",
                    rec[15] or None,
                ]
                if with_confidential:
                    row.append(bool(rec[16]))
                yield row
            if len(records) < BATCH_SIZE:
                return
            last = (records[-1][1], records[-1][0])
            self.env.invalidate_all()

    # ------------------------------------------------------------------
    # 3. Commitments register (srm.commitment)
    # ------------------------------------------------------------------

    @api.model
    def _commitment_domain(self, filters):
        """Commitments due in the period, and those due before it still outstanding."""
        domain = []
        if filters.get("date_to"):
            domain.append(("date_due", "<=", filters["date_to"]))
        if filters.get("date_from"):
            domain += ["|", ("date_due", ">=", filters["date_from"]), ("state", "in", list(ACTIVE_COMMITMENT_STATES))]
        domain += self._secured_domain(filters)
        return domain

    @api.model
    def _commitment_evidence(self, commitment):
        text = html2plaintext(commitment.evidence_note or "").strip()
        documents = commitment.evidence_attachment_ids
        if documents:
            names = ", ".join(documents.mapped("name"))
            text = f"{text}\n{self.env._('Documents: %s', names)}".strip()
        return text

    @api.model
    def _build_commitment_register(self, filters):
        _ = self.env._
        Commitment = self.env["srm.commitment"]
        domain = self._commitment_domain(filters)
        count = Commitment.search_count(domain)
        confidential = Commitment.search_count(expression.AND([domain, [("is_confidential", "=", True)]]))
        states = self._labels("srm.commitment", "state")
        sources = self._labels("srm.commitment", "source")
        priorities = self._labels("srm.commitment", "priority")
        today = fields.Date.context_today(self)
        with_confidential = self._user_sees_confidential()
        columns = [
            column("reference", _("Reference"), "char", 15),
            column("title", _("Commitment"), "char", 32),
            column("stakeholders", _("Stakeholders"), "char", 28),
            column("project", _("Project"), "char", 20, doc=False),
            column("category", _("Category"), "char", 18),
            column("source", _("Source"), "char", 18, doc=False),
            column("engagement", _("Made during"), "char", 24, doc=False),
            column("owner", _("Owner"), "char", 18),
            column("priority", _("Priority"), "char", 10, doc=False),
            column("due_date", _("Due date"), "date", 12),
            column("status", _("Status"), "char", 12),
            column("overdue", _("Overdue"), "boolean", 10),
            column("days_overdue", _("Days overdue"), "integer", 10, doc=False),
            column("progress", _("Progress"), "percent", 10, doc=False),
            column("fulfilled_on", _("Fulfilled on"), "date", 12),
            column("on_time", _("Fulfilled on time"), "boolean", 12, doc=False),
            column("evidence", _("Fulfilment evidence"), "text", 45),
            column("description", _("Description"), "text", 45, doc=False),
        ]
        if with_confidential:
            columns.append(column("confidential", _("Confidential"), "boolean", 12))
        fnames = [
            "reference", "name", "partner_ids", "project_id", "category_id", "source", "engagement_id",
            "user_id", "priority", "date_due", "state", "is_overdue", "progress", "date_fulfilled",
            "evidence_note", "evidence_attachment_ids", "description", "is_confidential",
        ]  # fmt: skip

        def rows():
            for commitments in self._iter_keyset("srm.commitment", domain, fnames, "date_due"):
                for commitment in commitments:
                    fulfilled = commitment.state == "fulfilled"
                    row = [
                        commitment.reference or "",
                        commitment.name,
                        ", ".join(commitment.partner_ids.mapped("display_name")),
                        commitment.project_id.display_name or "",
                        commitment.category_id.name or "",
                        sources.get(commitment.source, ""),
                        commitment.engagement_id.display_name or "",
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

        by_state = dict(Commitment._read_group(domain, ["state"], ["__count"]))
        overdue_by_state = dict(
            Commitment._read_group(expression.AND([domain, [("is_overdue", "=", True)]]), ["state"], ["__count"])
        )
        overdue = sum(overdue_by_state.values())
        # fulfilled on time compares two dates of each record: read them, a batch at a time
        on_time_by_category = {}
        fulfilled_by_category = {}
        fulfilled_domain = expression.AND([domain, [("state", "=", "fulfilled")]])
        for batch in self._iter_keyset(
            "srm.commitment", fulfilled_domain, ["category_id", "date_due", "date_fulfilled"], "date_due"
        ):
            for commitment in batch:
                key = commitment.category_id.id
                fulfilled_by_category[key] = fulfilled_by_category.get(key, 0) + 1
                if commitment.date_fulfilled and commitment.date_fulfilled <= commitment.date_due:
                    on_time_by_category[key] = on_time_by_category.get(key, 0) + 1
        overdue_by_category = {
            category.id: n
            for category, n in Commitment._read_group(
                expression.AND([domain, [("is_overdue", "=", True)]]), ["category_id"], ["__count"]
            )
        }
        by_category = []
        for category, n in Commitment._read_group(domain, ["category_id"], ["__count"]):
            key = category.id
            fulfilled = fulfilled_by_category.get(key, 0)
            on_time = on_time_by_category.get(key, 0)
            by_category.append(
                [
                    category.name or _("Uncategorised"),
                    n,
                    fulfilled,
                    on_time,
                    on_time / fulfilled if fulfilled else None,
                    overdue_by_category.get(key, 0),
                ]
            )
        by_category.sort(key=lambda row: (-row[1], row[0]))
        fulfilled_total = sum(fulfilled_by_category.values())
        on_time_total = sum(on_time_by_category.values())
        sections = [
            self._section(
                "commitments",
                _("Commitments"),
                columns,
                rows,
                count=count,
                totals={"reference": _("Total: %s", count)},
            ),
            self._section(
                "by_status",
                _("By status"),
                [
                    column("status", _("Status"), "char", 20),
                    column("count", _("Commitments"), "integer", 14),
                    column("overdue", _("Overdue"), "integer", 12),
                ],
                [[label, by_state.get(key, 0), overdue_by_state.get(key, 0)] for key, label in states.items()],
                totals={"status": _("Total"), "count": count, "overdue": overdue},
            ),
            self._section(
                "by_category",
                _("By category"),
                [
                    column("category", _("Category"), "char", 25),
                    column("count", _("Commitments"), "integer", 14),
                    column("fulfilled", _("Fulfilled"), "integer", 12),
                    column("on_time", _("Fulfilled on time"), "integer", 14),
                    column("on_time_share", _("Fulfilled on time (%)"), "percent", 14),
                    column("overdue", _("Overdue"), "integer", 12),
                ],
                by_category,
                totals={
                    "category": _("Total"),
                    "count": count,
                    "fulfilled": fulfilled_total,
                    "on_time": on_time_total,
                    "on_time_share": on_time_total / fulfilled_total if fulfilled_total else None,
                    "overdue": overdue,
                },
            ),
        ]
        return {
            "title": _("Commitments register"),
            "note": _("Commitments due in the period, and commitments due before it that are still outstanding."),
            "record_count": count,
            "confidential_count": confidential,
            "sections": sections,
            "highlights": [
                {"label": _("Commitments"), "value": count, "type": "integer"},
                {"label": _("Fulfilled"), "value": fulfilled_total, "type": "integer"},
                {
                    "label": _("Fulfilled on time"),
                    "value": on_time_total / fulfilled_total if fulfilled_total else None,
                    "type": "percent",
                },
                {"label": _("Overdue"), "value": overdue, "type": "integer"},
            ],
        }

    # ------------------------------------------------------------------
    # 4. Grievance log (srm.issue)
    # ------------------------------------------------------------------

    @api.model
    def _issue_domain(self, filters):
        domain = self._datetime_period_domain("date_received", filters)
        domain += self._secured_domain(filters)
        return domain

    @api.model
    def _sla_rows(self, domain, groupby=None):
        """Service-level compliance per group (or overall): srm_issues' audit figures
        (acknowledged on time, days to close) completed with resolution on time.

        Each row: [group, received, acknowledged, acknowledged on time, share,
        resolved, resolved on time, share, closed, average days to close, breached].
        """
        Issue = self.env["srm.issue"]
        groupby_list = [groupby] if groupby else []
        key_name = groupby.split(":")[0] if groupby else None

        def counts(extra):
            return {
                tuple(row[:-1]): row[-1]
                for row in Issue._read_group(expression.AND([domain, extra]), groupby_list, ["__count"])
            }

        resolved = counts([("date_resolved", "!=", False)])
        resolved_on_time = counts([("date_resolved", "!=", False), ("is_resolution_breached", "=", False)])
        rows = []
        for figure in Issue.get_sla_figures(domain, groupby=groupby_list):
            value = figure.get(key_name) if key_name else None
            key = (value,) if key_name else ()
            n_resolved = resolved.get(key, 0)
            n_on_time = resolved_on_time.get(key, 0)
            acknowledged = figure["acknowledged"]
            rows.append(
                [
                    value,
                    figure["received"],
                    acknowledged,
                    figure["acknowledged_on_time"],
                    figure["acknowledged_on_time"] / acknowledged if acknowledged else None,
                    n_resolved,
                    n_on_time,
                    n_on_time / n_resolved if n_resolved else None,
                    figure["closed"],
                    figure["avg_days_to_close"],
                    figure["breached"],
                ]
            )
        return rows

    @api.model
    def _sla_columns(self, first):
        _ = self.env._
        return [
            first,
            column("count", _("Received"), "integer", 10),
            column("acknowledged", _("Acknowledged"), "integer", 13),
            column("acknowledged_on_time", _("Acknowledged on time"), "integer", 13),
            column("acknowledged_share", _("Acknowledged on time (%)"), "percent", 13),
            column("resolved", _("Resolved"), "integer", 10),
            column("resolved_on_time", _("Resolved on time"), "integer", 12),
            column("resolved_share", _("Resolved on time (%)"), "percent", 12),
            column("closed", _("Closed"), "integer", 10),
            column("days_to_close", _("Average days to close"), "float", 13),
            column("breached", _("Service level breached"), "integer", 13),
        ]

    @api.model
    def _issue_text(self, html_value):
        return html2plaintext(html_value or "").strip()

    @api.model
    def _protected_complainants(self, issues):
        """{issue id: complainant partner id} of the sensitive and anonymous ``issues``."""
        protected = issues.filtered(lambda issue: issue.is_sensitive or issue.is_anonymous)
        # sudo: who raised a protected issue is read (one query per batch) only to keep
        # them out of the stakeholders listed, for users who may not read it as well
        return {issue.id: issue.complainant_partner_id.id for issue in protected.sudo() if issue.complainant_partner_id}

    @api.model
    def _issue_stakeholders(self, issue, complainants):
        """Stakeholders concerned by an issue, never the complainant of a protected one."""
        hidden = complainants.get(issue.id)
        partners = issue.partner_ids.filtered(lambda partner: partner.id != hidden) if hidden else issue.partner_ids
        return ", ".join(partners.mapped("display_name"))

    @api.model
    def _issue_complainant(self, issue, protect):
        if protect and issue.is_sensitive and not issue.is_anonymous:
            return self.env._("Protected complainant")
        return issue.complainant_display or ""

    @api.model
    def _build_grievance_log(self, filters):
        _ = self.env._
        Issue = self.env["srm.issue"]
        domain = self._issue_domain(filters)
        count = Issue.search_count(domain)
        confidential = Issue.search_count(expression.AND([domain, [("is_confidential", "=", True)]]))
        protect = self._protect_identities(filters)
        named = 0
        if not protect:
            named = Issue.search_count(
                expression.AND(
                    [
                        domain,
                        [
                            ("is_sensitive", "=", True),
                            ("is_anonymous", "=", False),
                            ("complainant_partner_id", "!=", False),
                        ],
                    ]
                )
            )
        kinds = self._labels("srm.issue", "kind")
        channels = self._labels("srm.issue", "channel")
        severities = self._labels("srm.issue", "severity")
        outcomes = self._labels("srm.issue", "outcome")
        satisfaction = self._labels("srm.issue", "satisfaction")
        with_confidential = self._user_sees_confidential()
        columns = [
            column("reference", _("Reference"), "char", 15),
            column("received", _("Received"), "datetime", 17),
            column("kind", _("Kind"), "char", 11, doc=False),
            column("category", _("Category"), "char", 16),
            column("channel", _("Channel"), "char", 11, doc=False),
            column("project", _("Project"), "char", 20, doc=False),
            column("subject", _("Subject"), "char", 30),
            column("complainant", _("Complainant"), "char", 20),
            column("stakeholders", _("Stakeholders"), "char", 25, doc=False),
            column("severity", _("Severity"), "char", 10),
            column("stage", _("Stage"), "char", 16),
            column("assigned", _("Assigned to"), "char", 16, doc=False),
            column("ack_due", _("Acknowledgement due"), "datetime", 17, doc=False),
            column("acknowledged", _("Acknowledged on"), "datetime", 17, doc=False),
            column("acknowledged_on_time", _("Acknowledged on time"), "boolean", 12),
            column("resolution_due", _("Resolution due"), "datetime", 17, doc=False),
            column("resolved", _("Resolved on"), "datetime", 17, doc=False),
            column("resolved_on_time", _("Resolved on time"), "boolean", 12),
            column("closed", _("Closed on"), "datetime", 17, doc=False),
            column("days_to_close", _("Days to close"), "float", 10),
            column("sla_breached", _("Service level breached"), "boolean", 12, doc=False),
            column("outcome", _("Close-out outcome"), "char", 18, doc=False),
            column("satisfaction", _("Satisfaction"), "char", 14, doc=False),
            column("description", _("Description"), "text", 45, doc=False),
            column("resolution", _("Resolution"), "text", 45),
        ]
        if with_confidential:
            columns.append(column("confidential", _("Confidential"), "boolean", 12))
        fnames = [
            "reference", "date_received", "kind", "category_id", "channel", "project_id", "name",
            "complainant_display", "is_sensitive", "is_anonymous", "partner_ids", "severity", "stage_id",
            "user_id", "date_ack_due", "date_acknowledged", "ack_on_time_rate", "date_resolution_due", "date_resolved",
            "is_resolution_breached", "date_closed", "close_days", "is_sla_breached", "outcome",
            "satisfaction", "description", "resolution", "is_confidential",
        ]  # fmt: skip

        def rows():
            for issues in self._iter_keyset("srm.issue", domain, fnames, "date_received"):
                complainants = self._protected_complainants(issues)
                for issue in issues:
                    row = [
                        issue.reference,
                        self._to_local(issue.date_received),
                        kinds.get(issue.kind, ""),
                        issue.category_id.name or "",
                        channels.get(issue.channel, ""),
                        issue.project_id.display_name or "",
                        issue.name,
                        self._issue_complainant(issue, protect),
                        self._issue_stakeholders(issue, complainants),
                        severities.get(issue.severity, ""),
                        issue.stage_id.name or "",
                        issue.user_id.name or "",
                        self._to_local(issue.date_ack_due),
                        self._to_local(issue.date_acknowledged),
                        issue.ack_on_time_rate >= 100 if issue.date_acknowledged else None,
                        self._to_local(issue.date_resolution_due),
                        self._to_local(issue.date_resolved),
                        not issue.is_resolution_breached if issue.date_resolved else None,
                        self._to_local(issue.date_closed),
                        issue.close_days if issue.date_closed else None,
                        issue.is_sla_breached,
                        outcomes.get(issue.outcome, ""),
                        satisfaction.get(issue.satisfaction, ""),
                        self._issue_text(issue.description),
                        self._issue_text(issue.resolution),
                    ]
                    if with_confidential:
                        row.append(issue.is_confidential)
                    yield row

        uncategorised = _("Uncategorised")
        by_category = sorted(
            ([row[0].name if row[0] else uncategorised] + row[1:] for row in self._sla_rows(domain, "category_id")),
            key=lambda row: (row[0] == uncategorised, row[0]),
        )
        by_month = sorted(
            ([self._month_key(row[0])] + row[1:] for row in self._sla_rows(domain, "date_received:month")),
            key=lambda row: row[0],
        )
        totals = self._sla_rows(domain)
        total = totals[0] if totals else [None, 0, 0, 0, None, 0, 0, None, 0, None, 0]
        open_count = Issue.search_count(expression.AND([domain, [("is_closed", "=", False)]]))
        sla_total = dict(zip(
            ["count", "acknowledged", "acknowledged_on_time", "acknowledged_share", "resolved",
             "resolved_on_time", "resolved_share", "closed", "days_to_close", "breached"],
            total[1:],
            strict=True,
        ))  # fmt: skip
        sections = [
            self._section(
                "grievances",
                _("Grievances"),
                columns,
                rows,
                count=count,
                totals={"reference": _("Total: %s", count)},
            ),
            self._section(
                "sla_by_category",
                _("Service levels by category"),
                self._sla_columns(column("category", _("Category"), "char", 24)),
                by_category,
                totals=dict(sla_total, category=_("Total")),
            ),
            self._section(
                "sla_by_month",
                _("Service levels by month"),
                self._sla_columns(column("month", _("Month received"), "month", 16)),
                by_month,
                totals=dict(sla_total, month=_("Total")),
            ),
        ]
        return {
            "title": _("Grievance log"),
            "note": _("Issues and grievances of every kind received in the period, with their service levels."),
            "record_count": count,
            "confidential_count": confidential,
            "protected_count": named,
            "sections": sections,
            "highlights": [
                {"label": _("Received"), "value": count, "type": "integer"},
                {"label": _("Acknowledged on time"), "value": sla_total["acknowledged_share"], "type": "percent"},
                {"label": _("Resolved on time"), "value": sla_total["resolved_share"], "type": "percent"},
                {"label": _("Average days to close"), "value": sla_total["days_to_close"], "type": "float"},
                {"label": _("Still open"), "value": open_count, "type": "integer"},
                {"label": _("Service level breached"), "value": sla_total["breached"], "type": "integer"},
            ],
        }

    # ------------------------------------------------------------------
    # 5. Stakeholder profile
    # ------------------------------------------------------------------

    @api.model
    def _build_stakeholder_profile(self, filters):
        _ = self.env._
        partner = self._readable("res.partner", filters["partner_ids"])
        if not partner:
            raise UserError(_("This stakeholder does not exist or you are not allowed to see it."))
        quadrants = self._labels("res.partner", "srm_quadrant")
        salience = self._labels("res.partner", "srm_salience")
        channels = self._labels("res.partner", "srm_preferred_channel")
        bases = self._labels("res.partner", "srm_consent_basis")
        relations = partner.srm_relationship_ids | partner.srm_relationship_inverse_ids
        items = [
            (_("Name"), partner.display_name, "char"),
            (_("Reference"), partner.ref or "", "char"),
            (_("Type"), partner.stakeholder_type_id.name or "", "char"),
            (_("Segments"), ", ".join(partner.srm_segment_ids.mapped("name")), "char"),
            (_("Projects"), ", ".join(partner.srm_project_ids.mapped("display_name")), "char"),
            (_("Region"), partner.srm_region_id.display_name or "", "char"),
            (_("Address"), partner._display_address(without_company=True).strip(), "text"),
            (_("Email"), partner.email or "", "char"),
            (_("Phone"), partner.phone or partner.mobile or "", "char"),
            (_("Relationship owner"), partner.user_id.name or "", "char"),
            (_("Influence (1-5)"), partner.srm_influence, "integer"),
            (_("Interest (1-5)"), partner.srm_interest, "integer"),
            (_("Legitimacy (1-5)"), partner.srm_legitimacy, "integer"),
            (_("Urgency (1-5)"), partner.srm_urgency, "integer"),
            (_("Power/Interest"), quadrants.get(partner.srm_quadrant, ""), "char"),
            (_("Salience"), salience.get(partner.srm_salience, ""), "char"),
            (_("Preferred channel"), channels.get(partner.srm_preferred_channel, ""), "char"),
            (_("Consents to contact"), partner.srm_consent, "boolean"),
            (_("Basis for contact"), bases.get(partner.srm_consent_basis, ""), "char"),
            (_("Do not contact"), partner.srm_do_not_contact, "boolean"),
            (_("Last engagement"), self._to_local(partner.srm_last_engagement_date), "datetime"),
            (_("Relationships"), ", ".join(relations.mapped("display_name")), "text"),
        ]
        eng_filters = dict(filters, partner_ids=partner.ids, stakeholder_type_ids=[], segment_ids=[])
        eng_domain = self._engagement_domain(eng_filters)
        Engagement = self.env["srm.engagement"]
        count = Engagement.search_count(eng_domain)
        confidential = Engagement.search_count(expression.AND([eng_domain, [("is_confidential", "=", True)]]))
        sentiment = self._sentiment_by_month(eng_domain)
        columns = [
            col
            for col in self._engagement_columns()
            if col["key"]
            in {"date", "subject", "engagement_type", "project", "topics", "sentiment", "summary", "outcome"}
        ]
        keep = [i for i, col in enumerate(self._engagement_columns()) if col in columns]

        def engagement_rows():
            for row in self._iter_engagement_rows(eng_domain):
                yield [row[i] for i in keep]

        sections = [
            self._fields_section("profile", _("Profile"), items),
            self._section(
                "engagements",
                _("Engagements"),
                columns,
                engagement_rows,
                count=count,
                totals={"subject": _("Total: %s engagements", count)},
            ),
            self._section(
                "sentiment",
                _("Sentiment by month"),
                [
                    column("month", _("Month"), "month", 16),
                    column("count", _("Engagements with a sentiment"), "integer", 18),
                    column("sentiment", _("Average sentiment"), "float", 16),
                ],
                [[month, total, avg] for month, (total, avg) in sorted(sentiment.items())],
            ),
        ]
        extra_count = named = 0
        for extra in self._profile_extra_sections(partner, filters):
            sections.append(extra)
            extra_count += extra.get("confidential_count", 0)
            named += extra.get("protected_count", 0)
        rated = sum(total for total, _avg in sentiment.values())
        avg_all = sum(total * avg for total, avg in sentiment.values()) / rated if rated else None
        return {
            "title": _("Stakeholder profile: %s", partner.display_name),
            "subtitle": self._period_label(filters)
            if filters.get("date_from") or filters.get("date_to")
            else _("Whole history"),
            "record_count": count,
            "confidential_count": confidential + extra_count,
            "protected_count": named,
            "sections": sections,
            "highlights": [
                {"label": _("Engagements"), "value": count, "type": "integer"},
                {"label": _("Average sentiment"), "value": avg_all, "type": "float"},
                {
                    "label": _("Last engagement"),
                    "value": self._to_local(partner.srm_last_engagement_date),
                    "type": "datetime",
                },
            ]
            + self._profile_extra_highlights(partner, filters),
        }

    @api.model
    def _profile_issue_domain(self, partner, filters):
        who = [("partner_ids", "in", partner.ids), ("complainant_id", "=", partner.id)]
        protect = self._protect_identities(filters)
        if not protect:
            # the identity of protected complainants is only searchable with Confidential access
            who.append(("complainant_partner_id", "=", partner.id))
        domain = expression.OR([[leaf] for leaf in who])
        if protect:
            # sudo: the protected issues the stakeholder raised are searched only to leave
            # them out, so that the profile does not tell who raised them
            raised = (
                self.env["srm.issue"]
                .sudo()
                .with_context(active_test=False)
                .search(
                    [
                        ("complainant_partner_id", "=", partner.id),
                        "|",
                        ("is_sensitive", "=", True),
                        ("is_anonymous", "=", True),
                    ]
                )
            )
            if raised:
                domain = expression.AND([domain, [("id", "not in", raised.ids)]])
        domain = expression.AND([domain, self._datetime_period_domain("date_received", filters)])
        if filters.get("project_ids"):
            domain = expression.AND([domain, [("project_id", "in", filters["project_ids"])]])
        if filters.get("exclude_confidential"):
            domain = expression.AND([domain, [("is_confidential", "=", False)]])
        return domain

    @api.model
    def _profile_commitment_domain(self, partner, filters):
        domain = [("partner_ids", "in", partner.ids)]
        if filters.get("date_from") or filters.get("date_to"):
            domain += self._commitment_domain(dict(filters, partner_ids=[], stakeholder_type_ids=[], segment_ids=[]))
        else:
            domain += self._secured_domain(dict(filters, partner_ids=[], stakeholder_type_ids=[], segment_ids=[]))
        return domain

    @api.model
    def _profile_extra_sections(self, partner, filters):
        """Commitments and issues of the stakeholder."""
        _ = self.env._
        states = self._labels("srm.commitment", "state")
        commitments = self.env["srm.commitment"].search(
            self._profile_commitment_domain(partner, filters), order="date_due, id"
        )
        sections = [
            dict(
                self._section(
                    "commitments",
                    _("Commitments"),
                    [
                        column("reference", _("Reference"), "char", 15),
                        column("title", _("Commitment"), "char", 32),
                        column("due_date", _("Due date"), "date", 12),
                        column("status", _("Status"), "char", 12),
                        column("overdue", _("Overdue"), "boolean", 10),
                        column("fulfilled_on", _("Fulfilled on"), "date", 12),
                        column("evidence", _("Fulfilment evidence"), "text", 45),
                    ],
                    [
                        [
                            commitment.reference or "",
                            commitment.name,
                            commitment.date_due,
                            states.get(commitment.state, ""),
                            commitment.is_overdue,
                            commitment.date_fulfilled or None,
                            self._commitment_evidence(commitment),
                        ]
                        for commitment in commitments
                    ],
                    count=len(commitments),
                ),
                confidential_count=len(commitments.filtered("is_confidential")),
            )
        ]
        Issue = self.env["srm.issue"]
        domain = self._profile_issue_domain(partner, filters)
        issues = Issue.search(domain, order="date_received, id")
        sections.append(
            dict(
                self._section(
                    "issues",
                    _("Issues and grievances"),
                    [
                        column("reference", _("Reference"), "char", 15),
                        column("received", _("Received"), "datetime", 17),
                        column("subject", _("Subject"), "char", 30),
                        column("category", _("Category"), "char", 16),
                        column("stage", _("Stage"), "char", 16),
                        column("sla_breached", _("Service level breached"), "boolean", 12),
                        column("resolution", _("Resolution"), "text", 45),
                    ],
                    [
                        [
                            issue.reference,
                            self._to_local(issue.date_received),
                            issue.name,
                            issue.category_id.name or "",
                            issue.stage_id.name or "",
                            issue.is_sla_breached,
                            self._issue_text(issue.resolution),
                        ]
                        for issue in issues
                    ],
                    count=len(issues),
                ),
                confidential_count=len(issues.filtered("is_confidential")),
                protected_count=self._profile_named_count(partner, issues, filters),
            )
        )
        return sections

    @api.model
    def _profile_named_count(self, partner, issues, filters):
        """Sensitive issues of the profile listed because the stakeholder raised them."""
        if self._protect_identities(filters) or not issues:
            return 0
        return self.env["srm.issue"].search_count(
            [("id", "in", issues.ids), ("is_sensitive", "=", True), ("complainant_partner_id", "=", partner.id)]
        )

    @api.model
    def _profile_extra_highlights(self, partner, filters):
        Issue = self.env["srm.issue"]
        domain = self._profile_issue_domain(partner, filters)
        commitment_domain = self._profile_commitment_domain(partner, filters)
        return [
            {
                "label": self.env._("Commitments outstanding"),
                "value": self.env["srm.commitment"].search_count(
                    expression.AND([commitment_domain, [("state", "in", list(ACTIVE_COMMITMENT_STATES))]])
                ),
                "type": "integer",
            },
            {
                "label": self.env._("Commitments overdue"),
                "value": self.env["srm.commitment"].search_count(
                    expression.AND([commitment_domain, [("is_overdue", "=", True)]])
                ),
                "type": "integer",
            },
            {
                "label": self.env._("Open issues"),
                "value": Issue.search_count(expression.AND([domain, [("is_closed", "=", False)]])),
                "type": "integer",
            },
        ]

    # ------------------------------------------------------------------
    # 6. Consultation summary
    # ------------------------------------------------------------------

    @api.model
    def _build_consultation_summary(self, filters):
        _ = self.env._
        Engagement = self.env["srm.engagement"]
        Partner = self.env["res.partner"]
        domain = self._engagement_domain(filters)
        count = Engagement.search_count(domain)
        confidential = Engagement.search_count(expression.AND([domain, [("is_confidential", "=", True)]]))

        # who was engaged, how often, by which means
        per_partner = Engagement._read_group(domain, ["partner_ids"], ["__count", "date:min", "date:max"])
        per_partner_type = Engagement._read_group(domain, ["partner_ids", "engagement_type_id"], ["__count"])
        partner_filter = self._stakeholder_subdomain(filters)
        if filters.get("partner_ids"):
            partner_filter.append(("id", "in", filters["partner_ids"]))
        wanted = None
        if partner_filter:
            wanted = set(
                Partner.search(expression.AND([[("id", "in", [p.id for p, *_r in per_partner])], partner_filter])).ids
            )
        means = {}
        for partner, etype, n in per_partner_type:
            means.setdefault(partner, []).append((n, etype.name))
        stakeholder_rows = []
        for partner, n, first, last in sorted(per_partner, key=lambda g: (-g[1], g[0].display_name or "")):
            if wanted is not None and partner.id not in wanted:
                continue
            stakeholder_rows.append(
                [
                    partner.display_name,
                    partner.stakeholder_type_id.name or "",
                    n,
                    self._to_local(first),
                    self._to_local(last),
                    ", ".join(name for _n, name in sorted(means.get(partner, []), key=lambda m: (-m[0], m[1]))),
                ]
            )
        type_reach = {}
        for _partner, etype, _n in per_partner_type:
            type_reach[etype] = type_reach.get(etype, 0) + 1
        by_type = Engagement._read_group(domain, ["engagement_type_id"], ["__count"])
        by_level = Engagement._read_group(domain, ["iap2_level"], ["__count"])
        levels = self._labels("srm.engagement", "iap2_level")

        # topics raised and how each was answered
        topics = Engagement._read_group(domain, ["topic_ids"], ["__count"])
        answered_domain = expression.AND([domain, [("outcome", "not in", [False, ""])]])
        answered = dict(Engagement._read_group(answered_domain, ["topic_ids"], ["__count"]))
        topic_partners = {}
        for topic, _partner, _n in Engagement._read_group(domain, ["topic_ids", "partner_ids"], ["__count"]):
            topic_partners[topic] = topic_partners.get(topic, 0) + 1
        topics = sorted(topics, key=lambda g: (not g[0], -g[1], g[0].name or ""))
        no_topic = _("(No topic)")
        topic_rows = [
            [
                topic.name or no_topic,
                n,
                topic_partners.get(topic, 0),
                answered.get(topic, 0),
                n - answered.get(topic, 0),
                self._share(answered.get(topic, 0), n),
            ]
            for topic, n in topics
        ]
        answered_total = Engagement.search_count(answered_domain)
        topic_records = [topic for topic, _n in topics]

        def response_rows():
            fnames = ["date", "name", "engagement_type_id", "partner_ids", "summary", "outcome", "topic_ids"]
            for topic in topic_records:
                topic_domain = expression.AND(
                    [domain, [("topic_ids", "in", topic.ids)] if topic else [("topic_ids", "=", False)]]
                )
                name = topic.name or no_topic
                for engagements in self._iter_keyset("srm.engagement", topic_domain, fnames, "date"):
                    for eng in engagements:
                        yield [
                            name,
                            self._to_local(eng.date),
                            eng.name,
                            ", ".join(eng.partner_ids.mapped("display_name")),
                            eng.engagement_type_id.name or "",
                            eng.summary or "",
                            eng.outcome or "",
                            bool(eng.outcome),
                        ]

        response_count = sum(n for _t, n in topics)
        sections = [
            self._section(
                "stakeholders",
                _("Who was engaged"),
                [
                    column("stakeholder", _("Stakeholder"), "char", 32),
                    column("stakeholder_type", _("Type"), "char", 20),
                    column("count", _("Engagements"), "integer", 12),
                    column("first", _("First engagement"), "datetime", 17),
                    column("last", _("Last engagement"), "datetime", 17),
                    column("means", _("Means"), "char", 40),
                ],
                stakeholder_rows,
                count=len(stakeholder_rows),
                totals={"stakeholder": _("Total: %s stakeholders", len(stakeholder_rows)), "count": count},
            ),
            self._section(
                "means",
                _("By which means"),
                [
                    column("engagement_type", _("Means"), "char", 25),
                    column("count", _("Engagements"), "integer", 12),
                    column("share", _("Share"), "percent", 10),
                    column("stakeholders", _("Stakeholders reached"), "integer", 14),
                ],
                [
                    [etype.name, n, self._share(n, count), type_reach.get(etype, 0)]
                    for etype, n in sorted(by_type, key=lambda g: -g[1])
                ],
                totals={"engagement_type": _("Total"), "count": count, "share": 1.0 if count else 0.0},
            ),
            self._section(
                "levels",
                _("Level of participation (IAP2)"),
                [
                    column("level", _("IAP2 level"), "char", 20),
                    column("count", _("Engagements"), "integer", 12),
                    column("share", _("Share"), "percent", 10),
                ],
                [
                    [levels.get(level, _("Not set")), n, self._share(n, count)]
                    for level, n in sorted(by_level, key=lambda g: list(levels).index(g[0]) if g[0] in levels else 99)
                ],
            ),
            self._section(
                "topics",
                _("Topics raised"),
                [
                    column("topic", _("Topic"), "char", 28),
                    column("count", _("Times raised"), "integer", 12),
                    column("stakeholders", _("Stakeholders"), "integer", 12),
                    column("answered", _("Answered"), "integer", 12),
                    column("unanswered", _("Without recorded answer"), "integer", 14),
                    column("answered_share", _("Answered share"), "percent", 12),
                ],
                topic_rows,
            ),
            self._section(
                "responses",
                _("Topics raised and how each was answered"),
                [
                    column("topic", _("Topic"), "char", 20),
                    column("date", _("Date"), "datetime", 17),
                    column("subject", _("Engagement"), "char", 28),
                    column("stakeholders", _("Stakeholders"), "char", 28),
                    column("means", _("Means"), "char", 14),
                    column("raised", _("What was raised"), "text", 45),
                    column("response", _("How it was answered"), "text", 45),
                    column("answered", _("Answered"), "boolean", 10),
                ],
                response_rows,
                count=response_count,
                sheet=_("Answers by topic"),
            ),
        ]
        extra_confidential = 0
        for extra in self._consultation_extra_sections(filters):
            sections.append(extra)
            extra_confidential += extra.get("confidential_count", 0)
        return {
            "title": _("Consultation summary"),
            "record_count": count,
            "confidential_count": confidential + extra_confidential,
            "sections": sections,
            "highlights": [
                {"label": _("Engagements"), "value": count, "type": "integer"},
                {"label": _("Stakeholders engaged"), "value": len(stakeholder_rows), "type": "integer"},
                {"label": _("Means of engagement used"), "value": len(by_type), "type": "integer"},
                {"label": _("Topics raised"), "value": len([t for t, _n in topics if t]), "type": "integer"},
                {
                    "label": _("Engagements with a recorded answer"),
                    "value": self._share(answered_total, count),
                    "type": "percent",
                },
            ],
        }

    @api.model
    def _consultation_extra_sections(self, filters):
        """Sections the consultation summary adds after what the engagement log shows:
        concerns raised through the grievance mechanism and their answers (the
        consultation campaigns come with srm_reporting_consultation)."""
        _ = self.env._
        Issue = self.env["srm.issue"]
        domain = self._issue_domain(filters)
        issues = Issue.search(domain, order="date_received, id")
        complainants = self._protected_complainants(issues)
        sections = [
            dict(
                self._section(
                    "grievances",
                    _("Grievances and responses"),
                    [
                        column("reference", _("Reference"), "char", 15),
                        column("received", _("Received"), "datetime", 17),
                        column("category", _("Category"), "char", 16),
                        column("stakeholders", _("Stakeholders"), "char", 25),
                        column("description", _("Concern"), "text", 45),
                        column("response", _("Response"), "text", 45),
                        column("stage", _("Stage"), "char", 16),
                    ],
                    [
                        [
                            issue.reference,
                            self._to_local(issue.date_received),
                            issue.category_id.name or "",
                            self._issue_stakeholders(issue, complainants),
                            self._issue_text(issue.description) or issue.name,
                            self._issue_text(issue.resolution) or self._issue_text(issue.proposed_response),
                            issue.stage_id.name or "",
                        ]
                        for issue in issues
                    ],
                    count=len(issues),
                ),
                confidential_count=len(issues.filtered("is_confidential")),
            )
        ]
        return sections

    # ------------------------------------------------------------------
    # 7. Monthly summary
    # ------------------------------------------------------------------

    @api.model
    def _build_monthly_summary(self, filters):
        _ = self.env._
        Engagement = self.env["srm.engagement"]
        Partner = self.env["res.partner"]
        domain = self._engagement_domain(filters)
        count = Engagement.search_count(domain)
        confidential = Engagement.search_count(expression.AND([domain, [("is_confidential", "=", True)]]))
        engaged = Partner.search_count([("srm_engagement_ids", "any", domain)])
        sentiment = self._sentiment_by_month(domain)
        rated = sum(total for total, _avg in sentiment.values())
        avg = sum(total * avg for total, avg in sentiment.values()) / rated if rated else None
        stakeholder_domain = self._stakeholder_domain(dict(filters, partner_ids=[]))
        not_contacted = Partner.search_count(expression.AND([stakeholder_domain, self._not_contacted_domain()]))
        start, end = self._period_bounds(filters)
        new_stakeholders = Partner.search_count(
            expression.AND(
                [
                    stakeholder_domain,
                    [
                        ("create_date", ">=", fields.Datetime.to_string(start)),
                        ("create_date", "<", fields.Datetime.to_string(end)),
                    ],
                ]
            )
        )
        items = [
            (_("Engagements"), count, "integer"),
            (_("Stakeholders engaged"), engaged, "integer"),
            (_("New stakeholders"), new_stakeholders, "integer"),
            (_("Average sentiment"), avg, "float"),
            (_("Stakeholders not contacted in %s days", NOT_CONTACTED_DAYS), not_contacted, "integer"),
        ]
        items += self._monthly_extra_items(filters)
        by_type = Engagement._read_group(domain, ["engagement_type_id"], ["__count"])
        topics = Engagement._read_group(domain, ["topic_ids"], ["__count"])
        follow_domain = expression.AND(
            [
                self._secured_domain(filters),
                [
                    ("follow_up_needed", "=", True),
                    ("follow_up_date", "!=", False),
                    ("follow_up_date", "<=", filters["date_to"]),
                ],
            ]
        )
        follow_ups = Engagement.search(follow_domain, order="follow_up_date, id", limit=200)
        sections = [
            self._fields_section("key_figures", _("Key figures"), items),
            self._section(
                "by_type",
                _("Engagements by type"),
                [column("engagement_type", _("Type"), "char", 25), column("count", _("Engagements"), "integer", 14)],
                [[etype.name, n] for etype, n in sorted(by_type, key=lambda g: -g[1])],
                totals={"engagement_type": _("Total"), "count": count},
            ),
            self._section(
                "topics",
                _("Topics raised"),
                [column("topic", _("Topic"), "char", 25), column("count", _("Times raised"), "integer", 14)],
                [[topic.name, n] for topic, n in sorted(topics, key=lambda g: -g[1]) if topic],
            ),
            self._section(
                "follow_ups",
                _("Follow-ups due"),
                [
                    column("follow_up_date", _("Follow-up date"), "date", 12),
                    column("subject", _("Engagement"), "char", 30),
                    column("stakeholders", _("Stakeholders"), "char", 30),
                    column("responsible", _("Responsible"), "char", 18),
                ],
                [
                    [
                        eng.follow_up_date,
                        eng.name,
                        ", ".join(eng.partner_ids.mapped("display_name")),
                        eng.user_id.name or "",
                    ]
                    for eng in follow_ups
                ],
            ),
        ]
        extra_confidential = 0
        for extra in self._monthly_extra_sections(filters):
            sections.append(extra)
            extra_confidential += extra.get("confidential_count", 0)
        return {
            "title": _("Monthly summary"),
            "record_count": count,
            "confidential_count": confidential + extra_confidential,
            "sections": sections,
            "highlights": [{"label": label, "value": value, "type": ctype} for label, value, ctype in items],
        }

    @api.model
    def _monthly_extra_items(self, filters):
        _ = self.env._
        Issue = self.env["srm.issue"]
        domain = self._issue_domain(filters)
        [sla] = self._sla_rows(domain) or [[None, 0, 0, 0, None, 0, 0, None, 0, None, 0]]
        open_domain = expression.AND([self._secured_domain(dict(filters, partner_ids=[])), [("is_closed", "=", False)]])
        Commitment = self.env["srm.commitment"]
        project_domain = self._secured_domain(dict(filters, partner_ids=[]))
        due = expression.AND(
            [project_domain, [("date_due", ">=", filters["date_from"]), ("date_due", "<=", filters["date_to"])]]
        )
        return [
            (_("Commitments due in the period"), Commitment.search_count(due), "integer"),
            (
                _("Commitments fulfilled in the period"),
                Commitment.search_count(
                    expression.AND(
                        [
                            project_domain,
                            [
                                ("state", "=", "fulfilled"),
                                ("date_fulfilled", ">=", filters["date_from"]),
                                ("date_fulfilled", "<=", filters["date_to"]),
                            ],
                        ]
                    )
                ),
                "integer",
            ),
            (
                _("Commitments overdue today"),
                Commitment.search_count(expression.AND([project_domain, [("is_overdue", "=", True)]])),
                "integer",
            ),
            (_("Grievances received"), sla[1], "integer"),
            (_("Acknowledged on time"), sla[4], "percent"),
            (_("Resolved on time"), sla[7], "percent"),
            (_("Grievances open today"), Issue.search_count(open_domain), "integer"),
            (
                _("Open grievances past a deadline"),
                Issue.search_count(expression.AND([open_domain, [("is_sla_breached", "=", True)]])),
                "integer",
            ),
        ]

    @api.model
    def _monthly_extra_sections(self, filters):
        _ = self.env._
        Issue = self.env["srm.issue"]
        open_domain = expression.AND([self._secured_domain(dict(filters, partner_ids=[])), [("is_closed", "=", False)]])
        issues = Issue.search(open_domain, order="date_next_due, id", limit=200)
        overdue = self.env["srm.commitment"].search(
            expression.AND([self._secured_domain(dict(filters, partner_ids=[])), [("is_overdue", "=", True)]]),
            order="date_due, id",
            limit=200,
        )
        return [
            dict(
                self._section(
                    "overdue_commitments",
                    _("Overdue commitments"),
                    [
                        column("reference", _("Reference"), "char", 15),
                        column("title", _("Commitment"), "char", 32),
                        column("owner", _("Owner"), "char", 18),
                        column("due_date", _("Due date"), "date", 12),
                    ],
                    [
                        [
                            commitment.reference or "",
                            commitment.name,
                            commitment.user_id.name or "",
                            commitment.date_due,
                        ]
                        for commitment in overdue
                    ],
                    count=len(overdue),
                ),
                confidential_count=len(overdue.filtered("is_confidential")),
            ),
            dict(
                self._section(
                    "open_grievances",
                    _("Open grievances"),
                    [
                        column("reference", _("Reference"), "char", 15),
                        column("received", _("Received"), "datetime", 17),
                        column("subject", _("Subject"), "char", 30),
                        column("stage", _("Stage"), "char", 16),
                        column("next_due", _("Next deadline"), "datetime", 17),
                        column("sla_breached", _("Service level breached"), "boolean", 12),
                    ],
                    [
                        [
                            issue.reference,
                            self._to_local(issue.date_received),
                            issue.name,
                            issue.stage_id.name or "",
                            self._to_local(issue.date_next_due),
                            issue.is_sla_breached,
                        ]
                        for issue in issues
                    ],
                    count=len(issues),
                ),
                confidential_count=len(issues.filtered("is_confidential")),
            ),
        ]

    # ------------------------------------------------------------------
    # Display (QWeb and py3o documents)
    # ------------------------------------------------------------------

    @api.model
    def _display(self, value, ctype):
        """Text of a typed value as printed in PDF and ODT/DOCX documents."""
        _ = self.env._
        if ctype == "boolean":
            return _("Yes") if value else _("No")
        if value is None or value is False or value == "":
            return ""
        if ctype == "date":
            return format_date(self.env, value)
        if ctype == "month":
            return format_date(self.env, value, date_format="MMMM y")
        if ctype == "datetime":
            return f"{format_date(self.env, value)} {value.strftime('%H:%M')}"
        if ctype == "integer":
            return formatLang(self.env, value, digits=0)
        if ctype == "float":
            return formatLang(self.env, value, digits=2)
        if ctype == "percent":
            return f"{formatLang(self.env, value * 100, digits=1)} %"
        return str(value)

    @api.model
    def _document_row_limit(self):
        # sudo: a setting of the system, read by everybody who produces a report
        param = self.env["ir.config_parameter"].sudo().get_param("srm_reporting.document_row_limit")
        try:
            return int(param) if param else DEFAULT_DOCUMENT_ROW_LIMIT
        except ValueError:
            return DEFAULT_DOCUMENT_ROW_LIMIT

    @api.model
    def _check_document_size(self, report):
        """Documents (PDF, ODT, DOCX) are read by people: refuse logs too long to print."""
        limit = self._document_row_limit()
        for section in report["sections"]:
            if (section.get("count") or 0) > limit:
                raise UserError(
                    self.env._(
                        "“%(section)s” holds %(count)s rows, more than a printable document can hold "
                        "(%(limit)s). Choose the Excel (XLSX) format, or narrow the period, projects "
                        "or stakeholders.",
                        section=section["title"],
                        count=formatLang(self.env, section["count"], digits=0),
                        limit=formatLang(self.env, limit, digits=0),
                    )
                )

    @api.model
    def _materialize(self, report):
        """Add display strings to every section: ``lines`` (one dict per row, keyed by
        column key), ``total_line`` and ``line_count``; and to the highlights."""
        self._check_document_size(report)
        for section in report["sections"]:
            columns = section["columns"]
            lines = []
            if section["layout"] == "fields":
                for (label, value), ctype in zip(self.iter_rows(section), section["value_types"], strict=True):
                    lines.append({"label": label, "value": self._display(value, ctype)})
            else:
                for row in self.iter_rows(section):
                    lines.append(
                        {col["key"]: self._display(val, col["type"]) for col, val in zip(columns, row, strict=True)}
                    )
            section["lines"] = lines
            doc_columns = [col for col in columns if col.get("doc", True)]
            total_width = sum(col.get("width") or 16 for col in doc_columns) or 1
            section["doc_columns"] = [
                dict(col, percent=round(100.0 * (col.get("width") or 16) / total_width, 2)) for col in doc_columns
            ]
            section["line_count"] = len(lines)
            section["line_count_display"] = self._display(len(lines), "integer")
            totals = section.get("totals")
            section["total_line"] = (
                {
                    col["key"]: (
                        self._display(totals[col["key"]], col["type"])
                        if col["key"] in totals and not isinstance(totals[col["key"]], str)
                        else totals.get(col["key"], "")
                    )
                    for col in columns
                }
                if totals
                else None
            )
        for item in report["highlights"]:
            item["display"] = self._display(item["value"], item["type"])
        return report
