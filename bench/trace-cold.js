// Where one cold query's time goes over a bundle, in order: a Chromium trace of the page while
// each query is typed into a freshly opened explorer (its shards and texts not yet fetched),
// printed as a timeline from the input event — every main-thread task over 0.3 ms (with the
// functions that took most of it, from a CPU profile taken at the same time: function names
// need a build that keeps them, see bench/profile.js) and every fetch's start and end.
//   SOROT_DIST=<build> node bench/trace-cold.js BUNDLE-FOLDER [query …] [--verbose]
// --verbose adds, under each task over 5 ms, our functions with the most inclusive time.
import { serve, launch } from '../e2e/harness.js';
const VERBOSE = process.argv.includes('--verbose');
const args = process.argv.slice(2).filter((a) => a !== '--verbose');
const folder = args[0];
const queries = args.slice(1).length ? args.slice(1) : ['rusia', 'kerja sama', 'perang dagang'];
const server = await serve({}, { mounts: { 'big/': folder } });
const browser = await launch();
const pause = (ms) => new Promise((ok) => setTimeout(ok, ms));
const RENDERING = new Map([['UpdateLayoutTree', 'style'], ['Layout', 'layout'], ['PrePaint', 'prepaint'], ['Paint', 'paint'],
  ['Layerize', 'layerize'], ['Commit', 'commit'], ['HitTest', 'hit test'], ['MinorGC', 'gc'], ['MajorGC', 'gc'],
  ['V8.GC_SCAVENGER', 'gc'], ['ParseAuthorStyleSheet', 'css parse'], ['IntersectionObserverController::computeIntersections', 'intersections']]);
const sampled = new WeakMap(); // profile → its samples, for samplesIn()
for (const q of queries) {
  // A new context per query (an empty cache), service workers blocked as in publish-bench.js.
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}?corpus=big/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
  await pause(1500); // the dictionary, asked for after ready
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing', transferMode: 'ReportEvents' });
  await cdp.send('Profiler.start');
  await page.evaluate(() => {
    addEventListener('input', () => performance.mark('sorot-input'), { capture: true, once: true });
    // Marks in the trace: the result count changed, the list changed.
    const count = document.querySelector('[data-testid=result-count]');
    new MutationObserver(() => performance.mark('count changed')).observe(count, { childList: true, subtree: true, characterData: true });
    new MutationObserver(() => performance.mark('list changed')).observe(document.querySelector('[data-testid=doc-list]'), { childList: true, subtree: true, characterData: true });
  });
  await page.getByTestId('search').fill(q);
  await pause(600);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await done;
  const mark = events.find((e) => e.name === 'sorot-input');
  const t0 = mark ? mark.ts : events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'input')?.ts;
  const main = events.find((e) => e.name === 'TracingStartedInBrowser')?.args?.data?.frames?.[0]?.processId;
  const mainTid = events.find((x) => x.name === 'CrRendererMain' || x.args?.name === 'CrRendererMain')?.tid;
  const rows = [];
  const names = new Map();
  for (const e of events) {
    const at = (e.ts - t0) / 1000;
    if (at < -1 || at > 400) continue;
    if (e.name === 'ResourceSendRequest') { names.set(e.args.data.requestId, e.args.data.url.split('/').slice(-2).join('/').slice(0, 20)); rows.push([at, `  fetch ${names.get(e.args.data.requestId)}`]); }
    if (e.name === 'ResourceFinish') rows.push([at, `  in    ${names.get(e.args.data.requestId)}`]);
    if ((e.name === 'count changed' || e.name === 'list changed') && e.ph !== 'e') rows.push([at, `* ${e.name}`]);
    if (e.name === 'RunTask' && e.ph === 'X' && e.dur > 300 && (main === undefined || e.pid === main) && e.tid === mainTid) {
      rows.push([at, `task ${(e.dur / 1000).toFixed(1)} ms → ${(at + e.dur / 1000).toFixed(1)}${topIn(profile, e.ts, e.ts + e.dur)}${renderingIn(events, mainTid, e.ts, e.ts + e.dur)}`]);
      if (VERBOSE && e.dur > 5000) rows.push([at, inclusiveIn(profile, e.ts, e.ts + e.dur)]);
    }
  }
  console.log(`\n${q}`);
  for (const [at, what] of rows.sort((a, b) => a[0] - b[0])) console.log(`${at.toFixed(1).padStart(7)}  ${what}`);
  await page.context().close();
}
await browser.close(); await server.close();

// The browser's own work inside a task (style, layout, paint, garbage collection), summed by
// kind: what the CPU profile shows only as "(program)".
function renderingIn(events, tid, from, to) {
  const sum = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || e.tid !== tid || e.ts < from || e.ts > to || !RENDERING.has(e.name)) continue;
    const k = RENDERING.get(e.name);
    sum.set(k, (sum.get(k) || 0) + e.dur);
  }
  const parts = [...sum].filter(([, us]) => us >= 200).sort((a, b) => b[1] - a[1]).map(([k, us]) => `${k} ${(us / 1000).toFixed(1)}`);
  return parts.length ? `  {${parts.join(', ')}}` : '';
}

// Calls `each(stack, µs)` for every sample of `profile` between two trace timestamps (µs), with
// the sample's call stack from its innermost frame out (function names). Each profile's samples
// are timed and their stacks walked once (in `sampled`), however many tasks ask.
function samplesIn(profile, from, to, each) {
  if (!sampled.has(profile)) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
    let t = profile.startTime;
    sampled.set(profile, profile.samples.map((id, i) => {
      t += profile.timeDeltas[i];
      const stack = [];
      for (let x = id; x !== undefined; x = parent.get(x)) stack.push(byId.get(x).callFrame.functionName);
      return { t, us: profile.timeDeltas[i], stack };
    }));
  }
  for (const s of sampled.get(profile)) if (s.t >= from && s.t <= to) each(s.stack, s.us);
}
// A function's name without its hash and crate, cut to `n` characters.
function short(f, n) {
  return f.replace(/::h[0-9a-f]{16}/g, '').replace(/sorot_engine::|sorot_app::/g, '').slice(0, n);
}

// The sorot functions with the most self time between two trace timestamps (µs): each sample
// counts for its innermost frame of ours, else its innermost.
function topIn(profile, from, to) {
  const self = new Map();
  samplesIn(profile, from, to, (stack, us) => {
    const name = short(stack.find((f) => /sorot_app|sorot_engine/.test(f)) || stack[0] || '(anon)', 60);
    self.set(name, (self.get(name) || 0) + us);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`);
  return top.length ? `  [${top.join('; ')}]` : '';
}

// Our functions with the most inclusive time between two trace timestamps (µs), one per line.
function inclusiveIn(profile, from, to) {
  const incl = new Map();
  samplesIn(profile, from, to, (stack, us) => {
    const ours = stack.filter((f) => /sorot_app|sorot_engine|reactive_graph|tachys/.test(f) || /^[a-z_]+$/.test(f));
    for (const name of new Set(ours.map((f) => short(f, 100)))) incl.set(name, (incl.get(name) || 0) + us);
  });
  return [...incl].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `           ${(v / 1000).toFixed(1).padStart(5)} ${k}`).join('\n');
}
