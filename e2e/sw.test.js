// Which names the service worker keeps as content-hashed (web/sw.js): Trunk writes its 64-bit
// hash in hex without leading zeros, so a build whose hash starts with a zero nibble has 15
// digits; such a build must still reopen offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const source = readFileSync(new URL('../web/sw.js', import.meta.url), 'utf8');
const { HASHED, BUNDLE_FILE } = new Function('self', `${source}; return { HASHED, BUNDLE_FILE };`)({ addEventListener() {} });

test('Trunk files are hashed whatever the length of their hash; other names are not', () => {
  for (const name of ['sorot-app-3e36171e5638e1b.js', 'sorot-app-3e36171e5638e1b_bg.wasm', 'sorot-e8bcf3a6961589e.css', 'sorot-app-a3e36171e5638e1b.js']) {
    assert.ok(HASHED.test(name), name);
  }
  for (const name of ['index.html', 'embed.js', 'sw.js', 'sorot-app.js', 'sorot-app-3e36171e5638e1b0a.js', 'sorot-app-XYZ.js']) {
    assert.ok(!HASHED.test(name), name);
  }
  assert.ok(BUNDLE_FILE.test('/sorot/bundle/meta/0123456789abcdef.bin'));
  assert.ok(!BUNDLE_FILE.test('/sorot/bundle/meta/123456789abcdef.bin'), 'a bundle pads its hashes to 16 digits');
});
