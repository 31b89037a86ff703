// Lede's service worker. The shell (the bundles, stylesheet and scripts,
// the library's first page and the search page) is precached in a cache
// named after the build, so a new build never mixes with an old one. The
// rest is kept as it is read, in one runtime cache that outlives builds:
//
// - pages (articles, the library's further pages): the network first, each
//   page kept as it is read and served from there offline; a page never read
//   gets a short offline note linking to the library;
// - files named by content hash (`pkg/…-HASH.*`, `static/…-HASH.*`,
//   `search/…-HASH.json`): the cache first, kept as fetched;
// - files with stable names (`search/root.json`, `search/e/*.json`,
//   `search/f/*.json`, `offline.json`, and pages fetched rather than
//   navigated to): the network first, kept as fetched, the cache offline.
//
// The library page's "Keep the whole library offline" fills the runtime
// cache with every file `offline.json` lists (from the page: see
// src/ui/keep_offline.rs), and removes the files no longer in the build.
//
// `make dist` fills in VERSION (a hash of every file) and FILES.
const VERSION = "{{version}}";
const FILES = {{files}};
const CACHE = `lede-${VERSION}`;
// The runtime cache: its name is shared with src/ui/keep_offline.rs.
const KEPT = "lede-kept";

// The path of a URL relative to the worker's scope (the site's root).
const scope = new URL(self.registration.scope).pathname;
const relative = (url) => (url.pathname.startsWith(scope) ? url.pathname.slice(scope.length) : null);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

// A new build takes over at once and the old builds' shell caches are
// deleted; the runtime cache stays (the articles read stay readable). The
// pages open now, loaded before this worker could keep them (the page a
// reader first lands on), are kept too.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("lede-") && k !== CACHE && k !== KEPT).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
      .then(() => Promise.all([caches.open(KEPT), self.clients.matchAll({ type: "window" })]))
      .then(([kept, windows]) =>
        Promise.all(
          windows
            .map((w) => new URL(w.url))
            .filter((url) => relative(url) !== null)
            .map((url) => {
              url.search = "";
              url.hash = "";
              return fetch(url.href)
                .then((r) => (r.ok && !r.redirected ? kept.put(url.href, r) : null))
                .catch(() => {});
            }),
        ),
      ),
  );
});

const HASHED = /^((pkg|static)\/.*|search\/[^/]*)-[0-9a-f]{10}\.[a-z0-9]+$/;
// (Pages fetched by the page itself, to keep them, are read the same way.)
const STABLE = /^(search\/root\.json|search\/[ef]\/[^/]+\.json|offline\.json|[^/]*\.html)$/;

// The URL a page or file is kept under: without its query or fragment.
const key = (request) => {
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  return url.href;
};

// Keeps a good response in the runtime cache (a full quota loses only the
// copy); the worker is kept alive until it is stored.
const keep = (event, response) => {
  if (response.ok && response.type === "basic" && !response.redirected) {
    const copy = response.clone();
    event.waitUntil(caches.open(KEPT).then((c) => c.put(key(event.request), copy)).catch(() => {}));
  }
  return response;
};

const cached = (request, options) =>
  caches
    .open(CACHE)
    .then((c) => c.match(request, options))
    .then((hit) => hit || caches.open(KEPT).then((c) => c.match(request, options)));

// A page neither on the network nor kept.
const offlineNote = (path) => {
  const what = /^index-\d+\.html$/.test(path || "") ? "This page of the library was" : "This article was";
  const css = FILES.find((f) => /^static\/lede-[0-9a-f]{10}\.css$/.test(f));
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Not kept offline · Lede</title>
${css ? `<link rel="stylesheet" href="${css}">` : ""}
</head>
<body>
<main class="offline-note">
<h1>${what} not kept offline</h1>
<p>You are offline, and this page was never read in this browser, so it was not kept.
Articles you have read, and the whole library once you keep it offline, read without a connection.</p>
<p><a href="./">Back to the library</a></p>
</main>
</body>
</html>
`;
  return new Response(html, { status: 503, statusText: "Offline", headers: { "Content-Type": "text/html; charset=utf-8" } });
};

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== location.origin) return;
  const path = relative(url);
  if (request.mode === "navigate") {
    // Pages: the network first (a new build shows at once), kept as read;
    // offline: the kept copy, the shell's, or the offline note.
    event.respondWith(
      fetch(request)
        .then((response) => keep(event, response))
        .catch(() => cached(key(request), { ignoreSearch: true }).then((hit) => hit || offlineNote(path))),
    );
    return;
  }
  if (path !== null && HASHED.test(path)) {
    // Named by content hash: never changes, so the cache first.
    event.respondWith(cached(request).then((hit) => hit || fetch(request).then((response) => keep(event, response))));
    return;
  }
  if (path !== null && STABLE.test(path)) {
    // Stable names whose content changes with the build: the network first.
    event.respondWith(
      fetch(request)
        .then((response) => keep(event, response))
        .catch(() => cached(key(request), { ignoreSearch: true }).then((hit) => hit || Response.error())),
    );
    return;
  }
  // The shell's other files (icons, manifest): the cache first.
  event.respondWith(cached(request).then((hit) => hit || fetch(request)));
});
