/* Copyright 2026 SRM Suite Contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */

// Helpers the browser tests of the field app run in its page (see tests/test_field_app_offline.py):
// they use the app as a person does, through its page.

window.srmFieldDriver = (() => {
    const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

    async function waitFor(check, what, timeout = 20000) {
        const start = Date.now();
        for (;;) {
            const result = typeof check === "string" ? document.querySelector(check) : check();
            if (result) {
                return result;
            }
            if (Date.now() - start > timeout) {
                throw new Error(`Timed out waiting for ${what || check}`);
            }
            await sleep(50);
        }
    }

    async function setField(name, value) {
        const el = await waitFor(`[data-field="${name}"]`);
        el.value = value;
        el.dispatchEvent(new Event("input", { bubbles: true }));
        el.dispatchEvent(new Event("change", { bubbles: true }));
    }

    async function check(name, value) {
        const el = await waitFor(`[data-field="${name}"]${value ? `[value="${value}"]` : ""}`);
        if (!el.checked) {
            el.click();
        }
    }

    async function click(selector) {
        (await waitFor(selector)).click();
    }

    async function pick(picker, name, id) {
        await setField(`${picker}-search`, name);
        await click(`[data-action="pick"][data-picker="${picker}"][data-id="${id}"]`);
    }

    async function open(hash) {
        window.location.hash = hash;
        await waitFor(`form[data-form="${hash.slice(1)}"]`);
    }

    async function save() {
        const before = window.srmField.items.length;
        await click('[data-action="save"]');
        await waitFor(() => window.location.hash === "#outbox" && window.srmField.items.length > before, "the record in the outbox");
    }

    function outbox() {
        return window.srmField.items.map((item) => ({
            id: item.id,
            kind: item.kind,
            status: item.status,
            name: item.body.values.name,
            offline: item.body.capturedOffline,
            message: item.body.message,
        }));
    }

    /** The rows of a store of the app's IndexedDB, as kept on the phone. */
    async function rawStore(name) {
        const db = await new Promise((resolve, reject) => {
            const request = indexedDB.open("srm-field");
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
        });
        try {
            return await new Promise((resolve, reject) => {
                const request = db.transaction(name).objectStore(name).getAll();
                request.onsuccess = () => resolve(request.result);
                request.onerror = () => reject(request.error);
            });
        } finally {
            db.close();
        }
    }

    return { sleep, waitFor, setField, check, click, pick, open, save, outbox, rawStore };
})();
