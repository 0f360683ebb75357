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
//   for offline use. Its other files are content-hashed (<dir>/<kind>/<16 hex digits>.bin): cache
//   first, in a cache of that deploy of that bundle (named by the folder and the manifest's meta
//   file); when a new manifest names another meta file, the caches of the folder's earlier
//   deploys are dropped. Those of a bundle visited offline are there only if they were fetched once.
// - A response is handed to the page as soon as it arrives; its copy is written to the cache
//   after (event.waitUntil), so that caching never delays a query's shards or texts.
// - Anything else (a ?corpus= file, another host) is left to the network.
const CACHE = 'sorot';
const HASHED = /^[\w.-]+-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css)$/;
// A bundle's file is `<folder>/<kind>/<hash>.bin` (docs/BUNDLE.md, "Layout").
const KIND = '(?:meta|terms|postings|positions|stems|text|forms)';
const BUNDLE_FILE = new RegExp(`/${KIND}/[0-9a-f]{16}\\.bin$`);
// A cache per deploy of a bundle: `sorot-bundle <folder URL> <meta file>`.
const DEPLOY = 'sorot-bundle ';

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
  } else if (HASHED.test(name)) {
    event.respondWith(kept(event, caches.open(CACHE)));
  } else if (BUNDLE_FILE.test(url.pathname)) {
    event.respondWith(kept(event, deployCache(url)));
  } else if (name.endsWith('/manifest.json')) {
    event.respondWith(fresh(event, manifestSeen));
  }
});

// The folder of a bundle's file: its URL up to `<kind>/<hash>.bin`.
const folderOf = (url) => url.href.replace(new RegExp(`${KIND}/[0-9a-f]{16}\\.bin(\\?.*)?$`), '');

// The cache of the deploy of the file's bundle that its folder's kept manifest names (the
// common cache when no manifest is kept: a bundle opened before this worker ran).
async function deployCache(url) {
  const folder = folderOf(url);
  const manifest = await (await caches.open(CACHE)).match(folder + 'manifest.json');
  const meta = manifest && (await manifest.json().catch(() => ({}))).meta;
  return caches.open(typeof meta === 'string' ? DEPLOY + folder + ' ' + meta : CACHE);
}

// A manifest kept: the caches of its folder's other deploys go.
async function manifestSeen(request, response) {
  const meta = (await response.json().catch(() => ({}))).meta;
  if (typeof meta !== 'string') return;
  const folder = request.url.replace(/manifest\.json(\?.*)?$/, '');
  const current = DEPLOY + folder + ' ' + meta;
  for (const name of await caches.keys()) {
    if (name.startsWith(DEPLOY + folder + ' ') && name !== current) await caches.delete(name);
  }
}

// From the network, or the copy kept of it when the network fails; `then` follows the copy kept.
async function fresh(event, then) {
  const request = event.request;
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      // Kept before the page has it, so that the files it names next go to its deploy's cache.
      const copy = response.clone();
      await cache.put(request, copy.clone());
      event.waitUntil(then(request, copy));
    }
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

async function kept(event, opening) {
  const request = event.request;
  const cache = await opening;
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
