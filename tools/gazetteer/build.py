#!/usr/bin/env python3
"""Builds the gazetteer's data files, crates/engine/data/entities.tsv and aliases.tsv.

Sources (and licences):
- Unicode CLDR 48 territory names, npm package cldr-localenames-full 48.2.0 (Unicode-3.0):
  main/<locale>/territories.json for id, en, ru, zh, ar, fr, es, with the -alt-short and
  -alt-variant forms.
- Debian's iso-codes 4.15 (LGPL-2.1-or-later): /usr/share/iso-codes/json/iso_3166-1.json (the
  list of codes, English names, official and common names) and its Indonesian translation
  /usr/share/locale/id/LC_MESSAGES/iso_3166-1.mo ("Federasi Rusia", "Republik Rakyat Tiongkok").
- This project's curated files in curated/ (MIT, like the project): newsroom forms and epithets
  that no standard lists, former states, entity classes and labels, Wikidata ids, the
  organizations and their aliases, and aliases left out on purpose.

Run:  cd tools/gazetteer && npm ci && python3 build.py
It needs the Debian package iso-codes (apt-get install iso-codes) and Python 3.9+; it only
rewrites the two data files, deterministically, so `git diff` shows what a source change did.
rules.tsv is written by hand.
"""
import gettext
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / 'crates' / 'engine' / 'data'
CURATED = HERE / 'curated'
CLDR = HERE / 'node_modules' / 'cldr-localenames-full' / 'main'
ISO_JSON = Path('/usr/share/iso-codes/json/iso_3166-1.json')
ISO_LOCALE = Path('/usr/share/locale')
LOCALES = ['id', 'en', 'ru', 'zh', 'ar', 'fr', 'es']


def rows(path, ncols):
    """Tab-separated rows of a curated file, comments and blank lines skipped, padded to ncols."""
    out = []
    for n, line in enumerate(path.read_text(encoding='utf-8').splitlines(), 1):
        if not line.strip() or line.startswith('#'):
            continue
        cols = [c.strip() for c in line.split('\t')]
        if len(cols) > ncols:
            sys.exit(f'{path.name}:{n}: expected at most {ncols} columns, found {len(cols)}')
        out.append(cols + [''] * (ncols - len(cols)))
    return out


def fold(s):
    """Case and diacritic folding close enough to the engine's for de-duplication."""
    s = unicodedata.normalize('NFD', s.casefold())
    s = ''.join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[\s\-‐‑–’'.]+", ' ', s).strip()


def default_case(alias):
    """Acronyms (all capitals, two letters or more) match exactly; other names in any case."""
    letters = [c for c in alias if c.isalpha()]
    return 'exact' if len(letters) >= 2 and all(c.isupper() for c in letters) else 'any'


def clean_cldr(name):
    """CLDR display names → the forms that occur in running text."""
    name = name.replace(' - ', '-')  # "Kongo - Kinshasa" → "Kongo-Kinshasa"
    out = []
    m = re.fullmatch(r'(.+?)\s*\((.+)\)', name)
    if m:
        out.append((m.group(1), 'cldr'))
        inner = m.group(2)
        if inner.isupper():  # "Kongo (RDK)" → also "RDK"; yields to any main name on conflict
            out.append((inner, 'cldr-parenthetical'))
    else:
        out.append((name, 'cldr'))
    return [(n, src) for n, src in out if ',' not in n and n.strip()]


def cldr_names(code):
    """(lang, name, source) triples from CLDR for a territory code, main form first."""
    triples = []
    for loc in LOCALES:
        t = CLDR_TERRITORIES[loc]
        for key in (code, f'{code}-alt-short', f'{code}-alt-variant'):
            if key in t:
                for n, src in clean_cldr(t[key]):
                    triples.append((loc, n, src))
    return triples


def load_cldr():
    if not CLDR.is_dir():
        sys.exit(f'{CLDR} is missing: run `npm ci` in {HERE}')
    out = {}
    for loc in LOCALES:
        j = json.loads((CLDR / loc / 'territories.json').read_text(encoding='utf-8'))
        out[loc] = j['main'][loc]['localeDisplayNames']['territories']
    return out


CLDR_TERRITORIES = {}


def main():
    global CLDR_TERRITORIES
    CLDR_TERRITORIES = load_cldr()
    iso = json.loads(ISO_JSON.read_text(encoding='utf-8'))['3166-1']
    id_iso = gettext.translation('iso_3166-1', localedir=str(ISO_LOCALE), languages=['id'])

    wikidata = {c: q for c, q, *_ in rows(CURATED / 'wikidata_countries.tsv', 2)}
    meta = {r[0]: r for r in rows(CURATED / 'countries.tsv', 5)}
    drops = {(fold(a), lang) for a, lang, _ in rows(CURATED / 'drop.tsv', 3)}
    curated_aliases = rows(CURATED / 'country_aliases.tsv', 6)

    entities = []  # (code, kind, class, name_id, name_en, wikidata, label)
    aliases = defaultdict(list)  # code → [(alias, lang, case, flags, source)]

    def add(code, alias, lang, case, flags, source):
        alias = alias.strip()
        if not alias or (fold(alias), lang) in drops or (fold(alias), '*') in drops:
            return
        aliases[code].append((alias, lang, case or default_case(alias), flags, source))

    codes = sorted({e['alpha_2'] for e in iso} | {c for c, m in meta.items() if m[1] in ('former', 'limited-recognition')})
    iso_by_code = {e['alpha_2']: e for e in iso}
    for code in codes:
        m = meta.get(code, [code, '', '', '', ''])
        cls = m[1] or 'sovereign'
        names = cldr_names(code)
        name_id = m[2] or next((n for l, n, _ in names if l == 'id'), '')
        name_en = m[4] or next((n for l, n, _ in names if l == 'en'), '')
        if not name_id or not name_en:
            sys.exit(f'{code}: no Indonesian or English name; add one to curated/countries.tsv')
        entities.append((code, 'country', cls, name_id, name_en, wikidata.get(code, ''), m[3]))
        # Curated rows first, so that they win the de-duplication below.
        for c, alias, lang, case, flags, _note in curated_aliases:
            if c == code:
                add(code, alias, lang, case, flags, 'newsroom')
        # The canonical names are aliases too (former states have no CLDR entry).
        add(code, name_id, 'id', '', '', 'canonical')
        add(code, name_en, 'en', '', '', 'canonical')
        e = iso_by_code.get(code)
        iso_names = []
        if e:
            for key in ('common_name', 'name', 'official_name'):
                if key in e and ',' not in e[key]:
                    # Official long forms open with a common noun ("Kerajaan Thailand"): written
                    # in lower case it is that noun ("kerajaan Thailand", the monarchy), so they
                    # must be capitalized to count.
                    src = 'iso-codes-official' if key == 'official_name' else 'iso-codes'
                    iso_names.append(('en', e[key], src))
                    tr = id_iso.gettext(e[key])
                    if tr != e[key] and ',' not in tr:
                        iso_names.append(('id', tr, src))
        for lang in ('id', 'en'):
            for _, n, src in [x for x in names + iso_names if x[0] == lang]:
                official = src == 'iso-codes-official' and ' ' in n
                add(code, re.sub(r'^the ', '', n), lang, 'title' if official else '', '', 'iso-codes' if official else src)
        for lang, n, src in names:
            # Two-letter abbreviations of other languages ("RU" for Reino Unido) collide with
            # Indonesian and English acronyms; longer ones ("США", "EE. UU.") are kept.
            if lang not in ('id', 'en') and not (default_case(n) == 'exact' and sum(c.isalpha() for c in n) <= 2):
                add(code, n, lang, '', '', src)

    # Organizations: curated entirely.
    for code, kind, cls, name_id, name_en, wd, label in rows(CURATED / 'organizations.tsv', 7):
        entities.append((code, 'organization', cls, name_id, name_en, wd, label))
    for code, alias, lang, case, flags, source in rows(CURATED / 'org_aliases.tsv', 6):
        add(code, alias, lang, case, flags, source or 'curated')
        # Indonesian writes "kerja sama" both as two words and as one.
        for a, b in (('Kerja Sama', 'Kerjasama'), ('Kerjasama', 'Kerja Sama'), ('kerja sama', 'kerjasama'), ('kerjasama', 'kerja sama')):
            if a in alias:
                add(code, alias.replace(a, b), lang, case, flags, 'variant')

    known = {e[0] for e in entities}
    for code in aliases:
        if code not in known:
            sys.exit(f'aliases name an unknown entity {code}')

    # One alias per entity and folded text (the first: curated, then Indonesian, then English).
    for code in aliases:
        seen, kept = set(), []
        for a in aliases[code]:
            key = fold(a[0])
            if key not in seen:
                seen.add(key)
                kept.append(a)
        aliases[code] = kept
    # A parenthetical CLDR form ("США" in "Виргинские о-ва (США)") yields to a main name.
    main_owner = defaultdict(set)
    for code, al in aliases.items():
        for a in al:
            if a[4] != 'cldr-parenthetical':
                main_owner[fold(a[0])].add(code)
    for code in aliases:
        aliases[code] = [a for a in aliases[code] if a[4] != 'cldr-parenthetical' or not (main_owner[fold(a[0])] - {code})]
    # A generated name shared by two entities names neither; curated and `short` ones stay.
    owners = defaultdict(set)
    for code, al in aliases.items():
        for a in al:
            if a[3] != 'short':
                owners[fold(a[0])].add(code)
    ambiguous = {k for k, v in owners.items() if len(v) > 1}
    for code in aliases:
        dropped = [a for a in aliases[code] if fold(a[0]) in ambiguous and a[4] not in ('newsroom', 'curated') and a[3] != 'short']
        for a in dropped:
            print(f'note: {a[0]!r} ({a[1]}) is shared by {sorted(owners[fold(a[0])])}; left out of {code}', file=sys.stderr)
        aliases[code] = [a for a in aliases[code] if a not in dropped]

    header = (
        '# Generated by tools/gazetteer/build.py: do not edit by hand (edit tools/gazetteer/curated/).\n'
        '# Sources: Unicode CLDR 48 (Unicode-3.0), Debian iso-codes 4.15 (LGPL-2.1+), curated forms (MIT).\n'
    )
    with open(DATA / 'entities.tsv', 'w', encoding='utf-8') as f:
        f.write(header + '# code\tkind\tclass\tname_id\tname_en\twikidata\tlabel\n')
        for e in entities:
            f.write('\t'.join(e).rstrip('\t') + '\n')
    n = 0
    with open(DATA / 'aliases.tsv', 'w', encoding='utf-8') as f:
        f.write(header + '# entity\talias\tlang\tcase\tflags\tsource\n')
        for e in entities:
            for alias, lang, case, flags, source in aliases.get(e[0], []):
                f.write(f'{e[0]}\t{alias}\t{lang}\t{case}\t{flags}\t{source}\n')
                n += 1
    kinds = defaultdict(int)
    for e in entities:
        kinds[e[1]] += 1
    print(f'{len(entities)} entities ({dict(kinds)}), {n} aliases', file=sys.stderr)


if __name__ == '__main__':
    main()
