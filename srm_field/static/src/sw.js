/* Copyright 2026 SRM Suite Contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */

// Service worker of the field app (served by /srm/field/sw.js, which fills in the version and
// the files). It keeps the app's page and files so that the app opens without a network. It
// keeps no data: the records and the copy of the projects are in IndexedDB, encrypted by the
// page. Calls of the server (POST) are left to the network.

const VERSION = "__SRM_FIELD_VERSION__";
const FILES = __SRM_FIELD_FILES__;
const PAGE = "/srm/field/";
const PREFIX = "srm-field-";
const CACHE = PREFIX + VERSION;

async function storePage(cache) {
    // only the app's page served to a signed-in user, not the sign-in page it redirects to
    const response = await fetch(PAGE, { credentials: "same-origin", cache: "no-store" });
    if (response.ok && !response.redirected && new URL(response.url).pathname === PAGE) {
        await cache.put(PAGE, response);
    }
}

self.addEventListener("install", (event) => {
    if (event.addRoutes) {
        // calls of the server go straight to the network, without waking the worker
        // (where the browser offers it: ServiceWorker static routing)
        event.addRoutes([{ condition: { requestMethod: "POST" }, source: "network" }]).catch(() => null);
    }
    event.waitUntil(
        (async () => {
            const cache = await caches.open(CACHE);
            await Promise.all(
                FILES.map(async (url) => {
                    const response = await fetch(url, { credentials: "same-origin", cache: "reload" });
                    if (!response.ok) {
                        throw new Error(`${url}: ${response.status}`);
                    }
                    await cache.put(url, response);
                })
            );
            try {
                await storePage(cache);
            } catch {
                // stored at the next visit
            }
            await self.skipWaiting();
        })()
    );
});

self.addEventListener("activate", (event) => {
    event.waitUntil(
        (async () => {
            for (const name of await caches.keys()) {
                if (name.startsWith(PREFIX) && name !== CACHE) {
                    await caches.delete(name);
                }
            }
            await self.clients.claim();
        })()
    );
});

async function servePage(event) {
    const cache = await caches.open(CACHE);
    const cached = await cache.match(PAGE);
    const fresh = storePage(cache);
    if (cached) {
        // the page holds no data: the stored one opens at once, a newer one is kept for next time
        event.waitUntil(fresh.catch(() => null));
        return cached;
    }
    try {
        await fresh;
    } catch {
        // no network
    }
    return (await cache.match(PAGE)) || fetch(event.request);
}

async function serveFile(request, path) {
    const cache = await caches.open(CACHE);
    const cached = await cache.match(path);
    if (cached) {
        return cached;
    }
    const response = await fetch(request);
    if (response.ok) {
        await cache.put(path, response.clone());
    }
    return response;
}

self.addEventListener("fetch", (event) => {
    const request = event.request;
    if (request.method !== "GET") {
        return;
    }
    const url = new URL(request.url);
    if (url.origin !== self.location.origin) {
        return;
    }
    if (request.mode === "navigate" && url.pathname === PAGE) {
        event.respondWith(servePage(event));
    } else if (FILES.includes(url.pathname)) {
        event.respondWith(serveFile(request, url.pathname));
    }
});
