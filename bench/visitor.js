// What the browser benchmarks share to load a page as a visitor's browser does: with no DevTools
// client (a client such as Playwright turns on the network agent, which records every request
// and the stack that made it; see bench/fetch-floor.js), over HTTPS from 127.0.0.1 with a
// certificate made for the run. The page measures itself and POSTs its figures as JSON.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/harness.js';

/** A key and a certificate for 127.0.0.1, made with openssl for this run (Chromium is told to accept it). */
export function selfSigned() {
  const dir = mkdtempSync(join(tmpdir(), 'sorot-bench-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    '-subj', '/CN=127.0.0.1', '-days', '2', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

/** The JSON body of a request. */
export async function jsonBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return JSON.parse(Buffer.concat(chunks).toString());
}

/**
 * Opens `url` in a headless Chromium of its own (a fresh profile: an empty cache) and resolves
 * with what `posted` (the promise of the page's figures) gives, within `timeoutMs`; the browser
 * and its profile are gone by then. With `warm`, the browser starts on a blank page that opens
 * `url` a second later (a visitor's browser is running before the site is opened; the blank page
 * is on an opaque origin, sharing no cache or connection with the site).
 */
export async function visit(url, posted, { warm = true, flags = [], timeoutMs = 600000 } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'sorot-bench-profile-'));
  const open = warm ? `data:text/html,<script>setTimeout(() => location.replace(${encodeURIComponent(JSON.stringify(url))}), 1000)</script>` : url;
  const chrome = spawn(CHROMIUM, [...CHROMIUM_ARGS, ...flags, '--headless=new', `--user-data-dir=${profile}`, open], { stdio: 'ignore' });
  let timer;
  try {
    return await Promise.race([posted, new Promise((_, fail) => {
      timer = setTimeout(() => fail(new Error(`${url}: no figures within ${timeoutMs / 1000} s`)), timeoutMs);
    })]);
  } finally {
    clearTimeout(timer);
    chrome.kill();
    if (chrome.exitCode === null && chrome.signalCode === null) await once(chrome, 'exit');
    await rm(profile, { recursive: true, force: true, maxRetries: 3 });
  }
}
