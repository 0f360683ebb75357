#!/usr/bin/env python3
"""Draws the evaluation sample for the matcher: articles from ../shared/corpora that nobody
here annotated before, chosen reproducibly (fixed seed) and kept short enough to annotate by hand.

  python3 tools/eval/sample.py [SEED] [--exclude IDS_FILE] > sample.jsonl

40 articles: 15 from CLICK-ID's world-news categories, 15 from the rest of CLICK-ID, 10 from IndoSum.
Seed 2026 drew the development sample (dev-ids.txt), on which the rules were tuned; seed 2027,
excluding it, the test sample (test-ids.txt), annotated after that tuning; seed 2028, excluding
both, the held-out sample (holdout-ids.txt), annotated after every fix; seed 2029, excluding
all three, a second held-out sample (holdout2-ids.txt), annotated after the next round.
"""
import json
import random
import sys
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[2] / '..' / 'shared' / 'corpora'
MAX_CHARS = 3500


def load(name):
    with open(CORPORA / name, encoding='utf-8') as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    args = sys.argv[1:]
    exclude = set()
    if '--exclude' in args:
        i = args.index('--exclude')
        exclude = {l.strip() for l in open(args[i + 1]) if l.strip()}
        del args[i:i + 2]
    rng = random.Random(int(args[0]) if args else 2026)
    click = [d for d in load('clickid.jsonl') if 300 <= len(d['text']) <= MAX_CHARS and d['id'] not in exclude]
    indosum = [d for d in load('indosum.jsonl') if 300 <= len(d['text']) <= MAX_CHARS and d['id'] not in exclude]
    world = [d for d in click if any(w in d['category'].lower() for w in ('dunia', 'international', 'internasional'))]
    rest = [d for d in click if d not in world]
    picked = rng.sample(world, 15) + rng.sample(rest, 15) + rng.sample(indosum, 10)
    for d in picked:
        print(json.dumps({'id': d['id'], 'title': d['title'], 'source': d['source'], 'text': d['text']}, ensure_ascii=False))


if __name__ == '__main__':
    sys.exit(main())
