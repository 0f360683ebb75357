// The site once visited reopens with no network at all (the server gone), and a new deploy is
// picked up on the next load: the service worker (web/sw.js) keeps the page and its files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve, launch } from './harness.js';

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
