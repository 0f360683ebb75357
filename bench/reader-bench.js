// The reader on huge one-paragraph articles, in headless Chromium: how long until the article's
// start is on screen, how long until all of it is built, and the longest stretch the page was
// held up meanwhile (the longest gap between two frames, and the longest task).
//   node bench/reader-bench.js      (after ./run build)
import { serve, launch, openPage } from '../e2e/harness.js';

const UNIT = 'Menlu Rusia bertemu mitranya dari China di Jakarta pada hari Senin. ';
const SIZES_KB = [250, 500, 1000, 2000, 5000];
const lines = SIZES_KB.map((kb) => JSON.stringify({
  id: `p${kb}`, title: `${kb} KB in one paragraph`, text: UNIT.repeat(Math.ceil((kb * 1000) / UNIT.length)),
}));
const server = await serve({ 'reader.jsonl': lines.join('\n') + '\n' });
const browser = await launch();
const page = await openPage(browser, `${server.url}?corpus=reader.jsonl`, { timeout: 300000 });

const rows = [];
for (const kb of SIZES_KB) {
  const r = await page.evaluate(async (id) => {
    const frames = [];
    let last = performance.now();
    let running = true;
    const tick = (t) => { frames.push(t - last); last = t; if (running) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const tasks = [];
    const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) tasks.push(e.duration); });
    obs.observe({ type: 'longtask' });
    const frame = () => new Promise((ok) => requestAnimationFrame(() => ok(performance.now())));
    const url = new URL(location.href);
    url.searchParams.set('doc', id);
    const t0 = performance.now();
    history.pushState(null, '', url);
    dispatchEvent(new PopStateEvent('popstate'));
    let first = null;
    while (!document.querySelector('[data-testid=reader-body] mark.mention')) await new Promise((ok) => setTimeout(ok, 0));
    first = (await frame()) - t0;
    while (!document.querySelector('[data-testid=reader-body][data-rendered]')) await new Promise((ok) => setTimeout(ok, 5));
    const whole = (await frame()) - t0;
    running = false;
    obs.disconnect();
    const marks = document.querySelectorAll('[data-testid=reader-body] mark.mention').length;
    const blocks = document.querySelectorAll('[data-testid=reader-body] > p').length;
    return { first, whole, marks, blocks, frame: Math.max(...frames), task: Math.max(0, ...tasks) };
  }, `p${kb}`);
  rows.push({ kb, ...r });
  // Close it before the next one, so each starts from the same page.
  await page.evaluate(() => { const u = new URL(location.href); u.searchParams.delete('doc'); history.pushState(null, '', u); dispatchEvent(new PopStateEvent('popstate')); });
  await page.waitForTimeout(300);
}
page.on("console", () => {}); await browser.close();
await server.close();

console.log('| article | mentions | blocks | start on screen | whole article built | ms / MB | longest frame gap | longest task |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.kb >= 1000 ? `${r.kb / 1000} MB` : `${r.kb} KB`} | ${r.marks} | ${r.blocks} | ${r.first.toFixed(0)} ms | ${r.whole.toFixed(0)} ms | ${(r.whole / (r.kb / 1000)).toFixed(0)} | ${r.frame.toFixed(0)} ms | ${r.task.toFixed(0)} ms |`);
}
const [a, b] = [rows[0], rows[rows.length - 1]];
console.log(`${b.kb / a.kb}x the article cost ${(b.whole / a.whole).toFixed(1)}x the time to build in full, ${(b.first / a.first).toFixed(1)}x the time to show its start.`);
