// The world map colours each country by the share of the matches that mention it, draws small
// states as dots, names a country's count and forms on hover, and filters on a click.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, saveDownload } from './harness.js';

const CORPUS = [
  { id: 'a', date: '2019-09-02', text: 'Singapura dan Malaysia bertemu. Singapura menolak.' },
  { id: 'b', date: '2019-09-03', text: 'Rusia dan Federasi Rusia di Moskow.' },
  { id: 'c', date: '2019-09-05', text: 'Rusia, Indonesia dan ASEAN.' },
  { id: 'd', text: 'Tidak ada negara di sini.' },
].map((d) => JSON.stringify(d)).join('\n') + '\n';

let server, browser;
before(async () => { server = await serve({ 'm.jsonl': CORPUS }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const places = (page) => page.$$eval('[data-testid=map] a[data-entity]', (as) => Object.fromEntries(as.map((a) => [a.dataset.entity, {
  docs: Number(a.dataset.docs), cls: a.getAttribute('class'), dot: !!a.querySelector('circle'), tab: a.getAttribute('tabindex'),
}])));

test('each country is coloured by its share of the matches, small states as dots', async () => {
  const page = await openPage(browser, `${server.url}?corpus=m.jsonl`);
  const p = await places(page);
  // Counted apart: the overview's rows say the same.
  const rows = await page.$$eval('[data-testid=top-entities] tr[data-entity]', (trs) => trs.map((tr) => [tr.dataset.entity, Number(tr.dataset.docs)]));
  for (const [code, docs] of rows) if (p[code]) assert.equal(p[code].docs, docs, code);
  assert.deepEqual([p.RU.docs, p.SG.docs, p.MY.docs, p.ID.docs, p.FR.docs], [2, 1, 1, 1, 0]);
  // 2 of 4 is 50 %: the top class; 1 of 4 is 25 %: the one below; none: class 0.
  assert.match(p.RU.cls, /sorot-map__c5/);
  assert.match(p.SG.cls, /sorot-map__c4/);
  assert.match(p.FR.cls, /sorot-map__c0/);
  assert.ok(p.SG.dot && !p.RU.dot, 'Singapore is a dot, Russia a shape');
  // Only countries mentioned are in the tab order.
  assert.deepEqual([p.RU.tab, p.FR.tab], ['0', '-1']);
  // Organizations are listed beside it.
  assert.equal(await page.locator('[data-testid=map] .sorot-map__orgs li[data-entity=asean]').getAttribute('data-docs'), '1');
  assert.ok(Object.keys(p).length > 200, `${Object.keys(p).length} places`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('hovering a country names its count and the forms that matched; a click filters to it', async () => {
  const page = await openPage(browser, `${server.url}?corpus=m.jsonl`);
  // A point inside Russia (its box's centre is in the Atlantic: Chukotka lies across the
  // antimeridian): the first of a grid over its box that hits its own shape.
  const at = await page.$eval('[data-testid=map] a[data-entity=RU]', (a) => {
    const r = a.getBoundingClientRect();
    for (let y = r.top + 2; y < r.bottom; y += 3) {
      for (let x = r.left + r.width / 2; x < r.right; x += 3) {
        if (document.elementFromPoint(x, y)?.closest('a[data-entity]') === a) return { x, y };
      }
    }
    return null;
  });
  await page.mouse.move(at.x, at.y);
  await page.waitForFunction(() => document.querySelector('[data-testid=map-detail]').textContent.includes('Rusia'));
  const detail = await page.getByTestId('map-detail').innerText();
  assert.match(detail, /2 of 4 matching articles \(50\.0%\)/);
  assert.match(detail, /“Rusia” 2/);
  assert.match(detail, /“Federasi Rusia” 1/);
  // From the keyboard too.
  await page.locator('[data-testid=map] a[data-entity=SG]').focus();
  await page.waitForFunction(() => document.querySelector('[data-testid=map-detail]').textContent.includes('Singapura'));
  assert.match(await page.getByTestId('map-detail').innerText(), /“Singapura” 2/);
  await page.locator('[data-testid=map] a[data-entity=SG]').press('Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('e') === 'SG');
  assert.equal(await page.getByTestId('result-count').innerText(), '1 of 4 articles');
  assert.match(await page.locator('[data-testid=map] a[data-entity=SG]').getAttribute('class'), /selected/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the map and the timeline download as SVG, in the colours shown, and as PNG', async () => {
  const page = await openPage(browser, `${server.url}?corpus=m.jsonl`, { colorScheme: 'dark' });
  const save = async (file) => {
    const download = await saveDownload(page, file);
    assert.equal(download.name, file);
    return download.bytes;
  };
  const svg = (await save('sorot-map.svg')).toString('utf8');
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  // Every place drawn, each coloured as on the page (no class or variable left to resolve).
  const shown = await page.$$eval('[data-testid=map] a[data-entity]', (as) => as.map((a) => [a.dataset.entity, getComputedStyle(a.querySelector('path, circle')).fill]));
  const inFile = [...svg.matchAll(/data-entity="([^"]+)"[^>]*>(?:<title>[^<]*<\/title>)?<(?:path|circle)[^>]* fill="([^"]+)"/g)].map((m) => [m[1], m[2]]);
  assert.deepEqual(inFile, shown);
  assert.ok(!/var\(--|class="sorot/.test(svg));
  // With its legend: each class's words beside a swatch of its colour.
  const legend = await page.$$eval('[data-testid=map] [data-legend] li', (lis) => lis.map((li) => [li.textContent.trim(), getComputedStyle(li.querySelector('span')).backgroundColor]));
  assert.equal(legend.length, 6);
  for (const [words, colour] of legend) assert.ok(svg.includes(`fill="${colour}"/><text`) && svg.includes(`>${words.replace(/</g, "&lt;")}<`), `${words} in the legend`);
  const png = await save('sorot-map.png');
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
  assert.ok(png.readUInt32BE(16) >= 1900, `twice the width: ${png.readUInt32BE(16)}`);
  const timeline = (await save('sorot-timeline.svg')).toString('utf8');
  const rows = await page.$$eval('[data-testid=timeline] figure', (fs) => fs.map((f) => f.querySelector('figcaption span').textContent));
  for (const name of rows) assert.ok(timeline.includes(name), `${name} captioned`);
  assert.equal((timeline.match(/data-period=/g) || []).length, await page.locator('[data-testid=timeline] a[data-period]').count());
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
