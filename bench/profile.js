// Where the time of typing goes: a CPU profile of the explorer while the first 12 queries of
// bench/queries.txt are typed into it with clickid.jsonl loaded, printed as a call tree (nodes
// over 20 ms) and the functions with the most self time. Function names need a build that
// keeps them (wasm-opt drops them):
//   sed 's/data-wasm-opt="z"/data-wasm-opt="0" data-keep-debug/' index.html > index-prof.html
//   trunk build --release --offline --dist /tmp/dist-prof index-prof.html && rm index-prof.html
//   SOROT_DIST=/tmp/dist-prof node bench/profile.js
//
// Given a folder (a bundle from `sorot build`) instead of a JSON Lines file, it opens that bundle,
// runs the queries once to fetch their shards and texts, then profiles each query filled at once
// (one input event, as bench/publish-bench.js does) with everything cached. With --load, it
// profiles the load instead: from navigation until the page is ready (body[data-ready]).
//   node bench/profile.js [CORPUS.jsonl | BUNDLE-FOLDER] [--load]
import { printProfile } from './cpu-profile.js';
import { readFileSync, statSync } from 'node:fs';
import { serve, launch, openPage } from '../e2e/harness.js';
const args = process.argv.slice(2);
const LOAD = args.includes('--load');
const source = args.find((a) => !a.startsWith('--')) || new URL('../../shared/corpora/clickid.jsonl', import.meta.url).pathname;
const bundle = statSync(source).isDirectory();
const queries = readFileSync(new URL('./queries.txt', import.meta.url), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')).slice(0, bundle ? undefined : 12);
const server = bundle ? await serve({}, { mounts: { 'big/': source } }) : await serve({ 'c.jsonl': readFileSync(source) });
const browser = await launch();
if (LOAD) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(`${server.url}?corpus=${bundle ? 'big/' : 'c.jsonl'}`);
  await page.waitForSelector('body[data-ready]', { timeout: 180000 });
  const ready = await page.evaluate(() => performance.now());
  const { profile } = await cdp.send('Profiler.stop');
  console.log(`ready seen at ${ready.toFixed(0)} ms from navigation`);
  printProfile(profile);
  await browser.close(); await server.close();
  process.exit(0);
}
const ui = await openPage(browser, `${server.url}?corpus=${bundle ? 'big/' : 'c.jsonl'}`, { timeout: 180000 });
const cdp = await ui.context().newCDPSession(ui);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
const box = ui.getByTestId('search');
const pause = (ms) => new Promise((ok) => setTimeout(ok, ms));
if (bundle) for (const q of queries) { await box.fill(''); await pause(300); await box.fill(q); await pause(600); }
await cdp.send('Profiler.start');
if (bundle) for (const q of queries) { await box.fill(''); await pause(300); await box.fill(q); await pause(300); }
else for (const q of queries) { await box.fill(''); await box.pressSequentially(q, { delay: 120 }); }
const { profile } = await cdp.send('Profiler.stop');
printProfile(profile);
await browser.close(); await server.close();
