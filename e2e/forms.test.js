// Counting you can audit: the concordance of an entity lists the forms its mentions take, each
// with its count; leaving one out (a brand named like a country) removes it from every count and
// view — facets, overview, map, concordance, highlighting, the entity filter — the exclusion is in
// the URL, and counting it again gives every number back. In memory and from a bundle alike.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildBundle, seedTexts, serve, launch, openPage, saveDownload } from './harness.js';

const texts = seedTexts();
const docs = [
  ...texts.map((text, i) => ({ id: `s${i}`, source: 'Kompas', date: `2019-09-1${i}`, text })),
  // Jordan the country, in its Indonesian name; and a shoe named like it, which is not Jordan.
  { id: 'raja', source: 'Kompas', date: '2019-09-20', text: 'Raja Yordania Abdullah II bertemu Presiden Joko Widodo di Istana Bogor. Yordania dan Indonesia sepakat memperluas kerja sama.' },
  { id: 'sepatu', source: 'Tempo', date: '2019-09-21', title: 'Sepatu <b>baru</b>', text: 'Nike meluncurkan sepatu Air Jordan terbaru di Jakarta. Sepatu JORDAN itu dijual mulai pekan depan.' },
];
const built = buildBundle(docs);

let server, browser;
before(async () => {
  server = await serve({ 'c.jsonl': built.jsonl, ...built.files });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** What every view says of Jordan: articles and mentions, by the overview, the map, the facet and the concordance. */
const jordan = (page) => page.evaluate(() => {
  const row = document.querySelector('[data-testid=top-entities] tr[data-entity=JO]');
  const facet = document.querySelector('[data-testid=entity-panel] a[data-entity=JO]');
  return {
    docs: row ? Number(row.dataset.docs) : 0,
    mentions: row ? Number(row.dataset.mentions) : 0,
    map: Number(document.querySelector('[data-testid=map] a[data-entity=JO]')?.dataset.docs ?? -1),
    facet: facet ? Number(facet.querySelector('.sorot-entity__count').textContent) : 0,
    lines: Number(document.querySelector('[data-testid=kwic]')?.dataset.occurrences ?? -1),
  };
});
const forms = (page) => page.$$eval('[data-testid=forms] li', (lis) => lis.map((li) => ({ form: li.dataset.form, n: Number(li.dataset.mentions), out: li.dataset.excluded === 'true', text: li.querySelector('.sorot-forms__text').textContent })));
const ids = (page) => page.$$eval('[data-testid=doc-item]', (as) => as.map((a) => a.dataset.doc));
const marks = (page) => page.$$eval('[data-testid=reader] mark.mention[data-entity=JO]', (ms) => ms.map((m) => m.textContent));

for (const corpus of ['c.jsonl', 'b/']) {
  test(`a form left out leaves every count and view, from the URL, and counts again when asked (${corpus})`, async () => {
    const at = (q = '') => `${server.url}?corpus=${corpus}${q}`;
    // Jordan chosen, so that every view lists it whatever its rank.
    const page = await openPage(browser, at('&e=JO&kwic=JO'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=forms] li').length === 2);
    // Two forms, however each is cased: "Jordan" and "JORDAN" are one.
    assert.deepEqual(await forms(page), [
      { form: 'jordan', n: 2, out: false, text: '“Jordan”' },
      { form: 'yordania', n: 2, out: false, text: '“Yordania”' },
    ]);
    const all = await jordan(page);
    assert.deepEqual(all, { docs: 2, mentions: 4, map: 2, facet: 2, lines: 4 });
    assert.deepEqual((await ids(page)).sort(), ['raja', 'sepatu']);

    await page.click('[data-testid=forms] li[data-form=jordan] [data-testid=form-toggle]');
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('x').join() === 'JO:jordan');
    await page.waitForFunction(() => document.querySelector('[data-testid=forms] li[data-form=jordan]')?.dataset.excluded === 'true');
    // Only the articles and mentions of the other form are left, in every view.
    const left = await jordan(page);
    assert.deepEqual(left, { docs: 1, mentions: 2, map: 1, facet: 1, lines: 2 });
    assert.deepEqual(await ids(page), ['raja']);
    assert.deepEqual(await forms(page), [
      { form: 'yordania', n: 2, out: false, text: '“Yordania”' },
      { form: 'jordan', n: 2, out: true, text: '“Jordan”' },
    ]);
    assert.match(await page.getByTestId('excluded').innerText(), /“jordan” as a name of Yordania \(count again\)/);
    assert.deepEqual(await page.$$eval('[data-testid=kwic] tbody tr', (trs) => trs.map((tr) => tr.dataset.doc)), ['raja', 'raja']);

    // From the URL: the entity filter, and the reader's marks.
    await page.goto(at('&e=JO&x=JO:jordan'));
    await page.waitForSelector('body[data-ready="true"]');
    assert.deepEqual(await ids(page), ['raja']);
    assert.equal(await page.getByTestId('result-count').innerText(), '1 of 7 articles');
    // The downloads leave it out too (over a bundle, once the results' texts are read).
    const mentionsOf = async (q) => {
      await page.goto(at(q));
      await page.waitForSelector('body[data-ready="true"]');
      await page.evaluate(() => document.querySelector('[data-testid=read-for-download]')?.click());
      await page.locator('button[data-download="sorot-mentions.json"]').waitFor({ timeout: 20000 });
      const mentions = JSON.parse((await saveDownload(page, 'sorot-mentions.json')).bytes.toString('utf8'));
      return mentions.filter((m) => m.entity === 'JO').map((m) => `${m.doc} ${m.text}`);
    };
    const both = ['raja Yordania', 'raja Yordania', 'sepatu JORDAN', 'sepatu Jordan'];
    assert.deepEqual((await mentionsOf('&q=sepatu+OR+raja')).sort(), both);
    assert.deepEqual((await mentionsOf('&q=sepatu+OR+raja&x=JO:jordan')).sort(), both.filter((m) => m.startsWith('raja')));
    // The cards count as the rest of the page does, once the texts an exclusion needs are read.
    const chip = (id) => page.$eval(`[data-testid=doc-item][data-doc="${id}"]`, (a) => a.closest('.sorot-doc').querySelector('.sorot-chip[data-entity=JO] .sorot-chip__n')?.textContent ?? null);
    assert.equal(await chip('sepatu'), null);
    assert.equal(await chip('raja'), '2');
    await page.goto(at('&doc=sepatu'));
    await page.waitForSelector('[data-testid=reader] .sorot-reader__title');
    assert.deepEqual(await marks(page), ['Jordan', 'JORDAN']);
    await page.goto(at('&doc=sepatu&x=JO:jordan'));
    await page.waitForSelector('[data-testid=reader] .sorot-reader__title');
    assert.deepEqual(await marks(page), []);

    // Counted again, every number is back.
    await page.goto(at('&e=JO&kwic=JO&x=JO:jordan'));
    await page.waitForSelector('[data-testid=excluded]');
    await page.click('[data-testid=excluded] a');
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('x').length === 0);
    await page.waitForFunction(() => !document.querySelector('[data-testid=excluded]'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=forms] li:not([data-excluded])').length === 2);
    assert.deepEqual(await jordan(page), all);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('over the site\'s own bundle, a card counts an entity as its article marks it, once a form is left out', async () => {
  // The seeds name the CIS "CIS", "Persemakmuran Negara-Negara Merdeka" and "Persemakmuran".
  const doc = '001_bbda12ee46ec3871.txt';
  const page = await openPage(browser, `${server.url}?e=cis&x=cis:persemakmuran&doc=${doc}`);
  await page.waitForSelector('[data-testid=reader] mark.mention');
  const marked = await page.$$eval('[data-testid=reader] mark.mention[data-entity=cis]', (ms) => ms.map((m) => m.textContent.toLowerCase()));
  assert.ok(marked.length > 0 && !marked.includes('persemakmuran'), JSON.stringify(marked));
  await page.waitForFunction(([id, n]) => document.querySelector(`[data-testid=doc-item][data-doc="${id}"]`)?.closest('.sorot-doc').querySelector('.sorot-chip[data-entity=cis] .sorot-chip__n')?.textContent === String(n), [doc, marked.length], { timeout: 10000 });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
