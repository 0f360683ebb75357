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
// (one input event, as bench/publish-bench.js does) with everything cached.
import { readFileSync, statSync } from 'node:fs';
import { serve, launch, openPage } from '../e2e/harness.js';
const source = process.argv[2] || new URL('../../shared/corpora/clickid.jsonl', import.meta.url).pathname;
const bundle = statSync(source).isDirectory();
const queries = readFileSync(new URL('./queries.txt', import.meta.url), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')).slice(0, bundle ? undefined : 12);
const server = bundle ? await serve({}, { mounts: { 'big/': source } }) : await serve({ 'c.jsonl': readFileSync(source) });
const browser = await launch();
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
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) || 0) + (dt[i] || 0)));
for (const [id, us] of counts) { const n = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`; self.set(k, (self.get(k) || 0) + us); }
// inclusive by function name
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const incl = new Map();
for (const [id, us] of counts) { const seen = new Set(); let x = id; while (x !== undefined) { const n = byId.get(x); const k = n.callFrame.functionName || '(anon)'; if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) || 0) + us); } x = parent.get(x); } }
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / 1000).toFixed(0).padStart(6)} ms  ${k.slice(0, 150)}`).join('\n');
const sub = new Map();
const incOf = (id) => { if (sub.has(id)) return sub.get(id); const n = byId.get(id); let t = counts.get(id) || 0; for (const c of n.children || []) t += incOf(c); sub.set(id, t); return t; };
const root = profile.nodes[0].id; incOf(root);
const lines = [];
const walk = (id, d) => { const n = byId.get(id); const t = sub.get(id); if (t < (Number(process.env.MIN_US) || 20000)) return; const name = (n.callFrame.functionName || '(anon)').replace(/::h[0-9a-f]{16}/g, '').replace(/reactive_graph::|tachys::|sorot_engine::|sorot_app::/g, ''); lines.push(`${'  '.repeat(Math.min(d, 40))}${(t / 1000).toFixed(0)} ${name.slice(0, 130)}`); for (const c of n.children || []) walk(c, d + 1); };
walk(root, 0);
console.log(lines.join('\n'));
console.log('SELF\n' + top(self, 45));
console.log('INCLUSIVE\n' + top(incl, 70));
await browser.close(); await server.close();
