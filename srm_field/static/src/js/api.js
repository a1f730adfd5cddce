/* Copyright 2026 SRM Suite Contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */

// Calls of the server's JSON routes (Odoo's JSON-RPC: a JSON body, which a page of another
// site cannot send without the server's consent).

export class ApiError extends Error {
    /**
     * @param {"offline"|"session"|"access"|"server"} kind offline: no network (try again later);
     *   session: the user must sign in again; access: the user may not use the app;
     *   server: the server refused or failed
     */
    constructor(kind, message) {
        super(message || kind);
        this.kind = kind;
    }
}

const SESSION_ERRORS = ["odoo.http.SessionExpiredException", "werkzeug.exceptions.Unauthorized"];

export async function rpc(url, params, { timeout = 90000 } = {}) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeout);
    let response;
    try {
        response = await fetch(url, {
            method: "POST",
            credentials: "same-origin",
            cache: "no-store",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ jsonrpc: "2.0", method: "call", params, id: Date.now() }),
            signal: controller.signal,
        });
    } catch (error) {
        throw new ApiError("offline", error.message);
    } finally {
        clearTimeout(timer);
    }
    if (response.redirected && new URL(response.url).pathname.startsWith("/web/login")) {
        throw new ApiError("session");
    }
    if (!response.ok) {
        throw new ApiError("server", `HTTP ${response.status}`);
    }
    let body;
    try {
        body = await response.json();
    } catch {
        // a captive portal (hotel, mobile operator) answering instead of the server
        throw new ApiError("offline", "not a JSON answer");
    }
    if (body.error) {
        const data = body.error.data || {};
        if (body.error.code === 100 || SESSION_ERRORS.includes(data.name)) {
            throw new ApiError("session", data.message);
        }
        if (data.name === "odoo.exceptions.AccessError") {
            throw new ApiError("access", data.message);
        }
        throw new ApiError("server", data.message || body.error.message);
    }
    return body.result;
}
