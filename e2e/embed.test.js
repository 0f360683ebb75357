// A view embeds with one line: a page on another origin frames ?embed=1 with embed.js, and the
// frame sizes itself to its content, follows navigation inside it, and nothing logs an error.
// The full page's "Embed" control gives that line for the current view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage } from './harness.js';

let site, host, browser;
const hostPage = (src) => `<!doctype html><html><head><title>Host</title><link rel="icon" href="data:,"></head><body>
<h1>A newsroom's article</h1><p>Before the frame.</p>
<iframe data-sorot src="${src}" title="Sorot" style="width:100%;border:0"></iframe>
<p id="after">After the frame.</p>
<script src="${site.url}embed.js" async></script></body></html>`;
before(async () => {
  site = await serve();
  host = await serve({
    'host.html': (req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(hostPage(`${site.url}?q=rusia&embed=1`)),
    'dark.html': (req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(hostPage(`${site.url}?q=asean&embed=1&theme=dark`)),
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await site?.close(); await host?.close(); });

const frameHeight = (page) => page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);

test('an embedded view on another origin sizes its frame and follows navigation inside it', async () => {
  assert.notEqual(new URL(site.url).origin, new URL(host.url).origin);
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.goto(`${host.url}host.html`);
  const frame = page.frameLocator('iframe[data-sorot]');
  await frame.locator('body[data-ready="true"]').waitFor();
  // The default height of an iframe is 150 px: the content is taller, and the frame follows.
  await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 300);
  const results = await frameHeight(page);
  const inner = await frame.locator('html').evaluate((el) => el.scrollHeight);
  assert.ok(Math.abs(results - inner) <= 2, `frame ${results} px, content ${inner} px`);
  // The compact layout: no header, no facets, a link to the full view.
  assert.equal(await frame.locator('.sorot-header').count(), 0);
  assert.equal(await frame.locator('[data-testid=entity-panel]').count(), 0);
  const open = await frame.getByText('Open in Sorot').getAttribute('href');
  assert.ok(open.includes('q=rusia') && !open.includes('embed'), open);
  // Opening an article inside the frame: its links keep the embed layout, and the frame grows.
  await frame.locator('[data-testid=doc-item]').first().click();
  await frame.locator('[data-testid=reader-body][data-rendered]').waitFor();
  assert.match(await frame.locator('html').evaluate(() => location.search), /embed=1/);
  // The frame follows the article's height (the overview it replaces may be about as tall).
  const article = await frame.locator('html').evaluate((el) => el.scrollHeight);
  await page.waitForFunction((h) => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - h) <= 2, article);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an embedded view takes its theme from the URL', async () => {
  const context = await browser.newContext({ colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(`${host.url}dark.html`);
  const frame = page.frameLocator('iframe[data-sorot]');
  await frame.locator('body[data-ready="true"]').waitFor();
  const bg = await frame.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(bg, 'rgb(21, 21, 23)', 'dark although the reader prefers light');
  await context.close();
});

test('the Embed control gives the snippet of the current view, which frames that view', async () => {
  const page = await openPage(browser, `${site.url}?q=kerja+sama&e=RU`);
  await page.getByTestId('embed').locator('summary').click();
  const code = await page.getByTestId('embed-code').inputValue();
  assert.match(code, /^<iframe data-sorot src="[^"]+\?q=kerja\+sama&e=RU&embed=1" title="[^"]+" loading="lazy"/);
  assert.match(code, /<script src="[^"]+embed\.js" async><\/script>$/);
  // The snippet, pasted into a page of another origin, shows the same view.
  const src = code.match(/src="([^"]+)"/)[1];
  const other = await browser.newPage();
  await other.setContent(`<!doctype html><body>${code}</body>`, { waitUntil: 'load' });
  const frame = other.frameLocator('iframe[data-sorot]');
  await frame.locator('body[data-ready="true"]').waitFor();
  assert.equal(await frame.getByTestId('result-count').innerText(), await page.getByTestId('result-count').innerText());
  assert.ok(src.startsWith(site.url));
  assert.deepEqual(page.problems, []);
  await other.close();
  await page.context().close();
});
