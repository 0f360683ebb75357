//! The concordance has one occurrence for every mention `annotate` finds in real text (the seed
//! articles, and wire copies of some under other outlets), its context is the text around it,
//! copies collapse, sorts order by what they say, and a bundle gives the same lines once its
//! texts are in.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use sorot_engine::annotate;
use sorot_engine::bundle::{Manifest, MANIFEST};
use sorot_engine::collection::{Collection, Request};
use sorot_engine::concordance::{stems, Concordance, Order, Target, CONTEXT_WORDS};
use sorot_engine::corpus::Document;
use sorot_engine::gazetteer::Gazetteer;
use sorot_engine::matcher::Matcher;
use sorot_engine::text::{fold, tokenize};

mod support;
use support::seed_texts;

/// The five seed articles, then copies of the first three republished by another outlet (the
/// third with a sentence added at its top).
fn corpus() -> Vec<Document> {
    let texts = seed_texts();
    let mut docs: Vec<Document> = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        let mut d = Document::new(format!("s{i}"), t.clone());
        d.outlet = Some("Kompas".into());
        d.date = Some(format!("2019-09-{:02}", 10 + i));
        docs.push(d);
    }
    for (i, t) in texts.iter().take(3).enumerate() {
        let text = if i == 2 { format!("Jakarta (ANTARA) - Berita salinan.\n{t}") } else { t.clone() };
        let mut d = Document::new(format!("copy{i}"), text);
        d.outlet = Some("ANTARA".into());
        d.date = Some(format!("2019-10-{:02}", 10 + i));
        docs.push(d);
    }
    docs
}

fn bundle_of(memory: &Collection) -> (Collection, HashMap<String, Vec<u8>>) {
    let files: HashMap<String, Vec<u8>> = sorot_engine::bundle::write(memory).unwrap().into_iter().collect();
    let manifest = Manifest::parse(&files[MANIFEST]).unwrap();
    let c = Collection::from_bundle(&manifest, &files[&manifest.meta], Gazetteer::bundled().clone()).unwrap();
    (c, files)
}

/// Every occurrence a concordance stands for, as (document id, keyword start).
fn occurrences(c: &Collection, k: &Concordance) -> BTreeSet<(String, u32)> {
    k.lines.iter().flat_map(|l| l.copies.iter()).map(|&(d, s)| (c.id(d as usize).to_string(), s)).collect()
}

#[test]
fn every_mention_annotate_finds_is_one_occurrence_with_the_text_around_it() {
    let docs = corpus();
    let c = Collection::new(docs.clone(), Matcher::bundled());
    let all = c.search(&Request::default());
    // Independently: per entity code, every mention `annotate` reports, with its text.
    let mut want: BTreeMap<String, BTreeMap<(String, u32), String>> = BTreeMap::new();
    for d in &docs {
        for a in annotate(d) {
            want.entry(a.code.to_string()).or_default().insert((d.id.clone(), a.start), a.text.to_string());
        }
    }
    assert!(want.len() > 10, "{} entities", want.len());
    for (code, mentions) in &want {
        let e = c.gazetteer().entity_by_code(code).unwrap();
        let k = c.concordance(&all, Target::Entity(e));
        assert!(k.unread.is_empty());
        assert_eq!(k.occurrences, mentions.len(), "{code}");
        assert_eq!(occurrences(&c, &k), mentions.keys().cloned().collect(), "{code}");
        for l in &k.lines {
            let text = &docs[l.doc as usize].text;
            assert_eq!(l.keyword.slice(text), mentions[&(docs[l.doc as usize].id.clone(), l.keyword.start)]);
            // The context adjoins the keyword, keeps to its line, and holds at most so many words.
            assert_eq!((l.left.end, l.right.start), (l.keyword.start, l.keyword.end));
            for side in [l.left, l.right] {
                assert!(!side.slice(text).contains('\n'), "{code}: {:?}", side.slice(text));
                assert!(tokenize(side.slice(text)).count() <= CONTEXT_WORDS);
            }
            // The nearest word left is the token just before the keyword, when on its line.
            let before = tokenize(&text[..l.keyword.start as usize]).last().map(|t| t.span);
            let on_line = before.filter(|b| !text[b.end as usize..l.keyword.start as usize].contains('\n'));
            assert_eq!(k.word(&c, l, -1), on_line.map(|b| fold(b.slice(text))), "{code}");
        }
    }
}

#[test]
fn copies_of_a_story_collapse_into_one_line_with_a_count() {
    let docs = corpus();
    let c = Collection::new(docs.clone(), Matcher::bundled());
    let all = c.search(&Request::default());
    let ru = c.gazetteer().entity_by_code("RU").unwrap();
    let k = c.concordance(&all, Target::Entity(ru));
    let ru_in = |i: usize| annotate(&docs[i]).iter().filter(|a| a.code == "RU").count();
    assert_eq!(k.occurrences, (0..docs.len()).map(ru_in).sum::<usize>());
    let of = |doc: usize| k.lines.iter().filter(|l| l.doc as usize == doc).collect::<Vec<_>>();
    // A verbatim copy adds no line: each of its mentions is a copy of the seed's.
    for (seed, copy) in [(0, 5), (1, 6)] {
        assert!(ru_in(seed) > 0);
        assert!(of(copy).is_empty(), "{}", docs[copy].id);
        assert_eq!(of(seed).iter().map(|l| l.copies.len()).sum::<usize>(), ru_in(seed) + ru_in(copy));
        assert!(of(seed).iter().all(|l| l.copies.iter().any(|&(d, _)| d as usize == copy)));
    }
    // The copy with a sentence added on top reads alike past it: its lines collapse but for
    // those the new sentence is in the context of (none: it is a line of its own).
    assert!(of(7).is_empty());
    // Lines of the seeds nobody copied stand for themselves, or for a line of the same page that
    // reads alike (a scrape repeats its headline): the words around each copy are the line's.
    for l in of(3).iter().chain(&of(4)) {
        let t = &docs[l.doc as usize].text;
        let read = |at: u32| {
            let (a, b) = (at as usize, at as usize + l.keyword.len());
            let before: Vec<&str> = t[..a].rsplit('\n').next().unwrap().split_whitespace().rev().take(3).collect();
            let after: Vec<&str> = t[b..].split('\n').next().unwrap().split_whitespace().take(3).collect();
            (before, &t[a..b], after)
        };
        for &(d, at) in &l.copies {
            assert_eq!(d, l.doc);
            assert_eq!(read(at), read(l.keyword.start));
        }
    }
    // Two mentions in one sentence are two lines, though the sentence is the same.
    let docs2 = vec![Document::new("x", "Rusia dan Rusia.")];
    let c2 = Collection::new(docs2, Matcher::bundled());
    assert_eq!(c2.concordance(&c2.search(&Request::default()), Target::Entity(ru)).lines.len(), 2);
}

#[test]
fn sorts_order_by_the_word_form_stem_outlet_or_date_they_name() {
    let docs = corpus();
    let c = Collection::new(docs.clone(), Matcher::bundled());
    let all = c.search(&Request::default());
    let ru = c.gazetteer().entity_by_code("RU").unwrap();
    let base = c.concordance(&all, Target::Entity(ru));
    for (order, _) in Order::ALL {
        let mut k = base.clone();
        k.sort(&c, order);
        // A sort only reorders.
        assert_eq!(occurrences(&c, &k), occurrences(&c, &base));
        let keys: Vec<String> = k
            .lines
            .iter()
            .map(|l| {
                let t = &docs[l.doc as usize];
                match order {
                    Order::Left(n) => k.word(&c, l, -(n as isize)).map_or("\u{10FFFF}".into(), |w| w),
                    Order::Right(n) => k.word(&c, l, n as isize).map_or("\u{10FFFF}".into(), |w| w),
                    Order::Surface => fold(l.keyword.slice(&t.text)),
                    Order::Stem => stems(l.keyword.slice(&t.text)),
                    Order::Outlet => t.outlet.clone().unwrap(),
                    // Newest first: reversed, so that the keys rise.
                    Order::Date => t.date.clone().unwrap().bytes().map(|b| char::from(b'9' + b'0' - b)).collect(),
                    Order::Found => {
                        format!("{:08}{:08}", all.hits.iter().position(|h| h.doc == l.doc).unwrap(), l.keyword.start)
                    }
                }
            })
            .collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{order:?}: {keys:?}");
    }
}

#[test]
fn groups_by_a_neighbouring_word_count_every_occurrence_once() {
    let c = Collection::new(corpus(), Matcher::bundled());
    let all = c.search(&Request::default());
    let ru = c.gazetteer().entity_by_code("RU").unwrap();
    let k = c.concordance(&all, Target::Entity(ru));
    for n in [-2, -1, 1, 2] {
        let groups = k.groups(&c, n);
        assert_eq!(groups.iter().map(|g| g.occurrences).sum::<usize>(), k.occurrences);
        assert!(groups.windows(2).all(|w| w[0].occurrences >= w[1].occurrences));
        for g in &groups {
            for &i in &g.lines {
                assert_eq!(k.word(&c, &k.lines[i], n).unwrap_or_default(), g.word);
            }
        }
    }
    // "Presiden Rusia" and "Menteri Luar Negeri Rusia" are there to be found.
    assert!(k.groups(&c, -1).iter().take(5).any(|g| g.word == "presiden" || g.word == "negeri"));
}

#[test]
fn a_query_concordance_has_a_line_per_phrase_found_and_stems_group_compounds() {
    let docs = corpus();
    let c = Collection::new(docs.clone(), Matcher::bundled());
    // Independently: "kerja sama" in any spelling (one word or two, affixed), in `docs`.
    let spellings = |doc: usize| {
        let t = &docs[doc].text;
        let words: Vec<String> = tokenize(t).map(|w| stems(w.span.slice(t))).collect();
        let joined = stems("kerja sama");
        let one = (0..words.len()).filter(|&i| words[i] == joined).count();
        let two = (1..words.len()).filter(|&i| format!("{} {}", words[i - 1], words[i]) == joined).count();
        one + two
    };
    // The compound, searched as its parts: a line for each spelling, none for a part alone.
    let answer = c.search(&Request { query: "kerjasama", ..Request::default() });
    let k = c.concordance(&answer, Target::Query("kerjasama"));
    let forms: BTreeSet<String> = k.lines.iter().map(|l| fold(l.keyword.slice(&docs[l.doc as usize].text))).collect();
    for l in &k.lines {
        let kw = l.keyword.slice(&docs[l.doc as usize].text);
        assert_eq!(stems(kw), stems("kerja sama"), "{kw:?}");
    }
    assert!(forms.len() >= 3, "{forms:?}: one word, two, affixed");
    assert_eq!(k.occurrences, answer.hits.iter().map(|h| spellings(h.doc as usize)).sum::<usize>());
    // Sorted by stem, the spellings are one run of lines.
    let mut by_stem = k.clone();
    by_stem.sort(&c, Order::Stem);
    let keys: Vec<String> = by_stem.lines.iter().map(|l| stems(l.keyword.slice(&docs[l.doc as usize].text))).collect();
    assert!(keys.iter().all(|s| *s == keys[0]));
    // A phrase: only the phrase as written (that is what the search highlights).
    let answer = c.search(&Request { query: "\"kerja sama\"", ..Request::default() });
    let k = c.concordance(&answer, Target::Query("\"kerja sama\""));
    assert!(k.occurrences > 0);
    assert!(k.lines.iter().all(|l| fold(l.keyword.slice(&docs[l.doc as usize].text)) == "kerja sama"));
    // A plain word: each word found is a line.
    let answer = c.search(&Request { query: "presiden", ..Request::default() });
    let k = c.concordance(&answer, Target::Query("presiden"));
    let presiden = |doc: usize| {
        let t = &docs[doc].text;
        tokenize(t).filter(|w| stems(w.span.slice(t)) == "presiden").count()
    };
    assert_eq!(k.occurrences, answer.hits.iter().map(|h| presiden(h.doc as usize)).sum::<usize>());
    // No query, no line.
    assert_eq!(c.concordance(&c.search(&Request::default()), Target::Query("")).occurrences, 0);
}

#[test]
fn a_bundle_gives_the_same_lines_once_its_texts_are_in() {
    let memory = Collection::new(corpus(), Matcher::bundled());
    let (bundle, files) = bundle_of(&memory);
    let all: Vec<usize> = (0..memory.len()).collect();
    let request = Request::default();
    // Russia (in every article), and an entity only some mention.
    let ru = memory.gazetteer().entity_by_code("RU").unwrap();
    let some =
        memory.entity_counts(&all).iter().find(|e| e.docs > 0 && (e.docs as usize) < memory.len()).unwrap().entity;
    for (e, mentioning) in [
        (ru, memory.len()),
        (some, memory.entity_counts(&all).iter().find(|x| x.entity == some).unwrap().docs as usize),
    ] {
        let cold = bundle.concordance(&bundle.search(&request), Target::Entity(e));
        assert_eq!(
            (cold.lines.len(), cold.unread.len()),
            (0, mentioning),
            "only the articles mentioning it are to be read"
        );
    }
    for need in bundle.every_file() {
        bundle.load(need, &files[&bundle.file(need)]).unwrap();
    }
    for e in [ru, some] {
        let warm = bundle.concordance(&bundle.search(&request), Target::Entity(e));
        assert_eq!(warm, memory.concordance(&memory.search(&request), Target::Entity(e)));
    }
}

#[test]
fn hostile_text_gives_short_lines_and_no_panic() {
    let long = "x".repeat(1 << 20);
    let texts = [
        format!("{long} Rusia {long}"),
        "Rusia".to_string(),
        "\u{202E}Rusia\u{200B}\n\n\nRusia\r\nRusia".to_string(),
        format!("{} Rusia", "é".repeat(300)),
    ];
    let docs: Vec<Document> =
        texts.iter().enumerate().map(|(i, t)| Document::new(format!("h{i}"), t.clone())).collect();
    let c = Collection::new(docs, Matcher::bundled());
    let ru = c.gazetteer().entity_by_code("RU").unwrap();
    let k = c.concordance(&c.search(&Request::default()), Target::Entity(ru));
    assert!(k.occurrences >= 4, "{}", k.occurrences);
    for l in &k.lines {
        assert!(l.left.len() <= 160 && l.right.len() <= 160);
    }
}

#[test]
fn surface_forms_count_the_texts_annotate_finds() {
    let docs = corpus();
    let c = Collection::new(docs.clone(), Matcher::bundled());
    let all: Vec<usize> = (0..c.len()).collect();
    for code in ["RU", "CN", "US", "cis"] {
        let Some(e) = c.gazetteer().entity_by_code(code) else { continue };
        let mut want: BTreeMap<String, u32> = BTreeMap::new();
        for d in &docs {
            for a in annotate(d).into_iter().filter(|a| a.code == code) {
                *want.entry(fold(a.text).split_whitespace().collect::<Vec<_>>().join(" ")).or_default() += 1;
            }
        }
        let got = c.surface_forms(&all, e);
        let forms: BTreeMap<String, u32> = got.forms.iter().map(|f| (f.form.clone(), f.mentions)).collect();
        assert_eq!(forms, want, "{code}");
        assert!(got.forms.windows(2).all(|w| w[0].mentions >= w[1].mentions), "most frequent first");
        assert!(got.excluded.is_empty());
        assert_eq!(got.unread, 0);
    }
}
