/* Copyright 2026 SRM Suite Contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */

// The forms of the app: an engagement, a grievance heard in person. A form edits ``values``,
// the record in the shape the server reads (see srm.field.sync), and keeps a draft of a new
// record on the phone as it is typed, so that closing the app loses nothing.

import { fill, fold, fromLocalInput, h, toLocalInput } from "./dom.js";

const PHOTO_MAX_SIDE = 1600;
const PHOTO_QUALITY = 0.8;
const FUTURE_MARGIN_MS = 10 * 60 * 1000;
const PICKER_RESULTS = 30;

function bytesToBase64(bytes) {
    let binary = "";
    const chunk = 0x8000;
    for (let i = 0; i < bytes.length; i += chunk) {
        binary += String.fromCharCode.apply(null, bytes.subarray(i, i + chunk));
    }
    return btoa(binary);
}

/** A photo taken or picked, made smaller (JPEG, at most 1600 px), as {name, data (base64)}. */
async function readPhoto(file) {
    let blob = file;
    try {
        const bitmap = await createImageBitmap(file);
        const scale = Math.min(1, PHOTO_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
        const canvas = document.createElement("canvas");
        canvas.width = Math.round(bitmap.width * scale);
        canvas.height = Math.round(bitmap.height * scale);
        canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        blob = (await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", PHOTO_QUALITY))) || file;
    } catch {
        // not decodable here: sent as it is, the server checks it
    }
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const name = file.name || "photo";
    return {
        name: blob === file ? name : `${name.replace(/\.[^.]*$/, "")}.jpg`,
        data: bytesToBase64(bytes),
        type: blob.type,
    };
}

function field(label, control, { required = false, help = null, name = null } = {}) {
    if (["INPUT", "SELECT", "TEXTAREA"].includes(control.tagName)) {
        control.setAttribute("aria-label", label);
    }
    return h(
        "div",
        { class: "srm-field", role: "group", "aria-label": label, dataset: name ? { fieldFor: name } : undefined },
        h("span", { class: "srm-label" }, label, required ? h("span", { class: "srm-required" }, " *") : null),
        control,
        help ? h("small", { class: "srm-help" }, help) : null,
        h("small", { class: "srm-error", hidden: true })
    );
}

function options(list, selected, { empty = null } = {}) {
    const result = [];
    if (empty !== null) {
        result.push(h("option", { value: "", selected: !selected }, empty));
    }
    for (const item of list) {
        result.push(h("option", { value: String(item.id), selected: String(item.id) === String(selected) }, item.name));
    }
    return result;
}

/** Base of both forms: values, draft, errors, position, photos, save. */
class RecordForm {
    constructor(app, kind, { item = null, prefill = null } = {}) {
        this.app = app;
        this.kind = kind;
        this.item = item;
        this.prefill = prefill || {};
        this.values = null;
        this.el = null;
        this.draftTimer = null;
    }

    get t() {
        return this.app.t.bind(this.app);
    }

    get boot() {
        return this.app.boot;
    }

    get draftKey() {
        return `draft:${this.kind}`;
    }

    async open() {
        if (this.item) {
            this.values = structuredClone(this.item.body.values);
            if (this.item.status === "sent") {
                // those were sent with the record; new ones are added to it
                this.values.photos = [];
            }
        } else {
            const draft = this.prefill.fresh ? null : await this.app.loadDraft(this.draftKey);
            this.values = draft || this.defaults();
            this.applyPrefill();
        }
        this.el = this.render();
        return this.el;
    }

    defaults() {
        const projects = this.boot.projects;
        return {
            project_id: projects.length === 1 ? projects[0].id : this.app.lastProjectId(),
            date: new Date().toISOString(),
            location: "",
            photos: [],
        };
    }

    applyPrefill() {}

    changed() {
        if (this.item) {
            return;
        }
        clearTimeout(this.draftTimer);
        this.draftTimer = setTimeout(() => this.app.saveDraft(this.draftKey, this.values), 400);
    }

    set(key, value) {
        this.values[key] = value;
        this.changed();
    }

    input(key, attrs = {}) {
        const tag = attrs.rows ? "textarea" : "input";
        const el = h(tag, {
            class: "srm-input",
            dataset: { field: key },
            value: this.values[key] || "",
            ...attrs,
            oninput: (ev) => this.set(key, ev.target.value),
        });
        return el;
    }

    dateInput(key) {
        const iso = this.values[key];
        return h("input", {
            class: "srm-input",
            type: "datetime-local",
            dataset: { field: key },
            value: iso ? toLocalInput(new Date(iso)) : "",
            max: toLocalInput(new Date(Date.now() + FUTURE_MARGIN_MS)),
            oninput: (ev) => this.set(key, fromLocalInput(ev.target.value)),
        });
    }

    select(key, list, { empty = null, onchange = null, numeric = true } = {}) {
        return h(
            "select",
            {
                class: "srm-input",
                dataset: { field: key },
                onchange: (ev) => {
                    const raw = ev.target.value;
                    this.set(key, raw === "" ? false : numeric ? Number(raw) : raw);
                    if (onchange) {
                        onchange();
                    }
                },
            },
            options(list, this.values[key], { empty })
        );
    }

    projectField() {
        return field(
            this.t("project"),
            this.select("project_id", this.boot.projects, {
                empty: this.t("choose"),
                onchange: () => this.onProjectChange(),
            }),
            { required: true, name: "project_id" }
        );
    }

    onProjectChange() {}

    placeField() {
        const status = h("small", { class: "srm-help", dataset: { role: "position" } });
        const showPosition = () => {
            if (this.values.latitude !== undefined && this.values.latitude !== null) {
                fill(
                    status,
                    this.t("position_recorded", {
                        accuracy: Math.round(this.values.accuracy || 0),
                        latitude: this.values.latitude.toFixed(5),
                        longitude: this.values.longitude.toFixed(5),
                    })
                );
            }
        };
        showPosition();
        const locate = () => {
            if (!navigator.geolocation) {
                fill(status, this.t("position_unavailable"));
                return;
            }
            fill(status, this.t("position_searching"));
            navigator.geolocation.getCurrentPosition(
                (position) => {
                    this.values.latitude = position.coords.latitude;
                    this.values.longitude = position.coords.longitude;
                    this.values.accuracy = position.coords.accuracy;
                    this.changed();
                    showPosition();
                },
                () => fill(status, this.t("position_unavailable")),
                { enableHighAccuracy: true, timeout: 30000, maximumAge: 60000 }
            );
        };
        const clearPosition = () => {
            delete this.values.latitude;
            delete this.values.longitude;
            delete this.values.accuracy;
            this.changed();
            fill(status);
        };
        return h(
            "div",
            { class: "srm-group" },
            field(this.t("place"), this.input("location", { maxlength: 256, placeholder: this.t("place_placeholder") })),
            h(
                "div",
                { class: "srm-row" },
                h("button", { type: "button", class: "srm-btn", dataset: { action: "locate" }, onclick: locate }, this.t("use_my_position")),
                h("button", { type: "button", class: "srm-btn srm-btn-link", onclick: clearPosition }, this.t("forget_position"))
            ),
            status
        );
    }

    photosField() {
        const list = h("div", { class: "srm-photos" });
        const limits = this.boot.limits;
        const showPhotos = () => {
            fill(
                list,
                this.values.photos.map((photo, index) =>
                    h(
                        "figure",
                        { class: "srm-photo" },
                        h("img", { src: `data:${photo.type || "image/jpeg"};base64,${photo.data}`, alt: photo.name }),
                        h(
                            "button",
                            {
                                type: "button",
                                class: "srm-btn srm-btn-link",
                                onclick: () => {
                                    this.values.photos.splice(index, 1);
                                    this.changed();
                                    showPhotos();
                                },
                            },
                            this.t("remove")
                        )
                    )
                )
            );
        };
        const picker = h("input", {
            type: "file",
            accept: "image/*",
            capture: "environment",
            multiple: true,
            class: "srm-input",
            dataset: { field: "photos" },
            onchange: async (ev) => {
                for (const file of ev.target.files) {
                    if (this.values.photos.length >= limits.max_photos) {
                        this.app.notify(this.t("too_many_photos", { count: limits.max_photos }), "warning");
                        break;
                    }
                    const photo = await readPhoto(file);
                    if (photo.data.length * 0.75 > limits.max_photo_bytes) {
                        this.app.notify(this.t("photo_too_large", { name: file.name }), "warning");
                        continue;
                    }
                    this.values.photos.push(photo);
                }
                ev.target.value = "";
                this.changed();
                showPhotos();
            },
        });
        showPhotos();
        const already = this.item && this.item.body.photoCount;
        return field(this.t("photos"), h("div", {}, picker, list), {
            help: already ? this.t("photos_already_sent", { count: already }) : null,
        });
    }

    buttons() {
        return h(
            "div",
            { class: "srm-actions" },
            h("button", { type: "submit", class: "srm-btn srm-btn-primary", dataset: { action: "save" } }, this.t("save")),
            h("button", { type: "button", class: "srm-btn", dataset: { action: "cancel" }, onclick: () => this.cancel() }, this.t("cancel"))
        );
    }

    async cancel() {
        if (!this.item) {
            clearTimeout(this.draftTimer);
            await this.app.dropDraft(this.draftKey);
        }
        this.app.go(this.item ? "#outbox" : "#today");
    }

    showErrors(errors) {
        for (const el of this.el.querySelectorAll(".srm-error")) {
            el.hidden = true;
        }
        let first = null;
        for (const [name, message] of Object.entries(errors)) {
            const holder = this.el.querySelector(`[data-field-for="${name}"] .srm-error`);
            if (holder) {
                fill(holder, message);
                holder.hidden = false;
                first = first || holder;
            } else {
                this.app.notify(message, "danger");
            }
        }
        if (first) {
            first.scrollIntoView({ block: "center" });
        }
    }

    commonErrors(errors, dateKey) {
        if (!this.values.project_id) {
            errors.project_id = this.t("required");
        }
        if (!(this.values.name || "").trim()) {
            errors.name = this.t("required");
        }
        const date = this.values[dateKey] ? Date.parse(this.values[dateKey]) : NaN;
        if (isNaN(date)) {
            errors[dateKey] = this.t("required");
        } else if (date > Date.now() + FUTURE_MARGIN_MS) {
            errors[dateKey] = this.t("date_in_future");
        }
    }

    async submit(ev) {
        ev.preventDefault();
        const errors = this.validate();
        if (Object.keys(errors).length) {
            this.showErrors(errors);
            return;
        }
        clearTimeout(this.draftTimer);
        const values = structuredClone(this.values);
        values.name = values.name.trim();
        await this.app.saveRecord(this.kind, values, this.item);
        if (!this.item) {
            await this.app.dropDraft(this.draftKey);
        }
    }

    form(title, ...children) {
        return h(
            "form",
            { class: "srm-form", novalidate: true, dataset: { form: this.kind }, onsubmit: (ev) => this.submit(ev) },
            h("h2", {}, title),
            this.item && this.item.body.serverVersion && this.item.body.serverVersion !== this.item.body.version
                ? h("p", { class: "srm-banner srm-banner-warning" }, this.t("changed_in_odoo_since"))
                : null,
            children,
            this.buttons()
        );
    }
}

/**
 * Choosing stakeholders of the form's project from the copy on the phone, or adding people
 * met in the field. ``entries`` is [{id} or {new: {name, phone}}] (with participation details
 * for engagements); ``single`` keeps one.
 */
class StakeholderPicker {
    constructor(form, { entries, single = false, participation = false, allowNew = true, name }) {
        this.form = form;
        this.app = form.app;
        this.entries = entries;
        this.single = single;
        this.participation = participation;
        this.allowNew = allowNew;
        this.name = name;
        this.query = "";
        this.results = h("ul", { class: "srm-list srm-picker-results" });
        this.chosen = h("ul", { class: "srm-list srm-chosen" });
    }

    get t() {
        return this.app.t.bind(this.app);
    }

    candidates() {
        const projectId = this.form.values.project_id;
        const query = fold(this.query.trim());
        const taken = new Set(this.entries.filter((e) => e.id).map((e) => e.id));
        return this.app.boot.stakeholders.filter(
            (s) =>
                !taken.has(s.id) &&
                (!projectId || s.project_ids.includes(projectId)) &&
                (!query || fold(`${s.name} ${s.city} ${s.type}`).includes(query))
        );
    }

    nameOf(entry) {
        if (entry.new) {
            return entry.new.name;
        }
        const found = this.app.stakeholder(entry.id);
        return found ? found.name : (this.form.item && this.form.item.body.names && this.form.item.body.names[entry.id]) || `#${entry.id}`;
    }

    add(entry) {
        if (this.single) {
            this.entries.splice(0, this.entries.length);
        }
        this.entries.push(entry);
        this.query = "";
        this.form.changed();
        this.refresh();
    }

    refresh() {
        const candidates = this.candidates();
        const shown = this.query.trim() || candidates.length <= 8 ? candidates.slice(0, PICKER_RESULTS) : [];
        fill(
            this.results,
            shown.map((s) =>
                h(
                    "li",
                    {},
                    h(
                        "button",
                        {
                            type: "button",
                            class: "srm-item-button",
                            dataset: { action: "pick", id: String(s.id), picker: this.name },
                            onclick: () => this.add(this.participation ? { id: s.id, capacity_type_id: s.type_id || false, attended: true } : { id: s.id }),
                        },
                        h("strong", {}, s.name),
                        h("span", { class: "srm-muted" }, [s.type, s.city].filter(Boolean).join(" · ")),
                        s.do_not_contact ? h("span", { class: "srm-badge srm-badge-warning" }, this.t("do_not_contact")) : null
                    )
                )
            )
        );
        if (this.query.trim() && !shown.length) {
            this.results.append(h("li", { class: "srm-muted" }, this.t("no_match")));
        }
        fill(this.chosen, this.entries.map((entry, index) => this.chosenRow(entry, index)));
        if (this.searchInput) {
            this.searchInput.value = this.query;
        }
    }

    chosenRow(entry, index) {
        const remove = h(
            "button",
            {
                type: "button",
                class: "srm-btn srm-btn-link",
                onclick: () => {
                    this.entries.splice(index, 1);
                    this.form.changed();
                    this.refresh();
                },
            },
            this.t("remove")
        );
        const found = entry.id ? this.app.stakeholder(entry.id) : null;
        const row = h(
            "li",
            { class: "srm-chosen-row", dataset: { chosen: entry.id ? String(entry.id) : "new" } },
            h("div", { class: "srm-row" }, h("strong", {}, this.nameOf(entry)), entry.new ? h("span", { class: "srm-badge" }, this.t("new_person")) : null, found && found.do_not_contact ? h("span", { class: "srm-badge srm-badge-warning" }, this.t("do_not_contact")) : null, remove)
        );
        if (this.participation) {
            row.append(
                h(
                    "div",
                    { class: "srm-row" },
                    h(
                        "select",
                        {
                            class: "srm-input srm-input-small",
                            "aria-label": this.t("capacity"),
                            onchange: (ev) => {
                                entry.capacity_type_id = ev.target.value ? Number(ev.target.value) : false;
                                this.form.changed();
                            },
                        },
                        options(this.app.boot.stakeholder_types, entry.capacity_type_id, { empty: this.t("capacity") })
                    ),
                    h(
                        "label",
                        { class: "srm-check" },
                        h("input", {
                            type: "checkbox",
                            checked: entry.attended !== false,
                            onchange: (ev) => {
                                entry.attended = ev.target.checked;
                                this.form.changed();
                            },
                        }),
                        this.t("attended")
                    )
                )
            );
        }
        return row;
    }

    newPersonBlock() {
        const name = h("input", { class: "srm-input", placeholder: this.t("name"), maxlength: 128, dataset: { field: `${this.name}-new-name` } });
        const phone = h("input", { class: "srm-input", type: "tel", placeholder: this.t("phone"), maxlength: 32, dataset: { field: `${this.name}-new-phone` } });
        return h(
            "details",
            { class: "srm-new-person" },
            h("summary", {}, this.t("add_new_person")),
            name,
            phone,
            h(
                "button",
                {
                    type: "button",
                    class: "srm-btn",
                    dataset: { action: "add-new", picker: this.name },
                    onclick: () => {
                        if (!name.value.trim()) {
                            name.focus();
                            return;
                        }
                        const person = { name: name.value.trim(), phone: phone.value.trim() };
                        this.add(this.participation ? { new: person, capacity_type_id: false, attended: true } : { new: person });
                        name.value = "";
                        phone.value = "";
                    },
                },
                this.t("add")
            )
        );
    }

    render() {
        this.searchInput = h("input", {
            class: "srm-input",
            type: "search",
            placeholder: this.t("search_stakeholders"),
            dataset: { field: `${this.name}-search` },
            oninput: (ev) => {
                this.query = ev.target.value;
                this.refresh();
            },
        });
        this.refresh();
        return h("div", { class: "srm-picker" }, this.chosen, this.searchInput, this.results, this.allowNew ? this.newPersonBlock() : null);
    }
}

export class EngagementForm extends RecordForm {
    constructor(app, options) {
        super(app, "engagement", options);
    }

    defaults() {
        const types = this.boot.engagement_types;
        return Object.assign(super.defaults(), {
            engagement_type_id: (types.find((t) => t.code === "meeting") || types[0] || {}).id || false,
            name: "",
            direction: "mutual",
            stakeholders: [],
            topic_ids: [],
            summary: "",
            outcome: "",
        });
    }

    applyPrefill() {
        const id = this.prefill.stakeholderId;
        if (id && !this.values.stakeholders.some((e) => e.id === id)) {
            const found = this.app.stakeholder(id);
            this.values.stakeholders.push({ id, capacity_type_id: (found && found.type_id) || false, attended: true });
            if (found && !this.values.project_id) {
                this.values.project_id = found.project_ids[0] || false;
            }
        }
    }

    onProjectChange() {
        this.picker.refresh();
    }

    validate() {
        const errors = {};
        this.commonErrors(errors, "date");
        if (!this.values.engagement_type_id) {
            errors.engagement_type_id = this.t("required");
        }
        if (!this.values.stakeholders.length) {
            errors.stakeholders = this.t("choose_stakeholder");
        } else if (this.values.direction === "outbound") {
            const blocked = this.values.stakeholders
                .map((e) => e.id && this.app.stakeholder(e.id))
                .filter((s) => s && s.do_not_contact);
            if (blocked.length) {
                errors.stakeholders = this.t("do_not_contact_outbound", { names: blocked.map((s) => s.name).join(", ") });
            }
        }
        return errors;
    }

    topicsField() {
        return field(
            this.t("topics"),
            h(
                "div",
                { class: "srm-chips" },
                this.boot.topics.map((topic) =>
                    h(
                        "label",
                        { class: "srm-chip" },
                        h("input", {
                            type: "checkbox",
                            value: String(topic.id),
                            checked: this.values.topic_ids.includes(topic.id),
                            dataset: { field: "topic_ids" },
                            onchange: (ev) => {
                                const ids = new Set(this.values.topic_ids);
                                ev.target.checked ? ids.add(topic.id) : ids.delete(topic.id);
                                this.set("topic_ids", [...ids]);
                            },
                        }),
                        topic.name
                    )
                )
            )
        );
    }

    render() {
        this.picker = new StakeholderPicker(this, { entries: this.values.stakeholders, participation: true, name: "stakeholders" });
        return this.form(
            this.item ? this.t("edit_engagement") : this.t("log_engagement"),
            this.projectField(),
            field(this.t("type"), this.select("engagement_type_id", this.boot.engagement_types, { empty: this.t("choose") }), { required: true, name: "engagement_type_id" }),
            field(this.t("subject"), this.input("name", { maxlength: 256, placeholder: this.t("subject_placeholder") }), { required: true, name: "name" }),
            field(this.t("date"), this.dateInput("date"), { required: true, name: "date" }),
            field(this.t("direction"), this.select("direction", this.boot.directions, { numeric: false })),
            field(this.t("stakeholders"), this.picker.render(), { required: true, name: "stakeholders", help: this.t("participants_help") }),
            this.topicsField(),
            field(this.t("notes"), this.input("summary", { rows: 5, maxlength: 20000, placeholder: this.t("notes_placeholder") })),
            field(this.t("outcome"), this.input("outcome", { rows: 3, maxlength: 20000, placeholder: this.t("outcome_placeholder") })),
            this.placeField(),
            this.photosField()
        );
    }
}

export class GrievanceForm extends RecordForm {
    constructor(app, options) {
        super(app, "grievance", options);
    }

    get feature() {
        return this.boot.features.grievance;
    }

    defaults() {
        return Object.assign(super.defaults(), {
            name: "",
            kind: "grievance",
            category_id: false,
            date_received: new Date().toISOString(),
            description: "",
            identity: "",
            complainant: [],
            consent: false,
            is_sensitive: false,
            partner_ids: [],
        });
    }

    applyPrefill() {
        const id = this.prefill.stakeholderId;
        if (id) {
            this.values.identity = "identified";
            this.values.complainant = [{ id }];
            const found = this.app.stakeholder(id);
            if (found && !this.values.project_id) {
                this.values.project_id = found.project_ids[0] || false;
            }
        }
    }

    onProjectChange() {
        this.complainantPicker.refresh();
        this.concernedPicker.refresh();
    }

    validate() {
        const errors = {};
        this.commonErrors(errors, "date_received");
        if (!(this.values.description || "").trim()) {
            errors.description = this.t("required");
        }
        if (!this.values.identity) {
            errors.identity = this.t("choose_identity");
        } else if (this.values.identity === "identified") {
            if (!this.values.complainant.length) {
                errors.complainant = this.t("choose_complainant");
            }
            if (!this.values.consent) {
                errors.consent = this.t("consent_needed");
            }
        }
        return errors;
    }

    identityField() {
        const details = h("div", { class: "srm-group", hidden: this.values.identity !== "identified" });
        const radio = (value, label) =>
            h(
                "label",
                { class: "srm-check" },
                h("input", {
                    type: "radio",
                    name: "identity",
                    value,
                    checked: this.values.identity === value,
                    dataset: { field: "identity" },
                    onchange: () => {
                        this.set("identity", value);
                        details.hidden = value !== "identified";
                    },
                }),
                label
            );
        this.complainantPicker = new StakeholderPicker(this, { entries: this.values.complainant, single: true, name: "complainant" });
        const checkbox = (key, label) =>
            h(
                "label",
                { class: "srm-check", dataset: { fieldFor: key } },
                h("input", {
                    type: "checkbox",
                    checked: Boolean(this.values[key]),
                    dataset: { field: key },
                    onchange: (ev) => this.set(key, ev.target.checked),
                }),
                label,
                h("small", { class: "srm-error", hidden: true })
            );
        details.append(
            h(
                "div",
                { class: "srm-field", dataset: { fieldFor: "complainant" } },
                this.complainantPicker.render(),
                h("small", { class: "srm-error", hidden: true })
            ),
            checkbox("consent", this.t("consent_label")),
            checkbox("is_sensitive", this.t("sensitive_label"))
        );
        return h(
            "fieldset",
            { class: "srm-group", dataset: { fieldFor: "identity" } },
            h("legend", { class: "srm-label" }, this.t("complainant"), h("span", { class: "srm-required" }, " *")),
            radio("anonymous", this.t("anonymous_label")),
            radio("identified", this.t("identified_label")),
            h("small", { class: "srm-error", hidden: true }),
            details
        );
    }

    render() {
        const feature = this.feature;
        this.concernedPicker = new StakeholderPicker(this, { entries: this.values.partner_ids, name: "partner_ids", allowNew: false });
        return this.form(
            this.t("register_grievance"),
            h("p", { class: "srm-muted" }, this.t("grievance_intro")),
            this.projectField(),
            field(this.t("grievance_subject"), this.input("name", { maxlength: 256, placeholder: this.t("grievance_subject_placeholder") }), { required: true, name: "name" }),
            field(this.t("kind"), this.select("kind", feature.kinds, { numeric: false })),
            feature.categories.length
                ? field(this.t("category"), this.select("category_id", feature.categories, { empty: this.t("none") }))
                : null,
            field(this.t("heard_on"), this.dateInput("date_received"), { required: true, name: "date_received", help: this.t("heard_on_help") }),
            field(this.t("description"), this.input("description", { rows: 6, maxlength: 20000, placeholder: this.t("description_placeholder") }), { required: true, name: "description" }),
            this.identityField(),
            field(this.t("concerned"), this.concernedPicker.render(), { help: this.t("concerned_help") }),
            this.placeField(),
            this.photosField()
        );
    }
}

/** The values of a grievance as the server reads them. */
export function grievanceWire(values) {
    const anonymous = values.identity !== "identified";
    return {
        project_id: values.project_id,
        name: values.name,
        kind: values.kind,
        category_id: values.category_id || false,
        date_received: values.date_received,
        description: values.description,
        is_anonymous: anonymous,
        consent: anonymous ? false : Boolean(values.consent),
        complainant: anonymous ? null : values.complainant[0] || null,
        is_sensitive: anonymous ? false : Boolean(values.is_sensitive),
        partner_ids: values.partner_ids.map((e) => e.id),
        location: values.location,
        latitude: values.latitude,
        longitude: values.longitude,
        accuracy: values.accuracy,
        photos: values.photos,
    };
}

/** The values of an engagement as the server reads them. */
export function engagementWire(values) {
    const wire = {};
    for (const key of [
        "project_id", "engagement_type_id", "name", "date", "direction", "stakeholders", "topic_ids",
        "summary", "outcome", "location", "latitude", "longitude", "accuracy", "photos",
    ]) {
        if (values[key] !== undefined) {
            wire[key] = values[key];
        }
    }
    return wire;
}
