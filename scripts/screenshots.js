// Takes screenshots of the built explorer (dist/) for the README and for looking at it:
//   node scripts/screenshots.js [out-dir]
import { serve, launch, openPage } from '../e2e/harness.js';

const out = process.argv[2] || 'docs/screenshots';
const server = await serve();
const browser = await launch();
const shots = [
  ['explorer-light.png', '?e=RU&doc=003_267ace863f6cbc36.txt', 'light', { width: 1400, height: 900 }],
  ['explorer-dark.png', '?doc=001_bbda12ee46ec3871.txt', 'dark', { width: 1400, height: 900 }],
  ['explorer-home.png', '', 'light', { width: 1400, height: 900 }],
  ['explorer-narrow.png', '?q=putin', 'light', { width: 420, height: 900 }],
  ['explorer-search.png', '?q=kerja+sama&doc=003_267ace863f6cbc36.txt', 'light', { width: 1400, height: 900 }],
  ['overview-dark.png', '?q=rusia', 'dark', { width: 1400, height: 900 }],
  ['overview-narrow-dark.png', '', 'dark', { width: 420, height: 900 }],
  ['embed-light.png', '?q=asean&embed=1', 'light', { width: 900, height: 700 }],
  ['forms-desktop-light.png', '?kwic=cis', 'light', { width: 1400, height: 900 }],
  ['forms-excluded-desktop-dark.png', '?e=cis&kwic=cis&x=cis:persemakmuran', 'dark', { width: 1400, height: 900 }],
  ['forms-excluded-phone-dark.png', '?e=cis&kwic=cis&x=cis:persemakmuran', 'dark', { width: 420, height: 900 }],
  ['embed-dark.png', '?q=asean&embed=1&theme=dark&doc=003_267ace863f6cbc36.txt', 'light', { width: 900, height: 700 }],
  // One section of the page (a selector): the co-occurrence matrix at a phone's width.
  ['cooccurrence-phone-light.png', '', 'light', { width: 390, height: 844 }, '[data-testid=cooccurrence]'],
  ['cooccurrence-phone-dark.png', '?q=rusia', 'dark', { width: 390, height: 844 }, '[data-testid=cooccurrence]'],
];
for (const [name, query, colorScheme, viewport, section] of shots) {
  const page = await openPage(browser, server.url + query, { colorScheme, viewport });
  await page.waitForTimeout(200);
  if (section) await page.locator(section).screenshot({ path: `${out}/${name}` });
  else await page.screenshot({ path: `${out}/${name}` });
  if (page.problems.length) console.error(name, page.problems);
  console.log(`${out}/${name}`);
}
await browser.close();
await server.close();
