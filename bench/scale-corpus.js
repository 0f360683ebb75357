// A K-times corpus for benchmarks at scale: the JSON Lines corpus IN repeated K times into OUT.
// Copy 0 is IN byte for byte; in copy k > 0 each record's id gets the suffix `~k`
// (`clickid-00001` → `clickid-00001~3`) and nothing else changes, so every id stays unique.
//   node bench/scale-corpus.js IN.jsonl K OUT.jsonl
//
// What repetition distorts, against a real corpus K times larger:
//  - the vocabulary and each term's share of documents are those of 1×: no new words, names or
//    misspellings arrive, so dictionaries, term lists and fuzzy-match candidates do not grow;
//  - every posting list is exactly K times as long, and document frequencies, BM25's IDF and
//    average lengths are those of 1× (IDF of a term found in n of N documents stays log(N/n));
//  - every text appears K times: K-way ties in every ranking (copies differ only by id), and
//    anything that deduplicates or compresses across documents (gzip over a bundle, shared
//    snippets, caches keyed by text) gains what it would not on real data;
//  - facets (source, date, category) keep their 1× proportions, only their counts scale.
// So it measures how the sizes of postings, documents and the download scale, not how a
// growing vocabulary does.
//
// Streams: IN is read K times in chunks and OUT written with backpressure; memory stays that of
// one chunk and one line whatever K is. Lines end with \n (a \r before it is kept); a line that
// is not a JSON object with a string or numeric id (blank, broken, no id) is copied unchanged
// into every copy, as the corpus reader would skip or report it the same way each time.
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';

/** `line` (without its \n) as it appears in copy `k`: the id suffixed with `~k`, bytes kept. */
export function relabel(line, k) {
  if (k === 0) return line;
  let record;
  try { record = JSON.parse(line); } catch { return line; }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return line;
  const { id } = record;
  if (typeof id !== 'string' && typeof id !== 'number') return line;
  // Edit the id in place when it is written plainly (as in every corpus here), so the rest of
  // the line keeps its exact bytes; otherwise write the record again with the new id.
  const raw = JSON.stringify(id);
  const at = line.search(new RegExp(`"id"\\s*:\\s*${raw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  if (at >= 0) {
    const end = line.indexOf(raw, at + 4) + raw.length;
    const suffixed = JSON.stringify(`${id}~${k}`);
    const candidate = line.slice(0, end - raw.length) + suffixed + line.slice(end);
    try { if (JSON.parse(candidate).id === `${id}~${k}`) return candidate; } catch { /* matched inside a longer number */ }
  }
  return JSON.stringify({ ...record, id: `${id}~${k}` });
}

/** Writes `k` copies of the corpus at `input` into `output`; resolves to the lines written. */
export async function scaleCorpus(input, k, output) {
  const out = createWriteStream(output);
  let lines = 0;
  const write = async (s) => { if (!out.write(s)) await once(out, 'drain'); };
  for (let copy = 0; copy < k; copy++) {
    let rest = '';
    let first = true;
    for await (const chunk of createReadStream(input, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      let text = rest + chunk;
      // A byte-order mark belongs to the start of the file, not to the start of each copy.
      if (first && copy > 0 && text.startsWith('\ufeff')) text = text.slice(1);
      first = false;
      const parts = text.split('\n');
      rest = parts.pop();
      // One write per chunk: relabelled lines joined, then the chunk's share of backpressure.
      await write(parts.map((l) => `${relabel(l, copy)}\n`).join(''));
      lines += parts.length;
    }
    // The last line of a file with no final line break still ends with one, so copies never join.
    if (rest !== '') { await write(`${relabel(rest, copy)}\n`); lines += 1; }
  }
  out.end();
  await once(out, 'finish');
  return lines;
}

// As a command (not when imported by publish-bench.js).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [input, kArg, output] = process.argv.slice(2);
  const k = Number(kArg);
  if (!input || !output || !Number.isInteger(k) || k < 1) {
    console.error('usage: node bench/scale-corpus.js IN.jsonl K OUT.jsonl   (K ≥ 1)');
    process.exit(2);
  }
  const lines = await scaleCorpus(input, k, output);
  console.log(`${output}: ${k} × ${input}, ${lines} lines`);
}
