// The concordance: every occurrence of an entity or of the query's words in the current
// matches, one line each with its context; sorted and grouped from the URL; a line opens the
// article at its occurrence; the whole concordance downloads as CSV and JSON.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { serve, launch, openPage, saveDownload } from './harness.js';

// The seed articles, and a copy of the first two by another outlet: their lines collapse.
const SEEDS = new URL('../seeds/', import.meta.url);
const texts = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(new URL(f, SEEDS), 'utf8'));
const docs = [
  ...texts.map((text, i) => ({ id: `s${i}`, source: 'Kompas', date: `2019-09-1${i}`, text })),
  ...texts.slice(0, 2).map((text, i) => ({ id: `copy${i}`, source: 'ANTARA', date: `2019-10-1${i}`, text })),
  { id: 'hostile', source: '<b>x</b>', text: 'Kata <img src=x onerror="window.pwned=1"> Rusia <script>window.pwned=2</script> lagi.' },
];
const CORPUS = docs.map((d) => JSON.stringify(d)).join('\n') + '\n';

let server, browser;
before(async () => { server = await serve({ 'k.jsonl': CORPUS }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const lines = (page) => page.$$eval('[data-testid=kwic] tbody tr[data-doc]', (trs) => trs.map((tr) => ({
  doc: tr.dataset.doc, start: Number(tr.dataset.start), count: Number(tr.dataset.count),
  left: tr.cells[0].textContent, keyword: tr.cells[1].querySelector('a').textContent, right: tr.cells[2].textContent,
})));
const occurrences = async (page) => Number(await page.getByTestId('kwic').getAttribute('data-occurrences'));

test('the concordance opens on the most mentioned entity, with a line per mention the overview counts', async () => {
  const page = await openPage(browser, `${server.url}?corpus=k.jsonl`);
  const top = await page.$eval('[data-testid=top-entities] tr[data-entity]', (tr) => ({ code: tr.dataset.entity, mentions: Number(tr.dataset.mentions) }));
  await page.getByTestId('kwic-open').click();
  await page.getByTestId('kwic').waitFor();
  assert.equal(new URL(page.url()).searchParams.get('kwic'), top.code);
  // The overview's mentions and the concordance's occurrences are counted apart.
  assert.equal(await occurrences(page), top.mentions);
  const shown = await lines(page);
  assert.equal(shown.reduce((n, l) => n + l.count, 0), top.mentions, 'every occurrence is a line or a copy on one');
  // The copies of s0 and s1 add no line of their own, and their lines say ×2.
  assert.ok(!shown.some((l) => l.doc.startsWith('copy')));
  assert.ok(shown.filter((l) => l.doc === 's0').every((l) => l.count >= 2));
  // Each keyword is the text at its offset in its article.
  const text = Object.fromEntries(docs.map((d) => [d.id, Buffer.from(d.text)]));
  for (const l of shown) {
    const bytes = text[l.doc].subarray(l.start, l.start + Buffer.byteLength(l.keyword.replace(/\s+/g, ' ')));
    assert.equal(bytes.toString().replace(/\s+/g, ' '), l.keyword, `${l.doc}@${l.start}`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a line opens its article at the occurrence, and back returns to the concordance', async () => {
  const page = await openPage(browser, `${server.url}?corpus=k.jsonl&kwic=RU`);
  const line = (await lines(page)).find((l) => l.doc === 's3');
  await page.locator(`[data-testid=kwic] tr[data-doc=s3][data-start="${line.start}"] a`).click();
  await page.waitForSelector('[data-testid=reader-body][data-rendered] [data-at]');
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('doc'), 's3');
  assert.equal(url.searchParams.get('at'), String(line.start));
  const at = await page.$eval('[data-testid=reader-body] [data-at]', (el) => ({ start: Number(el.dataset.start), text: el.textContent, entity: el.dataset.entity }));
  assert.deepEqual(at, { start: line.start, text: line.keyword, entity: 'RU' });
  // The mention gone to is the one the stepper stands on.
  assert.equal(await page.locator('mark.mention--focus').getAttribute('data-start'), String(line.start));
  await page.goBack();
  await page.getByTestId('kwic').waitFor();
  assert.equal(new URL(page.url()).searchParams.get('doc'), null);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('sorts order the lines by the word they name, and groups count every occurrence once', async () => {
  const page = await openPage(browser, `${server.url}?corpus=k.jsonl&kwic=RU`);
  const before = await lines(page);
  const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const word = (s, side, n) => {
    const w = fold(s).match(/[\p{L}\p{N}]+/gu) || [];
    return side < 0 ? w[w.length - n] : w[n - 1];
  };
  for (const [sort, side, n] of [['1L', -1, 1], ['2L', -1, 2], ['1R', 1, 1], ['2R', 1, 2]]) {
    await page.getByTestId('kwic-sort').selectOption(sort);
    await page.waitForFunction((s) => new URL(location.href).searchParams.get('ks') === s, sort);
    const after = await lines(page);
    assert.deepEqual(after.map((l) => `${l.doc}@${l.start}`).sort(), before.map((l) => `${l.doc}@${l.start}`).sort(), 'a sort only reorders');
    const keys = after.map((l) => word(side < 0 ? l.left : l.right, side, n)).filter((k) => k !== undefined);
    // Byte order of the folded words, as the engine compares them.
    const sorted = [...keys].sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : Buffer.from(a) > Buffer.from(b) ? 1 : 0));
    assert.deepEqual(keys, sorted, sort);
  }
  await page.getByTestId('kwic-group').selectOption('1L');
  await page.waitForSelector('[data-testid=kwic] tbody[data-word]');
  const groups = await page.$$eval('[data-testid=kwic] tbody[data-word]', (gs) => gs.map((g) => ({ word: g.dataset.word, count: Number(g.dataset.count) })));
  assert.equal(groups.reduce((n, g) => n + g.count, 0), await occurrences(page));
  assert.ok(groups.every((g, i) => i === 0 || groups[i - 1].count >= g.count), 'most first');
  assert.ok(groups.some((g) => g.word === 'negeri'), 'Menteri Luar Negeri Rusia');
  // The state is in the URL: a reload shows the same.
  await page.reload();
  await page.waitForSelector('[data-testid=kwic] tbody[data-word]');
  assert.equal(await page.getByTestId('kwic-group').inputValue(), '1L');
  assert.equal(await page.getByTestId('kwic-sort').inputValue(), '2R');
  await page.context().close();
});

test("the query's concordance has a line per spelling of a compound, and sorts them by stem together", async () => {
  const page = await openPage(browser, `${server.url}?corpus=k.jsonl&q=kerjasama&kwic=~&ks=stem`);
  await page.waitForSelector('[data-testid=kwic] tr[data-doc]');
  const forms = new Set((await lines(page)).map((l) => l.keyword.toLowerCase()));
  assert.ok(forms.has('kerja sama') && forms.has('kerjasama') && forms.has('bekerja sama'), [...forms].join(' | '));
  for (const f of forms) assert.match(f, /^(be)?kerja ?sama$/, 'no part of the compound alone');
  assert.match(await page.getByTestId('kwic-target').inputValue(), /^~$/);
  await page.context().close();
});

test('the concordance downloads whole, as CSV and JSON, and corpus markup stays text', async () => {
  const page = await openPage(browser, `${server.url}?corpus=k.jsonl&kwic=RU`);
  const n = (await lines(page)).length;
  const save = async (file) => {
    const download = await saveDownload(page, file);
    assert.equal(download.name, file);
    return download.bytes.toString('utf8');
  };
  const json = JSON.parse(await save('sorot-concordance.json'));
  assert.equal(json.length, n);
  assert.deepEqual(Object.keys(json[0]), ['doc', 'outlet', 'date', 'start', 'end', 'left', 'keyword', 'right', 'occurrences', 'copies']);
  assert.equal(json.reduce((k, r) => k + r.occurrences, 0), await occurrences(page));
  const hostile = json.find((r) => r.doc === 'hostile');
  assert.equal(hostile.keyword, 'Rusia');
  assert.match(hostile.left, /<img src=x onerror/);
  assert.equal(hostile.outlet, '<b>x</b>');
  const csv = await save('sorot-concordance.csv');
  assert.ok(csv.startsWith('\ufeffdoc,outlet,date,start,end,left,keyword,right,occurrences,copies\r\n'));
  // The hostile line is shown as text, and nothing in it ran.
  const row = page.locator('[data-testid=kwic] tr[data-doc=hostile]');
  assert.match(await row.innerText(), /<img src=x onerror/);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.locator('[data-testid=kwic] img, [data-testid=kwic] script, [data-testid=kwic] b').count(), 0);
  await page.context().close();
});

test('a concordance of an entity the matches rarely mention still names it as its subject', async () => {
  const page = await openPage(browser, `${server.url}?corpus=k.jsonl&kwic=RU`);
  const offered = await page.$$eval('[data-testid=kwic-target] option', (os) => os.map((o) => o.value));
  const mentioned = await page.$$eval('[data-testid=map] a[data-entity]', (as) => as.filter((a) => Number(a.dataset.docs) > 0).map((a) => a.dataset.entity));
  const rare = mentioned.find((code) => !offered.includes(code));
  assert.ok(rare, `a country mentioned but not among the ${offered.length} offered`);
  await page.goto(`${server.url}?corpus=k.jsonl&kwic=${rare}`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=kwic]').dataset.occurrences) > 0);
  assert.equal(await page.getByTestId('kwic-target').inputValue(), rare);
  await page.context().close();
});
