// The site once visited reopens with no network at all (the server gone), and a new deploy is
// picked up on the next load: the service worker (web/sw.js) keeps the page and its files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBundle, serve, launch } from './harness.js';

const INDEX = readFileSync(new URL('../dist/index.html', import.meta.url), 'utf8');
let deploy = 1;
let server, browser;
before(async () => {
  // The page as deploy N would serve it: the same files, a title that says which deploy.
  const index = (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    .end(INDEX.replace(/<title>[^<]*<\/title>/, `<title>Sorot deploy ${deploy}</title>`));
  server = await serve({ 'index.html': index });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const ready = (page) => page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });

test('a visited site reopens offline, and a new deploy is picked up on the next load', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${server.url}?q=rusia`);
  await ready(page);
  assert.equal(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.active?.state)), 'activated');
  // The first load came before the worker: it keeps the files from the next load on.
  await page.reload();
  await ready(page);
  assert.ok(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'the worker controls the page');
  assert.equal(await page.title(), 'Sorot deploy 1');

  // A new deploy: the next load shows it.
  deploy = 2;
  await page.reload();
  await ready(page);
  assert.equal(await page.title(), 'Sorot deploy 2');

  // The server goes away: the site still opens, with any query, and searches.
  await server.close();
  await page.goto(`${server.url}?q=asean`);
  await ready(page);
  assert.equal(await page.title(), 'Sorot deploy 2', 'the newest deploy was kept');
  assert.ok(await page.locator('[data-testid=doc-item]').count() > 0);
  await page.getByTestId('search').fill('lavrov');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-item]').length > 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a rebuilt bundle replaces the files kept of the one before', async () => {
  // Two deploys of one bundle folder: the second adds an article.
  const records = [
    { id: 'a', title: 'Rusia dan China', date: '2024-03-01', text: 'Rusia dan China membahas kerja sama di forum SCO.' },
    { id: 'b', title: 'ASEAN', date: '2024-03-02', text: 'Para menteri ASEAN bertemu di Indonesia.' },
  ];
  const build = (docs) => {
    const { folder, paths } = buildBundle(docs);
    return { folder, files: paths.filter((f) => f.endsWith('.bin')), meta: JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')).meta };
  };
  const first = build(records);
  const second = build([...records, { id: 'c', title: 'Jepang', date: '2024-03-03', text: 'Jepang dan Amerika Serikat.' }]);
  assert.notEqual(first.meta, second.meta);
  const mounts = { 'b/': first.folder };
  const site = await serve({}, { mounts });
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const open = async (docs) => {
    await page.goto(`${site.url}?corpus=b/`);
    await ready(page);
    await page.waitForFunction((n) => document.body.dataset.docs === String(n), docs);
  };
  // What the worker keeps of bundles: per cache, the files' `kind/hash.bin`.
  const kept = () => page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      if (name.startsWith('sorot-bundle ')) out[name.split(' ').pop()] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname.split('/').slice(-2).join('/')).sort();
    }
    return out;
  });
  const until = async (what, probe) => {
    for (const t0 = Date.now(); Date.now() - t0 < 20000; await new Promise((ok) => setTimeout(ok, 100))) if (await probe()) return;
    assert.fail(`${what}: ${JSON.stringify(await kept())}`);
  };
  await open(2);
  await open(2); // now through the worker, which keeps the whole small bundle once it is fetched
  await until('the first deploy is kept whole', async () => JSON.stringify(await kept()) === JSON.stringify({ [first.meta]: first.files }));

  mounts['b/'] = second.folder;
  await open(3);
  await until('only the second deploy is kept', async () => JSON.stringify(await kept()) === JSON.stringify({ [second.meta]: second.files }));
  assert.deepEqual(problems, []);
  await context.close();
  await site.close();
});
