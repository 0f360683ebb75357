// A published corpus, opened in headless Chromium: Pagefind beside Sorot on the same articles,
// each built ahead of time into static files and served from 127.0.0.1 as a static host would.
//  - build: the native build, timed from the first record to the last file written (reading and
//    parsing the JSON Lines included, as `sorot build` reads them too): Pagefind through its Node
//    API (one custom record per article, forced to Indonesian), Sorot with `sorot build`.
//  - bytes before ready: what the page fetched from navigation to ready, counted by the server
//    (the requests that reached it before the page's moment of ready).
//    "raw" is each file as stored; "gzip" is what a compressing host sends (the file through
//    zlib.gzipSync, or the file itself when that is not smaller: Pagefind's index, fragments and
//    wasm are gzip already). The server really serves the gzip version, so transfer times are
//    those of a compressing host; files answered from the browser's cache are not counted.
//  - ready: from navigation (performance.now() of the page) to the first results for the empty
//    query: for Pagefind init(), search(null) (every article) and the top 10 results' data();
//    for Sorot body[data-ready] with at least one [data-testid=doc-item] in the list.
//  - query: each line of bench/queries.txt, twice in the same page: first pass cold (it fetches
//    what it needs), second pass cached (same queries again). For Pagefind, search(q) and the top
//    10 results' data(), timed in the page; it gets the queries' plain words (no phrase,
//    exclusion or OR), as in search-bench.js. For Sorot, from the input event of the filled search
//    box to the result count and the top 10 cards, texts and snippets included (drawn in one
//    task); the last of the page's 20 cards, drawn a frame later, is printed apart.
//  - memory: after both passes and a forced GC, the JS heap in use (CDP Runtime.getHeapUsage
//    usedSize) plus every WebAssembly memory the page instantiated (WebAssembly.instantiate and
//    instantiateStreaming are wrapped before any script runs). Pagefind 1.x searches in a Web
//    Worker, whose heap and memory the page cannot see, so its memory comes from one more load
//    with `noWorker: true` (same wasm and files, on the main thread).
// Every load has an empty cache and no service worker; LOADS loads are pooled (median ready,
// p50/p95 over all queries). The timed loads run as a visitor's browser does, with no DevTools
// client: each in a Chromium of its own (a fresh profile, headless), which starts on a blank page
// that opens the site a second later (a visitor's browser is running before the site is opened;
// --nowarm opens it as the browser starts). The page drives itself: a script the server adds to
// it types each query (the box's value and one input event, as Playwright's fill() sends) and
// posts what it measured back to the server. A client such as Playwright turns on the DevTools
// network agent, which records every request and the script stack that made it: on this 2-core
// machine that costs a round of 10 fetches about 4 ms, and each fetch made from deep in a stack
// (WebAssembly under a reactive runtime) 0.5 ms more to issue (bench/fetch-floor.js measures
// both). Memory needs the protocol (a forced GC, the heap's size), so it comes from one more load
// in a new context of a browser Playwright drives, whose times are printed too ("with a DevTools
// client"); --cdp times every load that way. Scales K > 1 repeat the corpus K times
// (bench/scale-corpus.js, into /tmp; read its header for what repetition distorts).
// Served over HTTP/2 with TLS (as GitHub Pages serves; --http1 for plain HTTP/1.1).
//   node bench/publish-bench.js [--scale 1,5,10] [--only pagefind|sorot] [--loads 3] [--corpus PATH] [--http1] [--verbose]
//     [--timeline] [--url-extra '&sort=relevance'] [--samples FILE] [--cdp] [--nowarm]
// Sorot's half needs ./run build (dist/) and target/release/sorot; Pagefind's needs npm's
// `pagefind` (in package.json). Work files go to $PUBLISH_BENCH_DIR (default /tmp/pagefind-bench).
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { extname, join, normalize } from 'node:path';
import { createInterface } from 'node:readline';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { BASE_PATH, launch } from '../e2e/harness.js';
import { scaleCorpus } from './scale-corpus.js';
import { jsonBody, selfSigned, visit } from './visitor.js';

// ── Arguments ────────────────────────────────────────────────────────────────────────────────
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const SCALES = option('scale', '1').split(',').map(Number);
const ONLY = option('only', null);
const LOADS = Number(option('loads', 3));
const VERBOSE = args.includes('--verbose');
// --timeline: for Sorot's first load, every fetch before ready and during each cold query, with
// its start and end (ms from navigation, or from the query's input event), to see the rounds.
const TIMELINE = args.includes('--timeline');
// --samples FILE: every query's times (first screen, last card) and fetches ([file, start, end]
// in ms from its input event) per engine, scale, load and pass, and each load's ready, as JSON:
// to see which loads and queries make the tail.
const SAMPLES = option('samples', null);
// --url-extra '&sort=relevance': more of Sorot's address, e.g. a parameter that leaves the
// default results as they are but keeps the start-up script from fetching their texts ahead.
const URL_EXTRA = option('url-extra', '');
// HTTP/2 over TLS (a certificate made for the run), as GitHub Pages serves: requests share one
// connection instead of queueing for six. --http1 serves plain HTTP/1.1 instead.
const HTTP2 = !args.includes('--http1');
// --cdp: every timed load driven by Playwright (a DevTools client attached); --nowarm: each
// visitor-like load opens the site as its browser starts. See the header.
const CDP = args.includes('--cdp');
const WARM = !args.includes('--nowarm');
const CORPUS = option('corpus', fileURLToPath(new URL('../../shared/corpora/clickid.jsonl', import.meta.url)));
const WORK = process.env.PUBLISH_BENCH_DIR || '/tmp/pagefind-bench';
const DIST = process.env.SOROT_DIST ? `${process.env.SOROT_DIST.replace(/\/$/, '')}/` : fileURLToPath(new URL('../dist/', import.meta.url));
const SOROT_BIN = process.env.SOROT_BIN || fileURLToPath(new URL('../target/release/sorot', import.meta.url));
if (!SCALES.every((k) => Number.isInteger(k) && k >= 1) || ![null, 'pagefind', 'sorot'].includes(ONLY) || !(LOADS >= 1)) {
  console.error('usage: node bench/publish-bench.js [--scale 1,5,10] [--only pagefind|sorot] [--loads 3] [--corpus PATH] [--verbose] [--cdp] [--nowarm]');
  process.exit(2);
}
const ENGINES = ONLY ? [ONLY] : ['pagefind', 'sorot'];
if (ENGINES.includes('sorot')) {
  const missing = [[`${DIST}index.html`, './run build'], [SOROT_BIN, 'cargo build --release -p sorot-cli']].filter(([f]) => !existsSync(f));
  if (missing.length) {
    console.error(`Sorot's half needs ${missing.map(([f, how]) => `${f} (${how})`).join(' and ')}; or run --only pagefind`);
    process.exit(1);
  }
}
const queries = readFileSync(new URL('./queries.txt', import.meta.url), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
// Pagefind has no exclusion or OR syntax: it gets the plain words, as the peers in search-bench.js.
const plain = queries.map((q) => q.replace(/"/g, '').replace(/\bOR\b/g, ' ').replace(/(^|\s)-\S+/g, ' ').trim());

// ── Figures ──────────────────────────────────────────────────────────────────────────────────
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { p50: q(0.5), p95: q(0.95) };
};
const median = (xs) => stats(xs).p50;
const seconds = (t0) => (performance.now() - t0) / 1000;
const ms = (s) => `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)}`;
/** One row of the table, printed as soon as it is measured too (a later scale may fail). */
const row = ({ engine, k, build, m, memory }) => {
  const b = m.first.beforeReady;
  // Sorot's top 10 are on screen when its result count is: the first change it makes.
  const [cold, cached] = engine === 'Sorot' ? [m.coldShown, m.cachedShown] : [m.cold, m.cached];
  return `| ${engine} | ${k}x | ${build.buildS.toFixed(1)} | ${size(b.raw)} / ${size(b.gzip)} | ${m.ready.toFixed(0)} | ${ms(cold)} | ${ms(cached)} | ${((memory.js + memory.wasm) / 1e6).toFixed(1)} |`;
};
/** The figures of the load(s) driven by Playwright, for comparison with the visitor-like ones. */
const withDevtools = (d, cold, cached) => `with a DevTools client (Playwright, ${d.runs.length} load${d.runs.length > 1 ? 's' : ''}): `
  + `ready ${d.ready.toFixed(0)} ms, query p50/p95 ${ms(d[cold])} ms cold, ${ms(d[cached])} ms cached`;
const size = (b) => (b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${(b / 1e3).toFixed(1)} KB`);

/** Files and bytes of a folder, recursively. */
async function du(dir) {
  let files = 0;
  let bytes = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) { files += 1; bytes += (await stat(join(e.parentPath ?? e.path, e.name))).size; }
  }
  return { files, bytes };
}

// ── The static host ──────────────────────────────────────────────────────────────────────────
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.json': 'application/json', '.jsonl': 'application/x-ndjson', '.txt': 'text/plain; charset=utf-8',
};

/**
 * What the server sent since the last `take()`: requests, bytes as stored, bytes as a gzip host
 * sends them. The benchmark drives one page at a time, so a page's requests are the ones between
 * two takes (its Web Workers' included).
 */
// Each answer: when its request arrived (ms since the epoch, as the page's performance.timeOrigin
// + now() counts) and its bytes. take(until) counts those that arrived by `until` (all when
// omitted) and keeps the rest for the next take: "before ready" is what the page asked for before
// it was ready, not what it asked for in the frames before the benchmark saw that it was.
const traffic = {
  answers: [],
  take(until = Infinity) {
    const t = { requests: 0, raw: 0, gzip: 0 };
    const later = [];
    for (const a of this.answers) {
      if (a.at > until) { later.push(a); continue; }
      t.requests += 1; t.raw += a.raw; t.gzip += a.gzip;
    }
    this.answers = later;
    return t;
  },
};

/**
 * Serves folders (URL prefix → folder) and in-memory pages (path → text) on 127.0.0.1, gzip to
 * clients that accept it when that is smaller, with GitHub Pages' `max-age=600` so that a second
 * fetch in the same context comes from the browser's cache. Counts every answer in `traffic`.
 * Gzip is made on first request and kept; `warm(prefix)` makes it ahead for every file, as a
 * CDN holds compressed copies, so that compressing does not stall the one event loop while a
 * page is being timed (a text file's 2 ms, in a round of twenty).
 */
async function serveStatic() {
  const folders = new Map();
  const pages = new Map();
  const gz = new Map();
  const gzipOf = (path, body) => {
    if (!gz.has(path)) { const z = gzipSync(body); gz.set(path, z.length < body.length ? z : null); }
    return gz.get(path);
  };
  const resolve = (pathname) => {
    for (const [prefix, dir] of folders) {
      if (!pathname.startsWith(prefix)) continue;
      const file = normalize(join(dir, decodeURIComponent(pathname.slice(prefix.length)) || 'index.html'));
      return file.startsWith(dir) ? file : null;
    }
    return null;
  };
  // A page driving itself posts its figures to /__bench/done; `result()` waits for the next.
  let posted = null;
  const handler = async (req, res) => {
    const arrived = performance.timeOrigin + performance.now();
    const { pathname } = new URL(req.url, 'http://x');
    if (req.method === 'POST') {
      const body = await jsonBody(req);
      res.writeHead(pathname === '/__bench/done' && posted ? 204 : 404).end();
      if (pathname === '/__bench/done' && posted) { const done = posted; posted = null; done(body); }
      return;
    }
    let body;
    let type;
    if (pages.has(pathname)) {
      const [text, pageType] = pages.get(pathname);
      if (text === null) { res.writeHead(404).end(); return; }
      body = Buffer.from(text);
      type = pageType;
    } else {
      const file = resolve(pathname);
      try {
        if (!file || !(await stat(file)).isFile()) throw new Error('not a file');
        body = await readFile(file);
      } catch { res.writeHead(404).end(); return; }
      type = TYPES[extname(file)] ?? 'application/octet-stream';
    }
    const z = gzipOf(pathname, body);
    const useGzip = z && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    traffic.answers.push({ at: arrived, raw: body.length, gzip: z ? z.length : body.length });
    res.writeHead(200, {
      'content-type': type, 'cache-control': 'max-age=600', vary: 'accept-encoding',
      ...(useGzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(useGzip ? z : body);
  };
  const server = HTTP2 ? createSecureServer({ ...selfSigned(), allowHTTP1: true }, handler) : createServer(handler);
  const sessions = new Set();
  server.on(HTTP2 ? 'session' : 'connection', (s) => { sessions.add(s); s.on('close', () => sessions.delete(s)); });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `${HTTP2 ? 'https' : 'http'}://127.0.0.1:${server.address().port}`;
  return {
    origin,
    /** Serves `dir` under `prefix` (which starts and ends with /). */
    folder(prefix, dir) { folders.set(prefix, dir.endsWith('/') ? dir : `${dir}/`); },
    /** Serves `text` at `path` (of `type`: HTML by default; null text: 404), until unpage(path). */
    page(path, text, type = TYPES['.html']) { pages.set(path, [text, type]); },
    unpage(path) { pages.delete(path); },
    result() { return new Promise((ok) => { posted = ok; }); },
    async warm(prefix) {
      const dir = folders.get(prefix);
      for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
        const file = join(e.parentPath ?? e.path, e.name);
        if (e.isFile()) gzipOf(prefix + file.slice(dir.length), await readFile(file));
      }
    },
    close: () => { for (const s of sessions) s.destroy(); return new Promise((ok) => server.close(ok)); },
  };
}

// ── The browser ──────────────────────────────────────────────────────────────────────────────
// Before any page script: keep every WebAssembly memory the page instantiates, exported or
// imported, so that memoryOf() can add them up.
const WASM_PROBE = `(() => {
  const memories = window.__wasmMemories = new Set();
  const keep = (r) => {
    const instance = r instanceof WebAssembly.Instance ? r : r.instance;
    for (const v of Object.values(instance?.exports ?? {})) if (v instanceof WebAssembly.Memory) memories.add(v);
    return r;
  };
  const keepImports = (imports) => {
    for (const m of Object.values(imports ?? {})) for (const v of Object.values(m ?? {})) if (v instanceof WebAssembly.Memory) memories.add(v);
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (source, imports) { keepImports(imports); return original.call(this, source, imports).then(keep); };
  }
})();`;

/** A page in a new context (empty cache, no service worker) that records its errors. */
async function freshPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
  await context.addInitScript(WASM_PROBE);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  return page;
}

/** JS heap in use after a forced GC, and the WebAssembly memories' size, in bytes. */
async function memoryOf(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  const wasm = await page.evaluate(() => [...window.__wasmMemories].reduce((n, m) => n + m.buffer.byteLength, 0));
  return { js: usedSize, wasm };
}

// ── Pagefind ─────────────────────────────────────────────────────────────────────────────────
/** The article as a Pagefind record: its title searched with its text, outlet and month as filters. */
function pagefindRecord(d) {
  const title = d.title || d.text.split('\n').find((l) => l.trim()) || d.id;
  return {
    url: `/articles/${encodeURIComponent(d.id)}`,
    content: d.title ? `${d.title}\n\n${d.text}` : d.text,
    language: 'id',
    meta: { title, source: d.source ?? '', date: d.date ?? '', category: d.category ?? '', link: d.url ?? '' },
    filters: { source: [d.source ?? ''], month: [(d.date ?? '').slice(0, 7)] },
    sort: { date: d.date ?? '' },
  };
}

/** Builds a Pagefind index of the corpus at `corpus` into `outDir`, printing progress. */
async function buildPagefind(corpus, outDir) {
  const pagefind = await import('pagefind');
  await setAside(outDir);
  const total = statSync(corpus).size;
  const t0 = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'id' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const input = createReadStream(corpus);
  let docs = 0;
  let pending = [];
  let nextTenth = 1;
  const flush = async () => {
    for (const r of await Promise.all(pending)) if (r.errors.length) throw new Error(`pagefind: ${r.errors.join('; ')}`);
    pending = [];
  };
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    let d;
    try { d = JSON.parse(line); } catch { continue; }
    if (!d || typeof d.text !== 'string' || d.id == null) continue;
    pending.push(index.addCustomRecord(pagefindRecord(d)));
    docs += 1;
    // A few hundred records in flight keep the service busy without holding the corpus.
    if (pending.length >= 256) await flush();
    if (input.bytesRead >= (nextTenth * total) / 10) {
      console.error(`  pagefind: ${docs} records added (${nextTenth * 10}% of the corpus read), ${seconds(t0).toFixed(1)} s`);
      nextTenth += 1;
    }
  }
  await flush();
  const added = seconds(t0);
  console.error(`  pagefind: ${docs} records added in ${added.toFixed(1)} s; writing the index…`);
  const written = await index.writeFiles({ outputPath: outDir });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  const buildS = seconds(t0);
  await pagefind.close();
  console.error(`  pagefind: written in ${(buildS - added).toFixed(1)} s (${buildS.toFixed(1)} s in all)`);
  return { buildS, docs, disk: await du(outDir) };
}

// In a page driving itself: an uncaught error, or the driver's own, is posted in place of the
// figures, so that the run stops with it at once instead of waiting out its timeout.
const FAILURES = `window.__benchFailed = (e) => fetch('/__bench/done', { method: 'POST', body: JSON.stringify({ error: String(e?.stack ?? e) }) });
addEventListener('error', (e) => window.__benchFailed(e.error ?? e.message));`;

/**
 * The page that searches a Pagefind index: `benchQuery(q)` runs one search and loads its top 10
 * results' data, timed in the page; ready is the same for the empty query (`search(null)`:
 * every article, as the explorer lists every article before a word is typed). With `?plain` it
 * runs both passes of `queries` itself and posts them (a load with no DevTools client).
 */
const pagefindPage = (queries) => `<!doctype html><html lang="id"><meta charset="utf-8"><title>Pagefind bench</title>
<link rel="icon" href="data:,"><body><script type="module">
const pagefind = await import('./pagefind/pagefind.js');
await pagefind.options({ noWorker: new URLSearchParams(location.search).has('noWorker') });
await pagefind.init();
window.benchQuery = async (q) => {
  const t0 = performance.now();
  const search = await pagefind.search(q);
  const top = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  return { ms: performance.now() - t0, hits: search.results.length, top: top.map((d) => d.meta.title) };
};
const first = await window.benchQuery(null);
window.__readyAt = performance.now();
document.body.dataset.docs = first.hits;
document.body.dataset.ready = 'true';
if (new URLSearchParams(location.search).has('plain')) {
  ${FAILURES}
  const pass = async () => { const out = []; for (const q of ${JSON.stringify(queries)}) out.push(await window.benchQuery(q)); return out; };
  const cold = await pass();
  const coldEnd = performance.timeOrigin + performance.now();
  const cached = await pass();
  await fetch('/__bench/done', { method: 'POST', body: JSON.stringify({ readyMs: window.__readyAt,
    readyEpoch: performance.timeOrigin + window.__readyAt, coldEnd, cold, cached, docs: first.hits }) }).catch(window.__benchFailed);
}
</script>`;

/** One load of the Pagefind page at `pageUrl`: ready, bytes, both passes, memory. */
async function measurePagefind(page, pageUrl, queries) {
  traffic.take();
  await page.goto(pageUrl);
  await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 120000 });
  const [readyMs, readyEpoch] = await page.evaluate(() => [window.__readyAt, performance.timeOrigin + window.__readyAt]);
  const beforeReady = traffic.take(readyEpoch);
  const pass = () => page.evaluate(async (qs) => {
    const out = [];
    for (const q of qs) out.push(await window.benchQuery(q));
    return out;
  }, queries);
  const cold = await pass();
  const coldBytes = traffic.take();
  const cached = await pass();
  const cachedBytes = traffic.take();
  const docs = Number(await page.evaluate(() => document.body.dataset.docs));
  return { readyMs, beforeReady, cold, cached, coldBytes, cachedBytes, docs, memory: await memoryOf(page) };
}

// A previous run's output is moved aside and deleted at the end: deleting 22,000 files just
// before a build slows its writes threefold on this machine, which is not the build's cost.
const asideDirs = [];
async function setAside(dir) {
  if (!existsSync(dir)) return;
  const aside = `${dir}.old-${process.pid}-${asideDirs.length}`;
  await rename(dir, aside);
  asideDirs.push(aside);
}

// ── Sorot ────────────────────────────────────────────────────────────────────────────────────
/** Builds a Sorot bundle of the corpus at `corpus` into `outDir` with `sorot build`. */
async function buildSorot(corpus, outDir) {
  await setAside(outDir);
  const t0 = performance.now();
  await new Promise((ok, fail) => {
    const child = spawn(SOROT_BIN, ['build', corpus, '--out', outDir], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`sorot build exited with ${code}`))));
  });
  const buildS = seconds(t0);
  console.error(`  sorot: built in ${buildS.toFixed(1)} s`);
  return { buildS, disk: await du(outDir) };
}

// Before any page script, for the explorer: `__readyAt` is the first moment body[data-ready] and
// a card are both there; `__bench.arm()` / `__bench.settle()` time one search, from the input
// event (its timeStamp, on performance.now()'s clock) to the last change to the result count
// and the cards' content once they have been still for QUIET ms (over a bundle the answer is
// shown only once its shards and its first page's texts are in, so this includes every fetch).
const SOROT_PROBE = `(() => {
  const QUIET = 250, TIMEOUT = 10000;
  const readyNow = () => document.body?.hasAttribute('data-ready') && document.querySelector('[data-testid=doc-item]');
  const ready = new MutationObserver(() => {
    if (window.__readyAt === undefined && readyNow()) { window.__readyAt = performance.now(); ready.disconnect(); }
  });
  ready.observe(document, { childList: true, subtree: true, attributes: true });
  let run = null;
  // The default buffer keeps 250 entries, fewer than a load and its cold pass make.
  performance.setResourceTimingBufferSize(100000);
  // Each fetch since t0: [what (folder/name), start, response end], in ms from t0.
  const fetchesSince = (t0) => performance.getEntriesByType('resource').filter((e) => e.startTime >= t0)
    .map((e) => [e.name.split('/').slice(-2).join('/').slice(0, 24), +(e.startTime - t0).toFixed(1), +(e.responseEnd - t0).toFixed(1)]);
  window.__fetchesSince = fetchesSince;
  addEventListener('input', (e) => { if (run && run.t0 === null) run.t0 = e.timeStamp; }, true);
  window.__bench = {
    arm() {
      run = { armed: performance.now(), t0: null, first: null, last: null };
      const count = document.querySelector('[data-testid=result-count]');
      const list = document.querySelector('[data-testid=doc-list]');
      run.observer = new MutationObserver((records) => {
        const t = performance.now();
        if (run.first === null && records.some((r) => count.contains(r.target))) run.first = t;
        run.last = t;
      });
      // Not attributes: once typing pauses the address is written and every card's link follows,
      // which is not the results arriving.
      for (const el of [count, list]) run.observer.observe(el, { childList: true, subtree: true, characterData: true });
    },
    settle() {
      return new Promise((done) => {
        const check = () => {
          const now = performance.now();
          const since = run.last ?? run.t0 ?? now;
          if ((run.last !== null && now - run.last >= QUIET) || now - (run.t0 ?? run.armed) >= TIMEOUT) {
            run.observer.disconnect();
            const cards = [...document.querySelectorAll('[data-testid=doc-item]')].filter((a) => a.offsetParent !== null);
            done({
              first: run.first === null || run.t0 === null ? null : run.first - run.t0,
              ms: run.last === null || run.t0 === null ? null : run.last - run.t0,
              hits: document.querySelector('[data-testid=result-count]').textContent,
              top: cards.slice(0, 10).map((a) => a.querySelector('.sorot-doc__title')?.textContent ?? ''),
              fetches: run.t0 === null ? [] : fetchesSince(run.t0),
            });
          } else setTimeout(check, Math.max(5, QUIET - (now - since)));
        };
        check();
      });
    },
  };
})();`;

// The explorer's probe, and what Playwright does in measureSorot, for a load with no DevTools
// client: once ready, each query typed (the box's value set, and one input event, as fill()
// sends), both passes, then every figure posted to the server.
const sorotDriver = (queries) => `${SOROT_PROBE}
${FAILURES}
(async () => {
  const until = (f) => new Promise((ok) => { const t = () => (f() ? ok() : setTimeout(t, 10)); t(); });
  await until(() => window.__readyAt !== undefined);
  const readyMs = window.__readyAt;
  const fetches = ${TIMELINE} ? window.__fetchesSince(0) : null;
  const box = document.querySelector('[data-testid=search]');
  const search = (q) => {
    window.__bench.arm();
    box.focus();
    box.value = q;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: q ? 'insertText' : 'deleteContentBackward', data: q || null }));
    return window.__bench.settle();
  };
  const pass = async () => {
    const out = [];
    for (const q of ${JSON.stringify(queries)}) { if (box.value) await search(''); out.push(await search(q)); }
    return out;
  };
  const cold = await pass();
  const coldEnd = performance.timeOrigin + performance.now();
  const cached = await pass();
  const docs = Number(document.body.dataset.docs ?? document.querySelectorAll('[data-testid=doc-item]').length);
  const timeline = fetches && { fetches, loadMs: document.body.dataset.loadMs, phases: document.body.dataset.loadPhases };
  await fetch('/__bench/done', { method: 'POST', body: JSON.stringify({ readyMs, readyEpoch: performance.timeOrigin + readyMs,
    coldEnd, cold, cached, docs, timeline }) });
})().catch(window.__benchFailed);`;

/**
 * One load of `url` in a Chromium of its own, with no DevTools client (a new profile: an empty
 * cache; the page drives itself and posts its figures), and what the server sent it before ready,
 * during the cold pass and during the cached pass.
 */
async function measurePlain(url) {
  traffic.take();
  const r = await visit(url, server.result(), { warm: WARM, flags: ['--window-size=1400,900', '--hide-scrollbars', ...(HTTP2 ? ['--ignore-certificate-errors'] : [])] });
  if (r.error) throw new Error(`${url}: the page failed: ${r.error}`);
  const beforeReady = traffic.take(r.readyEpoch);
  const coldBytes = traffic.take(r.coldEnd);
  return { ...r, beforeReady, coldBytes, cachedBytes: traffic.take() };
}

// ════════════════════════════════════════════════════════════════════════════════════════════
// measureSorot: the explorer opened on a prebuilt bundle (`sorot build … --out DIR`, served at
// `corpusUrl`). Same protocol and result as measurePagefind. Not yet run against a real bundle:
// to finish once `sorot build` exists (check what body[data-ready] means with a bundle, and that
// a query's last DOM change is the top 10 cards' text).
// ════════════════════════════════════════════════════════════════════════════════════════════
export async function measureSorot(page, baseUrl, corpusUrl, queries) {
  await page.addInitScript(SOROT_PROBE);
  traffic.take();
  await page.goto(`${baseUrl}?corpus=${encodeURIComponent(corpusUrl)}${URL_EXTRA}`);
  await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 600000 });
  const [readyMs, readyEpoch] = await page.evaluate(() => [window.__readyAt, performance.timeOrigin + window.__readyAt]);
  const beforeReady = traffic.take(readyEpoch);
  const timeline = TIMELINE ? await page.evaluate(() => ({ fetches: window.__fetchesSince(0), loadMs: document.body.dataset.loadMs, phases: document.body.dataset.loadPhases })) : null;
  const box = page.getByTestId('search');
  // One timed search: arm, fill the box (one input event), wait until the results are still.
  const search = async (q) => {
    await page.evaluate(() => window.__bench.arm());
    await box.fill(q);
    return page.evaluate(() => window.__bench.settle());
  };
  // Each query from the full list (the empty box), so that every query changes what is shown.
  const pass = async () => {
    const out = [];
    for (const q of queries) {
      if (await box.inputValue()) await search('');
      out.push(await search(q));
    }
    return out;
  };
  const cold = await pass();
  const coldBytes = traffic.take();
  const cached = await pass();
  const cachedBytes = traffic.take();
  const docs = Number(await page.evaluate(() => document.body.dataset.docs ?? document.querySelectorAll('[data-testid=doc-item]').length));
  return { readyMs, beforeReady, cold, cached, coldBytes, cachedBytes, docs, timeline, memory: await memoryOf(page) };
}

/** Fetches as [what, start, end] rows, one line each. */
const printFetches = (fetches, indent) => fetches.forEach(([what, a, b]) => console.log(`${indent}${what.padEnd(26)} ${String(a).padStart(7)} → ${String(b).padStart(7)}`));

// ── The run ──────────────────────────────────────────────────────────────────────────────────
/** One load of `measure(page)` in a new context of the Playwright-driven browser. */
const inPage = (measure) => async () => {
  const page = await freshPage(browser);
  try {
    return await measure(page);
  } finally {
    if (page.problems.length) console.error(`  problems: ${page.problems.slice(0, 5).join(' | ')}`);
    await page.context().close();
  }
};

/** `n` loads (`load()` each), pooled. */
async function loads(n, load) {
  const runs = [];
  for (let i = 0; i < n; i++) runs.push(await load());
  const times = (pass, key = 'ms') => runs.flatMap((r) => r[pass].map((x) => x[key])).filter((x) => x !== null && x !== undefined);
  const failed = runs.flatMap((r) => [...r.cold, ...r.cached]).filter((x) => x.ms === null).length;
  if (failed) console.error(`  ${failed} searches changed nothing on screen within the timeout (left out)`);
  const shown = (pass) => (times(pass, 'first').length ? stats(times(pass, 'first')) : null);
  return { runs, ready: median(runs.map((r) => r.readyMs)), cold: stats(times('cold')), cached: stats(times('cached')),
    coldShown: shown('cold'), cachedShown: shown('cached'), first: runs[0] };
}

const server = await serveStatic();
server.folder(BASE_PATH, DIST);
const browser = await launch({ gc: true, args: HTTP2 ? ['--ignore-certificate-errors'] : [] });
const rows = [];
const notes = [];
const note = (text) => { notes.push(text); console.error(`  ${text}`); };
for (const k of SCALES) {
  const dir = join(WORK, `${k}x`);
  await mkdir(dir, { recursive: true });
  let corpus = CORPUS;
  if (k > 1) {
    corpus = join(dir, 'corpus.jsonl');
    console.error(`${k}x: writing ${corpus}`);
    await scaleCorpus(CORPUS, k, corpus);
  }
  if (ENGINES.includes('pagefind')) {
    console.error(`${k}x: building the Pagefind index`);
    const build = await buildPagefind(corpus, join(dir, 'pagefind'));
    server.folder(`/pf/${k}x/pagefind/`, join(dir, 'pagefind'));
    server.page(`/pf/${k}x/`, pagefindPage(plain));
    await server.warm(`/pf/${k}x/pagefind/`);
    console.error(`${k}x: measuring Pagefind (${LOADS} loads, one with a DevTools client and one on the main thread for memory)`);
    const url = `${server.origin}/pf/${k}x/`;
    const m = await loads(LOADS, CDP ? inPage((page) => measurePagefind(page, url, plain)) : () => measurePlain(`${url}?plain`));
    const main = await loads(1, inPage((page) => measurePagefind(page, `${url}?noWorker`, plain)));
    const devtools = CDP ? m : await loads(1, inPage((page) => measurePagefind(page, url, plain)));
    rows.push({ engine: 'Pagefind', k, build, m, memory: main.first.memory });
    console.error(`  ${row(rows.at(-1))}`);
    note(`Pagefind ${k}x: ${build.docs} records, index ${build.disk.files} files ${size(build.disk.bytes)}; `
      + `${m.first.beforeReady.requests} requests before ready; the cold pass fetched ${m.first.coldBytes.requests} more `
      + `(${size(m.first.coldBytes.raw)} / ${size(m.first.coldBytes.gzip)}), the cached pass ${m.first.cachedBytes.requests}; `
      + `memory on the main thread: JS heap ${size(main.first.memory.js)} + wasm ${size(main.first.memory.wasm)} `
      + `(main-thread query p50 ${main.cold.p50.toFixed(1)} ms cold, ${main.cached.p50.toFixed(1)} ms cached); `
      + withDevtools(devtools, 'cold', 'cached'));
  }
  if (ENGINES.includes('sorot')) {
    console.error(`${k}x: building the Sorot bundle`);
    const build = await buildSorot(corpus, join(dir, 'sorot'));
    server.folder(`/bundles/${k}x/`, join(dir, 'sorot'));
    await server.warm(`/bundles/${k}x/`);
    await server.warm(BASE_PATH);
    console.error(`${k}x: measuring Sorot (${LOADS} loads, and one with a DevTools client for memory)`);
    const corpusUrl = `${server.origin}/bundles/${k}x/`;
    const pageUrl = `${server.origin}${BASE_PATH}`;
    let m;
    if (CDP) {
      m = await loads(LOADS, inPage((page) => measureSorot(page, pageUrl, corpusUrl, queries)));
    } else {
      // The explorer's page with the probe that drives it, first in its head; no service worker.
      const driven = [BASE_PATH, `${BASE_PATH}__bench.js`, `${BASE_PATH}sw.js`];
      server.page(driven[0], readFileSync(`${DIST}index.html`, 'utf8').replace('<head>', `<head><script src="${driven[1]}"></script>`));
      server.page(driven[1], sorotDriver(queries), TYPES['.js']);
      server.page(driven[2], null);
      try {
        m = await loads(LOADS, () => measurePlain(`${pageUrl}?corpus=${encodeURIComponent(corpusUrl)}${URL_EXTRA}`));
      } finally {
        for (const path of driven) server.unpage(path);
      }
    }
    const devtools = CDP ? m : await loads(1, inPage((page) => measureSorot(page, pageUrl, corpusUrl, queries)));
    rows.push({ engine: 'Sorot', k, build, m, memory: devtools.first.memory });
    console.error(`  ${row(rows.at(-1))}`);
    note(`Sorot ${k}x: ${m.first.docs} articles, bundle ${build.disk.files} files ${size(build.disk.bytes)}; `
      + `${m.first.beforeReady.requests} requests before ready; the cold pass fetched ${m.first.coldBytes.requests} more; `
      + `memory: JS heap ${size(devtools.first.memory.js)} + wasm ${size(devtools.first.memory.wasm)}; `
      + `the last card of the first page (20) on screen: p50/p95 ${ms(m.cold)} ms cold, ${ms(m.cached)} ms cached `
      + `(the table's query times run to the count and the top 10); ` + withDevtools(devtools, 'coldShown', 'cachedShown'));
  }
  if (TIMELINE) {
    for (const r of rows.filter((r) => r.k === k && r.m.first.timeline)) {
      console.log(`\n${r.engine} ${k}x, first load: ready at ${r.m.first.readyMs.toFixed(1)} ms (bundle opened in ${r.m.first.timeline.loadMs} ms: ${r.m.first.timeline.phases}); fetches before ready:`);
      printFetches(r.m.first.timeline.fetches.filter(([, a]) => a <= r.m.first.readyMs), '  ');
      r.m.first.cold.forEach((x, i) => {
        console.log(`  ${queries[i]}: first screen ${x.first?.toFixed(1)} ms, last card ${x.ms?.toFixed(1)} ms`);
        printFetches(x.fetches, '    ');
      });
    }
  }
  if (VERBOSE) {
    for (const r of rows.filter((r) => r.k === k)) {
      console.log(`\n${r.engine} ${k}x, first load, cold pass:`);
      r.m.first.cold.forEach((x, i) => console.log(`  ${queries[i].padEnd(22)} ${String(x.first?.toFixed(1) ?? '').padStart(7)} ${String(x.ms?.toFixed(1)).padStart(7)} ms  ${x.hits} hits  ${x.top[0] ?? ''}`));
    }
  }
}
await browser.close();
await server.close();
for (const dir of asideDirs) await rm(dir, { recursive: true, force: true });
if (SAMPLES) {
  const pass = (xs) => xs.map((x, i) => ({ q: queries[i], first: x.first, ms: x.ms, fetches: x.fetches }));
  await writeFile(SAMPLES, JSON.stringify(rows.map((r) => ({ engine: r.engine, scale: r.k,
    loads: r.m.runs.map((run) => ({ ready: run.readyMs, cold: pass(run.cold), cached: pass(run.cached) })) })), null, 1));
}

console.log(`\ncorpus: ${CORPUS}, ${queries.length} queries, ${LOADS} loads per engine and scale; Chromium headless, served from 127.0.0.1`);
console.log('| engine | scale | build s | bytes before ready (raw / gzip) | ready ms | query p50/p95 cold ms | query p50/p95 cached ms | memory MB |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(row(r));
console.log('MB and KB are 10^6 and 10^3 bytes. memory: JS heap in use after GC + WebAssembly memory; Pagefind\'s from a load with noWorker: true (its default searches in a Web Worker).');
for (const n of notes) console.log(n);
