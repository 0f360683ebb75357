// One article per story: copies of a story (wire copy republished) count once in the result
// list, the overview and the map, from the URL (u=1), in memory and from a bundle alike.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildBundle, seedTexts, serve, launch, openPage } from './harness.js';

const texts = seedTexts();
const docs = [
  ...texts.map((text, i) => ({ id: `s${i}`, source: 'Kompas', date: `2019-09-1${i}`, text })),
  ...texts.slice(0, 2).map((text, i) => ({ id: `copy${i}`, source: 'ANTARA', date: `2019-10-1${i}`, text: `JAKARTA (ANTARA) - ${text}` })),
];
const built = buildBundle(docs);

let server, browser;
before(async () => {
  server = await serve({ 'c.jsonl': built.jsonl, ...built.files });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const ids = (page) => page.$$eval('[data-testid=doc-item]', (as) => as.map((a) => a.dataset.doc));
const ru = (page) => page.$eval('[data-testid=top-entities] tr[data-entity=RU]', (tr) => Number(tr.dataset.docs));

for (const corpus of ['c.jsonl', 'b/']) {
  test(`copies count once with "One per story", and the switch is in the URL (${corpus})`, async () => {
    const page = await openPage(browser, `${server.url}?corpus=${corpus}`);
    assert.equal((await ids(page)).length, 7);
    assert.equal(await ru(page), 7);
    await page.getByTestId('unique').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('u') === '1');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-item]').length === 5);
    assert.deepEqual((await ids(page)).sort(), ['s0', 's1', 's2', 's3', 's4']);
    assert.equal(await page.getByTestId('result-count').innerText(), '5 stories (7 of 7 articles)');
    await page.waitForFunction(() => document.querySelector('[data-testid=top-entities] tr[data-entity=RU]').dataset.docs === '5');
    assert.equal(await page.$eval('[data-testid=map] a[data-entity=RU]', (a) => a.dataset.docs), '5');
    // Under the other outlet, the copies stand for their stories.
    await page.goto(`${server.url}?corpus=${corpus}&u=1&o=ANTARA`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-item]').length === 2);
    assert.deepEqual((await ids(page)).sort(), ['copy0', 'copy1']);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}
