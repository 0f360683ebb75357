//! Invariants of the matcher on generated text: every mention slices to an alias of its
//! entity (up to listed spelling variants, or one edit in one word when it is flagged as
//! corrected; a ministry's own name between its head word and the alias), mentions are ordered, disjoint and on char boundaries, and nothing panics.

use proptest::prelude::*;
use sorot_engine::gazetteer::OPEN_NAME;
use sorot_engine::matcher::Matcher;
use sorot_engine::text::{fold, tokenize};

/// Folded tokens of a string, spelling variants read as their word: what two spellings of one
/// name have in common.
fn tokens(s: &str) -> Vec<String> {
    let variants = Matcher::bundled().gazetteer().variants();
    tokenize(s)
        .map(|t| {
            let w = fold(t.span.slice(s));
            variants.iter().find(|(v, _)| *v == w).map_or(w, |(_, word)| word.clone())
        })
        .collect()
}

/// Optimal string alignment distance (an adjacent swap is one edit).
fn osa(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            d[i][j] = if i == 0 || j == 0 {
                i + j
            } else {
                let mut v =
                    (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]));
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(d[i - 2][j - 2] + 1);
                }
                v
            };
        }
    }
    d[a.len()][b.len()]
}

/// An alias with two inner letters of one word swapped or one dropped: a typo.
fn misspelled(alias: &str, at: usize, drop: bool) -> String {
    let mut chars: Vec<char> = alias.chars().collect();
    if chars.len() < 4 {
        return alias.to_string();
    }
    let k = 1 + at % (chars.len() - 3);
    if drop {
        chars.remove(k);
    } else {
        chars.swap(k, k + 1);
    }
    chars.into_iter().collect()
}

fn piece() -> impl Strategy<Value = String> {
    let aliases: Vec<String> = Matcher::bundled().gazetteer().aliases().iter().map(|a| a.text.clone()).collect();
    let n = aliases.len();
    prop_oneof![
        4 => (0..n, any::<u8>()).prop_map({
            let aliases = aliases.clone();
            move |(i, how)| match how % 4 {
                0 => aliases[i].to_uppercase(),
                1 => aliases[i].to_lowercase(),
                _ => aliases[i].clone(),
            }
        }),
        2 => (0..n, any::<usize>(), any::<bool>()).prop_map(move |(i, at, drop)| misspelled(&aliases[i], at, drop)),
        2 => prop::sample::select(vec!["bahasa", "lah", "Presiden", "Indra", "Laut", "di", "kerja", "sama", "AS", "as", "Bank", "pemerintah", "Kementerian Luar Negeri", "Kedubes", "Kementerian", "Departemen", "dan", "Komunikasi"]).prop_map(String::from),
        3 => prop::sample::select(vec![" ", " ", "-", ", ", ".\n", "\n\n", "(", ")", "’", "“", "\u{a0}", ""]).prop_map(String::from),
        1 => any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn every_mention_slices_to_an_alias_of_its_entity(pieces in prop::collection::vec(piece(), 0..24)) {
        let text: String = pieces.concat();
        let m = Matcher::bundled();
        let g = m.gazetteer();
        let found = m.find(&text);
        let mut prev_end = 0;
        for x in &found {
            prop_assert!(x.span.start as usize >= prev_end, "mentions overlap or are out of order");
            prev_end = x.span.end as usize;
            prop_assert!(text.is_char_boundary(x.span.start as usize) && text.is_char_boundary(x.span.end as usize));
            let alias = g.alias(x.alias);
            prop_assert_eq!(alias.entity, Some(x.entity), "the alias names the mention's entity");
            // The span is the alias, after a government phrase when the mention has one.
            let named = x.explanation(g);
            let (got, want) = (tokens(x.span.slice(&text)), tokens(&named));
            if let Some((head, alias)) = named.split_once(OPEN_NAME) {
                // A ministry's own name: the head, some words, then the alias.
                let (head, alias) = (tokens(head), tokens(alias));
                prop_assert!(got.len() > head.len() + alias.len(), "span {:?} names a ministry", x.span.slice(&text));
                prop_assert_eq!(&got[..head.len()], &head[..]);
                if !x.corrected {
                    prop_assert_eq!(&got[got.len() - alias.len()..], &alias[..]);
                }
            } else if x.corrected {
                // One word, one edit: the rest is the alias.
                prop_assert_eq!(got.len(), want.len(), "span {:?} is {:?}", x.span.slice(&text), named);
                let differ: Vec<_> = got.iter().zip(&want).filter(|(a, b)| a != b).collect();
                prop_assert_eq!(differ.len(), 1, "span {:?} corrects one word of {:?}", x.span.slice(&text), named);
                prop_assert_eq!(osa(differ[0].0, differ[0].1), 1);
            } else {
                prop_assert_eq!(got, want, "span {:?} is {:?}", x.span.slice(&text), named);
            }
        }
    }
}
