// Search at scale in headless Chromium, on the same corpus and queries for every engine:
//  1. Sorot's engine (WebAssembly), MiniSearch 7 and FlexSearch 0.8 in one page: index-build
//     time, query time (p50/p95), memory; ratios against MiniSearch.
//  2. The Sorot explorer itself with ?corpus=: time from the response to ready (downloaded,
//     annotated and indexed), WebAssembly memory after loading, and keystroke-to-results
//     latency (p50/p95) beside the engine's own time for the same searches, with no article
//     open and with one open in the reader.
//   node bench/search-bench.js [corpus.jsonl]      (after ./run build; default ../shared/corpora/clickid.jsonl)
import { readFileSync } from 'node:fs';
import { serve, launch, openPage } from '../e2e/harness.js';

const corpusPath = process.argv[2] || new URL('../../shared/corpora/clickid.jsonl', import.meta.url).pathname;
const corpus = readFileSync(corpusPath);
const queries = readFileSync(new URL('./queries.txt', import.meta.url), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
// The peers have no phrase, exclusion or OR syntax: they get the plain words.
const plain = queries.map((q) => q.replace(/"/g, '').replace(/\bOR\b/g, ' ').replace(/(^|\s)-\S+/g, ' ').trim());
const nm = (p) => readFileSync(new URL(`../node_modules/${p}`, import.meta.url));
const server = await serve({
  'bench-corpus.jsonl': corpus,
  'minisearch.js': nm('minisearch/dist/es/index.js'),
  'flexsearch.js': nm('flexsearch/dist/flexsearch.bundle.module.min.mjs'),
  'bench.html': '<!doctype html><meta charset="utf-8"><title>bench</title><body></body>',
});
const browser = await launch({ gc: true });
const ROUNDS = 5;
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { p50: q(0.5), p95: q(0.95) };
};

// 1. Engines side by side.
const page = await openPage(browser, server.url);
const engines = await page.evaluate(async ({ queries, plain, rounds }) => {
  const text = await (await fetch('bench-corpus.jsonl')).text();
  const docs = text.split('\n').filter((l) => l.trim()).map((l) => { try { return JSON.parse(l); } catch { return null; } }).filter(Boolean)
    .map((d, i) => ({ id: i, title: d.title || '', text: d.text }));
  const heap = () => { if (window.gc) { window.gc(); window.gc(); } return performance.memory.usedJSHeapSize; };
  const time = (f) => { const t = performance.now(); f(); return performance.now() - t; };
  const out = {};
  // Sorot (WebAssembly): parse + index, then queries.
  const r = Array.from(window.wasmBindings.benchEngine(text, queries, rounds));
  out.sorot = { build: r[0] + r[1], peak: r[2], docs: r[3], memory: r[4], times: r.slice(5) };
  // MiniSearch: BM25+, prefix and fuzzy search, AND of words.
  const { default: MiniSearch } = await import('./minisearch.js');
  let h0 = heap();
  let ms = new MiniSearch({ fields: ['title', 'text'], searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND', boost: { title: 2 } } });
  const msBuild = time(() => ms.addAll(docs));
  const msMem = heap() - h0;
  const msTimes = [];
  for (let k = 0; k < rounds; k++) for (const q of plain) msTimes.push(time(() => ms.search(q)));
  out.minisearch = { build: msBuild, memory: msMem, times: msTimes };
  ms = null;
  // FlexSearch: forward (prefix) tokenization, no ranking function beyond its own.
  const FlexSearch = await import('./flexsearch.js');
  h0 = heap();
  let fx = new FlexSearch.Document({ document: { id: 'id', index: ['title', 'text'] }, tokenize: 'forward' });
  const fxBuild = time(() => { for (const d of docs) fx.add(d); });
  const fxMem = heap() - h0;
  const fxTimes = [];
  for (let k = 0; k < rounds; k++) for (const q of plain) fxTimes.push(time(() => fx.search(q, { limit: 10000 })));
  out.flexsearch = { build: fxBuild, memory: fxMem, times: fxTimes };
  return out;
}, { queries, plain, rounds: ROUNDS });
await page.close();

await browser.close();

// 2. The explorer on the same corpus, in a fresh browser: three loads, the median reported.
const browser2 = await launch({ gc: true });
const loads = [];
for (let i = 0; i < 3; i++) {
  const p = await openPage(browser2, `${server.url}?corpus=bench-corpus.jsonl`, { timeout: 180000 });
  loads.push(Number(await p.evaluate(() => document.body.dataset.loadMs)));
  if (i < 2) await p.close();
}
const loadMs = [...loads].sort((a, b) => a - b)[1];
const ui = browser2.contexts()[2].pages()[0];
const docsLoaded = Number(await ui.evaluate(() => document.body.dataset.docs));
const uiMem = await ui.evaluate(() => { if (window.gc) window.gc(); return { js: performance.memory.usedJSHeapSize, wasm: window.wasmBindings.memoryBytes() }; });
// Keystroke → results on screen: from keydown to the first frame after the result count changes.
await ui.evaluate(() => {
  window.__lat = [];
  const count = document.querySelector('[data-testid=result-count]');
  let t0 = 0;
  document.addEventListener('keydown', () => { t0 = performance.now(); }, true);
  new MutationObserver(() => { const t = t0; requestAnimationFrame(() => window.__lat.push(performance.now() - t)); })
    .observe(count, { childList: true, subtree: true, characterData: true });
});
// The engine's own time for the same searches, as the explorer's search memo recorded it
// (`takeSearchTimes`; absent from builds before it existed).
const engineTimes = () => ui.evaluate(() => Array.from(window.wasmBindings.takeSearchTimes?.() ?? []));
// Each query typed key by key, twice: with no article open, then with the first result open in
// the reader (whose hits follow the query).
const typeQueries = async (key) => {
  const box = ui.getByTestId('search');
  for (const q of queries.slice(0, 20)) {
    await box.fill('');
    await ui.waitForTimeout(50);
    await ui.evaluate(() => { window.__lat.length = 0; });
    await engineTimes();
    await box.pressSequentially(q, { delay: 120 });
    await ui.waitForTimeout(150);
    const engine = await engineTimes();
    await ui.evaluate(({ key, engine }) => {
      window[key] = (window[key] || []).concat(window.__lat);
      window[`${key}Engine`] = (window[`${key}Engine`] || []).concat(engine);
    }, { key, engine });
  }
  return ui.evaluate((key) => ({ screen: window[key], engine: window[`${key}Engine`] }), key);
};
const typed = await typeQueries('__all');
await ui.getByTestId('search').fill('');
await ui.locator('[data-testid=doc-item]').first().click();
await ui.locator('[data-testid=reader] .sorot-reader__title').waitFor();
const typedReading = await typeQueries('__reading');
await browser2.close();
await server.close();

const mb = (b) => `${(b / 1048576).toFixed(0)} MB`;
const rows = [['Sorot (wasm)', engines.sorot], ['MiniSearch 7.2', engines.minisearch], ['FlexSearch 0.8', engines.flexsearch]];
const base = engines.minisearch;
const bs = stats(base.times);
console.log(`corpus: ${corpusPath} (${(corpus.length / 1e6).toFixed(1)} MB, ${engines.sorot.docs} documents), ${queries.length} queries x ${ROUNDS}`);
console.log('| engine | index build | query p50 | query p95 | index memory | build vs MiniSearch | p95 vs MiniSearch | memory vs MiniSearch |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [name, e] of rows) {
  const s = stats(e.times);
  console.log(`| ${name} | ${(e.build / 1000).toFixed(2)} s | ${s.p50.toFixed(2)} ms | ${s.p95.toFixed(2)} ms | ${mb(e.memory)} | ${(e.build / base.build).toFixed(2)}x | ${(s.p95 / bs.p95).toFixed(2)}x | ${(e.memory / base.memory).toFixed(2)}x |`);
}
console.log(`Sorot's index memory is the index's own estimate of its heap; its WebAssembly memory grew by ${mb(engines.sorot.peak)} at the peak of parsing and building (never returned to the browser). The peers' is the JS heap growth after a forced GC.`);
console.log(`explorer: ${docsLoaded} articles ready ${(loadMs / 1000).toFixed(2)} s after the response began (download, parse, annotate, index; median of ${loads.map((x) => (x / 1000).toFixed(2)).join(', ')} s)`);
console.log(`explorer: WebAssembly memory after loading ${mb(uiMem.wasm)} (target < 250 MB), JS heap ${mb(uiMem.js)}`);
const ms = (x) => `${x.toFixed(1)} ms`;
for (const [what, t] of [['no article open', typed], ['an article open', typedReading]]) {
  const l = stats(t.screen);
  const e = t.engine.length ? stats(t.engine) : null;
  const engine = e ? `; the engine's search p50 ${ms(e.p50)}, p95 ${ms(e.p95)} over ${t.engine.length} searches` : '; engine time not recorded by this build';
  console.log(`explorer (${what}): keystroke to results on screen p50 ${ms(l.p50)}, p95 ${ms(l.p95)} over ${t.screen.length} keystrokes (target p50 ≤ 8 ms, p95 ≤ 16 ms)${engine}`);
}
