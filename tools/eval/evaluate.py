#!/usr/bin/env python3
"""Precision and recall of `sorot annotate` against the hand-annotated sample.

  cargo build --release --bin sorot && python3 tools/eval/evaluate.py [dev|test|holdout|holdout2|holdout3|all] [--show]

Samples of 40 articles each from ../shared/corpora, drawn by sample.py, that nobody here had
annotated: `dev` (dev-ids.txt), on which the rules were tuned; `test` (test-ids.txt), annotated
by hand after that tuning and held out for one run, then used to find general fixes; then
`holdout`, `holdout2` and `holdout3`, each drawn and annotated blind after a round of fixes,
measured once, and only then used for the next round. `all` prints every sample. <set>-gold.jsonl holds
every country and organization mention in them, annotated following docs/MATCHING.md (decisions
on hard cases: <set>-gold-notes.md). A mention counts as correct only with the exact span and
the same entity. --show lists every error.
"""
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT.parent / 'shared' / 'corpora'


SAMPLES = ('dev', 'test', 'holdout', 'holdout2', 'holdout3', 'holdout4', 'holdout5', 'holdout6', 'holdout7', 'holdout8', 'holdout9', 'holdout10', 'holdout11', 'holdout12')


def main():
    show = '--show' in sys.argv
    which = next((a for a in sys.argv[1:] if a in SAMPLES + ('all',)), 'dev')
    for sample in SAMPLES if which == 'all' else (which,):
        evaluate(sample, show)


def evaluate(which, show):
    ids = [l.strip() for l in open(ROOT / f'tools/eval/{which}-ids.txt') if l.strip()]
    wanted = set(ids)
    docs = {}
    for name in ('clickid.jsonl', 'indosum.jsonl'):
        with open(CORPORA / name, encoding='utf-8') as f:
            for line in f:
                d = json.loads(line)
                if d['id'] in wanted:
                    docs[d['id']] = d
    missing = wanted - set(docs)
    if missing:
        sys.exit(f'not in the corpora: {sorted(missing)}')
    gold = {(m['doc'], m['entity'], m['start'], m['end']) for m in map(json.loads, open(ROOT / f'tools/eval/{which}-gold.jsonl'))}
    with tempfile.NamedTemporaryFile('w', suffix='.jsonl', encoding='utf-8', delete=False) as f:
        for i in ids:
            f.write(json.dumps({'id': i, 'text': docs[i]['text']}, ensure_ascii=False) + '\n')
    out = subprocess.run([str(ROOT / 'target/release/sorot'), 'annotate', f.name], capture_output=True, text=True, check=True)
    Path(f.name).unlink()
    found = {(m['doc'], m['entity'], m['start'], m['end']) for m in map(json.loads, out.stdout.splitlines())}
    tp, fp, fn = found & gold, found - gold, gold - found
    p = len(tp) / len(found) if found else 1.0
    r = len(tp) / len(gold) if gold else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f'{which} sample: articles {len(ids)}  gold mentions {len(gold)}  found {len(found)}  correct {len(tp)}')
    print(f'precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}  (exact span and entity)')
    if show:
        def snippet(doc, s, e):
            b = docs[doc]['text'].encode('utf-8')
            ctx = lambda x: x.decode('utf-8', 'replace').replace('\n', ' ')
            return f"…{ctx(b[max(0, s - 40):s])}[{ctx(b[s:e])}]{ctx(b[e:e + 40])}…"
        for label, errs in (('false positive', fp), ('missed', fn)):
            for doc, ent, s, e in sorted(errs):
                print(f'{label:15} {ent:6} {doc}: {snippet(doc, s, e)}')
        print('errors by entity:', Counter(x[1] for x in fp | fn).most_common(12))


if __name__ == '__main__':
    main()
