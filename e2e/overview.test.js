// With no article open, the overview says who the current matches mention: per entity, in how
// many articles and how often, countries and organizations apart; a row filters to its entity.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage } from './harness.js';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const rows = (page) => page.$$eval('[data-testid=top-entities] tr[data-entity]', (trs) => trs.map((tr) => ({
  entity: tr.dataset.entity, docs: Number(tr.dataset.docs), mentions: Number(tr.dataset.mentions),
  kind: tr.closest('table').querySelector('caption').textContent,
})));
const count = async (page) => Number((await page.getByTestId('result-count').innerText()).match(/\d+/)[0]);

test('the overview counts the matches, and a row filters to its entity', async () => {
  const page = await openPage(browser, server.url);
  await page.getByTestId('overview').waitFor();
  const all = await rows(page);
  assert.ok(all.some((r) => r.kind === 'Countries') && all.some((r) => r.kind === 'Organizations'), JSON.stringify(all));
  for (const r of all) assert.ok(r.docs >= 1 && r.mentions >= r.docs, JSON.stringify(r));
  // Sorted by articles within each kind.
  for (const kind of ['Countries', 'Organizations']) {
    const docs = all.filter((r) => r.kind === kind).map((r) => r.docs);
    assert.deepEqual(docs, [...docs].sort((a, b) => b - a));
  }
  // A click on a row: the results are the articles mentioning it, as many as the row said.
  const ru = all.find((r) => r.entity === 'RU');
  await page.locator('[data-testid=top-entities] tr[data-entity=RU] a').click();
  await page.waitForURL(/e=RU/);
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=result-count]').innerText.match(/\d+/)[0]) === n, ru.docs);
  assert.equal(await count(page), ru.docs);
  // The overview now counts those matches: Russia is in every one of them.
  await page.waitForFunction((n) => document.querySelector('[data-testid=top-entities] tr[data-entity=RU]')?.dataset.docs === String(n), ru.docs);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the overview follows the query, and gives way to an opened article', async () => {
  const page = await openPage(browser, `${server.url}?q=asean`);
  await page.getByTestId('overview').waitFor();
  const matches = await count(page);
  const top = await rows(page);
  assert.ok(top.every((r) => r.docs <= matches), `${matches} matches: ${JSON.stringify(top)}`);
  assert.ok(top.some((r) => r.entity === 'asean'));
  await page.locator('[data-testid=doc-item]').first().click();
  await page.locator('[data-testid=reader-body]').waitFor();
  assert.equal(await page.getByTestId('overview').count(), 0);
  await page.context().close();
});
