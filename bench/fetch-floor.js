// What a round of fetches costs in this machine's headless Chromium, apart from any engine: the
// floor under a published corpus's query times (bench/publish-bench.js), where a cold query waits
// for one or two such rounds (its shards, then its top 10 texts).
//  - round k: k fetches of distinct small files (2.4 KB, a median text file of clickid's bundle;
//    gzip, as a compressing host sends them) started together, until every body is read, in ms
//    (p50 / p95 of ROUNDS rounds);
//  - issue 10 @ depth d: the time to call fetch() 10 times from d nested JavaScript calls (the
//    explorer calls it from under its reactive runtime's and WebAssembly's frames).
// Each in two browsers: one driven by Playwright (a DevTools client, as the e2e tests and the
// benchmarks' memory loads), and one started with no client, as a visitor's, whose page runs the
// same script and posts its figures back (the DevTools network agent that a client turns on
// records each request and the stack that made it). The ratio column is with / without.
// Served over HTTP/2 with TLS from 127.0.0.1 (--http1 for plain HTTP/1.1).
//   node bench/fetch-floor.js [--rounds 30] [--http1]
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { launch } from '../e2e/harness.js';
import { jsonBody, selfSigned, visit } from './visitor.js';

const args = process.argv.slice(2);
const ROUNDS = Number(args[args.indexOf('--rounds') + 1] || 30) || 30;
const HTTP2 = !args.includes('--http1');
const SIZES = [1, 4, 10];
const DEPTHS = [0, 50, 200];
// Enough files that no fetch is answered from the cache: every round and issue asks for new ones.
const FILES = (SIZES.reduce((a, b) => a + b, 0) + DEPTHS.length * 10) * ROUNDS + 10;
const bodies = Array.from({ length: FILES }, () => gzipSync(randomBytes(2400).toString('base64').slice(0, 2400)));

// The page's script: measures, and gives its figures (by page.evaluate, or posted to /done).
const SCRIPT = `(async () => {
  const stats = (xs) => { const s = [...xs].sort((a, b) => a - b); return [s[Math.floor(s.length / 2)], s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]]; };
  const pause = () => new Promise((ok) => setTimeout(ok, 20));
  let next = 0;
  const get = () => fetch('/f/' + next++).then((r) => r.arrayBuffer());
  const deep = (d, f) => (d === 0 ? f() : deep(d - 1, f));
  const out = {};
  for (const k of ${JSON.stringify(SIZES)}) {
    const ts = [];
    for (let i = 0; i < ${ROUNDS}; i++) { const t = performance.now(); await Promise.all(Array.from({ length: k }, get)); ts.push(performance.now() - t); await pause(); }
    out['round ' + k] = stats(ts);
  }
  for (const d of ${JSON.stringify(DEPTHS)}) {
    const ts = [];
    for (let i = 0; i < ${ROUNDS}; i++) {
      let issued;
      deep(d, () => { const t = performance.now(); issued = Array.from({ length: 10 }, get); ts.push(performance.now() - t); });
      await Promise.all(issued); await pause();
    }
    out['issue 10 @ depth ' + d] = stats(ts);
  }
  return out;
})()`;

// ── The host ─────────────────────────────────────────────────────────────────────────────────
let posted = null;
const handler = async (req, res) => {
  const { pathname } = new URL(req.url, 'http://x');
  if (req.method === 'POST') {
    const body = await jsonBody(req);
    res.writeHead(204).end();
    posted?.(body);
    return;
  }
  if (pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>fetch floor</title><script src="/run.js"></script>');
  } else if (pathname === '/run.js') {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end(`if (location.search === '?plain') ${SCRIPT}.then((r) => fetch('/done', { method: 'POST', body: JSON.stringify(r) }));`);
  } else if (/^\/f\/\d+$/.test(pathname) && bodies[Number(pathname.slice(3))]) {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-encoding': 'gzip', 'cache-control': 'max-age=600' });
    res.end(bodies[Number(pathname.slice(3))]);
  } else res.writeHead(404).end();
};
const server = HTTP2 ? createSecureServer({ ...selfSigned(), allowHTTP1: true }, handler) : createServer(handler);
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `${HTTP2 ? 'https' : 'http'}://127.0.0.1:${server.address().port}`;
const flags = HTTP2 ? ['--ignore-certificate-errors'] : [];

// ── With a DevTools client: Playwright ──────────────────────────────────────────────────────
const browser = await launch({ args: flags });
const page = await (await browser.newContext()).newPage();
await page.goto(`${origin}/`);
const withClient = await page.evaluate(SCRIPT);
await browser.close();

// ── Without: a browser of its own, on a blank page that opens the site a second later ───────
const without = await visit(`${origin}/?plain`, new Promise((ok) => { posted = ok; }), { flags });
server.close();

console.log(`${ROUNDS} rounds each, ${HTTP2 ? 'HTTP/2 with TLS' : 'HTTP/1.1'} from 127.0.0.1; ms p50 / p95`);
console.log('| what | with a DevTools client | without | ratio (p50) |');
console.log('|---|---|---|---|');
const f = ([a, b]) => `${a.toFixed(1)} / ${b.toFixed(1)}`;
for (const key of Object.keys(without)) console.log(`| ${key} | ${f(withClient[key])} | ${f(without[key])} | ${(withClient[key][0] / without[key][0]).toFixed(2)} |`);
process.exit(0);
