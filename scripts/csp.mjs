// Gives the built page (dist/index.html) a strict Content-Security-Policy, as a <meta> tag right
// after its charset: scripts only from the site itself, WebAssembly compiled from them, and the
// one inline start-up script Trunk writes, by its hash; styles only from the site's stylesheet
// (no style attributes); corpora from any http(s) host the reader names with ?corpus=. Run by
// ./run build after Trunk; running it again replaces the policy.
//   node scripts/csp.mjs [dist/index.html]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2] || new URL('../dist/index.html', import.meta.url).pathname;
let html = readFileSync(file, 'utf8').replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length === 0) throw new Error(`${file}: no inline start-up script found (has Trunk changed its output?)`);
const hashes = inline.map((s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data:",
  // ?corpus= may name a JSON Lines file on another host (which must allow it: CORS).
  "connect-src 'self' http: https:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
const charset = /<meta charset="utf-8"\s*\/?>/i;
if (!charset.test(html)) throw new Error(`${file}: no <meta charset="utf-8"> to put the policy after`);
html = html.replace(charset, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
writeFileSync(file, html);
console.log(`${file}: Content-Security-Policy with ${hashes.length} inline script hash(es)`);
