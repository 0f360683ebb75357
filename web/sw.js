// Sorot's service worker: a site once visited reopens offline, and a new deploy is picked up on
// the next load.
// - The page (index.html, whatever its query) comes from the network first; the copy kept of it
//   is used only when the network fails.
// - Trunk's files carry a hash of their content in their names (sorot-app-<hash>.js, …_bg.wasm,
//   sorot-<hash>.css; the hash is a 64-bit number in hex without leading zeros, so 16 digits or
//   fewer): they never change, so they come from the cache first. When a new page
//   arrives, the files it no longer names are dropped.
// - A bundle's manifest.json (the site's own, or another on this origin) comes from the network
//   first, like the page, so that a rebuilt bundle is seen on the next load; the copy is kept
//   for offline use. Its other files are content-hashed (<dir>/<16 hex digits>.bin): cache first.
//   Those of a bundle visited offline are there only if they were fetched once.
// - A response is handed to the page as soon as it arrives; its copy is written to the cache
//   after (event.waitUntil), so that caching never delays a query's shards or texts.
// - Anything else (a ?corpus= file, another host) is left to the network.
const CACHE = 'sorot';
const HASHED = /^[\w.-]+-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css)$/;
const BUNDLE_FILE = /\/(meta|terms|postings|positions|stems|text)\/[0-9a-f]{16}\.bin$/;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const name = url.pathname.slice(scope.pathname.length);
  if (name === '' || name === 'index.html') {
    event.respondWith(page(event, scope.href));
  } else if (HASHED.test(name) || BUNDLE_FILE.test(url.pathname)) {
    event.respondWith(kept(event));
  } else if (name.endsWith('/manifest.json')) {
    event.respondWith(fresh(event));
  }
});

// From the network, or the copy kept of it when the network fails.
async function fresh(event) {
  const request = event.request;
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) event.waitUntil(cache.put(request, response.clone()));
    return response;
  } catch (error) {
    const copy = await cache.match(request);
    if (copy) return copy;
    throw error;
  }
}

async function page(event, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(event.request);
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(copy.clone().text().then((html) => cache.put(key, copy).then(() => prune(cache, html))));
    }
    return response;
  } catch (error) {
    const copy = await cache.match(key);
    if (copy) return copy;
    throw error;
  }
}

async function kept(event) {
  const request = event.request;
  const cache = await caches.open(CACHE);
  const copy = await cache.match(request, { ignoreSearch: true });
  if (copy) return copy;
  const response = await fetch(request);
  if (response.ok) event.waitUntil(cache.put(request, response.clone()));
  return response;
}

// Drops the hashed files that the page now served no longer names.
async function prune(cache, html) {
  for (const request of await cache.keys()) {
    const name = new URL(request.url).pathname.split('/').pop();
    if (HASHED.test(name) && !html.includes(name)) await cache.delete(request);
  }
}
