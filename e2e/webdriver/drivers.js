// WebDriver plumbing for the tests in other engines: Firefox ESR through geckodriver and WebKit
// (WebKitGTK's MiniBrowser) through WebKitWebDriver under Xvfb, both driven by selenium-webdriver
// pointed at a driver we start ourselves (its own driver download manager is never used).
//
// Every driver runs in its own process group, so that stopping it also stops the browser, its
// helper processes and Xvfb, and everything that waits has a deadline.
import { spawn } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import webdriver from 'selenium-webdriver';
import { BASE_PATH } from '../harness.js';

const { Builder } = webdriver;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');
const CARGO_BIN = join(process.env.CARGO_HOME || join(process.env.HOME || '/root', '.cargo'), 'bin');
const PATH = [join(ROOT, 'node_modules/.bin'), CARGO_BIN, process.env.PATH].join(':');

export const ENGINES = {
  firefox: {
    name: 'Firefox ESR',
    command: (port) => ['geckodriver', ['--host', '127.0.0.1', '--port', String(port)]],
    capabilities: {
      browserName: 'firefox',
      'moz:firefoxOptions': { binary: '/usr/bin/firefox-esr', args: ['-headless'] },
    },
  },
  webkit: {
    name: 'WebKit',
    // MiniBrowser has no headless mode: xvfb-run gives it a display of its own.
    command: (port) => ['xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`]],
    capabilities: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    },
  },
};

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** `promise`, or a rejection naming `what` once `ms` have passed. */
export function deadline(promise, ms, what) {
  let timer;
  const late = new Promise((_, fail) => { timer = setTimeout(() => fail(new Error(`${what}: no answer within ${ms} ms`)), ms); });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function freePort() {
  const server = createNetServer();
  await new Promise((ok, fail) => { server.once('error', fail); server.listen(0, '127.0.0.1', ok); });
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

// Process groups still running. If the test process ends before stopping them, they are asked
// to stop (so that Xvfb removes its lock file) and killed by a detached `sh` 3 s later.
const running = new Set();
function killGroup(pid, signal) {
  try { process.kill(-pid, signal); } catch { /* already gone */ }
}
function groupAlive(pid) {
  try { process.kill(-pid, 0); return true; } catch { return false; }
}
async function groupGone(pid, ms) {
  for (const until = Date.now() + ms; groupAlive(pid) && Date.now() < until;) await sleep(50);
}
process.on('exit', () => {
  if (running.size === 0) return;
  for (const pid of running) killGroup(pid, 'SIGTERM');
  const groups = [...running].map((pid) => `-${pid}`).join(' ');
  try { spawn('sh', ['-c', `sleep 3; kill -KILL -- ${groups} 2>/dev/null`], { detached: true, stdio: 'ignore' }).unref(); } catch { /* nothing more to do */ }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

/**
 * Starts `engine`'s WebDriver server on a free port and waits until it answers /status.
 * Returns { url, stop, log }; stop() ends its whole process group and is safe to call twice.
 */
export async function startDriver(engine, { timeout = 30000 } = {}) {
  const port = await freePort();
  const [cmd, args] = ENGINES[engine].command(port);
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PATH } });
  let log = '';
  const keep = (chunk) => { log = (log + chunk).slice(-20000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const gone = new Promise((ok) => child.once('exit', (code, signal) => { exited = signal ?? code; ok(); }));
  child.once('error', (e) => { keep(`\n${cmd}: ${e.message}\n`); exited = exited ?? 'spawn error'; });
  if (child.pid) running.add(child.pid);

  const stop = async () => {
    if (!child.pid || !running.has(child.pid)) return;
    // The whole group, not only the driver: Xvfb must have time to remove its lock file.
    killGroup(child.pid, 'SIGTERM');
    await groupGone(child.pid, 5000);
    killGroup(child.pid, 'SIGKILL'); // whatever of the group ignored SIGTERM
    await Promise.race([gone, sleep(2000)]);
    running.delete(child.pid);
  };

  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + timeout;
  for (;;) {
    if (exited !== null) { await stop(); throw new Error(`${cmd} exited (${exited}) before answering:\n${log}`); }
    try {
      const res = await fetch(`${url}/status`, { signal: AbortSignal.timeout(2000) });
      await res.body?.cancel();
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > until) { await stop(); throw new Error(`${cmd} did not answer on ${url} within ${timeout} ms:\n${log}`); }
    await sleep(200);
  }
  return { url, stop, log: () => log };
}

/** A WebDriver session with `engine`'s capabilities on the driver at `url`, with page timeouts set. */
export async function openSession(engine, url, { timeout = 60000 } = {}) {
  const driver = await deadline(
    new Builder().usingServer(url).withCapabilities(ENGINES[engine].capabilities).disableEnvironmentOverrides().build(),
    timeout, `${ENGINES[engine].name}: creating a session`);
  await driver.manage().setTimeouts({ implicit: 0, pageLoad: 30000, script: 15000 });
  try { await driver.manage().window().setRect({ width: 1280, height: 900 }); } catch { /* some drivers cannot resize */ }
  return driver;
}

/** Ends the session (closing the browser), giving up after `timeout` ms: stopping the driver follows anyway. */
export async function quit(driver, timeout = 10000) {
  if (!driver) return;
  try { await deadline(driver.quit(), timeout, 'ending the session'); } catch { /* the process group is stopped next */ }
}

async function filesUnder(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...await filesUnder(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Runs `cmd` to its end or until `timeout` ms have passed (then its process group is killed). */
function run(cmd, args, timeout) {
  return new Promise((ok) => {
    const child = spawn(cmd, args, { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PATH } });
    let out = '';
    const keep = (chunk) => { out = (out + chunk).slice(-8000); };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    if (child.pid) running.add(child.pid);
    const timer = setTimeout(() => { keep(`\n${cmd}: killed after ${timeout} ms\n`); killGroup(child.pid, 'SIGKILL'); }, timeout);
    const done = (code) => { clearTimeout(timer); running.delete(child.pid); ok({ ok: code === 0, out }); };
    child.once('error', (e) => { keep(`\n${cmd}: ${e.message}\n`); done(-1); });
    child.once('exit', (code) => done(code));
  });
}

/**
 * Makes sure the release build exists in dist/: builds it with Trunk if it is missing, first
 * waiting (up to `wait` ms) for a Trunk that `./run setup` may still be installing.
 */
export async function ensureDist({ wait = 20 * 60000, build = 20 * 60000 } = {}) {
  if (existsSync(join(DIST, 'index.html'))) return;
  const until = Date.now() + wait;
  while (!(await run('trunk', ['--version'], 10000)).ok) {
    if (Date.now() > until) throw new Error(`dist/ is missing and trunk --version still fails after ${wait} ms`);
    await sleep(5000);
  }
  const r = await run('trunk', ['build', '--release', '--offline'], build);
  if (!r.ok || !existsSync(join(DIST, 'index.html'))) throw new Error(`trunk build --release --offline failed:\n${r.out}`);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.jsonl': 'application/x-ndjson', '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the release build on 127.0.0.1 under harness.js's sub-path, plus `extra` files
 * (name → content) beside it. dist/ is read into memory first, so that a rebuild running at the
 * same time cannot change the site under the tests. Every path asked for is kept in `requests`.
 */
export async function serveDist(extra = {}) {
  const files = new Map();
  for (const path of await filesUnder(DIST)) files.set(relative(DIST, path).split('\\').join('/'), await readFile(path));
  for (const [name, content] of Object.entries(extra)) files.set(name, Buffer.from(content));
  const requests = [];
  const server = createHttpServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    requests.push(path);
    if (!path.startsWith(BASE_PATH)) { res.writeHead(404).end(); return; }
    let rel;
    try { rel = decodeURIComponent(path.slice(BASE_PATH.length)) || 'index.html'; } catch { res.writeHead(400).end(); return; }
    const body = files.get(rel);
    if (!body) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    requests,
    close: () => { server.closeAllConnections?.(); return new Promise((ok) => server.close(ok)); },
  };
}
