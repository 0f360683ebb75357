// Test harness for the browser tests: serves dist/ on 127.0.0.1 under /<repo>/ as GitHub Pages
// does (the built site must work from any sub-path of a static host), and opens pages in Debian's Chromium
// through playwright-core, recording console errors and failed requests.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

// SOROT_DIST serves another build (an older commit's, a profiling build) for side-by-side runs.
const DIST = process.env.SOROT_DIST ? `${process.env.SOROT_DIST.replace(/\/$/, '')}/` : fileURLToPath(new URL('../dist/', import.meta.url));
// Where GitHub Pages serves a project site: https://<user>.github.io/<repo>/. The site must
// work there with no edits (its URLs are relative), so the tests serve it the same way.
export const BASE_PATH = `/${process.env.SOROT_REPO_NAME || 'sorot'}/`;
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.jsonl': 'application/x-ndjson', '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves dist/ at BASE_PATH, plus extra files for corpora: name → content, or name → a
 * function `(req, res)` that answers itself (a redirect, a broken or stalled download); and
 * other folders under a prefix (`mounts`).
 */
export async function serve(extra = {}, { mounts = {} } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(BASE_PATH)) { res.writeHead(404).end(); return; }
    let rel = decodeURIComponent(url.pathname.slice(BASE_PATH.length)) || 'index.html';
    if (typeof extra[rel] === 'function') { extra[rel](req, res); return; }
    if (rel in extra) { res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' }).end(extra[rel]); return; }
    // `mounts` serves other folders beside dist/: { 'big/': '/tmp/bundle' } (a bundle for benchmarks).
    const mount = Object.keys(mounts).find((m) => rel.startsWith(m));
    const root = mount ? `${mounts[mount].replace(/\/$/, '')}/` : DIST;
    if (mount) rel = rel.slice(mount.length);
    const file = normalize(join(root, rel));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
    } catch { res.writeHead(404).end(); }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    origin: `http://127.0.0.1:${port}`,
    close: () => { server.closeAllConnections(); return new Promise((ok) => server.close(ok)); },
  };
}

/** The texts of the seed articles (`seeds/*.txt`), in file name order. */
export function seedTexts() {
  const seeds = fileURLToPath(new URL('../seeds/', import.meta.url));
  return readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(seeds, f), 'utf8'));
}

/**
 * Builds a bundle of `records` (objects, written as JSON Lines) with `sorot build` in a fresh
 * folder: its `folder`, its JSON Lines text, its files' paths inside it (`kind/hash.bin` and
 * `manifest.json`) and, for serve(), those files under `prefix` (e.g. `b/`) with their bytes.
 */
export function buildBundle(records, prefix = 'b/') {
  const dir = mkdtempSync(join(tmpdir(), 'sorot-bundle-'));
  const jsonl = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
  writeFileSync(join(dir, 'c.jsonl'), jsonl);
  const folder = join(dir, 'b');
  execFileSync(fileURLToPath(new URL('../target/release/sorot', import.meta.url)), ['build', join(dir, 'c.jsonl'), '--out', folder], { stdio: 'pipe' });
  const paths = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name).slice(folder.length + 1)).sort();
  const files = Object.fromEntries(paths.map((p) => [`${prefix}${p}`, readFileSync(join(folder, p))]));
  return { folder, jsonl, paths, files };
}

/** The Chromium the tests and benchmarks run, and the flags every launch of it gets. */
export const CHROMIUM = process.env.SOROT_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/** Headless Chromium; `gc` exposes window.gc() and precise memory figures for benchmarks; `args` adds flags. */
export async function launch({ gc = false, args = [] } = {}) {
  const extra = [...(gc ? ['--js-flags=--expose-gc', '--enable-precise-memory-info'] : []), ...args];
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extra] });
}

/** A new page that records console errors and page errors in `page.problems`. */
export async function openPage(browser, url, { viewport = { width: 1400, height: 900 }, colorScheme = 'light', timeout = 20000 } = {}) {
  const context = await browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  // A navigation cancels the page's downloads under way (net::ERR_ABORTED): not a failure.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') page.problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on('response', (r) => { if (r.status() >= 400) page.problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout });
  return page;
}

/** Clicks the button that downloads `file` (`data-download`) and returns the download: the
 * name the page suggested and its bytes. */
export async function saveDownload(page, file) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`button[data-download="${file}"]`).click()]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}
