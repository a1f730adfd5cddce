/* Copyright 2026 SRM Suite Contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */

// What the app keeps on the phone, in IndexedDB:
//   keys    the AES-GCM key (a non-extractable CryptoKey: scripts can use it, nobody can read it)
//   meta    plain bookkeeping: whose copy it is (user id and database), last synchronisation
//   cache   the copy of the user's projects (stakeholders, activities...) and form drafts
//   outbox  the records captured on the phone, until sent and for some days after
// Every value of cache and outbox is encrypted with the key when the browser can (WebCrypto in
// a secure context); otherwise it is stored as is and the app says so.

const DB_NAME = "srm-field";
const DB_VERSION = 1;
const STORES = ["keys", "meta", "cache", "outbox"];

export const canEncrypt = Boolean(globalThis.isSecureContext && globalThis.crypto && crypto.subtle);

let dbPromise = null;
let keyPromise = null;
// set once the phone's copy is removed: nothing may create the database again in this page
let wiped = false;

function promised(request) {
    return new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
    });
}

function completed(transaction) {
    return new Promise((resolve, reject) => {
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
        transaction.onabort = () => reject(transaction.error || new Error("IndexedDB transaction aborted"));
    });
}

function openDb() {
    if (wiped) {
        return Promise.reject(new Error("The field app's data was removed from this phone."));
    }
    if (!dbPromise) {
        dbPromise = new Promise((resolve, reject) => {
            const request = indexedDB.open(DB_NAME, DB_VERSION);
            request.onupgradeneeded = () => {
                for (const name of STORES) {
                    if (!request.result.objectStoreNames.contains(name)) {
                        request.result.createObjectStore(name, { keyPath: "id" });
                    }
                }
            };
            request.onsuccess = () => {
                const db = request.result;
                // another tab deletes the database (sign out): let it
                db.onversionchange = () => {
                    db.close();
                    dbPromise = null;
                    keyPromise = null;
                };
                resolve(db);
            };
            request.onerror = () => {
                dbPromise = null;
                reject(request.error);
            };
        });
    }
    return dbPromise;
}

async function get(store, id) {
    const db = await openDb();
    return promised(db.transaction(store).objectStore(store).get(id));
}

async function getAll(store) {
    const db = await openDb();
    return promised(db.transaction(store).objectStore(store).getAll());
}

async function put(store, value) {
    const db = await openDb();
    const transaction = db.transaction(store, "readwrite");
    transaction.objectStore(store).put(value);
    return completed(transaction);
}

async function remove(store, id) {
    const db = await openDb();
    const transaction = db.transaction(store, "readwrite");
    transaction.objectStore(store).delete(id);
    return completed(transaction);
}

async function clear(store) {
    const db = await openDb();
    const transaction = db.transaction(store, "readwrite");
    transaction.objectStore(store).clear();
    return completed(transaction);
}

// ---------------------------------------------------------------- encryption

async function loadKey() {
    const stored = await get("keys", "main");
    if (stored) {
        return stored.key;
    }
    const key = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
    const db = await openDb();
    const transaction = db.transaction("keys", "readwrite");
    // add, not put: when two tabs create a key at once, the first one stored is kept
    transaction.objectStore("keys").add({ id: "main", key });
    try {
        await completed(transaction);
        return key;
    } catch {
        return (await get("keys", "main")).key;
    }
}

function getKey() {
    if (!keyPromise) {
        keyPromise = loadKey().catch((error) => {
            keyPromise = null;
            throw error;
        });
    }
    return keyPromise;
}

async function seal(value) {
    const bytes = new TextEncoder().encode(JSON.stringify(value));
    if (!canEncrypt) {
        return { plain: bytes };
    }
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, await getKey(), bytes);
    return { iv, data };
}

async function unseal(sealed) {
    if (!sealed) {
        return null;
    }
    let bytes = sealed.plain;
    if (!bytes) {
        bytes = await crypto.subtle.decrypt({ name: "AES-GCM", iv: sealed.iv }, await getKey(), sealed.data);
    }
    return JSON.parse(new TextDecoder().decode(bytes));
}

// ---------------------------------------------------------------- meta (plain)

export async function getMeta(id) {
    const row = await get("meta", id);
    return row ? row.value : null;
}

export function setMeta(id, value) {
    return put("meta", { id, value });
}

// ---------------------------------------------------------------- cache (encrypted)

export async function loadCache(id) {
    const row = await get("cache", id);
    return row ? unseal(row.sealed) : null;
}

export async function saveCache(id, value) {
    return put("cache", { id, sealed: await seal(value) });
}

export function dropCache(id) {
    return remove("cache", id);
}

export function clearCache() {
    return clear("cache");
}

// ---------------------------------------------------------------- outbox

// An item: {id (the record's UUID), owner, db, kind, status, createdAt, body}; the body (what was
// captured, the server's answers) is encrypted, the rest says whose it is and what to do with it.

export async function loadItems() {
    const rows = await getAll("outbox");
    const items = [];
    for (const row of rows) {
        const { sealed, ...item } = row;
        try {
            item.body = await unseal(sealed);
        } catch {
            item.body = null; // unreadable (key lost): shown as such, can be discarded
        }
        items.push(item);
    }
    return items.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

export async function saveItem(item) {
    const { body, ...row } = item;
    row.sealed = await seal(body);
    return put("outbox", row);
}

export function deleteItem(id) {
    return remove("outbox", id);
}

/** Ask the browser not to evict the app's data when the phone runs out of space. */
export async function persist() {
    try {
        if (navigator.storage && navigator.storage.persist && !(await navigator.storage.persisted())) {
            await navigator.storage.persist();
        }
    } catch {
        // not offered by this browser
    }
}

/** Remove everything the app keeps on the phone: the database, the key, the cached files. */
export async function wipeAll() {
    wiped = true;
    if (dbPromise) {
        try {
            (await dbPromise).close();
        } catch {
            // never opened
        }
    }
    dbPromise = null;
    keyPromise = null;
    await new Promise((resolve) => {
        const request = indexedDB.deleteDatabase(DB_NAME);
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
    if (globalThis.caches) {
        for (const name of await caches.keys()) {
            if (name.startsWith("srm-field")) {
                await caches.delete(name);
            }
        }
    }
    if (navigator.serviceWorker) {
        for (const registration of await navigator.serviceWorker.getRegistrations()) {
            if (new URL(registration.scope).pathname.startsWith("/srm/field/")) {
                await registration.unregister();
            }
        }
    }
}
