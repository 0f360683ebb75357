// The core of the explorer in the other browser engines: Firefox ESR (Gecko) and WebKit, driven
// through WebDriver over the release build in dist/, served under a sub-path. `./run test`
// installs the browsers and drivers first; SOROT_ENGINES=firefox (or webkit) runs one of them.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import webdriver from 'selenium-webdriver';
import { ENGINES, deadline, ensureDist, openSession, quit, serveDist, startDriver } from './drivers.js';

const { By } = webdriver;
const SEEDS = ['000_b8a51dd5a0e922bf.txt', '001_bbda12ee46ec3871.txt', '002_0fe282cf5dec94e8.txt',
  '003_267ace863f6cbc36.txt', '004_e2b7d06efba2c9af.txt'];

// A small corpus of our own, served beside the app.
const SMALL = [
  { id: 'kecil-1', title: 'Rusia dan China bertemu', source: 'contoh.id', date: '2024-03-01', text: 'Rusia dan China membahas kerja sama di forum SCO.' },
  { id: 'kecil-2', title: 'ASEAN di Jakarta', source: 'contoh.id', date: '2024-03-02', text: 'Para menteri ASEAN bertemu di Indonesia.' },
  { id: 'kecil-3', title: 'Jepang', source: 'lain.id', date: '2024-03-03', text: 'Jepang dan Amerika Serikat menandatangani perjanjian.' },
];

// A hostile corpus: everything here would set window.__sorotPwned if it ever ran.
const pwn = (n) => `window.__sorotPwned=(window.__sorotPwned||[]).concat(${n})`;
const HOSTILE = [
  {
    id: 'h-markup', date: '2024-01-02',
    title: `<img src=x onerror="${pwn(1)}"> Rusia <script>${pwn(2)}</script>`,
    source: `<script>${pwn(3)}</script><b>outlet</b>`,
    url: `javascript:${pwn(4)}`,
    text: `<script>${pwn(5)}</script> Rusia dan <b>China</b> <img src=x onerror="${pwn(6)}">\n\n`
      + `<a href="javascript:${pwn(7)}">klik</a> <svg onload="${pwn(8)}"></svg> <iframe src="javascript:${pwn(9)}"></iframe> Jepang.`,
  },
  { id: `<img src=x onerror="${pwn(10)}">`, title: 'An id made of markup', text: 'Indonesia dan Malaysia di ASEAN.', url: ` JavaScript:${pwn(11)}` },
  { id: 'h-link', title: 'A proper source link', text: 'Jepang dan ASEAN.', url: 'https://example.org/ok' },
];
const jsonl = (records) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const TEST = { timeout: 90000 };

/** Polls `probe` (an async function) until it returns something truthy, for at most `timeout` ms.
 * Given the `driver`, a timeout also says where the page is and what it shows. */
async function waitFor(what, probe, timeout = 20000, driver = null) {
  const until = Date.now() + timeout;
  let last;
  for (;;) {
    try { last = await deadline(probe(), 10000, what); if (last) return last; } catch (e) { last = e.message; }
    if (Date.now() > until) {
      const page = driver ? await deadline(js(driver, PAGE_STATE), 10000, 'the page state').catch((e) => e.message) : null;
      throw new Error(`${what}: still not so after ${timeout} ms (last: ${JSON.stringify(last)}${page ? `; page: ${JSON.stringify(page)}` : ''})`);
    }
    await sleep(100);
  }
}

/** Where the page is and what it shows, for a wait that timed out. */
const PAGE_STATE = `return {
  address: location.href, ready: document.body.dataset.ready,
  count: document.querySelector('[data-testid=result-count]')?.textContent,
  focus: document.activeElement?.outerHTML.slice(0, 160),
  links: window.wasmBindings?.liveLinks?.(),
  chosen: [...document.querySelectorAll('a[aria-current=true]')].map((a) => a.getAttribute('href')),
}`;

const js = (driver, body, ...args) => driver.executeScript(body, ...args);
const docIds = (driver) => js(driver, "return [...document.querySelectorAll('[data-testid=doc-list] [data-testid=doc-item]')].map((e) => e.dataset.doc)");
const resultCount = (driver) => js(driver, "return document.querySelector('[data-testid=result-count]')?.textContent ?? ''");
const param = (driver, name) => js(driver, 'return new URL(location.href).searchParams.get(arguments[0])', name);

async function open(driver, url) {
  await driver.get(url);
  await waitFor(`${url} sets body[data-ready]`, () => js(driver, 'return document.body.dataset.ready === "true"'));
}

/**
 * Clicks the element `css` once it has stayed in place for a few frames: the facets follow the
 * results a frame later and may move it, and a WebDriver click lands where the element was when
 * it looked (on CI, WebKit's second click on a facet once landed beside it and did nothing).
 */
async function clickSettled(driver, css) {
  let last = '';
  await waitFor(`${css} stays in place`, async () => {
    const rect = await js(driver, `const r = document.querySelector(arguments[0])?.getBoundingClientRect();
      return r ? new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done([r.x, r.y, r.width, r.height].join())))) : ''`, css);
    const still = rect !== '' && rect === last;
    last = rect;
    return still;
  }, 20000, driver);
  await driver.findElement(By.css(css)).click();
}

/** The result list's link for the document `id` (any string: found by comparing, not by a selector). */
async function docItem(driver, id) {
  return waitFor(`a result for ${id}`, () => js(driver,
    "return [...document.querySelectorAll('[data-testid=doc-item]')].find((e) => e.dataset.doc === arguments[0]) ?? null", id));
}

async function openArticle(driver, id) {
  await (await docItem(driver, id)).click();
  await waitFor(`?doc= names ${id}`, async () => (await param(driver, 'doc')) === id);
  await waitFor(`the reader shows ${id}`, () => js(driver, "return !!document.querySelector('[data-testid=reader] .sorot-reader__title')"));
}

/** What the page holds that corpus data must never become: elements, handlers, links that run code. */
const LIVE_MARKUP = `
  const found = [];
  for (const el of document.querySelectorAll('img, iframe, object, embed, frame, video, audio, source')) found.push(el.outerHTML.slice(0, 120));
  for (const el of document.querySelectorAll('script')) if (el.parentElement !== document.head) found.push(el.outerHTML.slice(0, 120));
  // The overview's own charts are SVG, each marked data-chart by the app (corpus text never
  // becomes an element, let alone an attribute): any other SVG is corpus markup come alive.
  const chart = (el) => el.matches('svg[data-chart]') && el.closest('[data-testid=overview]');
  for (const el of document.querySelectorAll('[data-testid=reader] svg, [data-testid=doc-list] svg, [data-testid=reader] b, [data-testid=doc-list] b')) if (!chart(el)) found.push(el.outerHTML.slice(0, 120));
  for (const el of document.querySelectorAll('*')) for (const a of el.attributes) if (/^on/i.test(a.name)) found.push(el.tagName + ' ' + a.name);
  // Read through URL, which an SVG link (no .protocol of its own) and an HTML one share.
  for (const a of document.querySelectorAll('a[href]')) if (!['http:', 'https:'].includes(new URL(a.getAttribute('href'), location.href).protocol)) found.push('link to ' + a.getAttribute('href'));
  return found;`;

const selected = (process.env.SOROT_ENGINES || 'firefox,webkit').split(',').map((e) => e.trim()).filter(Boolean);
for (const engine of selected) assert.ok(ENGINES[engine], `SOROT_ENGINES names an unknown engine: ${engine}`);

let server;
before(async () => {
  await ensureDist();
  server = await serveDist({ 'small.jsonl': jsonl(SMALL), 'hostile.jsonl': jsonl(HOSTILE) });
}, { timeout: 45 * 60000 });
after(() => server?.close(), { timeout: 10000 });

for (const engine of selected) {
  const { name } = ENGINES[engine];
  describe(`in ${name}`, () => {
    let wd, driver;
    before(async () => {
      wd = await startDriver(engine);
      try { driver = await openSession(engine, wd.url); } catch (e) { throw new Error(`${e.message}\n--- driver log ---\n${wd.log()}`); }
    }, { timeout: 120000 });
    after(async () => { await quit(driver); await wd?.stop(); }, { timeout: 30000 });

    test('the bundled articles load: all five are listed and the page says it is ready', TEST, async () => {
      await open(driver, server.url);
      assert.deepEqual(await docIds(driver), SEEDS);
      assert.equal(await resultCount(driver), '5 articles');
      assert.equal(await js(driver, 'return document.body.dataset.ready'), 'true');
      const first = await js(driver, "return document.querySelector('[data-doc=\"002_0fe282cf5dec94e8.txt\"]').closest('.sorot-doc').textContent");
      assert.match(first, /Putin Ungkap Ancaman terhadap Negara-negara Bekas Soviet/);
    });

    test('typing a query in the search box narrows the result count', TEST, async () => {
      await open(driver, server.url);
      await driver.findElement(By.css('[data-testid=search]')).sendKeys('Lavrov');
      await waitFor('the count narrows to one article', async () => (await resultCount(driver)) === '1 of 5 articles');
      // The address follows once typing pauses.
      await waitFor('?q=Lavrov', async () => (await param(driver, 'q')) === 'Lavrov');
      assert.deepEqual(await docIds(driver), ['003_267ace863f6cbc36.txt']);
      assert.ok(await js(driver, "return document.querySelectorAll('[data-testid=snippet] mark.hit').length") > 0, 'the snippet marks the hit');
    });

    test('clicking an entity in the facets filters the list to the articles that mention it', TEST, async () => {
      await open(driver, server.url);
      await clickSettled(driver, '[data-testid=entity-panel] a[data-entity=eaeu]');
      await waitFor('?e=eaeu', async () => (await param(driver, 'e')) === 'eaeu', 20000, driver);
      await waitFor('two articles are listed', async () => (await resultCount(driver)) === '2 of 5 articles', 20000, driver);
      assert.deepEqual(await docIds(driver), ['001_bbda12ee46ec3871.txt', '003_267ace863f6cbc36.txt']);
      assert.equal(await js(driver, "return document.querySelector('[data-testid=entity-panel] a[data-entity=eaeu]').getAttribute('aria-current')"), 'true');
      // Clicking it again clears the filter.
      await clickSettled(driver, '[data-testid=entity-panel] a[data-entity=eaeu]');
      await waitFor('all five again', async () => (await resultCount(driver)) === '5 articles', 20000, driver);
    });

    test('an opened article shows its mentions highlighted in the reader', TEST, async () => {
      await open(driver, server.url);
      await openArticle(driver, '003_267ace863f6cbc36.txt');
      const marks = await waitFor('mentions are highlighted', async () => {
        const ms = await js(driver, "return [...document.querySelectorAll('[data-testid=reader] mark.mention')].map((m) => ({ e: m.dataset.entity, kind: m.dataset.kind, text: m.textContent }))");
        return ms.length > 0 && ms;
      });
      assert.ok(marks.length >= 10, `${marks.length} mentions highlighted`);
      assert.ok(marks.every((m) => m.e), 'every mark names its entity');
      assert.deepEqual([...new Set(marks.map((m) => m.kind))].sort(), ['country', 'organization']);
      const texts = marks.map((m) => `${m.e}:${m.text}`);
      assert.ok(texts.includes('RU:Kementerian Luar Negeri Rusia'), texts.join(' | '));
      assert.ok(texts.includes('sco:SCO') && texts.includes('eaeu:Uni Ekonomi Eurasia'), texts.join(' | '));
      assert.match(await js(driver, "return document.querySelector('[data-testid=reader] h1').textContent"), /Lavrov/);
    });

    test('a JSON Lines corpus named by ?corpus= is loaded and its documents are listed', TEST, async () => {
      await open(driver, `${server.url}?corpus=small.jsonl`);
      await waitFor('the corpus is loaded', async () => (await js(driver, 'return document.body.dataset.docs')) === '3');
      assert.deepEqual((await docIds(driver)).sort(), SMALL.map((r) => r.id));
      assert.equal(await resultCount(driver), '3 articles');
      assert.match(await js(driver, "return document.querySelector('[data-testid=doc-list]').textContent"), /ASEAN di Jakarta/);
      await openArticle(driver, 'kecil-1');
      const entities = await js(driver, "return [...document.querySelectorAll('[data-testid=reader] mark.mention')].map((m) => m.dataset.entity)");
      assert.deepEqual(entities, ['RU', 'CN', 'sco']);
      assert.equal(await param(driver, 'corpus'), 'small.jsonl', 'links keep the corpus');
    });

    test('markup, scripts and javascript: URLs in a corpus are shown as text and never run', TEST, async () => {
      await open(driver, `${server.url}?corpus=hostile.jsonl`);
      await waitFor('the hostile corpus is loaded', async () => (await js(driver, 'return document.body.dataset.docs')) === String(HOSTILE.length));
      assert.deepEqual((await docIds(driver)).sort(), HOSTILE.map((r) => r.id).sort());
      const list = await js(driver, "return document.querySelector('[data-testid=doc-list]').textContent");
      assert.ok(list.includes(HOSTILE[0].title), `the title is listed as text: ${list}`);
      assert.ok((await js(driver, "return document.querySelector('[data-testid=facet-outlets]').textContent")).includes(HOSTILE[0].source), 'the outlet is listed as text');
      assert.deepEqual(await js(driver, LIVE_MARKUP), [], 'nothing in the list came alive');

      for (const record of HOSTILE) {
        await openArticle(driver, record.id);
        const reader = await js(driver, "const r = document.querySelector('[data-testid=reader]'); return { title: r.querySelector('h1').textContent, meta: r.querySelector('.sorot-reader__meta').textContent, text: r.textContent, links: [...r.querySelectorAll('.sorot-reader__meta a')].map((a) => a.getAttribute('href')) }");
        assert.equal(reader.title, record.title, 'the title is shown as written');
        assert.ok(reader.meta.includes(record.id), `the id is shown as written: ${reader.meta}`);
        for (const paragraph of record.text.split('\n\n')) assert.ok(reader.text.includes(paragraph), `the text is shown as written: ${paragraph}`);
        if (record.source) assert.ok(reader.meta.includes(record.source), `the outlet is shown as written: ${reader.meta}`);
        // Only an http(s) URL becomes the article's source link; a javascript: one is no link at all.
        assert.deepEqual(reader.links, record.url.startsWith('https://') ? [record.url] : [], `source links for ${record.id}`);
        assert.deepEqual(await js(driver, LIVE_MARKUP), [], `nothing in ${record.id} came alive`);
      }
      // The reader's mentions are still found in the text around the markup.
      await openArticle(driver, 'h-markup');
      const entities = await js(driver, "return [...document.querySelectorAll('[data-testid=reader] mark.mention')].map((m) => m.dataset.entity)");
      assert.deepEqual([...new Set(entities)].sort(), ['CN', 'JP', 'RU']);
      // A search through the markup lists it as text in the snippet, too.
      await driver.findElement(By.css('[data-testid=search]')).sendKeys('onerror');
      await waitFor('the search narrows to the record with handlers', async () => (await param(driver, 'q')) === 'onerror');
      assert.deepEqual(await js(driver, LIVE_MARKUP), [], 'nothing in the snippets came alive');

      // Give an event handler or a script that slipped through time to run, then look for its traces.
      await sleep(1000);
      assert.equal(await js(driver, 'return window.__sorotPwned ?? null'), null, 'no corpus script ran');
      const x = server.requests.filter((p) => p.endsWith('/x') || p.includes('onerror'));
      assert.deepEqual(x, [], 'no image from the corpus was ever requested');
    });
  });
}
