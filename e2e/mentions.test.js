// How a mention explains itself in the reader: a misspelled name says what it was read as, and a
// ministry named in full is one mention of its country.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage } from './harness.js';

const CORPUS = JSON.stringify({
  id: 'misspelled', title: 'Maldova dan Kuba', source: 'contoh',
  text: 'Sang rival juga melawan tim lemah, Maldova, yang saat ini berada di dasar klasemen.\n\n'
    + 'Sejumlah jurnalis, serta akun Kementerian Komunikasi Kuba, ditangguhkan. Moldova menolak.',
}) + '\n';

let server, browser;
before(async () => { server = await serve({ 'typos.jsonl': CORPUS }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a misspelled name and a ministry named in full explain themselves', async () => {
  const page = await openPage(browser, `${server.url}?corpus=typos.jsonl&doc=misspelled`);
  const marks = page.locator('[data-testid=reader] mark.mention');
  await marks.first().waitFor();
  const got = await marks.evaluateAll((ms) => ms.map((m) => ({
    e: m.dataset.entity, text: m.textContent, alias: m.dataset.alias, title: m.title, corrected: m.classList.contains('mention--corrected'),
  })));
  assert.deepEqual(got.map((m) => `${m.e}:${m.text}`), ['MD:Maldova', 'CU:Kementerian Komunikasi Kuba', 'MD:Moldova']);
  assert.match(got[0].title, /read as a misspelling of “Moldova”/);
  assert.deepEqual(got.map((m) => m.corrected), [true, false, false], 'only the misspelling looks like a guess');
  // The result card's snippet marks it the same way.
  const card = page.locator('[data-testid=doc-list] mark.mention');
  assert.deepEqual(await card.evaluateAll((ms) => ms.map((m) => m.classList.contains('mention--corrected'))), [true, false, false]);
  assert.match(got[2].title, /matched “Moldova”/);
  assert.equal(got[1].alias, 'Kementerian … Kuba');
  // The entity panel lists the entity the misspelling was read as.
  const md = page.locator('[data-testid=entity-panel] [data-entity="MD"]');
  assert.equal((await md.first().innerText()).replace(/\s+/g, ' '), 'Moldova 1');
  assert.deepEqual(page.problems, []);
});
