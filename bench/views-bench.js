// The overview's views on a large corpus, in headless Chromium: clickid.jsonl built into a
// bundle with `sorot build`, opened in the explorer, then filter changes made as a reader makes
// them (an entity of the facets on and off, an outlet, a timeline bar, a year), timing each from
// the click to the frame in which the results (the peer: what the page updated before these
// views existed), the overview's top entities, the timeline and the co-occurrence matrix all show
// the new matches. Then the same for queries (bench/queries.txt, each put into the search box in
// one input event, then cleared): a query is a change of the view too, and over a bundle its
// shards and texts are fetched. Also: from ready (the first results on screen) to the overview
// on screen.
// With --raw, the JSON Lines file itself is opened (annotated and indexed in the page: no file
// is fetched after load, so the figures are the page's own work).
// With --profile, a CPU profile of the changes is printed after the figures (function names
// need a build that keeps them: see bench/profile.js), and the figures are slowed by it.
//   node bench/views-bench.js [corpus.jsonl] [--changes N] [--raw] [--profile]     (after ./run build)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openPage } from '../e2e/harness.js';
import { printProfile } from './cpu-profile.js';

const args = process.argv.slice(2);
const flag = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : fallback; };
const changes = Number(flag('--changes', 40));
const raw = args.includes('--raw') && args.splice(args.indexOf('--raw'), 1);
const profiling = args.includes('--profile') && args.splice(args.indexOf('--profile'), 1);
const corpus = args[0] || new URL('../../shared/corpora/clickid.jsonl', import.meta.url).pathname;
const root = new URL('..', import.meta.url).pathname;
const sorot = join(root, 'target/release/sorot');
if (!existsSync(sorot)) execFileSync('cargo', ['build', '--release', '-p', 'sorot-cli'], { cwd: root, stdio: 'inherit' });
const out = mkdtempSync(join(tmpdir(), 'sorot-views-'));
if (!raw) execFileSync(sorot, ['build', corpus, '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });

const server = await serve(raw ? { 'big.jsonl': readFileSync(corpus) } : {}, { mounts: { 'big/': out } });
const browser = await launch();
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, p50: q(0.5), p95: q(0.95), max: s.at(-1) };
};
const fmt = ({ n, p50, p95, max }) => `p50 ${p50.toFixed(1)} / p95 ${p95.toFixed(1)} / max ${max.toFixed(1)} ms (${n})`;

const loads = [];
let page;
for (let i = 0; i < 3; i++) {
  await page?.context().close();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // Record when the page is ready and when the overview's views are first all on screen.
  await context.addInitScript(() => {
    const mark = () => {
      const b = document.body;
      if (b?.dataset.ready === 'true' && window.__ready === undefined) window.__ready = performance.now();
      if (window.__overview === undefined && document.querySelector('[data-testid=timeline] a[data-period]') && document.querySelector('[data-testid=cooccurrence] a[data-a]') && document.querySelector('[data-testid=top-entities] tr[data-entity]')) {
        requestAnimationFrame(() => { window.__overview = performance.now(); });
      }
    };
    new MutationObserver(mark).observe(document, { subtree: true, childList: true, attributes: true });
  });
  page = await context.newPage();
  await page.goto(`${server.url}?corpus=${raw ? 'big.jsonl' : 'big/'}`);
  await page.waitForFunction(() => window.__overview !== undefined && window.__ready !== undefined, null, { timeout: 120000 });
  loads.push(await page.evaluate(() => window.__overview - window.__ready));
}

// The filter changes: links to click, found in the page at each step.
const targets = [];
const countries = await page.$$eval('[data-testid=entity-panel] a[data-entity]', (as) => as.slice(0, 8).map((a) => a.dataset.entity));
for (const e of countries) targets.push({ on: `[data-testid=entity-panel] a[data-entity="${e}"]`, off: `[data-testid=entity-panel] a[data-entity="${e}"]` });
const bars = await page.$$eval('[data-testid=timeline] figure[data-series=matches] a[data-period]', (as) => as.filter((a) => a.dataset.docs !== '0').map((a) => a.dataset.period));
for (const p of bars) targets.push({ on: `[data-testid=timeline] figure[data-series=matches] a[data-period="${p}"]`, off: `[data-testid=timeline] figure[data-series=matches] a[data-period="${p}"]` });
const outlets = await page.$$eval('[data-testid=facet-outlets] a[data-value]', (as) => as.slice(0, 4).map((a) => a.dataset.value));
for (const o of outlets) targets.push({ on: `[data-testid=facet-outlets] a[data-value="${o}"]`, off: `[data-testid=facet-outlets] a[data-value="${o}"]` });
const years = await page.$$eval('[data-testid=facet-periods] a[data-value]', (as) => as.map((a) => a.dataset.value));
for (const y of years) targets.push({ on: `[data-testid=facet-periods] a[data-value="${y}"]`, off: `[data-testid=facet-periods] a[data-value="${y}"]` });

// One change: a click on `selector`, or `query` put into the search box; then poll every frame
// until each part shows the result count.
const change = (selector, query) => page.evaluate(([selector, query]) => new Promise((done, fail) => {
  const target = document.querySelector(selector);
  if (!target) { fail(new Error(`no ${selector}`)); return; }
  const before = document.querySelector('[data-testid=result-count]').innerText;
  const t0 = performance.now();
  if (query === undefined) target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
  else { target.value = query; target.dispatchEvent(new Event('input', { bubbles: true })); }
  const seen = {};
  const tick = () => {
    const now = performance.now();
    const text = document.querySelector('[data-testid=result-count]')?.innerText ?? '';
    const n = Number((text.match(/^(\d+)/) || [])[1]);
    if (seen.results === undefined && text !== before) seen.results = now - t0;
    if (seen.results !== undefined) {
      for (const part of ['overview', 'timeline', 'cooccurrence']) {
        if (seen[part] === undefined && document.querySelector(`[data-testid=${part}]`)?.dataset.matches === String(n)) seen[part] = now - t0;
      }
    }
    if (['results', 'overview', 'timeline', 'cooccurrence'].every((k) => seen[k] !== undefined)) done({ ...seen, matches: n });
    else if (now - t0 > 5000) fail(new Error(`${selector}: not all updated after 5 s: ${JSON.stringify(seen)}`));
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}), [selector, query]);

const parts = ['results', 'overview', 'timeline', 'cooccurrence'];
const record = (times, r) => {
  for (const k of parts) times[k].push(r[k]);
  times.slowest.push(Math.max(r.overview, r.timeline, r.cooccurrence));
};
const blank = () => Object.fromEntries([...parts, 'slowest'].map((k) => [k, []]));
const times = blank();
let made = 0;
const cdp = profiling && await page.context().newCDPSession(page);
if (cdp) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
}
for (const t of targets) {
  if (made >= changes) break;
  for (const selector of [t.on, t.off]) {
    const r = await change(selector);
    if (process.env.VERBOSE) console.log(selector, JSON.stringify(r));
    record(times, r);
    made++;
  }
}
// Queries, each then cleared; one whose count is the previous one's is left out (the count's
// change is what the poll waits for).
const queries = readFileSync(new URL('queries.txt', import.meta.url), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
const typed = blank();
let skipped = 0;
for (const q of queries) {
  for (const text of [q, '']) {
    const r = await change('[data-testid=search]', text).catch((e) => (/not all updated/.test(e.message) ? null : Promise.reject(e)));
    if (process.env.VERBOSE) console.log(JSON.stringify(text), JSON.stringify(r));
    if (r) record(typed, r); else skipped++;
  }
}
const profile = cdp && (await cdp.send('Profiler.stop')).profile;
const documents = await page.evaluate(() => document.querySelector('[data-testid=result-count]').innerText);
console.log(`corpus: ${corpus} (${documents}), ${raw ? 'the JSON Lines file, in memory' : `a bundle built in ${out}`}`);
console.log(`overview on screen after ready (3 loads): ${loads.map((x) => x.toFixed(0)).join(', ')} ms`);
console.log(`filter changes (${made}: ${countries.length} entities, ${bars.length} timeline bars, ${outlets.length} outlets, ${years.length} periods; each on and off), click to the frame showing the new matches:`);
const print = (times) => {
  for (const k of parts) console.log(`  ${k.padEnd(13)} ${fmt(stats(times[k]))}`);
  const slow = stats(times.slowest);
  console.log(`  all views     ${fmt(slow)}; ratio to the results' p95: ${(slow.p95 / stats(times.results).p95).toFixed(2)}`);
};
print(times);
console.log(`queries (${typed.results.length} of ${queries.length * 2}: each of bench/queries.txt put into the search box at once, then cleared${skipped ? `; ${skipped} left out, the count unchanged` : ''}), input to the frame showing the new matches:`);
print(typed);
if (profile) printProfile(profile);
await browser.close();
await server.close();
rmSync(out, { recursive: true, force: true });
