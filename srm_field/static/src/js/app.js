/* Copyright 2026 SRM Suite Contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */

// The field app: a copy of the user's projects kept on the phone, forms that save on the phone
// first, and an outbox sent whenever the server can be reached.

import { ApiError, rpc } from "./api.js";
import { browserLang, fill, fold, format, formatDate, formatDateTime, h, toLocalInput, uuid } from "./dom.js";
import { EngagementForm, GrievanceForm, engagementWire, grievanceWire } from "./forms.js";
import * as store from "./store.js";

const ROOT = "/srm/field/";
const SENT_DAYS = 14;
// the outbox is sent every minute; the copy of the projects (larger: stakeholders) is
// read again every quarter of an hour, or when the network returns
const REFRESH_MS = 60 * 1000;
const COPY_MS = 15 * 60 * 1000;
const MAX_REQUEST_CHARS = 6 * 1024 * 1024;
const SIGNED_OUT_COOKIE = "srm_field_signed_out";
const WIRE = { engagement: engagementWire, grievance: grievanceWire };
const FORMS = { engagement: EngagementForm, grievance: GrievanceForm };

function readCookie(name) {
    return document.cookie.split(";").some((part) => part.trim().startsWith(`${name}=`));
}

function dropCookie(name) {
    document.cookie = `${name}=; Max-Age=0; Path=${ROOT}; SameSite=Lax`;
}

function signInUrl() {
    return `/web/login?redirect=${encodeURIComponent(ROOT)}`;
}

class FieldApp {
    constructor(root) {
        this.root = root;
        // texts of the page itself (translated by the server), for before the first copy
        this.page = {};
        for (const el of document.querySelectorAll("#srm-field-texts [data-text]")) {
            this.page[el.dataset.text] = el.textContent;
        }
        this.boot = null;
        this.owner = null;
        this.items = [];
        this.foreign = [];
        this.reachable = navigator.onLine;
        this.session = "unknown"; // ok | expired | denied
        this.denied = "";
        this.signedOut = false;
        this.signingOut = false;
        this.syncing = false;
        this.refreshing = null;
        this.lastSync = null;
        this.updateReady = false;
        this.ready = false;
        this.messages = [];
        this.form = null;
        this.menuOpen = false;
    }

    t(key, params) {
        const text = (this.boot && this.boot.strings[key]) || key;
        return params ? format(text, params) : text;
    }

    get lang() {
        return this.boot ? this.boot.user.lang : document.documentElement.lang;
    }

    stakeholder(id) {
        return this.boot.stakeholders.find((s) => s.id === id);
    }

    lastProjectId() {
        const last = this.items.filter((i) => i.body && i.body.values).at(-1);
        const id = last && last.body.values.project_id;
        return this.boot.projects.some((p) => p.id === id) ? id : false;
    }

    // ------------------------------------------------------------ start

    async start() {
        this.header = h("header", { class: "srm-header" });
        this.banners = h("div", { class: "srm-banners", "aria-live": "polite" });
        this.main = h("main", { class: "srm-main" });
        this.nav = h("nav", { class: "srm-nav" });
        fill(this.root, this.header, this.banners, this.main, this.nav);
        if (!globalThis.indexedDB) {
            fill(this.main, h("p", { class: "srm-empty" }, this.page.unsupported));
            return;
        }
        this.registerWorker();
        store.persist();
        window.addEventListener("online", () => {
            this.reachable = true;
            this.renderChrome();
            this.refresh({ copy: true });
        });
        window.addEventListener("offline", () => {
            this.reachable = false;
            this.renderChrome();
        });
        window.addEventListener("hashchange", () => this.route());
        document.addEventListener("visibilitychange", () => {
            if (document.visibilityState === "visible") {
                this.refresh();
            }
        });
        if (readCookie(SIGNED_OUT_COOKIE)) {
            // the user signed out of Odoo in this browser: their copy goes, what they
            // captured and did not send yet stays (encrypted) until they sign in again
            await this.forgetCopy();
            dropCookie(SIGNED_OUT_COOKIE);
            this.signedOut = true;
        }
        this.owner = await store.getMeta("owner");
        if (this.owner) {
            try {
                this.boot = await store.loadCache("boot");
            } catch {
                this.boot = null;
            }
        }
        this.lastSync = await store.getMeta("lastSync");
        await this.loadItems();
        this.route();
        this.ready = true;
        await this.refresh();
        setInterval(() => this.refresh(), REFRESH_MS);
    }

    registerWorker() {
        if (!("serviceWorker" in navigator) || !globalThis.isSecureContext) {
            return;
        }
        const hadController = Boolean(navigator.serviceWorker.controller);
        navigator.serviceWorker.addEventListener("controllerchange", () => {
            if (hadController) {
                this.updateReady = true;
                this.renderChrome();
            }
        });
        navigator.serviceWorker.register(`${ROOT}sw.js`, { scope: ROOT }).catch(() => {
            // no offline use; the app works online
        });
    }

    /** Resolves when the service worker serves the app (it then opens without a network). */
    async offlineReady() {
        if (!("serviceWorker" in navigator)) {
            return false;
        }
        await navigator.serviceWorker.ready;
        while (!navigator.serviceWorker.controller) {
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const names = await caches.keys();
        for (const name of names.filter((n) => n.startsWith("srm-field"))) {
            const cache = await caches.open(name);
            if (await cache.match(ROOT)) {
                return true;
            }
        }
        return false;
    }

    /** Resolves once no synchronisation is running. */
    async idle() {
        while (this.refreshing) {
            await this.refreshing;
        }
    }

    // ------------------------------------------------------------ the copy of the user's projects

    async forgetCopy() {
        await store.clearCache();
        await store.setMeta("owner", null);
        for (const item of await store.loadItems()) {
            if (item.status === "sent" || !item.body) {
                await store.deleteItem(item.id);
            }
        }
        this.boot = null;
        this.owner = null;
    }

    mine(item) {
        return Boolean(this.owner) && item.owner === this.owner.uid && item.db === this.owner.db;
    }

    async loadItems() {
        const limit = Date.now() - SENT_DAYS * 24 * 3600 * 1000;
        const all = [];
        for (const item of await store.loadItems()) {
            if (item.status === "sent" && item.body && Date.parse(item.body.sentAt) < limit) {
                await store.deleteItem(item.id);
            } else {
                all.push(item);
            }
        }
        this.items = all.filter((item) => this.mine(item));
        this.foreign = all.filter((item) => !this.mine(item));
    }

    async adopt(boot) {
        const owner = { uid: boot.user.id, db: boot.user.db, name: boot.user.name };
        if (!this.owner || this.owner.uid !== owner.uid || this.owner.db !== owner.db) {
            // somebody else's copy (or none): it goes before this user's is kept
            await store.clearCache();
            for (const item of this.foreign.concat(this.items)) {
                if (item.status === "sent") {
                    await store.deleteItem(item.id);
                }
            }
        }
        await store.setMeta("owner", owner);
        await store.saveCache("boot", boot);
        this.owner = owner;
        this.boot = boot;
        this.signedOut = false;
        document.documentElement.lang = browserLang(boot.user.lang);
        await this.loadItems();
        // the versions in Odoo of what was sent from here: an edit of a record changed
        // there since will be a conflict, said before typing it
        for (const item of this.items) {
            const body = item.body;
            if (!body || !body.serverId) {
                continue;
            }
            const versions = (boot.versions || {})[item.kind];
            if (!versions) {
                continue;
            }
            const version = versions[String(body.serverId)];
            const gone = version === undefined;
            if (body.gone !== gone || (!gone && body.serverVersion !== version)) {
                body.gone = gone;
                body.serverVersion = gone ? body.serverVersion : version;
                await store.saveItem(item);
            }
        }
    }

    async loadDraft(key) {
        try {
            return await store.loadCache(key);
        } catch {
            return null;
        }
    }

    saveDraft(key, values) {
        // a draft typed while the copy is being removed (sign out) is not kept
        return store.saveCache(key, values).catch(() => null);
    }

    dropDraft(key) {
        return store.dropCache(key);
    }

    // ------------------------------------------------------------ synchronisation

    refresh({ copy = false } = {}) {
        if (this.signingOut) {
            return Promise.resolve();
        }
        if (!this.refreshing) {
            this.refreshing = this.doRefresh(copy).finally(() => {
                this.refreshing = null;
                this.renderChrome();
                this.renderList();
            });
        }
        return this.refreshing;
    }

    async doRefresh(copy) {
        if (!navigator.onLine) {
            this.reachable = false;
            return;
        }
        try {
            if (copy || this.session !== "ok" || !this.copiedAt || Date.now() - this.copiedAt > COPY_MS) {
                const known = {};
                for (const item of this.items) {
                    if (item.body && item.body.serverId) {
                        (known[item.kind] = known[item.kind] || []).push(item.body.serverId);
                    }
                }
                const boot = await rpc(`${ROOT}bootstrap`, { known });
                this.reachable = true;
                this.session = "ok";
                this.copiedAt = Date.now();
                await this.adopt(boot);
                if (!this.form) {
                    this.route();
                }
            }
            await this.flush();
        } catch (error) {
            this.failed(error);
        }
    }

    failed(error) {
        if (!(error instanceof ApiError)) {
            this.notify(String(error && error.message ? error.message : error), "danger");
            return;
        }
        if (error.kind === "offline") {
            this.reachable = false;
        } else if (error.kind === "session") {
            this.reachable = true;
            this.session = "expired";
        } else if (error.kind === "access") {
            this.session = "denied";
            this.denied = error.message;
        } else {
            this.notify(this.boot ? this.t("server_error", { message: error.message }) : error.message, "danger");
        }
    }

    async flush() {
        if (!this.owner || this.session !== "ok") {
            return;
        }
        const run = async () => {
            this.syncing = true;
            this.renderChrome();
            try {
                await this.loadItems();
                const queue = this.items.filter((item) => item.status === "pending" && item.body);
                while (queue.length) {
                    const batch = [];
                    let size = 0;
                    while (queue.length && batch.length < (this.boot.limits.batch || 10)) {
                        const wire = this.toWire(queue[0]);
                        const length = JSON.stringify(wire).length;
                        if (batch.length && size + length > MAX_REQUEST_CHARS) {
                            break;
                        }
                        batch.push([queue.shift(), wire]);
                        size += length;
                    }
                    for (const [item] of batch) {
                        item.body.attempts = (item.body.attempts || 0) + 1;
                        await store.saveItem(item);
                    }
                    const answer = await rpc(`${ROOT}sync`, {
                        records: batch.map(([, wire]) => wire),
                        sent_at: new Date().toISOString(),
                    });
                    for (const [index, [item]] of batch.entries()) {
                        await this.received(item, answer.results[index] || { status: "retry" });
                    }
                }
                this.lastSync = new Date().toISOString();
                await store.setMeta("lastSync", this.lastSync);
            } finally {
                this.syncing = false;
                await this.loadItems();
            }
        };
        if (navigator.locks) {
            // one tab at a time sends the outbox
            await navigator.locks.request("srm-field-sync", run);
        } else {
            await run();
        }
    }

    toWire(item) {
        const body = item.body;
        const wire = {
            op_id: body.opId,
            uuid: item.id,
            kind: item.kind,
            op: body.op,
            captured_at: body.capturedAt,
            offline: body.capturedOffline,
            values: WIRE[item.kind](body.values),
        };
        if (body.op === "update") {
            // only what the user changed: a change made in Odoo to another field is kept
            wire.id = body.serverId;
            wire.base_version = body.baseVersion;
            const keep = new Set([...(body.changedKeys || []), "photos"]);
            for (const key of Object.keys(wire.values)) {
                if (!keep.has(key)) {
                    delete wire.values[key];
                }
            }
        }
        return wire;
    }

    /** The keys of ``values`` that differ from ``base`` (the position counts as one). */
    changedKeys(values, base) {
        const keys = [];
        for (const key of Object.keys(values)) {
            if (key === "photos" || ["latitude", "longitude", "accuracy"].includes(key)) {
                continue;
            }
            if (JSON.stringify(values[key] ?? null) !== JSON.stringify((base || {})[key] ?? null)) {
                keys.push(key);
            }
        }
        if (["latitude", "longitude", "accuracy"].some((k) => (values[k] ?? null) !== ((base || {})[k] ?? null))) {
            keys.push("latitude", "longitude", "accuracy");
        }
        return keys;
    }

    async received(item, result) {
        const body = item.body;
        body.message = result.message || null;
        if (["created", "updated", "duplicate"].includes(result.status)) {
            item.status = "sent";
            body.serverId = result.id;
            body.version = body.serverVersion = result.version;
            body.sentAt = new Date().toISOString();
            body.conflict = null;
            body.attempts = 0;
            body.gone = false;
            body.photoCount = (body.photoCount || 0) + (body.values.photos || []).length;
            body.values.photos = [];
            body.baseValues = structuredClone(body.values);
            body.changedKeys = [];
        } else if (result.status === "conflict") {
            item.status = "conflict";
            body.conflict = result.server;
            body.attempts = 0;
        } else if (result.status === "retry") {
            item.status = "pending";
        } else {
            // refused: nothing was saved in Odoo, the record can be corrected and sent again
            item.status = "error";
            body.attempts = 0;
            body.message = result.message || this.t("refused");
        }
        await store.saveItem(item);
    }

    // ------------------------------------------------------------ records

    async saveRecord(kind, values, item) {
        const now = new Date().toISOString();
        if (item) {
            const body = item.body;
            if (body.op === "update" || item.status === "sent") {
                const changed = this.changedKeys(values, body.baseValues);
                if (!changed.length && !(values.photos || []).length) {
                    // nothing changed: nothing to send
                    if (item.status === "sent") {
                        this.form = null;
                        this.go("#outbox");
                        return;
                    }
                }
                body.changedKeys = changed;
            }
            if (item.status === "sent") {
                body.op = "update";
                body.baseVersion = body.version;
            }
            if (body.op === "update" || body.attempts) {
                body.opId = uuid();
            }
            body.values = values;
            body.message = null;
            body.conflict = null;
            body.editedAt = now;
            item.status = "pending";
        } else {
            const id = uuid();
            item = {
                id,
                owner: this.owner.uid,
                db: this.owner.db,
                kind,
                status: "pending",
                createdAt: now,
                body: {
                    opId: id,
                    op: "create",
                    values,
                    capturedAt: now,
                    capturedOffline: !navigator.onLine || !this.reachable,
                    ownerName: this.owner.name,
                    attempts: 0,
                },
            };
        }
        await store.saveItem(item);
        await this.loadItems();
        this.notify(navigator.onLine ? this.t("saved_sending") : this.t("saved_offline"), "success");
        this.form = null;
        this.go("#outbox");
        this.refresh();
    }

    editable(item) {
        if (!item.body || item.body.gone) {
            return false;
        }
        if (item.status === "sent") {
            return item.kind === "engagement";
        }
        return item.status === "error" || (item.status === "pending" && !item.body.attempts);
    }

    async discard(item) {
        const question = item.status === "sent" ? this.t("remove_sent_confirm") : this.t("discard_confirm");
        if (!window.confirm(question)) {
            return;
        }
        await store.deleteItem(item.id);
        await this.loadItems();
        this.render();
    }

    async keepServerVersion(item) {
        const body = item.body;
        const server = body.conflict.values;
        const names = Object.assign({}, body.names);
        for (const [id, name] of server.stakeholders || []) {
            names[id] = name;
        }
        body.names = names;
        body.values = Object.assign({}, body.values, {
            name: server.name,
            project_id: server.project_id ? server.project_id[0] : false,
            engagement_type_id: server.engagement_type_id[0],
            date: server.date,
            direction: server.direction,
            summary: server.summary,
            outcome: server.outcome,
            location: server.location,
            topic_ids: server.topic_ids.map(([id]) => id),
            stakeholders: server.stakeholders.map(([id]) => ({ id })),
            photos: [],
        });
        body.version = body.serverVersion = body.conflict.version;
        body.baseValues = structuredClone(body.values);
        body.changedKeys = [];
        body.conflict = null;
        body.message = null;
        item.status = "sent";
        await store.saveItem(item);
        await this.loadItems();
        this.render();
    }

    async sendMine(item) {
        const body = item.body;
        body.baseVersion = body.conflict.version;
        body.opId = uuid();
        body.conflict = null;
        body.message = null;
        item.status = "pending";
        await store.saveItem(item);
        await this.loadItems();
        this.render();
        this.refresh();
    }

    async signOut() {
        const unsent = this.items.filter((item) => item.status !== "sent").length;
        const question = unsent ? this.t("sign_out_unsent", { count: unsent }) : this.t("sign_out_confirm");
        if (!window.confirm(question)) {
            return;
        }
        // no synchronisation may write to the phone once its copy is removed
        this.signingOut = true;
        await this.idle();
        await store.wipeAll();
        this.boot = null;
        this.items = [];
        if (navigator.onLine) {
            window.location.assign(`/web/session/logout?redirect=${encodeURIComponent(signInUrl())}`);
        } else {
            fill(this.header);
            fill(this.nav);
            fill(this.banners);
            fill(this.main, h("p", { class: "srm-empty" }, this.page.signedOut));
        }
    }

    async discardForeign() {
        if (!window.confirm(this.t("discard_confirm"))) {
            return;
        }
        for (const item of this.foreign) {
            await store.deleteItem(item.id);
        }
        await this.loadItems();
        this.render();
    }

    // ------------------------------------------------------------ messages and navigation

    notify(text, type = "info") {
        const message = { text, type };
        this.messages.push(message);
        this.renderChrome();
        setTimeout(() => {
            this.messages = this.messages.filter((m) => m !== message);
            this.renderChrome();
        }, 6000);
    }

    go(hash) {
        if (window.location.hash === hash) {
            this.route();
        } else {
            window.location.hash = hash;
        }
    }

    route() {
        this.menuOpen = false;
        this.form = null;
        this.render();
    }

    get view() {
        const hash = window.location.hash.replace(/^#/, "") || "today";
        const [name, arg] = hash.split("/");
        return { name, arg };
    }

    render() {
        this.renderChrome();
        this.renderMain();
    }

    renderChrome() {
        if (!this.header) {
            return;
        }
        this.renderHeader();
        this.renderBanners();
        this.renderNav();
    }

    renderList() {
        if (!this.form && ["today", "outbox", "stakeholders", "stakeholder"].includes(this.view.name)) {
            this.renderMain();
        }
    }

    unsentCount() {
        return this.items.filter((item) => item.status !== "sent").length;
    }

    renderHeader() {
        if (!this.boot) {
            fill(this.header, h("h1", {}, this.page.appName));
            return;
        }
        const online = navigator.onLine && this.reachable;
        const status = this.syncing
            ? h("span", { class: "srm-status srm-status-sync", dataset: { status: "syncing" } }, this.t("sending"))
            : h(
                  "span",
                  { class: `srm-status ${online ? "srm-status-on" : "srm-status-off"}`, dataset: { status: online ? "online" : "offline" } },
                  online ? this.t("online") : this.t("offline")
              );
        const menu = this.menuOpen
            ? h(
                  "div",
                  { class: "srm-menu" },
                  h("p", { class: "srm-muted" }, this.boot.user.name),
                  h("p", { class: "srm-muted" }, this.lastSync ? this.t("last_sync", { date: formatDateTime(this.lastSync, this.lang) }) : this.t("never_synced")),
                  h("button", { type: "button", class: "srm-btn", onclick: () => this.refresh({ copy: true }) }, this.t("refresh")),
                  h("a", { class: "srm-btn", href: "/odoo" }, this.t("open_odoo")),
                  h("button", { type: "button", class: "srm-btn srm-btn-danger", dataset: { action: "sign-out" }, onclick: () => this.signOut() }, this.t("sign_out"))
              )
            : null;
        fill(
            this.header,
            h("h1", {}, this.t("app_name")),
            status,
            h(
                "button",
                {
                    type: "button",
                    class: "srm-btn srm-btn-icon",
                    "aria-label": this.t("menu"),
                    "aria-expanded": this.menuOpen ? "true" : "false",
                    dataset: { action: "menu" },
                    onclick: () => {
                        this.menuOpen = !this.menuOpen;
                        this.renderHeader();
                    },
                },
                "⋮"
            ),
            menu
        );
    }

    renderBanners() {
        const banners = [];
        const banner = (type, ...content) => h("div", { class: `srm-banner srm-banner-${type}` }, ...content);
        if (this.boot) {
            if (!store.canEncrypt) {
                banners.push(banner("warning", this.t("no_encryption")));
            }
            if (!("serviceWorker" in navigator) || !globalThis.isSecureContext) {
                banners.push(banner("warning", this.t("no_offline")));
            }
        }
        if (this.session === "expired") {
            banners.push(
                banner(
                    "warning",
                    this.boot ? this.t("session_expired", { count: this.unsentCount() }) : this.page.sessionExpired,
                    " ",
                    h("a", { href: signInUrl(), class: "srm-btn srm-btn-primary", dataset: { action: "sign-in" } }, this.boot ? this.t("sign_in") : this.page.signIn)
                )
            );
        }
        if (this.session === "denied") {
            banners.push(banner("danger", this.denied));
        }
        const foreign = this.foreign.filter((item) => item.status !== "sent");
        if (foreign.length && this.boot) {
            const name = (foreign[0].body && foreign[0].body.ownerName) || "?";
            banners.push(
                banner(
                    "warning",
                    this.t("foreign_unsent", { count: foreign.length, name }),
                    " ",
                    h("button", { type: "button", class: "srm-btn", onclick: () => this.discardForeign() }, this.t("discard"))
                )
            );
        }
        if (this.updateReady) {
            banners.push(
                banner(
                    "info",
                    this.t("update_ready"),
                    " ",
                    h("button", { type: "button", class: "srm-btn", onclick: () => window.location.reload() }, this.t("reload"))
                )
            );
        }
        for (const message of this.messages) {
            banners.push(banner(message.type, message.text));
        }
        fill(this.banners, banners);
    }

    renderNav() {
        if (!this.boot) {
            fill(this.nav);
            return;
        }
        const current = this.view.name;
        const tab = (hash, label, badge = 0) =>
            h(
                "a",
                { href: `#${hash}`, class: `srm-tab ${current === hash ? "srm-tab-active" : ""}`, dataset: { tab: hash } },
                label,
                badge ? h("span", { class: "srm-count", dataset: { count: String(badge) } }, String(badge)) : null
            );
        fill(
            this.nav,
            tab("today", this.t("tab_today")),
            tab("engagement", this.t("tab_engagement")),
            this.boot.features.grievance ? tab("grievance", this.t("tab_grievance")) : null,
            tab("stakeholders", this.t("tab_stakeholders")),
            tab("outbox", this.t("tab_outbox"), this.unsentCount())
        );
    }

    async renderMain() {
        if (!this.boot) {
            this.renderWelcome();
            return;
        }
        const { name, arg } = this.view;
        if (name === "engagement" || (name === "grievance" && this.boot.features.grievance)) {
            await this.openForm(name, null, this.pendingPrefill);
            this.pendingPrefill = null;
        } else if (name === "edit") {
            const item = this.items.find((i) => i.id === arg);
            if (item && this.editable(item)) {
                await this.openForm(item.kind, item);
            } else {
                this.go("#outbox");
            }
        } else if (name === "stakeholders") {
            this.renderStakeholders();
        } else if (name === "stakeholder") {
            this.renderStakeholder(Number(arg));
        } else if (name === "outbox") {
            this.renderOutbox();
        } else {
            this.renderToday();
        }
    }

    renderWelcome() {
        let text = this.page.loading;
        let link = null;
        if (this.signedOut || this.session === "expired" || this.session === "denied") {
            text = this.signedOut ? this.page.signedOut : this.session === "denied" ? this.denied : this.page.sessionExpired;
            link = this.session === "denied" ? null : h("a", { href: signInUrl(), class: "srm-btn srm-btn-primary" }, this.page.signIn);
        } else if (!navigator.onLine || !this.reachable) {
            text = this.page.firstOnline;
        }
        fill(this.main, h("div", { class: "srm-empty" }, h("p", {}, text), link));
    }

    async openForm(kind, item, prefill = null) {
        const Form = FORMS[kind];
        const form = new Form(this, { item, prefill });
        this.form = form;
        const el = await form.open();
        if (this.form === form) {
            fill(this.main, el);
            window.scrollTo(0, 0);
        }
    }

    startForm(kind, stakeholderId) {
        this.pendingPrefill = { stakeholderId, fresh: false };
        this.go(`#${kind}`);
    }

    // ------------------------------------------------------------ views

    renderToday() {
        const today = toLocalInput(new Date()).slice(0, 10);
        const activities = this.boot.activities;
        const unsent = this.unsentCount();
        fill(
            this.main,
            h("h2", {}, this.t("hello", { name: this.boot.user.name })),
            unsent
                ? h(
                      "div",
                      { class: "srm-card" },
                      h("p", {}, this.t("unsent_count", { count: unsent })),
                      h("a", { href: "#outbox", class: "srm-btn" }, this.t("tab_outbox"))
                  )
                : null,
            h(
                "div",
                { class: "srm-actions" },
                h("a", { href: "#engagement", class: "srm-btn srm-btn-primary" }, this.t("log_engagement")),
                this.boot.features.grievance
                    ? h("a", { href: "#grievance", class: "srm-btn srm-btn-primary" }, this.t("register_grievance"))
                    : null
            ),
            h("h3", {}, this.t("activities")),
            activities.length
                ? h(
                      "ul",
                      { class: "srm-list" },
                      activities.map((activity) =>
                          h(
                              "li",
                              { class: "srm-card" },
                              h(
                                  "div",
                                  { class: "srm-row" },
                                  h("strong", {}, activity.summary),
                                  h(
                                      "span",
                                      { class: `srm-badge ${activity.date_deadline < today ? "srm-badge-danger" : ""}` },
                                      activity.date_deadline < today
                                          ? this.t("late_since", { date: formatDate(activity.date_deadline, this.lang) })
                                          : formatDate(activity.date_deadline, this.lang)
                                  )
                              ),
                              h("div", { class: "srm-muted" }, [activity.model, activity.res_name].filter(Boolean).join(" · ")),
                              activity.note ? h("p", { class: "srm-note" }, activity.note) : null
                          )
                      )
                  )
                : h("p", { class: "srm-muted" }, this.t("no_activity")),
            h("h3", {}, this.t("meetings")),
            this.boot.events.length
                ? h(
                      "ul",
                      { class: "srm-list" },
                      this.boot.events.map((event) =>
                          h(
                              "li",
                              { class: "srm-card" },
                              h("strong", {}, event.name),
                              h("div", { class: "srm-muted" }, [formatDateTime(event.start, this.lang), event.location].filter(Boolean).join(" · "))
                          )
                      )
                  )
                : h("p", { class: "srm-muted" }, this.t("no_meeting"))
        );
    }

    renderStakeholders() {
        const projects = this.boot.projects;
        let query = this.stakeholderQuery || "";
        let projectId = this.stakeholderProject || 0;
        const list = h("ul", { class: "srm-list" });
        const show = () => {
            const folded = fold(query.trim());
            const found = this.boot.stakeholders.filter(
                (s) =>
                    (!projectId || s.project_ids.includes(projectId)) &&
                    (!folded || fold(`${s.name} ${s.city} ${s.type} ${s.phone}`).includes(folded))
            );
            fill(
                list,
                found.slice(0, 200).map((s) =>
                    h(
                        "li",
                        {},
                        h(
                            "a",
                            { href: `#stakeholder/${s.id}`, class: "srm-item-button", dataset: { stakeholder: String(s.id) } },
                            h("strong", {}, s.name),
                            h("span", { class: "srm-muted" }, [s.type, s.city].filter(Boolean).join(" · ")),
                            s.do_not_contact ? h("span", { class: "srm-badge srm-badge-warning" }, this.t("do_not_contact")) : null
                        )
                    )
                ),
                found.length ? null : h("li", { class: "srm-muted" }, this.t("no_stakeholder"))
            );
        };
        show();
        fill(
            this.main,
            h("h2", {}, this.t("stakeholders")),
            h("p", { class: "srm-muted" }, this.t("stakeholders_help", { count: this.boot.stakeholders.length })),
            h("input", {
                class: "srm-input",
                type: "search",
                value: query,
                placeholder: this.t("search_stakeholders"),
                "aria-label": this.t("search_stakeholders"),
                oninput: (ev) => {
                    query = this.stakeholderQuery = ev.target.value;
                    show();
                },
            }),
            projects.length > 1
                ? h(
                      "select",
                      {
                          class: "srm-input",
                          "aria-label": this.t("project"),
                          onchange: (ev) => {
                              projectId = this.stakeholderProject = Number(ev.target.value);
                              show();
                          },
                      },
                      h("option", { value: "0" }, this.t("all_my_projects")),
                      projects.map((p) => h("option", { value: String(p.id), selected: p.id === projectId }, p.name))
                  )
                : null,
            list
        );
    }

    renderStakeholder(id) {
        const s = this.stakeholder(id);
        if (!s) {
            this.go("#stakeholders");
            return;
        }
        const projects = this.boot.projects.filter((p) => s.project_ids.includes(p.id)).map((p) => p.name);
        fill(
            this.main,
            h("a", { href: "#stakeholders", class: "srm-btn srm-btn-link" }, `← ${this.t("stakeholders")}`),
            h("h2", {}, s.name),
            s.do_not_contact ? h("p", { class: "srm-banner srm-banner-warning" }, this.t("do_not_contact_help")) : null,
            h(
                "dl",
                { class: "srm-details" },
                s.type ? [h("dt", {}, this.t("type")), h("dd", {}, s.type)] : null,
                s.city ? [h("dt", {}, this.t("city")), h("dd", {}, s.city)] : null,
                s.phone ? [h("dt", {}, this.t("phone")), h("dd", {}, h("a", { href: `tel:${s.phone.replace(/[^\d+]/g, "")}` }, s.phone))] : null,
                [h("dt", {}, this.t("last_engagement")), h("dd", {}, s.last_engagement ? formatDateTime(s.last_engagement, this.lang) : this.t("never"))],
                projects.length ? [h("dt", {}, this.t("projects")), h("dd", {}, projects.join(", "))] : null
            ),
            h(
                "div",
                { class: "srm-actions" },
                h("button", { type: "button", class: "srm-btn srm-btn-primary", onclick: () => this.startForm("engagement", s.id) }, this.t("log_engagement")),
                this.boot.features.grievance
                    ? h("button", { type: "button", class: "srm-btn", onclick: () => this.startForm("grievance", s.id) }, this.t("register_grievance"))
                    : null
            )
        );
    }

    statusLabel(item) {
        const labels = {
            pending: item.body && item.body.attempts ? this.t("status_sending") : this.t("status_pending"),
            sent: this.t("status_sent"),
            error: this.t("status_error"),
            conflict: this.t("status_conflict"),
        };
        return labels[item.status] || item.status;
    }

    itemCard(item) {
        const body = item.body;
        if (!body) {
            return h(
                "li",
                { class: "srm-card srm-card-error" },
                h("p", {}, this.t("unreadable")),
                h("button", { type: "button", class: "srm-btn", onclick: () => this.discard(item) }, this.t("discard"))
            );
        }
        const values = body.values || {};
        const date = item.kind === "grievance" ? values.date_received : values.date;
        const kindLabel = item.kind === "grievance" ? this.t("kind_grievance") : this.t("kind_engagement");
        const actions = [];
        if (this.editable(item)) {
            actions.push(h("a", { href: `#edit/${item.id}`, class: "srm-btn", dataset: { action: "edit" } }, this.t("edit")));
        }
        if (item.status === "conflict") {
            actions.push(
                h("button", { type: "button", class: "srm-btn", dataset: { action: "keep-server" }, onclick: () => this.keepServerVersion(item) }, this.t("keep_odoo_version")),
                h("button", { type: "button", class: "srm-btn srm-btn-primary", dataset: { action: "send-mine" }, onclick: () => this.sendMine(item) }, this.t("send_mine"))
            );
        }
        if (item.status !== "pending" || !body.attempts) {
            actions.push(
                h(
                    "button",
                    { type: "button", class: "srm-btn srm-btn-link", dataset: { action: "discard" }, onclick: () => this.discard(item) },
                    item.status === "sent" ? this.t("remove_from_phone") : this.t("discard")
                )
            );
        }
        return h(
            "li",
            { class: `srm-card srm-card-${item.status}`, dataset: { item: item.id, kind: item.kind, status: item.status } },
            h(
                "div",
                { class: "srm-row" },
                h("span", { class: "srm-badge" }, kindLabel),
                h("strong", {}, values.name || ""),
                h("span", { class: `srm-badge srm-badge-${item.status}` }, this.statusLabel(item))
            ),
            h(
                "div",
                { class: "srm-muted" },
                [formatDateTime(date, this.lang), body.capturedOffline ? this.t("captured_offline") : null].filter(Boolean).join(" · ")
            ),
            body.gone ? h("p", { class: "srm-muted" }, this.t("gone")) : null,
            item.status === "sent" && body.serverVersion && body.serverVersion !== body.version
                ? h("p", { class: "srm-muted" }, this.t("changed_in_odoo_since"))
                : null,
            body.message && !body.conflict ? h("p", { class: "srm-message" }, body.message) : null,
            body.conflict ? this.conflictTable(item) : null,
            actions.length ? h("div", { class: "srm-actions" }, actions) : null
        );
    }

    conflictTable(item) {
        const server = item.body.conflict;
        const mine = item.body.values;
        const theirs = server.values;
        const names = (pairs) => pairs.map(([, name]) => name).join(", ");
        const stakeholderNames = (entries) => entries.map((e) => (e.new ? e.new.name : (this.stakeholder(e.id) || {}).name || `#${e.id}`)).join(", ");
        const typeName = (id) => (this.boot.engagement_types.find((t) => t.id === id) || {}).name || "";
        const topicNames = (ids) => ids.map((id) => (this.boot.topics.find((t) => t.id === id) || {}).name || `#${id}`).join(", ");
        const directionName = (key) => (this.boot.directions.find((d) => d.id === key) || {}).name || key;
        // the fields the user changed, where their version and Odoo's differ: those that
        // "send mine anyway" would overwrite (the others keep Odoo's version)
        const changed = new Set(item.body.changedKeys || []);
        const rows = [
            ["name", this.t("subject"), theirs.name, mine.name],
            ["engagement_type_id", this.t("type"), theirs.engagement_type_id[1], typeName(mine.engagement_type_id)],
            ["date", this.t("date"), formatDateTime(theirs.date, this.lang), formatDateTime(mine.date, this.lang)],
            ["direction", this.t("direction"), directionName(theirs.direction), directionName(mine.direction)],
            ["stakeholders", this.t("stakeholders"), names(theirs.stakeholders), stakeholderNames(mine.stakeholders || [])],
            ["topic_ids", this.t("topics"), names(theirs.topic_ids), topicNames(mine.topic_ids || [])],
            ["summary", this.t("notes"), theirs.summary, mine.summary || ""],
            ["outcome", this.t("outcome"), theirs.outcome, mine.outcome || ""],
            ["location", this.t("place"), theirs.location, mine.location || ""],
        ]
            .filter(([key, , a, b]) => (!changed.size || changed.has(key)) && (a || "") !== (b || ""))
            .map(([, label, a, b]) => [label, a, b]);
        return h(
            "div",
            { class: "srm-conflict" },
            h("p", {}, this.t("conflict_by", { user: server.write_uid, date: formatDateTime(server.write_date, this.lang) })),
            h(
                "table",
                {},
                h("thead", {}, h("tr", {}, h("th", {}, ""), h("th", {}, this.t("in_odoo")), h("th", {}, this.t("yours")))),
                h(
                    "tbody",
                    {},
                    rows.map(([label, a, b]) => h("tr", {}, h("th", {}, label), h("td", {}, a || "—"), h("td", {}, b || "—")))
                )
            )
        );
    }

    renderOutbox() {
        const attention = this.items.filter((i) => ["error", "conflict"].includes(i.status));
        const waiting = this.items.filter((i) => i.status === "pending");
        const sent = this.items.filter((i) => i.status === "sent").reverse();
        const section = (title, items, empty) =>
            h(
                "section",
                {},
                h("h3", {}, title),
                items.length ? h("ul", { class: "srm-list" }, items.map((item) => this.itemCard(item))) : h("p", { class: "srm-muted" }, empty)
            );
        fill(
            this.main,
            h("h2", {}, this.t("tab_outbox")),
            h(
                "div",
                { class: "srm-actions" },
                h(
                    "button",
                    { type: "button", class: "srm-btn srm-btn-primary", dataset: { action: "send-now" }, disabled: this.syncing, onclick: () => this.refresh() },
                    this.t("send_now")
                )
            ),
            attention.length ? section(this.t("needs_attention"), attention, "") : null,
            section(this.t("waiting"), waiting, this.t("nothing_waiting")),
            section(this.t("sent_recently", { days: SENT_DAYS }), sent, this.t("nothing_sent"))
        );
    }
}

const root = document.getElementById("srm-field-app");
if (root) {
    const app = new FieldApp(root);
    window.srmField = app;
    app.start();
}
