// A bundle built by `sorot build` shows exactly what the same corpus shows when its JSON Lines
// file is annotated in the browser: counts, results and snippets, facets, the reader with its
// hits and mentions, "Show more"; and a bundle that cannot be read says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, openPage, saveDownload } from './harness.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SORT = join(ROOT, 'target/release/sorot');

/** News-like documents from the seed articles' paragraphs, with outlets and dates. */
function corpus() {
  const seeds = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
  const paragraphs = seeds.flatMap((f) => readFileSync(join(ROOT, 'seeds', f), 'utf8').split(/\n\s*\n/)).filter((p) => p.trim().length > 40);
  const outlets = ['Kompas', 'ANTARA', 'Tempo', null];
  const lines = [];
  for (let i = 0; i < 240; i++) {
    const text = [0, 1, 2].map((k) => paragraphs[(i * 7 + k * 13) % paragraphs.length]).join('\n\n');
    lines.push(JSON.stringify({
      id: `b-${String(i).padStart(3, '0')}`, title: `Berita ${i}`, source: outlets[i % 4],
      date: i % 5 ? `2019-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` : null, text,
    }));
  }
  return lines.join('\n') + '\n';
}

/** Every file under `dir`, as name (relative, under `prefix`) → bytes. */
function files(dir, prefix) {
  const out = {};
  const walk = (d) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p); else out[`${prefix}${relative(dir, p)}`] = readFileSync(p);
    }
  };
  walk(dir);
  return out;
}

let server, browser, bundleFiles;
before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sorot-bundle-'));
  const jsonl = corpus();
  writeFileSync(join(dir, 'corpus.jsonl'), jsonl);
  execFileSync(SORT, ['build', join(dir, 'corpus.jsonl'), '--out', join(dir, 'b')], { stdio: 'pipe' });
  bundleFiles = files(join(dir, 'b'), 'b/');
  // The same bundle with one document's text file cut short.
  const damaged = Object.fromEntries(Object.entries(bundleFiles).map(([k, v]) => [k.replace(/^b\//, 'bad/'), k.startsWith('b/text/') ? v.subarray(0, 9) : v]));
  // The same bundle as a page sees one of more than 4 MB: not fetched whole once ready.
  const large = Object.fromEntries(Object.entries(bundleFiles).map(([k, v]) => [k.replace(/^b\//, 'large/'),
    k === 'b/manifest.json' ? Buffer.from(JSON.stringify({ ...JSON.parse(v), bytes: 5e9 })) : v]));
  server = await serve({ 'corpus.jsonl': jsonl, ...bundleFiles, ...damaged, ...large });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** What the page shows, as text, once the answer has settled (facets follow a frame later). */
async function shown(page) {
  await page.waitForFunction(() => !document.querySelector('.sorot-loading'));
  await page.waitForTimeout(150);
  return page.evaluate(() => {
    // textContent: cards below the fold skip layout (content-visibility), so have no innerText.
    const text = (sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent).join('\n');
    return {
      count: text('[data-testid=result-count]'),
      results: text('[data-testid=doc-list]'),
      entities: text('[data-testid=entity-panel]'),
      outlets: text('[data-testid=facet-outlets]'),
      periods: text('[data-testid=facet-periods]'),
      reader: text('[data-testid=reader]'),
      hits: document.querySelectorAll('[data-testid=reader] mark.hit').length,
      mentions: document.querySelectorAll('[data-testid=reader] mark.mention').length,
      snippetHits: document.querySelectorAll('[data-testid=doc-list] mark.hit').length,
    };
  });
}

for (const [q, extra] of [['', ''], ['rusia', ''], ['kerja sama', '&doc=b-007'], ['"kerja sama"', ''], ['asean -china', ''],
  ['rusi', '&e=RU'], ['indonesai', ''], ['presiden OR menteri', '&sort=newest'], ['sco', '&doc=b-100&e=CN']]) {
  test(`a bundle shows what its JSON Lines file shows: q=${q}${extra}`, async () => {
    const state = `q=${encodeURIComponent(q)}${extra}`;
    const fromFile = await openPage(browser, `${server.url}?corpus=corpus.jsonl&${state}`);
    const fromBundle = await openPage(browser, `${server.url}?corpus=b/&${state}`);
    const [want, got] = [await shown(fromFile), await shown(fromBundle)];
    assert.ok(want.results.length > 0 || q === 'sco', 'the query finds something');
    assert.deepEqual(got, want);
    assert.deepEqual(fromBundle.problems, []);
    await fromFile.context().close();
    await fromBundle.context().close();
  });
}

test('"Show more" on a bundle fetches the texts of the next results', async () => {
  // The texts of the first screen are held back until "Show more" has been clicked: the
  // answer that is then completed by their arrival is the one the click asked more of.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/b/text/**', async (route) => { await held; await route.continue(); });
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(m.text()); });
  await page.goto(`${server.url}?corpus=b/`);
  // Until the page is first ready, only the first screen (10) is shown; "Show more" is there.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-item]').length === 10);
  await page.getByTestId('load-more').waitFor();
  const before = 20;
  await page.getByTestId('load-more').click();
  release();
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=doc-item]').length > n, before);
  await page.waitForFunction(() => !document.querySelector("[data-testid=doc-list] .sorot-loading"));
  // textContent: cards below the fold skip layout (content-visibility), so have no innerText.
  const titles = await page.locator('[data-testid=doc-item] .sorot-doc__title').allTextContents();
  assert.ok(titles.length > before, `${titles.length} cards`);
  assert.ok(titles.every((t) => t.startsWith('Berita')), titles.join(' | '));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a folder with no bundle, or a damaged bundle file, is said so', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}?corpus=nowhere/`);
  await page.getByTestId('corpus-error').waitFor();
  assert.match(await page.getByTestId('corpus-error').innerText(), /No Sorot bundle could be read at nowhere\/.*404/s);
  await page.goto(`${server.url}?corpus=bad/`);
  await page.getByTestId('files-error').waitFor();
  assert.match(await page.getByTestId('files-error').innerText(), /bad\/text\/[0-9a-f]{16}\.bin: does not hold what its name says/);
  await context.close();
});

test('a text file the server refuses is named with its status, nothing goes unheard, and "Try again" recovers', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 404/.test(m.text())) problems.push(m.text()); });
  const refused = new Set();
  await page.route('**/b/text/**', (route) => { refused.add(new URL(route.request().url()).pathname); return route.fulfill({ status: 404, body: 'gone' }); });
  await page.goto(`${server.url}?corpus=b/`);
  await page.getByTestId('files-error').waitFor();
  const message = await page.getByTestId('files-error').innerText();
  const named = message.match(/b\/text\/[0-9a-f]{16}\.bin/)?.[0];
  assert.ok(named && [...refused].some((p) => p.endsWith(named)), message);
  assert.match(message, /the server answered 404/);
  assert.equal(await page.locator('body[data-ready]').count(), 0, 'not ready without its first texts');
  // Every refused download was heard: none is left an unhandled rejection.
  await page.waitForTimeout(300);
  assert.deepEqual(problems, []);
  await page.unroute('**/b/text/**');
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  assert.equal(await page.getByTestId('files-error').count(), 0);
  assert.ok(await page.locator('[data-testid=doc-item] .sorot-doc__title').count() >= 10);
  await context.close();
});

test("the page's start-up script fetches the manifest and metadata once, and the app takes them", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  // The manifest as the app names it, or its folder.
  for (const corpus of ['b/', 'b/manifest.json']) {
    fetched.length = 0;
    await page.goto(`${server.url}?corpus=${corpus}`);
    await page.waitForSelector('body[data-ready]');
    const manifest = fetched.filter((p) => p.endsWith('/b/manifest.json'));
    const meta = fetched.filter((p) => /\/b\/meta\/[0-9a-f]{16}\.bin$/.test(p));
    assert.equal(manifest.length, 1, `${corpus}: ${fetched.join(' ')}`);
    assert.equal(meta.length, 1, `${corpus}: ${fetched.join(' ')}`);
    // Asked for before the app's WebAssembly had arrived, so that both download beside it.
    const order = (re) => fetched.findIndex((p) => re.test(p));
    assert.ok(order(/\/b\/manifest\.json$/) < order(/_bg\.wasm$/), fetched.join(' '));
  }
  // The default view: the texts of its first screen (10 of the first page's 20, named by the
  // manifest) are in when the page is ready (the start-up script asks for them, and the app
  // takes them); those of the rest of the page come once it is shown. Each is fetched once, and
  // no other text until asked (a bundle too large to fetch whole).
  const manifest = JSON.parse(bundleFiles['b/manifest.json']);
  assert.equal(manifest.first.length, 20);
  const texts = () => fetched.filter((p) => p.includes('/large/text/')).map((p) => `text/${p.split('/text/')[1]}`);
  fetched.length = 0;
  await page.goto(`${server.url}?corpus=large/`);
  await page.waitForSelector('body[data-ready]');
  const atReady = texts();
  for (const name of manifest.first.slice(0, 10)) assert.ok(atReady.includes(name), `${name} before ready: ${atReady.join(' ')}`);
  for (let i = 0; i < 100 && texts().length < manifest.first.length; i++) await page.waitForTimeout(50);
  await page.waitForTimeout(200);
  assert.deepEqual(texts().sort(), [...manifest.first].sort());
  // Another view's results: no text is fetched ahead (none matches this query).
  fetched.length = 0;
  await page.goto(`${server.url}?corpus=large/&q=zzzqqq`);
  await page.waitForSelector('body[data-ready]');
  assert.deepEqual(texts(), []);
  // A JSON Lines file: nothing is asked for early; the file is fetched once.
  fetched.length = 0;
  await page.goto(`${server.url}?corpus=corpus.jsonl`);
  await page.waitForSelector('body[data-ready]');
  assert.equal(fetched.filter((p) => p.endsWith('manifest.json')).length, 0, fetched.join(' '));
  assert.equal(fetched.filter((p) => p.endsWith('/corpus.jsonl')).length, 1, fetched.join(' '));
  await context.close();
});

test('the results and their mentions download whole, from a bundle as from its JSON Lines file', async () => {
  const save = async (page, file) => {
    return JSON.parse((await saveDownload(page, file)).bytes.toString('utf8'));
  };
  const fromFile = await openPage(browser, `${server.url}?corpus=corpus.jsonl&q=rusia`);
  const fromBundle = await openPage(browser, `${server.url}?corpus=b/&q=rusia`);
  // The bundle reads the results' texts first, when asked (unless, small, it was fetched
  // whole meanwhile, and the button is gone: hence a click in the page, at once or not at all).
  await fromBundle.evaluate(() => document.querySelector('[data-testid=read-for-download]')?.click());
  await fromBundle.locator('button[data-download="sorot-results.json"]').waitFor({ timeout: 30000 });
  const count = Number((await fromFile.getByTestId('result-count').innerText()).match(/\d+/)[0]);
  assert.ok(count > 20, `${count} results: more than a page`);
  const [results, mentions] = [await save(fromFile, 'sorot-results.json'), await save(fromFile, 'sorot-mentions.json')];
  assert.equal(results.length, count, 'every result, not the page shown');
  assert.deepEqual(results.map((r) => r.rank), results.map((_, i) => i + 1));
  const shownIds = await fromFile.$$eval('[data-testid=doc-item]', (as) => as.map((a) => a.dataset.doc));
  assert.deepEqual(results.slice(0, shownIds.length).map((r) => r.doc), shownIds);
  assert.ok(mentions.length > results.length);
  for (const m of mentions) assert.ok(m.sentence.includes(m.text), `${m.text} in ${m.sentence}`);
  assert.ok(mentions.every((m) => results.some((r) => r.doc === m.doc)));
  assert.deepEqual(await save(fromBundle, 'sorot-results.json'), results);
  assert.deepEqual(await save(fromBundle, 'sorot-mentions.json'), mentions);
  assert.deepEqual(fromBundle.problems, []);
  await fromFile.context().close();
  await fromBundle.context().close();
});

test('over a bundle too large to fetch whole, the downloads read the results\' texts when asked, a batch at a time', async () => {
  const page = await openPage(browser, `${server.url}?corpus=large/`);
  const texts = [];
  page.on('request', (r) => { if (r.url().includes('/large/text/')) texts.push(r.url()); });
  await page.waitForSelector('body[data-ready]');
  const count = Number((await page.getByTestId('result-count').innerText()).match(/\d+/)[0]);
  assert.equal(count, 240);
  // Nothing beyond the first page is read until asked: the button says how many are left.
  const status = page.locator('.sorot-downloads[role=status]');
  await status.filter({ hasText: /their texts are read first \(2[0-9]{2} articles\)/ }).waitFor();
  const before = texts.length;
  await page.getByTestId('read-for-download').click();
  await page.locator('button[data-download="sorot-results.json"]').waitFor({ timeout: 30000 });
  assert.ok(texts.length - before >= 200, `${texts.length - before} texts read for the downloads`);
  const results = JSON.parse((await saveDownload(page, 'sorot-results.json')).bytes.toString('utf8'));
  assert.equal(results.length, count, 'every result');
  assert.ok(results.every((r) => r.title?.startsWith('Berita')), 'each with its title, read from its text file');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('over a bundle too large to fetch whole, a new word is searched twice: lacking its shards, then whole; its texts arriving search no more', async () => {
  const page = await openPage(browser, `${server.url}?corpus=large/`);
  // The kinds of the bundle's files the page has fetched to the end, since it opened.
  const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/large/') && e.responseEnd > 0)
    .map((e) => e.name.split('/large/')[1].split('/')[0]));
  await page.waitForSelector('body[data-ready]');
  // The dictionary, fetched once ready: with it in, nothing else arrives that the query would wait for.
  const terms = Object.keys(bundleFiles).filter((k) => k.startsWith('b/terms/')).length;
  for (const start = Date.now(); (await fetched()).filter((k) => k === 'terms').length < terms; await page.waitForTimeout(20)) {
    assert.ok(Date.now() - start < 10000, `the dictionary's ${terms} files within 10 s`);
  }
  await page.waitForTimeout(300);
  await page.evaluate(() => window.wasmBindings.takeSearchTimes());
  const before = (await fetched()).length;
  await page.getByTestId('search').fill('asean');
  await page.getByTestId('result-count').filter({ hasText: / of 240 articles/ }).waitFor();
  await page.waitForTimeout(500);
  const during = (await fetched()).slice(before);
  assert.ok(during.includes('postings') && during.includes('text'), `fetched: ${during.join(' ')}`);
  assert.equal((await page.evaluate(() => window.wasmBindings.takeSearchTimes())).length, 2);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('over a bundle too large to fetch whole, a form left out is counted from its entity\'s forms file, not from texts', async () => {
  // Every entity's row in the overview: what the counts are.
  const rows = (page) => page.$$eval('[data-testid=top-entities] tr[data-entity]', (trs) => trs.map((tr) => `${tr.dataset.entity} ${tr.dataset.docs} ${tr.dataset.mentions}`));
  const q = '&x=RU:rusia';
  const memory = await openPage(browser, `${server.url}?corpus=corpus.jsonl`);
  const counted = await rows(memory);
  await memory.goto(`${server.url}?corpus=corpus.jsonl${q}`);
  await memory.waitForSelector('body[data-ready="true"]');
  const expected = await rows(memory);
  await memory.context().close();
  // Leaving "rusia" out changes Russia's row.
  const russia = (rs) => rs.find((r) => r.startsWith('RU '));
  assert.notEqual(russia(expected), russia(counted));

  const page = await openPage(browser, `${server.url}?corpus=large/${q}`);
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForFunction(() => !document.querySelector('[data-testid=excluded]')?.textContent.includes('Reading'));
  assert.deepEqual(await rows(page), expected);
  // One forms file, and the first page's texts: not the texts of every article that mentions Russia.
  const forms = asked.filter((p) => p.includes('/large/forms/'));
  const texts = asked.filter((p) => p.includes('/large/text/'));
  assert.ok(forms.length >= 1 && forms.length <= 2, `${forms.length} forms files`);
  assert.ok(texts.length <= 20, `${texts.length} texts read`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
