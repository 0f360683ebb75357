//! Invariants of the matcher on generated text: every mention slices to an alias of its
//! entity, mentions are ordered, disjoint and on char boundaries, and nothing panics.

use proptest::prelude::*;
use sorot_engine::matcher::Matcher;
use sorot_engine::text::{fold, tokenize};

/// Folded tokens of a string: what two spellings of one name have in common.
fn tokens(s: &str) -> Vec<String> {
    tokenize(s).map(|t| fold(t.span.slice(s))).collect()
}

fn piece() -> impl Strategy<Value = String> {
    let aliases: Vec<String> = Matcher::bundled().gazetteer().aliases().iter().map(|a| a.text.clone()).collect();
    let n = aliases.len();
    prop_oneof![
        4 => (0..n, any::<u8>()).prop_map(move |(i, how)| match how % 4 {
            0 => aliases[i].to_uppercase(),
            1 => aliases[i].to_lowercase(),
            _ => aliases[i].clone(),
        }),
        2 => prop::sample::select(vec!["bahasa", "lah", "Presiden", "Indra", "Laut", "di", "kerja", "sama", "AS", "as", "Bank", "pemerintah", "Kementerian Luar Negeri", "Kedubes"]).prop_map(String::from),
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
            prop_assert_eq!(tokens(x.span.slice(&text)), tokens(&named), "span {:?} is {:?}", x.span.slice(&text), named);
        }
    }
}
