// Search, facets, URL state and ?corpus= on a generated JSON Lines corpus served beside the site.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { serve, launch, openPage } from './harness.js';

// 60 articles built from the seed texts' paragraphs, with outlets and dates, plus bad lines.
const seedDir = new URL('../seeds/', import.meta.url);
const paragraphs = readdirSync(seedDir).filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(new URL(f, seedDir), 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 120));
const outlets = ['tempo.co', 'Kompas.com', 'okezone.com'];
const lines = [];
for (let i = 0; i < 60; i++) {
  const month = String(7 + Math.floor(i / 20)).padStart(2, '0');
  lines.push(JSON.stringify({
    id: `gen-${i}`, title: `Artikel ${i}: ${paragraphs[i % paragraphs.length].slice(0, 50)}`, source: outlets[i % 3],
    date: `2019-${month}-${String(1 + (i % 28)).padStart(2, '0')}`, url: `https://example.org/${i}`,
    text: `${paragraphs[i % paragraphs.length]}\n\n${paragraphs[(i * 7 + 3) % paragraphs.length]}`,
  }));
}
lines.splice(5, 0, '{"id": "broken", "text": ');                  // malformed JSON
lines.splice(9, 0, '{"title": "no id or text"}');                // missing fields
lines.push(JSON.stringify({ id: 'hostile', title: '<img src=x onerror=alert(1)>', text: '<script>alert("Rusia")</script> Rusia dan <b>China</b>' }));
const CORPUS = lines.join('\n') + '\n';

let server, browser;
before(async () => { server = await serve({ 'corpus.jsonl': CORPUS }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const open = (query) => openPage(browser, `${server.url}?corpus=corpus.jsonl${query ?? ''}`);
const count = async (page) => Number((await page.getByTestId('result-count').innerText()).match(/^\d+/)[0]);
const url = (page) => new URL(page.url());

test('a corpus given by ?corpus= loads, with its bad lines reported and skipped', async () => {
  const page = await open();
  assert.equal(await count(page), 61);
  assert.equal(await page.evaluate(() => document.body.dataset.docs), '61');
  const errors = page.getByTestId('corpus-errors');
  assert.match(await errors.innerText(), /2 line\(s\)/);
  await errors.locator('summary').click();
  assert.match(await errors.innerText(), /line 6/);
  assert.match(await errors.innerText(), /line 10/);
  assert.deepEqual(page.problems, []);
});

test('markup in a corpus stays text', async () => {
  const page = await open('&q=onerror');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-item]').length >= 1);
  await page.locator('[data-testid=doc-item][data-doc=hostile]').click();
  const reader = page.getByTestId('reader');
  await reader.locator('mark.mention').first().waitFor();
  assert.match(await reader.innerText(), /<script>alert\("Rusia"\)<\/script>/);
  assert.equal(await page.locator('img, [data-testid=reader] b, [data-testid=reader] script').count(), 0);
  assert.deepEqual(page.problems, []);
});

test('a missing corpus says so instead of showing an empty page', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}?corpus=nothing-here.jsonl`);
  const err = page.getByTestId('corpus-error');
  await err.waitFor();
  assert.match(await err.innerText(), /404/);
  await page.close();
});

test('typing searches on every keystroke and replaces the history entry', async () => {
  const page = await open();
  const before = await page.evaluate(() => history.length);
  const box = page.getByTestId('search');
  await box.pressSequentially('kerja sama', { delay: 20 });
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'kerja sama');
  assert.ok((await count(page)) > 0 && (await count(page)) < 61);
  assert.equal(await page.evaluate(() => history.length), before, 'one history entry for the whole query');
  // Every listed snippet shows a hit.
  const snippets = page.getByTestId('snippet');
  const n = await snippets.count();
  for (let i = 0; i < n; i++) assert.ok(await snippets.nth(i).locator('mark.hit').count() > 0, `snippet ${i} has a hit`);
  // Hits and mentions are marked together.
  assert.ok(await page.locator('[data-testid=snippet] mark.mention').count() > 0);
  assert.deepEqual(page.problems, []);
});

test('phrases, exclusions and typos narrow or widen as written', async () => {
  const page = await open();
  const box = page.getByTestId('search');
  const countFor = async (q) => {
    await box.fill(q);
    await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, q);
    return count(page);
  };
  const putin = await countFor('putin ');
  const noXi = await countFor('putin -"xi jinping" ');
  assert.ok(noXi < putin, `${noXi} < ${putin}`);
  assert.equal(await countFor('mishustn '), await countFor('mishustin '), 'a typo finds the same articles');
  assert.ok(await countFor('"kerja sama praktis" ') > 0);
  assert.equal(await countFor('"praktis sama kerja" '), 0);
  assert.deepEqual(page.problems, []);
});

test('facets count entities, outlets and months, and choosing one narrows the list', async () => {
  const page = await open();
  const outlets = page.getByTestId('facet-outlets');
  assert.deepEqual(await outlets.locator('[data-value]').evaluateAll((as) => as.map((a) => a.dataset.value)).then((v) => v.sort()), ['Kompas.com', 'okezone.com', 'tempo.co']);
  await outlets.locator('[data-value="tempo.co"]').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('o') === 'tempo.co');
  assert.equal(await count(page), 20);
  const periods = page.getByTestId('facet-periods');
  assert.match(await periods.innerText(), /2019/);
  await periods.locator('[data-value="2019-08"]').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('t') === '2019-08');
  const n = await count(page);
  assert.ok(n > 0 && n < 20, `${n}`);
  // Entity counts follow the matches: every listed count is at most the number of results.
  const counts = await page.locator('[data-testid=entity-panel] .sorot-entity__count').allInnerTexts();
  assert.ok(counts.length > 0 && counts.every((c) => Number(c) <= n));
  assert.deepEqual(page.problems, []);
});

test('several entities mean all of them, or any of them with the toggle', async () => {
  const page = await open();
  const panel = page.getByTestId('entity-panel');
  await panel.locator('[data-entity=RU]').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('e') === 'RU');
  await panel.locator('[data-entity=sco]').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('e') === 'RU,sco');
  const all = await count(page);
  await page.getByTestId('entity-mode').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('any') === '1');
  const any = await count(page);
  assert.ok(any > all, `any ${any} > all ${all}`);
  assert.deepEqual(page.problems, []);
});

test('the whole search state round-trips through the URL', async () => {
  const query = '&q=putin&e=RU,CN&any=1&o=tempo.co&t=2019-08&sort=newest&doc=gen-1';
  const page = await open(query);
  assert.equal(await page.getByTestId('search').inputValue(), 'putin');
  assert.equal(await page.getByTestId('sort').inputValue(), 'newest');
  assert.equal(await page.locator('[data-testid=facet-outlets] [aria-current=true]').getAttribute('data-value'), 'tempo.co');
  assert.equal(await page.locator('[data-testid=facet-periods] [aria-current=true]').getAttribute('data-value'), '2019-08');
  const dates = await page.locator('[data-testid=doc-item] .sorot-doc__meta').allInnerTexts();
  const sorted = [...dates].sort().reverse();
  assert.deepEqual(dates, sorted, 'newest first');
  // Links keep the corpus: opening an article stays on it.
  await page.locator('[data-testid=doc-item]').first().click();
  assert.equal(url(page).searchParams.get('corpus'), 'corpus.jsonl');
  await page.goBack();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('doc') === 'gen-1');
  assert.deepEqual(page.problems, []);
});

test('long result lists grow a page at a time', async () => {
  const page = await open();
  assert.equal(await page.locator('[data-testid=doc-item]').count(), 20);
  await page.getByTestId('load-more').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-item]').length === 40);
  await page.getByTestId('search').fill('rusia');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-item]').length <= 20);
  assert.deepEqual(page.problems, []);
});
