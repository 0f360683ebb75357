//! Near-duplicate clusters on real text: copies of the seed articles as outlets republish wire
//! copy (another headline, a byline, a sentence added, a paragraph dropped) fall in one cluster
//! with their original; different articles that share a footer or quote each other do not.
//! The clusters are checked against the exact Jaccard similarity of shingle sets built here
//! independently (strings of five folded words, compared pair by pair), and must not depend on
//! the order of the input, panic on hostile text, or grow quadratically.

use std::collections::BTreeSet;

use sorot_engine::dedup::{clusters, signature, unique_count, Signature, K, SHINGLE};
use sorot_engine::text::{fold, tokenize};

mod support;
use support::{fastest, seed_texts};

/// The non-blank lines of a text: its paragraphs (seed 001 has one paragraph a line).
fn paragraphs(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect()
}

fn join(paragraphs: &[String]) -> String {
    paragraphs.join("\n\n")
}

/// The footer of the Bisnis.com seed (003), from "Cek Berita" to its end: real boilerplate.
fn footer() -> String {
    let bisnis = &seed_texts()[3];
    bisnis[bisnis.find("Cek Berita").unwrap()..].to_string()
}

/// The article as another outlet republishes it: its own headline instead of the first
/// paragraph, a byline under it, and a "read also" line at the end.
fn republished(text: &str) -> String {
    let mut p = paragraphs(text);
    p[0] = "Pemimpin Kawasan Bertemu, Ini yang Dibahas".to_string();
    p.insert(1, "Oleh: Tim Redaksi | Jakarta".to_string());
    p.push("Baca juga: Harga minyak dunia naik tiga hari berturut-turut.".to_string());
    join(&p)
}

/// The article with its middle paragraph dropped.
fn trimmed(text: &str) -> String {
    let mut p = paragraphs(text);
    p.remove(p.len() / 2);
    join(&p)
}

/// The article in capitals with no-break spaces: the same words once folded.
fn shouted(text: &str) -> String {
    text.to_uppercase().replace(' ', "\u{a0}")
}

/// The first half of the article's paragraphs.
fn halved(text: &str) -> String {
    let p = paragraphs(text);
    join(&p[..p.len() / 2])
}

/// The first and the last 62% of an article's words: each about 0.62 like the whole, and 0.24
/// like each other.
fn ends(text: &str) -> [String; 2] {
    let spans: Vec<_> = tokenize(text).map(|t| t.span).collect();
    let n = spans.len() * 62 / 100;
    [text[..spans[n].start as usize].to_string(), text[spans[spans.len() - n].start as usize..].to_string()]
}

/// Paragraphs of an article from the `from`th, until they hold 120 words, and the shared
/// footer, with the index of the paragraph after them; `None` when the article's own text
/// (before its footer, if any) runs out first.
fn piece_with_footer(text: &str, from: usize) -> Option<(String, usize)> {
    let body: Vec<String> = paragraphs(text).into_iter().take_while(|p| !p.starts_with("Cek Berita")).collect();
    let mut words = 0;
    let to = from
        + body.get(from..)?.iter().position(|p| {
            words += tokenize(p).count();
            words >= 120
        })?;
    Some((format!("{}\n\n{}", join(&body[from..=to]), footer()), to + 1))
}

/// `text` with the longest paragraph of `quoted` inserted in its middle.
fn quoting(text: &str, quoted: &str) -> String {
    let mut p = paragraphs(text);
    let q = paragraphs(quoted).into_iter().max_by_key(String::len).unwrap();
    p.insert(p.len() / 2, format!("“{q}”"));
    join(&p)
}

/// The shingles of a text, built here from the engine's tokens and folding only: each window of
/// five consecutive folded words, as one string.
fn shingles(text: &str) -> BTreeSet<String> {
    let words: Vec<String> = tokenize(text).map(|t| fold(t.span.slice(text))).collect();
    words.windows(SHINGLE).map(|w| w.join(" ")).collect()
}

fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let both = a.intersection(b).count();
    let either = a.len() + b.len() - both;
    if either == 0 {
        0.0
    } else {
        both as f64 / either as f64
    }
}

fn clusters_of(texts: &[String]) -> Vec<u32> {
    clusters(&texts.iter().map(|t| signature(t)).collect::<Vec<_>>())
}

/// Whether two texts, clustered on their own, are put together.
fn together(a: &str, b: &str) -> bool {
    let c = clusters(&[signature(a), signature(b)]);
    c[0] == c[1]
}

#[test]
fn a_republished_copy_is_with_its_original_and_different_articles_are_not() {
    let s = seed_texts();
    let cases: Vec<(String, String, String, bool)> = {
        let mut v = Vec::new();
        for (i, t) in s.iter().enumerate() {
            v.push((
                format!("seed {i} and its copy with another headline, a byline and a line added"),
                t.clone(),
                republished(t),
                true,
            ));
            v.push((format!("seed {i} and its copy without the middle paragraph"), t.clone(), trimmed(t), true));
            v.push((format!("seed {i} and its copy in capitals with no-break spaces"), t.clone(), shouted(t), true));
            v.push((format!("seed {i} republished and seed {i} trimmed"), republished(t), trimmed(t), true));
            let j = (i + 1) % s.len();
            v.push((format!("seed {i} and seed {j}"), t.clone(), s[j].clone(), false));
            v.push((
                format!("half of seed {i} and half of seed {j}, each with the same long footer"),
                format!("{}\n\n{}", halved(t), footer()),
                format!("{}\n\n{}", halved(&s[j]), footer()),
                false,
            ));
            v.push((
                format!("seed {i} quoting a paragraph of seed {j}, and seed {j}"),
                quoting(t, &s[j]),
                s[j].clone(),
                false,
            ));
        }
        v.push(("the wire story and the same story rewritten by hand".into(), s[1].clone(), REWRITTEN.into(), false));
        v.push((
            "five equal words".into(),
            "Putin bertemu Xi di Moskow".into(),
            "Putin bertemu Xi di Moskow".into(),
            true,
        ));
        v.push((
            "four equal words: too short to say".into(),
            "Putin bertemu Xi Jinping".into(),
            "Putin bertemu Xi Jinping".into(),
            false,
        ));
        v.push(("one equal word".into(), "Rusia".into(), "Rusia".into(), false));
        v.push(("two empty texts".into(), String::new(), String::new(), false));
        v
    };
    for (what, a, b, want) in &cases {
        let j = jaccard(&shingles(a), &shingles(b));
        assert_eq!(together(a, b), *want, "{what} (exact Jaccard {j:.2})");
    }
    // The real boilerplate of two seeds ("Cek Berita dan Artikel yang lain di Google News").
    assert!(s[0].contains("Cek Berita dan Artikel") && s[3].contains("Cek Berita dan Artikel"));
    assert!(!together(&s[0], &s[3]), "two seeds that end with the same line");
}

/// Seed 001's first paragraphs, reported again in other words: the same story, not a copy.
const REWRITTEN: &str = "Para kepala negara bekas Uni Soviet pada hari Jumat sepakat membentuk \
    format baru bernama CIS Plus dalam pertemuan di Dushanbe, ibu kota Tajikistan. Kremlin \
    menyebut ada 19 dokumen yang ditandatangani, di antaranya soal status pengamat bagi \
    Organisasi Kerja Sama Shanghai. CIS, yang dipimpin Moskow, lahir setelah Uni Soviet bubar.";

/// The documents of the rule test: each seed, copies of it, half of it, its two ends, it quoting
/// the next seed, and pieces of it with the shared footer, each with a copy under a byline.
fn rule_set() -> Vec<String> {
    let s = seed_texts();
    let mut docs = Vec::new();
    for (i, t) in s.iter().enumerate() {
        docs.extend([t.clone(), republished(t), trimmed(t), shouted(t), halved(t), republished(&trimmed(t))]);
        docs.push(quoting(t, &s[(i + 1) % s.len()]));
        docs.extend(ends(t));
        let mut from = 0;
        while let Some((piece, next)) = piece_with_footer(t, from) {
            docs.push(format!("Oleh: Tim Redaksi\n\n{piece}"));
            docs.push(piece);
            from = next;
        }
    }
    docs
}

/// The rule, for every pair of documents with exact Jaccard similarity `j` of their shingle
/// sets:
/// - `j ≥ 0.8`: the two are in one cluster;
/// - every cluster is connected by pairs with `j ≥ 0.3`: two documents less alike than 0.3 are
///   together only through a chain of documents, each at least 0.3 like the next.
///
/// And the signatures estimate `j` within 0.2 for every pair.
#[test]
fn clusters_agree_with_the_exact_jaccard_of_the_shingle_sets() {
    let docs = rule_set();
    let n = docs.len();
    let sets: Vec<BTreeSet<String>> = docs.iter().map(|d| shingles(d)).collect();
    let sigs: Vec<Signature> = docs.iter().map(|d| signature(d)).collect();
    let cluster_of = clusters(&sigs);
    let mut near = Vec::new();
    let mut alike = 0;
    let mut unlike = 0;
    for a in 0..n {
        for b in a + 1..n {
            let j = jaccard(&sets[a], &sets[b]);
            let estimate = sigs[a].similarity(&sigs[b]);
            assert!((estimate - j).abs() < 0.2, "documents {a} and {b}: estimated {estimate:.2}, exact {j:.2}");
            if j >= 0.8 {
                alike += 1;
                assert_eq!(cluster_of[a], cluster_of[b], "documents {a} and {b} are {j:.2} alike");
            }
            if j >= 0.3 {
                near.push((a, b));
            } else if cluster_of[a] == cluster_of[b] {
                unlike += 1;
            }
        }
    }
    // Components of the graph of pairs at least 0.3 alike, by a union-find of the test's own.
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(p: &[usize], mut x: usize) -> usize {
        while p[x] != x {
            x = p[x];
        }
        x
    }
    for &(a, b) in &near {
        let (ra, rb) = (root(&parent, a), root(&parent, b));
        parent[ra.max(rb)] = ra.min(rb);
    }
    for a in 0..n {
        for b in a + 1..n {
            if cluster_of[a] == cluster_of[b] {
                assert_eq!(root(&parent, a), root(&parent, b), "documents {a} and {b}: no chain at 0.3");
            }
        }
    }
    // The rule is not vacuous: many copies, unlike pairs joined through others (the two ends of
    // an article, through the article), and clusters that are not one.
    let distinct = unique_count(&cluster_of, 0..n);
    assert!(alike >= 40, "{alike} pairs at 0.8 or more");
    assert!(unlike > 0, "no pair below 0.3 joined through others");
    assert!(near.len() > alike, "pairs between 0.3 and 0.8 too");
    assert!(distinct > 10 && distinct < n / 2, "{distinct} clusters of {n}");
}

/// The rule set, short texts, and stubs that crowd the band groups: the shared footer after 20
/// to 120 words drawn from the seeds, some of them twice, some under a byline, so that groups
/// hold more than `LEADERS` members alike and unlike in every degree.
#[test]
fn cluster_ids_are_the_smallest_member_and_do_not_depend_on_the_input_order() {
    let mut docs = rule_set();
    docs.extend(["", "Rusia", "", "Putin bertemu Xi di Moskow", "Putin bertemu Xi di Moskow"].map(String::from));
    for i in 0..60u64 {
        let stub = format!("{}\n\n{}", random_words(20 + (i as usize * 37) % 100, i), footer());
        match i % 4 {
            0 => docs.push(format!("Oleh: Tim Redaksi\n\n{stub}")),
            1 => docs.push(stub.clone()),
            _ => {}
        }
        docs.push(stub);
    }
    let n = docs.len();
    let base = clusters_of(&docs);
    for (d, &c) in base.iter().enumerate() {
        assert!(c as usize <= d && base[c as usize] == c, "document {d} in cluster {c}");
    }
    let mut state = 0x5eed_u64;
    for round in 0..6 {
        // A deterministic shuffle (the last round reverses).
        let mut order: Vec<usize> = (0..n).collect();
        if round == 5 {
            order.reverse();
        } else {
            for i in (1..n).rev() {
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                order.swap(i, (state >> 33) as usize % (i + 1));
            }
        }
        let shuffled: Vec<String> = order.iter().map(|&i| docs[i].clone()).collect();
        let c = clusters_of(&shuffled);
        // Relabel by original indices: each document's cluster as its smallest original member.
        let mut smallest = vec![usize::MAX; n];
        for (pos, &orig) in order.iter().enumerate() {
            let label = c[pos] as usize;
            smallest[label] = smallest[label].min(orig);
        }
        let mut relabelled = vec![0u32; n];
        for (pos, &orig) in order.iter().enumerate() {
            relabelled[orig] = smallest[c[pos] as usize] as u32;
        }
        assert_eq!(relabelled, base, "round {round}: another partition");
    }
}

#[test]
fn unique_count_counts_each_cluster_once() {
    let s = seed_texts();
    let docs =
        [s[0].clone(), republished(&s[0]), s[1].clone(), trimmed(&s[1]), shouted(&s[1]), String::new(), String::new()];
    let c = clusters_of(&docs);
    assert_eq!(c, [0, 0, 2, 2, 2, 5, 6]);
    let cases: &[(&[usize], usize)] =
        &[(&[0, 1, 2, 3, 4, 5, 6], 4), (&[0, 1], 1), (&[1, 3], 2), (&[2, 3, 4, 2, 2], 1), (&[5, 6], 2), (&[], 0)];
    for &(subset, want) in cases {
        assert_eq!(unique_count(&c, subset.iter().copied()), want, "stories among {subset:?}");
    }
}

#[test]
fn signatures_round_trip_through_json_and_refuse_the_wrong_length() {
    let sig = signature(&seed_texts()[2]);
    let json = serde_json::to_string(&sig).unwrap();
    assert!(json.starts_with('[') && json.matches(',').count() == K - 1, "a plain array of {K} numbers");
    assert_eq!(serde_json::from_str::<Signature>(&json).unwrap(), sig);
    let empty = serde_json::to_string(&Signature::EMPTY).unwrap();
    assert!(serde_json::from_str::<Signature>(&empty).unwrap().is_empty());
    let err = serde_json::from_str::<Signature>("[1,2,3]").unwrap_err().to_string();
    assert!(err.contains("128 values, not 3"), "{err}");
    assert!(serde_json::from_str::<Signature>("{\"a\":1}").is_err());
    assert_eq!(sig.similarity(&sig), 1.0);
    assert_eq!(Signature::EMPTY.similarity(&Signature::EMPTY), 0.0, "empty texts are alike in nothing");
}

#[test]
fn hostile_text_does_not_panic_and_short_text_stays_alone() {
    let one_word = "kata ".repeat(200_000); // 1 MB of one word
    let one_token = "a".repeat(1 << 20);
    let texts: Vec<String> = [
        "",
        " \n\t\r\n ",
        "Rusia",
        "Rusia dan China bertemu",
        "\u{200b}\u{ad}\u{feff}\u{2060}",
        "e\u{301}\u{302} \u{301}\u{301} \u{301} \u{301} \u{301} \u{301}",
        "中国和俄罗斯在上海合作组织峰会上会谈",
        "روسيا والصين تلتقيان في القمة اليوم في موسكو",
        "🇷🇺🤝🇨🇳 💥💥💥 ‼️ \u{fffd}\u{fffd}",
        "\0\0\0 a\0b\0c\0d\0e\0",
        "ＲＵＳＩＡ ＣＨＩＮＡ ＡＳＥＡＮ ＳＣＯ ＢＲＩＣＳ",
        "Kata kata KATA kata kàta",
        "<script>alert(1)</script><b>Rusia</b> &amp; &#1234; %s %n {}{}",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain([one_word, one_token])
    .collect();
    let sigs: Vec<Signature> = texts.iter().map(|t| signature(t)).collect();
    for (t, s) in texts.iter().zip(&sigs) {
        let words = tokenize(t).count();
        let shown: String = t.chars().take(40).collect();
        assert_eq!(s.is_empty(), words < SHINGLE, "{shown:?}: {words} words");
    }
    let c = clusters(&sigs);
    for (d, s) in sigs.iter().enumerate() {
        if s.is_empty() {
            assert_eq!(c.iter().filter(|&&x| x == d as u32).count(), 1, "{:?} stays alone", texts[d]);
        }
    }
    // A megabyte of one word is one shingle: the same as five of that word.
    let five = texts.iter().position(|t| t == "Kata kata KATA kata kàta").unwrap();
    assert_eq!(c[texts.len() - 2], c[five]);
    assert_eq!(sigs[texts.len() - 2], sigs[five]);
}

/// `count` words drawn from the seeds, by a generator seeded with `seed`: a text unlike any other.
fn random_words(count: usize, seed: u64) -> String {
    let s = seed_texts();
    let vocabulary: Vec<&str> = s.iter().flat_map(|t| tokenize(t).map(|w| w.span.slice(t))).collect();
    let mut state = seed;
    let words: Vec<&str> = (0..count)
        .map(|_| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            vocabulary[(state >> 33) as usize % vocabulary.len()]
        })
        .collect();
    words.join(" ")
}

/// `n` documents in crowded band groups: half of them the same boilerplate-only page, half
/// different texts (300 words drawn from the seeds) that end with the same long footer.
fn crowded(n: usize) -> Vec<Signature> {
    let page = footer();
    (0..n)
        .map(|i| {
            if i % 2 == 0 {
                signature(&page)
            } else {
                signature(&format!("{}\n\n{page}", random_words(300, i as u64)))
            }
        })
        .collect()
}

/// Each case times the same work at a size and at 8× that size and requires the ratio to stay
/// under 16 (a quadratic step would make it about 64), as `tests/growth.rs` does.
#[test]
fn clustering_crowded_groups_and_signing_long_texts_grow_linearly() {
    let small = 300;
    let (a, b) = (crowded(small), crowded(small * 8));
    let c = clusters(&b);
    let pages = unique_count(&c, (0..b.len()).step_by(2));
    let texts = unique_count(&c, (1..b.len()).step_by(2));
    assert_eq!((pages, texts), (1, b.len() / 2), "one page, and texts that share only a footer stay apart");
    let (ta, tb) = (
        fastest(3, || {
            std::hint::black_box(clusters(&a));
        }),
        fastest(3, || {
            std::hint::black_box(clusters(&b));
        }),
    );
    let ratio = tb.as_secs_f64() / ta.as_secs_f64().max(1e-6);
    assert!(ratio < 16.0, "clustering 8x the documents took {ratio:.1}x the time ({ta:?} -> {tb:?})");

    let (text_a, text_b) = (random_words(4_000, 1), random_words(32_000, 2));
    let (ta, tb) = (
        fastest(3, || {
            std::hint::black_box(signature(&text_a));
        }),
        fastest(3, || {
            std::hint::black_box(signature(&text_b));
        }),
    );
    let ratio = tb.as_secs_f64() / ta.as_secs_f64().max(1e-6);
    assert!(ratio < 16.0, "signing a text 8x longer took {ratio:.1}x the time ({ta:?} -> {tb:?})");
}
