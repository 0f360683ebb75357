#!/usr/bin/env python3
"""Derives two word lists for the matcher from real Indonesian news (../shared/corpora): the
common capitalized words that stand before country names (`common-noun` rules), and the words
one letter away from a name that are words of their own, not misspellings (`known-word` rules).

A capitalized word right before a country name is either an ordinary noun written with a capital
("Menteri Lingkungan Malaysia", "Mahkamah Agung Amerika Serikat", "Kontingen Indonesia") or part
of a proper name ("Alipay Indonesia", "Indra Jepang"). The difference shows in the corpus: an
ordinary noun also occurs in lower case. This script lists every word seen capitalized before a
country mention that also occurs in lower case at least MIN_LOWER times, and writes
crates/engine/data/context.tsv as `common-noun` rules.

The matcher reads a capitalized word that is missing from the gazetteer as a misspelled name
when it is one edit from a name's word ("Maldova", "Banglasdesh"). Some such words are words:
"Belanja" (shopping) is not "Belanda", "Columbia" not "Colombia". The corpus tells them apart
the way a spelling corrector does: a word is taken for a word, not a typo, when it occurs in
lower case (at least MIN_LOWER_KNOWN times) or at least 1/MAX_TYPO_RATIO as often as the name's
word. Typos are rare ("Indonsia" 8 times against "Indonesia" 22,910); words are not.

  cargo build --release --bin sorot && python3 tools/gazetteer/context_words.py

The corpora are CC BY 4.0 (CLICK-ID) and CC BY-SA 4.0 (IndoSum); the word list is a statistic of
them, attributed in the file's header.
"""
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT.parent / 'shared' / 'corpora'
OUT = ROOT / 'crates' / 'engine' / 'data' / 'context.tsv'
MIN_LOWER = 5
MIN_BEFORE = 1
MIN_LOWER_KNOWN = 2
MAX_TYPO_RATIO = 5
# Mirrors the matcher (crates/engine/src/matcher/spelling.rs): shortest alias word a misspelling may
# stand for (and shortest alias for a swap of two letters), shortest alias for any other edit,
# and the languages whose names are corrected.
MIN_CORRECTABLE_WORD = 5
MIN_CORRECTABLE_ALIAS = 7
CORRECTED_LANGS = ('id', 'en')
DATA = ROOT / 'crates' / 'engine' / 'data'
WORD = re.compile(r"\w+", re.UNICODE)


def fold(word):
    return ''.join(c for c in unicodedata.normalize('NFD', word.lower()) if not unicodedata.combining(c))


def one_inner_edit(a, b):
    """'letter' or 'swap' when one edit apart, leaving the first letter alone and the last unless
    swapped, else None (the matcher's `one_inner_edit`)."""
    shorter = min(len(a), len(b))
    prefix = 0
    while prefix < shorter and a[prefix] == b[prefix]:
        prefix += 1
    if prefix == shorter and len(a) == len(b) + 1 and a[-1] == a[-2]:
        return 'letter'
    if prefix == 0 or prefix == shorter:
        return None
    suffix = 0
    while suffix < shorter - prefix and a[-1 - suffix] == b[-1 - suffix]:
        suffix += 1
    da, db = len(a) - prefix - suffix, len(b) - prefix - suffix
    if (da, db) in ((1, 1), (1, 0), (0, 1)) and suffix > 0:
        return 'letter'
    if (da, db) == (2, 2) and a[prefix] == b[prefix + 1] and a[prefix + 1] == b[prefix]:
        return 'swap'
    return None


def name_words():
    """Folded words of the names a misspelling may stand for, with the shortest edit-able length
    of a name they are in, and every word of the matcher's trie."""
    targets, vocab = {}, set()
    for line in open(DATA / 'aliases.tsv', encoding='utf-8'):
        if line.startswith('#') or not line.strip():
            continue
        _code, text, lang, case, flags, _source = line.rstrip('\n').split('\t')
        words = [fold(w) for w in WORD.findall(text)]
        vocab.update(words)
        if lang in CORRECTED_LANGS and case != 'exact' and 'short' not in flags:
            letters = sum(c.isalpha() for c in text)
            for w in words:
                targets[w] = max(targets.get(w, 0), letters)
    for line in open(DATA / 'rules.tsv', encoding='utf-8'):
        cols = line.rstrip('\n').split('\t')
        if line.startswith('#') or len(cols) < 2:
            continue
        if cols[0] not in ('block', 'government'):
            continue
        words = [fold(w) for w in WORD.findall(cols[1])]
        vocab.update(words)
        if cols[0] == 'government':
            for w in words:
                targets[w] = MIN_CORRECTABLE_ALIAS
    targets = {w: n for w, n in targets.items() if len(w) >= MIN_CORRECTABLE_WORD and w.isascii() and w.isalpha()}
    return targets, vocab


def known_words(total, lower, capitalized):
    """Capitalized words one edit from a name's word that are words, not misspellings."""
    targets, vocab = name_words()
    by_key = {}
    for t in targets:
        by_key.setdefault((t[0], len(t)), []).append(t)
    known = {}
    for w in capitalized:
        if w in vocab or len(w) + 1 < MIN_CORRECTABLE_WORD or not (w.isascii() and w.isalpha()):
            continue
        for n in (len(w) - 1, len(w), len(w) + 1):
            for t in by_key.get((w[0], n), ()):
                edit = one_inner_edit(w, t)
                longest = targets[t]
                possible = (edit == 'letter' and longest >= MIN_CORRECTABLE_ALIAS) or (edit == 'swap' and longest >= MIN_CORRECTABLE_WORD)
                if possible and (lower[w] >= MIN_LOWER_KNOWN or total[w] * MAX_TYPO_RATIO > total[t]):
                    known[w] = t
    return known


def main():
    lower = Counter()
    lower_folded = Counter()
    total = Counter()
    capitalized = set()
    texts = {}
    for name in ('clickid.jsonl', 'indosum.jsonl'):
        with open(CORPORA / name, encoding='utf-8') as f:
            for line in f:
                d = json.loads(line)
                texts[d['id']] = d['text']
                for w in WORD.findall(d['text']):
                    folded = fold(w)
                    total[folded] += 1
                    if w.islower():
                        lower[w] += 1
                        lower_folded[folded] += 1
                    elif w[0].isupper() and (not any(c.isupper() for c in w[1:]) or w.isupper()):
                        capitalized.add(folded)
    before = Counter()
    for name in ('clickid.jsonl', 'indosum.jsonl'):
        out = subprocess.run([str(ROOT / 'target/release/sorot'), 'annotate', str(CORPORA / name)],
                             capture_output=True, check=True).stdout.decode('utf-8')
        for line in out.splitlines():
            m = json.loads(line)
            if m['kind'] != 'country':
                continue
            raw = texts[m['doc']].encode('utf-8')[:m['start']].decode('utf-8', 'replace')
            prev = re.search(r"(\w+)[ \u00a0]+$", raw)
            if prev and prev.group(1)[:1].isupper() and not prev.group(1).isupper():
                before[prev.group(1)] += 1
    words = sorted(w for w, n in before.items() if n >= MIN_BEFORE and lower[w.lower()] >= MIN_LOWER)
    with open(OUT, 'w', encoding='utf-8') as f:
        f.write('# Generated by tools/gazetteer/context_words.py from ../shared/corpora (CLICK-ID, CC BY 4.0;\n')
        f.write('# IndoSum, CC BY-SA 4.0): capitalized words seen before country names that also occur in\n')
        f.write(f'# lower case (>= {MIN_LOWER} times) — ordinary nouns, not parts of proper names. See rules.tsv.\n')
        f.write('# rule\tphrase\tnote\n')
        for w in words:
            f.write(f'common-noun\t{w}\n')
        known = known_words(total, lower_folded, capitalized)
        f.write(f'# Words one edit from a name\'s word that occur in lower case (>= {MIN_LOWER_KNOWN} times) or at\n')
        f.write(f'# least 1/{MAX_TYPO_RATIO} as often as it: words, not misspellings of the name.\n')
        for w in sorted(known):
            f.write(f'known-word\t{w}\t{known[w]}\n')
    print(f'{len(words)} context words ({len(before)} capitalized words seen before country names), '
          f'{len(known)} known words near names', file=sys.stderr)


if __name__ == '__main__':
    main()
