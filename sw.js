// Prisme's service worker: keeps a copy of the app so the page opens with the
// network off after a first visit. Network first, so a newer build is always
// used when the server is reachable; the copy is only the fallback.
// It caches the app's own files and nothing else: texts never go through it.
const CACHE = 'prisme-app-v1';
const APP_FILES = [
  './', './index.html', './boot.js', './worker-loader.js', './favicon.svg',
  './prisme-web.js', './prisme-web_bg.wasm', './prisme-worker.js', './prisme-worker_bg.wasm',
  './base.css', './layout.css', './tables.css', './charts.css',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(APP_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit || caches.match('./index.html'))),
  );
});
