// Annotation speed in the browser: the release build (dist/) in headless Chromium, timing the
// engine compiled to WebAssembly on the five seed articles, against the same engine natively
// (printed by `cargo run --release -p sorot-engine --example startup`) for a ratio.
//   node bench/browser-annotate.js [runs]        (after ./run build)
import { serve, launch, openPage } from '../e2e/harness.js';

const runs = Number(process.argv[2] || 200);
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { first: xs[0], median: q(0.5), p95: q(0.95) };
};
const server = await serve();
const browser = await launch();
const page = await openPage(browser, server.url);
const atLoad = await page.evaluate(() => ({
  gazetteer: Number(document.body.dataset.gazetteerMs), annotate: Number(document.body.dataset.annotateMs),
}));
const annotate = stats(await page.evaluate((n) => Array.from(window.wasmBindings.benchAnnotateSeeds(n)), runs));
const compile = stats(await page.evaluate(() => Array.from(window.wasmBindings.benchCompileGazetteer(20))));
const bytes = await page.evaluate(() => performance.getEntriesByType('resource')
  .filter((r) => r.name.endsWith('.wasm')).map((r) => r.encodedBodySize)[0]);
await browser.close();
await server.close();
const f = (x) => x.toFixed(2).padStart(7);
console.log(`Chromium, release build (wasm ${(bytes / 1024).toFixed(0)} KiB), ${runs} runs`);
console.log(`at page load      : gazetteer ${f(atLoad.gazetteer)} ms, annotate + index seeds ${f(atLoad.annotate)} ms`);
console.log(`annotate 5 seeds  : first ${f(annotate.first)} ms   median ${f(annotate.median)} ms   p95 ${f(annotate.p95)} ms   (target < 5 ms)`);
console.log(`compile gazetteer : first ${f(compile.first)} ms   median ${f(compile.median)} ms   p95 ${f(compile.p95)} ms`);
