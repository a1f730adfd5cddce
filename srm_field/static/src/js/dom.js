/* Copyright 2026 SRM Suite Contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */

// Elements are built with the DOM API only: every text (typed by the user or read from the
// server) is set as text, never parsed as HTML.

const PROPERTIES = new Set(["value", "checked", "selected", "disabled", "multiple", "required", "hidden"]);

/**
 * h("button", {class: "btn", onclick: fn, dataset: {action: "save"}}, "Save")
 */
export function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
        if (value === undefined || value === null || value === false) {
            continue;
        }
        if (key.startsWith("on") && typeof value === "function") {
            el.addEventListener(key.slice(2).toLowerCase(), value);
        } else if (key === "class") {
            el.className = value;
        } else if (key === "dataset") {
            Object.assign(el.dataset, value);
        } else if (PROPERTIES.has(key)) {
            el[key] = value;
        } else {
            el.setAttribute(key, value === true ? "" : String(value));
        }
    }
    append(el, children);
    return el;
}

function append(el, children) {
    for (const child of children) {
        if (Array.isArray(child)) {
            append(el, child);
        } else if (child !== null && child !== undefined && child !== false) {
            el.append(child instanceof Node ? child : document.createTextNode(String(child)));
        }
    }
}

/** Replace the content of ``el`` with ``children``. */
export function fill(el, ...children) {
    el.replaceChildren();
    append(el, children);
    return el;
}

/** ``text`` with each ``{name}`` replaced by ``params[name]``. */
export function format(text, params = {}) {
    return String(text).replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

export function browserLang(lang) {
    return (lang || "en_US").replace("_", "-");
}

export function formatDateTime(iso, lang) {
    if (!iso) {
        return "";
    }
    const date = new Date(iso);
    if (isNaN(date)) {
        return "";
    }
    return new Intl.DateTimeFormat(browserLang(lang), { dateStyle: "medium", timeStyle: "short" }).format(date);
}

export function formatDate(isoDate, lang) {
    if (!isoDate) {
        return "";
    }
    const [year, month, day] = isoDate.split("-").map(Number);
    return new Intl.DateTimeFormat(browserLang(lang), { dateStyle: "medium" }).format(
        new Date(year, month - 1, day)
    );
}

/** The value of an <input type="datetime-local"> for a Date, in the phone's time zone. */
export function toLocalInput(date) {
    const pad = (n) => String(n).padStart(2, "0");
    return (
        `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
        `T${pad(date.getHours())}:${pad(date.getMinutes())}`
    );
}

/** An ISO string (UTC) from an <input type="datetime-local"> value, or "" when invalid. */
export function fromLocalInput(value) {
    const date = value ? new Date(value) : null;
    return date && !isNaN(date) ? date.toISOString() : "";
}

export function uuid() {
    if (crypto.randomUUID) {
        return crypto.randomUUID();
    }
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Case- and accent-insensitive form of a text, for searching. */
export function fold(text) {
    return String(text || "")
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase();
}
