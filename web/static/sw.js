// Service worker: the app's files, cache-first, so the checker and the batch page work offline
// once either was loaded.
// Nothing else is ever fetched: the app makes no network request of its own.
const CACHE = "nianbao-__BUILD__";
const FILES = [
  "./",
  "index.html",
  "style.css",
  "helpers.js",
  "loader.js",
  "frame.js",
  "nianbao_web.js",
  "nianbao_web_bg.wasm",
  "manifest.webmanifest",
  "icon.svg",
  "batch.html",
  "batch-loader.js",
  "nianbao_batch.js",
  "nianbao_batch_bg.wasm",
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.match(request, { ignoreSearch: true }).then(
      (hit) =>
        hit ||
        fetch(request).then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        }),
    ),
  );
});
