# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

import psycopg2

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.service.model import _as_validation_error
from odoo.tools import html2plaintext

from .srm_field_payload import UUID_RE, FieldPayload, parse_datetime, to_iso

# records per synchronisation request
MAX_BATCH = 20
# stakeholders copied to the phone
MAX_STAKEHOLDERS = 5000
# a phone whose clock is off by more than this has its dates corrected
CLOCK_SKEW_MARGIN = timedelta(minutes=2)
# a record sent later than this after it was saved was captured offline
OFFLINE_DELAY = timedelta(minutes=10)
# activities and meetings shown, from today on
AGENDA_DAYS = 30
MAX_PHOTOS = 10
MAX_PHOTO_BYTES = 8 * 1024 * 1024
MAX_STAKEHOLDERS_PER_RECORD = 200
PARAM_MAX_AGE = "srm_field.max_capture_age_days"
DEFAULT_MAX_AGE = 30


class SrmFieldSync(models.AbstractModel):
    """What the field app copies to the phone, and the records it sends back.

    Everything runs with the user's own rights, as if they typed the records in
    Odoo: the copy contains only what they may read of their own projects, and the
    records are created with their environment, under every access right and
    record rule. Each record of a synchronisation is saved on its own (in a
    savepoint): a refused record is answered with the reason, the others are kept.

    Kinds of records are declared by :meth:`_srm_field_kinds`; other modules add
    theirs (``srm_field_issues`` adds grievances).
    """

    _name = "srm.field.sync"
    _description = "SRM field app synchronisation"

    # ------------------------------------------------------------------
    # Who may use the app
    # ------------------------------------------------------------------

    @api.model
    def _srm_field_allowed(self):
        """Internal users of an SRM working group (every one implies the project-restricted
        group); read-only auditors and portal users are not."""
        # sudo: the session user's own flags, whatever record rule the session's company
        # context applies to users; the answer decides access, it is not shown
        user = self.env.user.sudo()
        return not user.share and user.has_group("srm_base.group_srm_restricted")

    @api.model
    def _srm_field_check_user(self):
        if not self._srm_field_allowed():
            raise AccessError(
                self.env._(
                    "The field app is for the stakeholder engagement team: ask your administrator "
                    "for access to the Stakeholders app."
                )
            )

    def _srm_field_user_env(self):
        """The app works in the user's language, for all their companies at once, as
        Odoo with every company selected (record rules still filter on them)."""
        user = self.env.user
        return self.with_context(
            allowed_company_ids=(user.company_id | user.company_ids).ids, lang=user.lang or self.env.lang
        )

    @api.model
    def _srm_field_max_age(self):
        value = self.env["ir.config_parameter"].sudo().get_param(PARAM_MAX_AGE)
        try:
            days = int(value)
        except (TypeError, ValueError):
            days = DEFAULT_MAX_AGE
        return max(days, 1)

    @api.model
    def _srm_field_limits(self):
        return {
            "max_age_days": self._srm_field_max_age(),
            "max_photos": MAX_PHOTOS,
            "max_photo_bytes": MAX_PHOTO_BYTES,
            "batch": MAX_BATCH,
        }

    # ------------------------------------------------------------------
    # The copy kept on the phone
    # ------------------------------------------------------------------

    @api.model
    def _srm_field_projects(self):
        """The user's own projects: those they are a member or the manager of."""
        return self.env["srm.project"].search(["|", ("member_ids", "in", self.env.uid), ("user_id", "=", self.env.uid)])

    @api.model
    def _srm_field_bootstrap(self, known=None):
        """Everything the app shows without a network, read with the user's rights.

        :param dict known: {kind: [ids]} of records sent from the phone, whose
            current version the app wants to know (to warn before an edit that
            would conflict); records the user may no longer read are left out
        """
        self._srm_field_check_user()
        self = self._srm_field_user_env()
        user = self.env.user
        projects = self._srm_field_projects()
        Engagement = self.env["srm.engagement"]
        return {
            "user": {
                "id": user.id,
                "name": user.name,
                "login": user.login,
                "lang": self.env.lang or "en_US",
                "tz": user.tz or "UTC",
                "db": self.env.cr.dbname,
            },
            "server_time": to_iso(fields.Datetime.now()),
            "strings": self._srm_field_strings(),
            "limits": self._srm_field_limits(),
            "projects": [
                {"id": project.id, "name": project.display_name, "company_id": project.company_id.id}
                for project in projects
            ],
            "engagement_types": [
                {"id": kind.id, "name": kind.name, "code": kind.code or ""}
                for kind in self.env["srm.engagement.type"].search([])
            ],
            "topics": [{"id": topic.id, "name": topic.name} for topic in self.env["srm.topic"].search([])],
            "stakeholder_types": [
                {"id": kind.id, "name": kind.name} for kind in self.env["srm.stakeholder.type"].search([])
            ],
            "directions": [
                {"id": key, "name": label}
                for key, label in Engagement._fields["direction"]._description_selection(self.env)
            ],
            "stakeholders": self._srm_field_stakeholders(projects),
            "activities": self._srm_field_activities(),
            "events": self._srm_field_events(),
            "versions": self._srm_field_versions(known),
            "features": self._srm_field_features(),
        }

    @api.model
    def _srm_field_features(self):
        """Optional parts of the app, {name: data}; modules add theirs."""
        return {}

    @api.model
    def _srm_field_stakeholders(self, projects):
        """The stakeholders of ``projects`` the user may read (search_read applies the
        record rules and the groups of the fields)."""
        if not projects:
            return []
        rows = self.env["res.partner"].search_read(
            [("is_stakeholder", "=", True), ("srm_project_ids", "in", projects.ids)],
            [
                "name",
                "is_company",
                "stakeholder_type_id",
                "phone",
                "mobile",
                "city",
                "srm_do_not_contact",
                "srm_project_ids",
                "srm_last_engagement_date",
            ],
            order="name, id",
            limit=MAX_STAKEHOLDERS,
        )
        project_ids = set(projects.ids)
        return [
            {
                "id": row["id"],
                "name": row["name"] or "",
                "is_company": row["is_company"],
                "type_id": row["stakeholder_type_id"][0] if row["stakeholder_type_id"] else False,
                "type": row["stakeholder_type_id"][1] if row["stakeholder_type_id"] else "",
                "phone": row["phone"] or row["mobile"] or "",
                "city": row["city"] or "",
                "do_not_contact": row["srm_do_not_contact"],
                "project_ids": [pid for pid in row["srm_project_ids"] if pid in project_ids],
                "last_engagement": to_iso(row["srm_last_engagement_date"]),
            }
            for row in rows
        ]

    @api.model
    def _srm_field_activities(self):
        """The user's activities due within the coming days, late ones included."""
        until = fields.Date.context_today(self) + timedelta(days=AGENDA_DAYS)
        activities = self.env["mail.activity"].search(
            [("user_id", "=", self.env.uid), ("date_deadline", "<=", until)],
            order="date_deadline, id",
            limit=100,
        )
        # sudo: only administrators read ir.model; the names of models are no secret
        models_used = self.env["ir.model"].sudo().search([("model", "in", list(set(activities.mapped("res_model"))))])
        model_names = {model.model: model.name for model in models_used}
        return [
            {
                "id": activity.id,
                "summary": activity.summary or activity.activity_type_id.name or "",
                "type": activity.activity_type_id.name or "",
                "date_deadline": fields.Date.to_string(activity.date_deadline),
                "res_name": activity.res_name or "",
                "model": model_names.get(activity.res_model, ""),
                "note": html2plaintext(activity.note or "")[:500],
            }
            for activity in activities
        ]

    @api.model
    def _srm_field_events(self):
        """The meetings the user attends within the coming days."""
        now = fields.Datetime.now()
        events = self.env["calendar.event"].search(
            [
                ("partner_ids", "in", self.env.user.partner_id.ids),
                ("stop", ">=", now),
                ("start", "<=", now + timedelta(days=AGENDA_DAYS)),
            ],
            order="start, id",
            limit=50,
        )
        return [
            {
                "id": event.id,
                "name": event.name or "",
                "start": to_iso(event.start),
                "stop": to_iso(event.stop),
                "allday": event.allday,
                "location": event.location or "",
            }
            for event in events
        ]

    @api.model
    def _srm_field_versions(self, known):
        """{kind: {id: version}} of the records ``known`` that the user may still read."""
        result = {}
        if not isinstance(known, dict):
            return result
        for kind, spec in self._srm_field_kinds().items():
            ids = known.get(kind)
            if not isinstance(ids, list):
                continue
            ids = [value for value in ids if isinstance(value, int) and not isinstance(value, bool)][:1000]
            records = self.env[spec["model"]].search_read([("id", "in", ids)], ["srm_field_version"])
            result[kind] = {str(row["id"]): row["srm_field_version"] for row in records}
        return result

    # ------------------------------------------------------------------
    # Records sent by the app
    # ------------------------------------------------------------------

    @api.model
    def _srm_field_kinds(self):
        """The kinds of records the app sends: {kind: {model, create, update, snapshot}}
        (names of methods of this model; update and snapshot may be None)."""
        return {
            "engagement": {
                "model": "srm.engagement",
                "create": "_srm_field_engagement_create",
                "update": "_srm_field_engagement_update",
                "snapshot": "_srm_field_engagement_snapshot",
            },
        }

    @api.model
    def _srm_field_clock_skew(self, sent_at, now):
        """How late the phone's clock is: the server's time minus the phone's when it
        sent the records (zero within a small margin, or when unknown)."""
        moment = parse_datetime(sent_at)
        if moment is None:
            return timedelta(0)
        skew = now - moment
        return skew if abs(skew) > CLOCK_SKEW_MARGIN else timedelta(0)

    @api.model
    def _srm_field_sync(self, records, sent_at=None):
        """Save the records sent by the app, each on its own.

        :param list records: [{op_id, uuid, kind, op, id, base_version, captured_at,
            offline, values}]; ``op`` is ``create`` or ``update``
        :param str sent_at: the phone's time when it sent them
        :return: {"results": [{op_id, status, id, version, message, server}]}, one per
            record in the same order; status is ``created``, ``updated``, ``duplicate``
            (received before: nothing done), ``conflict`` (changed on the server since
            the phone's copy: ``server`` tells how), ``error`` (``message`` says why;
            the record is refused) or ``retry`` (to send again later)
        """
        self._srm_field_check_user()
        if not isinstance(records, list):
            raise UserError(self.env._("The field app sent no list of records."))
        if len(records) > MAX_BATCH:
            raise UserError(self.env._("The field app may send at most %s records at once.", MAX_BATCH))
        self = self._srm_field_user_env()
        now = fields.Datetime.now()
        skew = self._srm_field_clock_skew(sent_at, now)
        return {
            "results": [self._srm_field_sync_one(item, skew, now) for item in records],
            "server_time": to_iso(now),
        }

    @api.model
    def _srm_field_header(self, item):
        """The identifiers of a record sent: {op_id, uuid, kind, op, id, base_version}."""
        if not isinstance(item, dict):
            raise ValidationError(self.env._("The record sent by the field app is not readable."))
        uuid, op_id = item.get("uuid"), item.get("op_id")
        if (
            not isinstance(uuid, str)
            or not UUID_RE.match(uuid)
            or not isinstance(op_id, str)
            or not UUID_RE.match(op_id)
        ):
            raise ValidationError(self.env._("The record sent by the field app has no valid identifier."))
        kind, op = item.get("kind"), item.get("op")
        if kind not in self._srm_field_kinds():
            raise ValidationError(self.env._("The field app sent a kind of record this server does not know."))
        if op not in ("create", "update") or (op == "update" and not self._srm_field_kinds()[kind]["update"]):
            raise ValidationError(self.env._("The field app sent a change this server does not know."))
        header = {"uuid": uuid, "op_id": op_id, "kind": kind, "op": op}
        if op == "update":
            record_id, version = item.get("id"), item.get("base_version")
            if any(isinstance(v, bool) or not isinstance(v, int) or v <= 0 for v in (record_id, version)):
                raise ValidationError(
                    self.env._("The change sent by the field app does not say which record it changes.")
                )
            header.update(id=record_id, base_version=version)
        return header

    @api.model
    def _srm_field_sync_one(self, item, skew, now):
        op_id = item.get("op_id") if isinstance(item, dict) else None
        result = {"op_id": op_id if isinstance(op_id, str) else False}
        try:
            header = self._srm_field_header(item)
        except ValidationError as error:
            return dict(result, status="error", message=error.args[0])
        spec = self._srm_field_kinds()[header["kind"]]
        try:
            with self.env.cr.savepoint():
                payload = FieldPayload(
                    self.env, spec["model"], item.get("values"), skew=skew, max_age_days=self._srm_field_max_age()
                )
                if header["op"] == "create":
                    result.update(self._srm_field_create(spec, header, payload, item, skew, now))
                else:
                    result.update(self._srm_field_update(spec, header, payload, now))
        except UserError as error:
            # access errors, validation errors and missing records are user errors too
            return dict(result, status="error", message=error.args[0])
        except psycopg2.IntegrityError as error:
            if (error.diag.constraint_name or "").endswith("srm_field_uuid_uniq"):
                # the same record sent at the same time by another request: the next
                # attempt finds the record it created
                return dict(result, status="retry", message=self.env._("Sent twice at once: it will be sent again."))
            return dict(result, status="error", message=_as_validation_error(self.env, error).args[0])
        return result

    @api.model
    def _srm_field_find(self, model_name, uuid):
        """The record the user created earlier from the phone record ``uuid``.

        sudo: the user may no longer read their record (confidential, or moved to a
        project that is not theirs); it is looked for among their own creations only,
        and only its id and version are answered, so that the phone stops sending it.
        """
        return (
            self.env[model_name]
            .sudo()
            .with_context(active_test=False)
            .search([("srm_field_uuid", "=", uuid), ("create_uid", "=", self.env.uid)], limit=1)
        )

    @api.model
    def _srm_field_capture_values(self, header, item, skew, now):
        """Values of srm.field.capture.mixin for a record created from the app."""
        captured = parse_datetime(item.get("captured_at"))
        if captured is not None:
            captured = min(captured + skew, now)
        offline = item.get("offline") is True or (captured is not None and now - captured > OFFLINE_DELAY)
        return {
            "srm_field_uuid": header["uuid"],
            "srm_field_last_op": header["op_id"],
            "srm_field_offline": offline,
            "srm_field_captured_on": captured or now,
            "srm_field_synced_on": now,
        }

    @api.model
    def _srm_field_create(self, spec, header, payload, item, skew, now):
        existing = self._srm_field_find(spec["model"], header["uuid"])
        if existing:
            return {"status": "duplicate", "id": existing.id, "version": existing.srm_field_version}
        capture = self._srm_field_capture_values(header, item, skew, now)
        capture.update(payload.position())
        record = getattr(self, spec["create"])(payload, capture)
        return {"status": "created", "id": record.id, "version": record.srm_field_version}

    @api.model
    def _srm_field_update(self, spec, header, payload, now):
        record = self.env[spec["model"]].browse(header["id"]).exists()
        if record:
            record.check_access("write")
        if not record or record.srm_field_uuid != header["uuid"]:
            raise ValidationError(
                self.env._("This record is no longer in Odoo, or it was not captured with this phone.")
            )
        if record.srm_field_last_op == header["op_id"]:
            return {"status": "duplicate", "id": record.id, "version": record.srm_field_version}
        if record.srm_field_version != header["base_version"]:
            return {
                "status": "conflict",
                "id": record.id,
                "version": record.srm_field_version,
                "message": self.env._("Changed in Odoo since your copy: choose which version to keep."),
                "server": {
                    "version": record.srm_field_version,
                    "write_date": to_iso(record.write_date),
                    "write_uid": record.write_uid.name or "",
                    "values": getattr(self, spec["snapshot"])(record),
                },
            }
        getattr(self, spec["update"])(record, payload)
        if "latitude" in payload.values:
            record.write(payload.position())
        record.write({"srm_field_last_op": header["op_id"], "srm_field_synced_on": now})
        return {"status": "updated", "id": record.id, "version": record.srm_field_version}

    # ------------------------------------------------------------------
    # Shared readers
    # ------------------------------------------------------------------

    @api.model
    def _srm_field_project(self, payload):
        """The project of a record: one of the user's own projects."""
        return payload.record(
            "project_id",
            "srm.project",
            payload.label("project_id"),
            domain=["|", ("member_ids", "in", self.env.uid), ("user_id", "=", self.env.uid)],
            required=True,
        )

    @api.model
    def _srm_field_new_partner(self, payload, values, project, label):
        """A stakeholder met in the field and not yet registered: ``values`` is
        {name, phone}; created with the user's rights in ``project``."""
        person = FieldPayload(self.env, "res.partner", values)
        name = person.text("name", self.env._("%s: name", label), required=True, limit=128)
        phone = person.text("phone", self.env._("%s: phone", label), limit=32)
        return self.env["res.partner"].create(
            {
                "name": name,
                "phone": phone or False,
                "is_stakeholder": True,
                "srm_project_ids": [Command.link(project.id)],
            }
        )

    @api.model
    def _srm_field_photos(self, record, payload):
        photos = payload.photos(MAX_PHOTOS, MAX_PHOTO_BYTES)
        if photos:
            # with the user's rights: attaching a file needs the right to change the record
            self.env["ir.attachment"].create(
                [
                    {"name": name, "raw": data, "mimetype": mimetype, "res_model": record._name, "res_id": record.id}
                    for name, mimetype, data in photos
                ]
            )

    # ------------------------------------------------------------------
    # Engagements
    # ------------------------------------------------------------------

    @api.model
    def _srm_field_engagement_values(self, payload, partial=False):
        """Values of srm.engagement from the app's ones (all of them, or when
        ``partial`` only those given)."""
        readers = {
            "name": lambda: payload.text("name", payload.label("name"), required=True),
            "engagement_type_id": lambda: (
                payload.record(
                    "engagement_type_id", "srm.engagement.type", payload.label("engagement_type_id"), required=True
                ).id
            ),
            "date": lambda: payload.datetime("date", payload.label("date")),
            "direction": lambda: payload.choice("direction", "direction", default="mutual"),
            "summary": lambda: payload.text("summary", payload.label("summary"), limit=20000) or False,
            "outcome": lambda: payload.text("outcome", payload.label("outcome"), limit=20000) or False,
            "location": lambda: payload.text("location", payload.label("location")) or False,
            "duration": lambda: payload.number("duration", payload.label("duration"), 0, 24) or 0.0,
            "topic_ids": lambda: [
                Command.set(payload.records("topic_ids", "srm.topic", payload.label("topic_ids")).ids)
            ],
        }
        return {key: read() for key, read in readers.items() if not partial or payload.has(key)}

    @api.model
    def _srm_field_engagement_stakeholders(self, payload, project):
        """(stakeholders, {partner id: participation values}) of an engagement.

        ``stakeholders`` is [{id} or {new: {name, phone}}, with optional
        capacity_type_id and attended]: registered stakeholders the user may read,
        or people met in the field, registered as stakeholders of the project.
        """
        label = payload.label("partner_ids")
        entries = payload.values.get("stakeholders") or []
        if not isinstance(entries, list) or len(entries) > MAX_STAKEHOLDERS_PER_RECORD:
            raise ValidationError(self.env._("%(field)s: the records chosen are not valid.", field=label))
        if any(not isinstance(entry, dict) for entry in entries):
            raise ValidationError(self.env._("%(field)s: the records chosen are not valid.", field=label))
        existing = FieldPayload(self.env, "res.partner", {"ids": [e["id"] for e in entries if "id" in e]}).records(
            "ids", "res.partner", label, domain=[("is_stakeholder", "=", True)]
        )
        partners = self.env["res.partner"]
        participation = {}
        for entry in entries:
            if "id" in entry:
                partner = existing.filtered(lambda p, pid=entry["id"]: p.id == pid)
            else:
                partner = self._srm_field_new_partner(payload, entry.get("new"), project, label)
            partners |= partner
            details = FieldPayload(self.env, "srm.engagement.participant", entry)
            values = {}
            if entry.get("capacity_type_id"):
                values["capacity_type_id"] = details.record(
                    "capacity_type_id", "srm.stakeholder.type", details.label("capacity_type_id")
                ).id
            if "attended" in entry:
                values["attended"] = details.boolean("attended", details.label("attended"))
            if values:
                participation[partner.id] = values
        if not partners:
            raise ValidationError(self.env._("Choose at least one stakeholder."))
        return partners, participation

    @api.model
    def _srm_field_engagement_participation(self, engagement, participation):
        for line in engagement.participant_ids:
            values = participation.get(line.partner_id.id)
            if values:
                line.write(values)

    @api.model
    def _srm_field_engagement_create(self, payload, capture):
        project = self._srm_field_project(payload)
        values = self._srm_field_engagement_values(payload)
        partners, participation = self._srm_field_engagement_stakeholders(payload, project)
        values.update(
            capture,
            project_id=project.id,
            company_id=project.company_id.id,
            partner_ids=[Command.set(partners.ids)],
        )
        engagement = self.env["srm.engagement"].create(values)
        self._srm_field_engagement_participation(engagement, participation)
        self._srm_field_photos(engagement, payload)
        return engagement

    @api.model
    def _srm_field_engagement_update(self, engagement, payload):
        values = self._srm_field_engagement_values(payload, partial=True)
        project = engagement.project_id
        if payload.has("project_id"):
            project = self._srm_field_project(payload)
            values.update(project_id=project.id, company_id=project.company_id.id)
        participation = {}
        if payload.has("stakeholders"):
            partners, participation = self._srm_field_engagement_stakeholders(payload, project)
            # the app's list replaces what it showed, as the web client's changes do: the
            # stakeholders the user may not read, which it does not show, stay
            shown = engagement.partner_ids.with_context(active_test=False)._filtered_access("read")
            values["partner_ids"] = [Command.unlink(p.id) for p in shown - partners] + [
                Command.link(p.id) for p in partners - shown
            ]
        if values:
            engagement.write(values)
        self._srm_field_engagement_participation(engagement, participation)
        self._srm_field_photos(engagement, payload)

    @api.model
    def _srm_field_engagement_snapshot(self, engagement):
        """The engagement as the app shows it, to compare with the phone's copy."""
        return {
            "name": engagement.name,
            "project_id": [engagement.project_id.id, engagement.project_id.display_name]
            if engagement.project_id
            else False,
            "engagement_type_id": [engagement.engagement_type_id.id, engagement.engagement_type_id.name],
            "date": to_iso(engagement.date),
            "direction": engagement.direction,
            "summary": engagement.summary or "",
            "outcome": engagement.outcome or "",
            "location": engagement.location or "",
            "topic_ids": [[topic.id, topic.name] for topic in engagement.topic_ids],
            "stakeholders": [[partner.id, partner.display_name] for partner in engagement.partner_ids],
        }

    # ------------------------------------------------------------------
    # The app's words, in the user's language
    # ------------------------------------------------------------------

    @api.model
    def _srm_field_strings(self):
        """The texts of the app, translated in the user's language: {key: text}.
        ``{name}`` marks a value the app puts in."""
        return {
            "app_name": self.env._("SRM Field"),
            "menu": self.env._("Menu"),
            "online": self.env._("Online"),
            "offline": self.env._("Offline"),
            "sending": self.env._("Sending…"),
            "refresh": self.env._("Refresh"),
            "open_odoo": self.env._("Open Odoo"),
            "last_sync": self.env._("Last synchronised: {date}"),
            "never_synced": self.env._("Not synchronised yet"),
            "sign_out": self.env._("Sign out"),
            "sign_out_confirm": self.env._("Sign out and remove from this phone everything the field app keeps?"),
            "sign_out_unsent": self.env._(
                "{count} record(s) captured on this phone were not sent yet: signing out deletes them. Sign out anyway?"
            ),
            "sign_in": self.env._("Sign in"),
            "session_expired": self.env._(
                "Your session has ended: sign in again to send the {count} record(s) kept on this phone. "
                "You can go on working offline meanwhile."
            ),
            "server_error": self.env._("The server could not save the records now, they stay on this phone: {message}"),
            "no_encryption": self.env._(
                "This browser cannot encrypt what the app keeps on this phone (it needs a secure HTTPS "
                "connection): records are stored unencrypted."
            ),
            "no_offline": self.env._(
                "This connection is not secure (HTTPS): the app cannot open without a network. "
                "Ask your administrator to serve Odoo over HTTPS."
            ),
            "foreign_unsent": self.env._(
                "{count} record(s) captured by {name} wait for them to sign in on this phone."
            ),
            "update_ready": self.env._("A new version of the app is ready."),
            "reload": self.env._("Reload"),
            "tab_today": self.env._("Today"),
            "tab_engagement": self.env._("Log"),
            "tab_stakeholders": self.env._("Stakeholders"),
            "tab_outbox": self.env._("To send"),
            "hello": self.env._("Hello {name}"),
            "unsent_count": self.env._("{count} record(s) on this phone are waiting to be sent."),
            "activities": self.env._("My activities"),
            "no_activity": self.env._("No activity planned."),
            "late_since": self.env._("Late: {date}"),
            "meetings": self.env._("My meetings"),
            "no_meeting": self.env._("No meeting planned."),
            "stakeholders": self.env._("Stakeholders"),
            "stakeholders_help": self.env._("{count} stakeholder(s) of your projects, kept on this phone."),
            "search_stakeholders": self.env._("Search stakeholders"),
            "all_my_projects": self.env._("All my projects"),
            "no_stakeholder": self.env._("No stakeholder found."),
            "no_match": self.env._("Nobody of this project matches."),
            "do_not_contact": self.env._("Do not contact"),
            "do_not_contact_help": self.env._(
                "This stakeholder asked not to be contacted: record only engagements they initiated."
            ),
            "type": self.env._("Type"),
            "city": self.env._("Village / town"),
            "phone": self.env._("Phone"),
            "name": self.env._("Name"),
            "last_engagement": self.env._("Last engagement"),
            "never": self.env._("Never"),
            "projects": self.env._("Projects"),
            "project": self.env._("Project"),
            "choose": self.env._("Choose…"),
            "log_engagement": self.env._("Log an engagement"),
            "edit_engagement": self.env._("Edit the engagement"),
            "subject": self.env._("Subject"),
            "subject_placeholder": self.env._("e.g. Water quality briefing with the village council"),
            "date": self.env._("Date and time"),
            "direction": self.env._("Who initiated it"),
            "participants_help": self.env._(
                "Pick the stakeholders who took part, the capacity they spoke in and whether they attended."
            ),
            "capacity": self.env._("Capacity"),
            "attended": self.env._("Attended"),
            "add_new_person": self.env._("Add a person who is not in the list"),
            "new_person": self.env._("New"),
            "add": self.env._("Add"),
            "remove": self.env._("Remove"),
            "topics": self.env._("Topics"),
            "notes": self.env._("Notes"),
            "notes_placeholder": self.env._("What was discussed, concerns raised, questions asked…"),
            "outcome": self.env._("Outcome"),
            "outcome_placeholder": self.env._("What was agreed or decided"),
            "place": self.env._("Place"),
            "place_placeholder": self.env._("Village, hamlet, landmark"),
            "use_my_position": self.env._("Record my position"),
            "forget_position": self.env._("Forget the position"),
            "position_searching": self.env._("Looking for the position…"),
            "position_recorded": self.env._("Position recorded: {latitude}, {longitude} (±{accuracy} m)"),
            "position_unavailable": self.env._(
                "The position is not available: allow the app to use it, or type the place."
            ),
            "photos": self.env._("Photos"),
            "photos_already_sent": self.env._("{count} photo(s) already sent with this record."),
            "too_many_photos": self.env._("At most {count} photos per record."),
            "photo_too_large": self.env._("The photo {name} is too large."),
            "save": self.env._("Save"),
            "cancel": self.env._("Cancel"),
            "required": self.env._("Required."),
            "choose_stakeholder": self.env._("Choose at least one stakeholder."),
            "date_in_future": self.env._("This date is in the future: check the date and time of the phone."),
            "do_not_contact_outbound": self.env._(
                "{names} asked not to be contacted: record the engagement as initiated by them if they reached out."
            ),
            "saved_offline": self.env._("Saved on this phone: it will be sent when the network returns."),
            "saved_sending": self.env._("Saved on this phone, sending…"),
            "send_now": self.env._("Send now"),
            "needs_attention": self.env._("Needs your attention"),
            "waiting": self.env._("Waiting to be sent"),
            "nothing_waiting": self.env._("Nothing is waiting to be sent."),
            "sent_recently": self.env._("Sent in the last {days} days"),
            "nothing_sent": self.env._("Nothing sent recently."),
            "kind_engagement": self.env._("Engagement"),
            "status_pending": self.env._("Waiting"),
            "status_sending": self.env._("Being sent"),
            "status_sent": self.env._("Sent"),
            "status_error": self.env._("Refused"),
            "status_conflict": self.env._("Conflict"),
            "refused": self.env._("Refused by the server."),
            "captured_offline": self.env._("Captured offline"),
            "edit": self.env._("Edit"),
            "discard": self.env._("Discard"),
            "discard_confirm": self.env._("Discard this record? It was not sent: it will be lost."),
            "remove_from_phone": self.env._("Remove from this phone"),
            "remove_sent_confirm": self.env._("Remove this record from this phone? It stays in Odoo."),
            "gone": self.env._("This record is no longer available to you in Odoo."),
            "unreadable": self.env._("This record can no longer be read on this phone."),
            "changed_in_odoo_since": self.env._("Changed in Odoo since it was sent from this phone."),
            "conflict_by": self.env._(
                "Changed in Odoo by {user} on {date}, since your copy. Which version do you keep?"
            ),
            "in_odoo": self.env._("In Odoo"),
            "yours": self.env._("Yours"),
            "keep_odoo_version": self.env._("Keep the version of Odoo"),
            "send_mine": self.env._("Send mine anyway"),
        }
