/*
 * The service worker: keeps every file of the current build on the phone, so the app opens with
 * no network after the first visit. The build's manifest (.vite/manifest.json) names them; a new
 * build's worker replaces the old cache. /graphql and /local are never cached here: answers are
 * kept by the app itself (IndexedDB), meetings by the outbox.
 */
const CACHE = 'krom-shell';

async function buildFiles() {
  const response = await fetch('/.vite/manifest.json', { cache: 'no-store' });
  const manifest = await response.json();
  const files = new Set(['/', '/manifest.webmanifest', '/icon.svg']);
  for (const chunk of Object.values(manifest)) {
    files.add(`/${chunk.file}`);
    for (const css of chunk.css ?? []) files.add(`/${css}`);
    for (const asset of chunk.assets ?? []) files.add(`/${asset}`);
  }
  return [...files];
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const files = await buildFiles();
      const cache = await caches.open(CACHE);
      // All or nothing: a failed download leaves the old build's files in place.
      await cache.addAll(files);
      const keep = new Set(files.map((f) => new URL(f, self.location.origin).href));
      for (const request of await cache.keys()) if (!keep.has(request.url)) await cache.delete(request);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/graphql') || url.pathname.startsWith('/local/')) return;
  // Pages: the network when there is one (a new build shows at once), else the kept app.
  if (event.request.mode === 'navigate') {
    event.respondWith(fetch(event.request).catch(async () => (await caches.match('/')) ?? Response.error()));
    return;
  }
  // Build files have content hashes in their names: the kept copy is always right.
  event.respondWith(caches.match(event.request).then((kept) => kept ?? fetch(event.request)));
});
