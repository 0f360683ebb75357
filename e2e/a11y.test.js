// axe-core, injected into the page, finds no serious or critical accessibility violation on any
// view of the explorer, in light and in dark: the overview with its timeline and matrix, the
// timeline as shares with its table open, a filtered view, and an article in the reader.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { serve, launch, openPage } from './harness.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const dated = Array.from({ length: 40 }, (_, i) => JSON.stringify({
  id: `a${i}`, title: `Rusia, ASEAN dan SCO ${i}`, source: i % 2 ? 'ANTARA' : 'Kompas',
  date: i % 7 === 3 ? null : new Date(Date.UTC(2023, 7, 28 + 3 * i)).toISOString().slice(0, 10),
  text: `Menteri Luar Negeri Rusia bertemu Sekjen ASEAN di Jakarta. China dan India hadir di KTT SCO ke-${i}.`,
})).join('\n') + '\n';

let server, browser;
before(async () => { server = await serve({ 'dated.jsonl': dated }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const VIEWS = [
  ['the overview of the seeds', '', null],
  ['the overview with a timeline and a matrix', '?corpus=dated.jsonl', null],
  ['shares, filtered, with the numbers open', '?corpus=dated.jsonl&scale=share&e=RU&t=2023-W36', '[data-testid=timeline] summary'],
  ['an article in the reader', '?doc=003_267ace863f6cbc36.txt', null],
  ['the concordance, grouped, with the map', '?kwic=RU&ks=1R&kg=1L&e=RU', null],
  ['an article opened at an occurrence', '?doc=003_267ace863f6cbc36.txt&at=238&kwic=RU', null],
];

for (const scheme of ['light', 'dark']) {
  for (const [name, query, click] of VIEWS) {
    test(`no serious or critical violation: ${name}, ${scheme}`, async () => {
      const page = await openPage(browser, `${server.url}${query}`, { colorScheme: scheme });
      if (query.includes('dated')) await page.locator('[data-testid=timeline] a[data-period]').first().waitFor();
      if (click) await page.locator(click).click();
      await page.waitForTimeout(200);
      // Injected through the debugging protocol, which the page's CSP does not govern.
      await page.evaluate(AXE);
      const { violations, checked } = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return {
          violations: r.violations.filter((v) => ['serious', 'critical'].includes(v.impact))
            .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')} — ${v.nodes[0]?.failureSummary?.split('\n').slice(0, 2).join(' ')}`),
          checked: [...r.passes, ...r.incomplete].map((x) => x.id),
        };
      });
      assert.deepEqual(violations, []);
      // The check ran in earnest: contrast, names of links and of SVG images among its rules.
      for (const rule of ['color-contrast', 'link-name']) assert.ok(checked.includes(rule), `${rule} checked: ${checked.join(' ')}`);
      assert.deepEqual(page.problems, []);
      await page.context().close();
    });
  }
}
