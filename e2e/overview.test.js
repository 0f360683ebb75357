// With no article open, the overview says who the current matches mention: per entity, in how
// many articles and how often, countries and organizations apart; a row filters to its entity.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { serve, launch, openPage, saveDownload } from './harness.js';

// The seed articles over 16 weeks from Monday 2023-08-28 (ISO week 35): article i is dated
// 3·i mod 110 days later, every seventh undated.
const SEEDS = new URL('../seeds/', import.meta.url);
const texts = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(new URL(f, SEEDS), 'utf8'));
const dated = Array.from({ length: 120 }, (_, i) => {
  const day = new Date(Date.UTC(2023, 7, 28 + ((3 * i) % 110)));
  return { id: `a${i}`, date: i % 7 === 3 ? null : day.toISOString().slice(0, 10), text: texts[i % texts.length] };
});
const DATED = dated.map((d) => JSON.stringify(d)).join('\n') + '\n';

let server, browser;
before(async () => { server = await serve({ 'dated.jsonl': DATED }); browser = await launch(); });
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

test('a share of the matches is never rounded to nothing', async (t) => {
  // Mongolia in 1 article of 300: 0.33%, which a whole percentage would show as "0%".
  const docs = Array.from({ length: 300 }, (_, i) => ({ id: `d${i}`, text: i === 7 ? 'Mongolia hadir bersama Rusia.' : 'Rusia dan China bertemu.' }));
  const name = 'shares.jsonl';
  const local = await serve({ [name]: docs.map((d) => JSON.stringify(d)).join('\n') + '\n' });
  t.after(() => local.close());
  const page = await openPage(browser, `${local.url}?corpus=${name}`);
  await page.locator('[data-testid=top-entities] tr[data-entity=MN]').waitFor();
  const shown = (code) => page.locator(`[data-testid=top-entities] tr[data-entity=${code}] .sorot-overview__pct`).innerText();
  assert.equal((await shown('MN')).trim(), '(0.3%)');
  assert.equal((await shown('RU')).trim(), '(100%)');
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

// Typing changes the matches, not what the overview is made of: the same elements take the new
// counts (remaking every view on each keystroke once cost 30 ms before the first results showed,
// and every remade link left an effect behind), and every link, old or new, leads where it says.
test('typing updates the overview in place, and its links follow the address', async () => {
  const page = await openPage(browser, `${server.url}?corpus=dated.jsonl`);
  await page.getByTestId('timeline').waitFor();
  await page.evaluate(() => { window.__map = document.querySelector('[data-testid=map]'); window.__kwic = document.querySelector('[data-testid=kwic-open]'); });
  const links = () => page.evaluate(() => window.wasmBindings.liveLinks());
  const before = await links();
  assert.ok(before > 50, `links registered: ${before}`);
  const box = page.getByTestId('search');
  for (const q of ['asean', 'rusia', 'kerja sama', 'china', '']) {
    await box.fill(q);
    await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === (q || null), q);
  }
  await box.fill('rusia');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'rusia');
  const matches = await count(page);
  await page.waitForFunction((n) => document.querySelector('[data-testid=timeline]').dataset.matches === String(n), matches);
  assert.ok(await page.evaluate(() => window.__map === document.querySelector('[data-testid=map]') && window.__kwic.isConnected),
    'the map and the concordance control are the ones first drawn');
  // As many links as the views hold now: none left behind by the remade bars, cells and rows.
  const inPage = await page.evaluate(() => document.querySelectorAll('a[href^="?"], a[href^="/"]').length);
  const live = await links();
  assert.ok(live <= inPage, `${live} links registered, ${inPage} on the page`);
  // Every link leads from the address's state: a row of the overview, a bar, a card.
  for (const sel of ['[data-testid=top-entities] tr[data-entity] a', '[data-testid=timeline] a[data-period]', '[data-testid=doc-item]']) {
    const href = await page.locator(sel).first().getAttribute('href');
    assert.equal(new URL(href, page.url()).searchParams.get('q'), 'rusia', `${sel}: ${href}`);
  }
  // And a click follows it in the page.
  const bar = page.locator('[data-testid=timeline] figure[data-series=matches] a[data-period]:not([data-docs="0"])').first();
  const period = await bar.getAttribute('data-period');
  await bar.click();
  await page.waitForFunction((p) => new URLSearchParams(location.search).get('t') === p, period);
  assert.equal(new URL(page.url()).searchParams.get('q'), 'rusia');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// Records, frame by frame from the next one, the result count and the matches each view shows,
// after `act` (run in the page) changes the view; resolves once all show the new count.
const frames = (page, act) => page.evaluate((act) => new Promise((done, fail) => {
  const parts = ['overview', 'timeline', 'cooccurrence'];
  const read = () => ({
    results: Number(document.querySelector('[data-testid=result-count]').innerText.match(/\d+/)[0]),
    ...Object.fromEntries(parts.map((p) => [p, Number(document.querySelector(`[data-testid=${p}]`)?.dataset.matches)])),
  });
  const start = read(); const seen = [];
  const tick = () => {
    const now = read(); seen.push(now);
    if (now.results !== start.results && parts.every((p) => now[p] === now.results)) done({ start, seen });
    else if (seen.length > 300) fail(new Error(`views never all showed the new count: ${JSON.stringify(seen.slice(-3))}`));
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  new Function(act)();
}), act);

test('a keystroke shows its results first and the other views a frame later; a click shows the whole new view in one frame', async () => {
  const page = await openPage(browser, `${server.url}?corpus=dated.jsonl`);
  await page.locator('[data-testid=cooccurrence] a[data-a]').first().waitFor();
  // Typing: the results come in a frame of their own, the views in a later one.
  const typed = await frames(page, `const box = document.querySelector('[data-testid=search]'); box.value = 'asean'; box.dispatchEvent(new Event('input', { bubbles: true }))`);
  const at = typed.seen.findIndex((f) => f.results !== typed.start.results);
  assert.equal(typed.seen[at].timeline, typed.start.timeline, JSON.stringify(typed));
  assert.ok(typed.seen.length > at + 1, JSON.stringify(typed));
  // A click on a week of the timeline: the first frame showing the new results shows every view's.
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'asean');
  const period = await page.$$eval('[data-testid=timeline] figure[data-series=matches] a[data-period]', (as) => {
    const n = Number(document.querySelector('[data-testid=result-count]').innerText.match(/\d+/)[0]);
    return as.find((a) => Number(a.dataset.docs) > 0 && Number(a.dataset.docs) < n).dataset.period;
  });
  const clicked = await frames(page, `document.querySelector('[data-testid=timeline] figure[data-series=matches] a[data-period="${period}"]').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }))`);
  const first = clicked.seen.find((f) => f.results !== clicked.start.results);
  assert.deepEqual(first, { results: first.results, overview: first.results, timeline: first.results, cooccurrence: first.results }, JSON.stringify(clicked));
  assert.equal(new URL(page.url()).searchParams.get('t'), period);
  // Links made before the click and kept (the entities' facet) lead from the new address a
  // frame later.
  const kept = await page.evaluate(() => { window.__kept = [...document.querySelectorAll('[data-testid=entity-panel] a[data-entity]')]; return window.__kept.length; });
  assert.ok(kept > 0);
  await page.waitForFunction((p) => window.__kept.every((a) => a.isConnected && new URL(a.getAttribute('href'), location.href).searchParams.get('t') === p), period);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

const bins = (page, series) => page.$$eval(`[data-testid=timeline] figure[${series}] a[data-period]`, (as) => as.map((a) => ({
  period: a.dataset.period, docs: Number(a.dataset.docs), total: Number(a.dataset.total), sparse: a.dataset.sparse === 'true',
  current: a.getAttribute('aria-current') === 'true', height: Number(a.querySelector('.sorot-timeline__fill').getAttribute('height')),
})));

test('the timeline bins every dated article by week, counts the undated apart, and a bar filters to its week', async () => {
  const page = await openPage(browser, `${server.url}?corpus=dated.jsonl`);
  const timeline = page.getByTestId('timeline');
  await timeline.waitFor();
  assert.equal(await timeline.getAttribute('data-granularity'), 'week');
  const all = await bins(page, 'data-series=matches');
  // Counted here: the week of each dated article, from its day's distance to 2023-08-28.
  const weeks = new Map();
  for (const d of dated.filter((d) => d.date)) {
    const w = Math.floor((Date.parse(d.date) - Date.UTC(2023, 7, 28)) / (7 * 864e5));
    weeks.set(w, (weeks.get(w) ?? 0) + 1);
  }
  assert.equal(all.length, Math.max(...weeks.keys()) + 1, 'a bar for every week, empty ones too');
  assert.equal(all[0].period, '2023-W35');
  assert.deepEqual(all.map((b) => b.total), all.map((_, w) => weeks.get(w) ?? 0));
  assert.deepEqual(all.map((b) => b.docs), all.map((b) => b.total), 'with no query the matches are every article');
  assert.ok(all.some((b) => b.sparse) && all.some((b) => !b.sparse), 'weeks with few articles are marked');
  const undated = dated.filter((d) => !d.date).length;
  assert.match(await timeline.innerText(), new RegExp(`${undated} matching articles without a date a week can hold`));
  // Entity rows: the five most mentioned, each bar at most the week's matches.
  const ru = await bins(page, 'data-entity=RU');
  assert.equal(ru.length, all.length);
  assert.ok(ru.every((b, i) => b.docs <= all[i].docs) && ru.some((b) => b.docs > 0), JSON.stringify(ru));
  assert.equal(await page.locator('[data-testid=timeline] figure[data-series=entity]').count(), 5);

  // A click on Russia's busiest week filters to it: the results are that week's articles.
  const busiest = ru.reduce((a, b) => (b.docs > a.docs ? b : a));
  const week = all.find((b) => b.period === busiest.period);
  await page.locator(`[data-testid=timeline] figure[data-entity=RU] a[data-period="${busiest.period}"]`).click();
  await page.waitForURL(new RegExp(`t=${busiest.period}`));
  await page.waitForFunction((n) => document.querySelector('[data-testid=result-count]')?.innerText.startsWith(`${n} of`), week.docs);
  const dates = await page.$$eval('[data-testid=doc-item]', (items) => items.map((i) => i.innerText.match(/\d{4}-\d{2}-\d{2}/)?.[0]));
  assert.equal(dates.length, week.docs);
  const monday = Date.UTC(2023, 7, 28) + 7 * 864e5 * all.indexOf(week);
  for (const d of dates) assert.ok(Date.parse(d) >= monday && Date.parse(d) < monday + 7 * 864e5, `${d} in ${busiest.period}`);
  // The timeline still shows every week, with this one marked; a second click clears the filter.
  await page.waitForFunction((p) => document.querySelector(`[data-testid=timeline] figure[data-series=matches] a[data-period="${p}"]`)?.getAttribute('aria-current') === 'true', busiest.period);
  assert.equal((await bins(page, 'data-series=matches')).length, all.length);
  await page.locator(`[data-testid=timeline] figure[data-series=matches] a[data-period="${busiest.period}"]`).click();
  await page.waitForFunction(() => !location.search.includes('t='));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the timeline switches between counts and shares of the period, and its table holds the same numbers', async () => {
  const page = await openPage(browser, `${server.url}?corpus=dated.jsonl&q=asean`);
  await page.getByTestId('timeline').waitFor();
  const counts = await bins(page, 'data-series=matches');
  await page.locator('[data-testid=timeline] a[data-scale=share]').click();
  await page.waitForURL(/scale=share/);
  await page.waitForFunction(() => document.querySelector('[data-testid=timeline] a[data-scale=share]').getAttribute('aria-current') === 'true');
  const shares = await bins(page, 'data-series=matches');
  assert.deepEqual(shares.map((b) => [b.period, b.docs, b.total]), counts.map((b) => [b.period, b.docs, b.total]));
  // Heights follow docs / total, on the row's own scale.
  const ratio = shares.map((b) => (b.total ? b.docs / b.total : 0));
  const top = Math.max(...ratio);
  shares.forEach((b, i) => { if (b.docs) assert.ok(Math.abs(b.height - Math.max(1.5, (38 * ratio[i]) / top)) < 0.01, JSON.stringify(b)); });
  // The table twin: a row per week and one for the undated, with the same counts.
  await page.locator('[data-testid=timeline] summary').click();
  const table = await page.$$eval('[data-testid=timeline-table] tbody tr', (trs) => trs.map((tr) => [tr.dataset.period, ...[...tr.cells].slice(1, 3).map((c) => Number(c.innerText))]));
  assert.deepEqual(table.slice(0, -1), counts.map((b) => [b.period, b.total, b.docs]));
  assert.equal(table.at(-1)[0], 'undated');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the co-occurrence matrix counts the matches mentioning both, and a cell lists them', async () => {
  const page = await openPage(browser, `${server.url}?corpus=dated.jsonl`);
  await page.getByTestId('cooccurrence').waitFor();
  const cells = await page.$$eval('[data-testid=cooccurrence] a[data-a]', (as) => as.map((a) => ({
    a: a.dataset.a, b: a.dataset.b, docs: Number(a.dataset.docs), llr: Number(a.dataset.llr), label: a.getAttribute('aria-label'),
  })));
  assert.equal(cells.length, (8 * 7) / 2, 'every pair of the eight most mentioned, once');
  assert.ok(cells.every((c) => c.a !== c.b && /together in \d+ of 120 articles/.test(c.label)), JSON.stringify(cells[0]));
  const pair = cells.filter((c) => c.docs > 0).reduce((x, y) => (y.llr > x.llr ? y : x));
  await page.locator(`[data-testid=cooccurrence] a[data-a="${pair.a}"][data-b="${pair.b}"]`).click();
  await page.waitForURL(new RegExp(`e=${pair.a}%2C${pair.b}|e=${pair.a},${pair.b}`));
  await page.waitForFunction((n) => document.querySelector('[data-testid=result-count]')?.innerText.startsWith(`${n} of`), pair.docs);
  // Every listed article mentions both: the overview now counts each in all of them.
  for (const e of [pair.a, pair.b]) {
    await page.waitForFunction(([e, n]) => document.querySelector(`[data-testid=top-entities] tr[data-entity="${e}"]`)?.dataset.docs === String(n), [e, pair.docs]);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("at a phone's width the co-occurrence matrix shows every column beside the row names", async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await openPage(browser, `${server.url}?corpus=dated.jsonl`, { viewport: { width: 390, height: 844 }, colorScheme });
    await page.getByTestId('cooccurrence').waitFor();
    const fit = await page.$eval('[data-testid=cooccurrence]', (section) => {
      const right = section.getBoundingClientRect().right;
      const cells = [...section.querySelectorAll('td.sorot-cooc__cell, thead th')];
      return { cells: cells.length, outside: cells.filter((c) => c.getBoundingClientRect().right > right + 0.5).map((c) => c.textContent) };
    });
    assert.ok(fit.cells > 28, `${fit.cells} cells and headings`);
    assert.deepEqual(fit.outside, [], colorScheme);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('the co-occurrence matrix downloads as an SVG grid of its cells, in the colours shown, and as a PNG', async () => {
  const page = await openPage(browser, `${server.url}?corpus=dated.jsonl`, { colorScheme: 'dark' });
  await page.getByTestId('cooccurrence').waitFor();
  const save = async (file) => {
    const download = await saveDownload(page, file);
    assert.equal(download.name, file);
    return download.bytes;
  };
  const svg = (await save('sorot-cooccurrence.svg')).toString('utf8');
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  // A cell per pair, its count and marker as written on the page, its fill the page's colour.
  const shown = await page.$$eval('[data-testid=cooccurrence] td.sorot-cooc__cell', (tds) => tds.map((td) => [
    td.textContent.replace(/\s+/g, ' ').trim(), getComputedStyle(td).backgroundColor]));
  const inFile = [...svg.matchAll(/<rect x="[^"]*" [^>]*fill="([^"]+)"[^>]*?\/?>(?:<\/rect>)?<text [^>]*>([^<]+)<\/text>/g)].map((m) => [m[2], m[1]]);
  assert.equal(shown.length, (8 * 7) / 2);
  assert.deepEqual(inFile, shown);
  // Every entity named, as a row or a column.
  for (const name of await page.$$eval('[data-testid=cooccurrence] th', (ths) => ths.map((th) => th.textContent.trim()))) {
    assert.ok(svg.includes(`>${name}<`), `${name} named`);
  }
  assert.ok(!/var\(--|class="sorot/.test(svg));
  const png = await save('sorot-cooccurrence.png');
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the timeline and the matrix download their numbers, whole, as CSV and JSON', async () => {
  const page = await openPage(browser, `${server.url}?corpus=dated.jsonl`);
  await page.getByTestId('timeline').waitFor();
  const save = async (file) => {
    const download = await saveDownload(page, file);
    assert.equal(download.name, file);
    return download.bytes.toString('utf8');
  };
  const csv = await save('sorot-timeline.csv');
  assert.ok(csv.startsWith('\ufeffperiod,granularity,series,articles,mentions,period_articles,share\r\n'), csv.slice(0, 80));
  const lines = csv.slice(1).trimEnd().split('\r\n').slice(1).map((l) => l.split(','));
  const all = await bins(page, 'data-series=matches');
  const matches = lines.filter((l) => l[2] === 'matches');
  assert.deepEqual(matches.slice(0, -1).map((l) => [l[0], Number(l[3]), Number(l[5])]), all.map((b) => [b.period, b.docs, b.total]));
  assert.deepEqual(matches.at(-1).slice(0, 4), ['undated', 'week', 'matches', String(dated.filter((d) => !d.date).length)]);
  const series = await page.$$eval('[data-testid=timeline] figure[data-series=entity]', (fs) => fs.map((f) => f.dataset.entity));
  assert.deepEqual([...new Set(lines.map((l) => l[2]))], ['matches', ...series], 'every row of the chart');
  const json = JSON.parse(await save('sorot-timeline.json'));
  assert.equal(json.length, lines.length);
  assert.deepEqual(json[0], { period: all[0].period, granularity: 'week', series: 'matches', articles: all[0].docs, mentions: json[0].mentions, period_articles: all[0].total, share: 1 });

  const pairs = JSON.parse(await save('sorot-cooccurrence.json'));
  const cells = await page.$$eval('[data-testid=cooccurrence] a[data-a]', (as) => as.map((a) => [a.dataset.a, a.dataset.b, Number(a.dataset.docs), Number(a.dataset.llr)]));
  const key = (x) => x.join(' ');
  assert.deepEqual(pairs.map((p) => [p.a, p.b, p.units_both, Number(p.llr.toFixed(2))]).sort((x, y) => key(x).localeCompare(key(y))),
    cells.sort((x, y) => key(x).localeCompare(key(y))));
  const matrix = await save('sorot-cooccurrence.csv');
  assert.equal(matrix.trimEnd().split('\r\n').length, cells.length + 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the matrix counts by sentence when switched, fewer pairs than by article, and the switch is in the URL', async () => {
  const page = await openPage(browser, server.url);
  const cells = () => page.$$eval('[data-testid=cooccurrence] a[data-a]', (as) => Object.fromEntries(as.map((a) => [`${a.dataset.a} ${a.dataset.b}`, Number(a.dataset.docs)])));
  const byArticle = await cells();
  await page.locator('[data-testid=cooccurrence] a[data-unit=sentence]').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('co') === 'sentence');
  await page.waitForFunction(() => /Sentences mentioning both, of the \d+ sentences/.test(document.querySelector('[data-testid=cooccurrence]').textContent));
  const bySentence = await cells();
  const units = Number(await page.getByTestId('cooccurrence').getAttribute('data-matches'));
  assert.ok(units > 5 * 10, `${units} sentences in the five seeds`);
  for (const [pair, n] of Object.entries(bySentence)) {
    if (pair in byArticle) assert.ok(n === 0 || byArticle[pair] > 0, `${pair}: in one sentence means in one article`);
  }
  assert.ok(Object.values(bySentence).some((n) => n > 0), 'some pair shares a sentence');
  assert.equal(await page.locator('[data-testid=cooccurrence] a[data-unit=sentence]').getAttribute('aria-current'), 'true');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('with no match the timeline says so, and with matches but no dates it says that', async () => {
  const page = await openPage(browser, `${server.url}?corpus=dated.jsonl&q=qqzzxx`);
  await page.getByTestId('timeline').waitFor();
  assert.match(await page.getByTestId('timeline').innerText(), /No article matches\./);
  assert.equal(await page.locator('[data-testid=timeline] a[data-period]').count(), 0);
  await page.context().close();
  // Only the seed 001, which is undated, names Dushanbe: nothing to draw, and it says why.
  const seeds = await openPage(browser, `${server.url}?q=dushanbe`);
  await seeds.getByTestId('timeline').waitFor();
  assert.match(await seeds.getByTestId('timeline').innerText(), /None of the matching articles is dated\./);
  await seeds.context().close();
});
