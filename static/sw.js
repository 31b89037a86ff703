// Lede's service worker: keeps every file of one build in a cache named
// after the build, so the site and all its articles work offline after one
// visit, and a new build never mixes with an old one.
//
// `make dist` fills in VERSION (a hash of every file) and FILES.
const VERSION = "{{version}}";
const FILES = {{files}};
const CACHE = `lede-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

// A new build takes over at once and the old builds' caches are deleted.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("lede-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== location.origin) return;
  if (request.mode === "navigate") {
    // Pages: the network first (a new build shows at once), the cache offline.
    event.respondWith(
      fetch(request).catch(() =>
        caches.open(CACHE).then((c) => c.match(request, { ignoreSearch: true })).then((hit) => hit || caches.match("./")),
      ),
    );
    return;
  }
  // Assets are named by content hash: the cache first.
  event.respondWith(
    caches.open(CACHE).then((c) => c.match(request).then((hit) => hit || fetch(request))),
  );
});
