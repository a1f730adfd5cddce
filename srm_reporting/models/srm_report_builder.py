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

This file is the framework; each report is built by its kind, the model
``srm.report.kind.<kind>`` (files ``srm_report_kind_<kind>.py``).
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

from odoo.addons.srm_base.models.ir_rule import WITHOUT_CONFIDENTIAL_ACCESS
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
# rows of the engagement log read per query: few tuples of plain values, so larger batches
# (fewer queries applying the record rules again) at no cost in memory
LOG_BATCH_SIZE = 5000
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
            Model = self.env[model].with_context(active_test=False)
            domain = [("id", "in", list(missing))]
            stored = Model._fields.get("complete_name")
            if stored and stored.store and "name" in Model._fields:
                # contacts: their stored complete name is their display name (computed
                # again for each contact otherwise, a large part of a long log's time);
                # a contact without a name is named by its kind, in the reader's language
                records = Model.search_fetch(domain, ["complete_name", "name"])
                for record in records:
                    self.names[(model, record.id)] = (
                        record.complete_name if record.name else record.display_name
                    ) or ""
            else:
                records = Model.search(domain)
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
        confidential_count, protected_count (see ``_build``); list the records it reads
        in ``_report_base_domains``."""
        raise NotImplementedError(f"{self._name} does not build a report")

    @api.model
    def _check_report_filters(self, filters):
        """Raise a UserError when the normalized ``filters`` do not suit this kind."""

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
        reversed period, an unknown report, or filters the kind refuses
        (``_check_report_filters``: a profile without one stakeholder).
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
        kind_model._check_report_filters(clean)
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
    def _issue_domain(self, filters):
        domain = self._datetime_period_domain("date_received", filters)
        domain += self._secured_domain(filters)
        return domain

    @api.model
    def _not_contacted_domain(self, days=NOT_CONTACTED_DAYS):
        limit = fields.Datetime.now() - relativedelta(days=days)
        return [
            "|",
            ("srm_last_engagement_date", "=", False),
            ("srm_last_engagement_date", "<", fields.Datetime.to_string(limit)),
        ]

    @api.model
    def _readable(self, model, ids):
        """Records among ``ids`` the current user may read (record rules applied)."""
        if not ids:
            return self.env[model]
        return self.env[model].search([("id", "in", list(ids))])

    @api.model
    def _link_names(self, records):
        """{id: name} of linked ``records`` (those a report's rows name: the engagement a
        commitment was made at, an agreement's household) as the report's author reads them:
        "Restricted" for those they may not read, as srm_base's link mask names them."""
        records = records.with_context(active_test=False).exists()
        readable = records._filtered_access("read")
        restricted = self.env._("Restricted")
        return {record.id: record.display_name if record in readable else restricted for record in records}

    @api.model
    def _link_name(self, record, names=None):
        """The name of one linked ``record`` (see ``_link_names``), from ``names`` when given."""
        if not record:
            return ""
        names = names if names is not None else self._link_names(record)
        return names.get(record.id) or ""

    @api.model
    def _link_name_list(self, records, names=None):
        """The names of linked ``records`` (see ``_link_names``) in their order, separated by
        commas, from ``names`` when given: those reached through a record the report lists
        (the holders of a parcel's rights, the contacts of a stakeholder's relationships) may
        be records its author may not read."""
        names = names if names is not None else self._link_names(records)
        return ", ".join(filter(None, (names.get(record.id) for record in records)))

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
        """Whether the report's author reads confidential records: not for a report that
        leaves them out (see ``_build``)."""
        return self.env.user.has_group("srm_base.group_srm_confidential")

    @api.model
    def _protect_identities(self, filters):
        """Whether the report keeps the complainants of sensitive issues unnamed: always
        for users without Confidential access, and when confidential records are left out."""
        return bool(filters.get("exclude_confidential")) or not self._user_sees_confidential()

    # ------------------------------------------------------------------
    # Columns: one catalogue per kind of record, each report picks its keys
    # ------------------------------------------------------------------

    @api.model
    def _columns(self, catalogue, keys, hidden=(), **changes):
        """Columns ``keys`` of a catalogue ("stakeholder", "engagement", "commitment",
        "issue"), in that order. ``hidden`` columns are left out of printed tables
        (they stay in the spreadsheet); ``changes`` give a column another label or
        width, e.g. ``subject={"label": ..., "width": 30}``."""
        columns = getattr(self, f"_{catalogue}_column_catalogue")()
        return [dict(columns[key], doc=key not in hidden, **changes.get(key, {})) for key in keys]

    @api.model
    def _with_confidential(self, keys):
        """``keys`` and, for users who may see confidential records, the Confidential column."""
        return [*keys, "confidential"] if self._user_sees_confidential() else list(keys)

    @api.model
    def _catalogue(self, *specs):
        """{key: column} of (key, label, type, width) specs."""
        specs += (("confidential", self.env._("Confidential"), "boolean", 12),)
        return {spec[0]: column(*spec) for spec in specs}

    @api.model
    def _stakeholder_column_catalogue(self):
        _ = self.env._
        return self._catalogue(
            ("ref", _("Reference"), "char", 12),
            ("name", _("Stakeholder"), "char", 30),
            ("stakeholder_type", _("Type"), "char", 20),
            ("segments", _("Segments"), "char", 25),
            ("projects", _("Projects"), "char", 25),
            ("region", _("Region"), "char", 18),
            ("influence", _("Influence"), "integer", 10),
            ("interest", _("Interest"), "integer", 10),
            ("quadrant", _("Power/Interest"), "char", 18),
            ("salience", _("Salience"), "char", 14),
            ("channel", _("Preferred channel"), "char", 18),
            ("consent", _("Consents to contact"), "boolean", 10),
            ("do_not_contact", _("Do not contact"), "boolean", 10),
            ("owner", _("Relationship owner"), "char", 20),
            ("engagements", _("Engagements in period"), "integer", 12),
            ("last_engagement", _("Last engagement"), "datetime", 17),
            ("days_since_contact", _("Days since contact"), "integer", 10),
            ("email", _("Email"), "char", 25),
            ("phone", _("Phone"), "char", 16),
        )

    @api.model
    def _engagement_column_catalogue(self):
        _ = self.env._
        return self._catalogue(
            ("id", _("ID"), "integer", 8),
            ("date", _("Date"), "datetime", 17),
            ("subject", _("Subject"), "char", 32),
            ("engagement_type", _("Type"), "char", 16),
            ("direction", _("Initiated by"), "char", 16),
            ("project", _("Project"), "char", 22),
            ("stakeholders", _("Stakeholders"), "char", 34),
            ("topics", _("Topics"), "char", 22),
            ("iap2_level", _("IAP2 level"), "char", 12),
            ("sentiment", _("Sentiment"), "integer", 10),
            ("duration", _("Duration (h)"), "float", 10),
            ("location", _("Location"), "char", 18),
            ("responsible", _("Responsible"), "char", 18),
            ("summary", _("Summary"), "text", 50),
            ("outcome", _("Outcome"), "text", 50),
            ("follow_up_date", _("Follow-up date"), "date", 12),
        )

    @api.model
    def _commitment_column_catalogue(self):
        _ = self.env._
        return self._catalogue(
            ("reference", _("Reference"), "char", 15),
            ("title", _("Commitment"), "char", 32),
            ("stakeholders", _("Stakeholders"), "char", 28),
            ("project", _("Project"), "char", 20),
            ("category", _("Category"), "char", 18),
            ("source", _("Source"), "char", 18),
            ("engagement", _("Made during"), "char", 24),
            ("owner", _("Owner"), "char", 18),
            ("priority", _("Priority"), "char", 10),
            ("due_date", _("Due date"), "date", 12),
            ("status", _("Status"), "char", 12),
            ("overdue", _("Overdue"), "boolean", 10),
            ("days_overdue", _("Days overdue"), "integer", 10),
            ("progress", _("Progress"), "percent", 10),
            ("fulfilled_on", _("Fulfilled on"), "date", 12),
            ("on_time", _("Fulfilled on time"), "boolean", 12),
            ("evidence", _("Fulfilment evidence"), "text", 45),
            ("description", _("Description"), "text", 45),
        )

    @api.model
    def _issue_column_catalogue(self):
        _ = self.env._
        return self._catalogue(
            ("reference", _("Reference"), "char", 15),
            ("received", _("Received"), "datetime", 17),
            ("kind", _("Kind"), "char", 11),
            ("category", _("Category"), "char", 16),
            ("channel", _("Channel"), "char", 11),
            ("project", _("Project"), "char", 20),
            ("subject", _("Subject"), "char", 30),
            ("complainant", _("Complainant"), "char", 20),
            ("stakeholders", _("Stakeholders"), "char", 25),
            ("severity", _("Severity"), "char", 10),
            ("stage", _("Stage"), "char", 16),
            ("assigned", _("Assigned to"), "char", 16),
            ("ack_due", _("Acknowledgement due"), "datetime", 17),
            ("acknowledged", _("Acknowledged on"), "datetime", 17),
            ("acknowledged_on_time", _("Acknowledged on time"), "boolean", 12),
            ("resolution_due", _("Resolution due"), "datetime", 17),
            ("resolved", _("Resolved on"), "datetime", 17),
            ("resolved_on_time", _("Resolved on time"), "boolean", 12),
            ("closed", _("Closed on"), "datetime", 17),
            ("next_due", _("Next deadline"), "datetime", 17),
            ("days_to_close", _("Days to close"), "float", 10),
            ("sla_breached", _("Service level breached"), "boolean", 12),
            ("outcome", _("Close-out outcome"), "char", 18),
            ("satisfaction", _("Satisfaction"), "char", 14),
            ("description", _("Description"), "text", 45),
            ("response", _("Response"), "text", 45),
            ("resolution", _("Resolution"), "text", 45),
        )

    @api.model
    def _engagement_columns(self):
        """Columns of the engagement log (rows of ``_iter_engagement_rows``)."""
        keys = [
            "id", "date", "subject", "engagement_type", "direction", "project", "stakeholders", "topics",
            "iap2_level", "sentiment", "duration", "location", "responsible", "summary", "outcome", "follow_up_date",
        ]  # fmt: skip
        hidden = {"id", "direction", "iap2_level", "duration", "location", "responsible", "follow_up_date"}
        return self._columns("engagement", self._with_confidential(keys), hidden=hidden)

    @api.model
    def _count_columns(self, first, count_label, count_width=14, share=True):
        """Columns of a breakdown: what is counted, how many, and their share of the total."""
        columns = [first, column("count", count_label, "integer", count_width)]
        if share:
            columns.append(column("share", self.env._("Share"), "percent", 10))
        return columns

    @api.model
    def _count_totals(self, first_key, count, share=True, **more):
        """Total line of a breakdown (see ``_count_columns``)."""
        totals = {first_key: self.env._("Total"), "count": count}
        if share:
            totals["share"] = 1.0 if count else 0.0
        return dict(totals, **more)

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

    # ------------------------------------------------------------------
    # Sections
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
    def _records_section(self, key, title, columns, records, row, **kwargs):
        """A table with one row per record of ``records`` (``row(record)``), which
        counts the confidential records it lists."""
        section = self._section(key, title, columns, [row(record) for record in records], count=len(records), **kwargs)
        section["confidential_count"] = len(records.filtered("is_confidential"))
        return section

    @api.model
    def iter_rows(self, section):
        rows = section["rows"]
        return iter(rows() if callable(rows) else rows)

    # ------------------------------------------------------------------
    # Reading records
    # ------------------------------------------------------------------

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
        self.env["srm.engagement"].flush_model()
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
            records = self._engagement_log_batch(domain, last)
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
            if len(records) < LOG_BATCH_SIZE:
                return
            last = (records[-1][1], records[-1][0])
            self.env.invalidate_all()

    @api.model
    def _engagement_log_batch(self, domain, last=None):
        """The next batch of the engagement log after ``last`` (date, id), as tuples
        (id, date, name, type, direction, project, partner ids, topic ids, IAP2
        level, sentiment, duration, location, user, summary, outcome, follow-up
        date, confidential)."""
        Engagement = self.env["srm.engagement"]
        partners = Engagement._fields["partner_ids"]
        topics = Engagement._fields["topic_ids"]
        if last is not None:
            domain = expression.AND(
                [domain, ["|", ("date", ">", last[0]), "&", ("date", "=", last[0]), ("id", ">", last[1])]]
            )
        query = Engagement._search(domain, order="date, id", limit=LOG_BATCH_SIZE)
        return self.env.execute_query(
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

    # ------------------------------------------------------------------
    # Confidentiality
    # ------------------------------------------------------------------

    @api.model
    def _confidential_count(self, model, domain):
        """Confidential records among those of ``domain``: a report showing any is filed
        for Confidential access only."""
        return self.env[model].search_count(expression.AND([domain, [("is_confidential", "=", True)]]))

    @api.model
    def _report_base_domains(self, filters):
        """[(model, domain)] of the records the report of ``filters`` reads: those its rows
        list or name, and those its figures and breakdowns count. When its author may read
        confidential records and did not leave them out, the report is filed for Confidential
        access as soon as one of these domains holds a confidential record, whatever its
        sections counted (see ``_build``).

        Each kind lists its own. A kind that does not is taken to read every record of its
        projects, of every model that has confidential records."""
        project = [("project_id", "in", filters["project_ids"])] if filters.get("project_ids") else []
        Secured = self.env.registry["srm.secured.mixin"]
        return [
            (name, project)
            for name, model in self.env.registry.items()
            if issubclass(model, Secured) and not model._abstract and not model._transient
        ]

    @api.model
    def _report_reads_confidential(self, filters):
        """Whether a base domain of the report (``_report_base_domains``) holds a confidential
        record its author may read."""
        confidential = [("is_confidential", "=", True)]
        return any(
            self.env[model].search_count(expression.AND([domain, confidential]), limit=1)
            for model, domain in self._report_base_domains(filters)
        )

    @api.model
    def _sections_confidential_count(self, sections):
        """Confidential records listed by ``sections`` (see ``_records_section``)."""
        return sum(section.get("confidential_count", 0) for section in sections)

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
    def _issue_text(self, html_value):
        return html2plaintext(html_value or "").strip()

    @api.model
    def _commitment_evidence(self, commitment):
        text = html2plaintext(commitment.evidence_note or "").strip()
        documents = commitment.evidence_attachment_ids
        if documents:
            names = ", ".join(documents.mapped("name"))
            text = f"{text}\n{self.env._('Documents: %s', names)}".strip()
        return text

    # ------------------------------------------------------------------
    # Entry point
    # ------------------------------------------------------------------

    @api.model
    def _build(self, filters):
        """Return the report described by ``filters`` (see module docstring)."""
        filters = self._normalize_filters(filters)
        # worker grievances never enter a report (see srm.issue._search)
        context = {"tz": self._tz().zone, "srm_report_community_only": True}
        if filters["exclude_confidential"]:
            # a report that leaves confidential records out is read as its author would read
            # it without Confidential access (srm_base's record rules): no confidential record
            # is listed, named, counted or added up, linked ones included (they read
            # "Restricted"); nothing read before with that access is taken from memory
            context[WITHOUT_CONFIDENTIAL_ACCESS] = True
            self.env.invalidate_all()
        builder = self.with_context(**context)
        kind_model = builder._report_kind_model(filters["kind"])
        if kind_model is None:
            raise UserError(self.env._("Choose which report to produce."))
        report = kind_model._build_report(filters)
        report.setdefault("highlights", [])
        report.setdefault("note", "")
        report.setdefault("confidential_count", 0)
        # identities of protected complainants the report names (it is then confidential too)
        report.setdefault("protected_count", 0)
        # a report showing confidential records or protected identities is confidential, whatever
        # its options; and unless they were left out, so is one that read confidential records
        # for its figures or its rows, whatever its sections counted
        report["contains_confidential"] = bool(
            report["confidential_count"]
            or report["protected_count"]
            or (
                not filters["exclude_confidential"]
                and self._user_sees_confidential()
                and kind_model._report_reads_confidential(filters)
            )
        )
        report.setdefault("project_ids", builder._readable("srm.project", filters.get("project_ids")).ids)
        report.update(
            kind=filters["kind"],
            filters=filters,
            kind_label=self._kind_label(filters["kind"]),
            landscape=kind_model._report_landscape,
            parameters=builder._filter_parameters(filters),
            company=self.env.company,
            generated_by=self.env.user.name,
            generated_on=self._to_local(fields.Datetime.now()),
        )
        if not report.get("subtitle"):
            report["subtitle"] = builder._subtitle(filters)
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
            # the column headings of document templates, in the user's language
            section["labels"] = {col["key"]: col["label"] for col in columns}
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
        report["highlight_labels"] = {"label": self.env._("Key figure"), "display": self.env._("Value")}
        return report
