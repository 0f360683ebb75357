// Prints a CPU profile from Chrome's Profiler domain as the benchmarks read it: the call tree
// (nodes over MIN_US microseconds, 20 ms unless set), then the functions with the most self
// time and the most inclusive time, names shortened.
export function printProfile(profile) {
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
}
