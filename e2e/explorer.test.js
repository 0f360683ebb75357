// The explorer over the bundled seed corpus, as a user sees it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage } from './harness.js';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const items = (page) => page.locator('[data-testid=doc-list] [data-testid=doc-item]');
const docIds = (page) => items(page).evaluateAll((els) => els.map((e) => e.dataset.doc));
const SEEDS = ['000_b8a51dd5a0e922bf.txt', '001_bbda12ee46ec3871.txt', '002_0fe282cf5dec94e8.txt',
  '003_267ace863f6cbc36.txt', '004_e2b7d06efba2c9af.txt'];

test('all five seed articles are listed with their outlets and entities', async () => {
  const page = await openPage(browser, server.url);
  assert.deepEqual(await docIds(page), SEEDS);
  const first = page.locator('.sorot-doc').nth(2);
  assert.match(await first.innerText(), /Putin Ungkap Ancaman terhadap Negara-negara Bekas Soviet/);
  assert.match(await first.innerText(), /SINDOnews · 2022-12-27/);
  assert.ok(await first.locator('.sorot-chip[data-entity=RU]').count() === 1, 'Russia is among the chips');
  assert.deepEqual(page.problems, []);
});

test('each article opens with its mentions highlighted', async () => {
  const page = await openPage(browser, server.url);
  for (const id of SEEDS) {
    await page.locator(`[data-testid=doc-item][data-doc="${id}"]`).click();
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('doc') === id, id);
    const marks = page.locator('[data-testid=reader] mark.mention');
    await marks.first().waitFor();
    const n = await marks.count();
    assert.ok(n >= 10, `${id}: ${n} mentions highlighted`);
    const kinds = await marks.evaluateAll((ms) => [...new Set(ms.map((m) => m.dataset.kind))].sort());
    assert.deepEqual(kinds, ['country', 'organization'], `${id} has both kinds`);
    for (const m of await marks.evaluateAll((ms) => ms.map((m) => ({ e: m.dataset.entity, t: m.title })))) {
      assert.ok(m.e && m.t.includes(m.e), `mark for ${m.e} explains itself in its title: ${m.t}`);
    }
  }
  // Real spans from the seeds: a government phrase, a name with its acronym, a hyphenated part.
  await page.locator('[data-testid=doc-item][data-doc="003_267ace863f6cbc36.txt"]').click();
  const texts = await page.locator('[data-testid=reader] mark.mention').evaluateAll((ms) => ms.map((m) => `${m.dataset.entity}:${m.textContent}`));
  assert.ok(texts.includes('RU:Kementerian Luar Negeri Rusia'), texts.join(' | '));
  assert.ok(texts.includes('sco:Organisasi Kerjasama Shanghai') && texts.includes('sco:SCO'));
  assert.ok(texts.includes('eaeu:Uni Ekonomi Eurasia') && texts.includes('eaeu:EAEU'));
  assert.deepEqual(page.problems, []);
});

test('clicking an entity filters the list to the articles that mention it', async () => {
  const page = await openPage(browser, server.url);
  await page.locator('[data-testid=entity-panel] [data-entity=eaeu]').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('e') === 'eaeu');
  assert.deepEqual(await docIds(page), ['001_bbda12ee46ec3871.txt', '003_267ace863f6cbc36.txt']);
  // A second entity narrows further: both must be mentioned.
  await page.locator('[data-testid=entity-panel] [data-entity=JP]').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('e') === 'eaeu,JP');
  assert.deepEqual(await docIds(page), ['003_267ace863f6cbc36.txt']);
  // Clicking a selected entity clears it.
  await page.locator('[data-testid=entity-panel] [data-entity=eaeu]').click();
  await page.locator('[data-testid=entity-panel] [data-entity=JP]').click();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('e'));
  assert.equal(await items(page).count(), 5);
  assert.deepEqual(page.problems, []);
});

test('typing in the search box narrows the list', async () => {
  const page = await openPage(browser, server.url);
  const box = page.getByTestId('search');
  await box.fill('Lavrov');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'Lavrov');
  assert.deepEqual(await docIds(page), ['003_267ace863f6cbc36.txt']);
  await box.fill('putin xi jinp');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-item]').length === 1);
  assert.deepEqual(await docIds(page), ['004_e2b7d06efba2c9af.txt']);
  await box.fill('tidakadakatasepertiini');
  await page.waitForSelector('.sorot-results__empty');
  assert.equal(await items(page).count(), 0);
  assert.deepEqual(page.problems, []);
});

test('a shared URL restores the view, and back and forward work', async () => {
  const shared = `${server.url}?q=kerja+sama&e=RU,sco&doc=003_267ace863f6cbc36.txt`;
  const page = await openPage(browser, shared);
  assert.equal(await page.getByTestId('search').inputValue(), 'kerja sama');
  assert.deepEqual((await docIds(page)).sort(), ['001_bbda12ee46ec3871.txt', '003_267ace863f6cbc36.txt', '004_e2b7d06efba2c9af.txt']);
  const selected = await page.locator('[data-testid=entity-panel] .sorot-entity--selected').evaluateAll((es) => es.map((e) => e.dataset.entity));
  assert.deepEqual(selected.sort(), ['RU', 'sco']);
  assert.match(await page.locator('[data-testid=reader] h1').innerText(), /Lavrov/);
  assert.ok(await page.locator('[data-testid=reader] mark.mention--selected').count() > 0, 'selected entities are emphasized');

  await page.locator('[data-testid=doc-item][data-doc="004_e2b7d06efba2c9af.txt"]').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('doc') === '004_e2b7d06efba2c9af.txt');
  await page.goBack();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('doc') === '003_267ace863f6cbc36.txt');
  assert.match(await page.locator('[data-testid=reader] h1').innerText(), /Lavrov/);
  await page.goForward();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('doc') === '004_e2b7d06efba2c9af.txt');
  assert.match(await page.locator('[data-testid=reader] h1').innerText(), /SCO/);
  assert.deepEqual(page.problems, []);
});

test('mention navigation steps through the mentions of an article', async () => {
  const page = await openPage(browser, `${server.url}?doc=001_bbda12ee46ec3871.txt`);
  const total = await page.locator('[data-testid=reader] mark.mention').count();
  await page.keyboard.press('n');
  await page.keyboard.press('n');
  assert.equal(await page.getByTestId('mention-position').innerText(), `2 / ${total}`);
  assert.equal(await page.locator('mark.mention--focus').getAttribute('data-mention'), '1');
  await page.keyboard.press('p');
  await page.keyboard.press('p');
  assert.equal(await page.getByTestId('mention-position').innerText(), `${total} / ${total}`, 'wraps around');
  assert.deepEqual(page.problems, []);
});

test('corpus text is rendered as text, never as markup', async () => {
  const page = await openPage(browser, server.url);
  // The explorer renders nothing but its own elements: no script, iframe or img came from the corpus.
  for (const id of SEEDS) {
    await page.locator(`[data-testid=doc-item][data-doc="${id}"]`).click();
    await page.locator('[data-testid=reader] mark.mention').first().waitFor();
    assert.equal(await page.locator('[data-testid=reader] script, [data-testid=reader] img, [data-testid=reader] iframe').count(), 0);
  }
  // A hostile string in the URL ends up as text in the search box and the notice.
  const hostile = await openPage(browser, `${server.url}?doc=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
  assert.match(await hostile.locator('.sorot-notice').innerText(), /<img src=x onerror=alert\(1\)>/);
  assert.equal(await hostile.locator('img').count(), 0);
  assert.deepEqual(hostile.problems, []);
});

test('the open article marks the query hits too, inside mentions where they overlap', async () => {
  const page = await openPage(browser, `${server.url}?doc=003_267ace863f6cbc36.txt`);
  const reader = page.getByTestId('reader');
  const mentionsBefore = await reader.locator('mark.mention').count();
  assert.equal(await reader.locator('mark.hit').count(), 0);
  await page.getByTestId('search').fill('amerika lavrov');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=reader] mark.hit').length > 0);
  const hits = await reader.locator('mark.hit').allInnerTexts();
  assert.ok(hits.includes('Lavrov') && hits.includes('Amerika'), hits.join(' | '));
  // "Amerika Serikat" stays one mention, with the hit inside it.
  assert.equal(await reader.locator('mark.mention').count(), mentionsBefore);
  assert.equal(await reader.locator('mark.mention[data-entity=US] mark.hit').innerText(), 'Amerika');
  assert.deepEqual(page.problems, []);
});

test('the page holds to a strict Content-Security-Policy and asks no other host for anything', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // Every violation of the policy, as the page reports it.
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(`${server.url}?q=kerja+sama`);
  await page.waitForSelector('body[data-ready="true"]');
  // Loading, searching, opening an article, the progress bar of a ?corpus= load: all within it.
  await items(page).first().click();
  await page.locator('[data-testid=reader] mark.mention').first().waitFor();
  await page.getByTestId('search').fill('rusia');
  await page.waitForTimeout(300);
  const policy = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.match(policy, /style-src 'self'(;|$)/, 'no inline styles');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  const origin = new URL(server.url).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(`${origin}/`) && u !== 'data:,'), [], 'only the site itself');
  await context.close();
});
