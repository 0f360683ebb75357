// Every way a ?corpus= can fail to arrive gets a message that says what happened and what to do,
// with a way to try again when trying again can help; and no URL parameter, whatever it holds,
// ever becomes markup or script.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage } from './harness.js';

const doc = (i) => JSON.stringify({ id: `d${i}`, title: `Artikel ${i}`, text: `Rusia dan China bertemu di KTT SCO ke-${i}.` });
const CORPUS = [1, 2, 3].map(doc).join('\n') + '\n';
const HTML = '<!doctype html><html><body>Login</body></html>';

let server, other, browser;
let brokenOnce = 0;
before(async () => {
  // Another origin: one file it lets any page read, one it does not.
  other = await serve({
    'open.jsonl': (req, res) => res.writeHead(200, { 'content-type': 'application/x-ndjson', 'access-control-allow-origin': '*' }).end(CORPUS),
    'closed.jsonl': CORPUS,
  });
  server = await serve({
    'corpus.jsonl': CORPUS,
    'page.html': (req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(HTML),
    'to-page.jsonl': (req, res) => res.writeHead(302, { location: 'page.html' }).end(),
    'to-closed.jsonl': (req, res) => res.writeHead(302, { location: `${other.url}closed.jsonl` }).end(),
    'busy.jsonl': (req, res) => res.writeHead(503, { 'content-type': 'text/plain' }).end('busy'),
    // Broken off half-way the first time it is asked for, whole the second time.
    'broken.jsonl': (req, res) => {
      if (brokenOnce++ > 0) { res.writeHead(200, { 'content-type': 'application/x-ndjson' }).end(CORPUS); return; }
      res.writeHead(200, { 'content-type': 'application/x-ndjson', 'content-length': String(CORPUS.length * 100) });
      res.write(CORPUS);
      setTimeout(() => res.destroy(), 200);
    },
    'blank.jsonl': '\n\n   \n\r\n',
    'empty.jsonl': '',
    // Announces 700 MB: more than a tab can annotate and index.
    'huge.jsonl': (req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson', 'content-length': String(700e6) });
      res.write(CORPUS);
    },
    // Sends one line, then nothing, ever.
    'stalled.jsonl': (req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.write(doc(1) + '\n');
    },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); await other?.close(); });

/** Opens `?corpus=<corpus>` and waits for the failure panel; returns the page and its text. */
async function failing(corpus, { clock = false } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  if (clock) await page.clock.install();
  await page.goto(`${server.url}?corpus=${encodeURIComponent(corpus)}`);
  if (clock) {
    await page.getByTestId('corpus-progress').waitFor();
    await page.waitForTimeout(300);
    await page.clock.fastForward('00:31');
  }
  const err = page.getByTestId('corpus-error');
  await err.waitFor();
  return { page, text: await err.innerText(), retry: page.getByTestId('corpus-retry'), requests };
}

test('a corpus on another host that allows it loads; one that does not names the header its host must send', async () => {
  const ok = await openPage(browser, `${server.url}?corpus=${encodeURIComponent(`${other.url}open.jsonl`)}`);
  assert.equal(await ok.evaluate(() => document.body.dataset.docs), '3');
  const { page, text, retry } = await failing(`${other.url}closed.jsonl`);
  assert.match(text, new RegExp(`Access-Control-Allow-Origin: ${server.origin}`));
  assert.doesNotMatch(text, /JsValue|TypeError|wasm-function/);
  assert.equal(await retry.count(), 1, 'a refused read may be mended on the server: try again is offered');
  await page.context().close();
});

test('a redirect to a page, or to a host that does not allow it, says where it went', async () => {
  const toPage = await failing('to-page.jsonl');
  assert.match(toPage.text, /redirected to .*page\.html/);
  assert.match(toPage.text, /HTML page, not a JSON Lines file/);
  assert.equal(await toPage.retry.count(), 0, 'an HTML page will not turn into a corpus by asking again');
  await toPage.page.context().close();
  const away = await failing('to-closed.jsonl');
  assert.match(away.text, /to-closed\.jsonl redirects to another address/);
  assert.match(away.text, /Access-Control-Allow-Origin/);
  await away.page.context().close();
});

test('a download broken off says how far it got, and trying again loads the corpus', async () => {
  const { page, text, retry } = await failing('broken.jsonl');
  assert.match(text, /broken\.jsonl: the download broke off after 0\.0 MB/);
  await retry.click();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.evaluate(() => document.body.dataset.docs), '3');
  assert.equal(await page.locator('[data-testid=doc-item]').count(), 3);
  await page.context().close();
});

test('a download that stalls ends in a message after 30 s, not an endless "Downloading"', async () => {
  const { page, text, retry } = await failing('stalled.jsonl', { clock: true });
  assert.match(text, /stalled\.jsonl: the download stalled: nothing arrived for 30 s/);
  assert.equal(await retry.count(), 1);
  await page.context().close();
});

test('a busy server is worth a retry, a missing file is not', async () => {
  const busy = await failing('busy.jsonl');
  assert.match(busy.text, /503/);
  assert.equal(await busy.retry.count(), 1);
  await busy.page.context().close();
  const missing = await failing('nothing-here.jsonl');
  assert.match(missing.text, /404/);
  assert.equal(await missing.retry.count(), 0);
  await missing.page.context().close();
});

test('a corpus too large for a browser tab is refused with its size, before it is downloaded', async () => {
  const { page, text, retry } = await failing('huge.jsonl');
  assert.match(text, /The corpus is 700 MB: too large to annotate and index in a browser tab/);
  assert.match(text, /sorot annotate/);
  assert.equal(await retry.count(), 0);
  await page.context().close();
});

test('a file of blank lines is not called empty, and an empty one is', async () => {
  const blank = await failing('blank.jsonl');
  assert.match(blank.text, /blank\.jsonl holds only blank lines\./);
  await blank.page.context().close();
  const empty = await failing('empty.jsonl');
  assert.match(empty.text, /empty\.jsonl is empty\./);
  await empty.page.context().close();
});

test('a corpus address that is not http(s) is refused before anything is fetched', async () => {
  for (const corpus of ['data:application/json,{"id":"x","text":"Rusia"}', 'javascript:alert(1)', 'blob:http://127.0.0.1/x']) {
    const { page, text, retry, requests } = await failing(corpus);
    assert.match(text, /only from http or https addresses/, corpus);
    assert.equal(await retry.count(), 0);
    // The page asked for itself and its own code, and for nothing else.
    const asked = requests.filter((u) => !u.startsWith(server.url) || !/(\/|\.(js|wasm|css))$/.test(new URL(u).pathname));
    assert.deepEqual(asked.filter((u) => u !== 'data:,'), [], corpus);
    await page.context().close();
  }
});

// Markup and script in every parameter of the address: it must stay text wherever it shows.
const PAYLOADS = ['<img src=x onerror="window.__pwned=1">', '"><svg onload="window.__pwned=1">', "javascript:window.__pwned=1//'"];
const PARAMS = ['q', 'e', 'any', 'o', 't', 'sort', 'doc', 'corpus'];

test('markup or script in any URL parameter is never run nor rendered as markup', async () => {
  const context = await browser.newContext();
  for (const param of PARAMS) {
    for (const payload of PAYLOADS) {
      const page = await context.newPage();
      await page.goto(`${server.url}?corpus=corpus.jsonl&${param}=${encodeURIComponent(payload)}`);
      await page.waitForSelector('body[data-ready="true"], [data-testid=corpus-error]');
      await page.waitForTimeout(50);
      const found = await page.evaluate(() => ({
        pwned: window.__pwned ?? null,
        handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`)),
        foreign: document.querySelectorAll('img, svg[onload], iframe, object, embed, script:not([src]):not([type]):not(#sorot-early)').length,
        scriptLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
        rawLinks: [...document.querySelectorAll('a[href]')].filter((a) => /[<>"]/.test(a.getAttribute('href'))).length,
      }));
      const what = `${param}=${payload}`;
      assert.equal(found.pwned, null, what);
      assert.deepEqual(found.handlers, [], what);
      assert.equal(found.foreign, 0, what);
      assert.equal(found.scriptLinks, 0, what);
      assert.equal(found.rawLinks, 0, `${what}: links carry the state encoded`);
      if (param === 'q') assert.equal(await page.getByTestId('search').inputValue(), payload, 'the query shows as typed');
      await page.close();
    }
  }
  await context.close();
});
